//! Read-only resources: an application's interviews, scorecards and
//! decision (with the pages' blind rules), and the questionnaires.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use super::applications::visible_application;
use super::jobs::iso;
use super::{json, ApiError, Caller};
use crate::db::{self, DbError};
use crate::domain::application::Stage;
use crate::domain::decision::{tally, Outcome, Vote};
use crate::web::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/admin/applications/{id}/interviews",
        web::get().to(interviews),
    )
    .route(
        "/admin/applications/{id}/scorecards",
        web::get().to(scorecards),
    )
    .route("/admin/applications/{id}/decision", web::get().to(decision))
    .route("/admin/questionnaires", web::get().to(questionnaires))
    .route("/admin/questionnaires/{id}", web::get().to(questionnaire));
}

#[derive(Serialize, ToSchema)]
pub struct InterviewView {
    pub id: String,
    /// The interview kind's code.
    pub kind: String,
    /// UTC, ISO 8601.
    pub starts_at: String,
    /// The IANA time zone it was scheduled in.
    pub timezone: String,
    pub duration_minutes: i32,
    pub location: String,
    /// scheduled or cancelled.
    pub status: String,
    /// Staff ids.
    pub interviewers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct InterviewList {
    pub interviews: Vec<InterviewView>,
}

#[utoipa::path(get, path = "/api/v1/admin/applications/{id}/interviews", tag = "interviews",
    params(("id" = String, Path, description = "The application's id")),
    responses((status = 200, description = "The application's interviews", body = InterviewList)))]
pub async fn interviews(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (app, _, _) = visible_application(&state, &caller, id.into_inner()).await?;
    let list = state
        .db
        .read(move |conn| {
            let mut out = Vec::new();
            for i in db::interviews::for_application(conn, &app.id)? {
                let people = db::interviews::interviewers(conn, &i.id)?;
                out.push(InterviewView {
                    id: i.id,
                    kind: i.kind,
                    starts_at: iso(i.starts_at),
                    timezone: i.timezone,
                    duration_minutes: i.duration_minutes,
                    location: i.location,
                    status: i.status,
                    interviewers: people,
                });
            }
            Ok::<_, DbError>(out)
        })
        .await?;
    Ok(json(StatusCode::OK, &InterviewList { interviews: list }))
}

#[derive(Serialize, ToSchema)]
pub struct ScorecardView {
    pub id: String,
    pub interview_id: Option<String>,
    pub author_id: String,
    pub version: i32,
    /// Ratings from 1 to 4 (0 when not rated).
    pub empathy: i32,
    pub curiosity: i32,
    pub humility: i32,
    pub dedication: i32,
    pub technical: i32,
    pub recommendation: i32,
    /// Notes per attribute code.
    #[schema(value_type = Object)]
    pub notes: serde_json::Value,
    pub overall_notes: String,
    pub submitted_at: String,
    /// Set when a later version replaced this one.
    pub superseded_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ScorecardList {
    /// True when the caller is on the panel and has not submitted their
    /// own scorecard: they see only their own (blind scoring).
    pub blind: bool,
    pub scorecards: Vec<ScorecardView>,
}

#[utoipa::path(get, path = "/api/v1/admin/applications/{id}/scorecards", tag = "scorecards",
    params(("id" = String, Path, description = "The application's id")),
    responses((status = 200, description = "The scorecards the caller may see", body = ScorecardList)))]
pub async fn scorecards(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (app, _, on_panel) = visible_application(&state, &caller, id.into_inner()).await?;
    let cards = state
        .db
        .read(move |conn| db::scorecards::for_application(conn, &app.id))
        .await?;
    let me = &caller.user.id;
    // The decision page's rule: a panel member sees the others' scorecards
    // only once their own is in.
    let blind = on_panel && !cards.iter().any(|c| &c.author_id == me);
    let scorecards = cards
        .into_iter()
        .filter(|c| !blind || &c.author_id == me)
        .map(|c| ScorecardView {
            notes: serde_json::from_str(&c.notes).unwrap_or_else(|_| serde_json::json!({})),
            id: c.id,
            interview_id: c.interview_id,
            author_id: c.author_id,
            version: c.version,
            empathy: c.empathy,
            curiosity: c.curiosity,
            humility: c.humility,
            dedication: c.dedication,
            technical: c.technical,
            recommendation: c.recommendation,
            overall_notes: c.overall_notes,
            submitted_at: iso(c.submitted_at),
            superseded_at: c.superseded_at.map(iso),
        })
        .collect();
    Ok(json(StatusCode::OK, &ScorecardList { blind, scorecards }))
}

#[derive(Serialize, ToSchema)]
pub struct VoteView {
    pub voter_id: String,
    /// yes or no.
    pub vote: String,
    pub reason: String,
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct OfferView {
    pub terms: String,
    pub created_at: String,
    /// accepted or declined; null while unanswered.
    pub answer: Option<String>,
    pub answered_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionView {
    /// The job's decision rule code.
    pub rule: String,
    pub panel_size: usize,
    pub votes_cast: usize,
    /// True while the caller may still vote: the others' votes are hidden.
    pub votes_hidden: bool,
    pub votes: Vec<VoteView>,
    /// pending, approved or rejected; null while votes are hidden.
    pub outcome: Option<String>,
    pub offer: Option<OfferView>,
    /// When the kind rejection email went out, if it did.
    pub rejection_email_sent_at: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/admin/applications/{id}/decision", tag = "decisions",
    params(("id" = String, Path, description = "The application's id")),
    responses((status = 200, description = "The panel's votes and the outcome", body = DecisionView)))]
pub async fn decision(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (app, job, on_panel) = visible_application(&state, &caller, id.into_inner()).await?;
    let (app_id, job_id) = (app.id.clone(), job.id.clone());
    let (votes, panel, offer, rejection) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::decisions::for_application(conn, &app_id)?,
                db::panels::members(conn, &job_id)?,
                db::decisions::offer_for(conn, &app_id)?,
                db::decisions::rejection_sent(conn, &app_id)?,
            ))
        })
        .await?;
    let me = &caller.user.id;
    // Blind votes, as on the page: whoever may still vote sees how many
    // voted, not how.
    let hidden =
        on_panel && !votes.iter().any(|v| &v.voter_id == me) && app.stage() == Stage::TeamDecision;
    let values: Vec<Vote> = votes.iter().filter_map(|v| Vote::parse(&v.vote)).collect();
    let outcome = match tally(job.posting.decision_rule, panel.len(), &values) {
        Outcome::Pending { .. } => "pending",
        Outcome::Approved => "approved",
        Outcome::Rejected => "rejected",
    };
    let view = DecisionView {
        rule: job.posting.decision_rule.as_str().to_string(),
        panel_size: panel.len(),
        votes_cast: votes.len(),
        votes_hidden: hidden,
        votes: if hidden {
            vec![]
        } else {
            votes
                .iter()
                .map(|v| VoteView {
                    voter_id: v.voter_id.clone(),
                    vote: v.vote.clone(),
                    reason: v.reason.clone(),
                    created_at: iso(v.created_at),
                })
                .collect()
        },
        outcome: (!hidden).then(|| outcome.to_string()),
        offer: offer.map(|o| OfferView {
            terms: o.terms,
            created_at: iso(o.created_at),
            answer: o.answer,
            answered_at: o.answered_at.map(iso),
        }),
        rejection_email_sent_at: rejection.map(|r| iso(r.sent_at)),
    };
    Ok(json(StatusCode::OK, &view))
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireSummary {
    pub id: String,
    pub title: String,
    /// ISO 639-1: the language candidates answer in.
    pub language: String,
    pub version: u32,
    pub question_count: usize,
    /// The tiers it has questions for.
    pub tiers: Vec<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireList {
    pub questionnaires: Vec<QuestionnaireSummary>,
}

async fn library(state: &AppState) -> Result<crate::questionnaires::Library, ApiError> {
    let files = state.questionnaires.clone();
    Ok(state
        .db
        .read(move |conn| crate::flows::questionnaires::library(conn, &files))
        .await?)
}

#[utoipa::path(get, path = "/api/v1/admin/questionnaires", tag = "questionnaires",
    responses((status = 200, description = "The questionnaires jobs can use (owners)", body = QuestionnaireList)))]
pub async fn questionnaires(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    caller.owner()?;
    let lib = library(&state).await?;
    let list = lib
        .all()
        .iter()
        .map(|l| {
            let q = &l.questionnaire;
            let mut tiers: Vec<u8> = q.questions.iter().map(|x| x.tier).collect();
            tiers.sort_unstable();
            tiers.dedup();
            QuestionnaireSummary {
                id: q.id.clone(),
                title: q.title.clone(),
                language: q.language.clone(),
                version: q.version,
                question_count: q.questions.len(),
                tiers,
            }
        })
        .collect();
    Ok(json(
        StatusCode::OK,
        &QuestionnaireList {
            questionnaires: list,
        },
    ))
}

/// A questionnaire whole: its questions by tier, with their rubrics.
#[utoipa::path(get, path = "/api/v1/admin/questionnaires/{id}", tag = "questionnaires",
    params(("id" = String, Path, description = "The questionnaire's id")),
    responses((status = 200, description = "The questionnaire (owners), as its file says it", body = Object)))]
pub async fn questionnaire(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.owner()?;
    let lib = library(&state).await?;
    let loaded = lib.get(&id).ok_or(ApiError::NotFound)?;
    Ok(json(StatusCode::OK, &loaded.questionnaire))
}
