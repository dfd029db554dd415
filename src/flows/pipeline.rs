//! Moving candidates through the pipeline: one function per thing a person
//! (or the panel's tally) does, run inside the transaction it is given,
//! writing the move, its history, its audit event and its emails together.
//! Called alike by pages, the API and the command line; knows no HTTP.

use serde_json::json;

use crate::db::{self, applications::ApplicationRow, DbConnection, DbError};
use crate::domain::application::Stage;
use crate::domain::job::Job;
use crate::domain::pipeline::{self, MoveKind, StageSettings};
use crate::i18n::Message;
use crate::mail::candidate::{self as candidate_mail, CandidateMessage};

/// The job's stage settings as stored (unknown names are ignored).
pub fn stage_settings(conn: &mut DbConnection, job_id: &str) -> Result<StageSettings, DbError> {
    let names = db::job_pipeline::skipped(conn, job_id)?;
    Ok(StageSettings::parse(&names).unwrap_or_else(|_| StageSettings::all_enabled()))
}

/// Who the candidate's emails come from.
pub struct Mailer<'a> {
    pub company: &'a str,
    /// For links in staff emails (the interview kit).
    pub base_url: &'a str,
    pub mail_domain: &'a str,
}

/// A move a person (or the panel's tally) asks for.
pub struct MoveRequest<'a> {
    pub to: Stage,
    pub how: MoveKind,
    pub actor: &'a str,
    pub reason: &'a str,
    /// The stage the person saw when they chose the move: if someone moved
    /// the candidate since, the move is refused rather than applied to a
    /// stage its author never saw.
    pub seen: Option<Stage>,
    /// Send the kind rejection email (once), with this reason.
    pub rejection_email: Option<&'a str>,
    /// Tell the candidate that the interviews this move cancels are off.
    pub notify_cancellations: bool,
}

impl<'a> MoveRequest<'a> {
    /// A move that follows the panel's votes.
    pub fn decision(to: Stage, reason: &'a str) -> Self {
        Self {
            to,
            how: MoveKind::Decision,
            actor: "panel",
            reason,
            seen: None,
            rejection_email: None,
            notify_cancellations: false,
        }
    }
}

/// Why a move did not happen.
#[derive(Debug)]
pub enum MoveRefused {
    /// The state machine (or the job's settings) does not allow it.
    Rule(Message),
    /// Someone changed the application since the person looked at it.
    Stale(Message),
}

impl MoveRefused {
    pub fn message(self) -> Message {
        match self {
            MoveRefused::Rule(m) | MoveRefused::Stale(m) => m,
        }
    }
}

/// Moves one application, if the state machine allows it; the move, its
/// event, any email and the interviews it cancels commit together.
/// `Ok(Err(message))` when refused. The application's row is locked first,
/// so two people moving the same candidate take turns and the second sees
/// the first's move.
pub fn move_one(
    conn: &mut DbConnection,
    app_id: &str,
    job: &Job,
    req: &MoveRequest<'_>,
    mailer: &Mailer<'_>,
) -> Result<Result<(), MoveRefused>, DbError> {
    let Some(app) = db::applications::lock(conn, app_id)? else {
        return Ok(Err(MoveRefused::Stale(Message::new("staff-move-gone"))));
    };
    let from = app.stage();
    if let Some(seen) = req.seen.filter(|seen| *seen != from) {
        return Ok(Err(MoveRefused::Stale(moved_meanwhile(conn, &app, seen)?)));
    }
    let settings = stage_settings(conn, &job.id)?;
    if let Err(e) = pipeline::check_move(from, req.to, req.how, &settings) {
        return Ok(Err(MoveRefused::Rule(e.message())));
    }
    let now = db::now();
    if !db::applications::move_stage(conn, &app.id, from, req.to, req.actor, req.reason, now)? {
        return Ok(Err(MoveRefused::Stale(Message::new("staff-move-raced"))));
    }
    if let (Stage::Rejected, Some(why)) = (req.to, req.rejection_email) {
        send_rejection(conn, &app, job, req.actor, why, mailer)?;
    }
    if !req.to.is_active() {
        super::interviews::cancel_upcoming(
            conn,
            &app.id,
            req.actor,
            req.notify_cancellations,
            mailer,
            now,
        )?;
    }
    Ok(Ok(()))
}

/// "Ana was moved to Rejected by Fiona 2 minutes ago": why a stale move is refused.
fn moved_meanwhile(
    conn: &mut DbConnection,
    app: &ApplicationRow,
    seen: Stage,
) -> Result<Message, DbError> {
    let last = db::applications::last_event(conn, &app.id)?;
    // `actor` picks the words for who moved them; `by` is a person's name.
    let (actor, by) = match last.as_ref().map(|e| e.actor.as_str()) {
        Some(kind @ ("candidate" | "panel")) => (kind, String::new()),
        Some("system") | None => ("system", String::new()),
        Some(id) => match db::users::find(conn, id)? {
            Some(u) => ("person", u.name),
            None => ("former", String::new()),
        },
    };
    let since = last.as_ref().map(|e| db::now() - e.at);
    Ok(moved_words(
        &app.name,
        app.stage(),
        seen,
        (actor, &by),
        since,
    ))
}

fn moved_words(
    name: &str,
    stage: Stage,
    seen: Stage,
    (actor, by): (&str, &str),
    since: Option<chrono::Duration>,
) -> Message {
    let (unit, n) = since.map_or(("now", 0), ago);
    Message::new("staff-move-moved-meanwhile")
        .arg("name", name)
        .arg("stage", stage.label())
        .arg("seen", seen.label())
        .arg("actor", actor)
        .arg("by", by)
        .arg("unit", unit)
        .count("n", n)
}

/// How long ago, as the unit the message counts in and how many of it.
fn ago(d: chrono::Duration) -> (&'static str, i64) {
    match d.num_minutes() {
        m if m < 1 => ("now", 0),
        m if m < 60 => ("minute", m),
        _ => match d.num_hours() {
            h if h < 48 => ("hour", h),
            _ => ("day", d.num_days()),
        },
    }
}

/// Sends the kind rejection email once per application (a double click,
/// a second person or a retry finds it sent and sends nothing); the send
/// is in the audit trail and the decision page says when it went.
/// False when it had already been sent.
pub fn send_rejection(
    conn: &mut DbConnection,
    app: &ApplicationRow,
    job: &Job,
    actor: &str,
    reason: &str,
    mailer: &Mailer<'_>,
) -> Result<bool, DbError> {
    let now = db::now();
    if !db::decisions::claim_rejection_email(conn, &app.id, actor, now)? {
        return Ok(false);
    }
    let vars = json!({ "name": app.name, "job_title": job.posting.title, "company": mailer.company, "reason": reason });
    candidate_mail::send(
        conn,
        CandidateMessage::Rejection,
        app,
        &vars,
        None,
        mailer.mail_domain,
    )?;
    db::audit::record(
        conn,
        Some(actor),
        "rejection.sent",
        ("application", &app.id),
        "the kind rejection email was sent",
        now,
    )?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_stale_move_says_who_moved_them_and_when() {
        let words = |who, since| {
            moved_words("Ana", Stage::Rejected, Stage::Interview, who, since).english()
        };
        assert_eq!(
            words(("person", "Fiona"), Some(Duration::minutes(2))),
            "Ana was moved to Rejected by Fiona 2 minutes ago (you saw them at Interview). \
             Nothing was changed: check where they stand and choose again."
        );
        let cases = [
            (
                ("candidate", ""),
                Some(Duration::seconds(20)),
                "by the candidate a moment ago (",
            ),
            (
                ("panel", ""),
                Some(Duration::minutes(1)),
                "by the panel's vote a minute ago (",
            ),
            (("system", ""), None, "by Rapport a moment ago ("),
            (
                ("former", ""),
                Some(Duration::minutes(61)),
                "by a former team member an hour ago (",
            ),
            (
                ("person", "Fiona"),
                Some(Duration::hours(47)),
                "by Fiona 47 hours ago (",
            ),
            (
                ("person", "Fiona"),
                Some(Duration::hours(50)),
                "by Fiona 2 days ago (",
            ),
        ];
        for (who, since, expected) in cases {
            assert!(
                words(who, since).contains(expected),
                "{}",
                words(who, since)
            );
        }
    }
}
