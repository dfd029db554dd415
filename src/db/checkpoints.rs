//! SQLite's checkpoints, off the writer's path.
//!
//! In WAL mode every commit appends pages to the log, and a checkpoint
//! copies them back into the database file and syncs both. By default the
//! connection that commits runs a checkpoint itself whenever the log holds
//! 1,000 pages: under load that was several times a second, on the one
//! writer thread every request's write waits for, and each checkpoint
//! copied again the same hot index pages the previous one had copied
//! (measured: 17 % of all CPU in the candidate flows was commits, half of
//! it checkpoints).
//!
//! Here the writer only says it wrote; a thread of its own, on a
//! connection of its own, runs a passive checkpoint (it never blocks a
//! writer or a reader) at most once per `PAUSE`, so a page written many
//! times in that while is copied once, and mostly on another core than the
//! writer's.
//!
//! The log file starts again from its beginning only when a write begins
//! after a checkpoint that left nothing to copy. Under steady load this
//! thread never quite catches up (the writer appends while it copies), so
//! the writer's own automatic checkpoint stays, at `BACKSTOP_PAGES`: it
//! copies the little this thread has not, and the next write restarts the
//! log. Measured under load: the log file peaks at about 50 MB (it keeps
//! that size on disk afterwards; SQLite reuses it). When the load stops,
//! this thread's last checkpoint leaves nothing behind, and the next write
//! restarts the log.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::SimpleConnection;

use super::{ConnectionManager, DbConnection, DbError};

/// At most one checkpoint in this while: long enough that pages written
/// again and again under load are copied once, short enough that little is
/// left for the writer's backstop.
const PAUSE: Duration = Duration::from_millis(250);

/// The log's length, in pages, at which the committing connection
/// checkpoints by itself (SQLite's default is 1,000): under load, what lets
/// the log restart (see above).
pub(super) const BACKSTOP_PAGES: u32 = 10_000;

/// The writer's side: tells the checkpoint thread that the log grew.
#[derive(Clone)]
pub(super) struct Checkpoints {
    wrote: SyncSender<()>,
    /// How many checkpoints were tried (the tests read it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) done: Arc<AtomicU64>,
}

impl Checkpoints {
    /// Starts the checkpoint thread; it stops when the last handle is
    /// dropped, after a last checkpoint.
    pub(super) fn start(manager: Arc<ConnectionManager>) -> Result<Self, DbError> {
        // One signal pending is enough: it means "the log grew since the
        // last checkpoint"; more would say nothing new.
        let (wrote, signals) = sync_channel(1);
        let done = Arc::new(AtomicU64::new(0));
        let counted = done.clone();
        std::thread::Builder::new()
            .name("sqlite-checkpoints".into())
            .spawn(move || run(&signals, &manager, &counted))
            .map_err(|e| DbError::Connect(format!("starting the SQLite checkpoint thread: {e}")))?;
        Ok(Self { wrote, done })
    }

    /// Called after a commit: a checkpoint follows within `PAUSE`.
    pub(super) fn wrote(&self) {
        // Full: a checkpoint is already due. Disconnected: the thread is
        // gone, and the writer's backstop bounds the log.
        let _ = self.wrote.try_send(());
    }
}

fn run(signals: &Receiver<()>, manager: &ConnectionManager, done: &AtomicU64) {
    let mut conn: Option<DbConnection> = None;
    while signals.recv().is_ok() {
        // Let the writes of the next moment join this checkpoint.
        std::thread::sleep(PAUSE);
        let _ = signals.try_recv();
        if let Err(e) = checkpoint(&mut conn, manager) {
            // The backstop still bounds the log; a new connection next time.
            tracing::warn!(error = %e, "checkpointing SQLite's log");
            conn = None;
        }
        done.fetch_add(1, Ordering::Relaxed);
    }
}

fn checkpoint(conn: &mut Option<DbConnection>, manager: &ConnectionManager) -> Result<(), DbError> {
    let conn = super::open_writer(conn, manager)?;
    match conn {
        DbConnection::Sqlite(c) => c
            .batch_execute("PRAGMA wal_checkpoint(PASSIVE);")
            .map_err(|e| DbError::Commit(format!("checkpoint: {e}"))),
        DbConnection::Postgresql(_) => Ok(()),
    }
}
