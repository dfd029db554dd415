//! Invitations for staff to join: a hashed single-use token with an expiry.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::invitations;
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::domain::user::Role;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = invitations)]
pub struct Invitation {
    pub id: String,
    #[serde(skip)]
    pub token_hash: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub invited_by: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

pub struct NewInvitation<'a> {
    pub token_hash: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub invited_by: &'a str,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: NewInvitation<'_>) -> Result<String, DbError> {
    let id = new_id();
    // A new invitation for the same address replaces the pending one.
    diesel::update(
        invitations::table
            .filter(invitations::email.eq(new.email))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::revoked_at.eq(new.now))
    .execute_cached(conn)
    .context("replacing an earlier invitation")?;
    diesel::insert_into(invitations::table)
        .values((
            invitations::id.eq(&id),
            invitations::token_hash.eq(new.token_hash),
            invitations::email.eq(new.email),
            invitations::name.eq(new.name),
            invitations::role.eq(new.role.as_str()),
            invitations::invited_by.eq(new.invited_by),
            invitations::created_at.eq(new.now),
            invitations::expires_at.eq(new.expires_at),
        ))
        .execute(conn)
        .context("storing an invitation")?;
    Ok(id)
}

/// The invitation behind a token, if it can still be accepted.
pub fn find_open_by_token(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<Invitation>, DbError> {
    invitations::table
        .filter(invitations::token_hash.eq(token_hash))
        .filter(invitations::accepted_at.is_null())
        .filter(invitations::revoked_at.is_null())
        .filter(invitations::expires_at.gt(now))
        .select(Invitation::as_select())
        .first(conn)
        .optional()
        .context("finding an invitation")
}

/// Marks the invitation accepted; false if someone else got there first.
pub fn accept(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let n = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::accepted_at.eq(now))
    .execute_cached(conn)
    .context("accepting an invitation")?;
    Ok(n == 1)
}

pub fn list_pending(
    conn: &mut DbConnection,
    now: NaiveDateTime,
) -> Result<Vec<Invitation>, DbError> {
    invitations::table
        .filter(invitations::accepted_at.is_null())
        .filter(invitations::revoked_at.is_null())
        .filter(invitations::expires_at.gt(now))
        .order(invitations::created_at.desc())
        .select(Invitation::as_select())
        .load(conn)
        .context("listing invitations")
}

pub fn revoke(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let n = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::accepted_at.is_null()),
    )
    .set(invitations::revoked_at.eq(now))
    .execute_cached(conn)
    .context("revoking an invitation")?;
    Ok(n == 1)
}
