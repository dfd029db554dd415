//! Turns an outbox row into a message: subject, text and HTML from templates.

use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

use crate::db::outbox::OutboxRow;
use crate::templates;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("email template {template}: {source}")]
    Template {
        template: String,
        #[source]
        source: handlebars::RenderError,
    },
    #[error("email payload is not JSON: {0}")]
    Payload(#[from] serde_json::Error),
    #[error("email address '{address}': {source}")]
    Address {
        address: String,
        #[source]
        source: lettre::address::AddressError,
    },
    #[error("building the email: {0}")]
    Build(#[from] lettre::error::Error),
}

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders the three parts of an email from its template and payload.
pub fn render_parts(template: &str, payload: &serde_json::Value) -> Result<Rendered, RenderError> {
    let part = |suffix: &str, hb: &handlebars::Handlebars<'_>| {
        let name = format!("emails/{template}.{suffix}");
        hb.render(&name, payload)
            .map_err(|source| RenderError::Template {
                template: name,
                source,
            })
    };
    Ok(Rendered {
        subject: part("subject", templates::text())?.trim().to_string(),
        text: part("text", templates::text())?,
        html: part("html", templates::html())?,
    })
}

/// Builds the MIME message for a row, with its stable Message-ID.
pub fn build_message(row: &OutboxRow, from: &str) -> Result<Message, RenderError> {
    let payload: serde_json::Value = serde_json::from_str(&row.payload)?;
    let parts = render_parts(&row.template, &payload)?;
    let parse = |address: &str| {
        address
            .parse::<Mailbox>()
            .map_err(|source| RenderError::Address {
                address: address.to_string(),
                source,
            })
    };
    let alternative = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(parts.text),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(parts.html),
        );
    // A calendar invitation goes in as an attachment that calendar clients
    // recognise (text/calendar with its METHOD).
    let body = match payload["ics"].as_object() {
        Some(ics) => {
            let text = ics
                .get("text")
                .and_then(|t| t.as_str())
                .unwrap_or_default()
                .to_string();
            let method = ics
                .get("method")
                .and_then(|t| t.as_str())
                .unwrap_or("REQUEST");
            let content_type =
                ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                    .unwrap_or(ContentType::TEXT_PLAIN);
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(Attachment::new("invite.ics".into()).body(text, content_type))
        }
        None => alternative,
    };
    let mut builder = Message::builder().from(parse(from)?);
    // Checked when the owner saved it; an address that no longer parses
    // costs the header, never the email.
    if let Some(reply_to) = payload["reply_to"].as_str() {
        match parse(reply_to) {
            Ok(mailbox) => builder = builder.reply_to(mailbox),
            Err(e) => tracing::warn!(error = %e, "reply address left out"),
        }
    }
    Ok(builder
        .to(parse(&row.recipient)?)
        .subject(parts.subject)
        .message_id(Some(row.message_id.clone()))
        .multipart(body)?)
}
