//! The candidate emails of a job, editable by the owner with a preview.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::db::{self, DbError};
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
    subject: &str,
    body: &str,
    customised: bool,
    error: Option<String>,
    notice: Option<&str>,
    reply_to: Option<String>,
) -> Result<HttpResponse, WebError> {
    let mut vars = sample_vars();
    vars["job_title"] = json!(job.1);
    match reply_to {
        Some(address) => vars["reply_to"] = json!(address),
        None => {
            vars.as_object_mut().map(|v| v.remove("reply_to"));
        }
    }
    let preview = render(subject, body, &vars);
    let unknown = unknown_in(subject, body);
    let title = format!("Email: {}", message.label());
    Page::new("pages/admin/email_template", &title)
        .staff(owner.user(), "jobs")
        .status(if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK })
        .render(
            req,
            state,
            json!({
                "job": { "id": job.0, "title": job.1 },
                "kind": message.key(),
                "label": message.label(),
                "kinds": CandidateMessage::ALL.iter().map(|m| json!({ "key": m.key(), "label": m.label(), "current": *m == message })).collect::<Vec<_>>(),
                "subject": subject,
                "body": body,
                "customised": customised,
                "preview": preview.as_ref().ok().map(|(s, b)| json!({ "subject": s, "body": b })),
                "error": error.or_else(|| preview.err()),
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
) -> Result<HttpResponse, WebError> {
    let (job_id, kind) = path.into_inner();
    let message = CandidateMessage::parse(&kind).ok_or(WebError::NotFound)?;
    let job = job_title(&state, job_id).await?;
    let jid = job.0.clone();
    let stored = state
        .db
        .read(move |conn| db::email_templates::get(conn, &jid, message.key()))
        .await
        .web_context("reading an email template")?;
    let customised = stored.is_some();
    let (subject, body) = stored.unwrap_or_else(|| {
        (
            message.default_subject().into(),
            message.default_body().into(),
        )
    });
    let reply_to = reply_to(&state).await?;
    editor(
        &req, &state, &owner, job, message, &subject, &body, customised, None, None, reply_to,
    )
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
    let job = job_title(&state, job_id).await?;
    if !matches!(form.action.as_str(), "preview" | "save" | "reset") {
        let reply_to = reply_to(&state).await?;
        return editor(
            &req,
            &state,
            &owner,
            job,
            message,
            form.subject.trim(),
            &form.body.replace("\r\n", "\n"),
            false,
            Some("Choose Preview, Save or Back to the default.".to_string()),
            None,
            reply_to,
        );
    }
    if form.action == "reset" {
        let jid = job.0.clone();
        state
            .db
            .write(move |conn| db::email_templates::reset(conn, &jid, message.key()))
            .await
            .web_context("resetting an email")?;
        return Ok(see_other(&format!(
            "/admin/jobs/{}/emails/{}",
            job.0,
            message.key()
        )));
    }
    let (subject, body) = (
        form.subject.trim().to_string(),
        form.body.replace("\r\n", "\n"),
    );
    let problem = if subject.is_empty() || body.trim().is_empty() {
        Some("Write a subject and a text.".to_string())
    } else if subject.chars().count() > 200 || body.chars().count() > 10_000 {
        Some("Keep the subject under 200 characters and the text under 10,000.".to_string())
    } else {
        render(&subject, &body, &sample_vars()).err()
    };
    // Rendered, an unknown placeholder is blank ("Hello ," to a candidate):
    // the preview flags it, saving refuses it.
    let unknown = unknown_in(&subject, &body).first().map(|first| {
        format!(
            "Rapport does not know {}: the candidate would see a blank there. Use one of the placeholders listed under the text.",
            braces(first)
        )
    });
    let problem = if form.action == "preview" {
        problem
    } else {
        problem.or(unknown)
    };
    if problem.is_some() || form.action == "preview" {
        let reply_to = reply_to(&state).await?;
        return editor(
            &req, &state, &owner, job, message, &subject, &body, false, problem, None, reply_to,
        );
    }
    let jid = job.0.clone();
    let actor = owner.user().id.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            db::email_templates::set(conn, &jid, message.key(), &subject, &body, now)?;
            db::audit::record(
                conn,
                Some(&actor),
                "email.edited",
                ("job", &jid),
                message.key(),
                now,
            )?;
            Ok::<_, DbError>(())
        })
        .await
        .web_context("saving an email")?;
    Ok(see_other(&format!(
        "/admin/jobs/{}/emails/{}",
        job.0,
        message.key()
    )))
}
