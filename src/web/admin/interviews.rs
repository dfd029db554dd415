//! Interviews: scheduling with calendar invitations (rescheduling and
//! cancelling update the same event), the interview kit, and scorecards.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::access::application_for;
use crate::db::{self, interviews::Interview, DbConnection, DbError};
use crate::domain::interview::{default_kit, IcsMethod, InterviewKind, Schedule, ScheduleInput};
use crate::domain::scorecard::{Attribute, Rating, Scorecard, ScorecardInput};
use crate::domain::FieldError;
use crate::flows::interviews::{self as interview_flows, schedule_of, send_invitations};
use crate::flows::pipeline::Mailer;
use crate::i18n::Message;
use crate::mail::candidate::CandidateMessage;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, form_problems, see_other, Page};
use crate::web::session::{Owner, Staff};
use crate::web::AppState;

#[derive(Deserialize, Default)]
pub struct ScheduleForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    timezone: String,
    #[serde(default)]
    duration_minutes: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    interviewers: Vec<String>,
}

impl ScheduleForm {
    fn schedule(&self) -> Result<Schedule, Vec<FieldError>> {
        Schedule::parse(&ScheduleInput {
            date: self.date.clone(),
            time: self.time.clone(),
            timezone: self.timezone.clone(),
            duration_minutes: self.duration_minutes.clone(),
            location: self.location.clone(),
        })
    }
}

/// What is missing from the kind and interviewers an interview (or an
/// offer of times) names.
fn kind_and_panel_problems(
    kind: Option<InterviewKind>,
    interviewers: &[String],
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if kind.is_none() {
        errors.push(FieldError::localized("kind", "staff-error-interview-kind"));
    }
    if interviewers.is_empty() {
        errors.push(FieldError::localized(
            "interviewers",
            "staff-error-interviewers-none",
        ));
    }
    errors
}

pub async fn schedule(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<ScheduleForm>,
) -> Result<HttpResponse, WebError> {
    let (app, job, _) = application_for(&state, owner.user(), id.into_inner()).await?;
    let kind = InterviewKind::parse(&form.kind);
    let schedule = form.schedule();
    let mut errors = schedule.clone().err().unwrap_or_default();
    errors.extend(kind_and_panel_problems(kind, &form.interviewers));
    let (Some(kind), Ok(schedule), true) = (kind, schedule, errors.is_empty()) else {
        return form_problems(
            &req,
            &state,
            owner.user(),
            &super::title("staff-interview-title-not-scheduled"),
            &errors,
            format!("/admin/applications/{}#schedule", app.id),
        );
    };
    let company = crate::web::public::company_name(&state).await?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    let actor = owner.user().id.clone();
    let interviewers = form.interviewers.clone();
    let app_id = app.id.clone();
    let ok = state
        .db
        .write(move |conn| {
            let panel = db::panels::members(conn, &job.id)?;
            if interviewers.iter().any(|i| !panel.contains(i)) {
                return Ok(false);
            }
            let now = db::now();
            interview_flows::schedule(
                conn,
                &Mailer {
                    company: &company,
                    base_url: &base_url,
                    mail_domain: &mail_domain,
                },
                db::interviews::NewInterview {
                    application_id: &app_id,
                    kind: kind.as_str(),
                    starts_at: schedule.starts_at_utc().naive_utc(),
                    timezone: schedule.timezone().name(),
                    duration_minutes: schedule.duration_minutes() as i32,
                    location: schedule.location(),
                    interviewers: &interviewers,
                    created_by: &actor,
                    uid_domain: &mail_domain,
                },
                Some(&actor),
                now,
            )?;
            Ok::<_, DbError>(true)
        })
        .await
        .web_context("scheduling an interview")?;
    if !ok {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-interviewers-not-on-panel",
        )));
    }
    Ok(see_other(&format!(
        "/admin/applications/{}#interviews",
        app.id
    )))
}

async fn load_interview(state: &AppState, id: String) -> Result<Interview, WebError> {
    state
        .db
        .read(move |conn| db::interviews::find(conn, &id))
        .await
        .web_context("finding an interview")?
        .ok_or(WebError::NotFound)
}

pub async fn reschedule(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<ScheduleForm>,
) -> Result<HttpResponse, WebError> {
    let interview = load_interview(&state, id.into_inner()).await?;
    let schedule = match form.schedule() {
        Ok(s) => s,
        Err(errors) => {
            return form_problems(
                &req,
                &state,
                owner.user(),
                &super::title("staff-interview-title-not-moved"),
                &errors,
                format!("/admin/interviews/{}", interview.id),
            );
        }
    };
    let company = crate::web::public::company_name(&state).await?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    let iid = interview.id.clone();
    let actor = owner.user().id.clone();
    let moved = state
        .db
        .write(move |conn| {
            let now = db::now();
            if !db::interviews::reschedule(
                conn,
                &iid,
                schedule.starts_at_utc().naive_utc(),
                schedule.timezone().name(),
                schedule.duration_minutes() as i32,
                schedule.location(),
                now,
            )? {
                return Ok(false);
            }
            let updated = db::interviews::find(conn, &iid)?
                .ok_or_else(|| DbError::Corrupt("interview vanished".into()))?;
            send_invitations(
                conn,
                &Mailer {
                    company: &company,
                    base_url: &base_url,
                    mail_domain: &mail_domain,
                },
                &updated,
                CandidateMessage::InterviewUpdate,
                IcsMethod::Request,
                true,
            )?;
            db::audit::record(
                conn,
                Some(&actor),
                "interview.rescheduled",
                ("interview", &iid),
                "",
                now,
            )?;
            Ok::<_, DbError>(true)
        })
        .await
        .web_context("rescheduling an interview")?;
    if !moved {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-interview-cancelled",
        )));
    }
    Ok(see_other(&format!("/admin/interviews/{}", interview.id)))
}

#[derive(Deserialize, Default)]
pub struct CancelForm {
    /// "yes" once the owner confirmed on the confirmation page.
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    notify_candidate: String,
}

/// Cancels an interview. Irreversible and emailed to everyone, so the
/// first post only shows what will happen (it works without JavaScript);
/// the confirmed post cancels.
pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<CancelForm>,
) -> Result<HttpResponse, WebError> {
    let interview = load_interview(&state, id.into_inner()).await?;
    if interview.status == db::interviews::CANCELLED {
        return Ok(see_other(&format!("/admin/interviews/{}", interview.id)));
    }
    if form.confirm != "yes" {
        let (app, job, _) =
            application_for(&state, owner.user(), interview.application_id.clone()).await?;
        let schedule = schedule_of(&interview).map_err(|e| WebError::Database {
            context: "reading a schedule",
            source: e,
        })?;
        let kind = InterviewKind::parse(&interview.kind).unwrap_or(InterviewKind::Culture);
        return Page::new("pages/admin/interview_cancel", &super::title("staff-interview-cancel-title"))
            .staff(owner.user(), "jobs")
            .render(
                &req,
                &state,
                json!({
                    "interview": { "id": interview.id, "kind": super::words(&kind.label()), "when": schedule.local_time() },
                    "app": { "id": app.id, "name": app.name, "active": app.stage().is_active() },
                    "job": { "title": job.posting.title },
                }),
            );
    }
    let notify = form.notify_candidate == "yes";
    let company = crate::web::public::company_name(&state).await?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    let iid = interview.id.clone();
    let actor = owner.user().id.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            if db::interviews::cancel(conn, &iid, now)? {
                let updated = db::interviews::find(conn, &iid)?
                    .ok_or_else(|| DbError::Corrupt("interview vanished".into()))?;
                send_invitations(
                    conn,
                    &Mailer {
                        company: &company,
                        base_url: &base_url,
                        mail_domain: &mail_domain,
                    },
                    &updated,
                    CandidateMessage::InterviewCancelled,
                    IcsMethod::Cancel,
                    notify,
                )?;
                db::audit::record(
                    conn,
                    Some(&actor),
                    "interview.cancelled",
                    ("interview", &iid),
                    if notify {
                        "the candidate was told"
                    } else {
                        "the candidate was not told"
                    },
                    now,
                )?;
            }
            Ok::<_, DbError>(())
        })
        .await
        .web_context("cancelling an interview")?;
    Ok(see_other(&format!(
        "/admin/applications/{}#interviews",
        interview.application_id
    )))
}

/// The kit for a kind: the owner's edit if any, else the shipped default.
pub fn kit_for(conn: &mut DbConnection, kind: InterviewKind) -> Result<Value, DbError> {
    let default = default_kit(kind);
    Ok(match db::interviews::kit(conn, kind.as_str())? {
        Some((title, intro, questions)) => {
            json!({ "title": title, "intro": intro, "questions": questions, "look_for": default.look_for, "edited": true })
        }
        None => {
            json!({ "title": default.title, "intro": default.intro, "questions": default.questions, "look_for": default.look_for, "edited": false })
        }
    })
}

/// The interview kit with the candidate's screen results and the scorecard.
pub async fn kit_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    render_kit(&req, &state, &staff, id.into_inner(), None).await
}

/// The kit page; `attempt` is a scorecard that could not be saved, shown
/// again with its problems next to the fields and everything typed kept.
async fn render_kit(
    req: &HttpRequest,
    state: &AppState,
    staff: &Staff,
    interview_id: String,
    attempt: Option<(ScorecardInput, Vec<FieldError>)>,
) -> Result<HttpResponse, WebError> {
    let interview = load_interview(state, interview_id).await?;
    let (app, job, on_panel) =
        application_for(state, &staff.user, interview.application_id.clone()).await?;
    let kind = InterviewKind::parse(&interview.kind).unwrap_or(InterviewKind::Culture);
    let user_id = staff.user.id.clone();
    let app_id = app.id.clone();
    let iid = interview.id.clone();
    let (kit, mine, interviewers, (rounds, answers)) = state
        .db
        .read(move |conn| {
            let kit = kit_for(conn, kind)?;
            let mine: Vec<_> = db::scorecards::for_application(conn, &app_id)?
                .into_iter()
                .filter(|s| s.author_id == user_id)
                .collect();
            let ids = db::interviews::interviewers(conn, &iid)?;
            let names: Vec<String> = db::users::list(conn)?
                .into_iter()
                .filter(|u| ids.contains(&u.id))
                .map(|u| u.name)
                .collect();
            let rounds = db::screenings::for_application(conn, &app_id)?;
            let mut answers = Vec::new();
            for r in rounds.iter().filter(|r| !r.is_open()) {
                let loaded = db::questionnaire_versions::load(conn, &r.questionnaire_version_id)?;
                for a in db::screenings::answers(conn, &r.id)? {
                    let prompt = loaded.questionnaire.questions.iter().find(|q| q.id == a.question_id).map(|q| q.prompt.clone()).unwrap_or_default();
                    answers.push(json!({ "prompt": prompt, "body": a.body, "percent": a.score.map(|s| (s * 100.0).round() as i64) }));
                }
            }
            Ok::<_, DbError>((kit, mine, names, (rounds, answers)))
        })
        .await
        .web_context("reading an interview kit")?;
    let schedule = schedule_of(&interview).map_err(|e| WebError::Database {
        context: "reading a schedule",
        source: e,
    })?;
    let (input, errors, status) = match attempt {
        Some((input, errors)) => (input, Some(errors), StatusCode::UNPROCESSABLE_ENTITY),
        None => (
            mine.first().map(scorecard_input).unwrap_or_default(),
            None,
            StatusCode::OK,
        ),
    };
    let screen: Vec<Value> = rounds
        .iter()
        .filter_map(|r| r.result.as_deref().and_then(|s| serde_json::from_str::<Value>(s).ok()).map(|v| (r, v)))
        .map(|(r, v)| json!({ "tiers": r.tiers().iter().map(u8::to_string).collect::<Vec<_>>().join(", "), "percent": (v["overall"]["share"].as_f64().unwrap_or(0.0) * 100.0).round() as i64, "passed": v["overall"]["passed"] }))
        .collect();
    let title = super::title_with(
        "staff-title-interview",
        &[("kind", &super::words(&kind.label())), ("name", &app.name)],
    );
    Page::new("pages/admin/interview", &title)
        .staff(&staff.user, if staff.user.is_owner() { "jobs" } else { "home" })
        .status(status)
        .render(
            req,
            state,
            json!({
                "interview": {
                    "id": interview.id, "kind": super::words(&kind.label()), "when": schedule.local_time(),
                    "utc": schedule.starts_at_utc().format("%Y-%m-%d %H:%M UTC").to_string(),
                    "iso": schedule.starts_at_utc().to_rfc3339(),
                    "location": schedule.location(), "cancelled": interview.status == db::interviews::CANCELLED,
                    "interviewers": interviewers.join(", "), "input": schedule.to_input(),
                },
                "app": { "id": app.id, "name": app.name, "screen_chip": super::applications::score_chip(app.screen_score, app.screen_passed, job.posting.pass_mark.percent()) },
                "job": { "title": job.posting.title },
                "kit": kit,
                "screen": screen,
                "answers": answers,
                "scorecard": scorecard_form(&input, errors.as_deref()),
                "my_versions": mine.len(),
                "can_score": on_panel,
                "is_owner": staff.user.is_owner(),
            }),
        )
}

fn scorecard_input(s: &db::scorecards::ScorecardRow) -> ScorecardInput {
    let notes: std::collections::HashMap<String, String> =
        serde_json::from_str(&s.notes).unwrap_or_default();
    let note = |a: Attribute| notes.get(a.as_str()).cloned().unwrap_or_default();
    ScorecardInput {
        rating_empathy: s.empathy.to_string(),
        rating_curiosity: s.curiosity.to_string(),
        rating_humility: s.humility.to_string(),
        rating_dedication: s.dedication.to_string(),
        rating_technical_inclination: s.technical.to_string(),
        notes_empathy: note(Attribute::Empathy),
        notes_curiosity: note(Attribute::Curiosity),
        notes_humility: note(Attribute::Humility),
        notes_dedication: note(Attribute::Dedication),
        notes_technical_inclination: note(Attribute::TechnicalInclination),
        recommendation: s.recommendation.to_string(),
        overall_notes: s.overall_notes.clone(),
    }
}

/// The scorecard form's fields, prefilled.
fn scorecard_form(input: &ScorecardInput, errors: Option<&[FieldError]>) -> Value {
    let by_field = errors.map(errors_json);
    json!({
        "attributes": Attribute::ALL.iter().map(|a| json!({
            "label": super::words(&a.label()), "hint": super::words(&a.hint()), "rating_field": a.rating_field(), "notes_field": a.notes_field(),
            "notes": input.notes(*a),
            "error": by_field.as_ref().and_then(|e| e["by_field"].get(a.rating_field()).cloned()),
            "options": Rating::ALL.iter().map(|r| json!({ "value": r.value(), "label": super::words(&r.label()), "checked": input.rating(*a) == r.value().to_string() })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "recommendations": Rating::ALL.iter().map(|r| json!({ "value": r.value(), "label": super::words(&r.label()), "checked": input.recommendation == r.value().to_string() })).collect::<Vec<_>>(),
        "overall_notes": input.overall_notes,
        "errors": by_field,
    })
}

#[derive(Deserialize, Default)]
pub struct ScorecardForm {
    #[serde(default)]
    interview: String,
    #[serde(flatten)]
    input: ScorecardInput,
}

/// Submits (or amends, as a new version) the viewer's scorecard.
pub async fn submit_scorecard(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<ScorecardForm>,
) -> Result<HttpResponse, WebError> {
    let (app, _job, on_panel) = application_for(&state, &staff.user, id.into_inner()).await?;
    if !on_panel {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-scorecard-not-on-panel",
        )));
    }
    let card = match Scorecard::parse(&form.input) {
        Ok(c) => c,
        Err(errors) if !form.interview.is_empty() => {
            return render_kit(
                &req,
                &state,
                &staff,
                form.interview,
                Some((form.input, errors)),
            )
            .await;
        }
        Err(errors) => {
            return form_problems(
                &req,
                &state,
                &staff.user,
                &super::title("staff-scorecard-title-not-saved-yet"),
                &errors,
                format!("/admin/applications/{}", app.id),
            );
        }
    };
    // An interview id from the form must be one of this application's:
    // anything else is refused rather than stored as a scorecard without it.
    if !form.interview.is_empty() {
        let (interview_id, app_id) = (form.interview.clone(), app.id.clone());
        let known = state
            .db
            .read(move |conn| db::interviews::find(conn, &interview_id))
            .await
            .web_context("finding an interview")?
            .is_some_and(|x| x.application_id == app_id);
        if !known {
            return form_problems(
                &req,
                &state,
                &staff.user,
                &super::title("staff-scorecard-title-not-saved"),
                &[FieldError::of(
                    "interview",
                    Message::new("staff-error-scorecard-interview-not-theirs")
                        .arg("name", &app.name),
                )],
                format!("/admin/applications/{}", app.id),
            );
        }
    }
    let notes: std::collections::HashMap<&str, &str> = Attribute::ALL
        .iter()
        .map(|a| (a.as_str(), card.notes(*a)))
        .collect();
    let notes_json = serde_json::to_string(&notes).unwrap_or_else(|_| "{}".into());
    let r = |a: Attribute| i32::from(card.rating(a).value());
    let ratings = db::scorecards::Ratings {
        empathy: r(Attribute::Empathy),
        curiosity: r(Attribute::Curiosity),
        humility: r(Attribute::Humility),
        dedication: r(Attribute::Dedication),
        technical: r(Attribute::TechnicalInclination),
        recommendation: i32::from(card.recommendation().value()),
    };
    let overall = card.overall_notes().to_string();
    let author = staff.user.id.clone();
    let app_id = app.id.clone();
    let interview = (!form.interview.is_empty()).then(|| form.interview.clone());
    state
        .db
        .write(move |conn| {
            let now = db::now();
            let version = db::scorecards::submit(
                conn,
                &app_id,
                interview.as_deref(),
                &author,
                &ratings,
                &notes_json,
                &overall,
                now,
            )?;
            db::audit::record(
                conn,
                Some(&author),
                "scorecard.submitted",
                ("application", &app_id),
                &format!("version {version}"),
                now,
            )
        })
        .await
        .web_context("saving a scorecard")?;
    Ok(see_other(&format!(
        "/admin/applications/{}/decision",
        app.id
    )))
}

#[derive(Deserialize)]
pub struct KitForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    intro: String,
    #[serde(default)]
    questions: String,
}

pub async fn kits(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
) -> Result<HttpResponse, WebError> {
    let kits = state
        .db
        .read(|conn| {
            InterviewKind::ALL
                .iter()
                .map(|k| {
                    Ok(json!({ "kind": k.as_str(), "label": super::words(&k.label()), "kit": kit_for(conn, *k)? }))
                })
                .collect::<Result<Vec<_>, DbError>>()
        })
        .await
        .web_context("reading interview kits")?;
    Page::new("pages/admin/kits", &super::title("staff-kits-title"))
        .staff(owner.user(), "kits")
        .render(&req, &state, json!({ "kits": kits }))
}

pub async fn save_kit(
    state: web::Data<AppState>,
    owner: Owner,
    kind: web::Path<String>,
    CsrfForm(form): CsrfForm<KitForm>,
) -> Result<HttpResponse, WebError> {
    let kind = InterviewKind::parse(&kind.into_inner()).ok_or(WebError::NotFound)?;
    let questions: Vec<String> = form
        .questions
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if form.title.trim().is_empty()
        || questions.is_empty()
        || form.title.chars().count() > 200
        || form.intro.chars().count() > 5000
        || questions.len() > 50
    {
        return Err(WebError::BadRequest(
            Message::new("staff-error-kit-invalid")
                .count("title_max", 200)
                .count("questions_max", 50),
        ));
    }
    let actor = owner.user().id.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            db::interviews::save_kit(
                conn,
                kind.as_str(),
                form.title.trim(),
                form.intro.trim(),
                &questions,
                now,
            )?;
            db::audit::record(
                conn,
                Some(&actor),
                "kit.edited",
                ("kit", kind.as_str()),
                "",
                now,
            )
        })
        .await
        .web_context("saving a kit")?;
    Ok(see_other("/admin/kits"))
}

#[derive(Deserialize, Default)]
pub struct OfferForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    duration_minutes: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    timezone: String,
    #[serde(default)]
    days_ahead: String,
    #[serde(default)]
    cutoff_hours: String,
    #[serde(default)]
    interviewers: Vec<String>,
}

/// Emails the candidate a link to the times every chosen interviewer is
/// free, to book one themselves.
pub async fn offer_times(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<OfferForm>,
) -> Result<HttpResponse, WebError> {
    use crate::domain::booking::{OfferInput, OfferTerms};
    use crate::flows::booking::{offer, OfferRequest, Offered};
    let (app, _, _) = application_for(&state, owner.user(), id.into_inner()).await?;
    let back = format!("/admin/applications/{}#offer-times", app.id);
    let kind = InterviewKind::parse(&form.kind);
    let terms = OfferTerms::parse(&OfferInput {
        duration_minutes: form.duration_minutes.clone(),
        location: form.location.clone(),
        timezone: form.timezone.clone(),
        days_ahead: form.days_ahead.clone(),
        cutoff_hours: form.cutoff_hours.clone(),
    });
    let mut errors = terms.clone().err().unwrap_or_default();
    errors.extend(kind_and_panel_problems(kind, &form.interviewers));
    let (Some(kind), Ok(terms), true) = (kind, terms, errors.is_empty()) else {
        return form_problems(
            &req,
            &state,
            owner.user(),
            &super::title("staff-offer-times-title-not-sent"),
            &errors,
            back,
        );
    };
    let company = crate::web::public::company_name(&state).await?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    let actor = owner.user().id.clone();
    let app_id = app.id.clone();
    let outcome = state
        .db
        .write(move |conn| {
            offer(
                conn,
                &Mailer {
                    company: &company,
                    base_url: &base_url,
                    mail_domain: &mail_domain,
                },
                &OfferRequest {
                    application_id: &app_id,
                    kind,
                    interviewers: &form.interviewers,
                    terms,
                    actor: &actor,
                },
                db::now(),
            )
        })
        .await
        .web_context("offering interview times")?;
    let problem = match outcome {
        Offered::Sent { .. } => {
            return Ok(see_other(&format!(
                "/admin/applications/{}#interviews",
                app.id
            )))
        }
        Offered::NoSuchApplication => return Err(WebError::NotFound),
        Offered::NotAtInterviewStage => {
            FieldError::localized("kind", "staff-error-offer-times-not-interview-stage")
        }
        Offered::NotOnPanel => {
            FieldError::localized("interviewers", "staff-error-interviewers-not-on-panel")
        }
        Offered::NoFreeTime => {
            FieldError::localized("interviewers", "staff-error-offer-times-no-free-time")
        }
    };
    form_problems(
        &req,
        &state,
        owner.user(),
        &super::title("staff-offer-times-title-not-sent"),
        &[problem],
        back,
    )
}
