//! Personal API tokens, stored by the SHA-256 of the token only.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::api_tokens;
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::domain::api_token::{NewToken, Scope};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct TokenRow {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub token_hash: String,
    pub scope: String,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

impl TokenRow {
    /// A stored scope that is not known reads as the narrower one.
    pub fn scope(&self) -> Scope {
        Scope::parse(&self.scope).unwrap_or(Scope::Read)
    }

    pub fn is_usable(&self, now: NaiveDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

pub fn insert(
    conn: &mut DbConnection,
    user_id: &str,
    token: &NewToken,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<TokenRow, DbError> {
    let id = new_id();
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(&id),
            api_tokens::user_id.eq(user_id),
            api_tokens::name.eq(&token.name),
            api_tokens::token_hash.eq(token_hash),
            api_tokens::scope.eq(token.scope.as_str()),
            api_tokens::expires_at.eq(token.expires_at(now)),
            api_tokens::created_at.eq(now),
        ))
        .execute(conn)
        .context("storing an API token")?;
    api_tokens::table
        .find(&id)
        .select(TokenRow::as_select())
        .first(conn)
        .context("reading a new API token")
}

pub fn find_by_hash(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<TokenRow>, DbError> {
    api_tokens::table
        .filter(api_tokens::token_hash.eq(token_hash))
        .select(TokenRow::as_select())
        .first(conn)
        .optional()
        .context("finding an API token")
}

/// A person's tokens, newest first.
pub fn list_for_user(conn: &mut DbConnection, user_id: &str) -> Result<Vec<TokenRow>, DbError> {
    api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .order((api_tokens::created_at.desc(), api_tokens::id))
        .select(TokenRow::as_select())
        .load(conn)
        .context("listing API tokens")
}

/// Revokes one of `user_id`'s tokens; false when it is not theirs or was
/// already revoked.
pub fn revoke(
    conn: &mut DbConnection,
    id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::user_id.eq(user_id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute_cached(conn)
    .context("revoking an API token")?;
    Ok(n == 1)
}

/// Records a use, at most once a minute (the list shows the last use,
/// not every request).
pub fn touch(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(
        api_tokens::table.filter(api_tokens::id.eq(id)).filter(
            api_tokens::last_used_at
                .is_null()
                .or(api_tokens::last_used_at.lt(now - Duration::minutes(1))),
        ),
    )
    .set(api_tokens::last_used_at.eq(now))
    .execute_cached(conn)
    .context("recording an API token's use")?;
    Ok(())
}
