//! The retention task: every `every`, erases the candidates of closed jobs
//! whose retention period has passed, as the consent promised, and deletes
//! orphaned CVs: files no application names any more because deleting them
//! failed after an erasure (storage down) or because the process died
//! between storing a CV and committing its application. Several instances
//! may run it at once; each erasure locks its application, and deleting a
//! file twice is harmless.

use std::time::Duration;

use chrono::NaiveDateTime;

use crate::db::{self, Db, DbError};
use crate::files::{FileError, FileStore};
use crate::flows::erasure::{self, Why};

/// A CV stored this recently may belong to an application still being
/// committed (the file is stored first): the sweep leaves it alone.
pub const ORPHAN_GRACE: chrono::Duration = chrono::Duration::hours(1);

#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    #[error("finding the CVs in use: {0}")]
    Db(#[from] DbError),
    #[error(transparent)]
    Files(#[from] FileError),
}

pub struct Retention {
    pub db: Db,
    pub files: FileStore,
    pub mail_domain: String,
    pub every: Duration,
}

impl Retention {
    /// Runs until the task is dropped.
    pub async fn run(self) {
        loop {
            match self.erase_due(db::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(
                    erased = n,
                    "retention: erased applications past their job's retention period"
                ),
                Err(e) => {
                    tracing::warn!(error = %e, "retention: could not erase; trying again later")
                }
            }
            match self
                .delete_orphaned_cvs(chrono::Utc::now() - ORPHAN_GRACE)
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "retention: deleted orphaned CVs"),
                Err(e) => {
                    tracing::warn!(error = %e, "retention: could not sweep orphaned CVs; trying again later")
                }
            }
            tokio::time::sleep(self.every).await;
        }
    }

    /// Erases every application past its job's retention period at `now`,
    /// each in its own transaction, and deletes its CV after the commit.
    /// Returns how many were erased.
    pub async fn erase_due(&self, now: NaiveDateTime) -> Result<usize, DbError> {
        let due = self
            .db
            .read(move |conn| erasure::past_retention(conn, now))
            .await?;
        let mut erased = 0;
        for id in due {
            let mail_domain = self.mail_domain.clone();
            let done = self
                .db
                .write(move |conn| {
                    erasure::erase(conn, &id, Why::RetentionPassed, &mail_domain, now)
                })
                .await?;
            if let Some(done) = done {
                erased += 1;
                self.files.delete_erased(done.cv_file.as_deref()).await;
            }
        }
        Ok(erased)
    }

    /// Deletes the CVs stored before `stored_before` that no application
    /// names. Returns how many were deleted.
    pub async fn delete_orphaned_cvs(
        &self,
        stored_before: chrono::DateTime<chrono::Utc>,
    ) -> Result<usize, SweepError> {
        let stored = self.files.cvs_stored_before(stored_before).await?;
        if stored.is_empty() {
            return Ok(0);
        }
        let listed = stored.clone();
        let in_use = self
            .db
            .read(move |conn| db::applications::cv_files_in_use(conn, &listed))
            .await?;
        let mut deleted = 0;
        for key in stored.iter().filter(|k| !in_use.contains(*k)) {
            self.files.delete(key).await?;
            deleted += 1;
        }
        Ok(deleted)
    }
}
