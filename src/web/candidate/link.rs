//! The personal link from the email: exchanged for a candidate session so
//! the token does not stay in the address bar, history or logs.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use crate::db;
use crate::i18n::Locale;
use crate::security::token;
use crate::web::error::{WebContext, WebError};
use crate::web::locale;
use crate::web::render::{see_other, Page};
use crate::web::AppState;

pub async fn open(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let hash = token::hash_token(&path.into_inner());
    let found = state
        .db
        .write(move |conn| {
            let now = db::now();
            match db::candidate_access::use_link(conn, &hash, now)? {
                Some((app_id, expires)) => {
                    let app = db::applications::find(conn, &app_id)?;
                    let job = match &app {
                        Some(a) => db::jobs::find(conn, &a.job_id)?,
                        None => None,
                    };
                    Ok(Ok((app, job, expires)))
                }
                None => {
                    // Expired: offer a new link for the right job.
                    let job = match db::candidate_access::link_application(conn, &hash)? {
                        Some(app_id) => match db::applications::find(conn, &app_id)? {
                            Some(a) => db::jobs::find(conn, &a.job_id)?,
                            None => None,
                        },
                        None => None,
                    };
                    Ok(Err(job))
                }
            }
        })
        .await
        .web_context("opening a personal link")?;
    match found {
        Ok((Some(app), Some(_job), expires)) if app.erased_at.is_none() => {
            let cookie = super::start_session(&state, app.id.clone(), expires).await?;
            // A language chosen on the link is the candidate's choice.
            let mut res = match locale::from_query(&req) {
                Some(l) => see_other(&format!("/candidate?lang={}", l.code())),
                None => see_other("/candidate"),
            };
            res.add_cookie(&cookie)
                .map_err(|e| WebError::Internal(format!("setting the candidate cookie: {e}")))?;
            res.headers_mut().insert(
                actix_web::http::header::REFERRER_POLICY,
                actix_web::http::header::HeaderValue::from_static("no-referrer"),
            );
            Ok(res)
        }
        Ok(_) => gone(&req, &state, None),
        Err(job) => gone(&req, &state, job),
    }
}

fn gone(
    req: &HttpRequest,
    state: &AppState,
    job: Option<crate::domain::job::Job>,
) -> Result<HttpResponse, WebError> {
    let expired = job.is_some();
    let locale = locale::choose(req, None, &locale::all(), Locale::ENGLISH);
    Page::new("pages/candidate/link_gone", &locale.text("cand-link-broken"))
        .locale(locale)
        .status(if expired { StatusCode::GONE } else { StatusCode::NOT_FOUND })
        .render(
            req,
            state,
            json!({ "expired": expired, "job": job.map(|j| json!({"title": j.posting.title, "slug": j.slug})) }),
        )
}

/// The form to have the personal link sent again (its own page, so the
/// public job page carries no form and sets no cookie).
pub async fn lost_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    let job = state
        .db
        .read(move |conn| db::jobs::find_by_slug(conn, &slug))
        .await
        .web_context("finding a job")?
        .filter(|j| j.status != crate::domain::job::JobStatus::Draft)
        .ok_or(WebError::NotFound)?;
    let locale = locale::choose(&req, None, &locale::all(), Locale::ENGLISH);
    Page::new("pages/candidate/lost_link", &locale.text("cand-lost-title"))
        .locale(locale)
        .render(
            &req,
            &state,
            json!({ "job": { "title": job.posting.title, "slug": job.slug } }),
        )
}
