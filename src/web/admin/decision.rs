//! The team's decision: scorecards side by side (blind until you submitted
//! yours), votes under the job's rule, the offer and its answer.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::access::application_for;
use crate::db::{self, DbError};
use crate::domain::application::Stage;
use crate::domain::decision::{tally, Ballot, BallotInput, Vote};
use crate::domain::pipeline::MoveKind;
use crate::domain::scorecard::{Attribute, Rating};
use crate::domain::FieldError;
use crate::flows::decision::cast_vote;
use crate::flows::pipeline::{move_one, send_rejection, Mailer, MoveRequest};
use crate::i18n::Message;
use crate::mail::candidate::{self as candidate_mail, CandidateMessage};
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::{Owner, Staff};
use crate::web::AppState;

fn rating_label(v: i32) -> String {
    u8::try_from(v)
        .ok()
        .and_then(Rating::from_value)
        .map(|r| super::words(&r.label()))
        .unwrap_or_else(|| "—".into())
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    render(
        &req,
        &state,
        &staff,
        id.into_inner(),
        VoteAttempt::default(),
    )
    .await
}

/// What a panel member typed in the vote form, with the problems found in
/// it: shown again on the decision page, next to the fields.
#[derive(Default)]
struct VoteAttempt {
    form: VoteForm,
    errors: Vec<FieldError>,
    /// The voter has no scorecard for this candidate and must confirm.
    ask_confirmation: bool,
}

async fn render(
    req: &HttpRequest,
    state: &AppState,
    staff: &Staff,
    app_id: String,
    attempt: VoteAttempt,
) -> Result<HttpResponse, WebError> {
    let (app, job, on_panel) = application_for(state, &staff.user, app_id).await?;
    let app_id = app.id.clone();
    let job_id = job.id.clone();
    let (cards, votes, panel, users, offer, rejection) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::scorecards::for_application(conn, &app_id)?,
                db::decisions::for_application(conn, &app_id)?,
                db::panels::members(conn, &job_id)?,
                db::users::list(conn)?,
                db::decisions::offer_for(conn, &app_id)?,
                db::decisions::rejection_sent(conn, &app_id)?,
            ))
        })
        .await
        .web_context("reading the decision")?;
    let name_of = |id: &str| {
        users
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| super::words(&Message::new("staff-decision-former-member")))
    };
    let submitted_mine = cards.iter().any(|c| c.author_id == staff.user.id);
    // Blind scoring: a panel member sees the others' scorecards only once
    // their own is in.
    let blind = on_panel && !submitted_mine;
    let current: Vec<&db::scorecards::ScorecardRow> =
        cards.iter().filter(|c| c.superseded_at.is_none()).collect();
    let visible: Vec<&&db::scorecards::ScorecardRow> = current
        .iter()
        .filter(|c| !blind || c.author_id == staff.user.id)
        .collect();
    let attrs = |c: &db::scorecards::ScorecardRow| {
        [
            c.empathy,
            c.curiosity,
            c.humility,
            c.dedication,
            c.technical,
        ]
    };
    let columns: Vec<Value> = visible
        .iter()
        .map(|c| {
            let notes: std::collections::HashMap<String, String> = serde_json::from_str(&c.notes).unwrap_or_default();
            json!({
                "author": name_of(&c.author_id),
                "version": c.version,
                "amended": c.version > 1,
                "recommendation": rating_label(c.recommendation),
                "overall_notes": c.overall_notes,
                "ratings": Attribute::ALL.iter().zip(attrs(c)).map(|(a, v)| json!({
                    "attribute": super::words(&a.label()), "value": v, "label": rating_label(v), "notes": notes.get(a.as_str()).cloned().unwrap_or_default(),
                    // Bar width in the chart, out of 100.
                    "bar": v * 25,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    // One row per attribute, one cell per scorecard: side by side.
    let rows: Vec<Value> = Attribute::ALL
        .iter()
        .enumerate()
        .map(|(i, a)| json!({ "attribute": super::words(&a.label()), "cells": columns.iter().map(|c| c["ratings"][i].clone()).collect::<Vec<_>>() }))
        .collect();
    let superseded: Vec<Value> = cards
        .iter()
        .filter(|c| c.superseded_at.is_some() && (!blind || c.author_id == staff.user.id))
        .map(|c| json!({ "author": name_of(&c.author_id), "version": c.version, "recommendation": rating_label(c.recommendation), "at": c.submitted_at.format("%-d %b %Y %H:%M").to_string() }))
        .collect();
    let vote_values: Vec<Vote> = votes.iter().filter_map(|v| Vote::parse(&v.vote)).collect();
    let outcome = tally(job.posting.decision_rule, panel.len(), &vote_values);
    let my_vote = votes.iter().find(|v| v.voter_id == staff.user.id);
    let stage = app.stage();
    let can_vote = on_panel && my_vote.is_none() && stage == Stage::TeamDecision;
    // Blind votes: whoever may still vote sees how many voted, not how;
    // the others' reasons would sway theirs.
    let votes_hidden = can_vote;
    let status = if attempt.errors.is_empty() && !attempt.ask_confirmation {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = super::title_with("staff-decision-title", &[("name", &app.name)]);
    Page::new("pages/admin/decision", &title)
        .staff(&staff.user, if staff.user.is_owner() { "jobs" } else { "home" })
        .status(status)
        .render(
            req,
            state,
            json!({
                "app": { "id": app.id, "name": app.name, "stage": super::words(&stage.label()), "chip": super::applications::score_chip(app.screen_score, app.screen_passed, job.posting.pass_mark.percent()) },
                "job": { "id": job.id, "title": job.posting.title, "rule": super::words(&job.posting.decision_rule.label()) },
                "blind": blind,
                "hidden_count": current.len() - visible.len(),
                "columns": columns,
                "superseded": superseded,
                "rows": rows,
                "votes_hidden": votes_hidden,
                "vote_count": votes.len(),
                "votes": if votes_hidden { vec![] } else { votes.iter().map(|v| json!({
                    "voter": name_of(&v.voter_id),
                    "vote": Vote::parse(&v.vote).map(|x| super::words(&x.label())).unwrap_or_default(),
                    "reason": v.reason,
                    "without_scorecard": v.without_scorecard != 0,
                })).collect::<Vec<_>>() },
                "panel": panel.iter().map(|p| name_of(p)).collect::<Vec<_>>(),
                "outcome": if votes_hidden { None } else { Some(super::words(&outcome.message())) },
                "decided": outcome.is_decided(),
                "can_vote": can_vote,
                "has_scorecard": submitted_mine,
                "form": { "vote": attempt.form.vote, "reason": attempt.form.reason },
                "errors": (!attempt.errors.is_empty()).then(|| errors_json(&attempt.errors)),
                "ask_confirmation": attempt.ask_confirmation,
                "voted": my_vote.is_some(),
                "is_owner": staff.user.is_owner(),
                "at_offer": stage == Stage::Offer,
                "rejected": stage == Stage::Rejected,
                "rejection_sent": rejection.map(|r| json!({
                    "by": name_of(&r.sent_by),
                    "at": r.sent_at.format("%-d %B %Y at %H:%M UTC").to_string(),
                })),
                "offer": offer.as_ref().map(|o| json!({ "terms": o.terms, "answer": o.answer, "made_on": o.created_at.format("%-d %B %Y").to_string() })),
            }),
        )
}

#[derive(Deserialize, Default)]
pub struct VoteForm {
    #[serde(default)]
    vote: String,
    #[serde(default)]
    reason: String,
    /// "yes" when the voter confirms voting without having interviewed.
    #[serde(default)]
    without_scorecard: String,
}

pub async fn vote(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<HttpResponse, WebError> {
    let (app, job, on_panel) = application_for(&state, &staff.user, id.into_inner()).await?;
    if !on_panel {
        return Err(WebError::Forbidden);
    }
    let ballot = match Ballot::parse(&BallotInput {
        vote: form.vote.clone(),
        reason: form.reason.clone(),
    }) {
        Ok(b) => b,
        Err(errors) => {
            let attempt = VoteAttempt {
                form,
                errors,
                ask_confirmation: false,
            };
            return render(&req, &state, &staff, app.id, attempt).await;
        }
    };
    let voter = staff.user.id.clone();
    let app_id = app.id.clone();
    let has_scorecard = {
        let (app_id, voter) = (app_id.clone(), voter.clone());
        state
            .db
            .read(move |conn| {
                Ok(db::scorecards::for_application(conn, &app_id)?
                    .iter()
                    .any(|c| c.author_id == voter))
            })
            .await
            .web_context("checking the voter's scorecard")?
    };
    if !has_scorecard && form.without_scorecard != "yes" {
        let attempt = VoteAttempt {
            form,
            errors: vec![],
            ask_confirmation: true,
        };
        return render(&req, &state, &staff, app.id, attempt).await;
    }
    let company = crate::web::public::company_name(&state).await?;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let outcome = state
        .db
        .write(move |conn| {
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            cast_vote(
                conn,
                &app_id,
                &job,
                &voter,
                &ballot,
                !has_scorecard,
                &mailer,
            )
        })
        .await
        .web_context("recording a vote")?;
    if let Err(message) = outcome {
        return Err(WebError::BadRequest(message));
    }
    Ok(see_other(&format!(
        "/admin/applications/{}/decision",
        app.id
    )))
}

#[derive(Deserialize)]
pub struct OfferForm {
    #[serde(default)]
    terms: String,
}

pub async fn offer(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<OfferForm>,
) -> Result<HttpResponse, WebError> {
    let (app, job, _) = application_for(&state, owner.user(), id.into_inner()).await?;
    let terms = form.terms.trim().to_string();
    if terms.is_empty() || terms.chars().count() > 5000 {
        return Err(WebError::BadRequest(
            Message::new("staff-error-offer-terms").count("max", 5000),
        ));
    }
    if app.stage() != Stage::Offer {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-offer-before-approval",
        )));
    }
    let by = owner.user().id.clone();
    let company = crate::web::public::company_name(&state).await?;
    let mail_domain = state.mail_domain.clone();
    let app_id = app.id.clone();
    let candidate = app.clone();
    let made = state
        .db
        .write(move |conn| {
            let now = db::now();
            if !db::decisions::make_offer(conn, &app_id, &terms, &by, now)? {
                return Ok(false);
            }
            let vars = json!({ "name": app.name, "job_title": job.posting.title, "company": company, "terms": terms });
            candidate_mail::send(conn, CandidateMessage::Offer, &candidate, &vars, None, &mail_domain)?;
            db::audit::record(conn, Some(&by), "offer.made", ("application", &app_id), "", now)?;
            Ok::<_, DbError>(true)
        })
        .await
        .web_context("making an offer")?;
    if !made {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-offer-already-made",
        )));
    }
    Ok(see_other(&format!(
        "/admin/applications/{}/decision",
        app.id
    )))
}

#[derive(Deserialize)]
pub struct OfferAnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    close_job: String,
}

/// Records the candidate's answer: accepted → hired (and the job may close
/// as filled); declined → withdrawn.
pub async fn offer_answer(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<OfferAnswerForm>,
) -> Result<HttpResponse, WebError> {
    let (app, job, _) = application_for(&state, owner.user(), id.into_inner()).await?;
    let accepted = match form.answer.as_str() {
        "accepted" => true,
        "declined" => false,
        _ => {
            return Err(WebError::BadRequest(Message::new(
                "staff-error-offer-answer-choose",
            )))
        }
    };
    let close = form.close_job == "yes";
    let actor = owner.user().id.clone();
    let company = crate::web::public::company_name(&state).await?;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let app_id = app.id.clone();
    let job_id = job.id.clone();
    let back = format!("/admin/applications/{}/decision", app.id);
    let result = state
        .db
        .write(move |conn| {
            let now = db::now();
            if !db::decisions::answer_offer(
                conn,
                &app_id,
                if accepted { "accepted" } else { "declined" },
                now,
            )? {
                return Ok(Err(WebError::BadRequest(Message::new(
                    "staff-error-offer-none-open",
                ))));
            }
            let (to, why) = if accepted {
                (Stage::Hired, "staff-history-offer-accepted")
            } else {
                (Stage::Withdrawn, "staff-history-offer-declined")
            };
            // The history keeps these words in the staff pages' language.
            let why = super::words(&Message::new(why));
            let request = MoveRequest {
                to,
                how: MoveKind::Manual,
                actor: &actor,
                reason: &why,
                seen: Some(Stage::Offer),
                rejection_email: None,
                // Their calendar should lose interviews that no longer happen.
                notify_cancellations: true,
            };
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            let moved = move_one(conn, &app.id, &job, &request, &mailer)?
                .map_err(|refused| WebError::BadRequest(refused.message()));
            Ok::<_, DbError>(moved)
        })
        .await
        .web_context("recording the answer to an offer")?;
    result?;
    if accepted && close {
        // Closing is its own confirmed step: it shows who else is still in
        // progress and offers to reject them kindly.
        return Ok(see_other(&format!(
            "/admin/jobs/{}/close?reason=filled",
            job_id
        )));
    }
    Ok(see_other(&back))
}

#[derive(Deserialize)]
pub struct RejectionEmailForm {
    #[serde(default)]
    reason: String,
}

/// Sends the kind rejection email for a rejected candidate, when a person
/// decides to (never automatic after the panel's vote).
pub async fn rejection_email(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<RejectionEmailForm>,
) -> Result<HttpResponse, WebError> {
    let (app, job, _) = application_for(&state, owner.user(), id.into_inner()).await?;
    if app.stage() != Stage::Rejected {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-rejection-not-rejected",
        )));
    }
    let company = crate::web::public::company_name(&state).await?;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let actor = owner.user().id.clone();
    let reason = form.reason.trim().to_string();
    let app_id = app.id.clone();
    let sent = state
        .db
        .write(move |conn| {
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            send_rejection(conn, &app, &job, &actor, &reason, &mailer)
        })
        .await
        .web_context("sending a rejection")?;
    if !sent {
        return Err(WebError::Conflict(Message::new(
            "staff-error-rejection-already-sent",
        )));
    }
    Ok(see_other(&format!("/admin/applications/{app_id}/decision")))
}
