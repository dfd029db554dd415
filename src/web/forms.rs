//! Reading what people send: `CsrfForm<T>`, a URL-encoded form whose CSRF
//! token has been checked before anything else looks at it (every
//! state-changing form uses it), and `clean_text`, the one place where
//! control characters are taken out of text as it comes in.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::csrf;
use super::error::WebError;
use super::AppState;
use crate::i18n::Message;

/// Text as people meant it: line breaks become `\n` and control characters
/// other than newline and tab are removed. PostgreSQL refuses NUL in text
/// and SQLite stores it, so without this one pasted character saves on one
/// database and fails on the other; nobody means to type the others.
pub fn clean_text(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Cleans every string in a JSON value (keys included), as `clean_text`.
pub fn clean_json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) => *s = clean_text(s),
        Value::Array(items) => items.iter_mut().for_each(clean_json),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (k, mut v) in entries {
                clean_json(&mut v);
                map.insert(clean_text(&k), v);
            }
        }
        _ => {}
    }
}

/// A URL-encoded body with every name and value cleaned by `clean_text`,
/// encoded again for the deserialiser.
fn cleaned_form(bytes: &[u8]) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(bytes) {
        out.append_pair(&clean_text(&k), &clean_text(&v));
    }
    out.finish()
}

/// Refuses a body that is not a URL-encoded form before reading it, so a
/// JSON or multipart body is never half-understood as one.
pub fn require_urlencoded(req: &HttpRequest) -> Result<(), WebError> {
    if req
        .content_type()
        .eq_ignore_ascii_case("application/x-www-form-urlencoded")
    {
        Ok(())
    } else {
        Err(WebError::UnsupportedMediaType(Message::new(
            "error-form-not-urlencoded",
        )))
    }
}

/// No page's address holds a control character: such a request names
/// nothing, and is answered "not found" before a handler passes the text
/// to the database (PostgreSQL fails on NUL where SQLite finds nothing).
/// The JSON API answers in its own error body, as its document says.
pub async fn refuse_control_characters_in_path(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if percent_decoded(req.path()).chars().any(char::is_control) {
        if req.path().starts_with("/api/") {
            return Err(crate::web::api::ApiError::NotFound.into());
        }
        return Err(WebError::NotFound.into());
    }
    next.call(req).await
}

fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A multipart/form-data body (the forms that upload a file), refused with
/// a page saying so when the body is of another type; its text fields are
/// to be read through `clean_text`.
pub struct MultipartBody<T>(pub T);

impl<T: actix_multipart::form::MultipartCollect + 'static> FromRequest for MultipartBody<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        if !req
            .content_type()
            .eq_ignore_ascii_case("multipart/form-data")
        {
            let refused = WebError::UnsupportedMediaType(Message::new("error-form-not-multipart"));
            return Box::pin(async move { Err(refused.into()) });
        }
        let form = actix_multipart::form::MultipartForm::<T>::from_request(req, payload);
        Box::pin(async move { Ok(MultipartBody(form.await?.0)) })
    }
}

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
            require_urlencoded(&req)?;
            // Bytes honours the PayloadConfig limit: too large is a 413.
            let bytes = body.await?;
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| WebError::Internal("application state missing".into()))?;
            let form = cleaned_form(&bytes);
            let token: TokenOnly = serde_html_form::from_str(&form).map_err(|_| WebError::Csrf)?;
            if !csrf::is_valid(&req, state, &token.csrf_token) {
                return Err(WebError::Csrf.into());
            }
            let value = serde_html_form::from_str(&form).map_err(|e| {
                WebError::BadRequest(Message::new("error-form-unreadable").arg("detail", e))
            })?;
            Ok(CsrfForm(value))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_newlines_and_tabs_stay() {
        assert_eq!(clean_text("a\u{0}b"), "ab");
        assert_eq!(clean_text("a\r\nb\rc\nd\te"), "a\nb\nc\nd\te");
        assert_eq!(clean_text("x\u{7}\u{1b}\u{7f}\u{85}y"), "xy");
        assert_eq!(clean_text("plain — é ✓"), "plain — é ✓");
    }

    #[test]
    fn addresses_are_decoded_before_the_check() {
        assert_eq!(percent_decoded("/jobs/a%00b"), "/jobs/a\u{0}b");
        assert_eq!(percent_decoded("/jobs/%C3%A9%2"), "/jobs/é%2");
    }

    #[test]
    fn forms_and_json_are_cleaned_throughout() {
        assert_eq!(cleaned_form(b"a%00=b%00c&d=e%0D%0Af"), "a=bc&d=e%0Af");
        let mut v = serde_json::json!({"t\u{0}": ["x\u{0}", {"y": "z\u{0}"}], "n": 1});
        clean_json(&mut v);
        assert_eq!(v, serde_json::json!({"t": ["x", {"y": "z"}], "n": 1}));
    }
}
