//! Renders a page template inside the layout, with what every page needs:
//! its title, the CSRF token for its forms and who is signed in.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::error::WebError;
use super::AppState;
use super::{csrf, locale};
use crate::db::users::User;
use crate::i18n::Locale;
use crate::templates;

pub struct Page<'a> {
    pub template: &'a str,
    pub title: &'a str,
    pub user: Option<&'a User>,
    /// The navigation entry to mark as current.
    pub nav: &'a str,
    pub status: StatusCode,
    /// The language of the page's words (staff pages: English).
    pub locale: Locale,
    /// Whether the page offers the language switch (candidate and public pages).
    switch: bool,
}

impl<'a> Page<'a> {
    pub fn new(template: &'a str, title: &'a str) -> Self {
        Self {
            template,
            title,
            user: None,
            nav: "",
            status: StatusCode::OK,
            locale: Locale::ENGLISH,
            switch: false,
        }
    }

    /// A candidate or public page in `locale`, with the language switch.
    pub fn locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self.switch = true;
        self
    }

    pub fn staff(mut self, user: &'a User, nav: &'a str) -> Self {
        self.user = Some(user);
        self.nav = nav;
        self
    }

    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// Renders with `data` (a JSON object) merged into the common context.
    pub fn render(
        self,
        req: &HttpRequest,
        state: &AppState,
        data: Value,
    ) -> Result<HttpResponse, WebError> {
        let csrf_token = csrf::form_token(req, state);
        let mut ctx = json!({
            "title": self.title,
            "lang": self.locale.code(),
            "locale": self.locale.code(),
            "languages": if self.switch { locale::switch(req, self.locale) } else { Value::Null },
            "csrf_token": csrf_token,
            "staff": self.user.is_some(),
            "nav": { self.nav: true },
            "user": self.user.map(|u| json!({
                "name": u.name,
                "email": u.email,
                "role": u.role.as_str(),
                "is_owner": u.is_owner(),
            })),
        });
        if let (Some(base), Value::Object(extra)) = (ctx.as_object_mut(), data) {
            base.extend(extra);
        }
        // The public layout names the company on every page, not only on
        // those that read it for their own content.
        if ctx.get("company").is_none_or(Value::is_null) {
            ctx["company"] = json!(state.known_company());
        }
        let body = templates::html()
            .render(self.template, &ctx)
            .map_err(|e| WebError::Internal(format!("rendering {}: {e}", self.template)))?;
        // Only a page with a form needs the CSRF cookie (and is private).
        if body.contains(&csrf_token) {
            csrf::mark_token_used(req);
        }
        let mut res = HttpResponse::build(self.status)
            .content_type("text/html; charset=utf-8")
            .body(body);
        if self.switch {
            locale::remember(req, &mut res);
        }
        Ok(res)
    }
}

/// A 303 redirect, the answer to a successful form post.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}

/// Field errors as a JSON object `{field: message}` plus an ordered list
/// for the error summary at the top of a form.
pub fn errors_json(errors: &[crate::domain::FieldError]) -> Value {
    let mut by_field = serde_json::Map::new();
    for e in errors {
        by_field
            .entry(e.field.to_string())
            .or_insert_with(|| Value::String(e.message.clone()));
    }
    json!({
        "by_field": by_field,
        "list": errors.iter().map(|e| json!({"field": e.field, "message": e.message})).collect::<Vec<_>>(),
    })
}

/// The page that answers a form with problems: what to fix and a way back
/// to the form.
pub fn form_problems(
    req: &HttpRequest,
    state: &AppState,
    user: &User,
    title: &str,
    errors: &[crate::domain::FieldError],
    back: String,
) -> Result<HttpResponse, WebError> {
    Page::new("pages/admin/form_errors", title)
        .staff(user, if user.is_owner() { "jobs" } else { "home" })
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .render(
            req,
            state,
            json!({ "errors": errors_json(errors), "back": back }),
        )
}
