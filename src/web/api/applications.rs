//! Applications: the list (the staff table's filters and keyset pages),
//! one application with its screen results and their evidence, and moving
//! it through the pipeline with the pages' flow and state machine.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::jobs::{iso, not_on_panel};
use super::{json, ApiError, Caller};
use crate::db::applications::{ApplicationRow, Cursor, ListQuery, Narrow, Sort};
use crate::db::insight::Scope;
use crate::db::{self, DbError};
use crate::domain::application::Stage;
use crate::domain::job::Job;
use crate::domain::pipeline::MoveKind;
use crate::domain::FieldError;
use crate::flows::pipeline::{move_one, Mailer, MoveRefused, MoveRequest};
use crate::i18n::Message;
use crate::scoring::AnswerScore;
use crate::web::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/applications", web::get().to(list))
        .route("/admin/applications/{id}", web::get().to(read))
        .route("/admin/applications/{id}/stage", web::post().to(move_stage));
}

/// The most rows one page gives.
const MAX_LIMIT: i64 = 200;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only this job's applications.
    pub job_id: Option<String>,
    /// Only those at this stage (a stage code: applied, screening, screen_review, interview, final_conversation, team_decision, offer, hired, rejected, withdrawn).
    pub stage: Option<String>,
    /// Only those that got at least as far as this stage.
    pub reached: Option<String>,
    /// Only those from this source ("-" for none).
    pub source: Option<String>,
    /// Part of a name or an email.
    pub q: Option<String>,
    /// newest (default), oldest, score or name.
    pub sort: Option<String>,
    /// The page after this application id (the `next` of a page).
    pub after: Option<String>,
    /// The page before this application id (the `prev` of a page).
    pub before: Option<String>,
    /// Rows per page, 1 to 200 (default 50).
    pub limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationSummary {
    pub id: String,
    pub job_id: String,
    pub name: String,
    pub email: String,
    /// A stage code (applied, screening, …, rejected, withdrawn).
    pub stage: String,
    /// The screen score in [0, 1]; null until scored.
    pub screen_score: Option<f64>,
    pub screen_passed: Option<bool>,
    /// Where the candidate came from (a link's source), empty if none.
    pub source: String,
    /// UTC, ISO 8601.
    pub created_at: String,
    pub updated_at: String,
    pub erased: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationPage {
    pub applications: Vec<ApplicationSummary>,
    /// How many match in all.
    pub total: i64,
    /// Pass as `after` for the next page; null on the last page.
    pub next: Option<String>,
    /// Pass as `before` for the previous page; null on the first page.
    pub prev: Option<String>,
}

fn summary(a: &ApplicationRow) -> ApplicationSummary {
    ApplicationSummary {
        id: a.id.clone(),
        job_id: a.job_id.clone(),
        name: a.name.clone(),
        email: a.email.clone(),
        stage: a.stage().as_str().to_string(),
        screen_score: a.screen_score,
        screen_passed: a.screen_passed.map(|p| p == 1),
        source: a.source.clone(),
        created_at: iso(a.created_at),
        updated_at: iso(a.updated_at),
        erased: a.erased_at.is_some(),
    }
}

fn stage_param(field: &'static str, raw: Option<&str>) -> Result<Option<Stage>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Stage::parse(s).map(Some).ok_or_else(|| {
            ApiError::Invalid(vec![FieldError::of(
                field,
                Message::new("staff-api-error-stage-code").arg("stage", s),
            )])
        }),
    }
}

/// Whether an id from the query could name a row at all: none holds a
/// control character, and PostgreSQL fails a query whose text holds NUL
/// (SQLite just finds nothing). Such an id names nothing, like any unknown
/// one: a job is not found, a cursor starts from the first page.
fn names_a_row(id: &str) -> bool {
    !id.chars().any(char::is_control)
}

/// Applications the caller may see, a page at a time, newest first unless
/// sorted otherwise. Pages are found by key: follow `next` / `prev`.
#[utoipa::path(get, path = "/api/v1/admin/applications", tag = "applications",
    params(ListParams),
    responses((status = 200, description = "One page of applications", body = ApplicationPage)))]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let sort = match p.sort.as_deref().map(str::trim) {
        None | Some("") => Sort::Newest,
        Some(s) => Sort::ALL
            .iter()
            .find(|(_, k, _)| *k == s)
            .map(|(sort, _, _)| *sort)
            .ok_or_else(|| {
                ApiError::Invalid(vec![FieldError::localized("sort", "staff-api-error-sort")])
            })?,
    };
    let limit = p.limit.unwrap_or(50);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::Invalid(vec![FieldError::of(
            "limit",
            Message::new("staff-api-error-limit").count("max", MAX_LIMIT),
        )]));
    }
    let list = ListQuery {
        stage: stage_param("stage", p.stage.as_deref())?,
        search: p
            .q
            .as_deref()
            .map(crate::web::forms::clean_text)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        sort,
        cursor: match (
            p.after.filter(|id| names_a_row(id)),
            p.before.filter(|id| names_a_row(id)),
        ) {
            (Some(id), _) => Cursor::After(id),
            (None, Some(id)) => Cursor::Before(id),
            _ => Cursor::First,
        },
        per_page: limit,
    };
    let narrow = Narrow {
        reached: stage_param("reached", p.reached.as_deref())?,
        source: p.source.as_deref().map(|s| match s {
            "-" => String::new(),
            s => crate::domain::application::clean_source(s),
        }),
        ..Narrow::default()
    };
    let user = caller.user.clone();
    let job_id = p.job_id.filter(|j| !j.is_empty());
    if job_id.as_ref().is_some_and(|j| !names_a_row(j)) {
        return Err(ApiError::NotFound);
    }
    let listing = state
        .db
        .read(move |conn| {
            let scope = match job_id {
                Some(job_id) => {
                    if db::jobs::find(conn, &job_id)?.is_none() {
                        return Ok(Err(ApiError::NotFound));
                    }
                    if !user.is_owner() && !db::panels::is_member(conn, &job_id, &user.id)? {
                        return Ok(Err(not_on_panel()));
                    }
                    Scope::Job(job_id)
                }
                None if user.is_owner() => Scope::All,
                None => Scope::PanelOf(user.id.clone()),
            };
            Ok::<_, DbError>(Ok(db::applications::list_narrowed(
                conn, &scope, &list, &narrow,
            )?))
        })
        .await??;
    let page = ApplicationPage {
        next: listing
            .has_next
            .then(|| listing.rows.last().map(|a| a.id.clone()))
            .flatten(),
        prev: listing
            .has_prev
            .then(|| listing.rows.first().map(|a| a.id.clone()))
            .flatten(),
        applications: listing.rows.iter().map(summary).collect(),
        total: listing.total,
    };
    Ok(json(StatusCode::OK, &page))
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationDetail {
    #[serde(flatten)]
    pub summary: ApplicationSummary,
    pub location: String,
    pub timezone: String,
    pub cover_letter: String,
    pub portfolio_url: String,
    /// Language codes and fluency codes the candidate gave.
    pub languages: Vec<LanguageView>,
    pub has_cv: bool,
    /// Stage codes a person may move this application to now.
    pub allowed_moves: Vec<String>,
    pub screenings: Vec<ScreeningView>,
    /// The pipeline history, oldest first.
    pub events: Vec<EventView>,
}

#[derive(Serialize, ToSchema)]
pub struct LanguageView {
    pub code: String,
    pub fluency: String,
}

#[derive(Serialize, ToSchema)]
pub struct EventView {
    pub at: String,
    /// A staff member's id, or candidate, panel or system.
    pub actor: String,
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct ScreeningView {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub tiers: Vec<u8>,
    /// open or submitted.
    pub status: String,
    pub sent_at: String,
    pub submitted_at: Option<String>,
    /// The round's result as the scorer computed it (overall and per tier
    /// shares in [0, 1], passed or not); null until submitted.
    #[schema(value_type = Option<Object>)]
    pub result: Option<serde_json::Value>,
    pub scorer_version: Option<String>,
    pub answers: Vec<AnswerView>,
}

#[derive(Serialize, ToSchema)]
pub struct AnswerView {
    pub id: String,
    pub question_id: String,
    pub tier: u8,
    pub prompt: String,
    pub body: String,
    /// The answer's score in [0, 1]; null until scored.
    pub score: Option<f64>,
    /// 0, 1 or 2.
    pub empathy: Option<u8>,
    pub curiosity: Option<u8>,
    /// Share of the key points covered, in [0, 1].
    pub content: Option<f64>,
    pub covered_key_points: Vec<String>,
    pub missed_key_points: Vec<String>,
    /// Tone flag codes.
    pub tone: Vec<String>,
    /// Why the score is what it is: spans of the answer and what they earned.
    pub evidence: Vec<EvidenceView>,
    /// Reviewers' overrides, newest first.
    pub overrides: Vec<OverrideView>,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceView {
    /// empathy, curiosity, content or tone.
    pub dimension: String,
    /// The detector's code (greeting, apology, open_question, …).
    pub kind: String,
    pub label: String,
    /// The words of the answer that earned it.
    pub quote: String,
    /// Byte offsets of the quote in the answer.
    pub start: usize,
    pub end: usize,
    pub weight: f64,
}

#[derive(Serialize, ToSchema)]
pub struct OverrideView {
    pub author_id: String,
    pub empathy: i32,
    pub curiosity: i32,
    pub score: f64,
    pub reason: String,
    pub created_at: String,
}

fn code(value: impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The application and its job, if the caller may see it.
pub(super) async fn visible_application(
    state: &AppState,
    caller: &Caller,
    id: String,
) -> Result<(ApplicationRow, Job, bool), ApiError> {
    let user_id = caller.user.id.clone();
    let (app, job, on_panel) = state
        .db
        .read(move |conn| {
            let Some(app) = db::applications::find(conn, &id)? else {
                return Ok(None);
            };
            let Some(job) = db::jobs::find(conn, &app.job_id)? else {
                return Ok(None);
            };
            let on_panel = db::panels::is_member(conn, &job.id, &user_id)?;
            Ok::<_, DbError>(Some((app, job, on_panel)))
        })
        .await?
        .ok_or(ApiError::NotFound)?;
    if caller.user.is_owner() || on_panel {
        Ok((app, job, on_panel))
    } else {
        Err(not_on_panel())
    }
}

/// One application with its screen results, their evidence, and its history.
#[utoipa::path(get, path = "/api/v1/admin/applications/{id}", tag = "applications",
    params(("id" = String, Path, description = "The application's id")),
    responses((status = 200, description = "The application", body = ApplicationDetail)))]
pub async fn read(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (app, job, _) = visible_application(&state, &caller, id.into_inner()).await?;
    let (app_id, job_id) = (app.id.clone(), job.id.clone());
    let (events, rounds, settings) = state
        .db
        .read(move |conn| {
            let events = db::applications::events(conn, &app_id)?;
            let mut rounds = Vec::new();
            for r in db::screenings::for_application(conn, &app_id)? {
                let loaded = db::questionnaire_versions::load(conn, &r.questionnaire_version_id)?;
                let answers = db::screenings::answers(conn, &r.id)?;
                let ids: Vec<String> = answers.iter().map(|a| a.id.clone()).collect();
                let overrides = db::screenings::overrides_for(conn, &ids)?;
                rounds.push((r, loaded, answers, overrides));
            }
            let settings = crate::flows::pipeline::stage_settings(conn, &job_id)?;
            Ok::<_, DbError>((events, rounds, settings))
        })
        .await?;
    let screenings = rounds
        .iter()
        .map(|(r, loaded, answers, overrides)| ScreeningView {
            id: r.id.clone(),
            questionnaire_id: loaded.questionnaire.id.clone(),
            questionnaire_version: loaded.questionnaire.version,
            tiers: r.tiers(),
            status: r.status.clone(),
            sent_at: iso(r.sent_at),
            submitted_at: r.submitted_at.map(iso),
            result: r
                .result
                .as_deref()
                .and_then(|s| serde_json::from_str(s).ok()),
            scorer_version: r.scorer_version.clone(),
            answers: loaded
                .questionnaire
                .questions_of_tiers(&r.tiers())
                .filter_map(|spec| {
                    let a = answers.iter().find(|a| a.question_id == spec.id)?;
                    let score: Option<AnswerScore> = a
                        .score_detail
                        .as_deref()
                        .and_then(|d| serde_json::from_str(d).ok());
                    Some(AnswerView {
                        id: a.id.clone(),
                        question_id: spec.id.clone(),
                        tier: spec.tier,
                        prompt: spec.prompt.clone(),
                        body: a.body.clone(),
                        score: a.score,
                        empathy: score.as_ref().map(|s| s.empathy.grade),
                        curiosity: score.as_ref().map(|s| s.curiosity.grade),
                        content: score.as_ref().and_then(|s| s.content.share),
                        covered_key_points: score
                            .as_ref()
                            .map(|s| s.content.covered.clone())
                            .unwrap_or_default(),
                        missed_key_points: score
                            .as_ref()
                            .map(|s| s.content.missed.clone())
                            .unwrap_or_default(),
                        tone: score
                            .as_ref()
                            .map(|s| s.tone.iter().map(code).collect())
                            .unwrap_or_default(),
                        evidence: score
                            .as_ref()
                            .map(|s| {
                                s.evidence
                                    .iter()
                                    .map(|e| EvidenceView {
                                        dimension: code(e.dimension),
                                        kind: code(e.kind),
                                        label: e.label.clone(),
                                        quote: a.body.get(e.span.clone()).unwrap_or("").to_string(),
                                        start: e.span.start,
                                        end: e.span.end,
                                        weight: e.weight,
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                        overrides: overrides
                            .iter()
                            .filter(|o| o.answer_id == a.id)
                            .map(|o| OverrideView {
                                author_id: o.author_id.clone(),
                                empathy: o.empathy,
                                curiosity: o.curiosity,
                                score: o.score,
                                reason: o.reason.clone(),
                                created_at: iso(o.created_at),
                            })
                            .collect(),
                    })
                })
                .collect(),
        })
        .collect();
    let detail = ApplicationDetail {
        summary: summary(&app),
        location: app.location.clone(),
        timezone: app.timezone.clone(),
        cover_letter: app.cover_letter.clone(),
        portfolio_url: app.portfolio_url.clone(),
        languages: app
            .languages()
            .iter()
            .map(|l| LanguageView {
                code: l.code.clone(),
                fluency: l.fluency().as_str().to_string(),
            })
            .collect(),
        has_cv: app.cv_file.is_some(),
        allowed_moves: crate::domain::pipeline::allowed_moves(
            app.stage(),
            MoveKind::Manual,
            &settings,
        )
        .iter()
        .map(|s| s.as_str().to_string())
        .collect(),
        screenings,
        events: events
            .iter()
            .map(|e| EventView {
                at: iso(e.at),
                actor: e.actor.clone(),
                from_stage: e.from_stage.clone(),
                to_stage: e.to_stage.clone(),
                reason: e.reason.clone(),
            })
            .collect(),
    };
    Ok(json(StatusCode::OK, &detail))
}

/// A move, as on the application page.
#[derive(Deserialize, ToSchema)]
pub struct MoveBody {
    /// The stage code to move to.
    pub to: String,
    /// Why, for the history (at most 2000 characters).
    #[serde(default)]
    pub reason: Option<String>,
    /// The stage the caller last saw: if someone moved the application
    /// since, the move is refused (409 `stage_changed`) instead of applied.
    #[serde(default)]
    pub from: Option<String>,
    /// With `to: rejected`, send the kind rejection email with this reason.
    #[serde(default)]
    pub rejection_email_reason: Option<String>,
    /// Tell the candidate about interviews the move cancels.
    #[serde(default)]
    pub notify_candidate: bool,
}

/// Moves the application (owners, read-write) through `flows::pipeline`,
/// with the pages' state machine: a move it forbids is 409
/// `transition_not_allowed`, a stale one 409 `stage_changed`.
#[utoipa::path(post, path = "/api/v1/admin/applications/{id}/stage", tag = "applications",
    params(("id" = String, Path, description = "The application's id")),
    request_body(content = MoveBody, example = json!({"to": "rejected", "from": "applied", "reason": "Not the right fit this time."})),
    responses((status = 200, description = "The application after the move", body = ApplicationSummary)))]
pub async fn move_stage(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    web::Json(body): web::Json<MoveBody>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let mut errors = Vec::new();
    let to = Stage::parse(body.to.trim());
    if to.is_none() {
        errors.push(FieldError::localized("to", "staff-api-error-move-to"));
    }
    let seen = match body
        .from
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(s) => match Stage::parse(s) {
            Some(stage) => Some(stage),
            None => {
                errors.push(FieldError::of(
                    "from",
                    Message::new("staff-api-error-stage-code").arg("stage", s),
                ));
                None
            }
        },
    };
    let clean = |s: Option<&str>| {
        s.map(crate::web::forms::clean_text)
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let reason = clean(body.reason.as_deref());
    let email_reason = body
        .rejection_email_reason
        .as_deref()
        .map(|r| clean(Some(r)));
    if reason.chars().count() > 2000 {
        errors.push(FieldError::of(
            "reason",
            Message::new("staff-api-error-move-reason-long").count("max", 2000),
        ));
    }
    let (Some(to), true) = (to, errors.is_empty()) else {
        return Err(ApiError::Invalid(errors));
    };
    let app_id = id.into_inner();
    let actor = caller.user.id.clone();
    let company = crate::web::public::load_company(&state).await?.name;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let notify = body.notify_candidate;
    let outcome = state
        .db
        .write(move |conn| {
            let Some(app) = db::applications::find(conn, &app_id)? else {
                return Ok(None);
            };
            let job = db::jobs::find(conn, &app.job_id)?
                .ok_or_else(|| DbError::Corrupt("application without job".into()))?;
            let request = MoveRequest {
                to,
                how: MoveKind::Manual,
                actor: &actor,
                reason: if reason.is_empty() {
                    "moved through the API"
                } else {
                    &reason
                },
                seen,
                rejection_email: email_reason.as_deref(),
                notify_cancellations: notify,
            };
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            let moved = move_one(conn, &app.id, &job, &request, &mailer)?;
            Ok::<_, DbError>(Some((moved, db::applications::find(conn, &app.id)?)))
        })
        .await?;
    match outcome {
        None | Some((_, None)) => Err(ApiError::NotFound),
        Some((Err(MoveRefused::Rule(message)), _)) => Err(ApiError::Conflict {
            code: "transition_not_allowed",
            message: message.english(),
        }),
        Some((Err(MoveRefused::Stale(message)), _)) => Err(ApiError::Conflict {
            code: "stage_changed",
            message: message.english(),
        }),
        Some((Ok(()), Some(app))) => Ok(json(StatusCode::OK, &summary(&app))),
    }
}
