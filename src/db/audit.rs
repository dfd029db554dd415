//! The audit trail: who changed what, when. Written in the same
//! transaction as the change it records.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::audit_events;
use super::{new_id, DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = audit_events)]
pub struct AuditEvent {
    pub id: String,
    pub at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub detail: String,
}

pub fn record(
    conn: &mut DbConnection,
    actor_id: Option<&str>,
    action: &str,
    subject: (&str, &str),
    detail: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(new_id()),
            audit_events::at.eq(now),
            audit_events::actor_id.eq(actor_id),
            audit_events::action.eq(action),
            audit_events::subject_type.eq(subject.0),
            audit_events::subject_id.eq(subject.1),
            audit_events::detail.eq(detail),
        ))
        .execute(conn)
        .context("recording an audit event")?;
    Ok(())
}

pub fn for_subject(
    conn: &mut DbConnection,
    subject_type: &str,
    subject_id: &str,
) -> Result<Vec<AuditEvent>, DbError> {
    audit_events::table
        .filter(audit_events::subject_type.eq(subject_type))
        .filter(audit_events::subject_id.eq(subject_id))
        .order(audit_events::at.desc())
        .select(AuditEvent::as_select())
        .load(conn)
        .context("reading the audit trail")
}

/// Erasure: clears the free-text detail of every event about these
/// subjects (an erased application, its interviews) and of any event
/// whose detail mentions one of `needles` (a name, an address). The
/// events themselves stay: who did what, and when.
pub fn scrub(
    conn: &mut DbConnection,
    subject_ids: &[String],
    needles: &[&str],
) -> Result<(), DbError> {
    diesel::update(audit_events::table.filter(audit_events::subject_id.eq_any(subject_ids)))
        .set(audit_events::detail.eq(""))
        .execute(conn)
        .context("scrubbing the audit trail")?;
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        let pattern = format!(
            "%{}%",
            needle
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        diesel::update(audit_events::table.filter(audit_events::detail.like(pattern).escape('\\')))
            .set(audit_events::detail.eq(""))
            .execute(conn)
            .context("scrubbing the audit trail")?;
    }
    Ok(())
}
