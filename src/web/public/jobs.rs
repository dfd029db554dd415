//! The public job board and job pages.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::jsonld;
use super::view::JobView;
use crate::db::{self, jobs::BoardFilter};
use crate::domain::job::{language_name, JobStatus, LANGUAGES};
use crate::web::error::{WebContext, WebError};
use crate::web::render::{see_other, Page};
use crate::web::AppState;

pub async fn home() -> HttpResponse {
    see_other("/jobs")
}

#[derive(Deserialize, Default)]
pub struct BoardQuery {
    lang: Option<String>,
    remote: Option<String>,
}

pub async fn board(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<BoardQuery>,
) -> Result<HttpResponse, WebError> {
    let language = query
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|c| language_name(c).is_some())
        .map(str::to_string);
    let filter = BoardFilter {
        language: language.clone(),
        remote_only: matches!(query.remote.as_deref(), Some("1" | "on" | "true")),
    };
    let remote_only = filter.remote_only;
    let jobs = state
        .db
        .read(move |conn| db::jobs::list_open(conn, &filter))
        .await
        .web_context("listing open jobs")?;
    let company = super::load_company(&state)
        .await
        .web_context("reading the company")?;
    let base = state.base_url();
    let views: Vec<JobView> = jobs.iter().map(|j| JobView::new(j, &base)).collect();
    let languages: Vec<_> = LANGUAGES
        .iter()
        .map(|(code, name)| json!({ "code": code, "name": name, "selected": language.as_deref() == Some(*code) }))
        .collect();
    Page::new("pages/public/board", "Open jobs").render(
        &req,
        &state,
        json!({
            "company": company,
            "jobs": views,
            "languages": languages,
            "remote_only": remote_only,
            "filtered": language.is_some() || remote_only,
        }),
    )
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<crate::web::candidate::SourceQuery>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    let job = state
        .db
        .read(move |conn| db::jobs::find_by_slug(conn, &slug))
        .await
        .web_context("finding a job")?;
    // Drafts are not public: only their preview, for staff, shows them.
    let job = job
        .filter(|j| j.status != JobStatus::Draft)
        .ok_or(WebError::NotFound)?;
    let source = query.source();
    let mut res = render_job_page(&req, &state, &job, false, &source).await?;
    // A page whose Apply link carries one reader's source must not be
    // kept by a shared cache and handed to readers from elsewhere.
    if !source.is_empty() {
        res.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static("no-store"),
        );
    }
    Ok(res)
}

/// The job page, for the public or as a staff preview of a draft.
pub async fn render_job_page(
    req: &HttpRequest,
    state: &AppState,
    job: &crate::domain::job::Job,
    preview: bool,
    source: &str,
) -> Result<HttpResponse, WebError> {
    let company = super::load_company(state)
        .await
        .web_context("reading the company")?;
    let view = JobView::new(job, &state.base_url());
    let ld = jsonld::script_safe(&jsonld::job_posting(job, &company, &view.url));
    let title = format!("{} at {}", job.posting.title, company.name);
    Page::new("pages/public/job", &title).render(
        req,
        state,
        json!({
            "job": view,
            "company": company,
            "jsonld": if job.is_open() || preview { Some(ld) } else { None },
            "preview": preview,
            "source": source,
        }),
    )
}
