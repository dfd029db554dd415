//! Questionnaires owners write in the app: every save is a new version
//! row holding the TOML source, never changed afterwards.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::authored_questionnaires as aq;
use super::{DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, Queryable)]
pub struct AuthoredVersion {
    pub questionnaire_id: String,
    pub version: i32,
    pub source: String,
    pub saved_by: String,
    pub saved_at: NaiveDateTime,
}

/// One saved version, without its text (for lists).
#[derive(Debug, Clone, Queryable)]
pub struct VersionInfo {
    pub questionnaire_id: String,
    pub version: i32,
    pub saved_by: String,
    pub saved_at: NaiveDateTime,
}

const COLUMNS: (
    aq::questionnaire_id,
    aq::version,
    aq::source,
    aq::saved_by,
    aq::saved_at,
) = (
    aq::questionnaire_id,
    aq::version,
    aq::source,
    aq::saved_by,
    aq::saved_at,
);

/// Every saved version of every questionnaire, newest first within each.
pub fn all_versions(conn: &mut DbConnection) -> Result<Vec<VersionInfo>, DbError> {
    aq::table
        .select((
            aq::questionnaire_id,
            aq::version,
            aq::saved_by,
            aq::saved_at,
        ))
        .order((aq::questionnaire_id.asc(), aq::version.desc()))
        .load(conn)
        .context("listing questionnaire versions")
}

/// The saved versions of one questionnaire, newest first.
pub fn versions(conn: &mut DbConnection, id: &str) -> Result<Vec<VersionInfo>, DbError> {
    aq::table
        .filter(aq::questionnaire_id.eq(id))
        .select((
            aq::questionnaire_id,
            aq::version,
            aq::saved_by,
            aq::saved_at,
        ))
        .order(aq::version.desc())
        .load(conn)
        .context("listing a questionnaire's versions")
}

/// One version, or the latest when `version` is `None`.
pub fn find(
    conn: &mut DbConnection,
    id: &str,
    version: Option<i32>,
) -> Result<Option<AuthoredVersion>, DbError> {
    let mut query = aq::table
        .filter(aq::questionnaire_id.eq(id))
        .select(COLUMNS)
        .order(aq::version.desc())
        .into_boxed();
    if let Some(v) = version {
        query = query.filter(aq::version.eq(v));
    }
    query
        .first(conn)
        .optional()
        .context("reading a questionnaire version")
}

/// The latest version of each questionnaire.
pub fn latest_all(conn: &mut DbConnection) -> Result<Vec<AuthoredVersion>, DbError> {
    let mut out = Vec::new();
    let mut last: Option<String> = None;
    for v in all_versions(conn)? {
        if last.as_deref() != Some(v.questionnaire_id.as_str()) {
            last = Some(v.questionnaire_id.clone());
            if let Some(found) = find(conn, &v.questionnaire_id, Some(v.version))? {
                out.push(found);
            }
        }
    }
    Ok(out)
}

/// Each questionnaire's latest version number, by id: cheap, without
/// the texts.
pub fn latest_versions(conn: &mut DbConnection) -> Result<Vec<(String, i32)>, DbError> {
    let rows: Vec<(String, Option<i32>)> = aq::table
        .group_by(aq::questionnaire_id)
        .select((aq::questionnaire_id, diesel::dsl::max(aq::version)))
        .order(aq::questionnaire_id.asc())
        .load(conn)
        .context("listing the latest questionnaire versions")?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, v)| v.map(|v| (id, v)))
        .collect())
}

/// Whether any version of this questionnaire is stored.
pub fn exists(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    let n: i64 = aq::table
        .filter(aq::questionnaire_id.eq(id))
        .count()
        .get_result(conn)
        .context("finding a questionnaire")?;
    Ok(n > 0)
}

/// Stores a version; `Ok(false)` when that version number was stored by
/// someone else a moment ago.
pub fn insert(
    conn: &mut DbConnection,
    id: &str,
    version: i32,
    source: &str,
    saved_by: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    super::insert_unless_duplicate(conn, "saving a questionnaire version", |conn| {
        diesel::insert_into(aq::table)
            .values((
                aq::questionnaire_id.eq(id),
                aq::version.eq(version),
                aq::source.eq(source),
                aq::saved_by.eq(saved_by),
                aq::saved_at.eq(now),
            ))
            .execute(conn)
    })
}
