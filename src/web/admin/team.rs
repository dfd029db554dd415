//! The team: staff accounts and invitations.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::db::{self, DbError};
use crate::domain::user::{EmailAddress, PersonName, Role};
use crate::domain::FieldError;
use crate::mail::{self, EmailKind};
use crate::security::token;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

/// How long an invitation link works.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);

#[derive(Deserialize, Serialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
}

#[derive(Deserialize)]
pub struct TeamQuery {
    invited: Option<String>,
}

async fn render(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    form: &InviteForm,
    errors: Option<&[FieldError]>,
    invited: Option<String>,
) -> Result<HttpResponse, WebError> {
    let (users, invitations) = state
        .db
        .read(|conn| {
            Ok((
                db::users::list(conn)?,
                db::invitations::list_pending(conn, db::now())?,
            ))
        })
        .await
        .web_context("listing the team")?;
    let title = super::title("staff-team-title");
    let page = Page::new("pages/admin/team", &title).staff(owner.user(), "team");
    let page = if errors.is_some() {
        page.status(StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        page
    };
    page.render(
        req,
        state,
        json!({
            "users": users,
            "invitations": invitations.iter().map(|i| json!({
                "id": i.id, "email": i.email, "name": i.name, "role": i.role,
                "expires_on": super::STAFF.date(i.expires_at.date()),
            })).collect::<Vec<_>>(),
            "form": form,
            "role_is_owner": form.role == "owner",
            "errors": errors.map(errors_json),
            "invited": invited,
        }),
    )
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    query: web::Query<TeamQuery>,
) -> Result<HttpResponse, WebError> {
    render(
        &req,
        &state,
        &owner,
        &InviteForm::default(),
        None,
        query.into_inner().invited,
    )
    .await
}

#[derive(Serialize)]
struct InvitationEmail {
    name: String,
    inviter: String,
    company: String,
    role: &'static str,
    link: String,
    expires_on: String,
}

pub async fn invite(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<HttpResponse, WebError> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse(&form.email)
        .map_err(|m| errors.push(FieldError::of("email", m)))
        .ok();
    let name = PersonName::parse(&form.name)
        .map_err(|m| errors.push(FieldError::of("name", m)))
        .ok();
    let role = form
        .role
        .parse::<Role>()
        .map_err(|m| errors.push(FieldError::of("role", m)))
        .ok();
    let (Some(email), Some(name), Some(role), true) = (email, name, role, errors.is_empty()) else {
        return render(&req, &state, &owner, &form, Some(&errors), None).await;
    };

    let raw = token::random_token();
    let link = format!("{}/invitations/{}", state.base_url(), raw);
    let token_hash = token::hash_token(&raw);
    let inviter = owner.user().clone();
    let company = super::super::public::load_company(&state)
        .await
        .web_context("reading the company")?;
    let mail_domain = state.mail_domain.clone();
    let to = email.clone();
    let outcome = state
        .db
        .write(move |conn| {
            if db::users::find_by_email(conn, to.as_str())?.is_some() {
                return Ok(false);
            }
            let now = db::now();
            let expires_at = now + INVITATION_LIFETIME;
            let id = db::invitations::insert(
                conn,
                db::invitations::NewInvitation {
                    token_hash: &token_hash,
                    email: to.as_str(),
                    name: name.as_str(),
                    role,
                    invited_by: &inviter.id,
                    now,
                    expires_at,
                },
            )?;
            mail::queue(
                conn,
                EmailKind::StaffInvitation,
                to.as_str(),
                &InvitationEmail {
                    name: name.as_str().into(),
                    inviter: inviter.name.clone(),
                    company: company.name,
                    role: role.as_str(),
                    link,
                    expires_on: super::STAFF.date(expires_at.date()),
                },
                &mail_domain,
            )?;
            db::audit::record(
                conn,
                Some(&inviter.id),
                "team.invited",
                ("invitation", &id),
                &format!("invited {} as {}", to, role),
                now,
            )?;
            Ok::<_, DbError>(true)
        })
        .await
        .web_context("inviting a team member")?;
    if !outcome {
        let errors = [FieldError::localized(
            "email",
            "staff-error-team-has-account",
        )];
        return render(&req, &state, &owner, &form, Some(&errors), None).await;
    }
    Ok(see_other(&format!(
        "/admin/team?invited={}",
        url::form_urlencoded::byte_serialize(email.as_str().as_bytes()).collect::<String>()
    )))
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn revoke(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let actor = owner.user().id.clone();
    let revoked = state
        .db
        .write(move |conn| {
            let now = db::now();
            let revoked = db::invitations::revoke(conn, &id, now)?;
            if revoked {
                db::audit::record(
                    conn,
                    Some(&actor),
                    "team.invitation_revoked",
                    ("invitation", &id),
                    "",
                    now,
                )?;
            }
            Ok(revoked)
        })
        .await
        .web_context("revoking an invitation")?;
    if !revoked {
        return Err(WebError::NotFound);
    }
    Ok(see_other("/admin/team"))
}
