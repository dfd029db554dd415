//! Candidate emails an owner rewrote for a job.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::email_templates;
use super::{DbConnection, DbError, QueryContext};

/// The job's own (subject, body) for this kind of email, if the owner wrote one.
pub fn get(
    conn: &mut DbConnection,
    job_id: &str,
    kind: &str,
) -> Result<Option<(String, String)>, DbError> {
    email_templates::table
        .find((job_id, kind))
        .select((email_templates::subject, email_templates::body))
        .first(conn)
        .optional()
        .context("reading an email template")
}

pub fn set(
    conn: &mut DbConnection,
    job_id: &str,
    kind: &str,
    subject: &str,
    body: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let n = diesel::update(email_templates::table.find((job_id, kind)))
        .set((
            email_templates::subject.eq(subject),
            email_templates::body.eq(body),
            email_templates::updated_at.eq(now),
        ))
        .execute(conn)
        .context("saving an email template")?;
    if n == 0 {
        diesel::insert_into(email_templates::table)
            .values((
                email_templates::job_id.eq(job_id),
                email_templates::kind.eq(kind),
                email_templates::subject.eq(subject),
                email_templates::body.eq(body),
                email_templates::updated_at.eq(now),
            ))
            .execute(conn)
            .context("saving an email template")?;
    }
    Ok(())
}

pub fn reset(conn: &mut DbConnection, job_id: &str, kind: &str) -> Result<(), DbError> {
    diesel::delete(email_templates::table.find((job_id, kind)))
        .execute(conn)
        .context("resetting an email template")?;
    Ok(())
}
