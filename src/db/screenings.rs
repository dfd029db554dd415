//! Screening rounds, the answers in them, their scores and reviewers' overrides.

use super::direct::direct;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::{fixed, CacheStatement};
use super::schema::{answer_overrides, answers, screenings};
use super::{new_id, DbConnection, DbError, QueryContext};

pub const OPEN: &str = "open";
pub const SUBMITTED: &str = "submitted";

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = screenings)]
pub struct Screening {
    pub id: String,
    pub application_id: String,
    pub questionnaire_version_id: String,
    pub tiers: String,
    pub status: String,
    pub sent_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    pub result: Option<String>,
    pub scorer_version: Option<String>,
}

impl Screening {
    pub fn tiers(&self) -> Vec<u8> {
        serde_json::from_str(&self.tiers).unwrap_or_default()
    }
    pub fn is_open(&self) -> bool {
        self.status == OPEN
    }
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = answers)]
pub struct Answer {
    pub id: String,
    pub screening_id: String,
    pub question_id: String,
    pub body: String,
    pub saved_at: NaiveDateTime,
    pub score: Option<f64>,
    pub score_detail: Option<String>,
    /// The answer's spelling ([`crate::scoring::spelling::Writing`] as
    /// JSON), absent for answers submitted before it was measured.
    pub writing: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = answer_overrides)]
pub struct Override {
    pub id: String,
    pub answer_id: String,
    pub author_id: String,
    pub empathy: i32,
    pub curiosity: i32,
    pub score: f64,
    pub reason: String,
    pub created_at: NaiveDateTime,
}

pub fn create(
    conn: &mut DbConnection,
    application_id: &str,
    questionnaire_version_id: &str,
    tiers: &[u8],
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let id = new_id();
    fixed!(diesel::insert_into(screenings::table).values((
        screenings::id.eq(&id),
        screenings::application_id.eq(application_id),
        screenings::questionnaire_version_id.eq(questionnaire_version_id),
        screenings::tiers.eq(serde_json::to_string(tiers).unwrap_or_else(|_| "[]".into())),
        screenings::status.eq(OPEN),
        screenings::sent_at.eq(now),
    )))
    .execute_fixed(conn)
    .context("starting a screening round")?;
    Ok(id)
}

/// Every round of an application, oldest first.
pub fn for_application(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Vec<Screening>, DbError> {
    direct!(conn, |c| screenings::table
        .filter(screenings::application_id.eq(application_id))
        .order((screenings::sent_at.asc(), screenings::id.asc()))
        .select(Screening::as_select())
        .load(c))
    .context("reading screening rounds")
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<Screening>, DbError> {
    direct!(conn, |c| screenings::table
        .find(id)
        .select(Screening::as_select())
        .first(c))
    .optional()
    .context("finding a screening round")
}

pub fn answers(conn: &mut DbConnection, screening_id: &str) -> Result<Vec<Answer>, DbError> {
    direct!(conn, |c| answers::table
        .filter(answers::screening_id.eq(screening_id))
        .select(Answer::as_select())
        .load(c))
    .context("reading answers")
}

/// Saves a draft answer; false when the round is no longer open (submitted
/// answers never change).
pub fn save_draft(
    conn: &mut DbConnection,
    screening_id: &str,
    question_id: &str,
    body: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    // Lock the round (PostgreSQL; SQLite has one writer) so that a draft
    // saved while the round is being submitted waits, then sees it closed.
    let status: Option<String> = match conn {
        DbConnection::Postgresql(pg) => screenings::table
            .find(screening_id)
            .select(screenings::status)
            .for_update()
            .first(pg)
            .optional(),
        DbConnection::Sqlite(sqlite) => screenings::table
            .find(screening_id)
            .select(screenings::status)
            .first(sqlite)
            .optional(),
    }
    .context("checking a screening round")?;
    if status.as_deref() != Some(OPEN) {
        return Ok(false);
    }
    write_answer(conn, screening_id, question_id, body, now)?;
    Ok(true)
}

/// Closes an open round; false if it was already submitted. Two
/// simultaneous submissions end with exactly one winner: the update waits
/// for the other's lock and then finds the round closed.
pub fn mark_submitted(
    conn: &mut DbConnection,
    screening_id: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = fixed!(diesel::update(
        screenings::table
            .find(screening_id)
            .filter(screenings::status.eq(OPEN)),
    )
    .set((
        screenings::status.eq(SUBMITTED),
        screenings::submitted_at.eq(Some(now)),
    )))
    .execute_fixed(conn)
    .context("submitting a screening round")?;
    Ok(n == 1)
}

pub fn store_score(
    conn: &mut DbConnection,
    answer_id: &str,
    score: f64,
    detail: &str,
) -> Result<(), DbError> {
    fixed!(diesel::update(answers::table.find(answer_id)).set((
        answers::score.eq(Some(score)),
        answers::score_detail.eq(Some(detail)),
    )))
    .execute_fixed(conn)
    .context("storing an answer's score")?;
    Ok(())
}

pub fn store_result(
    conn: &mut DbConnection,
    screening_id: &str,
    result: &str,
    scorer_version: &str,
) -> Result<(), DbError> {
    fixed!(diesel::update(screenings::table.find(screening_id)).set((
        screenings::result.eq(Some(result)),
        screenings::scorer_version.eq(Some(scorer_version)),
    )))
    .execute_fixed(conn)
    .context("storing a screening result")?;
    Ok(())
}

/// Replaces a round's result after a review changed its scores; the
/// scorer version stays the one that scored the answers.
pub fn update_result(
    conn: &mut DbConnection,
    screening_id: &str,
    result: &str,
) -> Result<(), DbError> {
    fixed!(diesel::update(screenings::table.find(screening_id))
        .set(screenings::result.eq(Some(result))))
    .execute_fixed(conn)
    .context("updating a screening result")?;
    Ok(())
}

pub fn find_answer(conn: &mut DbConnection, answer_id: &str) -> Result<Option<Answer>, DbError> {
    answers::table
        .find(answer_id)
        .select(Answer::as_select())
        .first(conn)
        .optional()
        .context("finding an answer")
}

pub struct NewOverride<'a> {
    pub answer_id: &'a str,
    pub author_id: &'a str,
    pub empathy: i32,
    pub curiosity: i32,
    pub score: f64,
    pub reason: &'a str,
}

pub fn add_override(
    conn: &mut DbConnection,
    o: NewOverride<'_>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(answer_overrides::table)
        .values((
            answer_overrides::id.eq(new_id()),
            answer_overrides::answer_id.eq(o.answer_id),
            answer_overrides::author_id.eq(o.author_id),
            answer_overrides::empathy.eq(o.empathy),
            answer_overrides::curiosity.eq(o.curiosity),
            answer_overrides::score.eq(o.score),
            answer_overrides::reason.eq(o.reason),
            answer_overrides::created_at.eq(now),
        ))
        .execute(conn)
        .context("storing an override")?;
    Ok(())
}

/// Overrides of these answers, newest first.
pub fn overrides_for(
    conn: &mut DbConnection,
    answer_ids: &[String],
) -> Result<Vec<Override>, DbError> {
    answer_overrides::table
        .filter(answer_overrides::answer_id.eq_any(answer_ids))
        .order(answer_overrides::created_at.desc())
        .select(Override::as_select())
        .load(conn)
        .context("reading overrides")
}

/// Removes a candidate's answers (erasure): the text goes, the rounds stay.
pub fn erase_answers(conn: &mut DbConnection, application_id: &str) -> Result<(), DbError> {
    let ids: Vec<String> = screenings::table
        .filter(screenings::application_id.eq(application_id))
        .select(screenings::id)
        .load(conn)
        .context("finding rounds to erase")?;
    diesel::delete(answers::table.filter(answers::screening_id.eq_any(&ids)))
        .execute(conn)
        .context("erasing answers")?;
    Ok(())
}

/// One answer of a round being submitted, with its score and spelling.
pub struct ScoredAnswer<'a> {
    pub question_id: &'a str,
    pub body: &'a str,
    pub score: f64,
    pub detail: &'a str,
    pub writing: &'a str,
}

/// Stores a submitted round's answers with their scores and spelling in
/// one statement, a draft saved earlier updated in place (it keeps its
/// id). Returns each answer's id, in the order given, and whether every
/// row is new: nothing can refer to a row created in this transaction
/// (no override, no review), so the caller need not look.
pub fn write_scored_answers(
    conn: &mut DbConnection,
    screening_id: &str,
    scored: &[ScoredAnswer<'_>],
    now: NaiveDateTime,
) -> Result<(Vec<String>, bool), DbError> {
    if scored.is_empty() {
        return Ok((Vec::new(), true));
    }
    let ids: Vec<String> = scored.iter().map(|_| new_id()).collect();
    let rows: Vec<_> = scored
        .iter()
        .zip(&ids)
        .map(|(a, id)| {
            (
                answers::id.eq(id),
                answers::screening_id.eq(screening_id),
                answers::question_id.eq(a.question_id),
                answers::body.eq(a.body),
                answers::saved_at.eq(now),
                answers::score.eq(a.score),
                answers::score_detail.eq(a.detail),
                answers::writing.eq(a.writing),
            )
        })
        .collect();
    use diesel::upsert::excluded;
    // Upserts are not part of the queries written once for both
    // databases; the statement is the same in each dialect.
    macro_rules! upsert {
        ($values:expr) => {
            diesel::insert_into(answers::table)
                .values($values)
                .on_conflict((answers::screening_id, answers::question_id))
                .do_update()
                .set((
                    answers::body.eq(excluded(answers::body)),
                    answers::saved_at.eq(excluded(answers::saved_at)),
                    answers::score.eq(excluded(answers::score)),
                    answers::score_detail.eq(excluded(answers::score_detail)),
                    answers::writing.eq(excluded(answers::writing)),
                ))
                .returning((answers::question_id, answers::id))
        };
    }
    // PostgreSQL keeps one statement per round size. On SQLite, one kept
    // statement per answer: diesel cannot keep the multi-row form prepared
    // (it is built inside diesel), and parsing it again for every round
    // cost more. Nor an upsert with RETURNING there: SQLite runs that as if
    // behind a trigger, copying every page it changes into a statement
    // journal first. SQLite has one writer, so nothing comes between
    // looking the drafts up and writing.
    let stored: Result<Vec<(String, String)>, _> = match conn {
        DbConnection::Sqlite(c) => {
            let drafts: Vec<(String, String)> = fixed!(answers::table
                .filter(answers::screening_id.eq(screening_id))
                .select((answers::question_id, answers::id)))
            .load(c)
            .context("finding a round's drafts")?;
            rows.into_iter()
                .zip(scored)
                .zip(&ids)
                .map(
                    |((row, a), id)| match drafts.iter().find(|(q, _)| q == a.question_id) {
                        Some((q, draft)) => {
                            fixed!(diesel::update(answers::table.find(draft)).set((
                                answers::body.eq(a.body),
                                answers::saved_at.eq(now),
                                answers::score.eq(a.score),
                                answers::score_detail.eq(a.detail),
                                answers::writing.eq(a.writing),
                            )))
                            .execute(c)
                            .map(|_| (q.clone(), draft.clone()))
                        }
                        None => fixed!(diesel::insert_into(answers::table).values(row))
                            .execute(c)
                            .map(|_| (a.question_id.to_string(), id.clone())),
                    },
                )
                .collect()
        }
        DbConnection::Postgresql(c) => upsert!(rows).cached().get_results(c),
    };
    let stored = stored.context("storing submitted answers")?;
    let mut out = Vec::with_capacity(scored.len());
    let mut all_new = true;
    for (a, fresh) in scored.iter().zip(ids) {
        let id = stored
            .iter()
            .find(|(q, _)| q == a.question_id)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| DbError::Corrupt("a stored answer came back without its id".into()))?;
        all_new &= id == fresh;
        out.push(id);
    }
    Ok((out, all_new))
}

/// Writes an answer's text, creating the row if needed; returns its id.
pub fn write_answer(
    conn: &mut DbConnection,
    screening_id: &str,
    question_id: &str,
    body: &str,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let existing: Option<String> = answers::table
        .filter(answers::screening_id.eq(screening_id))
        .filter(answers::question_id.eq(question_id))
        .select(answers::id)
        .first(conn)
        .optional()
        .context("finding an answer")?;
    if let Some(id) = existing {
        diesel::update(answers::table.find(&id))
            .set((answers::body.eq(body), answers::saved_at.eq(now)))
            .execute_cached(conn)
            .context("writing an answer")?;
        return Ok(id);
    }
    let id = new_id();
    diesel::insert_into(answers::table)
        .values((
            answers::id.eq(&id),
            answers::screening_id.eq(screening_id),
            answers::question_id.eq(question_id),
            answers::body.eq(body),
            answers::saved_at.eq(now),
        ))
        .execute(conn)
        .context("writing an answer")?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;

    /// `answers` alone (without foreign keys, which a new connection does
    /// not enforce), as the migrations make it.
    fn sqlite() -> DbConnection {
        let mut c = DbConnection::Sqlite(SqliteConnection::establish(":memory:").unwrap());
        c.batch_execute(
            "CREATE TABLE answers (
                id TEXT PRIMARY KEY NOT NULL,
                screening_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                body TEXT NOT NULL,
                saved_at TIMESTAMP NOT NULL,
                score DOUBLE PRECISION,
                score_detail TEXT, writing TEXT,
                UNIQUE (screening_id, question_id)
            );
            INSERT INTO answers (id, screening_id, question_id, body, saved_at)
                VALUES ('draft', 'r1', 'q1', 'a draft', '2026-12-01 10:00:00');",
        )
        .unwrap();
        c
    }

    fn scored<'a>(question_id: &'a str, body: &'a str) -> ScoredAnswer<'a> {
        ScoredAnswer {
            question_id,
            body,
            score: 0.5,
            detail: "{}",
            writing: "{}",
        }
    }

    /// A draft saved before submitting keeps its id and takes the final
    /// answer and its score; the other answers are new rows.
    #[test]
    fn a_submitted_round_updates_its_drafts_in_place_and_adds_the_rest() {
        let mut c = sqlite();
        let now = crate::db::now();
        let answers = [scored("q2", "second"), scored("q1", "first, final")];
        let (ids, all_new) = write_scored_answers(&mut c, "r1", &answers, now).unwrap();
        assert!(!all_new);
        assert_eq!(ids[1], "draft");
        assert_ne!(ids[0], "draft");
        let stored: Vec<(String, String, String, Option<f64>)> = answers::table
            .filter(answers::screening_id.eq("r1"))
            .order(answers::question_id)
            .select((
                answers::id,
                answers::question_id,
                answers::body,
                answers::score,
            ))
            .load(&mut c)
            .unwrap();
        assert_eq!(
            stored,
            [
                (
                    "draft".into(),
                    "q1".into(),
                    "first, final".into(),
                    Some(0.5)
                ),
                (ids[0].clone(), "q2".into(), "second".into(), Some(0.5)),
            ]
        );
        // A round with no draft: every row new.
        let (_, all_new) = write_scored_answers(&mut c, "r2", &answers, now).unwrap();
        assert!(all_new);
    }
}
