//! Signing in and out, the one-time setup of the owner account, and
//! accepting an invitation to the team.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Duration;
use serde::Deserialize;
use serde_json::json;

use super::error::{WebContext, WebError};
use super::forms::CsrfForm;
use super::render::{errors_json, see_other, Page};
use super::{admin, csrf, session, AppState};
use crate::db::{self, users::User, DbError};
use crate::domain::user::{EmailAddress, NewPassword, PersonName, Role};
use crate::domain::FieldError;
use crate::i18n::Message;
use crate::mail::{self, EmailKind};
use crate::security::{password, token};

/// How long an emailed password reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

/// Passwords checked in the window, per account and per address; each
/// attempt counts before its check, and a success gives its attempt back.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_IP: i64 = 20;
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login_form))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout))
        .route("/setup/{token}", web::get().to(setup_form))
        .route("/setup/{token}", web::post().to(setup))
        .route("/invitations/{token}", web::get().to(invitation_form))
        .route("/invitations/{token}", web::post().to(accept_invitation))
        .route("/password/forgot", web::get().to(forgot_form))
        .route("/password/forgot", web::post().to(forgot))
        .route("/password/reset/{token}", web::get().to(reset_form))
        .route("/password/reset/{token}", web::post().to(reset));
}

#[derive(Deserialize, Default)]
struct NextQuery {
    next: Option<String>,
    signed_out: Option<String>,
}

/// Only local paths made of plain characters: never send someone to another
/// site after sign-in. Browsers drop tabs and newlines from a Location and
/// read a backslash as `/`, so `/<TAB>/evil.example` would leave the site;
/// anything unusual goes to the home page instead.
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n) if is_local_path(n) => n,
        _ => "/admin",
    }
}

fn is_local_path(path: &str) -> bool {
    const ALLOWED: &[u8] = b"/-._~%?=&+,:@";
    let plain = |b: &u8| b.is_ascii_alphanumeric() || ALLOWED.contains(b);
    if !path.starts_with('/')
        || path.starts_with("//")
        || path.len() > 2048
        || !path.as_bytes().iter().all(plain)
    {
        return false;
    }
    // Once decoded, it must still be a plain local path (`/%2F/evil.example`
    // is `//evil.example` to anything that decodes it on the way).
    let decoded = percent_decode(path);
    decoded.starts_with(b"/")
        && !decoded.starts_with(b"//")
        && !decoded.iter().any(|b| b.is_ascii_control() || *b == b'\\')
}

fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

async fn login_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    Page::new("pages/auth/login", &admin::title("staff-auth-login-title")).render(
        &req,
        &state,
        json!({
            "next": safe_next(query.next.as_deref()),
            "signed_out": query.signed_out.is_some(),
        }),
    )
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// The rate-limit key of an account's sign-ins (emails are stored lower case).
fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

/// Whether a sign-in attempt may have its password checked.
enum SignInGate {
    IpLimited,
    AccountLimited,
    Open {
        ip_hit: db::rate_limits::Hit,
        user: Option<User>,
    },
}

async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<HttpResponse, WebError> {
    let email = form.email.trim().to_lowercase();
    let ip_key = format!("ip:{}", super::limits::client_ip(&req, &state));
    let account_key = account_key(&email);
    let retry = |key: &'static str, status: StatusCode| {
        let message = admin::words(&Message::new(key));
        Page::new("pages/auth/login", &admin::title("staff-auth-login-title")).status(status).render(
            &req,
            &state,
            json!({ "next": safe_next(Some(&form.next)), "email": form.email, "error": message }),
        )
    };

    // The attempt is counted before the password is checked, atomically per
    // key, so a burst of parallel guesses gets no more checks than a
    // sequence would.
    let gate = {
        let (ip_key, account_key, email) = (ip_key, account_key.clone(), email.clone());
        state
            .db
            .write(move |conn| {
                let now = db::now();
                let Some(ip_hit) = db::rate_limits::try_take(
                    conn,
                    &ip_key,
                    MAX_FAILURES_PER_IP,
                    FAILURE_WINDOW,
                    now,
                )?
                else {
                    return Ok(SignInGate::IpLimited);
                };
                let Some(_) = db::rate_limits::try_take(
                    conn,
                    &account_key,
                    MAX_FAILURES_PER_ACCOUNT,
                    FAILURE_WINDOW,
                    now,
                )?
                else {
                    // Not checked, so it does not count against the address.
                    ip_hit.release(conn)?;
                    return Ok(SignInGate::AccountLimited);
                };
                Ok(SignInGate::Open {
                    ip_hit,
                    user: db::users::find_by_email(conn, &email)?,
                })
            })
            .await
            .web_context("counting a sign-in attempt")?
    };
    let (ip_hit, user) = match gate {
        SignInGate::IpLimited => {
            return retry(
                "staff-error-sign-in-limited-network",
                StatusCode::TOO_MANY_REQUESTS,
            )
        }
        SignInGate::AccountLimited => {
            return retry(
                "staff-error-sign-in-limited-account",
                StatusCode::TOO_MANY_REQUESTS,
            )
        }
        SignInGate::Open { ip_hit, user } => (ip_hit, user),
    };

    let attempt = form.password.clone();
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let matches = web::block(move || match stored {
        Some(hash) => password::verify(&attempt, &hash),
        None => {
            // Same work whether or not the account exists.
            password::verify(&attempt, password::dummy_hash());
            false
        }
    })
    .await
    .map_err(|e| WebError::Internal(format!("verifying a password: {e}")))?;

    // A failure stays counted (it was counted before the check).
    let Some(user) = user.filter(|_| matches) else {
        return retry("staff-error-sign-in-mismatch", StatusCode::UNAUTHORIZED);
    };

    // A success clears the account's failures and gives the address its
    // attempt back, so a team behind one address can all sign in.
    state
        .db
        .write(move |conn| {
            db::rate_limits::clear(conn, &account_key)?;
            ip_hit.release(conn)
        })
        .await
        .web_context("clearing failed sign-ins")?;
    signed_in(&state, user, safe_next(Some(&form.next))).await
}

/// Starts a session and sends the person on, with a fresh CSRF nonce.
async fn signed_in(state: &AppState, user: User, next: &str) -> Result<HttpResponse, WebError> {
    let cookie = session::start(state, user.id.clone()).await?;
    let mut res = see_other(next);
    res.add_cookie(&cookie)
        .map_err(|e| WebError::Internal(format!("setting the session cookie: {e}")))?;
    res.add_cookie(&csrf::rotated_cookie(state.settings.secure_cookies()))
        .map_err(|e| WebError::Internal(format!("setting the CSRF cookie: {e}")))?;
    Ok(res)
}

#[derive(Deserialize)]
struct Empty {}

async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let gone = session::end(&req, &state).await?;
    let mut res = see_other("/login?signed_out=1");
    res.add_cookie(&gone)
        .map_err(|e| WebError::Internal(format!("clearing the session cookie: {e}")))?;
    Ok(res)
}

// ---- Setup: the first owner account --------------------------------------

#[derive(Deserialize, Default, serde::Serialize)]
struct SetupForm {
    #[serde(default)]
    company_name: String,
    #[serde(default)]
    company_url: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default, skip_serializing)]
    password: String,
}

/// The page for a used or expired link: `link` names the kind of link and
/// `hint` says how to get a new one (both message keys).
fn link_gone(
    req: &HttpRequest,
    state: &AppState,
    link: &'static str,
    hint: &'static str,
) -> Result<HttpResponse, WebError> {
    let (what, hint) = (
        admin::words(&Message::new(link)),
        admin::words(&Message::new(hint)),
    );
    Page::new(
        "pages/auth/link_gone",
        &admin::title("staff-title-link-gone"),
    )
    .status(StatusCode::NOT_FOUND)
    .render(req, state, json!({ "what": what, "hint": hint }))
}

const SETUP_LINK: &str = "staff-auth-link-setup";
const SETUP_HINT: &str = "staff-auth-link-setup-hint";

async fn setup_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let hash = token::hash_token(&path.into_inner());
    let valid = state
        .db
        .read(move |conn| {
            Ok(db::users::count(conn)? == 0 && db::setup_tokens::is_valid(conn, &hash, db::now())?)
        })
        .await
        .web_context("checking a setup link")?;
    if !valid {
        return link_gone(&req, &state, SETUP_LINK, SETUP_HINT);
    }
    Page::new("pages/auth/setup", &admin::title("staff-title-setup")).render(
        &req,
        &state,
        json!({ "form": SetupForm::default() }),
    )
}

async fn setup(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> Result<HttpResponse, WebError> {
    let mut errors = Vec::new();
    let company = form.company_name.trim().to_string();
    if company.is_empty() || company.chars().count() > 120 {
        errors.push(FieldError::localized(
            "company_name",
            "staff-error-company-name",
        ));
    }
    let company_url = form.company_url.trim().to_string();
    if !company_url.is_empty()
        && url::Url::parse(&company_url)
            .map(|u| !matches!(u.scheme(), "http" | "https"))
            .unwrap_or(true)
    {
        errors.push(FieldError::localized(
            "company_url",
            "staff-error-company-url",
        ));
    }
    let name = PersonName::parse(&form.name)
        .map_err(|m| errors.push(FieldError::of("name", m)))
        .ok();
    let email = EmailAddress::parse(&form.email)
        .map_err(|m| errors.push(FieldError::of("email", m)))
        .ok();
    let pw = NewPassword::parse(&form.password)
        .map_err(|m| errors.push(FieldError::of("password", m)))
        .ok();
    let (Some(name), Some(email), Some(pw), true) = (name, email, pw, errors.is_empty()) else {
        return Page::new("pages/auth/setup", &admin::title("staff-title-setup"))
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .render(
                &req,
                &state,
                json!({ "form": form, "errors": errors_json(&errors) }),
            );
    };

    let hash = password::hash(pw.expose()).map_err(|e| WebError::Internal(e.to_string()))?;
    let token_hash = token::hash_token(&path.into_inner());
    let created = state
        .db
        .write(move |conn| {
            let now = db::now();
            if db::users::count(conn)? != 0 || !db::setup_tokens::consume(conn, &token_hash, now)? {
                return Ok(None);
            }
            let user = db::users::insert(conn, &email, &name, Role::Owner, &hash, now)?;
            db::settings::set(conn, db::settings::COMPANY_NAME, &company)?;
            db::settings::set(conn, db::settings::COMPANY_URL, &company_url)?;
            db::audit::record(
                conn,
                Some(&user.id),
                "account.setup",
                ("user", &user.id),
                "owner account created with the setup link",
                now,
            )?;
            Ok::<_, DbError>(Some(user))
        })
        .await
        .web_context("creating the owner account")?;
    match created {
        Some(user) => signed_in(&state, user, "/admin/jobs").await,
        None => link_gone(&req, &state, SETUP_LINK, SETUP_HINT),
    }
}

// ---- Invitations ----------------------------------------------------------

const INVITATION_LINK: &str = "staff-auth-link-invitation";
const INVITATION_HINT: &str = "staff-auth-link-invitation-hint";

#[derive(Deserialize, Default, serde::Serialize)]
struct AcceptForm {
    #[serde(default)]
    name: String,
    #[serde(default, skip_serializing)]
    password: String,
    #[serde(default, skip_serializing)]
    password_again: String,
}

async fn invitation_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let hash = token::hash_token(&path.into_inner());
    let invitation = state
        .db
        .read(move |conn| db::invitations::find_open_by_token(conn, &hash, db::now()))
        .await
        .web_context("reading an invitation")?;
    let Some(invitation) = invitation else {
        return link_gone(&req, &state, INVITATION_LINK, INVITATION_HINT);
    };
    Page::new(
        "pages/auth/invitation",
        &admin::title("staff-auth-invitation-title"),
    )
    .render(
        &req,
        &state,
        json!({ "invitation": invitation, "form": { "name": invitation.name } }),
    )
}

async fn accept_invitation(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<AcceptForm>,
) -> Result<HttpResponse, WebError> {
    let hash = token::hash_token(&path.into_inner());
    let lookup = hash.clone();
    let invitation = state
        .db
        .read(move |conn| db::invitations::find_open_by_token(conn, &lookup, db::now()))
        .await
        .web_context("reading an invitation")?;
    let Some(invitation) = invitation else {
        return link_gone(&req, &state, INVITATION_LINK, INVITATION_HINT);
    };
    let mut errors = Vec::new();
    let name = PersonName::parse(&form.name)
        .map_err(|m| errors.push(FieldError::of("name", m)))
        .ok();
    let pw = NewPassword::parse(&form.password)
        .map_err(|m| errors.push(FieldError::of("password", m)))
        .ok();
    if pw.is_some() && form.password != form.password_again {
        errors.push(FieldError::localized(
            "password_again",
            "staff-error-password-mismatch",
        ));
    }
    let (Some(name), Some(pw), true) = (name, pw, errors.is_empty()) else {
        return Page::new(
            "pages/auth/invitation",
            &admin::title("staff-auth-invitation-title"),
        )
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .render(
            &req,
            &state,
            json!({ "invitation": invitation, "form": form, "errors": errors_json(&errors) }),
        );
    };
    let password_hash =
        password::hash(pw.expose()).map_err(|e| WebError::Internal(e.to_string()))?;
    let email =
        EmailAddress::parse(&invitation.email).map_err(|m| WebError::Internal(m.english()))?;
    let role: Role = invitation
        .role
        .parse()
        .map_err(|m: crate::i18n::Message| WebError::Internal(m.english()))?;
    let created = state
        .db
        .write(move |conn| {
            let now = db::now();
            if !db::invitations::accept(conn, &invitation.id, now)? {
                return Ok(None);
            }
            if db::users::find_by_email(conn, email.as_str())?.is_some() {
                return Ok(None);
            }
            let user = db::users::insert(conn, &email, &name, role, &password_hash, now)?;
            db::audit::record(
                conn,
                Some(&user.id),
                "account.joined",
                ("user", &user.id),
                &format!("accepted invitation {}", invitation.id),
                now,
            )?;
            Ok::<_, DbError>(Some(user))
        })
        .await
        .web_context("accepting an invitation")?;
    match created {
        Some(user) => signed_in(&state, user, "/admin").await,
        None => link_gone(&req, &state, INVITATION_LINK, INVITATION_HINT),
    }
}

// ---- Password reset --------------------------------------------------------

const RESET_LINK: &str = "staff-auth-link-reset";
const RESET_HINT: &str = "staff-auth-link-reset-hint";

#[derive(Deserialize, Default, serde::Serialize)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn forgot_form(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    Page::new(
        "pages/auth/forgot",
        &admin::title("staff-auth-forgot-title"),
    )
    .render(&req, &state, json!({ "form": ForgotForm::default() }))
}

#[derive(serde::Serialize)]
struct ResetEmail {
    name: String,
    company: String,
    link: String,
    expires_at: String,
}

/// Sends a reset link when the account exists; the answer is the same
/// either way, and so is the limit (counted before the account is looked up).
async fn forgot(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<HttpResponse, WebError> {
    let email = match EmailAddress::parse(&form.email) {
        Ok(email) => email,
        Err(message) => {
            let errors = [FieldError::of("email", message)];
            return Page::new(
                "pages/auth/forgot",
                &admin::title("staff-auth-forgot-title"),
            )
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .render(
                &req,
                &state,
                json!({ "form": form, "errors": errors_json(&errors) }),
            );
        }
    };
    let client = super::limits::client_ip(&req, &state);
    let company = super::public::company_name(&state).await?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            if !super::limits::may_email(conn, "reset", email.as_str(), &client, now)? {
                return Ok(());
            }
            let Some(user) = db::users::find_by_email(conn, email.as_str())? else {
                return Ok(());
            };
            let raw = token::random_token();
            let expires_at = now + RESET_LINK_LIFETIME;
            db::password_resets::replace(
                conn,
                &token::hash_token(&raw),
                &user.id,
                now,
                expires_at,
            )?;
            mail::queue(
                conn,
                EmailKind::PasswordReset,
                &user.email,
                &ResetEmail {
                    name: user.name.clone(),
                    company,
                    link: format!("{base_url}/password/reset/{raw}"),
                    expires_at: admin::words(
                        &Message::new("staff-auth-reset-expires")
                            .arg("time", admin::STAFF.time(&expires_at.and_utc()))
                            .arg("date", admin::STAFF.date(expires_at.date())),
                    ),
                },
                &mail_domain,
            )?;
            db::audit::record(
                conn,
                Some(&user.id),
                "account.reset_requested",
                ("user", &user.id),
                "a link to choose a new password was emailed",
                now,
            )
        })
        .await
        .web_context("sending a password link")?;
    Page::new(
        "pages/auth/forgot",
        &admin::title("staff-auth-forgot-title"),
    )
    .render(&req, &state, json!({ "sent": true }))
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

async fn reset_account(state: &AppState, token_hash: String) -> Result<Option<User>, WebError> {
    state
        .db
        .read(
            move |conn| match db::password_resets::find_valid(conn, &token_hash, db::now())? {
                Some(user_id) => db::users::find(conn, &user_id),
                None => Ok(None),
            },
        )
        .await
        .web_context("checking a password link")
}

async fn reset_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let Some(user) = reset_account(&state, token::hash_token(&path.into_inner())).await? else {
        return link_gone(&req, &state, RESET_LINK, RESET_HINT);
    };
    Page::new("pages/auth/reset", &admin::title("staff-auth-reset-title")).render(
        &req,
        &state,
        json!({ "email": user.email }),
    )
}

/// Replaces the password, ends every session of the account, clears its
/// failed sign-ins and signs the person in.
async fn reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<HttpResponse, WebError> {
    let token_hash = token::hash_token(&path.into_inner());
    let Some(user) = reset_account(&state, token_hash.clone()).await? else {
        return link_gone(&req, &state, RESET_LINK, RESET_HINT);
    };
    let mut errors = Vec::new();
    let pw = NewPassword::parse(&form.password)
        .map_err(|m| errors.push(FieldError::of("password", m)))
        .ok();
    if pw.is_some() && form.password != form.password_again {
        errors.push(FieldError::localized(
            "password_again",
            "staff-error-password-mismatch",
        ));
    }
    let (Some(pw), true) = (pw, errors.is_empty()) else {
        return Page::new("pages/auth/reset", &admin::title("staff-auth-reset-title"))
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .render(
                &req,
                &state,
                json!({ "email": user.email, "errors": errors_json(&errors) }),
            );
    };
    let password_hash =
        password::hash(pw.expose()).map_err(|e| WebError::Internal(e.to_string()))?;
    let changed = state
        .db
        .write(move |conn| {
            let now = db::now();
            let Some(user_id) = db::password_resets::consume(conn, &token_hash, now)? else {
                return Ok(None);
            };
            let Some(user) = db::users::find(conn, &user_id)? else {
                return Ok(None);
            };
            db::users::set_password_hash(conn, &user.id, &password_hash)?;
            let ended = db::sessions::delete_for_user(conn, &user.id)?;
            db::password_resets::retire_for_user(conn, &user.id)?;
            db::rate_limits::clear(conn, &account_key(&user.email))?;
            db::audit::record(
                conn,
                Some(&user.id),
                "account.password_reset",
                ("user", &user.id),
                &format!("chose a new password with an emailed link; {ended} session(s) ended"),
                now,
            )?;
            Ok::<_, DbError>(Some(user))
        })
        .await
        .web_context("saving a new password")?;
    match changed {
        Some(user) => signed_in(&state, user, "/admin").await,
        None => link_gone(&req, &state, RESET_LINK, RESET_HINT),
    }
}
