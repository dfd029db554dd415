//! How failures in handlers become responses: an HTML page for people, a
//! redirect to sign in, or a status code. JSON routes use `api::ApiError`.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse, ResponseError};

use super::AppState;
use crate::db::DbError;
use crate::files::FileError;
use crate::i18n::{Locale, Message};
use crate::templates;

tokio::task_local! {
    /// The app of the request being answered: error pages are rendered
    /// where no request is at hand, and name its company like every public
    /// page (read only then: most requests have no error to show).
    static STATE: Option<web::Data<AppState>>;
    /// The language of the request's error page (English on staff pages).
    static LOCALE: Locale;
}

/// Whether a path is one of the pages candidates and the public read
/// (their error pages speak the visitor's language; staff's stay English).
fn candidate_facing(path: &str) -> bool {
    path == "/"
        || ["/jobs", "/c/", "/book/", "/candidate"]
            .iter()
            .any(|p| path.starts_with(p))
}

/// The language of an error page for `req`: the visitor's on candidate
/// and public pages, English on staff pages.
pub(crate) fn error_page_locale(req: &actix_web::HttpRequest) -> Locale {
    if candidate_facing(req.path()) {
        super::locale::choose(req, None, &super::locale::all(), Locale::ENGLISH)
    } else {
        Locale::ENGLISH
    }
}

/// Makes the company known to the error pages of the requests it wraps.
pub async fn pages_with_company(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    if let Some(state) = &state {
        let known = state.company.read().is_ok_and(|c| c.is_some());
        if !known {
            // Not named yet in this process (or at all): read it, so an
            // error page can name it.
            let _ = super::public::load_company(state).await;
        }
    }
    let locale = error_page_locale(req.request());
    LOCALE
        .scope(locale, STATE.scope(state, next.call(req)))
        .await
}

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    Unauthenticated { next: String },
    #[error("no candidate session")]
    CandidateSessionMissing,
    #[error("forbidden")]
    Forbidden,
    #[error("the form expired or did not come from this site")]
    Csrf,
    #[error("{0}")]
    BadRequest(Message),
    #[error("{0}")]
    TooManyRequests(Message),
    /// Someone else changed the thing a moment before; nothing was done.
    #[error("{0}")]
    Conflict(Message),
    #[error("{0}")]
    UnsupportedMediaType(Message),
    #[error("{context}: {source}")]
    Database {
        context: &'static str,
        #[source]
        source: DbError,
    },
    /// Storing, reading or deleting an uploaded file failed.
    #[error("{context}: {source}")]
    Files {
        context: &'static str,
        #[source]
        source: FileError,
    },
    #[error("{0}")]
    Internal(String),
}

impl From<DbError> for WebError {
    fn from(source: DbError) -> Self {
        WebError::Database {
            context: "database",
            source,
        }
    }
}

/// Adds what the handler was doing to a database error.
pub trait WebContext<T> {
    fn web_context(self, context: &'static str) -> Result<T, WebError>;
}

impl<T> WebContext<T> for Result<T, DbError> {
    fn web_context(self, context: &'static str) -> Result<T, WebError> {
        self.map_err(|source| WebError::Database { context, source })
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::CandidateSessionMissing => StatusCode::UNAUTHORIZED,
            WebError::Unauthenticated { .. } => StatusCode::SEE_OTHER,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebError::Database { .. } | WebError::Files { .. } | WebError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let WebError::Unauthenticated { next } = self {
            let location = format!(
                "/login?next={}",
                url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
            );
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
        }
        let locale = LOCALE.try_with(|l| *l).unwrap_or_default();
        let (title, message) = match self {
            WebError::CandidateSessionMissing => (
                locale.text("error-session-title"),
                locale.text("error-session-body"),
            ),
            WebError::NotFound => (
                locale.text("error-not-found-title"),
                locale.text("error-not-found-body"),
            ),
            WebError::Forbidden => (
                locale.text("error-forbidden-title"),
                locale.text("error-forbidden-body"),
            ),
            WebError::Csrf => (
                locale.text("error-csrf-title"),
                locale.text("error-csrf-body"),
            ),
            WebError::BadRequest(m) => (locale.text("error-bad-request-title"), m.text(locale)),
            WebError::TooManyRequests(m) => (locale.text("error-too-many-title"), m.text(locale)),
            WebError::Conflict(m) => (locale.text("error-conflict-title"), m.text(locale)),
            WebError::UnsupportedMediaType(m) => (locale.text("error-media-title"), m.text(locale)),
            WebError::Database { .. } | WebError::Files { .. } | WebError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                (
                    locale.text("error-internal-title"),
                    locale.text("error-internal-body"),
                )
            }
            WebError::Unauthenticated { .. } => unreachable!("handled above"),
        };
        let body = templates::html()
            .render(
                "pages/error",
                &serde_json::json!({
                    "title": title,
                    "message": message,
                    "lang": locale.code(),
                    "locale": locale.code(),
                    "company": STATE
                        .try_with(|s| s.as_ref().and_then(|s| s.known_company()))
                        .ok()
                        .flatten(),
                }),
            )
            .unwrap_or_else(|_| format!("<!doctype html><title>{title}</title><h1>{title}</h1>"));
        HttpResponse::build(self.status_code())
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}
