//! The panel's decision: a vote, counted under the job's rule, and the move
//! it decides, in the caller's transaction.

use crate::db::{self, DbConnection, DbError};
use crate::domain::application::Stage;
use crate::domain::decision::{tally, Ballot, Outcome, Vote};
use crate::domain::job::Job;
use crate::flows::pipeline::{move_one, Mailer, MoveRefused, MoveRequest};
use crate::i18n::Message;

/// Records a panel member's vote and, when the votes decide, moves the
/// candidate to the offer or to rejected. `Ok(Err(message))` when the vote
/// is refused (not at the team decision, or already voted). The
/// application's row is locked first: a concurrent vote waits until this
/// one commits, so each tally counts every vote cast before it.
pub fn cast_vote(
    conn: &mut DbConnection,
    app_id: &str,
    job: &Job,
    voter: &str,
    ballot: &Ballot,
    without_scorecard: bool,
    mailer: &Mailer<'_>,
) -> Result<Result<(), Message>, DbError> {
    let app = db::applications::lock(conn, app_id)?
        .ok_or_else(|| DbError::Corrupt("application vanished".into()))?;
    if app.stage() != Stage::TeamDecision {
        return Ok(Err(Message::new("staff-vote-not-at-decision")));
    }
    let now = db::now();
    if !db::decisions::cast(
        conn,
        app_id,
        voter,
        ballot.vote.as_str(),
        &ballot.reason,
        without_scorecard,
        now,
    )? {
        return Ok(Err(Message::new("staff-vote-already-cast")));
    }
    let panel = db::panels::members(conn, &job.id)?;
    let votes: Vec<Vote> = db::decisions::for_application(conn, app_id)?
        .iter()
        .filter_map(|v| Vote::parse(&v.vote))
        .collect();
    let (outcome, to, reason) = match tally(job.posting.decision_rule, panel.len(), &votes) {
        Outcome::Approved => ("approved", Stage::Offer, "the panel approved"),
        // No email here: a person confirms a rejection email.
        Outcome::Rejected => ("rejected", Stage::Rejected, "the panel decided not to hire"),
        Outcome::Pending { .. } => return Ok(Ok(())),
    };
    let moved = move_one(
        conn,
        &app.id,
        job,
        &MoveRequest::decision(to, reason),
        mailer,
    )?;
    if moved.is_ok() {
        db::webhooks::decision_made(conn, &app.id, &job.id, outcome, to, now)?;
    }
    Ok(moved.map_err(MoveRefused::message))
}
