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
    // One context for the three parts, not a copy of the payload each.
    let context = handlebars::Context::from(payload.clone());
    let part = |suffix: &str, hb: &handlebars::Handlebars<'_>| {
        let name = format!("emails/{template}.{suffix}");
        hb.render_with_context(&name, &context)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    /// A payload as the candidate flow queues it, in `locale`.
    fn payload(locale: Locale, questions: bool, again: bool) -> serde_json::Value {
        serde_json::json!({
            "name": "Camille Martin",
            "job_title": "Customer Support Specialist",
            "company": "Glimmer Ratings",
            "link": "https://jobs.example/c/abc?x=1&y=2",
            "expires_on": locale.date(chrono::NaiveDate::from_ymd_opt(2027, 3, 2).unwrap()),
            "tiers": "2, 3",
            "questions": questions,
            "again": again,
            "locale": locale,
        })
    }

    /// The English subjects and texts as they were written before the
    /// language files: the same emails must come out.
    const BEFORE: [(&str, &str, &str); 8] = [
        (
            "application_received",
            "subject",
            r#"{{#if questions}}Your application for {{job_title}}: the next step{{else}}We received your application for {{job_title}}{{/if}}
"#,
        ),
        (
            "application_received",
            "text",
            r#"Hello {{name}},

Thank you for applying for {{job_title}} at {{company}}. We read every application.
{{#if questions}}
The next step is a few screening questions: real situations our customers bring us, with links to our help centre. Take your time; your answers are saved as you go.

Your personal link (it works until {{expires_on}}; keep it to yourself):
{{link}}
{{else}}
You will hear from us within a week. Your own page shows where your application stands; there you can also withdraw it or have your data erased at any time.

Your personal link (it works until {{expires_on}}, and you can ask for a new one from the job's page; keep it to yourself):
{{link}}
{{/if}}
{{company}}
"#,
        ),
        (
            "screening_next_round",
            "subject",
            r#"{{job_title}}: your next questions
"#,
        ),
        (
            "screening_next_round",
            "text",
            r#"Hello {{name}},

Thank you for your answers: you passed the first part of the screening for {{job_title}}. The next questions (tier {{tiers}}) are a little trickier; the links in them will help.

Your personal link (it works until {{expires_on}}):
{{link}}

{{company}}
"#,
        ),
        (
            "candidate_link",
            "subject",
            r#"{{#if again}}Your application for {{job_title}}: your personal link{{else}}Your new link for {{job_title}}{{/if}}
"#,
        ),
        (
            "candidate_link",
            "text",
            r#"Hello {{name}},

{{#if again}}Someone (probably you) just applied again for {{job_title}} at {{company}} with this email address. We already have your application, so we did not create a second one and nothing in it has changed.

Here is the personal link to your application (it works until {{expires_on}}; keep it to yourself):
{{link}}
{{else}}Here is a new personal link to your application for {{job_title}} at {{company}} (it works until {{expires_on}}):
{{link}}
{{/if}}
If you did not ask for it, you can ignore this email.

{{company}}
"#,
        ),
        (
            "screen_declined",
            "subject",
            r#"Your application for {{job_title}}
"#,
        ),
        (
            "screen_declined",
            "text",
            r#"Hello {{name}},

Thank you for the time you gave to our screening questions for {{job_title}}. We have decided not to go further with your application: this is our final decision for this role, and it says nothing about what you can become.

We wish you all the best in your search.

{{company}}
"#,
        ),
    ];

    const CANDIDATE_TEMPLATES: [&str; 4] = [
        "application_received",
        "screening_next_round",
        "candidate_link",
        "screen_declined",
    ];

    #[test]
    fn candidate_emails_are_written_in_the_payload_s_language() {
        let french = Locale::parse("fr").unwrap();
        for template in CANDIDATE_TEMPLATES {
            for (questions, again) in [(false, false), (true, true)] {
                let en =
                    render_parts(template, &payload(Locale::ENGLISH, questions, again)).unwrap();
                let fr = render_parts(template, &payload(french, questions, again)).unwrap();
                assert!(
                    en.text.starts_with("Hello Camille Martin,\n\n"),
                    "{}",
                    en.text
                );
                assert!(
                    fr.text.starts_with("Bonjour Camille Martin,\n\n"),
                    "{}",
                    fr.text
                );
                assert!(en.html.contains("<html lang=\"en\">"));
                assert!(fr.html.contains("<html lang=\"fr\">"));
                assert_ne!(en.subject, fr.subject, "{template}");
                for part in [&fr.subject, &fr.text, &fr.html] {
                    for english in ["Hello", "Thank you", "Your ", "link", "application"] {
                        let part = part.replace("/c/abc", "");
                        assert!(!part.contains(english), "{template}: {english} in {part}");
                    }
                }
                // Values are escaped in HTML, also inside translated markup.
                if template != "screen_declined" {
                    assert!(fr.html.contains("&amp;y"), "{}", fr.html);
                }
                assert!(!fr.html.contains("x=1&y=2"));
            }
        }
    }

    #[test]
    fn english_emails_read_as_they_always_have() {
        for (template, part, before) in BEFORE {
            for (questions, again) in [(false, false), (true, false), (false, true)] {
                let mut payload = payload(Locale::ENGLISH, questions, again);
                let now = render_parts(template, &payload).unwrap();
                let now = if part == "subject" {
                    now.subject
                } else {
                    now.text
                };
                // As queued before languages: no locale in the payload.
                payload.as_object_mut().unwrap().remove("locale");
                let then = templates::text().render_template(before, &payload).unwrap();
                let then = if part == "subject" {
                    then.trim().to_string()
                } else {
                    then
                };
                assert_eq!(now, then, "{template}.{part} {questions} {again}");
            }
        }
        let french = Locale::parse("fr").unwrap();
        let parts = render_parts("application_received", &payload(french, false, false)).unwrap();
        assert_eq!(
            parts.subject,
            "Nous avons bien reçu votre candidature au poste de Customer Support Specialist"
        );
        assert!(parts
            .text
            .contains("(valable jusqu’au 2 mars 2027, et vous pouvez en demander un nouveau"));
    }
}
