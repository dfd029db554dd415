//! The candidate's side: the application form, the personal link, the
//! questionnaire, and the status page with withdraw and erase.

mod apply;
mod booking;
pub use apply::SourceQuery;
pub mod flow;
mod link;
mod status;
pub mod writing;

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{web, FromRequest, HttpRequest};

use super::error::{WebContext, WebError};
use super::{locale, AppState};
use crate::db::{self, applications::ApplicationRow};
use crate::i18n::Locale;
use crate::security::token;

/// Answers can be long: a whole questionnaire of thorough replies.
pub const MAX_SCREENING_BODY: usize = 1024 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/jobs/{slug}/apply", web::get().to(apply::form))
        .route("/jobs/{slug}/apply", web::post().to(apply::submit))
        .route("/jobs/{slug}/link", web::get().to(link::lost_form))
        .route("/jobs/{slug}/applied", web::get().to(apply::thanks))
        .route("/jobs/{slug}/link", web::post().to(apply::resend_link))
        .route("/c/{token}", web::get().to(link::open))
        .route("/book/{token}", web::get().to(booking::page))
        .route("/book/{token}", web::post().to(booking::book))
        .route("/book/{token}/cancel", web::post().to(booking::cancel))
        .service(
            web::scope("/candidate")
                .app_data(web::PayloadConfig::new(MAX_SCREENING_BODY))
                .route("", web::get().to(status::page))
                .route("/answers", web::post().to(status::save))
                .route("/submit", web::post().to(status::submit))
                .route("/withdraw", web::post().to(status::withdraw))
                .route("/erase", web::post().to(status::erase))
                .route("/data.json", web::get().to(status::data))
                .route("/cv", web::get().to(status::cv)),
        );
}

pub const COOKIE: &str = "rapport_candidate";
/// A candidate session lasts at most this long; the emailed link opens a new one.
pub const SESSION_HOURS: i64 = 12;

/// The candidate behind the request's session cookie.
pub struct Candidate {
    pub application: ApplicationRow,
}

impl FromRequest for Candidate {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| WebError::Internal("application state missing".into()))?;
            let Some(cookie) = req.cookie(COOKIE) else {
                return Err(WebError::CandidateSessionMissing);
            };
            let hash = token::hash_token(cookie.value());
            let app = state
                .db
                .read(move |conn| {
                    let Some(id) = db::candidate_access::find_session(conn, &hash, db::now())?
                    else {
                        return Ok(None);
                    };
                    db::applications::find(conn, &id)
                })
                .await
                .web_context("reading a candidate session")?;
            match app {
                Some(a) if a.erased_at.is_none() => Ok(Candidate { application: a }),
                _ => Err(WebError::CandidateSessionMissing),
            }
        })
    }
}

/// Starts a candidate session for an application; returns its cookie.
pub async fn start_session(
    state: &AppState,
    application_id: String,
    link_expires: chrono::NaiveDateTime,
) -> Result<Cookie<'static>, WebError> {
    let raw = token::random_token();
    let hash = token::hash_token(&raw);
    state
        .db
        .write(move |conn| {
            let now = db::now();
            let expires = link_expires.min(now + chrono::Duration::hours(SESSION_HOURS));
            db::candidate_access::create_session(conn, &hash, &application_id, now, expires)
        })
        .await
        .web_context("starting a candidate session")?;
    Ok(Cookie::build(COOKIE, raw)
        .path("/candidate")
        .http_only(true)
        .secure(state.settings.secure_cookies())
        .same_site(SameSite::Lax)
        .finish())
}

/// The language of a candidate's personal page: their choice with the
/// switch, else their application's. A choice made with `?lang=` here is
/// stored on the application, so their emails follow it too.
pub async fn personal_locale(
    req: &HttpRequest,
    state: &AppState,
    app: &ApplicationRow,
) -> Result<Locale, WebError> {
    let own = app.locale();
    if let Some(chosen) = locale::from_query(req).filter(|l| *l != own) {
        let id = app.id.clone();
        state
            .db
            .write(move |conn| db::applications::set_locale(conn, &id, chosen))
            .await
            .web_context("storing a candidate's language")?;
    }
    Ok(locale::choose(
        req,
        Some(own),
        &locale::all(),
        Locale::ENGLISH,
    ))
}

/// Field errors with their words in `locale`, for a page.
pub fn errors_in(
    errors: &[crate::domain::FieldError],
    locale: Locale,
) -> Vec<crate::domain::FieldError> {
    errors.iter().map(|e| e.in_locale(locale)).collect()
}
