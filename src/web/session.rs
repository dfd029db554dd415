//! Staff sessions: a random token in an HttpOnly cookie, its hash in the
//! database, with idle and absolute expiry. Extractors `Staff` (any signed-in
//! staff member) and `Owner` guard the staff pages.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::{web, FromRequest, HttpRequest};
use chrono::Duration;

use super::error::{WebContext, WebError};
use super::AppState;
use crate::db::{self, users::User};
use crate::security::token;

pub const COOKIE: &str = "rapport_session";
/// Signed out after this long without a request.
pub const IDLE: Duration = Duration::hours(2);
/// Signed out this long after signing in, however active.
pub const ABSOLUTE: Duration = Duration::hours(12);

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: User,
}

/// A signed-in owner.
#[derive(Debug, Clone)]
pub struct Owner(pub Staff);

impl Owner {
    pub fn user(&self) -> &User {
        &self.0.user
    }
}

/// Why a request has no staff member.
pub enum Anonymous {
    NoSession,
    Expired,
}

/// Looks up the session behind the request's cookie, refreshing it.
pub async fn current_user(
    req: &HttpRequest,
    state: &AppState,
) -> Result<Result<User, Anonymous>, WebError> {
    let Some(cookie) = req.cookie(COOKIE) else {
        return Ok(Err(Anonymous::NoSession));
    };
    let hash = token::hash_token(cookie.value());
    let lookup = hash.clone();
    let found = state
        .db
        .read(move |conn| db::sessions::find_with_user(conn, &lookup))
        .await
        .web_context("reading the session")?;
    let Some((session, user)) = found else {
        return Ok(Err(Anonymous::NoSession));
    };
    let now = db::now();
    if session.last_seen_at + IDLE < now || session.created_at + ABSOLUTE < now {
        state
            .db
            .write(move |conn| db::sessions::delete(conn, &hash))
            .await
            .web_context("ending an expired session")?;
        return Ok(Err(Anonymous::Expired));
    }
    // Refresh at most once a minute: most requests only read, and take no
    // write lock.
    if session.last_seen_at + Duration::minutes(1) < now {
        state
            .db
            .write(move |conn| db::sessions::touch(conn, &hash, now))
            .await
            .web_context("refreshing the session")?;
    }
    Ok(Ok(user))
}

fn next_path(req: &HttpRequest) -> String {
    req.uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/admin".into())
}

impl FromRequest for Staff {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| WebError::Internal("application state missing".into()))?;
            match current_user(&req, state).await? {
                Ok(user) => Ok(Staff { user }),
                Err(_) => Err(WebError::Unauthenticated {
                    next: if req.method() == actix_web::http::Method::GET {
                        next_path(&req)
                    } else {
                        "/admin".into()
                    },
                }),
            }
        })
    }
}

impl FromRequest for Owner {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let staff = Staff::from_request(req, payload);
        Box::pin(async move {
            let staff = staff.await?;
            if staff.user.is_owner() {
                Ok(Owner(staff))
            } else {
                Err(WebError::Forbidden)
            }
        })
    }
}

/// Starts a session for `user_id` and returns the cookie to set. A new
/// random id every time: the session is rotated at sign-in.
pub async fn start(state: &AppState, user_id: String) -> Result<Cookie<'static>, WebError> {
    let raw = token::random_token();
    let hash = token::hash_token(&raw);
    state
        .db
        .write(move |conn| {
            let now = db::now();
            db::sessions::delete_expired(conn, now - IDLE, now - ABSOLUTE)?;
            db::sessions::create(conn, &hash, &user_id, now)
        })
        .await
        .web_context("starting a session")?;
    Ok(Cookie::build(COOKIE, raw)
        .path("/")
        .http_only(true)
        .secure(state.settings.secure_cookies())
        .same_site(SameSite::Lax)
        .max_age(time::Duration::seconds(ABSOLUTE.num_seconds()))
        .finish())
}

/// Ends the request's session, if any, and returns a cookie that clears it.
pub async fn end(req: &HttpRequest, state: &AppState) -> Result<Cookie<'static>, WebError> {
    if let Some(cookie) = req.cookie(COOKIE) {
        let hash = token::hash_token(cookie.value());
        state
            .db
            .write(move |conn| db::sessions::delete(conn, &hash))
            .await
            .web_context("ending a session")?;
    }
    let mut gone = Cookie::build(COOKIE, "")
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .finish();
    gone.make_removal();
    Ok(gone)
}
