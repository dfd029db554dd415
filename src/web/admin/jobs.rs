//! The owner's jobs: list, write, review, preview, publish, close, reopen.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db::{self, DbError};
use crate::domain::application::RetentionMonths;
use crate::domain::job::{
    parse_slug, slugify, Channel, DecisionRule, EmploymentType, Fluency, Job, JobInput, JobPosting,
    JobStatus, SalaryPeriod, TierMix, Workplace, LANGUAGES,
};
use crate::domain::job_review::{self, Advice};
use crate::domain::FieldError;
use crate::i18n::Message;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::public::view::{language_name, JobView};
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

/// Language rows shown in the editor (empty ones are ignored on save).
const LANGUAGE_ROWS: usize = 4;

pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
) -> Result<HttpResponse, WebError> {
    let jobs = state
        .db
        .read(db::jobs::list_all)
        .await
        .web_context("listing jobs")?;
    let base = state.base_url();
    let views: Vec<JobView> = jobs.iter().map(|j| JobView::new(j, &base)).collect();
    Page::new("pages/admin/jobs", &super::title("staff-jobs-title"))
        .staff(owner.user(), "jobs")
        .render(&req, &state, json!({ "jobs": views }))
}

fn options<T: Copy + PartialEq>(
    all: &[T],
    selected: &str,
    value: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> crate::i18n::Message,
) -> Vec<Value> {
    all.iter()
        .map(|&v| json!({ "value": value(v), "label": super::words(&label(v)), "selected": value(v) == selected }))
        .collect()
}

/// Everything the editor template needs to show `input`.
fn editor_context(
    input: &JobInput,
    job: Option<&Job>,
    errors: &[FieldError],
    base_url: &str,
) -> Value {
    let language_rows: Vec<Value> = (0..LANGUAGE_ROWS.max(input.languages.len()))
        .map(|i| {
            let code = input.languages.get(i).map(String::as_str).unwrap_or("");
            let fluency = input.fluencies.get(i).map(String::as_str).unwrap_or("");
            json!({
                "index": i,
                "label": super::words(&Message::new("staff-job-support-language").count("n", (i + 1) as i64)),
                "languages": LANGUAGES.iter().map(|(c, _)| json!({"value": c, "label": language_name(super::STAFF, c), "selected": *c == code})).collect::<Vec<_>>(),
                "fluencies": options(Fluency::ALL, fluency, Fluency::as_str, Fluency::label),
            })
        })
        .collect();
    let channels: Vec<Value> = Channel::ALL
        .iter()
        .map(|c| json!({ "value": c.as_str(), "label": super::words(&c.label()), "checked": input.channels.iter().any(|x| x == c.as_str()) }))
        .collect();

    // The review and the recommendation speak of what was last entered,
    // as far as it can be understood.
    let parsed = JobPosting::parse(input).ok();
    let advice: Vec<Advice> = parsed.as_ref().map(job_review::review).unwrap_or_default();
    let mix = parsed.as_ref().map(|p| p.tier_mix).or_else(|| {
        let p = |s: &str| s.trim().parse::<u8>().ok();
        TierMix::new(p(&input.tier1)?, p(&input.tier2)?, p(&input.tier3)?).ok()
    });
    let recommendation = mix.map(|m| {
        let profile = m.recommended_profile();
        json!({
            "profile": super::words(&profile.label()),
            "why": super::words(&profile.explanation()),
            "tiers": m.screened_tiers(),
            "tier1": m.tier1, "tier2": m.tier2, "tier3": m.tier3,
            // Offsets of the second and third bar segments, in percent.
            "x2": m.tier1, "x3": m.tier1 + m.tier2,
        })
    });
    let mut advice_by_field = serde_json::Map::new();
    for a in &advice {
        advice_by_field
            .entry(a.field.to_string())
            .or_insert_with(|| json!(a.title.text(super::STAFF)));
    }
    json!({
        "form": input,
        "job": job.map(|j| JobView::new(j, base_url)),
        "is_new": job.is_none(),
        "action": job.map(|j| format!("/admin/jobs/{}", j.id)).unwrap_or_else(|| "/admin/jobs".into()),
        "workplaces": options(Workplace::ALL, &input.workplace, Workplace::as_str, Workplace::label),
        "employment_types": options(EmploymentType::ALL, &input.employment_type, EmploymentType::as_str, EmploymentType::label),
        "salary_periods": options(SalaryPeriod::ALL, &input.salary_period, SalaryPeriod::as_str, SalaryPeriod::label),
        "decision_rules": options(DecisionRule::ALL, &input.decision_rule, DecisionRule::as_str, DecisionRule::label),
        "language_rows": language_rows,
        "channels": channels,
        "advice": advice_json(&advice),
        "advice_by_field": advice_by_field,
        "recommendation": recommendation,
        "errors": if errors.is_empty() { Value::Null } else { errors_json(errors) },
    })
}

fn new_job_defaults() -> JobInput {
    let mix = TierMix::default();
    JobInput {
        workplace: Workplace::Remote.as_str().into(),
        employment_type: EmploymentType::FullTime.as_str().into(),
        salary_period: SalaryPeriod::Year.as_str().into(),
        tier1: mix.tier1.to_string(),
        tier2: mix.tier2.to_string(),
        tier3: mix.tier3.to_string(),
        pass_mark: "50".into(),
        decision_rule: DecisionRule::Unanimous.as_str().into(),
        languages: vec!["en".into()],
        fluencies: vec![Fluency::Fluent.as_str().into()],
        ..Default::default()
    }
}

pub async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
) -> Result<HttpResponse, WebError> {
    let ctx = editor_context(&new_job_defaults(), None, &[], &state.base_url());
    Page::new(
        "pages/admin/job_editor",
        &super::title("staff-job-editor-title-new"),
    )
    .staff(owner.user(), "jobs")
    .render(&req, &state, ctx)
}

fn editor_with_errors(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    input: &JobInput,
    job: Option<&Job>,
    errors: &[FieldError],
) -> Result<HttpResponse, WebError> {
    let title = super::title(if job.is_some() {
        "staff-title-job-edit"
    } else {
        "staff-job-editor-title-new"
    });
    Page::new("pages/admin/job_editor", &title)
        .staff(owner.user(), "jobs")
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .render(
            req,
            state,
            editor_context(input, job, errors, &state.base_url()),
        )
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    CsrfForm(input): CsrfForm<JobInput>,
) -> Result<HttpResponse, WebError> {
    let posting = match JobPosting::parse(&input) {
        Ok(p) => p,
        Err(errors) => return editor_with_errors(&req, &state, &owner, &input, None, &errors),
    };
    let actor = owner.user().id.clone();
    let job = state
        .db
        .write(move |conn| crate::flows::jobs::create_draft(conn, &posting, &actor, &posting.title))
        .await
        .web_context("creating a job")?;
    Ok(see_other(&format!("/admin/jobs/{}/edit?saved=1", job.id)))
}

pub(super) async fn load(state: &AppState, id: String) -> Result<Job, WebError> {
    state
        .db
        .read(move |conn| db::jobs::find(conn, &id))
        .await
        .web_context("finding a job")?
        .ok_or(WebError::NotFound)
}

#[derive(Deserialize)]
pub struct EditQuery {
    saved: Option<String>,
    screening: Option<String>,
    published: Option<String>,
    closed: Option<String>,
    reopened: Option<String>,
    address: Option<String>,
    retention: Option<String>,
}

pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    query: web::Query<EditQuery>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    let notice = if query.screening.is_some() {
        Some("staff-notice-job-screening-saved")
    } else if query.published.is_some() {
        Some("staff-notice-job-published")
    } else if query.closed.is_some() {
        Some("staff-notice-job-closed")
    } else if query.reopened.is_some() {
        Some("staff-notice-job-reopened")
    } else if query.address.is_some() {
        Some("staff-notice-job-address-changed")
    } else if query.retention.is_some() {
        Some("staff-notice-job-retention-saved")
    } else if query.saved.is_some() {
        Some("staff-notice-job-saved")
    } else {
        None
    };
    let notice = notice.map(|key| super::words(&Message::new(key)));
    edit_page(&req, &state, &owner, &job, notice.as_deref(), None).await
}

/// The editor of a stored job, with its settings beside it; `address`
/// carries what the owner typed as a new address and why it was refused.
async fn edit_page(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    job: &Job,
    notice: Option<&str>,
    address: Option<(&str, &str)>,
) -> Result<HttpResponse, WebError> {
    let mut ctx = editor_context(&job.posting.to_input(), Some(job), &[], &state.base_url());
    ctx["screening"] = screening_context(state, job).await?;
    ctx["pipeline"] = pipeline_context(state, job).await?;
    ctx["review"] = super::review::editor_context(state, job).await?;
    ctx["address"] = address_context(state, job, address).await?;
    ctx["retention"] = retention_context(state, job).await?;
    ctx["notice"] = json!(notice);
    Page::new(
        "pages/admin/job_editor",
        &super::title("staff-title-job-edit"),
    )
    .staff(owner.user(), "jobs")
    .status(if address.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    })
    .render(req, state, ctx)
}

/// The job's address: it follows the title until the job is first
/// published; then only the owner changes it, and old addresses redirect.
async fn address_context(
    state: &AppState,
    job: &Job,
    refused: Option<(&str, &str)>,
) -> Result<Value, WebError> {
    let job_id = job.id.clone();
    let former = state
        .db
        .read(move |conn| db::jobs::former_slugs(conn, &job_id))
        .await
        .web_context("reading a job's former addresses")?;
    let suggested = slugify(&job.posting.title);
    Ok(json!({
        "prefix": format!("{}/jobs/", state.base_url()),
        "slug": refused.map(|(typed, _)| typed).unwrap_or(&job.slug),
        "error": refused.map(|(_, why)| why),
        "follows_title": job.published_at.is_none(),
        "suggested": (!job.slug.starts_with(&suggested)).then_some(suggested),
        "former": former,
    }))
}

#[derive(Deserialize)]
pub struct AddressForm {
    #[serde(default)]
    slug: String,
}

/// Changes a job's address; the old one keeps answering with a permanent
/// redirect once the job has been public.
pub async fn change_address(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<AddressForm>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    if job.published_at.is_none() {
        let why = super::words(&Message::new("staff-error-job-address-follows-title"));
        return edit_page(&req, &state, &owner, &job, None, Some((&form.slug, &why))).await;
    }
    let Some(slug) = parse_slug(&form.slug) else {
        return edit_page(
            &req,
            &state,
            &owner,
            &job,
            None,
            Some((
                &form.slug,
                &super::words(&Message::new("staff-error-job-address-invalid")),
            )),
        )
        .await;
    };
    let (job_id, actor, new_slug) = (job.id.clone(), owner.user().id.clone(), slug.clone());
    let old_slug = job.slug.clone();
    let change = state
        .db
        .write(move |conn| {
            let now = db::now();
            let change = db::jobs::change_slug(conn, &job_id, &new_slug, now)?;
            if change == db::jobs::SlugChange::Changed {
                db::audit::record(
                    conn,
                    Some(&actor),
                    "job.address_changed",
                    ("job", &job_id),
                    &format!("from /jobs/{old_slug} to /jobs/{new_slug}"),
                    now,
                )?;
            }
            Ok::<_, DbError>(change)
        })
        .await
        .web_context("changing a job's address")?;
    match change {
        db::jobs::SlugChange::NotFound => Err(WebError::NotFound),
        db::jobs::SlugChange::Taken => {
            let why = super::words(&Message::new("staff-error-job-slug-taken").arg("slug", &slug));
            edit_page(&req, &state, &owner, &job, None, Some((&slug, &why))).await
        }
        db::jobs::SlugChange::Unchanged => Ok(see_other(&format!("/admin/jobs/{}/edit", job.id))),
        db::jobs::SlugChange::Changed => {
            Ok(see_other(&format!("/admin/jobs/{}/edit?address=1", job.id)))
        }
    }
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(input): CsrfForm<JobInput>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    let posting = match JobPosting::parse(&input) {
        Ok(p) => p,
        Err(errors) => {
            return editor_with_errors(&req, &state, &owner, &input, Some(&job), &errors)
        }
    };
    let actor = owner.user().id.clone();
    let job_id = job.id.clone();
    state
        .db
        .write(move |conn| crate::flows::jobs::update(conn, &job_id, &posting, &actor))
        .await
        .web_context("saving a job")?;
    Ok(see_other(&format!("/admin/jobs/{}/edit?saved=1", job.id)))
}

pub async fn preview(
    req: HttpRequest,
    state: web::Data<AppState>,
    _owner: Owner,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    crate::web::public::jobs_page(&req, &state, &job, true, "").await
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    confirm: String,
}

/// The advice as staff templates show it.
fn advice_json(advice: &[Advice]) -> Vec<Value> {
    advice
        .iter()
        .map(|a| {
            json!({
                "code": a.code,
                "field": a.field,
                "title": a.title.text(super::STAFF),
                "why": a.why.text(super::STAFF),
            })
        })
        .collect()
}

pub async fn publish(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<PublishForm>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    if job.status == JobStatus::Open {
        return Ok(see_other(&format!(
            "/admin/jobs/{}/edit?published=1",
            job.id
        )));
    }
    let advice = job_review::review(&job.posting);
    if !advice.is_empty() && form.confirm != "yes" {
        // Advice never blocks publishing, but publishing past it is a choice.
        return Page::new(
            "pages/admin/job_publish_confirm",
            &super::title("staff-title-job-publish-confirm"),
        )
        .staff(owner.user(), "jobs")
        .render(
            &req,
            &state,
            json!({ "job": JobView::new(&job, &state.base_url()), "advice": advice_json(&advice) }),
        );
    }
    change_status(&state, &owner, &job, "published").await
}

async fn change_status(
    state: &AppState,
    owner: &Owner,
    job: &Job,
    done: &str,
) -> Result<HttpResponse, WebError> {
    let actor = owner.user().id.clone();
    let was = job.status;
    let for_flow = job.clone();
    let changed = state
        .db
        .write(move |conn| crate::flows::jobs::open(conn, &for_flow, &actor))
        .await
        .web_context("changing a job's status")?;
    if !changed {
        let key = if done == "published" {
            "staff-error-job-cannot-publish"
        } else {
            "staff-error-job-cannot-reopen"
        };
        return Err(WebError::BadRequest(
            Message::new(key).arg("status", was.as_str()),
        ));
    }
    Ok(see_other(&format!("/admin/jobs/{}/edit?{done}=1", job.id)))
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn reopen(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    if job.status != JobStatus::Closed {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-job-reopen-not-closed",
        )));
    }
    change_status(&state, &owner, &job, "reopened").await
}

/// The screening section of the editor: the questionnaires to choose from
/// and this job's settings.
async fn screening_context(state: &AppState, job: &Job) -> Result<Value, WebError> {
    let job_id = job.id.clone();
    let files = state.questionnaires.clone();
    let (settings, library) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::job_screening::get(conn, &job_id)?,
                crate::flows::questionnaires::library(conn, &files)?,
            ))
        })
        .await
        .web_context("reading screening settings")?;
    let screened = job.posting.tier_mix.screened_tiers();
    let questionnaires: Vec<Value> = library
        .all()
        .iter()
        .map(|l| {
            let q = &l.questionnaire;
            let tiers: Vec<String> = screened
                .iter()
                .filter(|t| q.questions.iter().any(|x| x.tier == **t))
                .map(|t| {
                    let count = q.questions.iter().filter(|x| x.tier == *t).count();
                    super::words(
                        &Message::new("staff-job-screening-tier-count")
                            .count("tier", *t)
                            .count("count", count as i64),
                    )
                })
                .collect();
            json!({
                "id": q.id,
                "title": q.title,
                "language": crate::domain::job::language_name(&q.language)
                    .map(|_| language_name(super::STAFF, &q.language))
                    .unwrap_or_default(),
                "version": q.version,
                "checked": settings.questionnaire_ids.contains(&q.id),
                "tiers": tiers.join(", "),
            })
        })
        .collect();
    Ok(json!({
        "questionnaires": questionnaires,
        "all_tiers_at_once": settings.all_tiers_at_once,
        "auto_decide": settings.auto_decide,
        "answer_days": settings.answer_days,
        "writing_weight": settings.writing_weight,
        "tiers": screened.iter().map(u8::to_string).collect::<Vec<_>>().join(", "),
    }))
}

#[derive(Deserialize)]
pub struct ScreeningForm {
    #[serde(default)]
    questionnaires: Vec<String>,
    #[serde(default)]
    all_tiers_at_once: String,
    #[serde(default)]
    auto_decide: String,
    #[serde(default)]
    answer_days: String,
    /// Percent of the screen score given to spelling; blank means 0.
    #[serde(default)]
    writing_weight: String,
}

pub async fn screening(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<ScreeningForm>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    let files = state.questionnaires.clone();
    let library = state
        .db
        .read(move |conn| crate::flows::questionnaires::library(conn, &files))
        .await
        .web_context("reading the questionnaires")?;
    let unknown: Vec<&String> = form
        .questionnaires
        .iter()
        .filter(|q| library.get(q).is_none())
        .collect();
    if !unknown.is_empty() {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-screening-unknown-questionnaire",
        )));
    }
    let days = form
        .answer_days
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| (1..=90).contains(d));
    let Some(answer_days) = days else {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-screening-answer-days",
        )));
    };
    let weight = form.writing_weight.trim();
    let writing_weight = if weight.is_empty() {
        Some(0)
    } else {
        weight
            .trim_end_matches('%')
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|w| (0..=30).contains(w))
    };
    let Some(writing_weight) = writing_weight else {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-screening-writing-weight",
        )));
    };
    let settings = db::job_screening::ScreeningSettings {
        questionnaire_ids: form.questionnaires,
        all_tiers_at_once: form.all_tiers_at_once == "yes",
        auto_decide: form.auto_decide == "yes",
        answer_days,
        writing_weight,
    };
    let actor = owner.user().id.clone();
    let job_id = job.id.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            db::job_screening::set(conn, &job_id, &settings, now)?;
            db::audit::record(
                conn,
                Some(&actor),
                "job.screening",
                ("job", &job_id),
                &format!("{:?}", settings.questionnaire_ids),
                now,
            )
        })
        .await
        .web_context("saving screening settings")?;
    Ok(see_other(&format!(
        "/admin/jobs/{}/edit?screening=1",
        job.id
    )))
}

#[derive(Deserialize)]
pub struct RetentionForm {
    #[serde(default)]
    months: String,
}

/// How long the job's candidates' data is kept after it closes.
pub async fn retention(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<RetentionForm>,
) -> Result<HttpResponse, WebError> {
    let job = load(&state, id.into_inner()).await?;
    let months = RetentionMonths::parse(&form.months).map_err(WebError::BadRequest)?;
    let actor = owner.user().id.clone();
    let job_id = job.id.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            db::jobs::set_retention(conn, &job_id, months, now)?;
            db::audit::record(
                conn,
                Some(&actor),
                "job.retention",
                ("job", &job_id),
                &format!("{} months", months.get()),
                now,
            )
        })
        .await
        .web_context("saving a retention period")?;
    Ok(see_other(&format!(
        "/admin/jobs/{}/edit?retention=1",
        job.id
    )))
}

/// The retention card: the period, and once the job is closed, the day.
async fn retention_context(state: &AppState, job: &Job) -> Result<Value, WebError> {
    let job_id = job.id.clone();
    let months = state
        .db
        .read(move |conn| db::jobs::retention(conn, &job_id))
        .await
        .web_context("reading a job's retention period")?;
    Ok(json!({
        "months": months.get(),
        "max": RetentionMonths::MAX,
        "erased_on": job.closed_at.map(|c| super::STAFF.date(months.erase_after(c).date())),
    }))
}

/// The job's hiring panel and the stages it may skip, for the editor.
async fn pipeline_context(state: &AppState, job: &Job) -> Result<Value, WebError> {
    let job_id = job.id.clone();
    let (users, panel, settings) = state
        .db
        .read(move |conn| {
            Ok::<_, crate::db::DbError>((
                db::users::list(conn)?,
                db::panels::members(conn, &job_id)?,
                crate::flows::pipeline::stage_settings(conn, &job_id)?,
            ))
        })
        .await
        .web_context("reading the hiring panel")?;
    Ok(json!({
        "team": users.iter().map(|u| json!({ "id": u.id, "name": u.name, "role": u.role.as_str(), "checked": panel.contains(&u.id) })).collect::<Vec<_>>(),
        "skippable": crate::domain::pipeline::StageSettings::SKIPPABLE.iter().map(|s| json!({ "value": s.as_str(), "label": super::words(&s.label()), "checked": settings.is_skipped(*s) })).collect::<Vec<_>>(),
    }))
}
