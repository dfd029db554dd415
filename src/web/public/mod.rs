//! What anyone can see: the job board, job pages, feeds, health.

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

/// The company named at setup (or by `rapport demo`).
pub async fn load_company(state: &super::AppState) -> Result<view::Company, DbError> {
    state
        .db
        .read(|conn| {
            Ok(view::Company {
                name: db::settings::get(conn, db::settings::COMPANY_NAME)?
                    .unwrap_or_else(|| "Our company".into()),
                url: db::settings::get(conn, db::settings::COMPANY_URL)?.unwrap_or_default(),
            })
        })
        .await
}

/// The company's name, for emails and pages.
pub async fn company_name(state: &super::AppState) -> Result<String, super::error::WebError> {
    use super::error::WebContext;
    Ok(load_company(state)
        .await
        .web_context("reading the company")?
        .name)
}
