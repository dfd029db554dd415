//! How each job screens its candidates.

use super::direct::direct;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::job_screening;
use super::{DbConnection, DbError, QueryContext};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ScreeningSettings {
    /// Questionnaire ids, in the owner's order of preference.
    pub questionnaire_ids: Vec<String>,
    pub all_tiers_at_once: bool,
    /// Act on the screen's outcome without a person (off by default).
    pub auto_decide: bool,
    /// Days a candidate has to answer from the moment the link is sent.
    pub answer_days: i32,
    /// Percent of the screen score given to spelling (0: not counted).
    pub writing_weight: i32,
}

impl Default for ScreeningSettings {
    fn default() -> Self {
        Self {
            questionnaire_ids: Vec::new(),
            all_tiers_at_once: false,
            auto_decide: false,
            answer_days: 14,
            writing_weight: 0,
        }
    }
}

pub fn get(conn: &mut DbConnection, job_id: &str) -> Result<ScreeningSettings, DbError> {
    let row: Option<(String, i32, i32, i32, i32)> = direct!(conn, |c| job_screening::table
        .find(job_id)
        .select((
            job_screening::questionnaire_ids,
            job_screening::all_tiers_at_once,
            job_screening::auto_decide,
            job_screening::answer_days,
            job_screening::writing_weight,
        ))
        .first(c))
    .optional()
    .context("reading a job's screening settings")?;
    Ok(match row {
        None => ScreeningSettings::default(),
        Some((ids, all, auto, days, writing_weight)) => ScreeningSettings {
            questionnaire_ids: serde_json::from_str(&ids)
                .map_err(|_| DbError::Corrupt(format!("questionnaire ids '{ids}'")))?,
            all_tiers_at_once: all != 0,
            auto_decide: auto != 0,
            answer_days: days,
            writing_weight,
        },
    })
}

pub fn set(
    conn: &mut DbConnection,
    job_id: &str,
    s: &ScreeningSettings,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let ids = serde_json::to_string(&s.questionnaire_ids).unwrap_or_else(|_| "[]".into());
    let values = (
        job_screening::questionnaire_ids.eq(&ids),
        job_screening::all_tiers_at_once.eq(i32::from(s.all_tiers_at_once)),
        job_screening::auto_decide.eq(i32::from(s.auto_decide)),
        job_screening::answer_days.eq(s.answer_days),
        job_screening::writing_weight.eq(s.writing_weight),
        job_screening::updated_at.eq(now),
    );
    let n = diesel::update(job_screening::table.find(job_id))
        .set(values)
        .execute_cached(conn)
        .context("saving screening settings")?;
    if n == 0 {
        diesel::insert_into(job_screening::table)
            .values((job_screening::job_id.eq(job_id), values))
            .execute(conn)
            .context("saving screening settings")?;
    }
    // The questionnaires say which languages the job's public pages speak.
    super::public_version::bump(conn)?;
    Ok(())
}
