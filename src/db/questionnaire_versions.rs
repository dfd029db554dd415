//! The exact questionnaire texts candidates were sent, by content hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::questionnaire_versions;
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::questionnaires::Loaded;

/// The stored version of this text, storing it first if it is new.
pub fn ensure(
    conn: &mut DbConnection,
    loaded: &Loaded,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let existing: Option<String> = questionnaire_versions::table
        .filter(questionnaire_versions::content_hash.eq(&loaded.content_hash))
        .select(questionnaire_versions::id)
        .first(conn)
        .optional()
        .context("finding a questionnaire version")?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = new_id();
    let inserted =
        super::insert_unless_duplicate(conn, "storing a questionnaire version", |conn| {
            diesel::insert_into(questionnaire_versions::table)
                .values((
                    questionnaire_versions::id.eq(&id),
                    questionnaire_versions::questionnaire_id.eq(&loaded.questionnaire.id),
                    questionnaire_versions::version.eq(loaded.questionnaire.version as i32),
                    questionnaire_versions::content_hash.eq(&loaded.content_hash),
                    questionnaire_versions::content.eq(&loaded.source),
                    questionnaire_versions::created_at.eq(now),
                ))
                .execute(conn)
        })?;
    if !inserted {
        // Stored by a concurrent transaction a moment ago.
        return questionnaire_versions::table
            .filter(questionnaire_versions::content_hash.eq(&loaded.content_hash))
            .select(questionnaire_versions::id)
            .first(conn)
            .context("finding a questionnaire version");
    }
    Ok(id)
}

/// The stored text of a version.
pub fn load(conn: &mut DbConnection, id: &str) -> Result<Loaded, DbError> {
    let content: String = questionnaire_versions::table
        .find(id)
        .select(questionnaire_versions::content)
        .first(conn)
        .context("reading a questionnaire version")?;
    Loaded::from_source(content)
        .map_err(|p| DbError::Corrupt(format!("stored questionnaire {id}: {:?}", p.first())))
}
