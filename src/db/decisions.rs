//! The panel's votes and the offer that may follow.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::{offers, rejection_emails, votes};
use super::{new_id, DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = votes)]
pub struct VoteRow {
    pub application_id: String,
    pub voter_id: String,
    pub vote: String,
    pub reason: String,
    pub created_at: NaiveDateTime,
    /// 1 when the voter confirmed voting without a scorecard of their own.
    pub without_scorecard: i32,
}

/// Records a vote; false when this person already voted (votes are final).
pub fn cast(
    conn: &mut DbConnection,
    application_id: &str,
    voter_id: &str,
    vote: &str,
    reason: &str,
    without_scorecard: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let exists: i64 = votes::table
        .filter(votes::application_id.eq(application_id))
        .filter(votes::voter_id.eq(voter_id))
        .count()
        .get_result(conn)
        .context("checking a vote")?;
    if exists > 0 {
        return Ok(false);
    }
    super::insert_unless_duplicate(conn, "recording a vote", |conn| {
        diesel::insert_into(votes::table)
            .values((
                votes::application_id.eq(application_id),
                votes::voter_id.eq(voter_id),
                votes::vote.eq(vote),
                votes::reason.eq(reason),
                votes::created_at.eq(now),
                votes::without_scorecard.eq(i32::from(without_scorecard)),
            ))
            .execute(conn)
    })
}

pub fn for_application(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Vec<VoteRow>, DbError> {
    votes::table
        .filter(votes::application_id.eq(application_id))
        .order(votes::created_at.asc())
        .select(VoteRow::as_select())
        .load(conn)
        .context("reading votes")
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = offers)]
pub struct Offer {
    pub id: String,
    pub application_id: String,
    pub terms: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub answer: Option<String>,
    pub answered_at: Option<NaiveDateTime>,
}

pub fn make_offer(
    conn: &mut DbConnection,
    application_id: &str,
    terms: &str,
    by: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    super::insert_unless_duplicate(conn, "recording an offer", |conn| {
        diesel::insert_into(offers::table)
            .values((
                offers::id.eq(new_id()),
                offers::application_id.eq(application_id),
                offers::terms.eq(terms),
                offers::created_by.eq(by),
                offers::created_at.eq(now),
            ))
            .execute(conn)
    })
}

pub fn offer_for(conn: &mut DbConnection, application_id: &str) -> Result<Option<Offer>, DbError> {
    offers::table
        .filter(offers::application_id.eq(application_id))
        .select(Offer::as_select())
        .first(conn)
        .optional()
        .context("reading an offer")
}

/// Records the candidate's answer to the offer, once.
pub fn answer_offer(
    conn: &mut DbConnection,
    application_id: &str,
    answer: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        offers::table
            .filter(offers::application_id.eq(application_id))
            .filter(offers::answer.is_null()),
    )
    .set((
        offers::answer.eq(Some(answer)),
        offers::answered_at.eq(Some(now)),
    ))
    .execute_cached(conn)
    .context("recording the answer to an offer")?;
    Ok(n == 1)
}

/// When the kind rejection email was sent to this candidate, and by whom.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rejection_emails)]
pub struct RejectionSent {
    pub application_id: String,
    pub sent_by: String,
    pub sent_at: NaiveDateTime,
}

/// Claims the one rejection email of an application: false when it was
/// already sent (by anyone, at any time).
pub fn claim_rejection_email(
    conn: &mut DbConnection,
    application_id: &str,
    by: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    super::insert_unless_duplicate(conn, "recording a rejection email", |conn| {
        diesel::insert_into(rejection_emails::table)
            .values((
                rejection_emails::application_id.eq(application_id),
                rejection_emails::sent_by.eq(by),
                rejection_emails::sent_at.eq(now),
            ))
            .execute(conn)
    })
}

pub fn rejection_sent(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Option<RejectionSent>, DbError> {
    rejection_emails::table
        .find(application_id)
        .select(RejectionSent::as_select())
        .first(conn)
        .optional()
        .context("reading whether the rejection email was sent")
}
