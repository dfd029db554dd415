//! Where staff land: their own work — upcoming interviews, the scorecards
//! and votes they owe, the jobs they are on the panel for. Interviewers see
//! nothing else; owners also reach every job from here.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::db::{self, DbError};
use crate::domain::application::Stage;
use crate::web::error::{WebContext, WebError};
use crate::web::render::Page;
use crate::web::session::Staff;
use crate::web::AppState;

pub async fn home(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, WebError> {
    let user_id = staff.user.id.clone();
    let (jobs, upcoming, owed, (votes_owed, reviews)) = state
        .db
        .read(move |conn| {
            let mut jobs = Vec::new();
            let mut votes_owed = Vec::new();
            for job_id in db::panels::jobs_of(conn, &user_id)? {
                let Some(job) = db::jobs::find(conn, &job_id)? else { continue };
                let mut candidates = Vec::new();
                for stage in [Stage::ScreenReview, Stage::Interview, Stage::FinalConversation, Stage::TeamDecision, Stage::Offer] {
                    let q = db::applications::ListQuery { stage: Some(stage), search: None, sort: db::applications::Sort::ScoreHigh, cursor: db::applications::Cursor::First, per_page: 50 };
                    let (rows, _) = db::applications::list_for_job(conn, &job.id, &q)?;
                    for a in &rows {
                        if stage == Stage::TeamDecision
                            && !db::decisions::for_application(conn, &a.id)?.iter().any(|v| v.voter_id == user_id)
                        {
                            votes_owed.push(json!({ "id": a.id, "name": a.name, "job": job.posting.title }));
                        }
                    }
                    candidates.extend(rows.into_iter().map(|a| json!({ "id": a.id, "name": a.name, "stage": super::words(&stage.label()) })));
                }
                jobs.push(json!({ "id": job.id, "title": job.posting.title, "candidates": candidates }));
            }
            let mut upcoming = Vec::new();
            for i in db::interviews::upcoming_for(conn, &user_id, db::now() - chrono::Duration::hours(12))? {
                let name = db::applications::find(conn, &i.application_id)?.map(|a| a.name).unwrap_or_default();
                let utc = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(i.starts_at, chrono::Utc);
                let when = crate::domain::interview::Schedule::from_stored(utc, &i.timezone, i.duration_minutes.max(0) as u32, &i.location)
                    .map(|s| s.local_time())
                    .unwrap_or_default();
                upcoming.push(json!({ "id": i.id, "name": name, "when": when, "utc": utc.to_rfc3339(), "kind": crate::domain::interview::InterviewKind::parse(&i.kind).map(|k| super::words(&k.label())).unwrap_or_default() }));
            }
            // Scorecards owed: interviews already held, with no scorecard from this person.
            let mut owed = Vec::new();
            for i in db::interviews::upcoming_for(conn, &user_id, chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default())? {
                if i.starts_at > db::now() || db::scorecards::has_submitted(conn, &i.application_id, &user_id)? {
                    continue;
                }
                let name = db::applications::find(conn, &i.application_id)?.map(|a| a.name).unwrap_or_default();
                owed.push(json!({ "id": i.id, "name": name }));
            }
            let reviews: Vec<Value> = crate::flows::review::work_of(conn, &user_id)?
                .into_iter()
                .map(|(job, left, total)| json!({ "id": job.id, "title": job.posting.title, "left": left, "total": total }))
                .collect();
            Ok::<_, DbError>((jobs, upcoming, owed, (votes_owed, reviews)))
        })
        .await
        .web_context("reading your work")?;
    Page::new("pages/admin/home", &super::title("staff-home-title"))
        .staff(&staff.user, "home")
        .render(
            &req,
            &state,
            json!({ "jobs": jobs, "upcoming": upcoming, "owed": owed, "votes_owed": votes_owed, "reviews": reviews, "is_owner": staff.user.is_owner() }),
        )
}
