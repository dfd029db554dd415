//! Scheduled interviews and who runs them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::{interview_interviewers, interview_kits, interviews};
use super::{new_id, DbConnection, DbError, QueryContext};

pub const SCHEDULED: &str = "scheduled";
pub const CANCELLED: &str = "cancelled";

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = interviews)]
pub struct Interview {
    pub id: String,
    pub application_id: String,
    pub kind: String,
    pub starts_at: NaiveDateTime,
    pub timezone: String,
    pub duration_minutes: i32,
    pub location: String,
    pub uid: String,
    pub sequence: i32,
    pub status: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub struct NewInterview<'a> {
    pub application_id: &'a str,
    pub kind: &'a str,
    pub starts_at: NaiveDateTime,
    pub timezone: &'a str,
    pub duration_minutes: i32,
    pub location: &'a str,
    pub interviewers: &'a [String],
    pub created_by: &'a str,
    pub uid_domain: &'a str,
}

pub fn insert(
    conn: &mut DbConnection,
    n: NewInterview<'_>,
    now: NaiveDateTime,
) -> Result<Interview, DbError> {
    let id = new_id();
    diesel::insert_into(interviews::table)
        .values((
            interviews::id.eq(&id),
            interviews::application_id.eq(n.application_id),
            interviews::kind.eq(n.kind),
            interviews::starts_at.eq(n.starts_at),
            interviews::timezone.eq(n.timezone),
            interviews::duration_minutes.eq(n.duration_minutes),
            interviews::location.eq(n.location),
            interviews::uid.eq(format!("{id}@{}", n.uid_domain)),
            interviews::sequence.eq(0),
            interviews::status.eq(SCHEDULED),
            interviews::created_by.eq(n.created_by),
            interviews::created_at.eq(now),
            interviews::updated_at.eq(now),
        ))
        .execute(conn)
        .context("scheduling an interview")?;
    set_interviewers(conn, &id, n.interviewers)?;
    find(conn, &id)?.ok_or_else(|| DbError::Corrupt("interview vanished".into()))
}

pub fn set_interviewers(
    conn: &mut DbConnection,
    interview_id: &str,
    users: &[String],
) -> Result<(), DbError> {
    diesel::delete(
        interview_interviewers::table.filter(interview_interviewers::interview_id.eq(interview_id)),
    )
    .execute(conn)
    .context("clearing interviewers")?;
    for u in users {
        diesel::insert_into(interview_interviewers::table)
            .values((
                interview_interviewers::interview_id.eq(interview_id),
                interview_interviewers::user_id.eq(u),
            ))
            .execute(conn)
            .context("adding an interviewer")?;
    }
    Ok(())
}

/// Moves an interview; the calendar event keeps its UID and gets the next SEQUENCE.
pub fn reschedule(
    conn: &mut DbConnection,
    id: &str,
    starts_at: NaiveDateTime,
    timezone: &str,
    duration_minutes: i32,
    location: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        interviews::table
            .find(id)
            .filter(interviews::status.eq(SCHEDULED)),
    )
    .set((
        interviews::starts_at.eq(starts_at),
        interviews::timezone.eq(timezone),
        interviews::duration_minutes.eq(duration_minutes),
        interviews::location.eq(location),
        interviews::sequence.eq(interviews::sequence + 1),
        interviews::updated_at.eq(now),
    ))
    .execute_cached(conn)
    .context("rescheduling an interview")?;
    Ok(n == 1)
}

pub fn cancel(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let n = diesel::update(
        interviews::table
            .find(id)
            .filter(interviews::status.eq(SCHEDULED)),
    )
    .set((
        interviews::status.eq(CANCELLED),
        interviews::sequence.eq(interviews::sequence + 1),
        interviews::updated_at.eq(now),
    ))
    .execute_cached(conn)
    .context("cancelling an interview")?;
    Ok(n == 1)
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<Interview>, DbError> {
    interviews::table
        .find(id)
        .select(Interview::as_select())
        .first(conn)
        .optional()
        .context("finding an interview")
}

pub fn for_application(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Vec<Interview>, DbError> {
    interviews::table
        .filter(interviews::application_id.eq(application_id))
        .order(interviews::starts_at.asc())
        .select(Interview::as_select())
        .load(conn)
        .context("listing interviews")
}

pub fn interviewers(conn: &mut DbConnection, interview_id: &str) -> Result<Vec<String>, DbError> {
    interview_interviewers::table
        .filter(interview_interviewers::interview_id.eq(interview_id))
        .select(interview_interviewers::user_id)
        .load(conn)
        .context("listing interviewers")
}

/// A user's scheduled interviews from `from` on, soonest first.
pub fn upcoming_for(
    conn: &mut DbConnection,
    user_id: &str,
    from: NaiveDateTime,
) -> Result<Vec<Interview>, DbError> {
    let ids: Vec<String> = interview_interviewers::table
        .filter(interview_interviewers::user_id.eq(user_id))
        .select(interview_interviewers::interview_id)
        .load(conn)
        .context("listing a user's interviews")?;
    interviews::table
        .filter(interviews::id.eq_any(ids))
        .filter(interviews::status.eq(SCHEDULED))
        .filter(interviews::starts_at.ge(from))
        .order(interviews::starts_at.asc())
        .select(Interview::as_select())
        .load(conn)
        .context("listing a user's interviews")
}

/// An owner's edit of a kit: (title, intro, questions as JSON list).
pub fn kit(
    conn: &mut DbConnection,
    kind: &str,
) -> Result<Option<(String, String, Vec<String>)>, DbError> {
    let row: Option<(String, String, String)> = interview_kits::table
        .find(kind)
        .select((
            interview_kits::title,
            interview_kits::intro,
            interview_kits::questions,
        ))
        .first(conn)
        .optional()
        .context("reading an interview kit")?;
    row.map(|(t, i, q)| {
        Ok((
            t,
            i,
            serde_json::from_str(&q).map_err(|_| DbError::Corrupt("kit questions".into()))?,
        ))
    })
    .transpose()
}

pub fn save_kit(
    conn: &mut DbConnection,
    kind: &str,
    title: &str,
    intro: &str,
    questions: &[String],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let q = serde_json::to_string(questions).unwrap_or_else(|_| "[]".into());
    let n = diesel::update(interview_kits::table.find(kind))
        .set((
            interview_kits::title.eq(title),
            interview_kits::intro.eq(intro),
            interview_kits::questions.eq(&q),
            interview_kits::updated_at.eq(now),
        ))
        .execute_cached(conn)
        .context("saving an interview kit")?;
    if n == 0 {
        diesel::insert_into(interview_kits::table)
            .values((
                interview_kits::kind.eq(kind),
                interview_kits::title.eq(title),
                interview_kits::intro.eq(intro),
                interview_kits::questions.eq(&q),
                interview_kits::updated_at.eq(now),
            ))
            .execute(conn)
            .context("saving an interview kit")?;
    }
    Ok(())
}
