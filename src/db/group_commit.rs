//! SQLite's writes from the web, committed in groups.
//!
//! SQLite has one writer, and each commit appends every page the
//! transaction touched to the write-ahead log: about 45 pages (two system
//! calls each) for one application, most of them the same index and table
//! pages the next application touches again. Under load the writes waiting
//! for the writer are run together instead, in one transaction, and
//! committed once: a page shared by the group is logged once. Each write
//! still commits or fails as a whole, and none is answered before the
//! group's commit is durable, so what a caller is told is what the
//! database holds.
//!
//! A write runs in a savepoint of its own, so that a failed one is rolled
//! back alone and the others go on; but a savepoint makes SQLite copy every
//! page the write changes into a journal first. A write that can be run
//! again from its start ([`GroupCommit::write_rerunnable`]) runs without
//! one: if it fails, the whole group is rolled back and run again with
//! every write in its own savepoint, so the failure still undoes only it.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

use diesel::connection::{Connection, TransactionManager};
use tokio::sync::oneshot;

use super::checkpoints::Checkpoints;
use super::{public_version, ConnectionManager, DbConnection, DbError};

/// At most this many writes share a commit: enough that a group under load
/// shares its pages, few enough that the first of them is not kept waiting
/// long for the last.
const MAX_GROUP: usize = 64;

/// One write waiting for the writer thread.
type Job = Box<dyn Write + Send>;

/// A write as the writer thread runs it: once or more, then answered once
/// the group's commit is known.
trait Write {
    /// Whether the write may run again from its start after a failure.
    fn rerunnable(&self) -> bool;
    /// Runs the write in the group's transaction, in a savepoint of its own
    /// or bare; returns whether it succeeded (a bare one that failed left
    /// its changes in the transaction, for the writer to roll back).
    fn run(&mut self, conn: &mut DbConnection, own_savepoint: bool) -> bool;
    /// Tells the caller its last run's result, given the group's commit (an
    /// error there undoes every write of the group). A write that never
    /// finished a run (it panicked) is answered as aborted.
    fn finish(self: Box<Self>, committed: Result<(), &DbError>);
}

/// A write with its caller's channel and its last run's result.
struct Pending<F, T> {
    /// A one-time write is wrapped to run once ([`GroupCommit::write`]).
    f: F,
    rerunnable: bool,
    result: Option<Result<T, DbError>>,
    /// Whether the last run changed the public pages.
    bumped: bool,
    public_changes: Arc<AtomicU64>,
    answer: oneshot::Sender<Result<T, DbError>>,
}

impl<F, T> Write for Pending<F, T>
where
    F: FnMut(&mut DbConnection) -> Result<T, DbError>,
{
    fn rerunnable(&self) -> bool {
        self.rerunnable
    }

    fn run(&mut self, conn: &mut DbConnection, own_savepoint: bool) -> bool {
        let f = &mut self.f;
        self.result = None;
        public_version::take_bumped();
        let result = if own_savepoint {
            conn.transaction(|c| f(c))
        } else {
            f(conn)
        };
        self.bumped = public_version::take_bumped() && result.is_ok();
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn finish(self: Box<Self>, committed: Result<(), &DbError>) {
        let Some(result) = self.result else {
            // Dropping the sender tells the caller the write was aborted.
            return;
        };
        let result = match committed {
            Ok(()) => {
                // Counted once committed: a reader that sees the count
                // change then finds the new version stored.
                if self.bumped {
                    self.public_changes.fetch_add(1, Ordering::SeqCst);
                }
                result
            }
            Err(e) => result.and(Err(DbError::Commit(e.to_string()))),
        };
        let _ = self.answer.send(result);
    }
}

/// The queue of writes in front of the writer thread.
pub(super) struct GroupCommit {
    /// A `Sender` is shared by reference across threads: no lock on the
    /// request's path.
    jobs: Sender<Job>,
    /// How many groups were committed or rolled back (the tests read it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) groups: Arc<AtomicU64>,
    /// How many groups were run again after a bare write failed (the
    /// tests read it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) reruns: Arc<AtomicU64>,
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
        let reruns = Arc::new(AtomicU64::new(0));
        let counted = (groups.clone(), reruns.clone());
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(&queue, &writer, &manager, &checkpoints, &counted))
            .map_err(|e| DbError::Connect(format!("starting the SQLite writer thread: {e}")))?;
        Ok(Self {
            jobs,
            groups,
            reruns,
        })
    }

    /// Runs `f` in a transaction of its own (a savepoint of the group's),
    /// answered once the group is committed.
    pub(super) async fn write<T: Send + 'static>(
        &self,
        public_changes: Arc<AtomicU64>,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let mut f = Some(f);
        let once = move |c: &mut DbConnection| match f.take() {
            Some(f) => f(c),
            None => Err(DbError::TaskAborted),
        };
        let answered = self.queue(public_changes, once, false)?;
        // A job dropped unrun (the writer could not open the database, or
        // the write panicked) drops its sender.
        answered.await.map_err(|_| DbError::TaskAborted)?
    }

    /// As [`Self::write`], for a write that can run again from its start
    /// with the same outcome: everything it decides comes from its
    /// arguments and the database, and it changes nothing outside the
    /// transaction. It runs without a savepoint (see the module's
    /// documentation); only its last run counts.
    pub(super) async fn write_rerunnable<T: Send + 'static>(
        &self,
        public_changes: Arc<AtomicU64>,
        f: impl Fn(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let answered = self.queue(public_changes, f, true)?;
        answered.await.map_err(|_| DbError::TaskAborted)?
    }

    /// As [`Self::write_rerunnable`], for a thread that may block (a
    /// background worker's): its writes share the web's commits instead
    /// of paying for one of their own.
    pub(super) fn write_blocking<T: Send + 'static>(
        &self,
        public_changes: Arc<AtomicU64>,
        f: impl Fn(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let answered = self.queue(public_changes, f, true)?;
        answered.blocking_recv().map_err(|_| DbError::TaskAborted)?
    }

    /// Puts `f` in the writer's queue; the receiver gets its result once
    /// its group's commit is known.
    fn queue<T: Send + 'static>(
        &self,
        public_changes: Arc<AtomicU64>,
        f: impl FnMut(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
        rerunnable: bool,
    ) -> Result<oneshot::Receiver<Result<T, DbError>>, DbError> {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(Pending {
            f,
            rerunnable,
            result: None,
            bumped: false,
            public_changes,
            answer,
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
    (groups, reruns): &(Arc<AtomicU64>, Arc<AtomicU64>),
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
        let mut group = std::mem::take(&mut waiting);
        // The writes that can run again go first, bare: until one of them
        // fails, no other write has run, and rolling back loses nothing.
        // (Writes of one group were queued at the same time by different
        // callers: their order among themselves is nobody's promise.)
        group.sort_by_key(|job| !job.rerunnable());
        let mut bare = group.iter().take_while(|job| job.rerunnable()).count();
        let outcome = loop {
            if let Err(e) =
                <DbConnection as Connection>::TransactionManager::begin_transaction(conn)
            {
                tracing::error!(error = %e, "beginning a group of SQLite writes");
                break Ran::Unopened;
            }
            match run_group(conn, &mut group, bare) {
                Ran::BareFailed => {
                    reruns.fetch_add(1, Ordering::Relaxed);
                    if <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)
                        .is_err()
                    {
                        break Ran::Unopened;
                    }
                    bare = 0;
                }
                ran => break ran,
            }
        };
        let ran = match outcome {
            Ran::Unopened => {
                // Whatever state the connection is in, a new one starts
                // clean; closing this one rolls back what it had not
                // committed. The group's callers are told it was aborted.
                *slot = None;
                continue;
            }
            Ran::All => group.len(),
            Ran::BrokenAfter(n) => n,
            Ran::BareFailed => unreachable!("a group that failed bare runs again"),
        };
        // Writes not yet run when the group broke wait for the next one.
        waiting.extend(group.drain(ran..));
        let committed = if matches!(outcome, Ran::BrokenAfter(_)) {
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
            *slot = None;
        }
        drop(slot);
        groups.fetch_add(1, Ordering::Relaxed);
        for job in group {
            job.finish(committed.as_ref().map(|_| ()));
        }
    }
}

/// How far a group's writes went in its transaction.
enum Ran {
    /// Every write ran (those that failed in their savepoint were undone).
    All,
    /// A write that ran bare failed or panicked: its changes are in the
    /// transaction, which must be rolled back.
    BareFailed,
    /// The first `n` writes ran, and the last of them left the transaction
    /// in a state that cannot be committed.
    BrokenAfter(usize),
    /// The transaction could not be opened or rolled back.
    Unopened,
}

/// Runs `group`'s writes in the open transaction, the first `bare` of them
/// without savepoints.
fn run_group(conn: &mut DbConnection, group: &mut [Job], bare: usize) -> Ran {
    for (i, job) in group.iter_mut().enumerate() {
        let own_savepoint = i >= bare;
        match catch_unwind(AssertUnwindSafe(|| job.run(conn, own_savepoint))) {
            Ok(true) => {}
            Ok(false) | Err(_) if !own_savepoint => return Ran::BareFailed,
            // Undone by its savepoint: its result says why.
            Ok(false) => {}
            Err(_) => {
                // The write panicked inside its savepoint: undo it alone.
                tracing::error!("a write panicked; it was rolled back");
                let _ =
                    <DbConnection as Connection>::TransactionManager::rollback_transaction(conn);
            }
        }
        // Each write must leave the group's transaction as it found it.
        // If not (its savepoint could not be undone, or SQLite rolled the
        // whole transaction back after a disk error), the group's earlier
        // writes are lost or unknown: none of them is committed.
        if !in_group_transaction(conn) {
            return Ran::BrokenAfter(i + 1);
        }
    }
    Ran::All
}

/// Whether `conn` is in the group's transaction and no deeper.
fn in_group_transaction(conn: &mut DbConnection) -> bool {
    let status =
        <DbConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn);
    matches!(status.transaction_depth(), Ok(Some(depth)) if depth.get() == 1)
}
