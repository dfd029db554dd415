//! Interview emails and cancellations that follow from what a person did:
//! run inside the caller's transaction, knowing no HTTP.

use serde_json::json;

use crate::db::{self, interviews::Interview, DbConnection, DbError};
use crate::domain::interview::{ics_event, IcsMethod, InterviewKind, Invitation, Schedule};
use crate::flows::pipeline::Mailer;
use crate::i18n::Message;
use crate::mail::candidate::{self as candidate_mail, CandidateMessage};
use crate::mail::{self, EmailKind};

/// The interview's schedule as stored.
pub fn schedule_of(i: &Interview) -> Result<Schedule, DbError> {
    let utc = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(i.starts_at, chrono::Utc);
    Schedule::from_stored(
        utc,
        &i.timezone,
        i.duration_minutes.max(0) as u32,
        &i.location,
    )
    .ok_or_else(|| DbError::Corrupt(format!("interview {} schedule", i.id)))
}

/// Schedules an interview and sends its invitations (the candidate's from
/// the job's editable text), recording who did it: staff on the
/// application page, or the candidate booking an offered time (`actor`
/// `None`).
pub fn schedule(
    conn: &mut DbConnection,
    mailer: &Mailer<'_>,
    new: db::interviews::NewInterview<'_>,
    actor: Option<&str>,
    now: chrono::NaiveDateTime,
) -> Result<Interview, DbError> {
    let interview = db::interviews::insert(conn, new, now)?;
    send_invitations(
        conn,
        mailer,
        &interview,
        CandidateMessage::InterviewInvitation,
        IcsMethod::Request,
        true,
    )?;
    db::audit::record(
        conn,
        actor,
        "interview.scheduled",
        ("application", &interview.application_id),
        &interview.id,
        now,
    )?;
    Ok(interview)
}

/// Queues the calendar emails for an interview: to the candidate (from the
/// job's editable text), unless `notify_candidate` is false, and to each
/// interviewer, with a link to the kit.
pub fn send_invitations(
    conn: &mut DbConnection,
    mailer: &Mailer<'_>,
    interview: &Interview,
    message: CandidateMessage,
    method: IcsMethod,
    notify_candidate: bool,
) -> Result<(), DbError> {
    let (state_company, base_url, mail_domain) =
        (mailer.company, mailer.base_url, mailer.mail_domain);
    let app = db::applications::find(conn, &interview.application_id)?
        .ok_or_else(|| DbError::Corrupt("interview without application".into()))?;
    let job = db::jobs::find(conn, &app.job_id)?
        .ok_or_else(|| DbError::Corrupt("application without job".into()))?;
    let users = db::users::list(conn)?;
    let interviewer_ids = db::interviews::interviewers(conn, &interview.id)?;
    let interviewers: Vec<&db::users::User> = users
        .iter()
        .filter(|u| interviewer_ids.contains(&u.id))
        .collect();
    let organizer = users.iter().find(|u| u.id == interview.created_by);
    let schedule = schedule_of(interview)?;
    let kind = InterviewKind::parse(&interview.kind).unwrap_or(InterviewKind::Culture);
    let mut attendees: Vec<(&str, &str)> = vec![(app.name.as_str(), app.email.as_str())];
    attendees.extend(
        interviewers
            .iter()
            .map(|u| (u.name.as_str(), u.email.as_str())),
    );
    let event = |summary: &str, description: &str| {
        ics_event(&Invitation {
            uid: &interview.uid,
            sequence: interview.sequence.max(0) as u32,
            stamp: chrono::Utc::now(),
            schedule: &schedule,
            summary,
            description,
            organizer_name: organizer.map(|u| u.name.as_str()).unwrap_or(""),
            organizer_email: organizer
                .map(|u| u.email.as_str())
                .unwrap_or("rapport@localhost"),
            attendees: &attendees,
            method,
        })
    };
    // The team's copy names the kind of interview ("Role-play: a furious
    // customer"); the candidate's must not give the exercise away.
    // Staff emails are in English, the staff pages' language.
    let ics = event(
        &Message::new("staff-mail-interview-ics-summary")
            .arg("kind", kind.label())
            .arg("title", &job.posting.title)
            .arg("name", &app.name)
            .english(),
        &Message::new("staff-mail-interview-ics-description")
            .arg("kind", kind.label())
            .arg("company", state_company)
            .arg("title", &job.posting.title)
            .english(),
    );
    let candidate_ics = event(
        &Message::new("email-interview-ics-summary")
            .arg("company", state_company)
            .arg("title", &job.posting.title)
            .text(app.locale()),
        &Message::new("email-interview-ics-description")
            .arg("company", state_company)
            .arg("title", &job.posting.title)
            .text(app.locale()),
    );
    let names = interviewers
        .iter()
        .map(|u| u.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let vars = json!({
        "name": app.name, "job_title": job.posting.title, "company": state_company,
        "when": candidate_mail::when_for_candidate(schedule.starts_at_utc(), &app.timezone, schedule.timezone(), app.locale()),
        "location": schedule.location(), "interviewers": names,
        // Hired, rejected or withdrawn: no "we will be in touch".
        "decided": !app.stage().is_active(),
    });
    if notify_candidate {
        candidate_mail::send(
            conn,
            message,
            &app,
            &vars,
            Some((&candidate_ics, method.as_str())),
            mail_domain,
        )?;
    }
    // What happened, in the subject's first word and the body's.
    let what = match (method, message) {
        (IcsMethod::Cancel, _) => "cancelled",
        (_, CandidateMessage::InterviewUpdate) => "rescheduled",
        _ => "scheduled",
    };
    let kit = format!("{base_url}/admin/interviews/{}", interview.id);
    for u in interviewers {
        let subject = Message::new("staff-mail-interview-subject")
            .arg("what", what)
            .arg("name", &app.name)
            .arg("kind", kind.label())
            .english();
        let body = Message::new("staff-mail-interview-body")
            .arg("what", what)
            .arg("kind", kind.label())
            .arg("name", &app.name)
            .arg("title", &job.posting.title)
            .arg("when", schedule.local_time())
            .arg("utc", schedule.starts_at_utc().format("%Y-%m-%d %H:%M"))
            .arg("location", schedule.location())
            .arg("kit", &kit)
            .english();
        mail::queue(
            conn,
            EmailKind::InterviewerInvitation,
            &u.email,
            &candidate_mail::payload(&subject, &body, Some((&ics, method.as_str()))),
            mail_domain,
        )?;
    }
    Ok(())
}

/// Cancels a candidate's interviews that have not happened yet (they were
/// hired, rejected or withdrew): the interviewers' calendars are updated,
/// and the candidate is told when `notify_candidate`. Returns how many.
pub fn cancel_upcoming(
    conn: &mut DbConnection,
    application_id: &str,
    actor: &str,
    notify_candidate: bool,
    mailer: &Mailer<'_>,
    now: chrono::NaiveDateTime,
) -> Result<usize, DbError> {
    let upcoming: Vec<Interview> = db::interviews::for_application(conn, application_id)?
        .into_iter()
        .filter(|i| i.status == db::interviews::SCHEDULED && i.starts_at > now)
        .collect();
    let mut cancelled = 0;
    for interview in upcoming {
        if !db::interviews::cancel(conn, &interview.id, now)? {
            continue;
        }
        let updated = db::interviews::find(conn, &interview.id)?
            .ok_or_else(|| DbError::Corrupt("interview vanished".into()))?;
        send_invitations(
            conn,
            mailer,
            &updated,
            CandidateMessage::InterviewCancelled,
            IcsMethod::Cancel,
            notify_candidate,
        )?;
        db::audit::record(
            conn,
            Some(actor),
            "interview.cancelled",
            ("interview", &interview.id),
            "the candidate's application ended",
            now,
        )?;
        cancelled += 1;
    }
    Ok(cancelled)
}
