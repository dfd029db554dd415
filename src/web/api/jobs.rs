//! Staff jobs: list, read, create, update, publish, close. Owners see and
//! change every job; an interviewer reads the jobs whose panel they are on
//! (the pages' rule). Writes go through `flows::jobs` and
//! `flows::closing`, with `JobPosting::parse` as on the editor page.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::view::ApiJob;
use super::{json, ApiError, Caller};
use crate::db::{self, DbError};
use crate::domain::job::{CloseReason, Job, JobInput, JobPosting, JobStatus};
use crate::flows::closing::{close_job, default_reason, Rejection};
use crate::flows::pipeline::Mailer;
use crate::i18n::Message;
use crate::web::forms::clean_json;
use crate::web::public::load_company;
use crate::web::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/jobs", web::get().to(list))
        .route("/admin/jobs", web::post().to(create))
        .route("/admin/jobs/{id}", web::get().to(read))
        .route("/admin/jobs/{id}", web::put().to(update))
        .route("/admin/jobs/{id}/publish", web::post().to(publish))
        .route("/admin/jobs/{id}/close", web::post().to(close));
}

/// A job as staff see it: the public listing plus how the team screens
/// and decides, and the posting as the editor (and `PUT`) takes it.
#[derive(Serialize, ToSchema)]
pub struct StaffJob {
    #[serde(flatten)]
    pub listing: ApiJob,
    /// UTC, ISO 8601.
    pub created_at: String,
    /// UTC, ISO 8601; null unless closed.
    pub closed_at: Option<String>,
    /// filled or cancelled; null unless closed.
    pub close_reason: Option<String>,
    /// Percent a screen must be above to pass.
    pub pass_mark: u8,
    /// unanimous, majority or owner_decides… (the job's decision rule code).
    pub decision_rule: String,
    pub tier_mix: TierMixView,
    /// The posting in the editor's fields: send it back with `PUT` to change it.
    pub posting: JobInput,
}

#[derive(Serialize, ToSchema)]
pub struct TierMixView {
    pub tier1: u8,
    pub tier2: u8,
    pub tier3: u8,
}

#[derive(Serialize, ToSchema)]
pub struct StaffJobList {
    pub jobs: Vec<StaffJob>,
}

pub(super) fn iso(t: chrono::NaiveDateTime) -> String {
    t.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

async fn views(state: &AppState, jobs: &[Job]) -> Result<Vec<StaffJob>, ApiError> {
    let company = load_company(state).await?;
    let base = state.base_url();
    Ok(jobs
        .iter()
        .map(|job| StaffJob {
            listing: ApiJob::new(job, &company, &base),
            created_at: iso(job.created_at),
            closed_at: job.closed_at.map(iso),
            close_reason: job.close_reason.map(|r| r.as_str().to_string()),
            pass_mark: job.posting.pass_mark.percent(),
            decision_rule: job.posting.decision_rule.as_str().to_string(),
            tier_mix: TierMixView {
                tier1: job.posting.tier_mix.tier1,
                tier2: job.posting.tier_mix.tier2,
                tier3: job.posting.tier_mix.tier3,
            },
            posting: job.posting.to_input(),
        })
        .collect())
}

async fn respond(
    state: &AppState,
    status: StatusCode,
    job: &Job,
) -> Result<HttpResponse, ApiError> {
    let view = views(state, std::slice::from_ref(job)).await?;
    let mut res = json(status, &view[0]);
    if status == StatusCode::CREATED {
        res.headers_mut().insert(
            header::LOCATION,
            header::HeaderValue::from_str(&format!("/api/v1/admin/jobs/{}", job.id))
                .expect("ids are ASCII"),
        );
    }
    Ok(res)
}

/// The job, if the caller may see it: owners every job, interviewers
/// their panels' jobs.
pub(super) async fn visible_job(
    state: &AppState,
    caller: &Caller,
    id: String,
) -> Result<Job, ApiError> {
    let user_id = caller.user.id.clone();
    let (job, on_panel) = state
        .db
        .read(move |conn| {
            let Some(job) = db::jobs::find(conn, &id)? else {
                return Ok(None);
            };
            let on_panel = db::panels::is_member(conn, &job.id, &user_id)?;
            Ok::<_, DbError>(Some((job, on_panel)))
        })
        .await?
        .ok_or(ApiError::NotFound)?;
    if caller.user.is_owner() || on_panel {
        Ok(job)
    } else {
        Err(not_on_panel())
    }
}

pub(super) fn not_on_panel() -> ApiError {
    ApiError::Forbidden {
        code: "not_on_panel",
        message: "you are not on this job's hiring panel",
    }
}

/// Reads a JSON body as the editor's fields, cleaned like a form.
fn job_input(mut body: serde_json::Value) -> Result<JobPosting, ApiError> {
    clean_json(&mut body);
    let input: JobInput = serde_json::from_value(body)
        .map_err(|e| ApiError::BadRequest(format!("the JSON body could not be read: {e}")))?;
    JobPosting::parse(&input).map_err(ApiError::Invalid)
}

/// Every job for owners, their panels' jobs for interviewers.
pub(super) async fn visible_jobs(state: &AppState, caller: &Caller) -> Result<Vec<Job>, ApiError> {
    let user = caller.user.clone();
    Ok(state
        .db
        .read(move |conn| {
            let all = db::jobs::list_all(conn)?;
            if user.is_owner() {
                return Ok(all);
            }
            let mine = db::panels::jobs_of(conn, &user.id)?;
            Ok(all.into_iter().filter(|j| mine.contains(&j.id)).collect())
        })
        .await?)
}

/// The jobs the caller may see.
#[utoipa::path(get, path = "/api/v1/admin/jobs", tag = "jobs",
    responses((status = 200, description = "Every job (owners) or the caller's panels' jobs (interviewers)", body = StaffJobList)))]
pub async fn list(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let jobs = visible_jobs(&state, &caller).await?;
    Ok(json(
        StatusCode::OK,
        &StaffJobList {
            jobs: views(&state, &jobs).await?,
        },
    ))
}

#[utoipa::path(get, path = "/api/v1/admin/jobs/{id}", tag = "jobs",
    params(("id" = String, Path, description = "The job's id")),
    responses((status = 200, description = "The job", body = StaffJob)))]
pub async fn read(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let job = visible_job(&state, &caller, id.into_inner()).await?;
    respond(&state, StatusCode::OK, &job).await
}

/// A posting the editor accepts: the documented example of `JobInput`.
fn job_example() -> serde_json::Value {
    serde_json::json!({
        "title": "Customer Support Specialist",
        "workplace": "remote",
        "remote_regions": "Europe",
        "employment_type": "full_time",
        "languages": ["en"],
        "fluencies": ["fluent"],
        "channels": ["email", "live_chat"],
        "typical_day": "You answer customers' questions by email and chat, and tell the product team what they keep asking.",
        "looking_for": "You are patient, curious and write clearly.",
        "tools": "Zendesk",
        "pass_mark": "50",
        "tier1": "40",
        "tier2": "40",
        "tier3": "20",
        "decision_rule": "majority",
        "salary_min": "40000",
        "salary_max": "50000",
        "salary_currency": "EUR",
        "salary_period": "year"
    })
}

/// Creates a draft from the editor's fields (owners, read-write).
#[utoipa::path(post, path = "/api/v1/admin/jobs", tag = "jobs",
    request_body(content = JobInput, example = job_example),
    responses((status = 201, description = "The new draft; Location names it", body = StaffJob,
        headers(("Location" = String, description = "/api/v1/admin/jobs/{id}")))))]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    web::Json(body): web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let posting = job_input(body)?;
    let actor = caller.user.id.clone();
    let job = state
        .db
        .write(move |conn| {
            crate::flows::jobs::create_draft(conn, &posting, &actor, "created through the API")
        })
        .await?;
    respond(&state, StatusCode::CREATED, &job).await
}

/// Replaces the posting (owners, read-write): the editor's fields, all of them.
#[utoipa::path(put, path = "/api/v1/admin/jobs/{id}", tag = "jobs",
    params(("id" = String, Path, description = "The job's id")),
    request_body(content = JobInput, example = job_example),
    responses((status = 200, description = "The saved job", body = StaffJob)))]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    web::Json(body): web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let posting = job_input(body)?;
    let (job_id, actor) = (id.into_inner(), caller.user.id.clone());
    let job = state
        .db
        .write(move |conn| {
            if !crate::flows::jobs::update(conn, &job_id, &posting, &actor)? {
                return Ok(None);
            }
            db::jobs::find(conn, &job_id)
        })
        .await?
        .ok_or(ApiError::NotFound)?;
    respond(&state, StatusCode::OK, &job).await
}

/// Publishes a draft, or reopens a closed job (owners, read-write). An open
/// job stays as it is. The editor's advice never blocks publishing.
#[utoipa::path(post, path = "/api/v1/admin/jobs/{id}/publish", tag = "jobs",
    params(("id" = String, Path, description = "The job's id")),
    responses((status = 200, description = "The job, open", body = StaffJob)))]
pub async fn publish(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let job_id = id.into_inner();
    let actor = caller.user.id.clone();
    let job = state
        .db
        .write(move |conn| {
            let Some(job) = db::jobs::find(conn, &job_id)? else {
                return Ok(None);
            };
            if job.status != JobStatus::Open {
                crate::flows::jobs::open(conn, &job, &actor)?;
            }
            db::jobs::find(conn, &job_id)
        })
        .await?
        .ok_or(ApiError::NotFound)?;
    respond(&state, StatusCode::OK, &job).await
}

/// How to close a job; as on the confirmation page.
#[derive(Deserialize, ToSchema)]
pub struct CloseBody {
    /// filled or cancelled.
    pub reason: String,
    /// Reject the candidates still in progress (default false).
    #[serde(default)]
    pub reject_remaining: bool,
    /// What the rejected candidates read in the kind email.
    #[serde(default)]
    pub rejection_reason: Option<String>,
    /// Send them the kind rejection email (default true).
    #[serde(default = "yes")]
    pub send_email: bool,
    /// Tell them their upcoming interviews are cancelled (default true).
    #[serde(default = "yes")]
    pub notify_interviews: bool,
}

fn yes() -> bool {
    true
}

/// Closes an open job (owners, read-write); 409 `job_not_open` otherwise.
#[utoipa::path(post, path = "/api/v1/admin/jobs/{id}/close", tag = "jobs",
    params(("id" = String, Path, description = "The job's id")),
    request_body(content = CloseBody, example = json!({"reason": "filled", "reject_remaining": true, "rejection_reason": "We hired someone else."})),
    responses((status = 200, description = "The job, closed", body = StaffJob)))]
pub async fn close(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    web::Json(body): web::Json<CloseBody>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let Some(reason) = CloseReason::parse(&body.reason) else {
        return Err(ApiError::Invalid(vec![
            crate::domain::FieldError::localized("reason", "staff-api-error-close-reason"),
        ]));
    };
    let rejection_reason = body
        .rejection_reason
        .as_deref()
        .map(crate::web::forms::clean_text)
        .unwrap_or_default()
        .trim()
        .to_string();
    if rejection_reason.chars().count() > 2000 {
        return Err(ApiError::Invalid(vec![crate::domain::FieldError::of(
            "rejection_reason",
            Message::new("staff-api-error-rejection-reason-long").count("max", 2000),
        )]));
    }
    let company = load_company(&state).await?.name;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let (job_id, actor) = (id.into_inner(), caller.user.id.clone());
    let outcome = state
        .db
        .write(move |conn| {
            let Some(job) = db::jobs::find(conn, &job_id)? else {
                return Ok(None);
            };
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            let remaining = body.reject_remaining.then(|| Rejection {
                reason: if rejection_reason.is_empty() {
                    default_reason(reason).to_string()
                } else {
                    rejection_reason.clone()
                },
                send_email: body.send_email,
                notify_interviews: body.notify_interviews,
            });
            let closed = close_job(conn, &job, reason, &actor, remaining.as_ref(), &mailer)?;
            Ok(Some((closed, db::jobs::find(conn, &job_id)?)))
        })
        .await?;
    match outcome {
        None | Some((_, None)) => Err(ApiError::NotFound),
        Some((false, Some(job))) => Err(ApiError::Conflict {
            code: "job_not_open",
            message: format!("this job is {} and cannot be closed", job.status.as_str()),
        }),
        Some((true, Some(job))) => respond(&state, StatusCode::OK, &job).await,
    }
}
