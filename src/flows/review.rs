//! Review mode (issue 10): an owner turns it on for a job and chooses the
//! reviewers; a reviewer calibrates on a question's exemplar answers, then
//! grades every candidate's answer to it blind. Each function runs in the
//! transaction it is given and records its audit event. Knows no HTTP.

use std::collections::HashMap;

use crate::db::{self, reviews::ReviewRow, DbConnection, DbError};
use crate::domain::answer_review::{
    self, CalibrationItem, Combined, ExemplarKind, Grades, ReviewSettings,
};
use crate::domain::job::Job;
use crate::domain::questionnaire::QuestionSpec;
use crate::scoring::AnswerScore;
use crate::web::candidate::flow::{self, Ctx};

/// Why a review-mode action was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Review mode is off for this job.
    Off,
    /// The person is not one of the job's chosen reviewers.
    NotReviewer,
    /// No such answer in this job, or it is not submitted.
    NoAnswer,
    /// The reviewer has not calibrated on this question yet.
    NotCalibrated,
    /// Not a member of the team.
    UnknownUser,
}

/// Turns review mode on or off, with its weights and reviewers, and
/// recomputes every screen result of the job (the combination changes).
pub fn change_settings(
    conn: &mut DbConnection,
    actor: &str,
    job: &Job,
    settings: &ReviewSettings,
    reviewers: &[String],
    now: chrono::NaiveDateTime,
) -> Result<Result<(), Refused>, DbError> {
    let users = db::users::list(conn)?;
    if reviewers.iter().any(|r| !users.iter().any(|u| &u.id == r)) {
        return Ok(Err(Refused::UnknownUser));
    }
    let mut reviewers = reviewers.to_vec();
    reviewers.sort();
    reviewers.dedup();
    db::reviews::set_settings(conn, &job.id, settings, now)?;
    db::reviews::set_reviewers(conn, &job.id, &reviewers, now)?;
    recompute_job(conn, job, now)?;
    db::audit::record(
        conn,
        Some(actor),
        "job.review_mode",
        ("job", &job.id),
        &format!(
            "enabled {}, {} reviews per answer, automatic score counts as {}, reviewers {reviewers:?}",
            settings.enabled, settings.reviews_needed, settings.auto_weight
        ),
        now,
    )?;
    Ok(Ok(()))
}

/// Recomputes the screen result of every application of the job that has
/// submitted answers.
fn recompute_job(
    conn: &mut DbConnection,
    job: &Job,
    now: chrono::NaiveDateTime,
) -> Result<(), DbError> {
    let pass_mark = f64::from(job.posting.pass_mark.percent()) / 100.0;
    let mut apps: Vec<String> = db::reviews::job_answers(conn, &job.id)?
        .into_iter()
        .map(|a| a.application_id)
        .collect();
    apps.sort();
    apps.dedup();
    for app in apps {
        flow::recompute_screen(conn, &app, pass_mark, now)?;
    }
    Ok(())
}

/// One question of the job under review, with every submitted answer to it.
#[derive(Debug, Clone)]
pub struct ReviewQuestion {
    pub spec: QuestionSpec,
    pub answers: Vec<ReviewAnswer>,
}

#[derive(Debug, Clone)]
pub struct ReviewAnswer {
    pub id: String,
    pub body: String,
    pub application_id: String,
    pub auto: Option<AnswerScore>,
}

impl ReviewQuestion {
    pub fn key_point_ids(&self) -> Vec<String> {
        self.spec
            .rubric
            .key_points
            .iter()
            .map(|k| k.id.clone())
            .collect()
    }
    pub fn has_exemplars(&self) -> bool {
        !self.spec.rubric.exemplars.strong.is_empty() || !self.spec.rubric.exemplars.weak.is_empty()
    }
    /// The exemplar answers with their agreed grades, strong first.
    pub fn exemplars(&self) -> Vec<(ExemplarKind, String, Grades)> {
        let kps = self.key_point_ids();
        let ex = &self.spec.rubric.exemplars;
        ex.strong
            .iter()
            .map(|a| (ExemplarKind::Strong, a))
            .chain(ex.weak.iter().map(|a| (ExemplarKind::Weak, a)))
            .map(|(k, a)| (k, a.clone(), Grades::agreed(k, &kps)))
            .collect()
    }
}

/// The job's questions that have submitted answers, in questionnaire
/// order, each with its answers (blank ones left out: nothing to grade).
pub fn job_questions(
    conn: &mut DbConnection,
    job_id: &str,
) -> Result<Vec<ReviewQuestion>, DbError> {
    let answers = db::reviews::job_answers(conn, job_id)?;
    let mut versions: Vec<String> = Vec::new();
    for a in &answers {
        if !versions.contains(&a.questionnaire_version_id) {
            versions.push(a.questionnaire_version_id.clone());
        }
    }
    let mut loaded = Vec::new();
    for v in &versions {
        loaded.push((v.clone(), db::questionnaire_versions::load(conn, v)?));
    }
    // Questionnaires in a stable order whatever answer came first.
    loaded.sort_by(|a, b| {
        (&a.1.questionnaire.id, a.1.questionnaire.version)
            .cmp(&(&b.1.questionnaire.id, b.1.questionnaire.version))
    });
    let mut out: Vec<ReviewQuestion> = Vec::new();
    for (vid, l) in &loaded {
        let mut specs: Vec<&QuestionSpec> = l.questionnaire.questions.iter().collect();
        specs.sort_by_key(|s| s.tier);
        for spec in specs {
            let mine = answers.iter().filter(|a| {
                &a.questionnaire_version_id == vid
                    && a.answer.question_id == spec.id
                    && !a.answer.body.trim().is_empty()
            });
            let mine: Vec<ReviewAnswer> = mine
                .map(|a| ReviewAnswer {
                    id: a.answer.id.clone(),
                    body: a.answer.body.clone(),
                    application_id: a.application_id.clone(),
                    auto: a
                        .answer
                        .score_detail
                        .as_deref()
                        .and_then(|d| serde_json::from_str(d).ok()),
                })
                .collect();
            if mine.is_empty() {
                continue;
            }
            match out.iter().position(|q| q.spec.id == spec.id) {
                Some(i) => out[i].answers.extend(mine),
                None => out.push(ReviewQuestion {
                    spec: spec.clone(),
                    answers: mine,
                }),
            }
        }
    }
    Ok(out)
}

/// An answer's score with the reviews of it combined, per the job's settings.
pub fn combined_score(
    auto: &AnswerScore,
    spec: Option<&QuestionSpec>,
    reviews: &[&ReviewRow],
    settings: &ReviewSettings,
) -> Combined {
    let (kps, required): (Vec<String>, Vec<String>) = match spec {
        Some(s) => (
            s.rubric.key_points.iter().map(|k| k.id.clone()).collect(),
            s.rubric
                .key_points
                .iter()
                .filter(|k| k.required)
                .map(|k| k.id.clone())
                .collect(),
        ),
        None => (
            auto.content
                .covered
                .iter()
                .chain(&auto.content.missed)
                .cloned()
                .collect(),
            auto.content.required_missed.clone(),
        ),
    };
    let humans: Vec<f64> = reviews
        .iter()
        .map(|r| r.grades().score(auto.weights, &kps, &required))
        .collect();
    answer_review::combine(auto.score, settings.auto_weight, &humans)
}

/// Reviews keyed by the id of the answer they review.
pub type ReviewsByAnswer = HashMap<String, Vec<ReviewRow>>;

/// The reviews of a round's answers when the job is in review mode, keyed
/// by answer id, for the screen result (see `flow::recompute_screen`).
pub fn reviews_counting(
    conn: &mut DbConnection,
    job_id: &str,
    answer_ids: &[String],
) -> Result<Option<(ReviewSettings, ReviewsByAnswer)>, DbError> {
    let settings = db::reviews::settings(conn, job_id)?;
    if !settings.enabled {
        return Ok(None);
    }
    let mut by_answer = ReviewsByAnswer::new();
    for r in db::reviews::for_answers(conn, answer_ids)? {
        by_answer.entry(r.answer_id.clone()).or_default().push(r);
    }
    Ok(Some((settings, by_answer)))
}

/// Whether this person may review this job: review mode on and chosen.
pub fn may_review(
    conn: &mut DbConnection,
    job_id: &str,
    user_id: &str,
) -> Result<Result<(), Refused>, DbError> {
    if !db::reviews::settings(conn, job_id)?.enabled {
        return Ok(Err(Refused::Off));
    }
    if !db::reviews::is_reviewer(conn, job_id, user_id)? {
        return Ok(Err(Refused::NotReviewer));
    }
    Ok(Ok(()))
}

/// A reviewer's grades of one answer. Grading an answer again changes the
/// review (the latest judgement counts); the same grades again change
/// nothing, so a double submit is harmless. The screen result is
/// recomputed, and the next tier sent if the round now passes.
#[allow(clippy::too_many_arguments)]
pub fn submit_review(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    reviewer: &str,
    question: &ReviewQuestion,
    answer_id: &str,
    grades: &Grades,
    note: &str,
    now: chrono::NaiveDateTime,
) -> Result<Result<db::reviews::Saved, Refused>, DbError> {
    if let Err(r) = may_review(conn, &job.id, reviewer)? {
        return Ok(Err(r));
    }
    let Some(answer) = question.answers.iter().find(|a| a.id == answer_id) else {
        return Ok(Err(Refused::NoAnswer));
    };
    if question.has_exemplars() && !calibrated(conn, &job.id, reviewer, &question.spec.id)? {
        return Ok(Err(Refused::NotCalibrated));
    }
    let saved = db::reviews::save(conn, answer_id, reviewer, grades, note, now)?;
    if saved != db::reviews::Saved::Unchanged {
        flow::after_review(conn, ctx, job, reviewer, &answer.application_id, now)?;
        db::audit::record(
            conn,
            Some(reviewer),
            "answer.reviewed",
            ("answer", answer_id),
            &format!(
                "empathy {}, curiosity {}, key points {:?}{}",
                grades.empathy,
                grades.curiosity,
                grades.covered,
                if saved == db::reviews::Saved::Updated {
                    " (changed)"
                } else {
                    ""
                }
            ),
            now,
        )?;
    }
    Ok(Ok(saved))
}

pub fn calibrated(
    conn: &mut DbConnection,
    job_id: &str,
    reviewer: &str,
    question_id: &str,
) -> Result<bool, DbError> {
    Ok(db::reviews::calibrations(conn, job_id, reviewer)?
        .iter()
        .any(|(q, _)| q == question_id))
}

/// A reviewer's grades of a question's exemplars, kept beside the agreed
/// ones. Done once per question: a second submit keeps the first.
pub fn submit_calibration(
    conn: &mut DbConnection,
    job_id: &str,
    reviewer: &str,
    question: &ReviewQuestion,
    yours: Vec<Grades>,
    now: chrono::NaiveDateTime,
) -> Result<Result<Vec<CalibrationItem>, Refused>, DbError> {
    if let Err(r) = may_review(conn, job_id, reviewer)? {
        return Ok(Err(r));
    }
    let items: Vec<CalibrationItem> = question
        .exemplars()
        .into_iter()
        .zip(yours)
        .map(|((kind, _, agreed), yours)| CalibrationItem {
            kind,
            yours,
            agreed,
        })
        .collect();
    let json = serde_json::to_string(&items).map_err(|e| DbError::Corrupt(e.to_string()))?;
    if db::reviews::save_calibration(conn, job_id, reviewer, &question.spec.id, &json, now)? {
        db::audit::record(
            conn,
            Some(reviewer),
            "review.calibrated",
            ("job", job_id),
            &format!(
                "question {}: {}",
                question.spec.id,
                answer_review::calibration_summary(&items)
            ),
            now,
        )?;
    }
    Ok(Ok(items))
}

/// A reviewer's work: each job in review mode they review, with how many
/// answers they have left to grade and the total.
pub fn work_of(
    conn: &mut DbConnection,
    user_id: &str,
) -> Result<Vec<(Job, usize, usize)>, DbError> {
    let mut out = Vec::new();
    for job_id in db::reviews::jobs_of(conn, user_id)? {
        if !db::reviews::settings(conn, &job_id)?.enabled {
            continue;
        }
        let Some(job) = db::jobs::find(conn, &job_id)? else {
            continue;
        };
        let ids: Vec<String> = job_questions(conn, &job_id)?
            .iter()
            .flat_map(|q| q.answers.iter().map(|a| a.id.clone()))
            .collect();
        let mine = db::reviews::for_answers(conn, &ids)?
            .iter()
            .filter(|r| r.reviewer_id == user_id)
            .count();
        out.push((job, ids.len().saturating_sub(mine), ids.len()));
    }
    Ok(out)
}
