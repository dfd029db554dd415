//! Which language a candidate or public page speaks: the one the visitor
//! chose with the switch (`?lang=fr`, remembered in a cookie), else the
//! page's own (an application's language, a job's), else the first the
//! browser's `Accept-Language` names among those offered, else the
//! default. Staff pages are in English.

use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::i18n::{self, Locale};

/// Remembers the visitor's choice for the pages that follow.
const COOKIE: &str = "rapport_lang";

/// The language named by `?lang=` on this request, when Rapport has it.
pub fn from_query(req: &HttpRequest) -> Option<Locale> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Locale::parse(&v))
}

/// The visitor's own choice: this request's `?lang=`, else the one remembered.
pub fn chosen(req: &HttpRequest) -> Option<Locale> {
    from_query(req).or_else(|| req.cookie(COOKIE).and_then(|c| Locale::parse(c.value())))
}

/// The language for a page: the visitor's choice, else `own` (the
/// application's or the job's, when the page has one), else the browser's
/// preference among `offered`, else `fallback`.
pub fn choose(
    req: &HttpRequest,
    own: Option<Locale>,
    offered: &[Locale],
    fallback: Locale,
) -> Locale {
    chosen(req)
        .or(own)
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|h| h.to_str().ok())
                .and_then(|h| i18n::from_accept_language(h, offered))
        })
        .unwrap_or(fallback)
}

/// Every language, for pages with no language of their own (the board,
/// the lost-link page).
pub fn all() -> Vec<Locale> {
    Locale::all().collect()
}

/// Keeps a `?lang=` choice for the next pages, and tells caches the page
/// depends on the language headers.
pub fn remember(req: &HttpRequest, res: &mut HttpResponse) {
    if let Some(locale) = from_query(req) {
        let cookie = Cookie::build(COOKIE, locale.code())
            .path("/")
            .max_age(Duration::days(365))
            .same_site(SameSite::Lax)
            .http_only(true)
            .finish();
        if let Err(e) = res.add_cookie(&cookie) {
            tracing::warn!(error = %e, "language cookie not set");
        }
    }
    res.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
}

/// The switch on a candidate page: every language, each a link to this
/// page in it, the current one marked.
pub fn switch(req: &HttpRequest, current: Locale) -> Value {
    let others: Vec<(String, String)> = url::form_urlencoded::parse(req.query_string().as_bytes())
        .filter(|(k, _)| k != "lang")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let others: Vec<(&str, &str)> = others
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    switch_for(req.path(), &others, current)
}

/// The switch to `path` with the `query` pairs, in each language: a shared
/// (cached) page links to its canonical address, not to whatever address
/// its first reader happened to use.
pub fn switch_for(path: &str, query: &[(&str, &str)], current: Locale) -> Value {
    Locale::all()
        .map(|locale| {
            let query = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(query.iter())
                .append_pair("lang", locale.code())
                .finish();
            json!({
                "code": locale.code(),
                "name": locale.name(),
                "href": format!("{path}?{query}"),
                "current": locale == current,
            })
        })
        .collect()
}
