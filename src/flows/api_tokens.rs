//! Making and revoking personal API tokens: from the account page and from
//! `rapport token create` alike.

use crate::db::{self, api_tokens::TokenRow, DbConnection, DbError};
use crate::domain::api_token::NewToken;
use crate::security::token;

/// Every token starts with this, so secret scanners and people can tell a
/// Rapport token from other strings (the rest is 256 random bits).
pub const PREFIX: &str = "rpt_";

/// Makes a token for `user_id`; returns the token itself (shown once,
/// never stored) and its row.
pub fn create(
    conn: &mut DbConnection,
    user_id: &str,
    new: &NewToken,
) -> Result<(String, TokenRow), DbError> {
    let raw = format!("{PREFIX}{}", token::random_token());
    let now = db::now();
    let row = db::api_tokens::insert(conn, user_id, new, &token::hash_token(&raw), now)?;
    db::audit::record(
        conn,
        Some(user_id),
        "api_token.created",
        ("api_token", &row.id),
        &format!("{} ({}, {} days)", new.name, new.scope.as_str(), new.days),
        now,
    )?;
    Ok((raw, row))
}

/// Revokes one of the person's own tokens; false when there was none to revoke.
pub fn revoke(conn: &mut DbConnection, user_id: &str, token_id: &str) -> Result<bool, DbError> {
    let now = db::now();
    let done = db::api_tokens::revoke(conn, token_id, user_id, now)?;
    if done {
        db::audit::record(
            conn,
            Some(user_id),
            "api_token.revoked",
            ("api_token", token_id),
            "",
            now,
        )?;
    }
    Ok(done)
}
