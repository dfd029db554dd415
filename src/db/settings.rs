//! Instance-wide settings: the company's name and site, and secrets that
//! every `rapport serve` process must share.

use super::direct::direct;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::settings;
use super::{DbConnection, DbError, QueryContext};

pub const COMPANY_NAME: &str = "company_name";
pub const COMPANY_URL: &str = "company_url";
/// The address candidates' replies go to (Reply-To); none when empty.
pub const REPLY_TO: &str = "reply_to";

/// The company's reply address, if the owner set one.
pub fn reply_to(conn: &mut DbConnection) -> Result<Option<String>, DbError> {
    Ok(get(conn, REPLY_TO)?.filter(|v| !v.trim().is_empty()))
}
pub const APP_SECRET: &str = "app_secret";

pub fn get(conn: &mut DbConnection, key: &str) -> Result<Option<String>, DbError> {
    direct!(conn, |c| settings::table
        .find(key)
        .select(settings::value)
        .first(c))
    .optional()
    .context("reading a setting")
}

/// The company's settings as stored: its name once named, and its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    pub name: Option<String>,
    pub url: String,
}

/// Reads the company's settings (both bump the public version when set).
pub fn company(conn: &mut DbConnection) -> Result<Company, DbError> {
    Ok(Company {
        name: get(conn, COMPANY_NAME)?,
        url: get(conn, COMPANY_URL)?.unwrap_or_default(),
    })
}

/// Sets a value, replacing any earlier one. Call inside a transaction.
pub fn set(conn: &mut DbConnection, key: &str, value: &str) -> Result<(), DbError> {
    let updated = diesel::update(settings::table.find(key))
        .set(settings::value.eq(value))
        .execute_cached(conn)
        .context("updating a setting")?;
    if updated == 0 {
        diesel::insert_into(settings::table)
            .values((settings::key.eq(key), settings::value.eq(value)))
            .execute(conn)
            .context("storing a setting")?;
    }
    bump_if_public(conn, key)
}

/// The company's name and address show on public pages, and are read once
/// per public version (`version_cache`): storing one bumps it.
fn bump_if_public(conn: &mut DbConnection, key: &str) -> Result<(), DbError> {
    if [COMPANY_NAME, COMPANY_URL].contains(&key) {
        super::public_version::bump(conn)?;
    }
    Ok(())
}

/// Returns the value, storing `make()` first if there is none yet. Racing
/// processes converge on the first value stored.
pub fn get_or_init(
    conn: &mut DbConnection,
    key: &str,
    make: impl FnOnce() -> String,
) -> Result<String, DbError> {
    if let Some(v) = get(conn, key)? {
        return Ok(v);
    }
    let value = make();
    let inserted = super::insert_unless_duplicate(conn, "storing a setting", |conn| {
        diesel::insert_into(settings::table)
            .values((settings::key.eq(key), settings::value.eq(&value)))
            .execute(conn)
    })?;
    if inserted {
        bump_if_public(conn, key)?;
        Ok(value)
    } else {
        get(conn, key)?.ok_or_else(|| DbError::Corrupt(format!("setting {key} vanished")))
    }
}
