//! The JSON API: open jobs for syndication (`/api/v1/jobs`, cached), and
//! the staff resources under `/api/v1/admin/…`, reached with a personal
//! token (`Authorization: Bearer`) or the pages' session (401, not a
//! redirect, when neither is there). Handlers only translate HTTP: every
//! change goes through the same `flows` function and validation as the
//! pages. The OpenAPI document is generated from these handlers (`docs`).

use actix_web::error::JsonPayloadError;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use serde_json::json;

mod applications;
mod auth;
mod docs;
mod export;
mod jobs;
mod reads;
mod view;
mod webhooks;

use super::public::cache::{Cached, PageKey, Snapshot};
use super::{AppState, MAX_BODY_BYTES};
use crate::db::{self, jobs::BoardFilter, DbError};
use crate::domain::job::JobStatus;
use crate::domain::FieldError;
pub use auth::Caller;
use view::ApiJob;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/docs", web::get().to(docs::page)).service(
        web::scope("/api/v1")
            .app_data(
                web::JsonConfig::default()
                    .limit(MAX_BODY_BYTES)
                    .error_handler(|err, _| json_error(err).into()),
            )
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|err, _| ApiError::BadRequest(err.to_string()).into()),
            )
            .app_data(
                web::PathConfig::default()
                    .error_handler(|err, _| ApiError::BadRequest(err.to_string()).into()),
            )
            .route("/openapi.json", web::get().to(docs::openapi_json))
            .route("/jobs", web::get().to(open_jobs))
            .route("/jobs/{slug}", web::get().to(open_job))
            .configure(export::routes)
            .configure(jobs::routes)
            .configure(applications::routes)
            .configure(reads::routes)
            .configure(webhooks::routes)
            .default_service(web::to(|| async { ApiError::NotFound.error_response() })),
    );
}

/// Every failure of the API, answered as
/// `{"error": {"code", "message", "fields"}}`: `code` is stable (scripts
/// match on it), `message` is for people.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    /// 401, with its code: `unauthorized`, `token_revoked`, `token_expired`.
    #[error("{message}")]
    Unauthorized {
        code: &'static str,
        message: &'static str,
    },
    /// 403, with its code: `owner_only`, `read_only_token`, `not_on_panel`,
    /// `csrf_token_invalid`.
    #[error("{message}")]
    Forbidden {
        code: &'static str,
        message: &'static str,
    },
    #[error("{0}")]
    BadRequest(String),
    #[error("the request body is larger than {MAX_BODY_BYTES} bytes")]
    TooLarge,
    #[error("send the body as application/json")]
    UnsupportedMediaType,
    #[error("some fields are not valid")]
    Invalid(Vec<FieldError>),
    /// 409: the change does not fit where the resource stands now.
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error("too many requests with this token: wait {retry_after} s")]
    RateLimited { retry_after: i64 },
    #[error("internal error")]
    Internal(#[from] DbError),
    /// A CSV export could not be written (to memory: not expected).
    #[error("internal error")]
    Export(String),
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound => "not_found",
            ApiError::Unauthorized { code, .. }
            | ApiError::Forbidden { code, .. }
            | ApiError::Conflict { code, .. } => code,
            ApiError::BadRequest(_) => "bad_request",
            ApiError::TooLarge => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::Invalid(_) => "invalid",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Internal(_) | ApiError::Export(_) => "internal",
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) | ApiError::Export(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(e) => tracing::error!(error = %e, "API request failed"),
            ApiError::Export(e) => tracing::error!(error = %e, "API export failed"),
            _ => {}
        }
        let fields = match self {
            ApiError::Invalid(fields) => json!(fields),
            _ => json!([]),
        };
        let body = json!({ "error": { "code": self.code(), "message": self.to_string(), "fields": fields } });
        let mut res = json(self.status_code(), &body);
        let headers = res.headers_mut();
        match self {
            ApiError::RateLimited { retry_after } => {
                headers.insert(
                    actix_web::http::header::RETRY_AFTER,
                    actix_web::http::header::HeaderValue::from(*retry_after),
                );
            }
            ApiError::Unauthorized { .. } => {
                headers.insert(
                    actix_web::http::header::WWW_AUTHENTICATE,
                    actix_web::http::header::HeaderValue::from_static("Bearer"),
                );
            }
            _ => {}
        }
        res
    }
}

/// JSON with `<`, `>` and `&` escaped: the same JSON value, but one no
/// browser can mistake for markup.
fn json_text(body: &impl Serialize) -> String {
    let value = serde_json::to_value(body).unwrap_or_else(|_| json!({ "error": "internal error" }));
    super::public::jsonld::script_safe(&value)
}

pub(crate) fn json(status: StatusCode, body: &impl Serialize) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("application/json")
        .body(json_text(body))
}

fn json_error(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::TooLarge
        }
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
        other => ApiError::BadRequest(format!("the JSON body could not be read: {other}")),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct JobList {
    jobs: Vec<ApiJob>,
}

/// The open jobs, for job boards and aggregators.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "public",
    responses((status = 200, description = "Every open job", body = JobList),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match")))]
pub async fn open_jobs(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let snapshot = state.public.snapshot(&state.db).await?;
    let page = snapshot
        .page(PageKey::ApiJobs, || build_open_jobs(&state, &snapshot))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(snapshot.respond(&req, &page))
}

async fn build_open_jobs(
    state: &AppState,
    snapshot: &Snapshot,
) -> Result<Option<Cached>, ApiError> {
    let jobs = state
        .db
        .read(|conn| db::jobs::list_open(conn, &BoardFilter::default()))
        .await?;
    let company = snapshot.company(state).await?;
    let base = state.base_url();
    let list = JobList {
        jobs: jobs
            .iter()
            .map(|j| ApiJob::new(j, &company, &base))
            .collect(),
    };
    Ok(Some(Cached::new("application/json", json_text(&list))))
}

/// One job that is or was public (open or closed), by its address.
#[utoipa::path(get, path = "/api/v1/jobs/{slug}", tag = "public",
    params(("slug" = String, Path, description = "The job's address, as in /jobs/{slug}")),
    responses((status = 200, description = "The job", body = ApiJob),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match")))]
pub async fn open_job(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let snapshot = state.public.snapshot(&state.db).await?;
    let page = snapshot
        .page(PageKey::ApiJob(slug.clone()), || {
            build_open_job(&state, &snapshot, slug)
        })
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(snapshot.respond(&req, &page))
}

async fn build_open_job(
    state: &AppState,
    snapshot: &Snapshot,
    slug: String,
) -> Result<Option<Cached>, ApiError> {
    let Some(job) = state
        .db
        .read(move |conn| db::jobs::find_by_slug(conn, &slug))
        .await?
        .filter(|j| j.status != JobStatus::Draft)
    else {
        return Ok(None);
    };
    let company = snapshot.company(state).await?;
    let body = json_text(&ApiJob::new(&job, &company, &state.base_url()));
    Ok(Some(Cached::new("application/json", body)))
}
