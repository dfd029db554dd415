//! How failures in handlers become responses: an HTML page for people, a
//! redirect to sign in, or a status code. JSON routes use `api::ApiError`.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse, ResponseError};

use super::public::view::Company;
use super::AppState;
use crate::db::DbError;
use crate::files::FileError;
use crate::templates;

tokio::task_local! {
    /// The company of the request being answered: error pages are rendered
    /// where no request is at hand, and name it like every public page.
    static COMPANY: Option<Company>;
}

/// Makes the company known to the error pages of the requests it wraps.
pub async fn pages_with_company(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let company = match req.app_data::<web::Data<AppState>>() {
        Some(state) => match state.known_company() {
            Some(c) => Some(c),
            // Not named yet in this process (or at all): read it.
            None => super::public::load_company(state)
                .await
                .ok()
                .filter(|_| state.known_company().is_some()),
        },
        None => None,
    };
    COMPANY.scope(company, next.call(req)).await
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
    BadRequest(String),
    #[error("{0}")]
    TooManyRequests(String),
    /// Someone else changed the thing a moment before; nothing was done.
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
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
        let (title, message) = match self {
            WebError::CandidateSessionMissing => (
                "Open your personal link",
                "To see your questions and where your application stands, open the personal link we emailed you. If you cannot find it, go back to the job's page and ask for a new one.".to_string(),
            ),
            WebError::NotFound => (
                "Page not found",
                "We could not find this page. It may have moved, or the address may have a typo.".to_string(),
            ),
            WebError::Forbidden => (
                "Not allowed",
                "Your account cannot open this page. Ask the owner of this Rapport if you need it.".to_string(),
            ),
            WebError::Csrf => (
                "Please try again",
                "This form expired or did not come from this site, so nothing was changed. Go back, reload the page and send it again.".to_string(),
            ),
            WebError::BadRequest(m) => ("Something is not right", m.clone()),
            WebError::TooManyRequests(m) => ("Too many attempts", m.clone()),
            WebError::Conflict(m) => ("Someone else acted first", m.clone()),
            WebError::UnsupportedMediaType(m) => ("This form could not be read", m.clone()),
            WebError::Database { .. } | WebError::Files { .. } | WebError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                (
                    "Something went wrong",
                    "Something went wrong on our side and nothing was changed. Please try again in a moment.".to_string(),
                )
            }
            WebError::Unauthenticated { .. } => unreachable!("handled above"),
        };
        let body = templates::html()
            .render(
                "pages/error",
                &serde_json::json!({ "title": title, "message": message, "lang": "en", "company": COMPANY.try_with(Clone::clone).ok().flatten() }),
            )
            .unwrap_or_else(|_| format!("<!doctype html><title>{title}</title><h1>{title}</h1>"));
        HttpResponse::build(self.status_code())
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}
