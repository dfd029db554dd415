//! Who is calling the API: a personal token (`Authorization: Bearer`),
//! checked, rate limited and its use recorded in one transaction; or the
//! pages' session cookie, whose writes must carry the CSRF token in
//! `X-CSRF-Token` (a bearer token is never sent by a browser on its own,
//! so bearer requests need none).

use std::future::Future;
use std::pin::Pin;

use actix_web::http::{header, Method};
use actix_web::{web, FromRequest, HttpRequest};
use chrono::Duration;

use super::ApiError;
use crate::db::{self, users::User};
use crate::domain::api_token::Scope;
use crate::security::token;
use crate::web::{csrf, session, AppState};

/// The window of the per-token rate limit.
pub const RATE_WINDOW: Duration = Duration::minutes(1);
/// The header a session's writes carry their CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// An authenticated API caller.
pub struct Caller {
    pub user: User,
    /// The token's scope; `None` for the session (which may do what the
    /// pages let the person do).
    pub scope: Option<Scope>,
}

impl Caller {
    /// Refuses callers whose token may only read.
    pub fn may_write(&self) -> Result<(), ApiError> {
        match self.scope {
            Some(Scope::Read) => Err(ApiError::Forbidden {
                code: "read_only_token",
                message: "this token may only read: create a read-write token to make changes",
            }),
            _ => Ok(()),
        }
    }

    /// Refuses callers who are not owners (whatever their token's scope).
    pub fn owner(&self) -> Result<(), ApiError> {
        if self.user.is_owner() {
            Ok(())
        } else {
            Err(ApiError::Forbidden {
                code: "owner_only",
                message: "only an owner may do this",
            })
        }
    }

    /// A write only an owner may make.
    pub fn owner_write(&self) -> Result<(), ApiError> {
        self.may_write()?;
        self.owner()
    }
}

enum TokenCheck {
    Unknown,
    Revoked,
    Expired,
    Limited(Duration),
    Valid(User, Scope),
}

fn unauthorized() -> ApiError {
    ApiError::Unauthorized {
        code: "unauthorized",
        message: "send a personal API token as Authorization: Bearer <token>, or sign in",
    }
}

async fn by_token(state: &AppState, raw: &str) -> Result<Caller, ApiError> {
    let hash = token::hash_token(raw);
    let limit = state.settings.api_requests_per_minute.max(1);
    let check = state
        .db
        .write(move |conn| {
            let Some(row) = db::api_tokens::find_by_hash(conn, &hash)? else {
                return Ok(TokenCheck::Unknown);
            };
            let now = db::now();
            if row.revoked_at.is_some() {
                return Ok(TokenCheck::Revoked);
            }
            if row.expires_at <= now {
                return Ok(TokenCheck::Expired);
            }
            let Some(user) = db::users::find(conn, &row.user_id)? else {
                return Ok(TokenCheck::Unknown);
            };
            let key = format!("api-token:{}", row.id);
            if db::rate_limits::try_take(conn, &key, limit, RATE_WINDOW, now)?.is_none() {
                let wait = db::rate_limits::wait_for(conn, &key, RATE_WINDOW, now)?;
                return Ok(TokenCheck::Limited(wait));
            }
            db::rate_limits::forget_key_before(conn, &key, now - RATE_WINDOW)?;
            db::api_tokens::touch(conn, &row.id, now)?;
            Ok(TokenCheck::Valid(user, row.scope()))
        })
        .await?;
    match check {
        TokenCheck::Unknown => Err(unauthorized()),
        TokenCheck::Revoked => Err(ApiError::Unauthorized {
            code: "token_revoked",
            message: "this token was revoked",
        }),
        TokenCheck::Expired => Err(ApiError::Unauthorized {
            code: "token_expired",
            message: "this token has expired: create a new one",
        }),
        TokenCheck::Limited(wait) => Err(ApiError::RateLimited {
            // Rounded up: retrying after the header's seconds succeeds.
            retry_after: (wait.num_milliseconds() + 999) / 1000,
        }),
        TokenCheck::Valid(user, scope) => Ok(Caller {
            user,
            scope: Some(scope),
        }),
    }
}

async fn by_session(req: &HttpRequest, state: &AppState) -> Result<Caller, ApiError> {
    let user = match session::current_user(req, state).await {
        Ok(Ok(user)) => user,
        _ => return Err(unauthorized()),
    };
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe {
        let sent = req
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !csrf::is_valid(req, state, sent) {
            return Err(ApiError::Forbidden {
                code: "csrf_token_invalid",
                message: "a signed-in browser's changes must carry the page's CSRF token in X-CSRF-Token (or use a personal API token)",
            });
        }
    }
    Ok(Caller { user, scope: None })
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(unauthorized)?;
            match req.headers().get(header::AUTHORIZATION) {
                Some(value) => {
                    let raw = value
                        .to_str()
                        .ok()
                        .and_then(|v| {
                            v.strip_prefix("Bearer ")
                                .or_else(|| v.strip_prefix("bearer "))
                        })
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .ok_or_else(unauthorized)?;
                    by_token(state, raw).await
                }
                None => by_session(&req, state).await,
            }
        })
    }
}
