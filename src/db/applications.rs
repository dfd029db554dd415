//! Applications and their history of moves.

use super::direct::direct;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::{fixed, CacheStatement};
use super::insight::Scope;
use super::schema::{application_events, applications, scorecards};
use super::{new_id, DbConnection, DbError, MultiBackend, QueryContext};
use crate::domain::application::{NewApplication, Stage};
use crate::domain::job::LanguageRequirement;
use crate::i18n::Locale;

// "Reached at least this stage" filters applications by their history.
diesel::allow_tables_to_appear_in_same_query!(applications, application_events);

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = applications)]
pub struct ApplicationRow {
    pub id: String,
    pub job_id: String,
    pub name: String,
    pub email: String,
    pub languages: String,
    pub location: String,
    pub timezone: String,
    pub cover_letter: String,
    pub portfolio_url: String,
    pub cv_file: Option<String>,
    pub cv_filename: Option<String>,
    pub stage: String,
    pub screen_score: Option<f64>,
    pub screen_passed: Option<i32>,
    pub consent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub erased_at: Option<NaiveDateTime>,
    #[serde(skip)]
    pub screen_rank: f64,
    /// Where the candidate came from (`ref`/`utm_source`), '' if unknown.
    pub source: String,
    /// The language the candidate reads us in (a `locales/` code).
    pub locale: String,
}

impl ApplicationRow {
    /// The candidate's language; English for a code with no file.
    pub fn locale(&self) -> crate::i18n::Locale {
        crate::i18n::Locale::parse_or_english(&self.locale)
    }
    pub fn stage(&self) -> Stage {
        Stage::parse(&self.stage).unwrap_or(Stage::Applied)
    }
    pub fn languages(&self) -> Vec<LanguageRequirement> {
        serde_json::from_str(&self.languages).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = application_events)]
pub struct ApplicationEvent {
    pub id: String,
    pub application_id: String,
    pub at: NaiveDateTime,
    pub actor: String,
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub reason: String,
}

/// An uploaded CV: the generated storage name and the name the candidate gave it.
pub struct StoredCv {
    pub file: String,
    pub filename: String,
}

/// Stores a new application at stage "applied", with its first event.
/// `None` when this email already applied to this job.
pub fn insert(
    conn: &mut DbConnection,
    job_id: &str,
    a: &NewApplication,
    cv: Option<StoredCv>,
    now: NaiveDateTime,
) -> Result<Option<ApplicationRow>, DbError> {
    insert_as(conn, job_id, a, cv, ("candidate", "applied"), now)
}

/// [`insert`], with who brought the application in and how, for its
/// first event (an import says so).
pub fn insert_as(
    conn: &mut DbConnection,
    job_id: &str,
    a: &NewApplication,
    cv: Option<StoredCv>,
    origin: (&str, &str),
    now: NaiveDateTime,
) -> Result<Option<ApplicationRow>, DbError> {
    insert_row(conn, job_id, a, cv, origin, Locale::ENGLISH, now)
}

/// [`insert`], with the language the candidate reads us in already
/// known: stored with the row rather than set after it.
pub fn insert_in(
    conn: &mut DbConnection,
    job_id: &str,
    a: &NewApplication,
    cv: Option<StoredCv>,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<Option<ApplicationRow>, DbError> {
    insert_row(conn, job_id, a, cv, ("candidate", "applied"), locale, now)
}

fn insert_row(
    conn: &mut DbConnection,
    job_id: &str,
    a: &NewApplication,
    cv: Option<StoredCv>,
    (actor, how): (&str, &str),
    locale: Locale,
    now: NaiveDateTime,
) -> Result<Option<ApplicationRow>, DbError> {
    const CONTEXT: &str = "storing an application";
    let id = new_id();
    let languages = serde_json::to_string(&a.languages).unwrap_or_else(|_| "[]".into());
    let values = (
        (
            applications::id.eq(&id),
            applications::job_id.eq(job_id),
            applications::name.eq(a.name.as_str()),
            applications::email.eq(a.email.as_str()),
            applications::languages.eq(&languages),
            applications::location.eq(&a.location),
            applications::timezone.eq(&a.timezone),
            applications::cover_letter.eq(&a.cover_letter),
            applications::portfolio_url.eq(&a.portfolio_url),
        ),
        (
            applications::cv_file.eq(cv.as_ref().map(|c| c.file.as_str())),
            applications::cv_filename.eq(cv.as_ref().map(|c| c.filename.as_str())),
            applications::stage.eq(Stage::Applied.as_str()),
            applications::consent_at.eq(now),
            applications::created_at.eq(now),
            applications::updated_at.eq(now),
            applications::source.eq(&a.source),
            applications::locale.eq(locale.code()),
        ),
    );
    let row = match conn {
        // A failed statement leaves SQLite's transaction as it was: the
        // insert itself finds a duplicate (the unique job and email), with
        // no look first and no savepoint, and gives the row back.
        DbConnection::Sqlite(c) => {
            match diesel::insert_into(applications::table)
                .values(values)
                .returning(ApplicationRow::as_returning())
                .get_result(c)
            {
                Ok(row) => row,
                Err(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                )) => return Ok(None),
                Err(source) => {
                    return Err(DbError::Query {
                        context: CONTEXT,
                        source,
                    })
                }
            }
        }
        // PostgreSQL aborts the whole transaction on a failed statement:
        // look first, and insert in a savepoint.
        DbConnection::Postgresql(_) => {
            if find_by_job_email(conn, job_id, a.email.as_str())?.is_some() {
                return Ok(None);
            }
            let inserted = super::insert_unless_duplicate(conn, CONTEXT, |conn| {
                diesel::insert_into(applications::table)
                    .values(values)
                    .execute(conn)
            })?;
            // Two simultaneous applications with the same email: one wins.
            if !inserted {
                return Ok(None);
            }
            match find(conn, &id)? {
                Some(row) => row,
                None => return Ok(None),
            }
        }
    };
    record_event(conn, &id, actor, None, Stage::Applied, how, now)?;
    super::webhooks::application_created(conn, &id, job_id, actor, now)?;
    Ok(Some(row))
}

/// Remembers the language a candidate reads us in (their emails follow it).
pub fn set_locale(
    conn: &mut DbConnection,
    id: &str,
    locale: crate::i18n::Locale,
) -> Result<(), DbError> {
    diesel::update(applications::table.find(id))
        .set(applications::locale.eq(locale.code()))
        .execute_cached(conn)
        .context("setting an application's language")?;
    Ok(())
}

pub fn record_event(
    conn: &mut DbConnection,
    application_id: &str,
    actor: &str,
    from: Option<Stage>,
    to: Stage,
    reason: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    fixed!(diesel::insert_into(application_events::table).values((
        application_events::id.eq(new_id()),
        application_events::application_id.eq(application_id),
        application_events::at.eq(now),
        application_events::actor.eq(actor),
        application_events::from_stage.eq(from.map(|s| s.as_str())),
        application_events::to_stage.eq(to.as_str()),
        application_events::reason.eq(reason),
    )))
    .execute_fixed(conn)
    .context("recording an application move")?;
    Ok(())
}

/// Moves an application from `from` to `to`, with its event. False (and
/// nothing changed) if it was no longer at `from`.
pub fn move_stage(
    conn: &mut DbConnection,
    id: &str,
    from: Stage,
    to: Stage,
    actor: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = fixed!(diesel::update(
        applications::table
            .find(id)
            .filter(applications::stage.eq(from.as_str())),
    )
    .set((
        applications::stage.eq(to.as_str()),
        applications::updated_at.eq(now),
    )))
    .execute_fixed(conn)
    .context("moving an application")?;
    if n == 1 {
        recorded_move(
            conn,
            id,
            &StageMove {
                from,
                to,
                actor,
                reason,
            },
            now,
        )?;
    }
    Ok(n == 1)
}

/// A move from one stage to another, who made it and why.
pub struct StageMove<'a> {
    pub from: Stage,
    pub to: Stage,
    pub actor: &'a str,
    pub reason: &'a str,
}

/// What follows a stage move: its history event and, the twin of that
/// event in the same transaction, its webhook event (every stage change,
/// whoever made it, is one).
fn recorded_move(
    conn: &mut DbConnection,
    id: &str,
    m: &StageMove<'_>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    record_event(conn, id, m.actor, Some(m.from), m.to, m.reason, now)?;
    super::webhooks::stage_changed(conn, id, m.from, m.to, m.actor, now)?;
    Ok(())
}

pub fn set_screen_result(
    conn: &mut DbConnection,
    id: &str,
    score: f64,
    passed: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    set_screen_result_moving(conn, id, score, passed, None, now).map(|_| ())
}

/// [`set_screen_result`], and with `moving` the application's [`move_stage`]
/// in the same UPDATE (a submission that ends a screen): the row and its
/// indexes on the time it changed are written once, not twice. Whether
/// it moved: not if it had left `moving.from` meanwhile, when only the
/// result is stored.
pub fn set_screen_result_moving(
    conn: &mut DbConnection,
    id: &str,
    score: f64,
    passed: bool,
    moving: Option<&StageMove<'_>>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let before: Option<(Option<f64>, Option<i32>)> = direct!(conn, |c| applications::table
        .find(id)
        .select((applications::screen_score, applications::screen_passed))
        .first(c))
    .optional()
    .context("reading a screen result")?;
    let result = (
        applications::screen_score.eq(Some(score)),
        applications::screen_rank.eq(score),
        applications::screen_passed.eq(Some(i32::from(passed))),
        applications::updated_at.eq(now),
    );
    let moved = match moving {
        Some(m) => {
            fixed!(diesel::update(
                applications::table
                    .find(id)
                    .filter(applications::stage.eq(m.from.as_str())),
            )
            .set((result, applications::stage.eq(m.to.as_str()))))
            .execute_fixed(conn)
            .context("recording a screen result and moving an application")?
                == 1
        }
        None => false,
    };
    if !moved {
        fixed!(diesel::update(applications::table.find(id)).set(result))
            .execute_fixed(conn)
            .context("recording a screen result")?;
    }
    // Recomputing an unchanged screen (a rescore, a review that changed
    // nothing overall) is not news to a webhook.
    if before != Some((Some(score), Some(i32::from(passed)))) {
        super::webhooks::screen_scored(conn, id, score, passed, now)?;
    }
    if let Some(m) = moving.filter(|_| moved) {
        recorded_move(conn, id, m, now)?;
    }
    Ok(moved)
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<ApplicationRow>, DbError> {
    direct!(conn, |c| applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .first(c))
    .optional()
    .context("finding an application")
}

/// Reads an application and holds its row until the transaction ends, so
/// that decisions made from its state (a vote's tally, a stage move, a
/// review that sends the next round) see every concurrent change: a second transaction waits here until the first
/// commits. PostgreSQL locks the row; SQLite needs nothing more, since its
/// writes are already serialised (one writer).
pub fn lock(conn: &mut DbConnection, id: &str) -> Result<Option<ApplicationRow>, DbError> {
    if let DbConnection::Postgresql(pg) = conn {
        applications::table
            .find(id)
            .select(applications::id)
            .for_update()
            .first::<String>(pg)
            .optional()
            .context("locking an application")?;
    }
    find(conn, id)
}

/// A job's applications still in progress (not hired, rejected, withdrawn
/// or erased), oldest first.
pub fn active_for_job(
    conn: &mut DbConnection,
    job_id: &str,
) -> Result<Vec<ApplicationRow>, DbError> {
    let active: Vec<&str> = Stage::ALL
        .iter()
        .filter(|s| s.is_active())
        .map(|s| s.as_str())
        .collect();
    applications::table
        .filter(applications::job_id.eq(job_id))
        .filter(applications::stage.eq_any(active))
        .filter(applications::erased_at.is_null())
        .order(applications::created_at.asc())
        .select(ApplicationRow::as_select())
        .load(conn)
        .context("listing a job's candidates in progress")
}

/// The latest move of an application (who moved it where, and when).
pub fn last_event(conn: &mut DbConnection, id: &str) -> Result<Option<ApplicationEvent>, DbError> {
    application_events::table
        .filter(application_events::application_id.eq(id))
        .order(application_events::at.desc())
        .select(ApplicationEvent::as_select())
        .first(conn)
        .optional()
        .context("reading an application's last move")
}

pub fn find_by_job_email(
    conn: &mut DbConnection,
    job_id: &str,
    email: &str,
) -> Result<Option<ApplicationRow>, DbError> {
    applications::table
        .filter(applications::job_id.eq(job_id))
        .filter(applications::email.eq(email))
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()
        .context("finding an application by email")
}

pub fn events(conn: &mut DbConnection, id: &str) -> Result<Vec<ApplicationEvent>, DbError> {
    application_events::table
        .filter(application_events::application_id.eq(id))
        .order(application_events::at.asc())
        .select(ApplicationEvent::as_select())
        .load(conn)
        .context("reading an application's history")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    Oldest,
    ScoreHigh,
    Name,
}

impl Sort {
    pub const ALL: [(Sort, &'static str, &'static str); 4] = [
        (Sort::Newest, "newest", "Newest first"),
        (Sort::Oldest, "oldest", "Oldest first"),
        (Sort::ScoreHigh, "score", "Highest screen score"),
        (Sort::Name, "name", "Name"),
    ];
    pub fn parse(s: &str) -> Sort {
        Sort::ALL
            .iter()
            .find(|(_, k, _)| *k == s)
            .map(|(s, _, _)| *s)
            .unwrap_or(Sort::Newest)
    }
}

/// Where a page of the table starts, in the sort's order. Pages are found
/// by key (the rows after or before one row), never by counting rows from
/// the start, so the last page costs what the first does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cursor {
    #[default]
    First,
    /// The rows just after this application.
    After(String),
    /// The rows just before this application.
    Before(String),
    Last,
}

#[derive(Debug, Clone)]
pub struct ListQuery {
    pub stage: Option<Stage>,
    /// Part of a name or an email.
    pub search: Option<String>,
    pub sort: Sort,
    pub cursor: Cursor,
    pub per_page: i64,
}

impl ListQuery {
    /// The first `per_page` rows of a stage (or of all), in `sort`'s order.
    pub fn first(stage: Option<Stage>, sort: Sort, per_page: i64) -> Self {
        Self {
            stage,
            search: None,
            sort,
            cursor: Cursor::First,
            per_page,
        }
    }
}

/// Further filters of the applications table, reached from the insight
/// pages' figures.
#[derive(Debug, Clone, Default)]
pub struct Narrow {
    /// Got at least as far as this stage (the insight funnel's step).
    pub reached: Option<Stage>,
    /// Came from this source ('' for links that carried none).
    pub source: Option<String>,
    /// Took this tier in a submitted round, and passed or failed it when
    /// the second part is given (a pass-rate row).
    pub tier: Option<(u8, Option<bool>)>,
    /// Answered this question in a submitted round (an item analysis row).
    pub answered: Option<String>,
    /// The decided candidates of the screen-versus-interviews scatter.
    pub calibrated: bool,
}

/// One page of applications: its rows, how many match in all, and whether
/// rows come before or after it.
#[derive(Debug, Clone)]
pub struct Listing {
    pub rows: Vec<ApplicationRow>,
    pub total: i64,
    pub has_prev: bool,
    pub has_next: bool,
}

/// One page of a job's applications and the total matching.
pub fn list_for_job(
    conn: &mut DbConnection,
    job_id: &str,
    q: &ListQuery,
) -> Result<(Vec<ApplicationRow>, i64), DbError> {
    let listing = list_for_job_narrowed(conn, job_id, q, &Narrow::default())?;
    Ok((listing.rows, listing.total))
}

pub(super) type Condition = Box<
    dyn BoxableExpression<applications::table, MultiBackend, SqlType = diesel::sql_types::Bool>,
>;

/// The shortest search SQLite's trigram index answers: shorter ones scan
/// the job's names and emails (PostgreSQL's index answers them, slowly).
const TRIGRAM: usize = 3;

/// Name-or-email search, through the database's own index: SQLite's FTS5
/// trigram table (kept by triggers, case and accents folded) or
/// PostgreSQL's pg_trgm index on the stored, folded name and email
/// (`search_text`, a generated column only PostgreSQL has).
fn search_condition(sqlite: bool, search: &str) -> Condition {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    let text: String = search.chars().filter(|c| !c.is_control()).collect();
    // LIKE's wildcards are literal text in a search box (`_` is common in
    // emails): escaped with a backslash, PostgreSQL's default escape and
    // the one given to SQLite.
    let literal = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    if sqlite && !searches_by_fts(sqlite, Some(&text)) {
        let pattern = format!("%{literal}%");
        return Box::new(
            applications::name
                .like(pattern.clone())
                .escape('\\')
                .or(applications::email
                    .like(pattern.to_lowercase())
                    .escape('\\')),
        );
    }
    if sqlite {
        let phrase = fts_phrase(&text);
        Box::new(
            sql::<Bool>(
                "applications.id IN (SELECT app_id FROM applications_search \
                 WHERE applications_search MATCH ",
            )
            .bind::<Text, _>(phrase)
            .sql(")"),
        )
    } else {
        Box::new(
            sql::<Bool>("applications.search_text LIKE ('%' || rapport_fold(")
                .bind::<Text, _>(literal)
                .sql(") || '%')"),
        )
    }
}

/// The rows after `anchor` in a sort by `$col` (descending when `$desc`),
/// ties broken by id (descending when `$id_desc`): `col` not before the
/// anchor's (an index range), and past it or past its id.
macro_rules! past {
    ($col:expr, $value:expr, $id:expr, $desc:expr, $id_desc:expr) => {{
        let value = $value;
        let not_before: Condition = if $desc {
            Box::new($col.le(value.clone()))
        } else {
            Box::new($col.ge(value.clone()))
        };
        let beyond: Condition = if $desc {
            Box::new($col.lt(value))
        } else {
            Box::new($col.gt(value))
        };
        let id_beyond: Condition = if $id_desc {
            Box::new(applications::id.lt($id))
        } else {
            Box::new(applications::id.gt($id))
        };
        Box::new(not_before.and(beyond.or(id_beyond))) as Condition
    }};
}

/// [`list_for_job`], narrowed further, one page at `q.cursor`.
pub fn list_for_job_narrowed(
    conn: &mut DbConnection,
    job_id: &str,
    q: &ListQuery,
    narrow: &Narrow,
) -> Result<Listing, DbError> {
    list_narrowed(conn, &Scope::Job(job_id.to_string()), q, narrow)
}

/// The applications of a scope's jobs: one job, every job, or the jobs of
/// a member's panels (the list across jobs the insight page links to).
///
/// With `by_index` false the condition is written so that SQLite cannot
/// drive the query by the job's indexes (a unary `+` on the column, as
/// SQLite's planner documentation advises): a search then starts from the
/// few ids its FTS5 index found instead of walking every application of
/// the job in the sort's order to test each against them.
pub(super) fn in_scope(scope: &Scope, by_index: bool) -> Condition {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    let column = if by_index {
        "applications.job_id"
    } else {
        "+applications.job_id"
    };
    match scope {
        // Every row: a condition the planner drops.
        Scope::All => Box::new(applications::id.is_not_null()),
        Scope::Job(id) if by_index => Box::new(applications::job_id.eq(id.clone())),
        Scope::Job(id) => Box::new(
            sql::<Bool>(&format!("{column} = "))
                .bind::<Text, _>(id.clone())
                .sql(""),
        ),
        Scope::PanelOf(user) => Box::new(
            sql::<Bool>(&format!(
                "{column} IN (SELECT job_id FROM panel_members WHERE user_id = "
            ))
            .bind::<Text, _>(user.clone())
            .sql(")"),
        ),
    }
}

/// Whether SQLite answers this search through its FTS5 trigram index.
fn searches_by_fts(sqlite: bool, search: Option<&str>) -> bool {
    sqlite && search.is_some_and(|s| s.chars().filter(|c| !c.is_control()).count() >= TRIGRAM)
}

/// One FTS5 phrase: the text as typed, found anywhere in a name or email.
fn fts_phrase(text: &str) -> String {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Up to this many matches, a search on SQLite starts from the FTS5
/// index's matches (a lookup and a sort each); beyond, the matches are
/// dense enough that walking the job's rows in the sort's order finds a
/// page sooner (measured in `benches/applications.rs`).
const FEW_MATCHES: i64 = 1_000;

/// Whether the FTS5 index matches at most [`FEW_MATCHES`] applications
/// (of any job) for this search: counting stops there, so this costs
/// little whatever the answer.
fn has_few_matches(conn: &mut DbConnection, search: &str) -> Result<bool, DbError> {
    use diesel::sql_types::{BigInt, Text};
    #[derive(QueryableByName)]
    struct Matches {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let found: Matches = diesel::sql_query(
        "SELECT count(*) AS n FROM (SELECT 1 FROM applications_search \
         WHERE applications_search MATCH ? LIMIT ?)",
    )
    .bind::<Text, _>(fts_phrase(search))
    .bind::<BigInt, _>(FEW_MATCHES + 1)
    .get_result(conn)
    .context("counting a search's matches")?;
    Ok(found.n <= FEW_MATCHES)
}

/// The applications of `scope` narrowed by `q` and `narrow`: one page at
/// `q.cursor`, the total, and whether pages come before and after.
pub fn list_narrowed(
    conn: &mut DbConnection,
    scope: &Scope,
    q: &ListQuery,
    narrow: &Narrow,
) -> Result<Listing, DbError> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    let sqlite = matches!(conn, DbConnection::Sqlite(_));
    let tier_sql = narrow
        .tier
        .map(|(tier, passed)| super::insight::behind::tier(conn, tier, passed));
    let fts = searches_by_fts(sqlite, q.search.as_deref());
    // A page may start from the job's rows in the sort's order (dense
    // matches find a page soon); the count always starts from the FTS5
    // matches when there are some: it visits every match either way, and
    // testing every row of the job against them cost a common surname
    // 90 ms at 100,000 applications.
    let by_index = match q.search.as_deref() {
        Some(s) if fts => !has_few_matches(conn, s)?,
        _ => true,
    };
    let filtered_by = |by_index: bool| {
        let mut query = applications::table
            .filter(in_scope(scope, by_index))
            .into_boxed();
        if let Some(stage) = q.stage {
            query = query.filter(applications::stage.eq(stage.as_str()));
        }
        if let Some(reached) = narrow.reached {
            let from = crate::domain::insight::position(reached).unwrap_or(0);
            let later: Vec<&str> = crate::domain::insight::PIPELINE[from..]
                .iter()
                .map(|s| s.as_str())
                .collect();
            query = query.filter(
                applications::id.eq_any(
                    application_events::table
                        .filter(application_events::to_stage.eq_any(later))
                        .select(application_events::application_id),
                ),
            );
        }
        if let Some(source) = &narrow.source {
            query = query.filter(applications::source.eq(source.clone()));
        }
        if let Some(tier) = &tier_sql {
            query = query.filter(sql::<Bool>(tier));
        }
        if let Some(question) = &narrow.answered {
            query = query.filter(
                sql::<Bool>(&super::insight::behind::answered_open())
                    .bind::<Text, _>(question.clone())
                    .sql(")"),
            );
        }
        if narrow.calibrated {
            query = query.filter(sql::<Bool>(&super::insight::behind::calibrated()));
        }
        if let Some(s) = &q.search {
            query = query.filter(search_condition(sqlite, s));
        }
        query
    };
    let filtered = || filtered_by(by_index);
    let total: i64 = filtered_by(!fts)
        .count()
        .get_result(conn)
        .context("counting applications")?;
    // The anchor row of a next/previous link; gone (erased meanwhile) means
    // the first page.
    let anchor = match &q.cursor {
        Cursor::After(id) | Cursor::Before(id) => find(conn, id)?,
        Cursor::First | Cursor::Last => None,
    };
    let backward = matches!(
        (&q.cursor, &anchor),
        (Cursor::Last, _) | (Cursor::Before(_), Some(_))
    );
    // One page in the scan's direction, past `anchor` when given, plus one
    // row to tell whether more follow.
    let scan = |conn: &mut DbConnection,
                backward: bool,
                anchor: Option<&ApplicationRow>,
                limit: i64|
     -> Result<Vec<ApplicationRow>, DbError> {
        let mut query = filtered();
        // (sort column descending, id descending) in the table's order.
        let (desc, id_desc) = match q.sort {
            Sort::Newest => (true, true),
            Sort::Oldest | Sort::Name => (false, false),
            // Not yet scored ranks -1: last, through the (job_id, screen_rank) index.
            Sort::ScoreHigh => (true, false),
        };
        let (desc, id_desc) = (desc != backward, id_desc != backward);
        if let Some(a) = anchor {
            let id = a.id.clone();
            query = query.filter(match q.sort {
                Sort::Newest | Sort::Oldest => {
                    past!(applications::created_at, a.created_at, id, desc, id_desc)
                }
                Sort::ScoreHigh => {
                    past!(applications::screen_rank, a.screen_rank, id, desc, id_desc)
                }
                Sort::Name => past!(applications::name, a.name.clone(), id, desc, id_desc),
            });
        }
        query = match (q.sort, desc) {
            (Sort::Newest | Sort::Oldest, true) => query.order(applications::created_at.desc()),
            (Sort::Newest | Sort::Oldest, false) => query.order(applications::created_at.asc()),
            (Sort::ScoreHigh, true) => query.order(applications::screen_rank.desc()),
            (Sort::ScoreHigh, false) => query.order(applications::screen_rank.asc()),
            (Sort::Name, true) => query.order(applications::name.desc()),
            (Sort::Name, false) => query.order(applications::name.asc()),
        };
        query = if id_desc {
            query.then_order_by(applications::id.desc())
        } else {
            query.then_order_by(applications::id.asc())
        };
        query
            .limit(limit)
            .select(ApplicationRow::as_select())
            .load(conn)
            .context("listing applications")
    };
    let per_page = q.per_page.max(1);
    let mut rows = scan(conn, backward, anchor.as_ref(), per_page + 1)?;
    let more = rows.len() as i64 > per_page;
    rows.truncate(per_page as usize);
    if backward {
        rows.reverse();
    }
    // Rows on the anchor's other side: the anchor itself, when it still
    // matches the filters, or any row past it the other way.
    let behind = match &anchor {
        Some(a) => {
            let anchor_matches: i64 = filtered()
                .filter(applications::id.eq(a.id.clone()))
                .count()
                .get_result(conn)
                .context("checking a page's anchor")?;
            anchor_matches > 0 || !scan(conn, !backward, Some(a), 1)?.is_empty()
        }
        None => false,
    };
    let (has_prev, has_next) = if backward {
        (more, anchor.is_some() && behind)
    } else {
        (anchor.is_some() && behind, more)
    };
    Ok(Listing {
        rows,
        total,
        has_prev,
        has_next,
    })
}

/// One column of the staff board: a stage's first applications, best
/// screen score first, and how many the stage holds in all.
#[derive(Debug, Clone)]
pub struct BoardColumn {
    pub stage: Stage,
    pub rows: Vec<ApplicationRow>,
    pub total: i64,
}

/// The staff board of a job: every stage's best `per_stage` applications
/// (the order of [`Sort::ScoreHigh`]) and its count, narrowed by a search.
///
/// Without a search each stage is one short walk of its index. With one,
/// the matches are found once for all stages, not once per stage: a search
/// shared by thousands (a common surname) would otherwise be looked up and
/// counted seven times over.
pub fn board(
    conn: &mut DbConnection,
    job_id: &str,
    search: Option<&str>,
    per_stage: i64,
) -> Result<Vec<BoardColumn>, DbError> {
    let Some(search) = search.filter(|s| !s.is_empty()) else {
        return Stage::ALL
            .into_iter()
            .map(|stage| {
                let q = ListQuery::first(Some(stage), Sort::ScoreHigh, per_stage);
                let (rows, total) = list_for_job(conn, job_id, &q)?;
                Ok(BoardColumn { stage, rows, total })
            })
            .collect();
    };
    let sqlite = matches!(conn, DbConnection::Sqlite(_));
    let scope = Scope::Job(job_id.to_string());
    // On SQLite a search the FTS5 index answers starts from its matches,
    // never from the job's rows (see `in_scope`).
    let by_index = !searches_by_fts(sqlite, Some(search));
    // Every match, lightly, in the board's order within each stage: the
    // database orders (its collation breaks ties), Rust only cuts.
    let matches: Vec<(String, String)> = applications::table
        .filter(in_scope(&scope, by_index))
        .filter(search_condition(sqlite, search))
        .order((
            applications::stage.asc(),
            applications::screen_rank.desc(),
            applications::id.asc(),
        ))
        .select((applications::id, applications::stage))
        .load(conn)
        .context("finding a board's matches")?;
    let mut totals = std::collections::HashMap::<&str, i64>::new();
    let mut shown = Vec::new();
    for (id, stage) in &matches {
        let n = totals.entry(stage.as_str()).or_default();
        *n += 1;
        if *n <= per_stage {
            shown.push(id.clone());
        }
    }
    let rows: Vec<ApplicationRow> = applications::table
        .filter(applications::id.eq_any(&shown))
        .order((applications::screen_rank.desc(), applications::id.asc()))
        .select(ApplicationRow::as_select())
        .load(conn)
        .context("reading a board's cards")?;
    Ok(Stage::ALL
        .into_iter()
        .map(|stage| BoardColumn {
            stage,
            rows: rows
                .iter()
                .filter(|a| a.stage == stage.as_str())
                .cloned()
                .collect(),
            total: totals.get(stage.as_str()).copied().unwrap_or(0),
        })
        .collect())
}

/// Applications per stage for a job.
pub fn stage_counts(conn: &mut DbConnection, job_id: &str) -> Result<Vec<(String, i64)>, DbError> {
    stage_counts_in(conn, &Scope::Job(job_id.to_string()))
}

/// Applications per stage in a scope's jobs.
pub fn stage_counts_in(
    conn: &mut DbConnection,
    scope: &Scope,
) -> Result<Vec<(String, i64)>, DbError> {
    applications::table
        .filter(in_scope(scope, true))
        .group_by(applications::stage)
        .select((applications::stage, diesel::dsl::count_star()))
        .load(conn)
        .context("counting applications by stage")
}

/// Every application of a job, oldest first.
pub fn ids_for_job(conn: &mut DbConnection, job_id: &str) -> Result<Vec<String>, DbError> {
    applications::table
        .filter(applications::job_id.eq(job_id))
        .select(applications::id)
        .order(applications::created_at.asc())
        .load(conn)
        .context("listing a job's applications")
}

/// Which of `keys` an application still names as its CV (the rest are
/// files no one can reach any more).
pub fn cv_files_in_use(
    conn: &mut DbConnection,
    keys: &[String],
) -> Result<std::collections::HashSet<String>, DbError> {
    let mut in_use = std::collections::HashSet::new();
    // Bounded lists: SQLite caps a statement's parameters.
    for chunk in keys.chunks(500) {
        let found: Vec<Option<String>> = applications::table
            .filter(applications::cv_file.eq_any(chunk))
            .select(applications::cv_file)
            .load(conn)
            .context("finding which CV files are in use")?;
        in_use.extend(found.into_iter().flatten());
    }
    Ok(in_use)
}

/// Deletes an application and everything hanging from it (history,
/// links, sessions, rounds, answers and their scores, overrides,
/// interviews, scorecards, votes, offers). Returns the CV file to delete.
pub fn delete(conn: &mut DbConnection, id: &str) -> Result<Option<String>, DbError> {
    let Some(app) = find(conn, id)? else {
        return Ok(None);
    };
    // Scorecards point at interviews too: remove them first so the
    // cascade does not depend on the order each database deletes in.
    diesel::delete(scorecards::table.filter(scorecards::application_id.eq(id)))
        .execute(conn)
        .context("erasing scorecards")?;
    diesel::delete(applications::table.find(id))
        .execute(conn)
        .context("erasing an application")?;
    Ok(app.cv_file)
}

/// When each of these applications entered its current stage (its latest move).
pub fn stage_entered_at(
    conn: &mut DbConnection,
    application_ids: &[String],
) -> Result<std::collections::HashMap<String, NaiveDateTime>, DbError> {
    let rows: Vec<(String, Option<NaiveDateTime>)> = application_events::table
        .filter(application_events::application_id.eq_any(application_ids))
        .group_by(application_events::application_id)
        .select((
            application_events::application_id,
            diesel::dsl::max(application_events::at),
        ))
        .load(conn)
        .context("reading stage history")?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, at)| at.map(|at| (id, at)))
        .collect())
}
