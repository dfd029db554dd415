//! The retention task: every `every`, erases the candidates of closed jobs
//! whose retention period has passed, as the consent promised. Several
//! instances may run it at once; each erasure locks its application.

use std::time::Duration;

use chrono::NaiveDateTime;

use crate::db::{self, Db, DbError};
use crate::files::FileStore;
use crate::flows::erasure::{self, Why};

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
}
