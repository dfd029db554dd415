//! Candidate emails an owner rewrote for a job, one text per language.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::email_templates;
use super::{DbConnection, DbError, QueryContext};
use crate::i18n::Locale;

/// The job's own (subject, body) for this kind of email in `locale`, if
/// the owner wrote one.
pub fn get(
    conn: &mut DbConnection,
    job_id: &str,
    kind: &str,
    locale: Locale,
) -> Result<Option<(String, String)>, DbError> {
    email_templates::table
        .find((job_id, kind, locale.code()))
        .select((email_templates::subject, email_templates::body))
        .first(conn)
        .optional()
        .context("reading an email template")
}

/// The languages in which the job has its own text for this kind of email.
pub fn locales(conn: &mut DbConnection, job_id: &str, kind: &str) -> Result<Vec<Locale>, DbError> {
    let codes: Vec<String> = email_templates::table
        .filter(email_templates::job_id.eq(job_id))
        .filter(email_templates::kind.eq(kind))
        .select(email_templates::locale)
        .load(conn)
        .context("listing an email's languages")?;
    Ok(codes.iter().filter_map(|c| Locale::parse(c)).collect())
}

pub fn set(
    conn: &mut DbConnection,
    job_id: &str,
    kind: &str,
    locale: Locale,
    subject: &str,
    body: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    lock_job(conn, job_id)?;
    let n = diesel::update(email_templates::table.find((job_id, kind, locale.code())))
        .set((
            email_templates::subject.eq(subject),
            email_templates::body.eq(body),
            email_templates::updated_at.eq(now),
        ))
        .execute_cached(conn)
        .context("saving an email template")?;
    if n == 0 {
        diesel::insert_into(email_templates::table)
            .values((
                email_templates::job_id.eq(job_id),
                email_templates::kind.eq(kind),
                email_templates::locale.eq(locale.code()),
                email_templates::subject.eq(subject),
                email_templates::body.eq(body),
                email_templates::updated_at.eq(now),
            ))
            .execute(conn)
            .context("saving an email template")?;
    }
    Ok(())
}

/// Holds the job's row until the transaction ends on PostgreSQL, so two
/// first saves of one text take turns: the second updates the row the
/// first inserted instead of failing on its key. SQLite has one writer.
fn lock_job(conn: &mut DbConnection, job_id: &str) -> Result<(), DbError> {
    use super::schema::jobs;
    if let DbConnection::Postgresql(pg) = conn {
        jobs::table
            .find(job_id)
            .select(jobs::id)
            .for_update()
            .first::<String>(pg)
            .optional()
            .context("locking the job")?;
    }
    Ok(())
}

pub fn reset(
    conn: &mut DbConnection,
    job_id: &str,
    kind: &str,
    locale: Locale,
) -> Result<(), DbError> {
    diesel::delete(email_templates::table.find((job_id, kind, locale.code())))
        .execute(conn)
        .context("resetting an email template")?;
    Ok(())
}
