//! The pipeline: the board per job, moving applications between stages
//! (one or many), and the job's stages and hiring panel.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::applications::score_chip;
use crate::db::{self, DbError};
use crate::domain::application::Stage;
use crate::domain::pipeline::{self, MoveKind, StageSettings};
use crate::i18n::Message;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{see_other, Page};
use crate::web::session::{Owner, Staff};
use crate::web::AppState;

use crate::flows::pipeline::{move_one, stage_settings, Mailer, MoveRefused, MoveRequest};

impl From<MoveRefused> for WebError {
    fn from(refused: MoveRefused) -> Self {
        match refused {
            MoveRefused::Rule(m) => WebError::BadRequest(m),
            MoveRefused::Stale(m) => WebError::Conflict(m),
        }
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    reason: String,
    /// "yes" to send the kind rejection email (a person confirms it).
    #[serde(default)]
    send_email: String,
    #[serde(default)]
    email_reason: String,
    /// The stage the candidate was at on the page the person moved from.
    #[serde(default)]
    from: String,
    /// "yes" to tell the candidate about interviews the move cancels.
    #[serde(default)]
    notify_candidate: String,
    #[serde(default)]
    back: String,
}

/// The stage a form says the person saw; empty means "not said".
fn seen_stage(raw: &str) -> Result<Option<Stage>, WebError> {
    match raw.trim() {
        "" => Ok(None),
        s => Stage::parse(s)
            .map(Some)
            .ok_or_else(|| WebError::BadRequest(Message::new("staff-error-move-form-stale"))),
    }
}

fn safe_back(back: &str, fallback: String) -> String {
    if back.starts_with("/admin/") && !back.contains("//") {
        back.to_string()
    } else {
        fallback
    }
}

pub async fn move_application(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> Result<HttpResponse, WebError> {
    let to = Stage::parse(&form.to)
        .ok_or_else(|| WebError::BadRequest(Message::new("staff-error-move-choose-stage")))?;
    let reason = form.reason.trim().to_string();
    if reason.chars().count() > 2000 {
        return Err(WebError::BadRequest(
            Message::new("staff-error-move-reason-long").count("max", 2000),
        ));
    }
    let seen = seen_stage(&form.from)?;
    let app_id = id.into_inner();
    let actor = owner.user().id.clone();
    let company = crate::web::public::company_name(&state).await?;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let send = form.send_email == "yes";
    let notify = form.notify_candidate == "yes";
    let email_reason = form.email_reason.trim().to_string();
    let lookup = app_id.clone();
    let outcome = state
        .db
        .write(move |conn| {
            let Some(app) = db::applications::find(conn, &lookup)? else {
                return Ok(None);
            };
            let job = db::jobs::find(conn, &app.job_id)?
                .ok_or_else(|| DbError::Corrupt("application without job".into()))?;
            // The history keeps these words in the staff pages' language.
            let why = if reason.is_empty() {
                super::words(&Message::new("staff-history-moved-by-staff"))
            } else {
                reason.clone()
            };
            let request = MoveRequest {
                to,
                how: MoveKind::Manual,
                actor: &actor,
                reason: &why,
                seen,
                rejection_email: send.then_some(email_reason.as_str()),
                notify_cancellations: notify,
            };
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            move_one(conn, &app.id, &job, &request, &mailer).map(Some)
        })
        .await
        .web_context("moving an application")?;
    match outcome {
        None => Err(WebError::NotFound),
        Some(Err(refused)) => Err(refused.into()),
        Some(Ok(())) => Ok(see_other(&safe_back(
            &form.back,
            format!("/admin/applications/{app_id}"),
        ))),
    }
}

pub async fn board(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    query: web::Query<BoardQuery>,
) -> Result<HttpResponse, WebError> {
    let job_id = id.into_inner();
    let user_id = staff.user.id.clone();
    let search = crate::web::forms::clean_text(query.q.as_deref().unwrap_or_default())
        .trim()
        .to_lowercase();
    let data = state
        .db
        .read(move |conn| {
            let Some(job) = db::jobs::find(conn, &job_id)? else {
                return Ok(None);
            };
            let on_panel = db::panels::is_member(conn, &job.id, &user_id)?;
            let settings = stage_settings(conn, &job.id)?;
            // The board shows the active candidates and the latest decisions;
            // the table has everyone.
            let rows: Vec<_> = db::applications::board(
                conn,
                &job.id,
                (!search.is_empty()).then_some(search.as_str()),
                200,
            )?
            .into_iter()
            .map(|c| (c.stage, c.rows, c.total))
            .collect();
            let shown: Vec<String> = rows
                .iter()
                .flat_map(|(_, list, _)| list.iter().map(|a| a.id.clone()))
                .collect();
            let entered = db::applications::stage_entered_at(conn, &shown)?;
            Ok::<_, DbError>(Some((job, on_panel, settings, rows, entered)))
        })
        .await
        .web_context("reading the board")?;
    let (job, on_panel, settings, rows, entered) = data.ok_or(WebError::NotFound)?;
    if !staff.user.is_owner() && !on_panel {
        return Err(WebError::Forbidden);
    }
    let now = db::now();
    let pass_mark = job.posting.pass_mark.percent();
    let columns: Vec<Value> = pipeline::enabled_stages(&settings)
        .into_iter()
        .map(|stage| {
            let (_, list, total) = rows.iter().find(|(s, _, _)| *s == stage).expect("every stage listed");
            json!({
                "stage": stage.as_str(),
                "label": super::words(&stage.label()),
                "count": total,
                "more": (*total as usize) > list.len(),
                "cards": list.iter().map(|a| {
                    let since = entered.get(&a.id).copied().unwrap_or(a.created_at);
                    json!({
                        "id": a.id,
                        "name": a.name,
                        "languages": a.languages().iter().map(|l| l.code.to_uppercase()).collect::<Vec<_>>().join(" "),
                        "chip": score_chip(a.screen_score, a.screen_passed, pass_mark),
                        "days": (now - since).num_days(),
                        "moves": pipeline::allowed_moves(stage, MoveKind::Manual, &settings).iter().map(|s| json!({"value": s.as_str(), "label": super::words(&s.label())})).collect::<Vec<_>>(),
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let title = super::title_with("staff-board-title", &[("title", &job.posting.title)]);
    Page::new("pages/admin/board", &title)
        .staff(&staff.user, "jobs")
        .render(
            &req,
            &state,
            json!({
                "job": { "id": job.id, "title": job.posting.title },
                "columns": columns,
                "q": query.q.clone().unwrap_or_default(),
                "can_move": staff.user.is_owner(),
                "stages": Stage::ALL.iter().filter(|s| **s != Stage::Applied).map(|s| json!({"value": s.as_str(), "label": super::words(&s.label())})).collect::<Vec<_>>(),
            }),
        )
}

#[derive(Deserialize)]
pub struct BoardQuery {
    q: Option<String>,
}

#[derive(Deserialize)]
pub struct BulkForm {
    #[serde(default)]
    ids: Vec<String>,
    #[serde(default)]
    to: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    send_email: String,
    /// "id:stage" for each card on the page, as the person saw it.
    #[serde(default)]
    seen: Vec<String>,
    #[serde(default)]
    notify_candidate: String,
}

/// Moves many applications at once; each is checked on its own and the
/// refusals are listed. All the allowed moves commit together.
pub async fn bulk(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<BulkForm>,
) -> Result<HttpResponse, WebError> {
    let job_id = id.into_inner();
    let to = Stage::parse(&form.to)
        .ok_or_else(|| WebError::BadRequest(Message::new("staff-error-move-choose-stage")))?;
    if form.ids.is_empty() {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-bulk-none-ticked",
        )));
    }
    let reason = form.reason.trim().to_string();
    if to == Stage::Rejected && reason.is_empty() {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-bulk-reject-reason",
        )));
    }
    let actor = owner.user().id.clone();
    let company = crate::web::public::company_name(&state).await?;
    let mail_domain = state.mail_domain.clone();
    let base_url = state.base_url();
    let send = form.send_email == "yes";
    let notify = form.notify_candidate == "yes";
    let mut seen = std::collections::HashMap::new();
    for pair in &form.seen {
        if let Some((id, stage)) = pair.split_once(':') {
            if let Some(stage) = seen_stage(stage)? {
                seen.insert(id.to_string(), stage);
            }
        }
    }
    let ids = form.ids.clone();
    let jid = job_id.clone();
    let refused = state
        .db
        .write(move |conn| {
            let job = db::jobs::find(conn, &jid)?
                .ok_or_else(|| DbError::Corrupt("job vanished".into()))?;
            let mut refused = Vec::new();
            for id in &ids {
                let Some(app) = db::applications::find(conn, id)?.filter(|a| a.job_id == job.id)
                else {
                    refused.push((
                        super::words(&Message::new("staff-bulk-unknown-candidate")),
                        super::words(&Message::new("staff-error-bulk-not-in-job")),
                    ));
                    continue;
                };
                let why = if reason.is_empty() {
                    super::words(&Message::new("staff-history-bulk-move"))
                } else {
                    reason.clone()
                };
                let request = MoveRequest {
                    to,
                    how: MoveKind::Manual,
                    actor: &actor,
                    reason: &why,
                    seen: seen.get(&app.id).copied(),
                    rejection_email: send.then_some(reason.as_str()),
                    notify_cancellations: notify,
                };
                let mailer = Mailer {
                    company: &company,
                    base_url: &base_url,
                    mail_domain: &mail_domain,
                };
                if let Err(refused_move) = move_one(conn, &app.id, &job, &request, &mailer)? {
                    refused.push((app.name.clone(), super::words(&refused_move.message())));
                }
            }
            Ok::<_, DbError>(refused)
        })
        .await
        .web_context("moving applications")?;
    if refused.is_empty() {
        return Ok(see_other(&format!("/admin/jobs/{job_id}/board")));
    }
    Page::new("pages/admin/bulk_result", &super::title("staff-bulk-result-title"))
        .staff(owner.user(), "jobs")
        .render(
            &req,
            &state,
            json!({
                "job_id": job_id,
                "moved": form.ids.len() - refused.len(),
                "refused": refused.iter().map(|(n, m)| json!({"name": n, "message": m})).collect::<Vec<_>>(),
            }),
        )
}

#[derive(Deserialize)]
pub struct PipelineForm {
    #[serde(default)]
    skipped: Vec<String>,
    #[serde(default)]
    panel: Vec<String>,
}

/// The job's skipped stages and hiring panel.
pub async fn settings(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<PipelineForm>,
) -> Result<HttpResponse, WebError> {
    let job_id = id.into_inner();
    let settings =
        StageSettings::parse(&form.skipped).map_err(|e| WebError::BadRequest(e.message()))?;
    let actor = owner.user().id.clone();
    let jid = job_id.clone();
    let panel = form.panel.clone();
    state
        .db
        .write(move |conn| {
            let users = db::users::list(conn)?;
            if panel.iter().any(|p| !users.iter().any(|u| &u.id == p)) {
                return Ok(false);
            }
            let now = db::now();
            let names: Vec<String> = settings
                .skipped()
                .iter()
                .map(|s| s.as_str().to_string())
                .collect();
            db::job_pipeline::set_skipped(conn, &jid, &names, now)?;
            db::panels::set(conn, &jid, &panel, now)?;
            db::audit::record(
                conn,
                Some(&actor),
                "job.pipeline",
                ("job", &jid),
                &format!("skipped {names:?}, panel {panel:?}"),
                now,
            )?;
            Ok::<_, DbError>(true)
        })
        .await
        .web_context("saving the pipeline settings")?
        .then_some(())
        .ok_or_else(|| WebError::BadRequest(Message::new("staff-error-panel-not-team")))?;
    Ok(see_other(&format!("/admin/jobs/{job_id}/edit?saved=1")))
}
