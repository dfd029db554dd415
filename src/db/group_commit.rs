//! SQLite's writes from the web, committed in groups.
//!
//! SQLite has one writer, and each commit appends every page the
//! transaction touched to the write-ahead log: about 45 pages (two system
//! calls each) for one application, most of them the same index and table
//! pages the next application touches again. Under load the writes waiting
//! for the writer are run together instead, each in a savepoint of one
//! transaction, and committed once: a page shared by the group is logged
//! once. Each write still commits or fails as a whole (a failed one is
//! rolled back to its savepoint and the others go on), and none is answered
//! before the group's commit is durable, so what a caller is told is what
//! the database holds.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

use diesel::connection::{Connection, TransactionManager};

use super::checkpoints::Checkpoints;
use super::{public_version, ConnectionManager, DbConnection, DbError};

/// At most this many writes share a commit: enough that a group under load
/// shares its pages, few enough that the first of them is not kept waiting
/// long for the last.
const MAX_GROUP: usize = 64;

/// One write: run in its own savepoint, it answers how to tell its caller
/// once the group's commit is known.
type Job = Box<dyn FnOnce(&mut DbConnection) -> Finish + Send>;
/// Tells a write's caller its result, given the group's commit (an error
/// there undoes every write of the group).
type Finish = Box<dyn FnOnce(Result<(), &DbError>) + Send>;

/// The queue of writes in front of the writer thread.
pub(super) struct GroupCommit {
    /// A `Sender` is shared by reference across threads: no lock on the
    /// request's path.
    jobs: Sender<Job>,
    /// How many groups were committed or rolled back (the tests read it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) groups: Arc<AtomicU64>,
}

impl GroupCommit {
    /// Starts the writer thread; it stops when the last handle is dropped.
    pub(super) fn start(
        writer: Arc<Mutex<Option<DbConnection>>>,
        manager: Arc<ConnectionManager>,
        checkpoints: Checkpoints,
    ) -> Result<Self, DbError> {
        let (jobs, queue) = channel::<Job>();
        let groups = Arc::new(AtomicU64::new(0));
        let counted = groups.clone();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(&queue, &writer, &manager, &checkpoints, &counted))
            .map_err(|e| DbError::Connect(format!("starting the SQLite writer thread: {e}")))?;
        Ok(Self { jobs, groups })
    }

    /// Runs `f` in a transaction of its own (a savepoint of the group's),
    /// answered once the group is committed.
    pub(super) async fn write<T: Send + 'static>(
        &self,
        public_changes: Arc<AtomicU64>,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let answered = self.queue(public_changes, f)?;
        // A job dropped unrun (the writer could not open the database, or
        // the write panicked) drops its sender.
        answered.await.map_err(|_| DbError::TaskAborted)?
    }

    /// As [`Self::write`], for a thread that may block (a background
    /// worker's): its writes share the web's commits instead of paying
    /// for one of their own.
    pub(super) fn write_blocking<T: Send + 'static>(
        &self,
        public_changes: Arc<AtomicU64>,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let answered = self.queue(public_changes, f)?;
        answered.blocking_recv().map_err(|_| DbError::TaskAborted)?
    }

    /// Puts `f` in the writer's queue; the receiver gets its result once
    /// its group's commit is known.
    fn queue<T: Send + 'static>(
        &self,
        public_changes: Arc<AtomicU64>,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<tokio::sync::oneshot::Receiver<Result<T, DbError>>, DbError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            public_version::take_bumped();
            let result = conn.transaction(f);
            let bumped = public_version::take_bumped() && result.is_ok();
            Box::new(move |committed: Result<(), &DbError>| {
                let result = match committed {
                    Ok(()) => {
                        // Counted once committed: a reader that sees the
                        // count change then finds the new version stored.
                        if bumped {
                            public_changes.fetch_add(1, Ordering::SeqCst);
                        }
                        result
                    }
                    Err(e) => result.and(Err(DbError::Commit(e.to_string()))),
                };
                let _ = answer.send(result);
            })
        });
        self.jobs.send(job).map_err(|_| DbError::TaskAborted)?;
        Ok(answered)
    }
}

/// The writer thread: takes the writes waiting, runs them in one
/// transaction on the process's writer connection, commits, answers.
fn run(
    queue: &Receiver<Job>,
    writer: &Mutex<Option<DbConnection>>,
    manager: &ConnectionManager,
    checkpoints: &Checkpoints,
    groups: &AtomicU64,
) {
    let mut waiting: Vec<Job> = Vec::new();
    loop {
        if waiting.is_empty() {
            match queue.recv() {
                Ok(job) => waiting.push(job),
                Err(_) => return,
            }
        }
        while waiting.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(job) => waiting.push(job),
                Err(_) => break,
            }
        }
        let mut slot = writer.lock().unwrap_or_else(|p| p.into_inner());
        let conn = match super::open_writer(&mut slot, manager) {
            Ok(conn) => conn,
            Err(e) => {
                tracing::error!(error = %e, "opening the SQLite writer; {} writes fail", waiting.len());
                waiting.clear();
                continue;
            }
        };
        let group = std::mem::take(&mut waiting);
        if let Err(e) = <DbConnection as Connection>::TransactionManager::begin_transaction(conn) {
            tracing::error!(error = %e, "beginning a group of SQLite writes");
            *slot = None;
            continue;
        }
        let mut finishes: Vec<Finish> = Vec::with_capacity(group.len());
        let mut jobs = group.into_iter();
        let mut broken = false;
        for job in jobs.by_ref() {
            match catch_unwind(AssertUnwindSafe(|| job(conn))) {
                Ok(finish) => finishes.push(finish),
                Err(_) => {
                    // The write panicked inside its savepoint: undo it alone.
                    tracing::error!("a write panicked; it was rolled back");
                    let _ = <DbConnection as Connection>::TransactionManager::rollback_transaction(
                        conn,
                    );
                }
            }
            // Each write must leave the group's transaction as it found it.
            // If not (its savepoint could not be undone, or SQLite rolled the
            // whole transaction back after a disk error), the group's earlier
            // writes are lost or unknown: none of them is committed.
            if !in_group_transaction(conn) {
                broken = true;
                break;
            }
        }
        // Writes not yet run when the group broke wait for the next one.
        waiting.extend(jobs);
        let committed = if broken {
            Err(DbError::Commit(
                "another write of the same commit failed to roll back".into(),
            ))
        } else {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)
                .map_err(|e| DbError::Commit(e.to_string()))
        };
        if committed.is_ok() {
            checkpoints.wrote();
        } else {
            // Whatever state the connection is in, a new one starts clean;
            // closing this one rolls back what it had not committed.
            *slot = None;
        }
        drop(slot);
        groups.fetch_add(1, Ordering::Relaxed);
        for finish in finishes {
            finish(committed.as_ref().map(|_| ()));
        }
    }
}

/// Whether `conn` is in the group's transaction and no deeper.
fn in_group_transaction(conn: &mut DbConnection) -> bool {
    let status =
        <DbConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn);
    matches!(status.transaction_depth(), Ok(Some(depth)) if depth.get() == 1)
}
