//! Personal API tokens, for every staff member: make one (shown once),
//! see when each was last used, revoke one.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::db;
use crate::domain::api_token::{NewToken, Scope, DEFAULT_DAYS, MAX_DAYS};
use crate::domain::FieldError;
use crate::i18n::Message;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::Staff;
use crate::web::AppState;

#[derive(Deserialize, Serialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    days: String,
}

fn when(t: chrono::NaiveDateTime) -> String {
    t.format("%-d %b %Y %H:%M UTC").to_string()
}

async fn render(
    req: &HttpRequest,
    state: &AppState,
    staff: &Staff,
    form: &TokenForm,
    errors: Option<&[FieldError]>,
    created: Option<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let user_id = staff.user.id.clone();
    let tokens = state
        .db
        .read(move |conn| db::api_tokens::list_for_user(conn, &user_id))
        .await
        .web_context("listing API tokens")?;
    let now = db::now();
    let title = super::title("staff-tokens-title");
    let page = Page::new("pages/admin/tokens", &title).staff(&staff.user, "tokens");
    let page = if errors.is_some() {
        page.status(StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        page
    };
    let scope = Scope::parse(&form.scope).unwrap_or(Scope::Read);
    page.render(
        req,
        state,
        json!({
            "tokens": tokens.iter().map(|t| json!({
                "id": t.id, "name": t.name, "scope": super::words(&t.scope().label()),
                "created": when(t.created_at),
                "expires": when(t.expires_at),
                "last_used": t.last_used_at.map(when),
                "revoked": t.revoked_at.map(when),
                "expired": t.revoked_at.is_none() && t.expires_at <= now,
                "active": t.is_usable(now),
            })).collect::<Vec<_>>(),
            "form": {
                "name": form.name,
                "days": if form.days.is_empty() { DEFAULT_DAYS.to_string() } else { form.days.clone() },
                "read_write": scope == Scope::ReadWrite,
            },
            "days_hint": super::words(&Message::new("staff-token-days-hint").count("max", MAX_DAYS)),
            "is_owner": staff.user.is_owner(),
            "errors": errors.map(errors_json),
            "created": created.map(|(name, token)| json!({ "name": name, "token": token })),
            "revoked": req.query_string().contains("revoked=1"),
        }),
    )
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, WebError> {
    render(&req, &state, &staff, &TokenForm::default(), None, None).await
}

/// Makes a token and shows it on this response only: it is stored hashed,
/// so no later page can show it again.
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<HttpResponse, WebError> {
    let new = match NewToken::parse(&form.name, &form.scope, &form.days) {
        Ok(new) => new,
        Err(errors) => return render(&req, &state, &staff, &form, Some(&errors), None).await,
    };
    let user_id = staff.user.id.clone();
    let name = new.name.clone();
    let (raw, _) = state
        .db
        .write(move |conn| crate::flows::api_tokens::create(conn, &user_id, &new))
        .await
        .web_context("creating an API token")?;
    render(
        &req,
        &state,
        &staff,
        &TokenForm::default(),
        None,
        Some((name, raw)),
    )
    .await
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn revoke(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let user_id = staff.user.id.clone();
    let token_id = id.into_inner();
    let done = state
        .db
        .write(move |conn| crate::flows::api_tokens::revoke(conn, &user_id, &token_id))
        .await
        .web_context("revoking an API token")?;
    if !done {
        return Err(WebError::NotFound);
    }
    Ok(see_other("/admin/account/tokens?revoked=1"))
}
