//! The candidate's own page: where they stand, the questions of the open
//! round (saved as they type, submitted once), withdraw and erase.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use super::flow::{self, Ctx, Submitted};
use super::Candidate;
use crate::db::{self, DbError};
use crate::domain::application::{parse_timezone, Stage};
use crate::domain::interview::InterviewKind;
use crate::domain::job::Job;
use crate::flows::erasure::{self, Why};
use crate::i18n::{Locale, Message};
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::public::{load_company, remember_company, CompanyRead};
use crate::web::render::{see_other, Page};
use crate::web::AppState;

/// The longest answer kept, in characters: a thorough support reply is a
/// few thousand; this leaves room without inviting abuse.
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// What a conversation is, as the candidate reads it.
pub(super) fn interview_kind(locale: Locale, kind: InterviewKind) -> String {
    locale.text(&format!(
        "cand-interview-{}",
        kind.as_str().replace('_', "-")
    ))
}

/// A day as the candidate reads it: in their language and time zone.
fn candidate_day(locale: Locale, t: chrono::NaiveDateTime, timezone: &str) -> String {
    let utc = t.and_utc();
    match parse_timezone(timezone) {
        Some(tz) => locale.date(utc.with_timezone(&tz).date_naive()),
        None => locale.date(utc.date_naive()),
    }
}

#[derive(serde::Deserialize)]
pub struct PageQuery {
    notice: Option<String>,
}

async fn job_of(state: &AppState, job_id: String) -> Result<Job, WebError> {
    state
        .db
        .read(move |conn| db::jobs::find(conn, &job_id))
        .await
        .web_context("finding the job")?
        .ok_or(WebError::NotFound)
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    candidate: Candidate,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    let app = candidate.application;
    let locale = super::personal_locale(&req, &state, &app).await?;
    let job = job_of(&state, app.job_id.clone()).await?;
    let app_id = app.id.clone();
    let job_id = job.id.clone();
    let ((round, loaded, answers), interviews, retention) = state
        .db
        .read(move |conn| {
            let interviews = db::interviews::for_application(conn, &app_id)?;
            let retention = db::jobs::retention(conn, &job_id)?;
            let Some(round) = flow::current_round(conn, &app_id)? else {
                return Ok(((None, None, vec![]), interviews, retention));
            };
            let loaded = db::questionnaire_versions::load(conn, &round.questionnaire_version_id)?;
            let answers = db::screenings::answers(conn, &round.id)?;
            Ok::<_, DbError>(((Some(round), Some(loaded), answers), interviews, retention))
        })
        .await
        .web_context("reading the questions")?;
    let now = db::now();
    // Booked conversations still to come, in the candidate's own zone.
    let upcoming: Vec<_> = interviews
        .iter()
        .filter(|i| i.status == db::interviews::SCHEDULED && i.starts_at > now)
        .filter_map(|i| {
            let organiser_tz = i.timezone.parse::<chrono_tz::Tz>().ok()?;
            let at = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(
                i.starts_at,
                chrono::Utc,
            );
            let tz = parse_timezone(&app.timezone).unwrap_or(organiser_tz);
            let kind = InterviewKind::parse(&i.kind).unwrap_or(InterviewKind::Culture);
            Some(json!({
                "kind": interview_kind(locale, kind),
                "when": locale.when_in(at, tz),
                "utc": at.to_rfc3339(),
                "minutes": i.duration_minutes,
                "location": i.location,
                "location_is_link": url::Url::parse(i.location.trim())
                    .is_ok_and(|u| matches!(u.scheme(), "http" | "https")),
            }))
        })
        .collect();
    let stage = app.stage();
    let screened = round.is_some();
    let steps: Vec<_> = match stage.candidate_step() {
        Some(current) => Stage::CANDIDATE_STEPS
            .iter()
            .enumerate()
            .filter(|(_, (_, screening))| screened || !screening)
            .map(|(i, (key, _))| {
                json!({ "label": locale.text(key), "done": i < current, "current": i == current })
            })
            .collect(),
        None => vec![],
    };
    let open_round = round
        .as_ref()
        .filter(|r| r.is_open() && stage == Stage::Screening);
    let questions = match (open_round, &loaded) {
        (Some(round), Some(loaded)) => {
            let tiers = round.tiers();
            loaded
                .questionnaire
                .questions_of_tiers(&tiers)
                .enumerate()
                .map(|(i, q)| {
                    let body = answers
                        .iter()
                        .find(|a| a.question_id == q.id)
                        .map(|a| a.body.clone())
                        .unwrap_or_default();
                    json!({
                        "number": i + 1,
                        "id": q.id,
                        "tier": q.tier,
                        "prompt": q.prompt,
                        "links": q.links,
                        "minutes": q.suggested_minutes,
                        "body": body,
                    })
                })
                .collect::<Vec<_>>()
        }
        _ => vec![],
    };
    let minutes: u32 = match (open_round, &loaded) {
        (Some(round), Some(loaded)) => loaded
            .questionnaire
            .questions_of_tiers(&round.tiers())
            .filter_map(|q| q.suggested_minutes)
            .sum(),
        _ => 0,
    };
    let company = load_company(&state)
        .await
        .web_context("reading the company")?;
    let notice = match query.notice.as_deref() {
        Some("saved") => Some("cand-notice-saved"),
        Some("submitted") => Some("cand-notice-submitted"),
        Some("next") => Some("cand-notice-next"),
        Some("already") => Some("cand-notice-already"),
        Some("withdrawn") => Some("cand-notice-withdrawn"),
        _ => None,
    }
    .map(|key| locale.text(key));
    Page::new("pages/candidate/home", &job.posting.title)
        .locale(locale)
        .render(
        &req,
        &state,
        json!({
            "company": company,
            "name": app.name,
            "job": { "title": job.posting.title, "slug": job.slug },
            "stage_words": locale.text(&format!("cand-stage-{}", stage.as_str().replace('_', "-"))),
            "steps": steps,
            "interviews": upcoming,
            "active": stage.is_active(),
            "questionnaire": loaded.as_ref().filter(|_| open_round.is_some()).map(|l| json!({
                "title": l.questionnaire.title,
                // The questions are in the questionnaire's language, which
                // may not be the page's.
                "lang": l.questionnaire.language,
                // Written in Markdown (paragraphs, the product facts as a list).
                "description_html": crate::web::markdown::to_safe_html_literal(&l.questionnaire.description),
                "links": l.questionnaire.links,
            })),
            "round_id": open_round.map(|r| r.id.clone()),
            "questions": questions,
            "minutes": minutes,
            "max_answer_chars": MAX_ANSWER_CHARS,
            "retention_months": retention.get(),
            "has_cv": app.cv_file.is_some(),
            // Once the job is closed, the day the data goes.
            "erased_on": job.closed_at.map(|closed| candidate_day(locale, retention.erase_after(closed), &app.timezone)),
            "notice": notice,
        }),
    )
}

/// The answers in a posted questionnaire form: `answer-<question id>` fields.
fn answers_from(
    form: &std::collections::HashMap<String, String>,
    locale: Locale,
) -> Result<Vec<(String, String)>, WebError> {
    let mut out = Vec::new();
    for (k, v) in form {
        if let Some(q) = k.strip_prefix("answer-") {
            if v.chars().count() > MAX_ANSWER_CHARS {
                return Err(WebError::BadRequest(
                    Message::new("cand-error-answer-long")
                        .count("max", MAX_ANSWER_CHARS as i64)
                        .in_locale(locale),
                ));
            }
            out.push((q.to_string(), v.replace("\r\n", "\n")));
        }
    }
    Ok(out)
}

fn round_id(form: &std::collections::HashMap<String, String>) -> String {
    form.get("round").cloned().unwrap_or_default()
}

/// Saves drafts (the "Save" button, and autosave from the page's script).
pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    candidate: Candidate,
    CsrfForm(form): CsrfForm<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let locale = super::personal_locale(&req, &state, &candidate.application).await?;
    let answers = answers_from(&form, locale)?;
    let round = round_id(&form);
    let app_id = candidate.application.id.clone();
    let saved = state
        .db
        .write(move |conn| {
            // Only the candidate's own open round: another round id is refused.
            let Some(r) =
                db::screenings::find(conn, &round)?.filter(|r| r.application_id == app_id)
            else {
                return Ok(None);
            };
            let now = db::now();
            let mut all = true;
            for (q, body) in &answers {
                all &= db::screenings::save_draft(conn, &r.id, q, body, now)?;
            }
            Ok::<_, DbError>(Some(all))
        })
        .await
        .web_context("saving answers")?;
    let autosave = req.headers().contains_key("x-autosave");
    match (saved, autosave) {
        (None, _) => Err(WebError::NotFound),
        (Some(true), true) => Ok(HttpResponse::Ok().json(json!({ "saved": true }))),
        (Some(false), true) => {
            Ok(HttpResponse::Conflict()
                .json(json!({ "saved": false, "reason": "already submitted" })))
        }
        (Some(true), false) => Ok(see_other("/candidate?notice=saved")),
        (Some(false), false) => Ok(see_other("/candidate?notice=already")),
    }
}

/// Submits the open round once: a double click, a retry or a second tab
/// finds it submitted and changes nothing.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    candidate: Candidate,
    CsrfForm(form): CsrfForm<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let app = candidate.application;
    let locale = super::personal_locale(&req, &state, &app).await?;
    let answers = answers_from(&form, locale)?;
    let round = round_id(&form);
    if !confirmed(form.get("confirm").map(String::as_str)) {
        let job = job_of(&state, app.job_id.clone()).await?;
        return confirm_submit(&req, &state, &app, &job, round, answers).await;
    }
    // One read gathers what the write needs and scores the answers with
    // the version the round was sent with (each trip to a database thread
    // costs two thread switches); the write stores them only if the round
    // is still open.
    let plan_app = app.clone();
    let reads = state.db.candidate_reads();
    let read = state
        .db
        .read(move |conn| {
            let version = reads.version(conn)?;
            let Some(job) = reads.job(conn, version, &plan_app.job_id)? else {
                return Ok(SubmitRead::NotFound);
            };
            let Some(r) =
                db::screenings::find(conn, &round)?.filter(|r| r.application_id == plan_app.id)
            else {
                return Ok(SubmitRead::NotFound);
            };
            // A round once submitted stays so: nothing to score again.
            if !r.is_open() {
                return Ok(SubmitRead::AlreadySubmitted);
            }
            let company = reads.company(conn, version)?;
            let settings = reads.screening(conn, version, &job.id)?;
            let plan = flow::plan_submit(conn, &job, &plan_app, r, &answers)?;
            Ok(SubmitRead::Planned(Box::new(Planned {
                job,
                company,
                settings,
                plan,
            })))
        })
        .await
        .web_context("scoring answers")?;
    let Planned {
        job,
        company,
        settings,
        plan,
    } = match read {
        SubmitRead::NotFound => return Err(WebError::NotFound),
        SubmitRead::AlreadySubmitted => return Ok(see_other("/candidate?notice=already")),
        SubmitRead::Planned(planned) => *planned,
    };
    let company = remember_company(&state, &company);
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    // Storing the plan decides everything from it and the database: it
    // can run again, so it needs no savepoint of its own.
    let outcome = state
        .db
        .write_rerunnable(move |conn| {
            let ctx = Ctx {
                base_url: &base_url,
                mail_domain: &mail_domain,
                company: &company.name,
            };
            flow::submit_planned(conn, &ctx, &job, &settings, &app, &plan, db::now())
        })
        .await
        .web_context("submitting answers")?;
    match outcome {
        Submitted::AlreadySubmitted => Ok(see_other("/candidate?notice=already")),
        Submitted::Scored {
            next_round: true, ..
        } => Ok(see_other("/candidate?notice=next")),
        Submitted::Scored { .. } => Ok(see_other("/candidate?notice=submitted")),
    }
}

/// What a submission finds before writing.
enum SubmitRead {
    NotFound,
    AlreadySubmitted,
    Planned(Box<Planned>),
}

/// A submission scored and ready to store, with what storing it needs.
struct Planned {
    job: Arc<Job>,
    company: Arc<CompanyRead>,
    settings: Arc<db::job_screening::ScreeningSettings>,
    plan: flow::SubmitPlan,
}

/// An irreversible action goes ahead only with `confirm=yes`, which only
/// the confirmation page sends: without JavaScript, a stray click on the
/// status page shows what will happen and changes nothing.
fn confirmed(value: Option<&str>) -> bool {
    value == Some("yes")
}

#[derive(serde::Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    confirm: Option<String>,
}

/// The page asking "are you sure?" before an irreversible action: its
/// words are the messages `cand-<what>-title`, `-lead` and `-button`.
struct Confirmation<'a> {
    title: &'static str,
    lead: &'static str,
    button: &'static str,
    action: &'a str,
    danger: bool,
}

async fn confirm_page(
    req: &HttpRequest,
    state: &AppState,
    app: &db::applications::ApplicationRow,
    job: &Job,
    c: Confirmation<'_>,
    extra: serde_json::Value,
) -> Result<HttpResponse, WebError> {
    let locale = super::personal_locale(req, state, app).await?;
    let title = locale.text(c.title);
    let company = load_company(state)
        .await
        .web_context("reading the company")?;
    let mut ctx = json!({
        "company": company,
        "name": app.name,
        "job": { "title": job.posting.title, "slug": job.slug },
        "heading": title,
        "lead": locale.text(c.lead),
        "action": c.action,
        "button": locale.text(c.button),
        "danger": c.danger,
    });
    if let (Some(base), serde_json::Value::Object(extra)) = (ctx.as_object_mut(), extra) {
        base.extend(extra);
    }
    Page::new("pages/candidate/confirm", &title)
        .locale(locale)
        .render(req, state, ctx)
}

/// Shows the answers about to be sent, carried in the form so nothing is
/// stored until the candidate confirms (or goes back, which saves them).
async fn confirm_submit(
    req: &HttpRequest,
    state: &AppState,
    app: &db::applications::ApplicationRow,
    job: &Job,
    round: String,
    answers: Vec<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let app_id = app.id.clone();
    let found = state
        .db
        .read(move |conn| {
            let Some(r) =
                db::screenings::find(conn, &round)?.filter(|r| r.application_id == app_id)
            else {
                return Ok(None);
            };
            let loaded = db::questionnaire_versions::load(conn, &r.questionnaire_version_id)?;
            Ok::<_, DbError>(Some((r, loaded)))
        })
        .await
        .web_context("reading the questions")?;
    let Some((round, loaded)) = found else {
        return Err(WebError::NotFound);
    };
    if !round.is_open() {
        return Ok(see_other("/candidate?notice=already"));
    }
    let questions: Vec<_> = loaded
        .questionnaire
        .questions_of_tiers(&round.tiers())
        .enumerate()
        .map(|(i, q)| {
            let body = answers
                .iter()
                .find(|(id, _)| *id == q.id)
                .map(|(_, b)| b.trim().to_string())
                .unwrap_or_default();
            json!({ "number": i + 1, "id": q.id, "prompt": q.prompt, "body": body })
        })
        .collect();
    let empty = questions
        .iter()
        .filter(|q| q["body"].as_str().is_some_and(str::is_empty))
        .count();
    let hidden: Vec<_> = answers
        .iter()
        .map(|(q, b)| json!({ "name": format!("answer-{q}"), "value": b }))
        .collect();
    confirm_page(
        req,
        state,
        app,
        job,
        Confirmation {
            title: "cand-submit-title",
            lead: "cand-submit-lead",
            button: "cand-submit-button",
            action: "/candidate/submit",
            danger: false,
        },
        json!({
            "round_id": round.id,
            "answers": questions,
            "empty": empty,
            "hidden": hidden,
        }),
    )
    .await
}

pub async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    candidate: Candidate,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<HttpResponse, WebError> {
    let app = candidate.application;
    let from = app.stage();
    if !from.is_active() {
        let locale = super::personal_locale(&req, &state, &app).await?;
        return Err(WebError::BadRequest(
            Message::new("cand-error-already-closed").in_locale(locale),
        ));
    }
    if !confirmed(form.confirm.as_deref()) {
        let job = job_of(&state, app.job_id.clone()).await?;
        return confirm_page(
            &req,
            &state,
            &app,
            &job,
            Confirmation {
                title: "cand-withdraw-title",
                lead: "cand-withdraw-lead",
                button: "cand-withdraw-button",
                action: "/candidate/withdraw",
                danger: true,
            },
            json!({}),
        )
        .await;
    }
    state
        .db
        .write(move |conn| {
            db::applications::move_stage(
                conn,
                &app.id,
                from,
                Stage::Withdrawn,
                "candidate",
                "withdrawn by the candidate",
                db::now(),
            )
        })
        .await
        .web_context("withdrawing an application")?;
    Ok(see_other("/candidate?notice=withdrawn"))
}

/// The candidate's copy of everything held about them, as JSON.
pub async fn data(
    state: web::Data<AppState>,
    candidate: Candidate,
) -> Result<HttpResponse, WebError> {
    let id = candidate.application.id.clone();
    let all = state
        .db
        .read(move |conn| crate::flows::subject_access::everything_held(conn, &id))
        .await
        .web_context("reading a candidate's data")?
        .ok_or(WebError::NotFound)?;
    Ok(crate::web::downloads::json(&all, "my-application.json"))
}

/// The CV the candidate sent, back to them.
pub async fn cv(
    state: web::Data<AppState>,
    candidate: Candidate,
) -> Result<HttpResponse, WebError> {
    crate::web::downloads::cv(&state, &candidate.application).await
}

/// Erases what the candidate gave us now, not after the retention period.
pub async fn erase(
    req: HttpRequest,
    state: web::Data<AppState>,
    candidate: Candidate,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<HttpResponse, WebError> {
    let app = candidate.application;
    if !confirmed(form.confirm.as_deref()) {
        let job = job_of(&state, app.job_id.clone()).await?;
        return confirm_page(
            &req,
            &state,
            &app,
            &job,
            Confirmation {
                title: "cand-erase-title",
                lead: "cand-erase-lead",
                button: "cand-erase-button",
                action: "/candidate/erase",
                danger: true,
            },
            json!({}),
        )
        .await;
    }
    // Their language, read before the application is erased.
    let locale = crate::web::locale::choose(
        &req,
        Some(app.locale()),
        &crate::web::locale::all(),
        Locale::ENGLISH,
    );
    let mail_domain = state.mail_domain.clone();
    let done = state
        .db
        .write(move |conn| {
            erasure::erase(conn, &app.id, Why::CandidateAsked, &mail_domain, db::now())
        })
        .await
        .web_context("erasing an application")?;
    if let Some(done) = done {
        state.files.delete_erased(done.cv_file.as_deref()).await;
    }
    let mut res = Page::new("pages/candidate/erased", &locale.text("cand-erased-title"))
        .locale(locale)
        .status(StatusCode::OK)
        .render(&req, &state, json!({}))?;
    let mut gone = actix_web::cookie::Cookie::build(super::COOKIE, "")
        .path("/candidate")
        .finish();
    gone.make_removal();
    res.add_cookie(&gone)
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_step_and_conversation_has_words_in_every_language() {
        for (key, _) in Stage::CANDIDATE_STEPS {
            for locale in Locale::all() {
                assert!(locale.has(key), "{} lacks {key}", locale.code());
            }
        }
        for stage in Stage::ALL {
            let key = format!("cand-stage-{}", stage.as_str().replace('_', "-"));
            for locale in Locale::all() {
                assert!(locale.has(&key), "{} lacks {key}", locale.code());
            }
        }
        let fr = Locale::parse("fr").unwrap();
        for kind in InterviewKind::ALL {
            let english = interview_kind(Locale::ENGLISH, kind);
            assert!(!english.starts_with("cand-"), "{english}");
            assert_ne!(interview_kind(fr, kind), english);
        }
    }

    #[test]
    fn days_are_the_candidate_s_in_their_language() {
        let t = chrono::NaiveDate::from_ymd_opt(2027, 1, 1)
            .unwrap()
            .and_hms_opt(23, 30, 0)
            .unwrap();
        let fr = Locale::parse("fr").unwrap();
        assert_eq!(candidate_day(fr, t, "Asia/Tokyo"), "2 janvier 2027");
        assert_eq!(candidate_day(Locale::ENGLISH, t, ""), "1 January 2027");
    }
}
