//! Email: queue in the outbox (inside the caller's transaction), render
//! from templates, deliver by SMTP or to files, retry with back-off.

pub mod candidate;
pub mod render;
pub mod transport;
pub mod worker;

use serde::Serialize;

use crate::db::{self, DbConnection, DbError};

/// The emails Rapport sends, each with subject, text and HTML templates
/// under `templates/emails/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailKind {
    StaffInvitation,
    /// A link for a staff member to choose a new password.
    PasswordReset,
    /// To a candidate who applied: confirmation, and the personal link when there are questions.
    ApplicationReceived,
    /// The next tier's questions, after a round passed.
    ScreeningNextRound,
    /// A new personal link, asked for by the candidate.
    CandidateLink,
    /// A kind decline after a screen below the pass mark, only when the job
    /// acts on the screen automatically.
    ScreenDeclined,
    /// A message rendered when queued (from a job's editable text), maybe
    /// with a calendar invitation: interview, rejection, offer.
    CandidateMessage,
    /// A calendar invitation to an interviewer.
    InterviewerInvitation,
}

impl EmailKind {
    pub fn template(self) -> &'static str {
        match self {
            EmailKind::StaffInvitation => "staff_invitation",
            EmailKind::PasswordReset => "password_reset",
            EmailKind::ApplicationReceived => "application_received",
            EmailKind::ScreeningNextRound => "screening_next_round",
            EmailKind::CandidateLink => "candidate_link",
            EmailKind::ScreenDeclined => "screen_declined",
            EmailKind::CandidateMessage => "candidate_message",
            EmailKind::InterviewerInvitation => "candidate_message",
        }
    }

    /// Whether the email goes to a candidate (who may answer it).
    pub fn to_candidate(self) -> bool {
        !matches!(
            self,
            EmailKind::StaffInvitation | EmailKind::InterviewerInvitation
        )
    }
}

/// Queues an email on `conn`: call it inside the transaction of the change
/// that causes it, so both commit or neither does.
pub fn queue(
    conn: &mut DbConnection,
    kind: EmailKind,
    recipient: &str,
    payload: &impl Serialize,
    mail_domain: &str,
) -> Result<String, DbError> {
    let mut payload = serde_json::to_value(payload)
        .map_err(|e| DbError::Corrupt(format!("email payload: {e}")))?;
    // A candidate's answer reaches a person only through the company's
    // reply address: every candidate email carries it, when there is one.
    if kind.to_candidate() {
        if let (Some(reply_to), Some(fields)) =
            (db::settings::reply_to(conn)?, payload.as_object_mut())
        {
            fields.insert("reply_to".into(), serde_json::Value::String(reply_to));
        }
    }
    let message_id = format!("<{}@{}>", db::new_id(), mail_domain);
    db::outbox::enqueue(
        conn,
        kind.template(),
        recipient,
        &payload,
        &message_id,
        db::now(),
    )
}
