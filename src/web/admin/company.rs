//! The company: its name and site (shown on every public page and email)
//! and the address candidates' replies go to.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::db::{self, settings, DbError};
use crate::domain::user::EmailAddress;
use crate::domain::FieldError;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

#[derive(Deserialize, Serialize, Default)]
pub struct CompanyForm {
    #[serde(default)]
    company_name: String,
    #[serde(default)]
    company_url: String,
    #[serde(default)]
    reply_to: String,
}

#[derive(Deserialize)]
pub struct CompanyQuery {
    saved: Option<String>,
}

fn render(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    form: &CompanyForm,
    errors: Option<&[FieldError]>,
    saved: bool,
) -> Result<HttpResponse, WebError> {
    Page::new("pages/admin/company", &super::title("staff-company-title"))
        .staff(owner.user(), "team")
        .status(if errors.is_some() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        })
        .render(
            req,
            state,
            json!({ "form": form, "errors": errors.map(errors_json), "saved": saved }),
        )
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    query: web::Query<CompanyQuery>,
) -> Result<HttpResponse, WebError> {
    let form = state
        .db
        .read(|conn| {
            Ok::<_, DbError>(CompanyForm {
                company_name: settings::get(conn, settings::COMPANY_NAME)?.unwrap_or_default(),
                company_url: settings::get(conn, settings::COMPANY_URL)?.unwrap_or_default(),
                reply_to: settings::reply_to(conn)?.unwrap_or_default(),
            })
        })
        .await
        .web_context("reading the company")?;
    render(&req, &state, &owner, &form, None, query.saved.is_some())
}

pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    CsrfForm(form): CsrfForm<CompanyForm>,
) -> Result<HttpResponse, WebError> {
    let mut errors = Vec::new();
    let name = form.company_name.trim().to_string();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push(FieldError::localized(
            "company_name",
            "staff-error-company-name",
        ));
    }
    let url = form.company_url.trim().to_string();
    if !url.is_empty()
        && url::Url::parse(&url)
            .map(|u| !matches!(u.scheme(), "http" | "https"))
            .unwrap_or(true)
    {
        errors.push(FieldError::localized(
            "company_url",
            "staff-error-company-url",
        ));
    }
    let reply_to = form.reply_to.trim();
    let reply_to = if reply_to.is_empty() {
        String::new()
    } else {
        // Both checks: the one every address here passes, and the mail
        // library's, so the header can always be written.
        match EmailAddress::parse(reply_to) {
            Ok(a) if a.as_str().parse::<lettre::Address>().is_ok() => a.as_str().to_string(),
            _ => {
                errors.push(FieldError::localized(
                    "reply_to",
                    "staff-error-company-reply-to",
                ));
                String::new()
            }
        }
    };
    if !errors.is_empty() {
        return render(&req, &state, &owner, &form, Some(&errors), false);
    }
    let actor = owner.user().id.clone();
    state
        .db
        .write(move |conn| {
            settings::set(conn, settings::COMPANY_NAME, &name)?;
            settings::set(conn, settings::COMPANY_URL, &url)?;
            settings::set(conn, settings::REPLY_TO, &reply_to)?;
            db::audit::record(
                conn,
                Some(&actor),
                "company.edited",
                ("settings", "company"),
                &format!(
                    "reply address: {}",
                    if reply_to.is_empty() {
                        "none"
                    } else {
                        &reply_to
                    }
                ),
                db::now(),
            )
        })
        .await
        .web_context("saving the company")?;
    Ok(see_other("/admin/company?saved=1"))
}
