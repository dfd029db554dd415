//! `rapport rescore`: scores every submitted answer again with this
//! binary's scorer, each against the exact questionnaire version the
//! candidate saw, and shows what moved. With `--apply` the new automatic
//! scores replace the old ones (reviewers' overrides stay) and screen
//! results are recomputed.

use anyhow::Context;
use diesel::prelude::*;

use crate::db::{self, schema::screenings, Db, DbError};
use crate::scoring::{from_domain, AnswerScore, Scorer, SCORER_VERSION};
use crate::web::candidate::flow;

/// One answer whose grades or score changed.
#[derive(Debug, serde::Serialize)]
pub struct Moved {
    pub application_id: String,
    pub question_id: String,
    pub old_version: String,
    pub empathy: (u8, u8),
    pub curiosity: (u8, u8),
    pub score: (f64, f64),
}

pub fn run(db: &Db, apply: bool) -> anyhow::Result<()> {
    let scorer = Scorer::new();
    let (checked, moved) = db
        .write_blocking(|conn| {
            let rounds: Vec<db::screenings::Screening> = screenings::table
                .filter(screenings::status.eq(db::screenings::SUBMITTED))
                .select(db::screenings::Screening::as_select())
                .load(conn)
                .map_err(DbError::from)?;
            let mut checked = 0usize;
            let mut moved = Vec::new();
            let mut touched_apps = Vec::new();
            for round in &rounds {
                let loaded =
                    db::questionnaire_versions::load(conn, &round.questionnaire_version_id)?;
                for answer in db::screenings::answers(conn, &round.id)? {
                    let Some(old) = answer
                        .score_detail
                        .as_deref()
                        .and_then(|d| serde_json::from_str::<AnswerScore>(d).ok())
                    else {
                        continue;
                    };
                    let Some(spec) = loaded
                        .questionnaire
                        .questions
                        .iter()
                        .find(|q| q.id == answer.question_id)
                    else {
                        continue;
                    };
                    checked += 1;
                    let new = scorer.score(
                        &from_domain::question(&loaded.questionnaire, spec),
                        &answer.body,
                    );
                    let changed = old.empathy.grade != new.empathy.grade
                        || old.curiosity.grade != new.curiosity.grade
                        || (old.score - new.score).abs() >= 0.005;
                    if changed {
                        moved.push(Moved {
                            application_id: round.application_id.clone(),
                            question_id: answer.question_id.clone(),
                            old_version: old.scorer_version.clone(),
                            empathy: (old.empathy.grade, new.empathy.grade),
                            curiosity: (old.curiosity.grade, new.curiosity.grade),
                            score: (old.score, new.score),
                        });
                    }
                    if apply && (changed || old.scorer_version != SCORER_VERSION) {
                        let detail = serde_json::to_string(&new)
                            .map_err(|e| DbError::Corrupt(e.to_string()))?;
                        db::screenings::store_score(conn, &answer.id, new.score, &detail)?;
                        if !touched_apps.contains(&round.application_id) {
                            touched_apps.push(round.application_id.clone());
                        }
                    }
                }
            }
            if apply {
                let now = db::now();
                for app_id in &touched_apps {
                    let Some(app) = db::applications::find(conn, app_id)? else {
                        continue;
                    };
                    let Some(job) = db::jobs::find(conn, &app.job_id)? else {
                        continue;
                    };
                    flow::recompute_screen(
                        conn,
                        app_id,
                        f64::from(job.posting.pass_mark.percent()) / 100.0,
                        now,
                    )?;
                }
                db::audit::record(
                    conn,
                    None,
                    "scores.rescored",
                    ("scorer", SCORER_VERSION),
                    &format!("{} answers rescored", moved.len()),
                    now,
                )?;
            }
            Ok((checked, moved))
        })
        .context("re-scoring stored answers")?;
    println!(
        "Scorer {SCORER_VERSION}: {checked} stored answers checked, {} moved.",
        moved.len()
    );
    for m in &moved {
        println!(
            "  application {} / {} (scored by {}): empathy {} → {}, curiosity {} → {}, score {:.0}% → {:.0}%",
            m.application_id, m.question_id, m.old_version, m.empathy.0, m.empathy.1, m.curiosity.0, m.curiosity.1, m.score.0 * 100.0, m.score.1 * 100.0
        );
    }
    if !apply && !moved.is_empty() {
        println!("Nothing was changed. Run `rapport rescore --apply` to store the new scores (reviewers' overrides are kept).");
    }
    Ok(())
}
