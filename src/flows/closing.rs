//! Closing a job, and what becomes of the candidates still in progress, in
//! the caller's transaction.

use crate::db::{self, DbConnection, DbError};
use crate::domain::application::Stage;
use crate::domain::job::{CloseReason, Job};
use crate::domain::pipeline::MoveKind;
use crate::flows::pipeline::{move_one, Mailer, MoveRequest};
use crate::i18n::{Locale, Message};

/// How the candidates still in progress are let go when their job closes.
pub struct Rejection {
    /// What they read in the kind email.
    pub reason: String,
    pub send_email: bool,
    /// Tell them their upcoming interviews are cancelled.
    pub notify_interviews: bool,
}

/// What candidates let go read when nobody wrote a reason.
pub fn default_reason(reason: CloseReason) -> Message {
    Message::new(match reason {
        CloseReason::Filled => "email-close-reason-filled",
        CloseReason::Cancelled => "email-close-reason-cancelled",
    })
}

/// Closes an open job and, when `remaining` says so, rejects everyone
/// still in progress (their emails and interview cancellations with it).
/// False when the job was no longer open.
pub fn close_job(
    conn: &mut DbConnection,
    job: &Job,
    reason: CloseReason,
    actor: &str,
    remaining: Option<&Rejection>,
    mailer: &Mailer<'_>,
) -> Result<bool, DbError> {
    let now = db::now();
    if !db::jobs::close(conn, &job.id, reason, now)? {
        return Ok(false);
    }
    db::audit::record(
        conn,
        Some(actor),
        "job.closed",
        ("job", &job.id),
        reason.as_str(),
        now,
    )?;
    let Some(rejection) = remaining else {
        return Ok(true);
    };
    let history = format!("the job closed ({})", reason.as_str());
    // The default reason, left as the form offered it (in any language) or
    // left out, reaches each candidate in their own language.
    let default = default_reason(reason);
    let typed = rejection.reason.trim();
    let typed =
        (!typed.is_empty() && Locale::all().all(|l| default.text(l) != typed)).then_some(typed);
    // Read inside the transaction: whoever is still in progress now, not
    // when the confirmation page was drawn.
    for app in db::applications::active_for_job(conn, &job.id)? {
        let why = typed.map_or_else(|| default.text(app.locale()), str::to_string);
        let request = MoveRequest {
            to: Stage::Rejected,
            how: MoveKind::Manual,
            actor,
            reason: &history,
            seen: None,
            rejection_email: rejection.send_email.then_some(why.as_str()),
            notify_cancellations: rejection.notify_interviews,
        };
        // A candidate moved meanwhile is simply left where they are.
        let _ = move_one(conn, &app.id, job, &request, mailer)?;
    }
    Ok(true)
}
