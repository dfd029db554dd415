//! Storage: one binary on SQLite or PostgreSQL through diesel's
//! `MultiConnection`, a bounded pool, embedded migrations per dialect, and
//! one module of queries per aggregate.

pub mod api_tokens;
pub mod applications;
pub mod audit;
pub mod authored_questionnaires;
pub mod bookings;
pub mod cached;
pub mod candidate_access;
mod checkpoints;
pub mod decisions;
pub(crate) mod direct;
pub mod email_templates;
pub mod export;
mod group_commit;
pub mod insight;
pub mod interviews;
pub mod invitations;
pub mod job_pipeline;
pub mod job_screening;
pub mod jobs;
pub mod outbox;
pub mod panels;
pub mod password_resets;
pub mod public_version;
pub mod questionnaire_versions;
pub mod rate_limits;
pub mod reviews;
pub mod schema;
pub mod scorecards;
pub mod screenings;
pub mod sessions;
pub mod settings;
pub mod setup_tokens;
pub mod users;
pub mod version_cache;
pub mod webhooks;
pub mod writing;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::R2D2Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use tokio::sync::Semaphore;

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either database; queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// Which database a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A parsed `DATABASE_URL`: `postgres://…`, `sqlite://path`, or a bare path.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    pub backend: Backend,
    /// What the driver is given: the full URL for PostgreSQL, the file path for SQLite.
    target: String,
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<Self, DbError> {
        let raw = raw.trim();
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self {
                backend: Backend::Postgres,
                target: raw.to_string(),
            });
        }
        let path = raw.strip_prefix("sqlite://").unwrap_or(raw);
        if path.is_empty() || path == ":memory:" {
            return Err(DbError::Connect(
                "SQLite needs a file path (an in-memory database is not shared between connections)".into(),
            ));
        }
        if path.contains("://") {
            return Err(DbError::Connect(format!(
                "unsupported database URL scheme in '{}': use postgres://… or sqlite://path",
                raw.split("://").next().unwrap_or_default()
            )));
        }
        Ok(Self {
            backend: Backend::Sqlite,
            target: path.to_string(),
        })
    }

    /// The URL with any password hidden, for logs.
    pub fn redacted(&self) -> String {
        match self.backend {
            Backend::Sqlite => format!("sqlite://{}", self.target),
            Backend::Postgres => match url::Url::parse(&self.target) {
                Ok(mut u) => {
                    if u.password().is_some() {
                        let _ = u.set_password(Some("****"));
                    }
                    u.to_string()
                }
                Err(_) => "postgres://(unparsable)".into(),
            },
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("could not connect to the database: {0}")]
    Connect(String),
    #[error("no database connection available: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("{context}: {source}")]
    Query {
        context: &'static str,
        #[source]
        source: diesel::result::Error,
    },
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("the database task stopped before finishing")]
    TaskAborted,
    #[error("committing to the database failed, nothing was stored: {0}")]
    Commit(String),
}

impl From<diesel::result::Error> for DbError {
    fn from(source: diesel::result::Error) -> Self {
        DbError::Query {
            context: "database query failed",
            source,
        }
    }
}

impl DbError {
    /// True when the error is a unique-constraint violation (a duplicate).
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Query {
                source: diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _
                ),
                ..
            }
        )
    }
}

/// Adds what we were doing to a diesel error.
pub trait QueryContext<T> {
    fn context(self, context: &'static str) -> Result<T, DbError>;
}

impl<T> QueryContext<T> for QueryResult<T> {
    fn context(self, context: &'static str) -> Result<T, DbError> {
        self.map_err(|source| DbError::Query { context, source })
    }
}

/// Opens connections of the right kind and prepares SQLite ones.
struct ConnectionManager {
    url: DatabaseUrl,
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = DbError;

    fn connect(&self) -> Result<DbConnection, DbError> {
        match self.url.backend {
            Backend::Postgres => diesel::PgConnection::establish(&self.url.target)
                .map(DbConnection::Postgresql)
                .map_err(|e| DbError::Connect(e.to_string())),
            Backend::Sqlite => {
                let mut conn = diesel::SqliteConnection::establish(&self.url.target)
                    .map_err(|e| DbError::Connect(e.to_string()))?;
                // WAL lets readers work while one writer writes. With WAL,
                // synchronous = NORMAL syncs the log at checkpoints instead of
                // at every commit: a commit survives the application (or this
                // process) crashing, but a power loss or an operating-system
                // crash can roll back the last commits before it, never
                // corrupt the file. That is the durability promised here;
                // FULL would sync on every commit, at a cost on each write.
                // The busy timeout covers a second process writing at the
                // same time. busy_timeout first: switching to WAL takes a
                // lock that connections opened at the same moment must wait for.
                // temp_store = MEMORY: statement journals (a write that may
                // need undoing, as an insert behind triggers) stay in memory
                // instead of a file created and unlinked in /var/tmp at each
                // application.
                // Checkpoints run on a thread of their own (`checkpoints`);
                // a committing connection checkpoints only as a backstop.
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = {};",
                    checkpoints::BACKSTOP_PAGES
                ))
                .map_err(|e| DbError::Connect(format!("setting SQLite pragmas: {e}")))?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        conn.ping().context("checking a pooled connection")
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

/// The database as the rest of the application sees it: a bounded pool
/// whose blocking calls run off the async workers, at most as many at a
/// time as there are connections.
#[derive(Clone)]
pub struct Db {
    pool: r2d2::Pool<ConnectionManager>,
    backend: Backend,
    permits: Arc<Semaphore>,
    /// SQLite allows one writer: every write of this process goes through
    /// this one connection, in turn. Serialising avoids lock upgrades
    /// failing with SQLITE_BUSY under load, and one connection keeps its
    /// page cache: SQLite empties a connection's cache whenever another
    /// connection committed since its last transaction, so writes spread
    /// over the pool re-read every page they touch. Opened on first use.
    writer: Arc<Mutex<Option<DbConnection>>>,
    /// SQLite: the writes of requests, run on the writer connection by one
    /// thread and committed in groups (see `group_commit`).
    group: Option<Arc<group_commit::GroupCommit>>,
    /// SQLite: the thread that checkpoints the log after writes.
    checkpoints: Option<checkpoints::Checkpoints>,
    manager: Arc<ConnectionManager>,
    /// Changes to the public pages committed through this handle: the
    /// public cache of this process rebuilds on the very next request.
    public_changes: Arc<AtomicU64>,
    /// The job rows and settings the candidate's paths read on every
    /// request, kept as of the public version.
    candidate_reads: Arc<version_cache::CandidateReads>,
}

impl Db {
    pub fn connect(url: &DatabaseUrl, pool_size: u32) -> Result<Self, DbError> {
        if url.backend == Backend::Sqlite {
            if let Some(parent) = std::path::Path::new(&url.target).parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        DbError::Connect(format!("creating {}: {e}", parent.display()))
                    })?;
                }
            }
        }
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            .connection_timeout(Duration::from_secs(10))
            .build(ConnectionManager { url: url.clone() })?;
        let writer = Arc::new(Mutex::new(None));
        let manager = Arc::new(ConnectionManager { url: url.clone() });
        let (group, checkpoints) = match url.backend {
            Backend::Sqlite => {
                let checkpoints = checkpoints::Checkpoints::start(manager.clone())?;
                let group = group_commit::GroupCommit::start(
                    writer.clone(),
                    manager.clone(),
                    checkpoints.clone(),
                )?;
                (Some(Arc::new(group)), Some(checkpoints))
            }
            Backend::Postgres => (None, None),
        };
        Ok(Self {
            pool,
            backend: url.backend,
            permits: Arc::new(Semaphore::new(pool_size.max(1) as usize)),
            writer,
            group,
            checkpoints,
            manager,
            public_changes: Arc::new(AtomicU64::new(0)),
            candidate_reads: Arc::default(),
        })
    }

    /// What the candidate's paths read, kept as of the public version.
    pub fn candidate_reads(&self) -> Arc<version_cache::CandidateReads> {
        self.candidate_reads.clone()
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies the pending migrations of this database's dialect.
    pub fn migrate(&self) -> Result<usize, DbError> {
        let mut conn = self.pool.get()?;
        let applied = match &mut *conn {
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
            DbConnection::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        }
        .map_err(|e| DbError::Migration(e.to_string()))?;
        Ok(applied.len())
    }

    /// Runs `f` on a connection, synchronously (for the command line and workers' blocking threads).
    pub fn run_blocking<T>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let mut conn = self.pool.get()?;
        f(&mut conn)
    }

    /// Runs `f` in one transaction, synchronously.
    pub fn write_blocking<T>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        match self.backend {
            Backend::Sqlite => {
                let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
                let conn = open_writer(&mut writer, &self.manager)?;
                let result = self.transaction(conn, f);
                if let (Ok(_), Some(checkpoints)) = (&result, &self.checkpoints) {
                    checkpoints.wrote();
                }
                result
            }
            Backend::Postgres => self.transaction(&mut *self.pool.get()?, f),
        }
    }

    /// As [`Self::write_blocking`], for a background worker's thread: on
    /// SQLite the write joins the web's group commits (see `group_commit`)
    /// rather than committing alone, so a worker busy under load (the
    /// mail worker records every delivery) does not add a commit of its
    /// own per row. The write must be one that can run again, as for
    /// [`Self::write_rerunnable`]: it runs without a savepoint of its own.
    pub fn write_shared<T: Send + 'static>(
        &self,
        f: impl Fn(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        match &self.group {
            Some(group) => group.write_blocking(self.public_changes.clone(), f),
            None => self.write_blocking(f),
        }
    }

    /// Runs `f` in one transaction on `conn`, noting a committed change to
    /// the public pages.
    fn transaction<T>(
        &self,
        conn: &mut DbConnection,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        public_version::take_bumped();
        let result = conn.transaction(f);
        // Counted only once committed: a reader that sees the count
        // changed then finds the new version in the database.
        if public_version::take_bumped() && result.is_ok() {
            self.public_changes.fetch_add(1, Ordering::SeqCst);
        }
        result
    }

    /// How many changes to the public pages this process has committed.
    pub fn public_changes(&self) -> u64 {
        self.public_changes.load(Ordering::SeqCst)
    }

    /// Runs a read on a blocking thread.
    pub async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| DbError::TaskAborted)?;
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.run_blocking(f))
            .await
            .map_err(|_| DbError::TaskAborted)?
    }

    /// Runs `f` in one transaction on a blocking thread: everything it
    /// writes (the change, its audit event, the emails it queues) commits
    /// together or not at all.
    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        if let Some(group) = &self.group {
            return group.write(self.public_changes.clone(), f).await;
        }
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| DbError::TaskAborted)?;
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.write_blocking(f))
            .await
            .map_err(|_| DbError::TaskAborted)?
    }

    /// As [`Self::write`], for a write that can run again from its start
    /// with the same outcome: it decides from its arguments and what it
    /// reads in the transaction, and changes nothing outside it. On SQLite
    /// it then needs no savepoint of its own within its group's commit
    /// (SQLite copies every page a savepoint's write changes first); should
    /// it fail, its group is rolled back and run again, each write in its
    /// own savepoint (see `group_commit`).
    pub async fn write_rerunnable<T: Send + 'static>(
        &self,
        f: impl Fn(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        match &self.group {
            Some(group) => group.write_rerunnable(self.public_changes.clone(), f).await,
            None => self.write(f).await,
        }
    }

    /// Whether the database answers a query that reads a table (a bare
    /// `SELECT 1` succeeds even when SQLite's file is unreadable).
    pub async fn is_reachable(&self) -> bool {
        self.read(|conn| settings::get(conn, settings::APP_SECRET).map(|_| ()))
            .await
            .is_ok()
    }
}

/// The process's SQLite writer connection (or the checkpoint thread's),
/// opened when missing. A write that panicked or failed to roll back leaves
/// its connection mid-transaction: it is never reused (r2d2's check).
fn open_writer<'a>(
    slot: &'a mut Option<DbConnection>,
    manager: &ConnectionManager,
) -> Result<&'a mut DbConnection, DbError> {
    if slot.as_mut().is_none_or(|c| c.is_broken()) {
        *slot = None;
        *slot = Some(r2d2::ManageConnection::connect(manager)?);
    }
    Ok(slot.as_mut().expect("the writer was just opened"))
}

/// Runs an insert in a savepoint: `Ok(false)` when it hit a unique
/// constraint (someone else inserted the same key first). The savepoint
/// matters on PostgreSQL, where a failed statement would otherwise abort the
/// whole surrounding transaction.
pub fn insert_unless_duplicate(
    conn: &mut DbConnection,
    context: &'static str,
    insert: impl FnOnce(&mut DbConnection) -> QueryResult<usize>,
) -> Result<bool, DbError> {
    match conn.transaction(insert) {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(source) => Err(DbError::Query { context, source }),
    }
}

/// A new identifier for a row: a UUIDv7, its creation time then 74
/// random bits, in the same 32 hex digits as before. Ids in creation
/// order put each new row at the end of every index keyed by an id or by
/// its parent's id (an application's events, rounds, answers and links),
/// where a random id dirtied a random page of each and every commit
/// wrote them all (BENCHMARKS.md, stop 30). No id is a secret: what
/// grants access is a token from `security::token`, stored hashed.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

/// Now, in UTC, at the precision both databases store (microseconds).
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    now.with_nanosecond_micros()
}

trait TruncateToMicros {
    fn with_nanosecond_micros(self) -> Self;
}

impl TruncateToMicros for chrono::NaiveDateTime {
    fn with_nanosecond_micros(self) -> Self {
        use chrono::Timelike;
        let micros = self.nanosecond() / 1_000 * 1_000;
        self.with_nanosecond(micros).unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_in(dir: &tempfile::TempDir) -> Db {
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let db = Db::connect(&DatabaseUrl::parse(&url).unwrap(), 2).unwrap();
        db.migrate().unwrap();
        db
    }

    /// New rows go to the end of their indexes only if ids sort in the
    /// order they were made, across threads too; and an id still carries
    /// enough randomness that two made in the same instant differ.
    #[test]
    fn ids_sort_in_the_order_they_were_made_and_stay_unique() {
        let mut made: Vec<String> = (0..2_000).map(|_| new_id()).collect();
        assert!(made.windows(2).all(|w| w[0] < w[1]), "ids out of order");
        let threads: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| (0..2_000).map(|_| new_id()).collect::<Vec<_>>()))
            .collect();
        for t in threads {
            let ids = t.join().unwrap();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids out of order");
            made.extend(ids);
        }
        assert!(made
            .iter()
            .all(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())));
        let n = made.len();
        made.sort();
        made.dedup();
        assert_eq!(made.len(), n, "two ids alike");
    }

    #[test]
    fn a_write_that_panicked_leaves_nothing_behind_and_the_next_write_commits() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_in(&dir);
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            db.write_blocking(|c| -> Result<(), DbError> {
                settings::set(c, "half_done", "lost")?;
                panic!("a bug in the middle of a write")
            })
        }));
        assert!(panicked.is_err());
        // The writer connection was left mid-transaction: reused as it
        // was, this write would only be a savepoint inside it, never
        // committed, and invisible to every other connection.
        db.write_blocking(|c| settings::set(c, "after", "kept"))
            .unwrap();
        db.run_blocking(|c| {
            assert_eq!(settings::get(c, "after")?.as_deref(), Some("kept"));
            assert_eq!(settings::get(c, "half_done")?, None);
            Ok(())
        })
        .unwrap();
    }

    /// The log is copied back into the database file by the checkpoint
    /// thread, although it holds far fewer pages than the writer's own
    /// automatic checkpoint waits for.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn writes_reach_the_database_file_through_the_checkpoint_thread() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_in(&dir);
        let file = dir.path().join("t.db");
        let before = std::fs::metadata(&file).unwrap().len();
        let value = "x".repeat(4_000);
        for i in 0..100 {
            let value = value.clone();
            db.write(move |c| settings::set(c, &format!("k{i}"), &value))
                .await
                .unwrap();
        }
        let checkpoints = &db.checkpoints.as_ref().unwrap().done;
        // About 100 pages of log: the writer's backstop is far away.
        const { assert!(100 < checkpoints::BACKSTOP_PAGES) };
        let waited = std::time::Instant::now();
        while std::fs::metadata(&file).unwrap().len() < before + 100 * 4_000
            || checkpoints.load(Ordering::Relaxed) == 0
        {
            assert!(
                waited.elapsed() < Duration::from_secs(60),
                "no checkpoint after {} runs of the thread",
                checkpoints.load(Ordering::Relaxed)
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        db.run_blocking(|c| {
            assert_eq!(settings::get(c, "k99")?.as_deref(), Some(value.as_str()));
            Ok(())
        })
        .unwrap();
    }

    /// Runs `writes` with the writer held until each is queued (at its
    /// first poll), so that the writer takes them in groups.
    async fn queued_together<T>(
        db: &Db,
        writes: impl IntoIterator<Item = impl std::future::Future<Output = T>>,
    ) -> Vec<T> {
        let held = db.writer.lock().unwrap();
        let mut all = Box::pin(futures::future::join_all(writes));
        assert!(futures::FutureExt::now_or_never(&mut all).is_none());
        drop(held);
        all.await
    }

    /// Writes arriving together share a commit; each still stands alone:
    /// one that fails or panics is undone, and only it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn writes_committed_together_fail_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_in(&dir);
        let writes = (0..120).map(|i| {
            let db = db.clone();
            async move {
                db.write(move |c| {
                    settings::set(c, &format!("k{i}"), "v")?;
                    match i % 10 {
                        3 => Err(DbError::Corrupt("a write that fails".into())),
                        7 => panic!("a write that panics"),
                        _ => Ok(i),
                    }
                })
                .await
            }
        });
        // The writer takes them in at most three groups (whatever it took
        // before blocking, then groups of 64).
        let results = queued_together(&db, writes).await;
        let groups = db.group.as_ref().unwrap().groups.load(Ordering::Relaxed);
        assert!(groups <= 3, "{groups} groups for 120 writes");
        for (i, result) in results.iter().enumerate() {
            match i % 10 {
                3 => assert!(
                    matches!(result, Err(DbError::Corrupt(_))),
                    "{i}: {result:?}"
                ),
                7 => assert!(
                    matches!(result, Err(DbError::TaskAborted)),
                    "{i}: {result:?}"
                ),
                _ => assert_eq!(result.as_ref().ok(), Some(&i), "{i}"),
            }
        }
        // Read on another connection: answered means committed.
        let stored = db
            .run_blocking(|c| {
                (0..120)
                    .map(|i| settings::get(c, &format!("k{i}")))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for (i, value) in stored.iter().enumerate() {
            assert_eq!(value.is_some(), !matches!(i % 10, 3 | 7), "k{i}");
        }
        // And the writer goes on.
        assert!(db.write(|c| settings::set(c, "after", "v")).await.is_ok());
    }

    /// The depth of `c`'s transaction: 1 in the group's own, 2 in a
    /// savepoint of it.
    fn depth(c: &mut DbConnection) -> u32 {
        use diesel::connection::TransactionManager;
        let status =
            <DbConnection as Connection>::TransactionManager::transaction_manager_status_mut(c);
        status
            .transaction_depth()
            .ok()
            .flatten()
            .map_or(0, |d| d.get())
    }

    /// Writes that can run again share a commit without savepoints; when
    /// one of them fails or panics, the group is rolled back and run again
    /// with a savepoint each: the failed one is undone alone, the others
    /// (one-time writes too) commit once, and a rerun write's first run
    /// leaves no trace.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn rerunnable_writes_run_bare_and_a_failure_still_undoes_only_itself() {
        use std::sync::atomic::AtomicUsize;
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_in(&dir);
        db.write(|c| settings::set(c, "count", "0")).await.unwrap();
        let group = db.group.as_ref().unwrap();
        let reruns = || group.reruns.load(Ordering::Relaxed);

        // A group of rerunnable writes that all succeed: each runs once,
        // outside any savepoint.
        let depths = Arc::new(Mutex::new(Vec::new()));
        let writes = (0..20).map(|i| {
            let (db, depths) = (db.clone(), depths.clone());
            async move {
                db.write_rerunnable(move |c| {
                    depths.lock().unwrap().push(depth(c));
                    settings::set(c, &format!("bare{i}"), "v")
                })
                .await
            }
        });
        let results = queued_together(&db, writes).await;
        assert!(results.iter().all(Result::is_ok));
        assert_eq!(*depths.lock().unwrap(), vec![1; 20]);
        assert_eq!(reruns(), 0);

        // A mixed group: rerunnable writes that count (read, add one,
        // write), one-time writes, and failing and panicking ones of both.
        let runs = Arc::new(AtomicUsize::new(0));
        let writes = (0..60).map(|i| {
            let (db, runs) = (db.clone(), runs.clone());
            async move {
                if i % 2 == 0 {
                    db.write_rerunnable(move |c| {
                        runs.fetch_add(1, Ordering::SeqCst);
                        let n: u32 = settings::get(c, "count")?.unwrap().parse().unwrap();
                        settings::set(c, "count", &(n + 1).to_string())?;
                        settings::set(c, &format!("k{i}"), "v")?;
                        match i % 20 {
                            4 => Err(DbError::Corrupt("a write that fails".into())),
                            8 => panic!("a write that panics"),
                            _ => Ok(i),
                        }
                    })
                    .await
                } else {
                    db.write(move |c| {
                        settings::set(c, &format!("k{i}"), "v")?;
                        match i % 20 {
                            5 => Err(DbError::Corrupt("a write that fails".into())),
                            _ => Ok(i),
                        }
                    })
                    .await
                }
            }
        });
        let results = queued_together(&db, writes).await;
        assert!(reruns() >= 1, "no group ran again");
        let undone = |i: usize| matches!(i % 20, 4 | 5 | 8);
        for (i, result) in results.iter().enumerate() {
            match i % 20 {
                4 | 5 => assert!(
                    matches!(result, Err(DbError::Corrupt(_))),
                    "{i}: {result:?}"
                ),
                8 => assert!(
                    matches!(result, Err(DbError::TaskAborted)),
                    "{i}: {result:?}"
                ),
                _ => assert_eq!(result.as_ref().ok(), Some(&i), "{i}"),
            }
        }
        // Some rerunnable writes ran twice, yet each that succeeded counted
        // once.
        assert!(runs.load(Ordering::SeqCst) > 30);
        let counted = (0..60).filter(|i| i % 2 == 0 && !undone(*i)).count();
        let (count, stored) = db
            .run_blocking(|c| {
                let stored = (0..60)
                    .map(|i| settings::get(c, &format!("k{i}")))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((settings::get(c, "count")?, stored))
            })
            .unwrap();
        assert_eq!(count, Some(counted.to_string()));
        for (i, value) in stored.iter().enumerate() {
            assert_eq!(value.is_some(), !undone(i), "k{i}");
        }
        assert!(db
            .write_rerunnable(|c| settings::set(c, "after", "v"))
            .await
            .is_ok());
    }

    /// A background worker's write goes through the writer thread's queue
    /// (where it shares the web's commits under load), not around it, and
    /// is answered once committed.
    #[test]
    fn a_worker_s_write_joins_the_group_commits() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_in(&dir);
        let groups = || db.group.as_ref().unwrap().groups.load(Ordering::Relaxed);
        let before = groups();
        let id = db
            .write_shared(|c| settings::set(c, "worker", "v").map(|()| 7))
            .unwrap();
        assert_eq!(id, 7);
        assert_eq!(groups(), before + 1);
        let stored = db.run_blocking(|c| settings::get(c, "worker")).unwrap();
        assert_eq!(stored.as_deref(), Some("v"));
        // A failed write is undone and says so.
        let failed = db.write_shared(|c| {
            settings::set(c, "undone", "v")?;
            Err::<(), _>(DbError::Corrupt("a write that fails".into()))
        });
        assert!(matches!(failed, Err(DbError::Corrupt(_))));
        assert_eq!(
            db.run_blocking(|c| settings::get(c, "undone")).unwrap(),
            None
        );
    }

    #[test]
    fn writes_from_many_threads_all_commit_through_the_one_writer() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_in(&dir);
        std::thread::scope(|s| {
            for t in 0..8 {
                let db = &db;
                s.spawn(move || {
                    for i in 0..25 {
                        db.write_blocking(|c| settings::set(c, &format!("k{t}-{i}"), "v"))
                            .unwrap();
                    }
                });
            }
        });
        let stored = db
            .run_blocking(|c| {
                (0..8)
                    .flat_map(|t| (0..25).map(move |i| format!("k{t}-{i}")))
                    .map(|k| settings::get(c, &k))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        assert_eq!(stored.iter().filter(|v| v.is_some()).count(), 200);
    }

    #[test]
    fn urls_choose_the_backend() {
        assert_eq!(
            DatabaseUrl::parse("postgres://u:p@h/db").unwrap().backend,
            Backend::Postgres
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://rapport.db").unwrap().backend,
            Backend::Sqlite
        );
        assert_eq!(
            DatabaseUrl::parse("data/rapport.db").unwrap().backend,
            Backend::Sqlite
        );
        assert!(DatabaseUrl::parse("mysql://x").is_err());
        assert!(DatabaseUrl::parse(":memory:").is_err());
    }

    #[test]
    fn passwords_never_reach_logs() {
        let url = DatabaseUrl::parse("postgres://rapport:s3cret@db.internal/rapport").unwrap();
        assert!(!url.redacted().contains("s3cret"));
        assert!(!format!("{url:?}").contains("s3cret"));
    }
}
