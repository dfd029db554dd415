//! Who may see which candidate: owners see every application; an
//! interviewer only those of the jobs whose hiring panel they are on.

use crate::db::{self, applications::ApplicationRow, users::User};
use crate::domain::job::Job;
use crate::web::error::{WebContext, WebError};
use crate::web::AppState;

/// An application and its job, if `user` may see it (403 otherwise).
pub async fn application_for(
    state: &AppState,
    user: &User,
    app_id: String,
) -> Result<(ApplicationRow, Job, bool), WebError> {
    let user_id = user.id.clone();
    let found = state
        .db
        .read(move |conn| {
            let Some(app) = db::applications::find(conn, &app_id)? else {
                return Ok(None);
            };
            let Some(job) = db::jobs::find(conn, &app.job_id)? else {
                return Ok(None);
            };
            let on_panel = db::panels::is_member(conn, &job.id, &user_id)?;
            Ok(Some((app, job, on_panel)))
        })
        .await
        .web_context("finding an application")?;
    let (app, job, on_panel) = found.ok_or(WebError::NotFound)?;
    if user.is_owner() || on_panel {
        Ok((app, job, on_panel))
    } else {
        Err(WebError::Forbidden)
    }
}
