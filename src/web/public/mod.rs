//! What anyone can see: the job board, job pages, feeds, health.

pub mod cache;
mod feed;
mod health;
mod jobs;
pub use jobs::render_job_page as jobs_page;
pub mod jsonld;
pub mod view;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(jobs::home))
        .route("/jobs", web::get().to(jobs::board))
        .route("/jobs.atom", web::get().to(feed::atom))
        .route("/jobs/{slug}", web::get().to(jobs::page))
        .route("/healthz", web::get().to(health::healthz));
}

use crate::db::{self, DbError};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::HttpResponse;

/// The job segment of an address under `/jobs/` or `/api/v1/jobs/`, with
/// what comes before and after it.
fn job_segment(path: &str) -> Option<(&str, &str, &str)> {
    let prefix = ["/api/v1/jobs/", "/jobs/"]
        .into_iter()
        .find(|p| path.starts_with(p))?;
    let rest = &path[prefix.len()..];
    let end = rest.find('/').unwrap_or(rest.len());
    let (slug, tail) = rest.split_at(end);
    (!slug.is_empty()).then_some((prefix, slug, tail))
}

/// A job's former address answers with a permanent redirect to its current
/// one (308, so a form posted to the old address is posted again), for every
/// page under it: the job, its application form, the API.
pub async fn redirect_former_addresses(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let res = next.call(req).await?;
    if res.status() != StatusCode::NOT_FOUND {
        return Ok(res.map_into_left_body());
    }
    // Read from the answered request, so a page that was found copies nothing.
    let request = res.request();
    let found = job_segment(request.path())
        .map(|(prefix, slug, tail)| (prefix.to_string(), slug.to_string(), tail.to_string()));
    let query = request.query_string().to_string();
    let state = request
        .app_data::<actix_web::web::Data<super::AppState>>()
        .cloned();
    let (Some((prefix, slug, tail)), Some(state)) = (found, state) else {
        return Ok(res.map_into_left_body());
    };
    let Ok(Some(now)) = state
        .db
        .read(move |conn| db::jobs::slug_now(conn, &slug))
        .await
    else {
        return Ok(res.map_into_left_body());
    };
    let mut location = format!("{prefix}{now}{tail}");
    if !query.is_empty() {
        location = format!("{location}?{query}");
    }
    let (req, _) = res.into_parts();
    let moved = HttpResponse::build(StatusCode::PERMANENT_REDIRECT)
        .insert_header((header::LOCATION, location))
        .finish();
    Ok(ServiceResponse::new(req, moved).map_into_right_body())
}

/// The company named at setup (or by `rapport demo`).
pub async fn load_company(state: &super::AppState) -> Result<view::Company, DbError> {
    let reads = state.db.candidate_reads();
    let read = state
        .db
        .read(move |conn| {
            let version = reads.version(conn)?;
            reads.company(conn, version)
        })
        .await?;
    Ok(remember_company(state, &read))
}

/// The company's settings as stored: its name once named, and its address.
pub use db::settings::Company as CompanyRead;

/// The company as pages show it; remembered once named, so that pages
/// which cannot read it (errors) show it.
pub fn remember_company(state: &super::AppState, read: &CompanyRead) -> view::Company {
    let named = read.name.is_some();
    let company = view::Company {
        name: read.name.clone().unwrap_or_else(|| "Our company".into()),
        url: read.url.clone(),
    };
    if named {
        if let Ok(mut known) = state.company.write() {
            *known = Some(company.clone());
        }
    }
    company
}

/// The company's name, for emails and pages.
pub async fn company_name(state: &super::AppState) -> Result<String, super::error::WebError> {
    use super::error::WebContext;
    Ok(load_company(state)
        .await
        .web_context("reading the company")?
        .name)
}
