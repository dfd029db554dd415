//! Closing a job with candidates still in progress: one confirmation that
//! shows who is left, lets the owner reject them with the kind email (with
//! a preview) and cancels their upcoming interviews, all in one transaction.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::db::{self, DbError};
use crate::domain::job::{CloseReason, Job, JobStatus};
use crate::flows::closing::{close_job, default_reason, Rejection};
use crate::flows::pipeline::Mailer;
use crate::i18n::Message;
use crate::mail::candidate::{self as candidate_mail, CandidateMessage};
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

/// The most characters of the reason given to rejected candidates.
const MAX_REASON_CHARS: usize = 2000;

#[derive(Deserialize, Default)]
pub struct CloseForm {
    #[serde(default)]
    reason: String,
    /// "yes" once the owner has seen who is left and confirmed.
    #[serde(default)]
    confirm: String,
    /// "yes" to reject the candidates still in progress.
    #[serde(default)]
    reject_remaining: String,
    /// What the rejected candidates are told, in the kind email.
    #[serde(default)]
    rejection_reason: String,
    #[serde(default)]
    send_email: String,
    #[serde(default)]
    notify_interviews: String,
}

#[derive(Deserialize)]
pub struct CloseQuery {
    reason: Option<String>,
}

async fn load_open(state: &AppState, id: String) -> Result<Job, WebError> {
    let job = state
        .db
        .read(move |conn| db::jobs::find(conn, &id))
        .await
        .web_context("finding a job")?
        .ok_or(WebError::NotFound)?;
    if job.status != JobStatus::Open {
        return Err(WebError::BadRequest(
            Message::new("staff-error-job-cannot-close").arg("status", job.status.as_str()),
        ));
    }
    Ok(job)
}

/// The confirmation page (also reached from an accepted offer).
pub async fn confirm_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    query: web::Query<CloseQuery>,
) -> Result<HttpResponse, WebError> {
    let job = load_open(&state, id.into_inner()).await?;
    let reason = query
        .reason
        .as_deref()
        .and_then(CloseReason::parse)
        .unwrap_or(CloseReason::Filled);
    let form = CloseForm {
        reason: reason.as_str().into(),
        reject_remaining: "yes".into(),
        rejection_reason: super::words(&default_reason(reason)),
        send_email: "yes".into(),
        notify_interviews: "yes".into(),
        ..CloseForm::default()
    };
    render(&req, &state, &owner, &job, &form).await
}

async fn render(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    job: &Job,
    form: &CloseForm,
) -> Result<HttpResponse, WebError> {
    let job_id = job.id.clone();
    // The preview is the email the first candidate would get, in their
    // language: the job's own text in it, else the default.
    let (remaining, template) = state
        .db
        .read(move |conn| {
            let remaining = db::applications::active_for_job(conn, &job_id)?;
            let template = match remaining.first() {
                Some(first) => {
                    let locale = first.locale();
                    let key = CandidateMessage::Rejection.key();
                    Some(
                        db::email_templates::get(conn, &job_id, key, locale)?.unwrap_or_else(
                            || {
                                (
                                    CandidateMessage::Rejection.default_subject(locale),
                                    CandidateMessage::Rejection.default_body(locale),
                                )
                            },
                        ),
                    )
                }
                None => None,
            };
            Ok::<_, DbError>((remaining, template))
        })
        .await
        .web_context("reading the candidates in progress")?;
    let company = crate::web::public::company_name(state).await?;
    let preview = remaining.first().zip(template).map(|(a, (subject, body))| {
        let vars = json!({ "name": a.name, "job_title": job.posting.title, "company": company, "reason": form.rejection_reason.trim() });
        match candidate_mail::render(&subject, &body, &vars) {
            Ok((subject, body)) => json!({ "to": a.name, "subject": subject, "body": body }),
            Err(problem) => json!({ "to": a.name, "problem": super::words(&problem) }),
        }
    });
    let title = super::title_with("staff-title-job-close", &[("title", &job.posting.title)]);
    Page::new("pages/admin/job_close", &title)
        .staff(owner.user(), "jobs")
        .render(
            req,
            state,
            json!({
                "job": { "id": job.id, "title": job.posting.title },
                "filled": form.reason == CloseReason::Filled.as_str(),
                "remaining": remaining.iter().map(|a| json!({ "id": a.id, "name": a.name, "stage": super::words(&a.stage().label()) })).collect::<Vec<_>>(),
                "count": remaining.len(),
                "form": {
                    "reject_remaining": form.reject_remaining == "yes",
                    "rejection_reason": form.rejection_reason,
                    "send_email": form.send_email == "yes",
                    "notify_interviews": form.notify_interviews == "yes",
                },
                "preview": preview,
            }),
        )
}

/// Closes the job. With candidates still in progress, the first post shows
/// the confirmation and changes nothing; the confirmed post closes the job
/// and, if chosen, rejects them all, in one transaction.
pub async fn close(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<CloseForm>,
) -> Result<HttpResponse, WebError> {
    let reason = CloseReason::parse(&form.reason)
        .ok_or_else(|| WebError::BadRequest(Message::new("staff-error-close-reason-missing")))?;
    let job = load_open(&state, id.into_inner()).await?;
    let reject = form.reject_remaining == "yes";
    let rejection_reason = form.rejection_reason.trim().to_string();
    if reject && rejection_reason.chars().count() > MAX_REASON_CHARS {
        return Err(WebError::BadRequest(
            Message::new("staff-error-close-reason-long").count("max", MAX_REASON_CHARS as i64),
        ));
    }
    let jid = job.id.clone();
    let remaining = state
        .db
        .read(move |conn| db::applications::active_for_job(conn, &jid))
        .await
        .web_context("reading the candidates in progress")?;
    if !remaining.is_empty() && form.confirm != "yes" {
        return render(&req, &state, &owner, &job, &form).await;
    }
    let actor = owner.user().id.clone();
    let company = crate::web::public::company_name(&state).await?;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let send = form.send_email == "yes";
    let notify = form.notify_interviews == "yes";
    let job_id = job.id.clone();
    let closed = state
        .db
        .write(move |conn| {
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            let remaining = reject.then(|| Rejection {
                reason: if rejection_reason.is_empty() {
                    default_reason(reason).to_string()
                } else {
                    rejection_reason.clone()
                },
                send_email: send,
                notify_interviews: notify,
            });
            close_job(conn, &job, reason, &actor, remaining.as_ref(), &mailer)
        })
        .await
        .web_context("closing a job")?;
    if !closed {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-job-no-longer-open",
        )));
    }
    Ok(see_other(&format!("/admin/jobs/{job_id}/edit?closed=1")))
}
