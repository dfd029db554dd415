//! CSRF protection by signed double submit: each browser gets a random
//! nonce in an HttpOnly cookie; forms carry HMAC(secret, nonce), which a
//! cross-site page can neither read nor compute. Checked in constant time.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpMessage, HttpRequest};

use super::AppState;
use crate::security::token;

pub const COOKIE: &str = "rapport_csrf";
pub const FIELD: &str = "csrf_token";

/// The nonce made for a browser that came without one, when its page first
/// needed a form token: made lazily, so the many requests that render no
/// form (cached public pages, feeds, assets) cost no random bytes.
#[derive(Clone)]
struct FreshNonce(String);

/// Marks a request whose response carries a form token: only such a
/// response needs the nonce cookie (public pages without a form set no
/// cookie, so they stay cacheable), and it must never be stored.
#[derive(Clone, Copy)]
struct TokenUsed;

fn token_for(secret: &[u8], nonce: &str) -> String {
    token::sign(secret, &format!("csrf:{nonce}"))
}

/// Gives a browser its nonce cookie with the first page that has a form.
pub async fn ensure_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let secure = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.settings.secure_cookies())
        .unwrap_or(false);
    let mut res = next.call(req).await?;
    let fresh = {
        let extensions = res.request().extensions();
        extensions
            .get::<FreshNonce>()
            .filter(|_| token_used(&extensions))
            .map(|n| n.0.clone())
    };
    if let Some(nonce) = fresh {
        let cookie = Cookie::build(COOKIE, nonce)
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .finish();
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res)
}

/// The token to put in this request's forms: for the browser's nonce, or
/// for a new one that [`ensure_cookie`] then sends with the page.
pub fn form_token(req: &HttpRequest, state: &AppState) -> String {
    let nonce = match req.cookie(COOKIE) {
        Some(c) if !c.value().is_empty() => c.value().to_string(),
        _ => {
            let made = req.extensions().get::<FreshNonce>().map(|n| n.0.clone());
            made.unwrap_or_else(|| {
                let nonce = token::random_token();
                req.extensions_mut().insert(FreshNonce(nonce.clone()));
                nonce
            })
        }
    };
    token_for(&state.secret, &nonce)
}

/// Records that the response to `req` carries its form token.
pub fn mark_token_used(req: &HttpRequest) {
    req.extensions_mut().insert(TokenUsed);
}

/// Whether the response carries a form token (see `mark_token_used`).
pub fn token_used(extensions: &actix_web::dev::Extensions) -> bool {
    extensions.get::<TokenUsed>().is_some()
}

/// Whether `submitted` is the token for this browser's nonce. A request
/// without the cookie (it arrived with the form) never passes.
pub fn is_valid(req: &HttpRequest, state: &AppState, submitted: &str) -> bool {
    match req.cookie(COOKIE) {
        Some(c) if !c.value().is_empty() => {
            token::constant_time_eq(&token_for(&state.secret, c.value()), submitted)
        }
        _ => false,
    }
}

/// A cookie that replaces the nonce (at sign-in, so a token planted
/// before sign-in is worthless after).
pub fn rotated_cookie(secure: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, token::random_token())
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish()
}
