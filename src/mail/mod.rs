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
    let payload = serde_json::to_value(payload)
        .map_err(|e| DbError::Corrupt(format!("email payload: {e}")))?;
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
