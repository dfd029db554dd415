//! The candidate emails of a job, editable by the owner with a preview,
//! one text per language: a candidate gets the text in the language they
//! applied in.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::db::{self, DbError};
use crate::i18n::{Locale, Message};
use crate::mail::candidate::{
    render, sample_vars, unknown_placeholders, CandidateMessage, PLACEHOLDERS,
};
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

/// The placeholders of a subject and text that Rapport does not know.
fn unknown_in(subject: &str, body: &str) -> Vec<String> {
    let mut unknown = unknown_placeholders(subject);
    for p in unknown_placeholders(body) {
        if !unknown.contains(&p) {
            unknown.push(p);
        }
    }
    unknown
}

fn braces(p: &str) -> String {
    format!("{{{{{p}}}}}")
}

/// The language whose text is edited: `?language=fr` on the page, a
/// hidden field in the form; English when absent or unknown.
#[derive(Deserialize)]
pub struct LanguageQuery {
    #[serde(default)]
    language: String,
}

impl LanguageQuery {
    fn locale(&self) -> Locale {
        Locale::parse_or_english(&self.language)
    }
}

/// The editor's address for a kind of email in a language (English
/// without a query, as before languages).
fn editor_path(job_id: &str, message: CandidateMessage, locale: Locale) -> String {
    let path = format!("/admin/jobs/{job_id}/emails/{}", message.key());
    if locale == Locale::ENGLISH {
        path
    } else {
        format!("{path}?language={}", locale.code())
    }
}

/// The sample candidate of the preview, in the text's language, for this
/// job, with the company's reply address as emails carry it.
fn preview_vars(locale: Locale, job_title: &str, reply_to: Option<String>) -> serde_json::Value {
    let mut vars = sample_vars(locale);
    vars["job_title"] = json!(job_title);
    match reply_to {
        Some(address) => vars["reply_to"] = json!(address),
        None => {
            vars.as_object_mut().map(|v| v.remove("reply_to"));
        }
    }
    vars
}

/// The company's reply address: the preview reads as the email will.
async fn reply_to(state: &AppState) -> Result<Option<String>, WebError> {
    state
        .db
        .read(db::settings::reply_to)
        .await
        .web_context("reading the reply address")
}

async fn job_title(state: &AppState, job_id: String) -> Result<(String, String), WebError> {
    let job = state
        .db
        .read(move |conn| db::jobs::find(conn, &job_id))
        .await
        .web_context("finding a job")?
        .ok_or(WebError::NotFound)?;
    Ok((job.id, job.posting.title))
}

#[allow(clippy::too_many_arguments)]
fn editor(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    job: (String, String),
    message: CandidateMessage,
    locale: Locale,
    subject: &str,
    body: &str,
    customised: bool,
    customised_in: &[Locale],
    error: Option<String>,
    notice: Option<&str>,
    reply_to: Option<String>,
) -> Result<HttpResponse, WebError> {
    let vars = preview_vars(locale, &job.1, reply_to);
    let preview = render(subject, body, &vars);
    let unknown = unknown_in(subject, body);
    let title = super::words(&if locale == Locale::ENGLISH {
        Message::new("staff-title-email").arg("label", super::words(&message.label()))
    } else {
        Message::new("staff-title-email-in")
            .arg("label", super::words(&message.label()))
            .arg("language", locale.name())
    });
    Page::new("pages/admin/email_template", &title)
        .staff(owner.user(), "jobs")
        .status(if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK })
        .render(
            req,
            state,
            json!({
                "job": { "id": job.0, "title": job.1 },
                "kind": message.key(),
                "label": super::words(&message.label()),
                "kinds": CandidateMessage::ALL.iter().map(|m| json!({ "href": editor_path(&job.0, *m, locale), "label": super::words(&m.label()), "current": *m == message })).collect::<Vec<_>>(),
                "language": locale.code(),
                "language_name": locale.name(),
                "english": locale == Locale::ENGLISH,
                "languages": Locale::all().map(|l| json!({ "code": l.code(), "name": l.name(), "href": editor_path(&job.0, message, l), "current": l == locale, "customised": customised_in.contains(&l) })).collect::<Vec<_>>(),
                "subject": subject,
                "body": body,
                "customised": customised,
                "preview": preview.as_ref().ok().map(|(s, b)| json!({ "subject": s, "body": b })),
                "error": error.or_else(|| preview.err().map(|m| super::words(&m))),
                "notice": notice,
                "placeholders": PLACEHOLDERS.map(braces),
                "unknown": unknown.iter().map(|p| braces(p)).collect::<Vec<_>>(),
                "reply_to": vars.get("reply_to"),
                "raw_if": "{{#if reply_to}}…{{/if}}",
            }),
        )
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    path: web::Path<(String, String)>,
    query: web::Query<LanguageQuery>,
) -> Result<HttpResponse, WebError> {
    let (job_id, kind) = path.into_inner();
    let message = CandidateMessage::parse(&kind).ok_or(WebError::NotFound)?;
    let locale = query.locale();
    let job = job_title(&state, job_id).await?;
    let jid = job.0.clone();
    let (stored, customised_in) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::email_templates::get(conn, &jid, message.key(), locale)?,
                db::email_templates::locales(conn, &jid, message.key())?,
            ))
        })
        .await
        .web_context("reading an email template")?;
    let customised = stored.is_some();
    let (subject, body) = stored.unwrap_or_else(|| {
        (
            message.default_subject(locale),
            message.default_body(locale),
        )
    });
    let reply_to = reply_to(&state).await?;
    editor(
        &req,
        &state,
        &owner,
        job,
        message,
        locale,
        &subject,
        &body,
        customised,
        &customised_in,
        None,
        None,
        reply_to,
    )
}

/// The languages in which the job has its own text for this email.
async fn customised_in(
    state: &AppState,
    job_id: &str,
    message: CandidateMessage,
) -> Result<Vec<Locale>, WebError> {
    let jid = job_id.to_string();
    state
        .db
        .read(move |conn| db::email_templates::locales(conn, &jid, message.key()))
        .await
        .web_context("reading an email template")
}

#[derive(Deserialize)]
pub struct TemplateForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    /// "preview", "save" or "reset".
    #[serde(default)]
    action: String,
    /// The language of the text (a code; English when absent).
    #[serde(default)]
    language: String,
}

pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<TemplateForm>,
) -> Result<HttpResponse, WebError> {
    let (job_id, kind) = path.into_inner();
    let message = CandidateMessage::parse(&kind).ok_or(WebError::NotFound)?;
    let locale = Locale::parse_or_english(&form.language);
    let job = job_title(&state, job_id).await?;
    if !matches!(form.action.as_str(), "preview" | "save" | "reset") {
        let reply_to = reply_to(&state).await?;
        let customised_in = customised_in(&state, &job.0, message).await?;
        return editor(
            &req,
            &state,
            &owner,
            job,
            message,
            locale,
            form.subject.trim(),
            &form.body.replace("\r\n", "\n"),
            false,
            &customised_in,
            Some(super::words(&Message::new("staff-error-email-action"))),
            None,
            reply_to,
        );
    }
    if form.action == "reset" {
        let jid = job.0.clone();
        state
            .db
            .write(move |conn| db::email_templates::reset(conn, &jid, message.key(), locale))
            .await
            .web_context("resetting an email")?;
        return Ok(see_other(&editor_path(&job.0, message, locale)));
    }
    let (subject, body) = (
        form.subject.trim().to_string(),
        form.body.replace("\r\n", "\n"),
    );
    let problem = if subject.is_empty() || body.trim().is_empty() {
        Some(super::words(&Message::new("staff-error-email-empty")))
    } else if subject.chars().count() > 200 || body.chars().count() > 10_000 {
        Some(super::words(
            &Message::new("staff-error-email-long")
                .count("subject", 200)
                .count("body", 10_000),
        ))
    } else {
        render(&subject, &body, &sample_vars(locale))
            .err()
            .map(|m| super::words(&m))
    };
    // Rendered, an unknown placeholder is blank ("Hello ," to a candidate):
    // the preview flags it, saving refuses it.
    let unknown = unknown_in(&subject, &body).first().map(|first| {
        super::words(
            &Message::new("staff-error-email-unknown-placeholder")
                .arg("placeholder", braces(first)),
        )
    });
    let problem = if form.action == "preview" {
        problem
    } else {
        problem.or(unknown)
    };
    if problem.is_some() || form.action == "preview" {
        let reply_to = reply_to(&state).await?;
        let customised_in = customised_in(&state, &job.0, message).await?;
        return editor(
            &req,
            &state,
            &owner,
            job,
            message,
            locale,
            &subject,
            &body,
            false,
            &customised_in,
            problem,
            None,
            reply_to,
        );
    }
    let jid = job.0.clone();
    let actor = owner.user().id.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            db::email_templates::set(conn, &jid, message.key(), locale, &subject, &body, now)?;
            // Which text: the kind, and the language when not English.
            let what = if locale == Locale::ENGLISH {
                message.key().to_string()
            } else {
                format!("{} ({})", message.key(), locale.code())
            };
            db::audit::record(
                conn,
                Some(&actor),
                "email.edited",
                ("job", &jid),
                &what,
                now,
            )?;
            Ok::<_, DbError>(())
        })
        .await
        .web_context("saving an email")?;
    Ok(see_other(&editor_path(&job.0, message, locale)))
}
