//! Writing and publishing jobs, with their audit events: the editor pages
//! and the API call the same functions.

use crate::db::{self, DbConnection, DbError};
use crate::domain::job::{slugify, Job, JobPosting, JobStatus};

/// Stores a new draft; `detail` says where it came from in the audit trail.
pub fn create_draft(
    conn: &mut DbConnection,
    posting: &JobPosting,
    actor: &str,
    detail: &str,
) -> Result<Job, DbError> {
    let now = db::now();
    let job = db::jobs::insert_draft(conn, posting, &slugify(&posting.title), now)?;
    db::audit::record(
        conn,
        Some(actor),
        "job.created",
        ("job", &job.id),
        detail,
        now,
    )?;
    Ok(job)
}

/// Saves a job's posting; false when the job does not exist.
pub fn update(
    conn: &mut DbConnection,
    job_id: &str,
    posting: &JobPosting,
    actor: &str,
) -> Result<bool, DbError> {
    let now = db::now();
    if !db::jobs::update_posting(conn, job_id, posting, now)? {
        return Ok(false);
    }
    db::audit::record(conn, Some(actor), "job.edited", ("job", job_id), "", now)?;
    Ok(true)
}

/// Publishes a draft or reopens a closed job; false when it was already open.
pub fn open(conn: &mut DbConnection, job: &Job, actor: &str) -> Result<bool, DbError> {
    let now = db::now();
    if !db::jobs::open(conn, &job.id, now)? {
        return Ok(false);
    }
    let action = if job.status == JobStatus::Closed {
        "job.reopened"
    } else {
        "job.published"
    };
    db::audit::record(conn, Some(actor), action, ("job", &job.id), "", now)?;
    Ok(true)
}
