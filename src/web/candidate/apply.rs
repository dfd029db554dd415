//! The application form on a job's page.

use std::sync::Arc;

use actix_multipart::form::{tempfile::TempFile, text::Text, MultipartForm};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::flow::{self, Applied, Ctx};
use crate::db::{self, applications::StoredCv};
use crate::domain::application::{
    looks_like_pdf, timezone_choices, ApplicationInput, NewApplication, MAX_CV_BYTES,
};
use crate::domain::job::{Fluency, Job, JobStatus, LANGUAGES};
use crate::domain::FieldError;
use crate::i18n::{Locale, Message};
use crate::web::error::{WebContext, WebError};
use crate::web::forms::{clean_text, CsrfForm, MultipartBody};
use crate::web::locale;
use crate::web::public::load_company;
use crate::web::public::view::{language_name, JobLanguages};
use crate::web::render::{errors_json, see_other, Page};
use crate::web::{csrf, AppState};

const LANGUAGE_ROWS: usize = 3;

async fn open_job(state: &AppState, slug: String) -> Result<Job, WebError> {
    state
        .db
        .read(move |conn| db::jobs::find_by_slug(conn, &slug))
        .await
        .web_context("finding a job")?
        .filter(|j| j.status != JobStatus::Draft)
        .ok_or(WebError::NotFound)
}

async fn languages_of(state: &AppState, job: &Job) -> Result<JobLanguages, WebError> {
    let files = state.questionnaires.clone();
    let id = job.id.clone();
    state
        .db
        .read(move |conn| JobLanguages::read(conn, &files, &id))
        .await
        .web_context("reading a job's languages")
}

/// The language of the job's form and the pages after it.
async fn job_locale(req: &HttpRequest, state: &AppState, job: &Job) -> Result<Locale, WebError> {
    Ok(languages_of(state, job).await?.page_locale(req))
}

fn apply_title(locale: Locale, job: &Job) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("job", job.posting.title.clone());
    locale.text_with("cand-apply-title", Some(&args))
}

/// What the form promises about this job: whether screening questions
/// follow, and how long the candidate's data is kept after the job closes.
#[derive(serde::Serialize)]
struct Follows {
    screens: bool,
    retention_months: u32,
}

async fn what_follows(state: &AppState, job: &Job) -> Result<Follows, WebError> {
    let id = job.id.clone();
    let (settings, retention) = state
        .db
        .read(move |conn| {
            Ok::<_, db::DbError>((
                db::job_screening::get(conn, &id)?,
                db::jobs::retention(conn, &id)?,
            ))
        })
        .await
        .web_context("reading the job's screening")?;
    Ok(Follows {
        screens: !settings.questionnaire_ids.is_empty(),
        retention_months: retention.get(),
    })
}

fn form_context(
    job: &Job,
    input: &ApplicationInput,
    errors: &[FieldError],
    locale: Locale,
) -> serde_json::Value {
    let rows: Vec<_> = (0..LANGUAGE_ROWS.max(input.languages.len()))
        .map(|i| {
            let code = input.languages.get(i).map(String::as_str).unwrap_or("");
            let fluency = input.fluencies.get(i).map(String::as_str).unwrap_or("");
            json!({
                "index": i,
                "languages": LANGUAGES.iter().map(|(c, _)| json!({"value": c, "label": language_name(locale, c), "selected": *c == code})).collect::<Vec<_>>(),
                "fluencies": Fluency::ALL.iter().map(|f| json!({"value": f.as_str(), "label": locale.text(&format!("cand-fluency-{}", f.as_str())), "selected": f.as_str() == fluency})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let errors_value = if errors.is_empty() {
        serde_json::Value::Null
    } else {
        errors_json(&super::errors_in(errors, locale))
    };
    json!({
        "job": { "title": job.posting.title, "slug": job.slug, "is_open": job.is_open() },
        "form": input,
        "consent_checked": matches!(input.consent.as_str(), "yes" | "on" | "true"),
        "language_rows": rows,
        "timezones": timezone_choices(),
        "max_cv_mb": MAX_CV_BYTES / (1024 * 1024),
        "errors": errors_value,
    })
}

/// Where a job link says its reader came from: `ref`, else `utm_source`.
#[derive(Deserialize, Default)]
pub struct SourceQuery {
    #[serde(rename = "ref")]
    reference: Option<String>,
    utm_source: Option<String>,
}

impl SourceQuery {
    /// The cleaned source ('' when the link carries none).
    pub fn source(&self) -> String {
        let raw = self
            .reference
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .or(self.utm_source.as_deref())
            .unwrap_or("");
        crate::domain::application::clean_source(raw)
    }
}

pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<SourceQuery>,
) -> Result<HttpResponse, WebError> {
    let job = open_job(&state, slug.into_inner()).await?;
    let company = load_company(&state)
        .await
        .web_context("reading the company")?;
    // The source goes into a hidden field of this (never cached) form, so it
    // survives the post even when the job page itself came from a cache.
    let input = ApplicationInput {
        source: query.source(),
        ..Default::default()
    };
    let locale = job_locale(&req, &state, &job).await?;
    let mut ctx = form_context(&job, &input, &[], locale);
    ctx["follows"] = json!(what_follows(&state, &job).await?);
    ctx["company"] = json!(company);
    Page::new("pages/candidate/apply", &apply_title(locale, &job))
        .locale(locale)
        .render(&req, &state, ctx)
}

#[derive(MultipartForm)]
pub struct ApplyForm {
    csrf_token: Option<Text<String>>,
    name: Option<Text<String>>,
    email: Option<Text<String>>,
    languages: Vec<Text<String>>,
    fluencies: Vec<Text<String>>,
    location: Option<Text<String>>,
    timezone: Option<Text<String>>,
    cover_letter: Option<Text<String>>,
    portfolio_url: Option<Text<String>>,
    consent: Option<Text<String>>,
    source: Option<Text<String>>,
    /// The language of the form the candidate filled in.
    locale: Option<Text<String>>,
    #[multipart(limit = "6MB")]
    cv: Option<TempFile>,
}

fn text(t: &Option<Text<String>>) -> String {
    t.as_ref().map(|t| clean_text(&t.0)).unwrap_or_default()
}

/// Reads the uploaded CV, if any: `Ok(None)` when none was chosen; the
/// message key of what is wrong with it otherwise.
fn read_cv(cv: &Option<TempFile>) -> Result<Option<(Vec<u8>, String)>, &'static str> {
    let Some(file) = cv else { return Ok(None) };
    if file.size == 0 && file.file_name.as_deref().unwrap_or("").is_empty() {
        return Ok(None);
    }
    if file.size > MAX_CV_BYTES {
        return Err("cand-error-cv-large");
    }
    let bytes = std::fs::read(file.file.path()).map_err(|_| "cand-error-cv-unreadable")?;
    if !looks_like_pdf(&bytes) {
        return Err("cand-error-cv-not-pdf");
    }
    let name: String = file
        .file_name
        .as_deref()
        .unwrap_or("cv.pdf")
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .take(120)
        .collect();
    Ok(Some((
        bytes,
        if name.is_empty() {
            "cv.pdf".into()
        } else {
            name
        },
    )))
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    MultipartBody(form): MultipartBody<ApplyForm>,
) -> Result<HttpResponse, WebError> {
    if !csrf::is_valid(&req, &state, &text(&form.csrf_token)) {
        return Err(WebError::Csrf);
    }
    let job = open_job(&state, slug.into_inner()).await?;
    // The language of the form they filled in.
    let locale = match form.locale.as_ref().and_then(|l| Locale::parse(&l.0)) {
        Some(l) => l,
        None => job_locale(&req, &state, &job).await?,
    };
    if !job.is_open() {
        return Err(WebError::BadRequest(
            Message::new("cand-apply-closed-error").in_locale(locale),
        ));
    }
    let input = ApplicationInput {
        name: text(&form.name),
        email: text(&form.email),
        languages: form.languages.iter().map(|t| clean_text(&t.0)).collect(),
        fluencies: form.fluencies.iter().map(|t| clean_text(&t.0)).collect(),
        location: text(&form.location),
        timezone: text(&form.timezone),
        cover_letter: text(&form.cover_letter),
        portfolio_url: text(&form.portfolio_url),
        consent: text(&form.consent),
        source: crate::domain::application::clean_source(&text(&form.source)),
    };
    let parsed = NewApplication::parse(&input);
    let cv = read_cv(&form.cv);
    let (new, cv) = match (parsed, cv) {
        (Ok(new), Ok(cv)) => (new, cv),
        (parsed, cv) => {
            let mut errors = parsed.err().unwrap_or_default();
            if let Err(cv_error) = cv {
                errors.push(FieldError::localized("cv", cv_error));
            }
            let mut ctx = form_context(&job, &input, &errors, locale);
            ctx["follows"] = json!(what_follows(&state, &job).await?);
            ctx["company"] = json!(load_company(&state)
                .await
                .web_context("reading the company")?);
            return Page::new(
                "pages/candidate/apply",
                &locale.text("cand-apply-problems-title"),
            )
            .locale(locale)
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .render(&req, &state, ctx);
        }
    };

    // Read before the CV is stored, so that failing here leaves no file.
    let company = load_company(&state)
        .await
        .web_context("reading the company")?;
    // The file is stored under a generated name first (a slow upload to
    // S3 must not hold the write transaction open); if the application is
    // not stored, or is a duplicate, it is removed again.
    let stored = match cv {
        Some((bytes, filename)) => {
            let file = crate::files::new_cv_key();
            state
                .files
                .put(&file, bytes)
                .await
                .map_err(|source| WebError::Files {
                    context: "storing a CV",
                    source,
                })?;
            Some(StoredCv { file, filename })
        }
        None => None,
    };
    let stored_key = stored.as_ref().map(|cv| cv.file.clone());
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    let shipped = state.questionnaires.clone();
    let job_for_tx = job.clone();
    // The questionnaires and the cover letter's spelling are worked out on
    // a read connection; the write only checks they still hold and stores.
    let new = Arc::new(new);
    let (plan_shipped, plan_job, plan_new) = (shipped.clone(), job.clone(), new.clone());
    let planned = state
        .db
        .read(move |conn| {
            flow::plan_apply(conn, &plan_shipped, &plan_job, &plan_new)
                .map(|plan| plan.in_language(locale))
        })
        .await;
    let outcome = match planned {
        Ok(plan) => {
            state
                .db
                .write(move |conn| {
                    let ctx = Ctx {
                        base_url: &base_url,
                        mail_domain: &mail_domain,
                        company: &company.name,
                    };
                    flow::apply_planned(
                        conn,
                        &ctx,
                        &job_for_tx,
                        &shipped,
                        plan,
                        &new,
                        stored,
                        db::now(),
                    )
                })
                .await
        }
        Err(e) => Err(e),
    };
    let (outcome, has_questions) = match outcome {
        Ok(o) => o,
        Err(e) => {
            discard_cv(&state, stored_key.as_deref()).await;
            return Err(WebError::Database {
                context: "storing an application",
                source: e,
            });
        }
    };
    if let Applied::Duplicate(_) = outcome {
        discard_cv(&state, stored_key.as_deref()).await;
    }
    // The same answer whether or not this address had applied: the
    // existing applicant was emailed their own link instead. Post/Redirect/Get,
    // so reloading the thank-you page posts nothing again.
    let thanks = format!("/jobs/{}/applied", job.slug);
    let note = ThanksNote {
        name: input.name.trim().chars().take(100).collect(),
        has_questions,
        locale: Some(applied_locale(&outcome, locale).code().to_string()),
    };
    let cookie = Cookie::build(THANKS_COOKIE, note.encode())
        .path(thanks.clone())
        .http_only(true)
        .secure(state.settings.secure_cookies())
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::hours(1))
        .finish();
    let mut res = see_other(&thanks);
    res.add_cookie(&cookie)
        .map_err(|e| WebError::Internal(format!("setting the thank-you cookie: {e}")))?;
    Ok(res)
}

/// Removes a CV stored for an application that was not kept. A failure
/// leaves an orphan file, not a wrong answer: it is logged, not shown, and
/// the retention task's sweep of orphaned files deletes it later.
async fn discard_cv(state: &AppState, key: Option<&str>) {
    if let Some(key) = key {
        if let Err(e) = state.files.delete(key).await {
            tracing::warn!(error = %e, "could not remove the CV of an application not kept");
        }
    }
}

/// What the thank-you page says to the person who just applied, carried
/// across the redirect in a short-lived cookie of its own (their first
/// name is not put in the address, where logs and history would keep it).
const THANKS_COOKIE: &str = "rapport_applied";

#[derive(serde::Serialize, Deserialize)]
struct ThanksNote {
    name: String,
    has_questions: bool,
    /// The application's language, which the thank-you page speaks.
    #[serde(default)]
    locale: Option<String>,
}

/// The language the thank-you page speaks: the new application's (the
/// same as its confirmation email), else the form's: a repeated
/// application must not reveal the earlier one's language.
fn applied_locale(outcome: &Applied, form: Locale) -> Locale {
    match outcome {
        Applied::New(app) => app.locale(),
        Applied::Duplicate(_) => form,
    }
}

impl ThanksNote {
    fn encode(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        url::form_urlencoded::byte_serialize(json.as_bytes()).collect()
    }

    fn decode(raw: &str) -> Option<Self> {
        let json: String = url::form_urlencoded::parse(format!("v={raw}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())?;
        serde_json::from_str(&json).ok()
    }
}

/// The thank-you page after applying: the same for a first and a repeated
/// application, and safe to reload.
pub async fn thanks(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let job = open_job(&state, slug.into_inner()).await?;
    let note = req
        .cookie(THANKS_COOKIE)
        .and_then(|c| ThanksNote::decode(c.value()));
    let (name, has_questions, own) = match note {
        Some(n) => (
            n.name,
            n.has_questions,
            n.locale.as_deref().and_then(Locale::parse),
        ),
        None => (
            String::new(),
            what_follows(&state, &job).await?.screens,
            None,
        ),
    };
    let company = load_company(&state)
        .await
        .web_context("reading the company")?;
    let languages = languages_of(&state, &job).await?;
    let locale = locale::choose(&req, own, &languages.offered, languages.own);
    Page::new(
        "pages/candidate/applied",
        &locale.text("cand-applied-title"),
    )
    .locale(locale)
    .render(
        &req,
        &state,
        json!({
            "name": name,
            "company": company,
            "job": { "title": job.posting.title, "slug": job.slug },
            "has_questions": has_questions,
        }),
    )
}

#[derive(Deserialize)]
pub struct ResendForm {
    #[serde(default)]
    email: String,
}

/// Sends a new personal link to whoever applied with this email. The
/// answer is the same whether or not they did, so nobody can learn who applied.
pub async fn resend_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    CsrfForm(form): CsrfForm<ResendForm>,
) -> Result<HttpResponse, WebError> {
    let job = open_job(&state, slug.into_inner()).await?;
    let email = form.email.trim().to_lowercase();
    let company = load_company(&state)
        .await
        .web_context("reading the company")?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    let job_for_tx = job.clone();
    let client = crate::web::limits::client_ip(&req, &state);
    state
        .db
        .write(move |conn| {
            if !crate::web::limits::may_email(conn, "link", &email, &client, db::now())? {
                return Ok(());
            }
            let Some(app) = db::applications::find_by_job_email(conn, &job_for_tx.id, &email)?
            else {
                return Ok(());
            };
            if app.erased_at.is_some() || !app.stage().is_active() {
                return Ok(());
            }
            let settings = db::job_screening::get(conn, &job_for_tx.id)?;
            let ctx = Ctx {
                base_url: &base_url,
                mail_domain: &mail_domain,
                company: &company.name,
            };
            flow::resend_link(conn, &ctx, &job_for_tx, &settings, &app, db::now())
        })
        .await
        .web_context("sending a new link")?;
    let locale = locale::choose(&req, None, &locale::all(), Locale::ENGLISH);
    Page::new(
        "pages/candidate/link_sent",
        &locale.text("cand-inbox-heading"),
    )
    .locale(locale)
    .render(
        &req,
        &state,
        json!({ "job": { "title": job.posting.title, "slug": job.slug } }),
    )
}
