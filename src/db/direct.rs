//! Queries run on the database's own connection, for the hot paths.
//!
//! `DbConnection` (diesel's `MultiConnection`) wraps every query it runs
//! in a `SerializedQuery` that renders the query's whole SQL text on every
//! pass diesel makes over it, even when the statement is already prepared
//! and kept: twice per run (the "may this be cached?" pass and the binds
//! pass). For a row of 30 columns that rendering costs more than SQLite
//! running the statement: 7.4 % of the submit path's CPU (BENCHMARKS.md,
//! stop 32). On SQLite's or PostgreSQL's own connection a statement with a
//! static query id is found in the statement cache by its type, and only
//! its binds are collected.
//!
//! `direct!(conn, |c| query.first(c))` type-checks the expression once
//! per database (so `as_select()` and boxed queries work) and runs it on
//! the connection's own driver, inside whatever transaction `conn` is in:
//! `DbConnection`'s transactions are its driver's.

/// Runs `$body` with `$c` bound to `$conn`'s own connection (see the
/// module's documentation).
macro_rules! direct {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($c) => $body,
            $crate::db::DbConnection::Postgresql($c) => $body,
        }
    };
}

pub(crate) use direct;

#[cfg(test)]
mod tests {
    use crate::db::cached::tests::Kept;
    use crate::db::schema::settings;
    use crate::db::DbConnection;
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;

    /// A read and a write through `direct!` see the same rows as the
    /// same statements through `DbConnection`, inside one transaction
    /// that rolls back; the read is prepared once for many runs, whichever
    /// path runs it.
    #[test]
    fn direct_statements_share_the_connection_and_its_transaction() {
        let mut conn = DbConnection::Sqlite(SqliteConnection::establish(":memory:").unwrap());
        conn.batch_execute(
            "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
             INSERT INTO settings VALUES ('a', '1');",
        )
        .unwrap();
        let prepared = Kept::default();
        conn.set_instrumentation(prepared.clone());
        let read = |conn: &mut DbConnection| -> String {
            direct!(conn, |c| settings::table
                .find("a")
                .select(settings::value)
                .first::<String>(c))
            .unwrap()
        };
        let rolled_back = conn.transaction::<(), diesel::result::Error, _>(|conn| {
            direct!(conn, |c| diesel::update(settings::table.find("a"))
                .set(settings::value.eq("2"))
                .execute(c))?;
            // The change is seen through either path before the commit.
            assert_eq!(read(conn), "2");
            let through_multi: String = settings::table
                .find("a")
                .select(settings::value)
                .first(conn)?;
            assert_eq!(through_multi, "2");
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(rolled_back.is_err());
        assert_eq!(read(&mut conn), "1", "the rollback undid the direct write");
        for _ in 0..5 {
            read(&mut conn);
        }
        let reads = prepared
            .0
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.starts_with("SELECT"))
            .count();
        // Both paths key the statement by the query's type: one prepared
        // statement serves every run of either.
        assert_eq!(reads, 1, "a read is prepared once, then kept");
    }
}
