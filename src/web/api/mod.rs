//! The JSON API: open jobs for syndication, and staff endpoints behind the
//! same session as the pages (401, not a redirect, when it is missing).

use std::future::Future;
use std::pin::Pin;

use actix_web::error::JsonPayloadError;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use serde_json::json;

use super::forms::clean_json;
mod view;

use super::public::cache::{Cached, PageKey, Snapshot};
use super::public::load_company;
use super::{session, AppState, MAX_BODY_BYTES};
use crate::db::{self, jobs::BoardFilter, users::User, DbError};
use crate::domain::job::{slugify, Job, JobInput, JobPosting, JobStatus};
use crate::domain::FieldError;
use view::ApiJob;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .app_data(
                web::JsonConfig::default()
                    .limit(MAX_BODY_BYTES)
                    .error_handler(|err, _| json_error(err).into()),
            )
            .route("/jobs", web::get().to(open_jobs))
            .route("/jobs/{slug}", web::get().to(open_job))
            .route("/admin/jobs", web::get().to(all_jobs))
            .route("/admin/jobs", web::post().to(create_job)),
    );
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("sign in first")]
    Unauthorized,
    #[error("your account cannot do this")]
    Forbidden,
    #[error("{0}")]
    BadRequest(String),
    #[error("the request body is larger than {MAX_BODY_BYTES} bytes")]
    TooLarge,
    #[error("send the body as application/json")]
    UnsupportedMediaType,
    #[error("some fields are not valid")]
    Invalid(Vec<FieldError>),
    #[error("internal error")]
    Internal(#[from] DbError),
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(e) = self {
            tracing::error!(error = %e, "API request failed");
        }
        let mut body = json!({ "error": self.to_string() });
        if let ApiError::Invalid(fields) = self {
            body["fields"] = json!(fields);
        }
        json(self.status_code(), &body)
    }
}

/// JSON with `<`, `>` and `&` escaped: the same JSON value, but one no
/// browser can mistake for markup.
fn json_text(body: &impl Serialize) -> String {
    let value = serde_json::to_value(body).unwrap_or_else(|_| json!({ "error": "internal error" }));
    super::public::jsonld::script_safe(&value)
}

fn json(status: StatusCode, body: &impl Serialize) -> HttpResponse {
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

/// A signed-in staff member, for JSON routes.
pub struct ApiStaff(pub User);

impl FromRequest for ApiStaff {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or(ApiError::Unauthorized)?;
            match session::current_user(&req, state).await {
                Ok(Ok(user)) => Ok(ApiStaff(user)),
                Ok(Err(_)) => Err(ApiError::Unauthorized),
                Err(_) => Err(ApiError::Unauthorized),
            }
        })
    }
}

#[derive(Serialize)]
struct JobList {
    jobs: Vec<ApiJob>,
}

async fn job_list(state: &AppState, jobs: &[Job]) -> Result<HttpResponse, ApiError> {
    let company = load_company(state).await?;
    let base = state.base_url();
    Ok(json(
        StatusCode::OK,
        &JobList {
            jobs: jobs
                .iter()
                .map(|j| ApiJob::new(j, &company, &base))
                .collect(),
        },
    ))
}

async fn one_job(
    state: &AppState,
    status: StatusCode,
    job: &Job,
) -> Result<HttpResponse, ApiError> {
    let company = load_company(state).await?;
    Ok(json(status, &ApiJob::new(job, &company, &state.base_url())))
}

async fn open_jobs(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
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

async fn open_job(
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

async fn all_jobs(
    state: web::Data<AppState>,
    ApiStaff(user): ApiStaff,
) -> Result<HttpResponse, ApiError> {
    if !user.is_owner() {
        return Err(ApiError::Forbidden);
    }
    let jobs = state.db.read(db::jobs::list_all).await?;
    job_list(&state, &jobs).await
}

/// Creates a draft from a JSON `JobInput` (same fields as the editor form).
async fn create_job(
    state: web::Data<AppState>,
    ApiStaff(user): ApiStaff,
    web::Json(mut body): web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    if !user.is_owner() {
        return Err(ApiError::Forbidden);
    }
    clean_json(&mut body);
    let input: JobInput = serde_json::from_value(body)
        .map_err(|e| ApiError::BadRequest(format!("the JSON body could not be read: {e}")))?;
    let posting = JobPosting::parse(&input).map_err(ApiError::Invalid)?;
    let job = state
        .db
        .write(move |conn| {
            let now = db::now();
            let job = db::jobs::insert_draft(conn, &posting, &slugify(&posting.title), now)?;
            db::audit::record(
                conn,
                Some(&user.id),
                "job.created",
                ("job", &job.id),
                "created through the API",
                now,
            )?;
            Ok(job)
        })
        .await?;
    one_job(&state, StatusCode::CREATED, &job).await
}
