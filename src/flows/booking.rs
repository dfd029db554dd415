//! Self-scheduling: staff offer a candidate the times every chosen
//! interviewer is free, the candidate books one through a link, and may
//! move or cancel it until the offer's cutoff. Each step is one
//! transaction; bookings of the same interviewers are serialised, so a
//! time taken meanwhile is refused rather than double-booked.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::json;

use crate::db::{self, bookings::OfferRow, DbConnection, DbError};
use crate::domain::application::Stage;
use crate::domain::booking::{self, Availability, OfferTerms};
use crate::domain::interview::{IcsMethod, InterviewKind};
use crate::flows::interviews::{schedule, send_invitations};
use crate::flows::pipeline::Mailer;
use crate::mail::candidate::{self as candidate_mail, CandidateMessage};
use crate::security::token::{hash_token, random_token};

/// What staff ask for when they offer times.
pub struct OfferRequest<'a> {
    pub application_id: &'a str,
    pub kind: InterviewKind,
    pub interviewers: &'a [String],
    pub terms: OfferTerms,
    pub actor: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Offered {
    /// The link was emailed to the candidate with this many times.
    Sent {
        times: usize,
    },
    NoSuchApplication,
    /// Times are offered only to candidates at an interview stage.
    NotAtInterviewStage,
    NotOnPanel,
    /// No time suits every chosen interviewer in the period.
    NoFreeTime,
}

/// Offers the candidate the times every chosen interviewer is free over
/// the next days, and emails them the link to choose one.
pub fn offer(
    conn: &mut DbConnection,
    mailer: &Mailer<'_>,
    req: &OfferRequest<'_>,
    now: NaiveDateTime,
) -> Result<Offered, DbError> {
    let Some(app) = db::applications::lock(conn, req.application_id)? else {
        return Ok(Offered::NoSuchApplication);
    };
    if !matches!(app.stage(), Stage::Interview | Stage::FinalConversation) {
        return Ok(Offered::NotAtInterviewStage);
    }
    let panel = db::panels::members(conn, &app.job_id)?;
    if req.interviewers.is_empty() || req.interviewers.iter().any(|i| !panel.contains(i)) {
        return Ok(Offered::NotOnPanel);
    }
    let from = now.and_utc() + booking::MIN_NOTICE;
    let until = now.and_utc() + chrono::Duration::days(i64::from(req.terms.days_ahead));
    let people = availability(conn, req.interviewers, now)?;
    let times = booking::free_slots(&people, from, until, req.terms.duration_minutes);
    if times.is_empty() {
        return Ok(Offered::NoFreeTime);
    }
    let token = random_token();
    let slots: Vec<NaiveDateTime> = times.iter().map(|t| t.naive_utc()).collect();
    db::bookings::insert_offer(
        conn,
        db::bookings::NewOffer {
            application_id: &app.id,
            token_hash: &hash_token(&token),
            kind: req.kind.as_str(),
            duration_minutes: req.terms.duration_minutes as i32,
            location: &req.terms.location,
            timezone: req.terms.timezone.name(),
            cutoff_hours: req.terms.cutoff_hours as i32,
            created_by: req.actor,
            interviewers: req.interviewers,
            slots: &slots,
        },
        now,
    )?;
    let job = db::jobs::find(conn, &app.job_id)?
        .ok_or_else(|| DbError::Corrupt("application without job".into()))?;
    candidate_mail::send(
        conn,
        CandidateMessage::BookingInvitation,
        &app,
        &json!({
            "name": app.name, "job_title": job.posting.title, "company": mailer.company,
            "booking_link": format!("{}/book/{token}", mailer.base_url),
            "decided": false,
        }),
        None,
        mailer.mail_domain,
    )?;
    db::audit::record(
        conn,
        Some(req.actor),
        "interview.times_offered",
        ("application", &app.id),
        &format!("{} times offered", times.len()),
        now,
    )?;
    Ok(Offered::Sent { times: times.len() })
}

/// Each interviewer's windows and the interviews they already have.
fn availability(
    conn: &mut DbConnection,
    interviewers: &[String],
    now: NaiveDateTime,
) -> Result<Vec<Availability>, DbError> {
    let windows = db::bookings::windows_of(conn, interviewers)?;
    interviewers
        .iter()
        .map(|id| {
            Ok(Availability {
                windows: windows
                    .iter()
                    .filter(|w| &w.user_id == id)
                    .filter_map(|w| w.window())
                    .collect(),
                busy: db::bookings::busy_times(conn, id, now)?,
            })
        })
        .collect()
}

/// What a candidate sees behind their link.
#[derive(Debug)]
pub struct Offer {
    pub offer: OfferRow,
    pub candidate_timezone: String,
    /// The offered times still free for them (their own booking included),
    /// earliest first.
    pub free: Vec<DateTime<Utc>>,
    /// Their booking, if they made one.
    pub booked: Option<DateTime<Utc>>,
    /// Whether they may still book, move or cancel.
    pub can_change: bool,
}

/// The offer behind a link, with the times still free; `None` for a link
/// that does not exist (or whose candidate was erased).
pub fn view(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> Result<Option<Offer>, DbError> {
    let Some(offer) = db::bookings::by_token(conn, &hash_token(token))? else {
        return Ok(None);
    };
    let Some(app) = db::applications::find(conn, &offer.application_id)? else {
        return Ok(None);
    };
    let booked = booked_interview(conn, &offer)?.map(|i| i.starts_at.and_utc());
    let interviewers = db::bookings::interviewers(conn, &offer.id)?;
    let mut people = availability(conn, &interviewers, now)?;
    // Their own interview does not make its own time busy.
    if let Some(at) = booked {
        for person in &mut people {
            person.busy.retain(|b| b.starts != at);
        }
    }
    let length = chrono::Duration::minutes(i64::from(offer.duration_minutes));
    let free = db::bookings::slots(conn, &offer.id)?
        .into_iter()
        .map(|t| t.and_utc())
        .filter(|t| *t > now.and_utc())
        .filter(|t| {
            people
                .iter()
                .all(|p| !p.busy.iter().any(|b| b.starts < *t + length && *t < b.ends))
        })
        .collect();
    let can_change = app.stage().is_active()
        && booked.is_none_or(|at| {
            booking::can_change(at, offer.cutoff_hours.max(0) as u32, now.and_utc())
        });
    Ok(Some(Offer {
        candidate_timezone: app.timezone.clone(),
        offer,
        free,
        booked,
        can_change,
    }))
}

fn booked_interview(
    conn: &mut DbConnection,
    offer: &OfferRow,
) -> Result<Option<db::interviews::Interview>, DbError> {
    let Some(id) = &offer.interview_id else {
        return Ok(None);
    };
    Ok(db::interviews::find(conn, id)?.filter(|i| i.status == db::interviews::SCHEDULED))
}

#[derive(Debug, PartialEq, Eq)]
pub enum Booked {
    Booked,
    Moved,
    /// The same time again (a double click): nothing changes.
    Unchanged,
    NoSuchLink,
    /// Not one of the offered times, or already past.
    NotOffered,
    /// Another candidate booked an interviewer at that time meanwhile.
    Taken,
    /// Too close to the booked interview to move it, or the application
    /// has ended.
    TooLate,
}

/// Books (or moves the booking to) the offered time `at`.
pub fn book(
    conn: &mut DbConnection,
    mailer: &Mailer<'_>,
    token: &str,
    at: DateTime<Utc>,
    now: NaiveDateTime,
) -> Result<Booked, DbError> {
    let Some(offer) = db::bookings::lock_by_token(conn, &hash_token(token))? else {
        return Ok(Booked::NoSuchLink);
    };
    let Some(app) = db::applications::find(conn, &offer.application_id)? else {
        return Ok(Booked::NoSuchLink);
    };
    let current = booked_interview(conn, &offer)?;
    let at_naive = at.naive_utc();
    if current.as_ref().is_some_and(|i| i.starts_at == at_naive) {
        return Ok(Booked::Unchanged);
    }
    let cutoff = offer.cutoff_hours.max(0) as u32;
    if !app.stage().is_active()
        || current
            .as_ref()
            .is_some_and(|i| !booking::can_change(i.starts_at.and_utc(), cutoff, now.and_utc()))
    {
        return Ok(Booked::TooLate);
    }
    if at <= now.and_utc() || !db::bookings::slots(conn, &offer.id)?.contains(&at_naive) {
        return Ok(Booked::NotOffered);
    }
    let interviewers = db::bookings::interviewers(conn, &offer.id)?;
    db::bookings::lock_interviewers(conn, &interviewers)?;
    let length = chrono::Duration::minutes(i64::from(offer.duration_minutes));
    for id in &interviewers {
        let taken = db::bookings::busy_times(conn, id, now)?
            .into_iter()
            .any(|b| {
                let own = current
                    .as_ref()
                    .is_some_and(|i| i.starts_at.and_utc() == b.starts);
                !own && b.starts < at + length && at < b.ends
            });
        if taken {
            return Ok(Booked::Taken);
        }
    }
    match current {
        None => {
            let interview = schedule(
                conn,
                mailer,
                db::interviews::NewInterview {
                    application_id: &app.id,
                    kind: &offer.kind,
                    starts_at: at_naive,
                    timezone: &offer.timezone,
                    duration_minutes: offer.duration_minutes,
                    location: &offer.location,
                    interviewers: &interviewers,
                    created_by: &offer.created_by,
                    uid_domain: mailer.mail_domain,
                },
                None,
                now,
            )?;
            db::bookings::set_interview(conn, &offer.id, Some(&interview.id))?;
            Ok(Booked::Booked)
        }
        Some(interview) => {
            db::interviews::reschedule(
                conn,
                &interview.id,
                at_naive,
                &interview.timezone,
                interview.duration_minutes,
                &interview.location,
                now,
            )?;
            let moved = db::interviews::find(conn, &interview.id)?
                .ok_or_else(|| DbError::Corrupt("interview vanished".into()))?;
            send_invitations(
                conn,
                mailer,
                &moved,
                CandidateMessage::InterviewUpdate,
                IcsMethod::Request,
                true,
            )?;
            db::audit::record(
                conn,
                None,
                "interview.rescheduled",
                ("application", &app.id),
                "the candidate moved their booking",
                now,
            )?;
            Ok(Booked::Moved)
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Cancelled {
    Cancelled,
    NothingBooked,
    NoSuchLink,
    TooLate,
}

/// Cancels the candidate's booking; they may book another offered time.
pub fn cancel(
    conn: &mut DbConnection,
    mailer: &Mailer<'_>,
    token: &str,
    now: NaiveDateTime,
) -> Result<Cancelled, DbError> {
    let Some(offer) = db::bookings::lock_by_token(conn, &hash_token(token))? else {
        return Ok(Cancelled::NoSuchLink);
    };
    let Some(interview) = booked_interview(conn, &offer)? else {
        return Ok(Cancelled::NothingBooked);
    };
    let cutoff = offer.cutoff_hours.max(0) as u32;
    if !booking::can_change(interview.starts_at.and_utc(), cutoff, now.and_utc()) {
        return Ok(Cancelled::TooLate);
    }
    db::interviews::cancel(conn, &interview.id, now)?;
    db::bookings::set_interview(conn, &offer.id, None)?;
    let cancelled = db::interviews::find(conn, &interview.id)?
        .ok_or_else(|| DbError::Corrupt("interview vanished".into()))?;
    send_invitations(
        conn,
        mailer,
        &cancelled,
        CandidateMessage::InterviewCancelled,
        IcsMethod::Cancel,
        true,
    )?;
    db::audit::record(
        conn,
        None,
        "interview.cancelled",
        ("interview", &interview.id),
        "the candidate cancelled their booking",
        now,
    )?;
    Ok(Cancelled::Cancelled)
}
