//! Self-scheduling: staff's weekly availability, the times offered to a
//! candidate through a link (stored by its token's SHA-256), and who is
//! already busy when.

use chrono::{NaiveDateTime, NaiveTime, Timelike};
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::{
    availability_windows, booking_offer_interviewers, booking_offers, booking_slots,
    interview_interviewers, interviews,
};
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::domain::booking::{Busy, Window};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = availability_windows)]
pub struct WindowRow {
    pub id: String,
    pub user_id: String,
    pub weekday: i32,
    pub starts_minute: i32,
    pub ends_minute: i32,
    pub timezone: String,
    pub created_at: NaiveDateTime,
}

impl WindowRow {
    /// The window as the slot finder reads it; `None` if the row could not
    /// have come from [`Window::parse`].
    pub fn window(&self) -> Option<Window> {
        let time = |m: i32| NaiveTime::from_hms_opt((m / 60) as u32, (m % 60) as u32, 0);
        Some(Window {
            weekday: chrono::Weekday::try_from(u8::try_from(self.weekday - 1).ok()?).ok()?,
            starts: time(self.starts_minute)?,
            ends: time(self.ends_minute)?,
            timezone: self.timezone.parse().ok()?,
        })
    }
}

fn minutes(t: NaiveTime) -> i32 {
    (t.hour() * 60 + t.minute()) as i32
}

pub fn add_window(
    conn: &mut DbConnection,
    user_id: &str,
    w: &Window,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(availability_windows::table)
        .values((
            availability_windows::id.eq(new_id()),
            availability_windows::user_id.eq(user_id),
            availability_windows::weekday.eq(w.weekday.number_from_monday() as i32),
            availability_windows::starts_minute.eq(minutes(w.starts)),
            availability_windows::ends_minute.eq(minutes(w.ends)),
            availability_windows::timezone.eq(w.timezone.name()),
            availability_windows::created_at.eq(now),
        ))
        .execute(conn)
        .context("adding an availability window")?;
    Ok(())
}

/// Removes one of `user_id`'s windows; false if they have none by that id.
pub fn remove_window(conn: &mut DbConnection, user_id: &str, id: &str) -> Result<bool, DbError> {
    let n = diesel::delete(
        availability_windows::table
            .filter(availability_windows::id.eq(id))
            .filter(availability_windows::user_id.eq(user_id)),
    )
    .execute(conn)
    .context("removing an availability window")?;
    Ok(n == 1)
}

/// The windows of `user_ids`, by day of the week and start.
pub fn windows_of(conn: &mut DbConnection, user_ids: &[String]) -> Result<Vec<WindowRow>, DbError> {
    availability_windows::table
        .filter(availability_windows::user_id.eq_any(user_ids))
        .order((
            availability_windows::weekday.asc(),
            availability_windows::starts_minute.asc(),
        ))
        .select(WindowRow::as_select())
        .load(conn)
        .context("reading availability windows")
}

/// The scheduled interviews `user_id` runs that end after `from`, as busy
/// times (an interview's end is its start plus its length).
pub fn busy_times(
    conn: &mut DbConnection,
    user_id: &str,
    from: NaiveDateTime,
) -> Result<Vec<Busy>, DbError> {
    // The longest interview is 8 hours: one that started earlier has ended.
    let earliest = from - chrono::Duration::hours(8);
    let theirs: Vec<String> = interview_interviewers::table
        .filter(interview_interviewers::user_id.eq(user_id))
        .select(interview_interviewers::interview_id)
        .load(conn)
        .context("reading an interviewer's interviews")?;
    let rows: Vec<(NaiveDateTime, i32)> = interviews::table
        .filter(interviews::id.eq_any(&theirs))
        .filter(interviews::status.eq(super::interviews::SCHEDULED))
        .filter(interviews::starts_at.ge(earliest))
        .select((interviews::starts_at, interviews::duration_minutes))
        .load(conn)
        .context("reading an interviewer's interviews")?;
    Ok(rows
        .into_iter()
        .map(|(starts, minutes)| {
            let starts = starts.and_utc();
            Busy {
                starts,
                ends: starts + chrono::Duration::minutes(i64::from(minutes)),
            }
        })
        .filter(|b| b.ends.naive_utc() > from)
        .collect())
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = booking_offers)]
pub struct OfferRow {
    pub id: String,
    pub application_id: String,
    #[serde(skip)]
    pub token_hash: String,
    pub kind: String,
    pub duration_minutes: i32,
    pub location: String,
    pub timezone: String,
    pub cutoff_hours: i32,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub interview_id: Option<String>,
}

pub struct NewOffer<'a> {
    pub application_id: &'a str,
    pub token_hash: &'a str,
    pub kind: &'a str,
    pub duration_minutes: i32,
    pub location: &'a str,
    pub timezone: &'a str,
    pub cutoff_hours: i32,
    pub created_by: &'a str,
    pub interviewers: &'a [String],
    pub slots: &'a [NaiveDateTime],
}

pub fn insert_offer(
    conn: &mut DbConnection,
    n: NewOffer<'_>,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let id = new_id();
    diesel::insert_into(booking_offers::table)
        .values((
            booking_offers::id.eq(&id),
            booking_offers::application_id.eq(n.application_id),
            booking_offers::token_hash.eq(n.token_hash),
            booking_offers::kind.eq(n.kind),
            booking_offers::duration_minutes.eq(n.duration_minutes),
            booking_offers::location.eq(n.location),
            booking_offers::timezone.eq(n.timezone),
            booking_offers::cutoff_hours.eq(n.cutoff_hours),
            booking_offers::created_by.eq(n.created_by),
            booking_offers::created_at.eq(now),
        ))
        .execute(conn)
        .context("offering interview times")?;
    for user in n.interviewers {
        diesel::insert_into(booking_offer_interviewers::table)
            .values((
                booking_offer_interviewers::offer_id.eq(&id),
                booking_offer_interviewers::user_id.eq(user),
            ))
            .execute(conn)
            .context("naming an offer's interviewers")?;
    }
    for at in n.slots {
        diesel::insert_into(booking_slots::table)
            .values((
                booking_slots::offer_id.eq(&id),
                booking_slots::starts_at.eq(at),
            ))
            .execute(conn)
            .context("storing an offered time")?;
    }
    Ok(id)
}

/// The offer behind a link's token hash, locked until the transaction
/// ends on PostgreSQL (SQLite has one writer): a double click books once.
pub fn lock_by_token(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<OfferRow>, DbError> {
    if let DbConnection::Postgresql(pg) = conn {
        booking_offers::table
            .filter(booking_offers::token_hash.eq(token_hash))
            .select(booking_offers::id)
            .for_update()
            .first::<String>(pg)
            .optional()
            .context("locking a booking link")?;
    }
    by_token(conn, token_hash)
}

pub fn by_token(conn: &mut DbConnection, token_hash: &str) -> Result<Option<OfferRow>, DbError> {
    booking_offers::table
        .filter(booking_offers::token_hash.eq(token_hash))
        .select(OfferRow::as_select())
        .first(conn)
        .optional()
        .context("finding a booking link")
}

pub fn for_application(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Vec<OfferRow>, DbError> {
    booking_offers::table
        .filter(booking_offers::application_id.eq(application_id))
        .order(booking_offers::created_at.desc())
        .select(OfferRow::as_select())
        .load(conn)
        .context("listing an application's booking links")
}

pub fn interviewers(conn: &mut DbConnection, offer_id: &str) -> Result<Vec<String>, DbError> {
    booking_offer_interviewers::table
        .filter(booking_offer_interviewers::offer_id.eq(offer_id))
        .order(booking_offer_interviewers::user_id.asc())
        .select(booking_offer_interviewers::user_id)
        .load(conn)
        .context("reading an offer's interviewers")
}

pub fn slots(conn: &mut DbConnection, offer_id: &str) -> Result<Vec<NaiveDateTime>, DbError> {
    booking_slots::table
        .filter(booking_slots::offer_id.eq(offer_id))
        .order(booking_slots::starts_at.asc())
        .select(booking_slots::starts_at)
        .load(conn)
        .context("reading the offered times")
}

pub fn set_interview(
    conn: &mut DbConnection,
    offer_id: &str,
    interview_id: Option<&str>,
) -> Result<(), DbError> {
    diesel::update(booking_offers::table.find(offer_id))
        .set(booking_offers::interview_id.eq(interview_id))
        .execute_cached(conn)
        .context("recording a booking")?;
    Ok(())
}

/// Locks the rows of `user_ids` (in id order, so two bookings never wait
/// on each other) on PostgreSQL until the transaction ends: two candidates
/// booking the same interviewer at once are served one after the other,
/// and the second sees the first one's interview. SQLite has one writer.
pub fn lock_interviewers(conn: &mut DbConnection, user_ids: &[String]) -> Result<(), DbError> {
    use super::schema::users;
    if let DbConnection::Postgresql(pg) = conn {
        users::table
            .filter(users::id.eq_any(user_ids))
            .order(users::id.asc())
            .select(users::id)
            .for_update()
            .load::<String>(pg)
            .context("locking the interviewers")?;
    }
    Ok(())
}
