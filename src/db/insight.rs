//! Gathering the facts behind the insight pages, and the stored snapshots
//! of their figures.
//!
//! Facts are read as narrow columns, in chunks of application ids, and
//! reduced in `domain::insight`; the figures are kept in
//! `insight_snapshots` so that a page view reads one row, whatever the
//! number of applications (computing them fresh at 100,000 applications
//! takes seconds: see `benches/insight.rs`).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;

use super::schema::{
    answers, application_events, applications, insight_snapshots, jobs, panel_members,
    questionnaire_versions, scorecards, screenings,
};
use super::{DbConnection, DbError, QueryContext};
use crate::domain::application::Stage;
use crate::domain::insight::{self, AppFacts, CalibrationPoint, Insight, ItemAnswer, RoundFacts};

/// Ids per `IN (...)` list: well under SQLite's and PostgreSQL's limits on
/// bound parameters.
const CHUNK: usize = 5_000;

/// Whose applications a set of figures covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every job (owners).
    All,
    /// One job.
    Job(String),
    /// The jobs whose panel this user is on (interviewers, across jobs).
    PanelOf(String),
}

impl Scope {
    /// The snapshot's key.
    pub fn key(&self) -> String {
        match self {
            Scope::All => "all".into(),
            Scope::Job(id) => format!("job:{id}"),
            Scope::PanelOf(user) => format!("panel:{user}"),
        }
    }
}

/// One application's columns the figures need.
#[derive(Queryable)]
struct AppRow {
    id: String,
    job_id: String,
    stage: String,
    source: String,
    screen_passed: Option<i32>,
}

fn scoped_apps(conn: &mut DbConnection, scope: &Scope) -> Result<Vec<AppRow>, DbError> {
    applications::table
        .select((
            applications::id,
            applications::job_id,
            applications::stage,
            applications::source,
            applications::screen_passed,
        ))
        .filter(super::applications::in_scope(scope, true))
        .load(conn)
        .context("reading applications for insight")
}

/// What a scope's figures are computed from, cheaply (indexes only): how
/// many applications, their latest change, and for a panel its jobs. A
/// stage move, a new application or a screen result changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub applications: i64,
    text: String,
}

impl Signature {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

pub fn signature(conn: &mut DbConnection, scope: &Scope) -> Result<Signature, DbError> {
    let mut q = applications::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::max(applications::updated_at),
        ))
        .into_boxed();
    let mut jobs_part = String::new();
    match scope {
        Scope::All => {}
        Scope::Job(id) => q = q.filter(applications::job_id.eq(id.clone())),
        Scope::PanelOf(user) => {
            let mut jobs: Vec<String> = panel_members::table
                .filter(panel_members::user_id.eq(user))
                .select(panel_members::job_id)
                .load(conn)
                .context("reading a member's panels")?;
            jobs.sort();
            jobs_part = jobs.join(",");
            q = q.filter(applications::job_id.eq_any(jobs));
        }
    }
    let (n, latest): (i64, Option<NaiveDateTime>) = q
        .first(conn)
        .context("reading what insight figures depend on")?;
    Ok(Signature {
        applications: n,
        text: format!(
            "{n}|{}|{jobs_part}",
            latest.map(|t| t.to_string()).unwrap_or_default()
        ),
    })
}

/// What the figures read of a stored answer score (`scoring::AnswerScore`
/// as JSON; everything else in it is skipped).
#[derive(Deserialize)]
pub(super) struct SlimScore {
    pub tier: u8,
    pub empathy: SlimGrade,
    pub curiosity: SlimGrade,
    #[serde(default)]
    pub content: SlimContent,
}

#[derive(Deserialize)]
pub(super) struct SlimGrade {
    pub grade: u8,
}

#[derive(Deserialize, Default)]
pub(super) struct SlimContent {
    #[serde(default)]
    pub covered: Vec<String>,
    #[serde(default)]
    pub missed: Vec<String>,
    /// Share of key points covered; absent for questions without any.
    #[serde(default)]
    pub share: Option<f64>,
}

/// What the figures read of a round's stored result
/// (`scoring::verdict::QuestionnaireResult`).
#[derive(Deserialize)]
struct SlimResult {
    tiers: Vec<SlimTier>,
}

#[derive(Deserialize)]
struct SlimTier {
    tier: u8,
    passed: bool,
}

/// The candidates behind a figure, as SQL conditions on `applications`
/// for its list (`db::applications::Narrow`). Each mirrors what
/// [`compute`] counts, so a figure's link lists exactly the candidates it
/// counts. Correlated `EXISTS`, so the job's own index on `applications`
/// leads and only its candidates' rounds are looked at.
pub mod behind {
    use super::super::{screenings::SUBMITTED, DbConnection};
    use crate::domain::application::Stage;

    /// Has a submitted round that asked `tier`; with `passed`, one whose
    /// stored result passed (or failed) it, as the pass-rate row counts.
    /// The tier verdicts live in the round's JSON result, read with each
    /// dialect's JSON functions. `tier` is a number, never text from outside.
    pub fn tier(conn: &DbConnection, tier: u8, passed: Option<bool>) -> String {
        match conn {
            DbConnection::Sqlite(_) => {
                let verdict = match passed {
                    Some(p) => format!(" AND json_extract(t.value, '$.passed') = {}", i32::from(p)),
                    None => String::new(),
                };
                format!(
                    "EXISTS (SELECT 1 FROM screenings s, json_each(s.result, '$.tiers') t \
                     WHERE s.application_id = applications.id AND s.status = '{SUBMITTED}' \
                     AND s.result IS NOT NULL AND json_extract(t.value, '$.tier') = {tier}{verdict})"
                )
            }
            DbConnection::Postgresql(_) => {
                let verdict = match passed {
                    Some(p) => format!(" AND (t ->> 'passed') = '{p}'"),
                    None => String::new(),
                };
                format!(
                    "EXISTS (SELECT 1 FROM screenings s, jsonb_array_elements(s.result::jsonb -> 'tiers') t \
                     WHERE s.application_id = applications.id AND s.status = '{SUBMITTED}' \
                     AND s.result IS NOT NULL AND (t ->> 'tier') = '{tier}'{verdict})"
                )
            }
        }
    }

    /// A submitted round of the candidate with a scored answer (left open
    /// for further conditions and the closing parenthesis).
    fn scored_answer_open() -> String {
        format!(
            "EXISTS (SELECT 1 FROM screenings s JOIN answers a ON a.screening_id = s.id \
             WHERE s.application_id = applications.id AND s.status = '{SUBMITTED}' \
             AND a.score IS NOT NULL AND a.score_detail IS NOT NULL"
        )
    }

    /// Has a scored answer to a question in a submitted round (the item
    /// analysis' answers): the question id is to be bound right after this
    /// text, then `)` closes it.
    pub fn answered_open() -> String {
        format!("{} AND a.question_id = ", scored_answer_open())
    }

    /// Decided, with a scored answer and an interviewer's current
    /// scorecard: a dot of the screen-versus-interviews scatter.
    pub fn calibrated() -> String {
        format!(
            "applications.stage IN ('{}', '{}') \
             AND EXISTS (SELECT 1 FROM scorecards c WHERE c.application_id = applications.id \
             AND c.superseded_at IS NULL) AND {}",
            Stage::Hired.as_str(),
            Stage::Rejected.as_str(),
            scored_answer_open() + ")"
        )
    }
}

/// Computes every figure of a scope from the database.
pub fn compute(conn: &mut DbConnection, scope: &Scope) -> Result<Insight, DbError> {
    let apps = scoped_apps(conn, scope)?;
    let ids: Vec<String> = apps.iter().map(|a| a.id.clone()).collect();

    let mut moves: HashMap<String, Vec<(NaiveDateTime, Stage)>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(String, NaiveDateTime, String)> = application_events::table
            .filter(application_events::application_id.eq_any(chunk))
            .order((
                application_events::application_id.asc(),
                application_events::at.asc(),
            ))
            .select((
                application_events::application_id,
                application_events::at,
                application_events::to_stage,
            ))
            .load(conn)
            .context("reading stage history for insight")?;
        for (id, at, to) in rows {
            if let Some(stage) = Stage::parse(&to) {
                moves.entry(id).or_default().push((at, stage));
            }
        }
    }

    // Rounds and their answers.
    let mut rounds: Vec<RoundFacts> = Vec::new();
    let mut round_of: HashMap<String, (usize, String)> = HashMap::new();
    let mut versions: HashSet<String> = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(String, String, String, Option<String>)> = screenings::table
            .filter(screenings::application_id.eq_any(chunk))
            .filter(screenings::status.eq(super::screenings::SUBMITTED))
            .select((
                screenings::id,
                screenings::application_id,
                screenings::questionnaire_version_id,
                screenings::result,
            ))
            .load(conn)
            .context("reading rounds for insight")?;
        for (id, app_id, version, result) in rows {
            let tiers = result
                .and_then(|r| serde_json::from_str::<SlimResult>(&r).ok())
                .map(|r| r.tiers.into_iter().map(|t| (t.tier, t.passed)).collect())
                .unwrap_or_default();
            round_of.insert(id, (rounds.len(), app_id));
            versions.insert(version);
            rounds.push(RoundFacts {
                tiers,
                answers: Vec::new(),
            });
        }
    }
    // The scorer's grades per application, for calibration.
    let mut auto: HashMap<String, (Vec<f64>, Vec<f64>)> = HashMap::new();
    let round_ids: Vec<String> = round_of.keys().cloned().collect();
    for chunk in round_ids.chunks(CHUNK) {
        let rows: Vec<(String, String, Option<f64>, Option<String>)> = answers::table
            .filter(answers::screening_id.eq_any(chunk))
            .select((
                answers::screening_id,
                answers::question_id,
                answers::score,
                answers::score_detail,
            ))
            .load(conn)
            .context("reading answers for insight")?;
        for (round, question, score, detail) in rows {
            let (Some(score), Some(detail)) = (score, detail) else {
                continue;
            };
            let Ok(slim) = serde_json::from_str::<SlimScore>(&detail) else {
                continue;
            };
            let Some((index, app_id)) = round_of.get(&round) else {
                continue;
            };
            let grades = auto.entry(app_id.clone()).or_default();
            grades.0.push(f64::from(slim.empathy.grade));
            grades.1.push(f64::from(slim.curiosity.grade));
            rounds[*index].answers.push(ItemAnswer {
                question,
                tier: slim.tier,
                score,
                covered: slim.content.covered,
                missed: slim.content.missed,
            });
        }
    }

    // Interviewers' ratings of decided candidates.
    let decided: Vec<String> = apps
        .iter()
        .filter(|a| a.stage == Stage::Hired.as_str() || a.stage == Stage::Rejected.as_str())
        .filter(|a| auto.contains_key(&a.id))
        .map(|a| a.id.clone())
        .collect();
    let mut rated: HashMap<String, (Vec<f64>, Vec<f64>)> = HashMap::new();
    for chunk in decided.chunks(CHUNK) {
        let rows: Vec<(String, i32, i32)> = scorecards::table
            .filter(scorecards::application_id.eq_any(chunk))
            .filter(scorecards::superseded_at.is_null())
            .select((
                scorecards::application_id,
                scorecards::empathy,
                scorecards::curiosity,
            ))
            .load(conn)
            .context("reading scorecards for insight")?;
        for (id, empathy, curiosity) in rows {
            let r = rated.entry(id).or_default();
            r.0.push(f64::from(empathy));
            r.1.push(f64::from(curiosity));
        }
    }
    let mut points = Vec::new();
    for id in &decided {
        let (Some(a), Some(r)) = (auto.get(id), rated.get(id)) else {
            continue;
        };
        let stage = apps.iter().find(|x| &x.id == id).map(|x| x.stage.as_str());
        if let (Some(ae), Some(ac), Some(ie), Some(ic)) = (
            insight::mean(&a.0),
            insight::mean(&a.1),
            insight::mean(&r.0),
            insight::mean(&r.1),
        ) {
            points.push(CalibrationPoint {
                auto_empathy: ae,
                auto_curiosity: ac,
                interview_empathy: ie,
                interview_curiosity: ic,
                hired: stage == Some(Stage::Hired.as_str()),
            });
        }
    }

    let facts: Vec<AppFacts> = apps
        .iter()
        .map(|a| AppFacts {
            stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
            source: a.source.clone(),
            screen_passed: a.screen_passed.map(|p| p == 1),
            moves: moves.remove(&a.id).unwrap_or_default(),
        })
        .collect();
    let mut figures = insight::compute(&facts, &rounds, points);

    // Prompts of the questions, from the versions candidates answered.
    let mut prompts: HashMap<String, String> = HashMap::new();
    for v in versions {
        let content: Option<String> = questionnaire_versions::table
            .find(&v)
            .select(questionnaire_versions::content)
            .first(conn)
            .optional()
            .context("reading a questionnaire version")?;
        if let Some(loaded) =
            content.and_then(|c| crate::questionnaires::Loaded::from_source(c).ok())
        {
            for q in loaded.questionnaire.questions {
                prompts.entry(q.id).or_insert(q.prompt);
            }
        }
    }
    for item in &mut figures.items {
        item.prompt = prompts.get(&item.question).cloned().unwrap_or_default();
    }

    // Per job, for the page across jobs.
    let mut per_job: HashMap<&str, (usize, usize)> = HashMap::new();
    for a in &apps {
        let e = per_job.entry(a.job_id.as_str()).or_default();
        e.0 += 1;
        e.1 += usize::from(a.stage == Stage::Hired.as_str());
    }
    let job_ids: Vec<String> = per_job.keys().map(|s| s.to_string()).collect();
    let titles: Vec<(String, String)> = jobs::table
        .filter(jobs::id.eq_any(&job_ids))
        .select((jobs::id, jobs::title))
        .load(conn)
        .context("reading job titles for insight")?;
    figures.jobs = titles
        .into_iter()
        .map(|(job_id, title)| {
            let (applied, hired) = per_job.get(job_id.as_str()).copied().unwrap_or_default();
            insight::JobCount {
                job_id,
                title,
                applied,
                hired,
            }
        })
        .collect();
    figures.jobs.sort_by(|a, b| {
        b.applied
            .cmp(&a.applied)
            .then_with(|| a.title.cmp(&b.title))
    });
    Ok(figures)
}

/// A stored snapshot of a scope's figures.
pub struct Snapshot {
    pub computed_at: NaiveDateTime,
    /// The [`Signature`] of the data it was computed from.
    pub signature: String,
    pub figures: Insight,
}

pub fn snapshot(conn: &mut DbConnection, scope: &Scope) -> Result<Option<Snapshot>, DbError> {
    let row: Option<(NaiveDateTime, String, String)> = insight_snapshots::table
        .find(scope.key())
        .select((
            insight_snapshots::computed_at,
            insight_snapshots::signature,
            insight_snapshots::data,
        ))
        .first(conn)
        .optional()
        .context("reading an insight snapshot")?;
    // A snapshot from an older shape of the figures is simply recomputed.
    Ok(row.and_then(|(computed_at, signature, data)| {
        serde_json::from_str(&data).ok().map(|figures| Snapshot {
            computed_at,
            signature,
            figures,
        })
    }))
}

/// Stores a scope's figures, replacing the previous snapshot.
pub fn store_snapshot(
    conn: &mut DbConnection,
    scope: &Scope,
    figures: &Insight,
    signature: &Signature,
    computed_at: NaiveDateTime,
) -> Result<(), DbError> {
    let data = serde_json::to_string(figures).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let key = scope.key();
    diesel::delete(insight_snapshots::table.find(&key))
        .execute(conn)
        .context("replacing an insight snapshot")?;
    // Another process refreshing the same scope at once: either copy will do.
    super::insert_unless_duplicate(conn, "storing an insight snapshot", |conn| {
        diesel::insert_into(insight_snapshots::table)
            .values((
                insight_snapshots::scope.eq(&key),
                insight_snapshots::computed_at.eq(computed_at),
                insight_snapshots::signature.eq(signature.as_str()),
                insight_snapshots::data.eq(&data),
            ))
            .execute(conn)
    })?;
    Ok(())
}
