//! Spelling of what a candidate wrote: each answer at submission, the
//! cover letter and the application's overall rate for the table.

use std::collections::HashSet;
use std::sync::Arc;

use crate::db::screenings::Screening;
use crate::db::{self, DbConnection, DbError};
use crate::domain::job::Job;
use crate::domain::questionnaire::Questionnaire;
use crate::flows::questionnaires::{self, Version};
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

/// The questionnaire versions of an application's rounds, each once, in
/// the order the rounds were sent: the texts whose words count as known.
pub fn version_ids(rounds: &[Screening]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for round in rounds {
        if !out.contains(&round.questionnaire_version_id) {
            out.push(round.questionnaire_version_id.clone());
        }
    }
    out
}

/// Questionnaires of an application's rounds, for the known words.
pub fn questionnaires_of(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Vec<Arc<Version>>, DbError> {
    let rounds = db::screenings::for_application(conn, application_id)?;
    version_ids(&rounds)
        .iter()
        .map(|id| questionnaires::version(conn, id))
        .collect()
}

/// A cover letter's spelling checked ahead of the write transaction,
/// with the words of these questionnaire versions known: used there only
/// while the application's rounds still have exactly these versions.
#[derive(Debug, Clone)]
pub struct CoverLetterCheck {
    pub versions: Vec<String>,
    pub writing: Writing,
}

impl CoverLetterCheck {
    pub fn new(
        job: &Job,
        app_name: &str,
        cover_letter_text: &str,
        versions: &[Arc<Version>],
    ) -> Self {
        let refs: Vec<&Questionnaire> = versions.iter().map(|v| &v.loaded.questionnaire).collect();
        let known = known_words(job, &refs, app_name);
        Self::with_known(versions, cover_letter_text, &known)
    }

    /// The same, with the known words of `versions` already worked out.
    pub fn with_known(
        versions: &[Arc<Version>],
        cover_letter_text: &str,
        known: &HashSet<String>,
    ) -> Self {
        Self {
            versions: versions.iter().map(|v| v.id.clone()).collect(),
            writing: cover_letter(cover_letter_text, known),
        }
    }
}

/// Recomputes and stores the application's rate over the cover letter and
/// every submitted answer measured; returns the rate, if any words.
pub fn refresh(conn: &mut DbConnection, application_id: &str) -> Result<Option<f64>, DbError> {
    refresh_with(conn, application_id, None)
}

/// [`refresh`], with the cover letter's spelling taken from `checked`
/// when it was checked against the versions the rounds have now.
pub fn refresh_with(
    conn: &mut DbConnection,
    application_id: &str,
    checked: Option<&CoverLetterCheck>,
) -> Result<Option<f64>, DbError> {
    let Some(app) = db::applications::find(conn, application_id)? else {
        return Ok(None);
    };
    let rounds = db::screenings::for_application(conn, application_id)?;
    let ids = version_ids(&rounds);
    let cover = match checked {
        Some(c) if c.versions == ids => c.writing.clone(),
        _ => {
            let Some(job) = db::jobs::find(conn, &app.job_id)? else {
                return Ok(None);
            };
            let versions = ids
                .iter()
                .map(|id| questionnaires::version(conn, id))
                .collect::<Result<Vec<_>, _>>()?;
            CoverLetterCheck::new(&job, &app.name, &app.cover_letter, &versions).writing
        }
    };
    let mut parts = vec![cover];
    for round in &rounds {
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
    store(conn, application_id, &parts)
}

/// Stores the application's rate over `parts`; returns it, if any words.
pub fn store(
    conn: &mut DbConnection,
    application_id: &str,
    parts: &[Writing],
) -> Result<Option<f64>, DbError> {
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
