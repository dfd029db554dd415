//! Reading what people send: `CsrfForm<T>`, a URL-encoded form whose CSRF
//! token has been checked before anything else looks at it (every
//! state-changing form uses it), and `clean_text`, the one place where
//! control characters are taken out of text as it comes in.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;

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
/// still URL-encoded for the deserialiser. A questionnaire's answers are
/// most of a body, and decoding and encoding them again cost more than
/// scoring one: a field whose only control characters are line ends and
/// tabs (all a browser sends) is rewritten in one pass over its encoded
/// bytes. A field with any other control character is decoded, cleaned
/// and encoded again: dropping a byte could join what surrounds it into
/// another character.
fn cleaned_form(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for (n, field) in bytes.split(|&b| b == b'&').enumerate() {
        if n > 0 {
            out.push('&');
        }
        if has_control_to_drop(field) {
            let mut encoded = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in url::form_urlencoded::parse(field) {
                encoded.append_pair(&clean_text(&k), &clean_text(&v));
            }
            out.push_str(&encoded.finish());
        } else {
            push_line_ends_cleaned(&mut out, field);
        }
    }
    out
}

/// One byte of the decoded text at `i` and how many encoded bytes it takes.
fn decoded_at(bytes: &[u8], i: usize) -> (u8, usize) {
    let hex = |b: Option<&u8>| b.and_then(|&b| char::from(b).to_digit(16));
    match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
        (b'%', Some(h), Some(l)) => ((h << 4 | l) as u8, 3),
        (b, _, _) => (b, 1),
    }
}

/// A byte that stands for itself in an encoded form (or `+` for a space).
fn is_plain(byte: u8) -> bool {
    byte.is_ascii_graphic() && byte != b'%'
}

/// Whether the field decodes to a control character other than a line
/// end or a tab: C0, DEL, or C1 (C2 80 to C2 9F in UTF-8).
fn has_control_to_drop(field: &[u8]) -> bool {
    let mut i = 0;
    let mut after_c2 = false;
    while i < field.len() {
        if is_plain(field[i]) {
            after_c2 = false;
            i += 1;
            continue;
        }
        let (byte, len) = decoded_at(field, i);
        match byte {
            b'\r' | b'\n' | b'\t' => {}
            0..=0x1f | 0x7f => return true,
            0x80..=0x9f if after_c2 => return true,
            _ => {}
        }
        after_c2 = byte == 0xc2;
        i += len;
    }
    false
}

/// Appends `field` with each carriage return before a line feed dropped
/// and every other one made a line feed; bytes outside ASCII and a bare
/// `%` are encoded, every other byte and escape is kept as sent (`+` is
/// a space, `%26` is text and not a separator).
fn push_line_ends_cleaned(out: &mut String, field: &[u8]) {
    let mut i = 0;
    while i < field.len() {
        // Most of a field is plain text, copied as one run.
        let run = field[i..].iter().take_while(|&&b| is_plain(b)).count();
        if run > 0 {
            out.push_str(std::str::from_utf8(&field[i..i + run]).unwrap_or_default());
            i += run;
            continue;
        }
        let (byte, len) = decoded_at(field, i);
        let next = i + len;
        match byte {
            b'\r' => {
                if next >= field.len() || decoded_at(field, next).0 != b'\n' {
                    out.push_str("%0A");
                }
            }
            b'\n' | b'\t' | b'%' | 0x80.. => {
                out.push_str(percent_encoding::percent_encode_byte(byte))
            }
            _ if len == 3 => out.push_str(std::str::from_utf8(&field[i..next]).unwrap_or_default()),
            _ => out.push(char::from(byte)),
        }
        i = next;
    }
}

/// The value of the field `name` in a URL-encoded form (the last one when
/// it is repeated, as the deserialiser reads it), decoding no other value.
fn field(form: &str, name: &str) -> Option<String> {
    fn decoded(text: &str) -> Option<(Cow<'_, str>, Cow<'_, str>)> {
        url::form_urlencoded::parse(text.as_bytes()).next()
    }
    form.split('&')
        .rfind(|pair| {
            let key = pair.split_once('=').map_or(*pair, |(key, _)| key);
            decoded(key).is_some_and(|(k, _)| k == name)
        })
        .map(|pair| {
            decoded(pair)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        })
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

fn percent_decoded(s: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy()
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
            let token = field(&form, "csrf_token").unwrap_or_default();
            if !csrf::is_valid(&req, state, &token) {
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

    /// What the form reads as after cleaning: every name and value
    /// decoded, then cleaned by `clean_text`.
    fn read_cleaned(bytes: &[u8]) -> Vec<(String, String)> {
        url::form_urlencoded::parse(bytes)
            .map(|(k, v)| (clean_text(&k), clean_text(&v)))
            .collect()
    }

    proptest::proptest! {
        /// Cleaning the encoded bytes reads exactly as decoding, then
        /// cleaning each name and value: line ends, C0 and C1 controls,
        /// escaped or not, next to separators, bare `%` and bytes
        /// outside ASCII.
        #[test]
        fn cleaning_the_encoded_form_reads_as_cleaning_its_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "+", "&", "=", "%", "%2", "%0", "%0D", "%0d", "%0A", "%0a", "%09",
                "%00", "%1F", "%7F", "%7f", "%20", "%26", "%3D", "%25", "%2B", "%C2", "%c2",
                "%85", "%9F", "%A0", "%C3%A9", "%E2%80%A8", "\r", "\n", "\t", "\u{7f}", "\u{85}",
                "0", "A", "csrf_token",
            ]), 0..24),
            raw in proptest::collection::vec(proptest::sample::select(vec![0xc2u8, 0x85, 0x9f, 0xa0, 0xff, 0x0d]), 0..3),
        ) {
            let mut bytes = pieces.concat().into_bytes();
            let at = bytes.len() / 2;
            bytes.splice(at..at, raw);
            let cleaned = cleaned_form(&bytes);
            proptest::prop_assert!(cleaned.is_ascii());
            proptest::prop_assert_eq!(
                url::form_urlencoded::parse(cleaned.as_bytes())
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect::<Vec<_>>(),
                read_cleaned(&bytes)
            );
        }
    }

    #[test]
    fn the_token_is_read_without_the_other_fields() {
        let form = "answer=a%26csrf_token%3Dx&csrf%5Ftoken=t%2B1+2&b=c";
        assert_eq!(field(form, "csrf_token").as_deref(), Some("t+1 2"));
        assert_eq!(
            field("csrf_token=a&csrf_token=b", "csrf_token").as_deref(),
            Some("b")
        );
        assert_eq!(field("csrf_token&x=1", "csrf_token").as_deref(), Some(""));
        assert_eq!(field("x=1&&y", "csrf_token"), None);
    }

    #[test]
    fn forms_and_json_are_cleaned_throughout() {
        assert_eq!(cleaned_form(b"a%00=b%00c&d=e%0D%0Af"), "a=bc&d=e%0Af");
        let mut v = serde_json::json!({"t\u{0}": ["x\u{0}", {"y": "z\u{0}"}], "n": 1});
        clean_json(&mut v);
        assert_eq!(v, serde_json::json!({"t": ["x", {"y": "z"}], "n": 1}));
    }
}
