//! The public job board and job pages.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::cache::{render_shared, Cached, PageKey, Snapshot};
use super::jsonld;
use super::view::JobView;
use crate::db::{self, jobs::BoardFilter};
use crate::domain::job::{JobStatus, LANGUAGES};
use crate::web::error::{WebContext, WebError};
use crate::web::render::{see_other, Page};
use crate::web::AppState;

const HTML: &str = "text/html; charset=utf-8";

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
    // Only known codes count, so the board has a bounded number of versions.
    let language = query.lang.as_deref().map(str::trim).and_then(|c| {
        LANGUAGES
            .iter()
            .find(|(code, _)| *code == c)
            .map(|(code, _)| *code)
    });
    let remote_only = matches!(query.remote.as_deref(), Some("1" | "on" | "true"));
    let snapshot = state
        .public
        .snapshot(&state.db)
        .await
        .web_context("checking the public pages' version")?;
    let key = PageKey::Board {
        language,
        remote_only,
    };
    let page = snapshot
        .page(key, || {
            build_board(&state, &snapshot, language, remote_only)
        })
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(snapshot.respond(&req, &page))
}

async fn build_board(
    state: &AppState,
    snapshot: &Snapshot,
    language: Option<&'static str>,
    remote_only: bool,
) -> Result<Option<Cached>, WebError> {
    let filter = BoardFilter {
        language: language.map(str::to_string),
        remote_only,
    };
    let jobs = state
        .db
        .read(move |conn| db::jobs::list_open(conn, &filter))
        .await
        .web_context("listing open jobs")?;
    let company = snapshot
        .company(state)
        .await
        .web_context("reading the company")?;
    let base = state.base_url();
    let views: Vec<JobView> = jobs.iter().map(|j| JobView::new(j, &base)).collect();
    let languages: Vec<_> = LANGUAGES
        .iter()
        .map(|(code, name)| json!({ "code": code, "name": name, "selected": language == Some(*code) }))
        .collect();
    let html = render_shared(
        "pages/public/board",
        "Open jobs",
        &company,
        json!({
            "jobs": views,
            "languages": languages,
            "remote_only": remote_only,
            "filtered": language.is_some() || remote_only,
        }),
    )
    .map_err(WebError::Internal)?;
    Ok(Some(Cached::new(HTML, html)))
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<crate::web::candidate::SourceQuery>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    let source = query.source();
    if !source.is_empty() {
        return sourced_page(&req, &state, slug, &source).await;
    }
    let snapshot = state
        .public
        .snapshot(&state.db)
        .await
        .web_context("checking the public pages' version")?;
    let page = snapshot
        .page(PageKey::Job(slug.clone()), || {
            build_job_page(&state, &snapshot, slug)
        })
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(snapshot.respond(&req, &page))
}

/// A public job, or none for drafts (only their staff preview shows them).
async fn public_job(
    state: &AppState,
    slug: String,
) -> Result<Option<crate::domain::job::Job>, WebError> {
    Ok(state
        .db
        .read(move |conn| db::jobs::find_by_slug(conn, &slug))
        .await
        .web_context("finding a job")?
        .filter(|j| j.status != JobStatus::Draft))
}

async fn build_job_page(
    state: &AppState,
    snapshot: &Snapshot,
    slug: String,
) -> Result<Option<Cached>, WebError> {
    let Some(job) = public_job(state, slug).await? else {
        return Ok(None);
    };
    let company = snapshot
        .company(state)
        .await
        .web_context("reading the company")?;
    let (title, data) = job_page_data(state, &job, &company, false, "");
    let html =
        render_shared("pages/public/job", &title, &company, data).map_err(WebError::Internal)?;
    Ok(Some(Cached::new(HTML, html)))
}

/// A job page reached by a link that names where the reader came from: its
/// Apply link keeps the source, so it is rendered for this reader alone and
/// never stored by a shared cache.
async fn sourced_page(
    req: &HttpRequest,
    state: &AppState,
    slug: String,
    source: &str,
) -> Result<HttpResponse, WebError> {
    let job = public_job(state, slug).await?.ok_or(WebError::NotFound)?;
    let mut res = render_job_page(req, state, &job, false, source).await?;
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// The page's title and template data.
fn job_page_data(
    state: &AppState,
    job: &crate::domain::job::Job,
    company: &super::view::Company,
    preview: bool,
    source: &str,
) -> (String, serde_json::Value) {
    let view = JobView::new(job, &state.base_url());
    let ld = jsonld::script_safe(&jsonld::job_posting(job, company, &view.url));
    let title = format!("{} at {}", job.posting.title, company.name);
    let data = json!({
        "job": view,
        "company": company,
        "jsonld": if job.is_open() || preview { Some(ld) } else { None },
        "preview": preview,
        "source": source,
    });
    (title, data)
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
    let (title, data) = job_page_data(state, job, &company, preview, source);
    Page::new("pages/public/job", &title).render(req, state, data)
}
