//! Logging.

use std::io::IsTerminal;

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

/// Structured logs to stderr. `RUST_LOG` wins over the configured filter.
///
/// Lines are formatted where they happen and written by a thread of its
/// own: one `write` per line on a busy server cost as much as answering a
/// cached page. The writer drains every line waiting, then flushes, so
/// under load lines go out in batches and when idle each at once. Nothing
/// is dropped when the queue is full (the logging request waits instead).
/// Keep the guard until the process ends: dropping it writes what is left.
pub fn init(filter: &str) -> Option<WorkerGuard> {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("rapport-log")
        .finish(std::io::BufWriter::with_capacity(
            64 * 1024,
            std::io::stderr(),
        ));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(writer)
        .try_init()
        .ok()
        .map(|_| guard)
}
