//! Spelling of what a candidate wrote: each answer at submission, the
//! cover letter and the application's overall rate for the table.

use std::collections::HashSet;

use crate::db::{self, DbConnection, DbError};
use crate::domain::job::Job;
use crate::domain::questionnaire::Questionnaire;
use crate::scoring::spelling::{self, Writing};
use crate::scoring::{lang, Lang};

/// Words the candidate was given or owns: never slips.
pub fn known_words(job: &Job, questionnaires: &[&Questionnaire], name: &str) -> HashSet<String> {
    let posting = serde_json::to_string(&job.posting).unwrap_or_default();
    let mut texts: Vec<String> = vec![posting, name.to_string()];
    for q in questionnaires {
        texts.push(serde_json::to_string(q).unwrap_or_default());
    }
    spelling::known_words(texts.iter().map(String::as_str))
}

/// The language to check `text` in: the one given, else detected, else English.
pub fn lang_of(text: &str, given: Option<Lang>) -> Lang {
    given.or_else(|| lang::detect(text)).unwrap_or(Lang::En)
}

/// The cover letter's spelling, in its own language.
pub fn cover_letter(text: &str, known: &HashSet<String>) -> Writing {
    spelling::check(text, lang_of(text, None), known)
}

/// Questionnaires of an application's rounds, for the known words.
pub fn questionnaires_of(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Vec<Questionnaire>, DbError> {
    let mut out: Vec<Questionnaire> = Vec::new();
    let mut seen = HashSet::new();
    for round in db::screenings::for_application(conn, application_id)? {
        if seen.insert(round.questionnaire_version_id.clone()) {
            out.push(
                db::questionnaire_versions::load(conn, &round.questionnaire_version_id)?
                    .questionnaire,
            );
        }
    }
    Ok(out)
}

/// Recomputes and stores the application's rate over the cover letter and
/// every submitted answer measured; returns the rate, if any words.
pub fn refresh(conn: &mut DbConnection, application_id: &str) -> Result<Option<f64>, DbError> {
    let Some(app) = db::applications::find(conn, application_id)? else {
        return Ok(None);
    };
    let Some(job) = db::jobs::find(conn, &app.job_id)? else {
        return Ok(None);
    };
    let questionnaires = questionnaires_of(conn, application_id)?;
    let refs: Vec<&Questionnaire> = questionnaires.iter().collect();
    let known = known_words(&job, &refs, &app.name);
    let mut parts = vec![cover_letter(&app.cover_letter, &known)];
    for round in db::screenings::for_application(conn, application_id)? {
        if round.is_open() {
            continue;
        }
        for a in db::screenings::answers(conn, &round.id)? {
            if let Some(w) = a
                .writing
                .as_deref()
                .and_then(|w| serde_json::from_str(w).ok())
            {
                parts.push(w);
            }
        }
    }
    let refs: Vec<&Writing> = parts.iter().collect();
    let Some(per_100) = Writing::rate_over(&refs) else {
        return Ok(None);
    };
    let words: usize = parts.iter().map(|w| w.words).sum();
    let slips: usize = parts.iter().map(|w| w.slips.len()).sum();
    db::writing::set(
        conn,
        application_id,
        db::writing::WritingRate {
            per_100,
            words: i32::try_from(words).unwrap_or(i32::MAX),
            slips: i32::try_from(slips).unwrap_or(i32::MAX),
        },
    )?;
    Ok(Some(per_100))
}
