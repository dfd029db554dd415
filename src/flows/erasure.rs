//! Erasing a candidate's personal data: at their own request, by an owner
//! on their behalf, or when the job's retention period has passed. Each is
//! the same erasure; only the trail says why.

use chrono::NaiveDateTime;

use crate::db::applications::ApplicationRow;
use crate::db::{self, DbConnection, DbError};
use crate::domain::interview::{ics_event, IcsMethod, InterviewKind, Invitation, Schedule};
use crate::i18n::Message;
use crate::mail::{self, EmailKind};

/// What is left to do once an erasure has committed.
#[derive(Debug)]
#[must_use = "the CV file must be deleted after the commit"]
pub struct Erased {
    pub job_id: String,
    pub cv_file: Option<String>,
}

/// Why an application is erased, and by whom: the audit trail keeps this
/// (never who the candidate was).
#[derive(Debug, Clone, Copy)]
pub enum Why<'a> {
    CandidateAsked,
    /// An owner acting on a candidate's request made by other means.
    OwnerOnRequest {
        owner_id: &'a str,
    },
    RetentionPassed,
}

impl Why<'_> {
    fn actor(&self) -> Option<&str> {
        match self {
            Why::OwnerOnRequest { owner_id } => Some(owner_id),
            Why::CandidateAsked | Why::RetentionPassed => None,
        }
    }

    fn detail(&self) -> &'static str {
        match self {
            Why::CandidateAsked => "an application was erased at the candidate's request",
            Why::OwnerOnRequest { .. } => {
                "an application was erased by an owner at the candidate's request"
            }
            Why::RetentionPassed => {
                "an application was erased when the job's retention period ended"
            }
        }
    }

    /// The reason a `candidate.erased` webhook gives, as a code.
    fn code(&self) -> &'static str {
        match self {
            Why::CandidateAsked => "candidate_request",
            Why::OwnerOnRequest { .. } => "owner_on_request",
            Why::RetentionPassed => "retention",
        }
    }

    /// Why the interview is off: the code the interviewers' messages
    /// choose their words by.
    fn calendar_note(&self) -> &'static str {
        match self {
            Why::CandidateAsked | Why::OwnerOnRequest { .. } => "request",
            Why::RetentionPassed => "retention",
        }
    }
}

/// Erases an application: the application and everything hanging from it
/// are deleted, emails to or about the candidate are cancelled or emptied,
/// upcoming interviews are taken out of the interviewers' calendars, and
/// the audit trail keeps who did what without the words that named them.
/// What stays is an anonymous "an application was erased" event on the
/// job, so counts can still be reported. Returns `None` when there was
/// nothing (left) to erase.
pub fn erase(
    conn: &mut DbConnection,
    application_id: &str,
    why: Why<'_>,
    mail_domain: &str,
    now: NaiveDateTime,
) -> Result<Option<Erased>, DbError> {
    // Locked: two erasures at once (a double click, two instances'
    // retention tasks) erase and record it once.
    let Some(app) = db::applications::lock(conn, application_id)? else {
        return Ok(None);
    };
    db::outbox::scrub_mentions(conn, &app.email, &app.name)?;
    let interviews = db::interviews::for_application(conn, &app.id)?;
    cancel_for_interviewers(conn, &app, &interviews, why, mail_domain, now)?;
    let mut subjects = vec![app.id.clone()];
    subjects.extend(interviews.into_iter().map(|i| i.id));
    db::audit::scrub(conn, &subjects, &[&app.email, &app.name])?;
    let cv_file = db::applications::delete(conn, &app.id)?;
    db::audit::record(
        conn,
        why.actor(),
        "application.erased",
        ("job", &app.job_id),
        why.detail(),
        now,
    )?;
    db::webhooks::candidate_erased(conn, &app.id, &app.job_id, why.code(), now)?;
    Ok(Some(Erased {
        job_id: app.job_id,
        cv_file,
    }))
}

/// Takes the erased candidate's upcoming interviews out of the
/// interviewers' calendars: a cancellation with the same UID, which names
/// the job and the kind of interview but not the person.
fn cancel_for_interviewers(
    conn: &mut DbConnection,
    app: &ApplicationRow,
    interviews: &[db::interviews::Interview],
    why: Why<'_>,
    mail_domain: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let upcoming: Vec<_> = interviews
        .iter()
        .filter(|i| i.status == db::interviews::SCHEDULED && i.starts_at > now)
        .collect();
    if upcoming.is_empty() {
        return Ok(());
    }
    let job_title = db::jobs::find(conn, &app.job_id)?
        .map(|j| j.posting.title)
        .unwrap_or_default();
    let users = db::users::list(conn)?;
    for interview in upcoming {
        let at = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(
            interview.starts_at,
            chrono::Utc,
        );
        let Some(schedule) = Schedule::from_stored(
            at,
            &interview.timezone,
            interview.duration_minutes.max(0) as u32,
            &interview.location,
        ) else {
            continue;
        };
        let kind = InterviewKind::parse(&interview.kind).map_or_else(
            || Message::new("staff-interview-kind-unknown"),
            InterviewKind::label,
        );
        let ids = db::interviews::interviewers(conn, &interview.id)?;
        let interviewers: Vec<(&str, &str)> = users
            .iter()
            .filter(|u| ids.contains(&u.id))
            .map(|u| (u.name.as_str(), u.email.as_str()))
            .collect();
        let organizer = users.iter().find(|u| u.id == interview.created_by);
        // Staff emails are in English, the staff pages' language.
        let summary = Message::new("staff-mail-erased-summary")
            .arg("kind", &kind)
            .arg("title", &job_title)
            .english();
        let reason = Message::new("staff-mail-erased-note")
            .arg("why", why.calendar_note())
            .english();
        let ics = ics_event(&Invitation {
            uid: &interview.uid,
            sequence: interview.sequence.max(0) as u32 + 1,
            stamp: chrono::Utc::now(),
            schedule: &schedule,
            summary: &summary,
            description: &reason,
            organizer_name: organizer.map(|u| u.name.as_str()).unwrap_or(""),
            organizer_email: organizer.map(|u| u.email.as_str()).unwrap_or(""),
            attendees: &interviewers,
            method: IcsMethod::Cancel,
        });
        let body = Message::new("staff-mail-erased-body")
            .arg("kind", &kind)
            .arg("title", &job_title)
            .arg("when", schedule.local_time())
            .arg("utc", at.format("%Y-%m-%d %H:%M"))
            .arg("why", why.calendar_note())
            .english();
        for (_, email) in &interviewers {
            mail::queue(
                conn,
                EmailKind::InterviewerInvitation,
                email,
                &mail::candidate::payload(
                    &summary,
                    &body,
                    Some((&ics, IcsMethod::Cancel.as_str())),
                ),
                mail_domain,
            )?;
        }
    }
    Ok(())
}

/// Erases, one application per transaction, every candidate of the jobs
/// whose retention period has passed at `now`, and returns what to do after
/// each commit: the CV files to delete. A failure leaves the rest for the
/// next run.
pub fn past_retention(conn: &mut DbConnection, now: NaiveDateTime) -> Result<Vec<String>, DbError> {
    let mut due = Vec::new();
    for job_id in db::jobs::past_retention(conn, now)? {
        due.extend(db::applications::ids_for_job(conn, &job_id)?);
    }
    Ok(due)
}
