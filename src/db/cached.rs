//! Prepared statements kept for UPDATEs, upserts and the hot inserts.
//!
//! diesel keeps a connection's prepared statements in a cache, but never
//! an `UPDATE` or an `ON CONFLICT … DO UPDATE`: their SQL can change with
//! the values (a `None` in a changeset drops its column), so diesel marks
//! them unsafe to cache and SQLite parses and plans them again on every
//! call: 6 % of the submit path's CPU (BENCHMARKS.md, stop 30).
//!
//! `.execute_cached(conn)` (or `.cached()` on one database's own
//! connection) opts one whole statement back in, keyed by its SQL text and
//! bind types rather than by its Rust type, so each shape its SQL takes is
//! prepared once and a different shape can never reuse another's
//! statement. It runs on the database's own connection, because
//! `DbConnection` renders what it runs through its own query builder
//! first. Use it only where the shapes are few (a changeset with a few
//! optional columns, a batch of a round's answers): each one stays
//! prepared for the connection's life.
//!
//! `fixed!(statement).execute_fixed(conn)` (or `fixed!(…)` run on one
//! database's own connection) is the same for a statement whose SQL never
//! changes at its place in the code: found by that place instead of its
//! text, it is not rendered on each run (see [`Fixed`]). Prefer it on hot
//! paths; keep `.cached()` where the SQL varies with the values.

use diesel::backend::Backend;
// The pass accessors `#[derive(MultiConnection)]` itself uses: the only
// way to tell a pass that collects binds from one that asks "may this be
// cached?". diesel's version is pinned by Cargo.lock; the tests below
// fail if an upgrade changes what they do.
use diesel::internal::derives::multiconnection::AstPassHelper;
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryBuilder, QueryFragment, QueryId};
use diesel::query_dsl::RunQueryDsl;
use diesel::sqlite::Sqlite;
use diesel::QueryResult;

use super::DbConnection;

/// A statement that may be kept prepared, keyed by its SQL text.
#[derive(Debug, Clone, Copy)]
pub struct Cached<Q>(Q);

/// `.execute_cached(conn)` and `.cached()` on any statement: see the
/// module's documentation.
pub trait CacheStatement: Sized {
    /// The statement, kept prepared, for one database's own connection.
    fn cached(self) -> Cached<Self> {
        Cached(self)
    }

    /// Runs the statement, kept prepared, on either database; the number
    /// of rows it changed.
    fn execute_cached(self, conn: &mut DbConnection) -> QueryResult<usize>
    where
        Self: QueryFragment<Sqlite> + QueryFragment<Pg>,
    {
        match conn {
            DbConnection::Sqlite(c) => Cached(self).execute(c),
            DbConnection::Postgresql(c) => Cached(self).execute(c),
        }
    }
}

impl<Q> CacheStatement for Q {}

impl<Q> QueryId for Cached<Q> {
    type QueryId = ();
    // No static id: the cache then keys the statement by its SQL text and
    // bind types, which is what makes caching a varying statement safe.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Cached<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, DB> QueryFragment<DB> for Cached<Q>
where
    DB: Backend,
    DB::QueryBuilder: Default,
    Q: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, mut pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        // Binds, and binds for a log line, come from the statement itself.
        if pass.bind_collector().is_some() || pass.debug_binds().is_some() {
            return self.0.walk_ast(pass);
        }
        // Otherwise the pass wants the SQL, or asks whether the statement
        // may be cached: it gets the SQL, and no "unsafe to cache".
        let mut sql = DB::QueryBuilder::default();
        self.0.to_sql(&mut sql, pass.backend())?;
        pass.push_sql(&sql.finish());
        Ok(())
    }

    // The statement cache asks these two on every run, before it looks the
    // statement up by its SQL: answered without walking the statement
    // twice more (rendering it was 2.5 % of the submit path's CPU,
    // BENCHMARKS.md, stop 34). The answers are `walk_ast`'s.
    fn to_sql(&self, out: &mut DB::QueryBuilder, backend: &DB) -> QueryResult<()> {
        self.0.to_sql(out, backend)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> QueryResult<bool> {
        Ok(true)
    }
}

impl<Q, Conn> RunQueryDsl<Conn> for Cached<Q> {}

/// A statement whose SQL is the same on every run from one place in the
/// code, kept prepared and found by that place: `fixed!(statement)`.
///
/// A [`Cached`] statement is found by its SQL text, so every run renders
/// that text (diesel walks the statement, quoting each identifier), and a
/// statement run through `DbConnection` is rendered on each of diesel's
/// passes: about 10,000 instructions a run, 4 % of a submission's
/// (BENCHMARKS.md, stop 37). Here the place's own type is the statement's
/// id and its SQL is rendered once per process, so a run only collects
/// its binds. Only for statements whose SQL cannot vary with their values:
/// no `Option` in a changeset, no batch of rows. Debug builds check it on
/// every run.
pub struct Fixed<Q, Site>(Q, std::marker::PhantomData<Site>);

/// The place a `fixed!` statement is written at: its SQL, once per
/// database.
pub trait FixedSite: 'static {
    /// SQLite's text, then PostgreSQL's.
    fn sql() -> &'static [std::sync::OnceLock<String>; 2];
}

impl<Q, Site> Fixed<Q, Site> {
    #[doc(hidden)]
    pub fn at_site(query: Q) -> Self {
        Fixed(query, std::marker::PhantomData)
    }

    /// Runs the statement on either database; the number of rows it changed.
    pub fn execute_fixed(self, conn: &mut DbConnection) -> QueryResult<usize>
    where
        Self: QueryFragment<Sqlite> + QueryFragment<Pg> + QueryId,
    {
        match conn {
            DbConnection::Sqlite(c) => self.execute(c),
            DbConnection::Postgresql(c) => self.execute(c),
        }
    }
}

/// `fixed!(statement)`: see [`Fixed`]. Each use is a place of its own.
macro_rules! fixed {
    ($query:expr) => {{
        enum Site {}
        impl $crate::db::cached::FixedSite for Site {
            fn sql() -> &'static [std::sync::OnceLock<String>; 2] {
                static SQL: [std::sync::OnceLock<String>; 2] =
                    [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
                &SQL
            }
        }
        $crate::db::cached::Fixed::<_, Site>::at_site($query)
    }};
}

pub(crate) use fixed;

impl<Q, Site: 'static> QueryId for Fixed<Q, Site> {
    type QueryId = Site;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<Q: Query, Site> Query for Fixed<Q, Site> {
    type SqlType = Q::SqlType;
}

impl<Q, Site, DB> QueryFragment<DB> for Fixed<Q, Site>
where
    DB: Backend + 'static,
    DB::QueryBuilder: Default,
    Q: QueryFragment<DB>,
    Site: FixedSite,
{
    fn walk_ast<'b>(&'b self, mut pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        let slot = usize::from(std::any::TypeId::of::<DB>() == std::any::TypeId::of::<Pg>());
        let render = |backend: &DB| -> QueryResult<String> {
            let mut sql = DB::QueryBuilder::default();
            self.0.to_sql(&mut sql, backend)?;
            Ok(sql.finish())
        };
        // Binds, and binds for a log line, come from the statement itself.
        if pass.bind_collector().is_some() || pass.debug_binds().is_some() {
            #[cfg(debug_assertions)]
            if let Some(first) = Site::sql()[slot].get() {
                let now = render(pass.backend())?;
                assert!(
                    *first == now,
                    "fixed!({}) ran two SQL texts:\n{first}\n{now}\n\
                     use .cached() for a statement whose SQL varies",
                    std::any::type_name::<Site>()
                );
            }
            return self.0.walk_ast(pass);
        }
        // Otherwise the pass wants the SQL, or asks whether the statement
        // may be cached: it gets the SQL, and no "unsafe to cache".
        let sql = match Site::sql()[slot].get() {
            Some(sql) => sql,
            None => {
                let sql = render(pass.backend())?;
                Site::sql()[slot].get_or_init(|| sql)
            }
        };
        pass.push_sql(sql);
        Ok(())
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> QueryResult<bool> {
        Ok(true)
    }
}

impl<Q, Site, Conn> RunQueryDsl<Conn> for Fixed<Q, Site> {}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::db::schema::settings;
    use crate::db::DbConnection;
    use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
    use diesel::prelude::*;
    use std::sync::{Arc, Mutex};

    /// Every statement the connection prepared and kept, in order.
    #[derive(Clone, Default)]
    pub(in crate::db) struct Kept(pub(in crate::db) Arc<Mutex<Vec<String>>>);

    impl Instrumentation for Kept {
        fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
            if let InstrumentationEvent::CacheQuery { sql, .. } = event {
                self.0.lock().unwrap().push(sql.to_string());
            }
        }
    }

    impl Kept {
        fn updates(&self) -> Vec<String> {
            let all = self.0.lock().unwrap();
            all.iter()
                .filter(|s| s.starts_with("UPDATE"))
                .cloned()
                .collect()
        }
    }

    const TABLE: &str = "(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
         INSERT INTO settings VALUES ('a', '1'), ('b', '2');";

    fn watched(mut c: DbConnection) -> (DbConnection, Kept) {
        let kept = Kept::default();
        c.set_instrumentation(kept.clone());
        (c, kept)
    }

    fn sqlite() -> (DbConnection, Kept) {
        let mut c = DbConnection::Sqlite(SqliteConnection::establish(":memory:").unwrap());
        c.batch_execute(&format!("CREATE TABLE settings {TABLE}"))
            .unwrap();
        watched(c)
    }

    /// A temporary `settings` of this connection's own, in front of the
    /// real one.
    #[cfg(rapport_pg_tests)]
    fn postgres() -> (DbConnection, Kept) {
        let url = std::env::var("TEST_POSTGRES_URL")
            .expect("TEST_POSTGRES_URL was set at build time and must be set to run");
        let mut c = DbConnection::Postgresql(PgConnection::establish(&url).unwrap());
        c.batch_execute(&format!("CREATE TEMPORARY TABLE settings {TABLE}"))
            .unwrap();
        watched(c)
    }

    /// A changeset whose SQL depends on its values: `None` leaves its
    /// column out.
    #[derive(AsChangeset)]
    #[diesel(table_name = settings)]
    struct Change<'a> {
        key: Option<&'a str>,
        value: Option<&'a str>,
    }

    fn all(c: &mut DbConnection) -> Vec<(String, String)> {
        settings::table.order(settings::key).load(c).unwrap()
    }

    #[test]
    fn an_update_is_kept_prepared_only_when_asked_sqlite() {
        kept_only_when_asked(sqlite());
    }

    #[cfg(rapport_pg_tests)]
    #[test]
    fn an_update_is_kept_prepared_only_when_asked_postgres() {
        kept_only_when_asked(postgres());
    }

    fn kept_only_when_asked((mut c, kept): (DbConnection, Kept)) {
        for v in ["x", "y", "z"] {
            diesel::update(settings::table.find("a"))
                .set(settings::value.eq(v))
                .execute(&mut c)
                .unwrap();
        }
        assert!(kept.updates().is_empty(), "diesel keeps no UPDATE");
        for v in ["x", "y", "z"] {
            let n = diesel::update(settings::table.find("a"))
                .set(settings::value.eq(v))
                .execute_cached(&mut c)
                .unwrap();
            assert_eq!(n, 1);
        }
        let updates = kept.updates();
        assert_eq!(
            updates.len(),
            1,
            "prepared once, run three times: {updates:?}"
        );
        assert_eq!(all(&mut c)[0], ("a".into(), "z".into()));
    }

    /// Two shapes of one Rust type are two statements: keyed by type, the
    /// second would run the first's SQL with its own values.
    #[test]
    fn each_shape_of_a_statement_is_its_own_statement_sqlite() {
        shapes_apart(sqlite());
    }

    #[cfg(rapport_pg_tests)]
    #[test]
    fn each_shape_of_a_statement_is_its_own_statement_postgres() {
        shapes_apart(postgres());
    }

    fn shapes_apart((mut c, kept): (DbConnection, Kept)) {
        let change = |c: &mut DbConnection, at: &str, ch: Change| {
            diesel::update(settings::table.find(at))
                .set(ch)
                .execute_cached(c)
                .unwrap()
        };
        for (a, b, renamed, value) in [("a", "b", "c", "x"), ("a", "c", "b", "w")] {
            let n = change(
                &mut c,
                a,
                Change {
                    key: None,
                    value: Some(value),
                },
            );
            assert_eq!(n, 1);
            let n = change(
                &mut c,
                b,
                Change {
                    key: Some(renamed),
                    value: None,
                },
            );
            assert_eq!(n, 1);
            assert_eq!(
                all(&mut c),
                vec![("a".into(), value.into()), (renamed.into(), "2".into())]
            );
        }
        assert_eq!(kept.updates().len(), 2, "one kept statement per shape");
    }

    /// What a log line shows of a kept statement: its SQL and its values.
    #[test]
    fn a_kept_statement_still_shows_its_sql_and_values() {
        let q = diesel::update(settings::table.find("a"))
            .set(settings::value.eq("x"))
            .cached();
        let shown = diesel::debug_query::<diesel::sqlite::Sqlite, _>(&q).to_string();
        assert!(
            shown.starts_with("UPDATE `settings` SET `value` = ?"),
            "{shown}"
        );
        assert!(
            shown.contains("\"x\"") && shown.contains("\"a\""),
            "{shown}"
        );
    }

    #[test]
    fn a_fixed_statement_is_prepared_once_for_its_place_sqlite() {
        fixed_once(sqlite());
    }

    #[cfg(rapport_pg_tests)]
    #[test]
    fn a_fixed_statement_is_prepared_once_for_its_place_postgres() {
        fixed_once(postgres());
    }

    /// Each place is its own statement, prepared on its first run; later
    /// runs bind their own values to it.
    fn fixed_once((mut c, kept): (DbConnection, Kept)) {
        let set = |c: &mut DbConnection, at: &str, v: &str| {
            fixed!(diesel::update(settings::table.find(at)).set(settings::value.eq(v)))
                .execute_fixed(c)
                .unwrap()
        };
        assert_eq!(set(&mut c, "a", "x"), 1);
        assert_eq!(set(&mut c, "b", "y"), 1);
        assert_eq!(set(&mut c, "missing", "z"), 0);
        // The same SQL from another place is another statement.
        let n = fixed!(diesel::update(settings::table.find("a")).set(settings::value.eq("w")))
            .execute_fixed(&mut c)
            .unwrap();
        assert_eq!(n, 1);
        assert_eq!(kept.updates().len(), 2, "{:?}", kept.0.lock().unwrap());
        assert_eq!(
            all(&mut c),
            vec![("a".into(), "w".into()), ("b".into(), "y".into())]
        );
    }

    /// A place whose SQL changes with its values would run the first
    /// shape's statement with the second's binds: debug builds stop it.
    #[cfg(debug_assertions)]
    #[test]
    #[should_panic(expected = "ran two SQL texts")]
    fn a_fixed_place_whose_sql_varies_is_refused_in_debug_builds() {
        let (mut c, _) = sqlite();
        let changes = [
            Change {
                key: None,
                value: Some("x"),
            },
            Change {
                key: Some("c"),
                value: None,
            },
        ];
        for ch in changes {
            let _ = fixed!(diesel::update(settings::table.find("a")).set(ch)).execute_fixed(&mut c);
        }
    }
}
