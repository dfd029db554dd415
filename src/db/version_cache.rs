//! Rows that change only with the public version, kept in memory.
//!
//! A job's row, its screening settings and the company's name change only
//! in a transaction that also bumps the public version (`public_version`).
//! The candidate's paths read them on every request: the job's row of 30
//! columns alone was 3.6 % of the submit path's CPU (BENCHMARKS.md, stop
//! 34). Reading the version, one small row, tells whether what was read
//! before still holds, whichever process changed it since.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::{DbConnection, DbError};

/// Past this many entries the cache starts afresh: a company has a few
/// jobs, so this only bounds memory against something unforeseen.
const MAX_ENTRIES: usize = 4096;

/// Values read at a public version, by key.
pub struct VersionCache<V> {
    entries: Mutex<HashMap<String, (i64, Arc<V>)>>,
}

impl<V> Default for VersionCache<V> {
    fn default() -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<V> VersionCache<V> {
    /// The value of `key` as of `version`, which the caller read from the
    /// database *before* calling (so a value read here is never older than
    /// the version it is kept under): kept if it was read at that version,
    /// else read with `read`. Nothing is kept for a key `read` does not
    /// find.
    pub fn get(
        &self,
        conn: &mut DbConnection,
        version: i64,
        key: &str,
        read: impl FnOnce(&mut DbConnection) -> Result<Option<V>, DbError>,
    ) -> Result<Option<Arc<V>>, DbError> {
        if let Some(kept) = self.kept(version, key) {
            return Ok(Some(kept));
        }
        Ok(read(conn)?.map(|value| self.keep(version, key, value)))
    }

    /// [`Self::get`], for a value that is always there.
    pub fn get_value(
        &self,
        conn: &mut DbConnection,
        version: i64,
        key: &str,
        read: impl FnOnce(&mut DbConnection) -> Result<V, DbError>,
    ) -> Result<Arc<V>, DbError> {
        if let Some(kept) = self.kept(version, key) {
            return Ok(kept);
        }
        Ok(self.keep(version, key, read(conn)?))
    }

    fn kept(&self, version: i64, key: &str) -> Option<Arc<V>> {
        match self.lock().get(key) {
            Some((at, value)) if *at == version => Some(value.clone()),
            _ => None,
        }
    }

    fn keep(&self, version: i64, key: &str, value: V) -> Arc<V> {
        let value = Arc::new(value);
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key.to_string(), (version, value.clone()));
        value
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (i64, Arc<V>)>> {
        // A panic while holding the lock leaves a whole map: use it.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What the candidate's paths read on every request, kept per database
/// (every handle of one `Db` shares it).
#[derive(Default)]
pub struct CandidateReads {
    jobs: VersionCache<crate::domain::job::Job>,
    screening: VersionCache<super::job_screening::ScreeningSettings>,
    company: VersionCache<super::settings::Company>,
}

impl CandidateReads {
    /// The public version: read it first, then the others with it.
    pub fn version(&self, conn: &mut DbConnection) -> Result<i64, DbError> {
        super::public_version::number(conn)
    }

    pub fn job(
        &self,
        conn: &mut DbConnection,
        version: i64,
        id: &str,
    ) -> Result<Option<Arc<crate::domain::job::Job>>, DbError> {
        self.jobs
            .get(conn, version, id, |conn| super::jobs::find(conn, id))
    }

    pub fn screening(
        &self,
        conn: &mut DbConnection,
        version: i64,
        job_id: &str,
    ) -> Result<Arc<super::job_screening::ScreeningSettings>, DbError> {
        self.screening.get_value(conn, version, job_id, |conn| {
            super::job_screening::get(conn, job_id)
        })
    }

    pub fn company(
        &self,
        conn: &mut DbConnection,
        version: i64,
    ) -> Result<Arc<super::settings::Company>, DbError> {
        self.company
            .get_value(conn, version, "", super::settings::company)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{job_screening, jobs, public_version, settings, DatabaseUrl, Db};
    use crate::domain::job::{tests::valid_input, JobPosting};

    /// A job, its screening settings and the company are read once per
    /// public version: a second read at the same version is the same
    /// value, and every edit through the app is seen by the next read.
    #[test]
    fn kept_values_hold_until_an_edit_bumps_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let db = Db::connect(&DatabaseUrl::parse(&url).unwrap(), 2).unwrap();
        db.migrate().unwrap();
        let posting = JobPosting::parse(&valid_input()).unwrap();
        let id = db
            .write_blocking(|c| jobs::insert_draft(c, &posting, "support", crate::db::now()))
            .unwrap()
            .id;
        let reads = db.candidate_reads();
        let read_all = || {
            db.run_blocking(|c| {
                let v = reads.version(c)?;
                Ok((
                    v,
                    reads.job(c, v, &id)?.unwrap(),
                    reads.screening(c, v, &id)?,
                    reads.company(c, v)?,
                ))
            })
            .unwrap()
        };
        let (v0, job0, screening0, company0) = read_all();
        let (v1, job1, screening1, company1) = read_all();
        assert_eq!(v0, v1);
        assert!(Arc::ptr_eq(&job0, &job1), "read again at the same version");
        assert!(Arc::ptr_eq(&screening0, &screening1));
        assert!(Arc::ptr_eq(&company0, &company1));

        let mut edited = posting.clone();
        edited.title = "Support Lead".into();
        db.write_blocking(|c| jobs::update_posting(c, &id, &edited, crate::db::now()))
            .unwrap();
        let (v2, job2, _, company2) = read_all();
        assert!(v2 > v1);
        assert_eq!(job2.posting.title, "Support Lead");
        assert_eq!(company2, company1, "an unchanged value reads the same");

        let mut screening = (*screening1).clone();
        screening.answer_days = 3;
        db.write_blocking(|c| job_screening::set(c, &id, &screening, crate::db::now()))
            .unwrap();
        db.write_blocking(|c| settings::set(c, settings::COMPANY_NAME, "Acme"))
            .unwrap();
        let (_, _, screening3, company3) = read_all();
        assert_eq!(screening3.answer_days, 3);
        assert_eq!(company3.name.as_deref(), Some("Acme"));
        assert_eq!(company3.url, "");
        // `rapport demo` names a company only where none is named yet.
        db.write_blocking(|c| {
            settings::get_or_init(c, settings::COMPANY_URL, || "https://acme.example".into())
        })
        .unwrap();
        let (_, _, _, company4) = read_all();
        assert_eq!(company4.url, "https://acme.example");

        // No value is kept for a job that is not there.
        let missing = db
            .run_blocking(|c| {
                let v = public_version::number(c)?;
                reads.job(c, v, "no-such-job")
            })
            .unwrap();
        assert!(missing.is_none());
    }
}
