//! `CsrfForm<T>`: a URL-encoded form whose CSRF token has been checked
//! before anything else looks at it. Every state-changing form uses it.

use std::future::Future;
use std::pin::Pin;

use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::csrf;
use super::error::WebError;
use super::AppState;

pub struct CsrfForm<T>(pub T);

#[derive(Deserialize)]
struct TokenOnly {
    #[serde(default)]
    csrf_token: String,
}

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            // Bytes honours the PayloadConfig limit: too large is a 413.
            let bytes = body.await?;
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| WebError::Internal("application state missing".into()))?;
            let token: TokenOnly =
                serde_html_form::from_bytes(&bytes).map_err(|_| WebError::Csrf)?;
            if !csrf::is_valid(&req, state, &token.csrf_token) {
                return Err(WebError::Csrf.into());
            }
            let value = serde_html_form::from_bytes(&bytes)
                .map_err(|e| WebError::BadRequest(format!("The form could not be read: {e}")))?;
            Ok(CsrfForm(value))
        })
    }
}
