//! An owner brings candidates in from another hiring tool (the command
//! line and the job's import page call this). Imported candidates land at
//! "applied" without any email: they applied elsewhere, and hearing from
//! a tool they never used would surprise them. Whoever is already there
//! for the job (by email) is left as is, so a rerun adds nothing twice.

use chrono::NaiveDateTime;

use crate::db::{self, DbConnection, DbError};
use crate::domain::application::NewApplication;

/// Candidates stored per transaction by a caller importing a whole file:
/// a crash loses at most one chunk, and a rerun skips what is already there.
pub const CHUNK: usize = 200;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    /// Already applied to this job (same email): left untouched.
    pub already: usize,
}

impl std::ops::AddAssign for Imported {
    fn add_assign(&mut self, other: Self) {
        self.added += other.added;
        self.already += other.already;
    }
}

/// Stores these checked candidates for the job, in the caller's
/// transaction, and records the import (a count, no names) in the audit
/// trail.
pub fn import_candidates(
    conn: &mut DbConnection,
    job_id: &str,
    by: Option<&str>,
    candidates: &[NewApplication],
    now: NaiveDateTime,
) -> Result<Imported, DbError> {
    let mut done = Imported::default();
    for candidate in candidates {
        let origin = ("import", "imported from another hiring tool");
        match db::applications::insert_as(conn, job_id, candidate, None, origin, now)? {
            Some(_) => done.added += 1,
            None => done.already += 1,
        }
    }
    if done.added > 0 {
        db::audit::record(
            conn,
            by,
            "candidates.imported",
            ("job", job_id),
            &format!("{} candidates imported", done.added),
            now,
        )?;
    }
    Ok(done)
}
