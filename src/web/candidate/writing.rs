//! Spelling of what a candidate wrote: each answer at submission, the
//! cover letter and the application's overall rate for the table.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use crate::db::applications::ApplicationRow;
use crate::db::screenings::Screening;
use crate::db::{self, DbConnection, DbError};
use crate::domain::job::Job;
use crate::domain::questionnaire::Questionnaire;
use crate::flows::questionnaires::{self, Version};
use crate::scoring::spelling::{self, Known, KnownPair, WordSet, Writing};
use crate::scoring::{lang, Lang};

/// Words the candidate was given or owns: never slips.
pub fn known_words(job: &Job, questionnaires: &[&Questionnaire], name: &str) -> WordSet {
    let posting = serde_json::to_string(&job.posting).unwrap_or_default();
    let mut texts: Vec<String> = vec![posting, name.to_string()];
    for q in questionnaires {
        texts.push(serde_json::to_string(q).unwrap_or_default());
    }
    spelling::known_words(texts.iter().map(String::as_str))
}

/// [`known_words`] for a job, the questionnaire versions a candidate was
/// sent and their name: the job's and questionnaires' part, the same for
/// every candidate, is kept (see [`JOB_WORDS`]), only the name's is new.
pub struct KnownWords {
    shared: Arc<WordSet>,
    name: WordSet,
}

impl Known for KnownWords {
    fn knows(&self, lower: &str) -> bool {
        KnownPair(&*self.shared, &self.name).knows(lower)
    }
}

/// The words of a job posting (as its JSON) and of questionnaire
/// versions, by exactly what they are made of: the posting's JSON itself
/// (any edit changes it, whatever `updated_at` says) and the version ids
/// (a version's text never changes). A changed job or a new version is a
/// new key, never a stale set. The cap only bounds a process that sees
/// many jobs; it starts again when reached.
const JOB_WORDS_CAP: usize = 64;

type JobWordsKey = (String, Vec<String>);

static JOB_WORDS: LazyLock<Mutex<HashMap<JobWordsKey, Arc<WordSet>>>> =
    LazyLock::new(Default::default);

/// The known words of `job`, `versions` and `name`, the first two from
/// the process's cache when they were worked out before.
pub fn known_for(job: &Job, versions: &[Arc<Version>], name: &str) -> KnownWords {
    let posting = serde_json::to_string(&job.posting).unwrap_or_default();
    let key = (posting, versions.iter().map(|v| v.id.clone()).collect());
    let cached = JOB_WORDS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&key)
        .cloned();
    let shared = match cached {
        Some(set) => set,
        None => {
            let mut set = WordSet::default();
            spelling::add_known_words(&mut set, &key.0);
            for v in versions {
                let q = serde_json::to_string(&v.loaded.questionnaire).unwrap_or_default();
                spelling::add_known_words(&mut set, &q);
            }
            let set = Arc::new(set);
            let mut map = JOB_WORDS.lock().unwrap_or_else(|p| p.into_inner());
            if map.len() >= JOB_WORDS_CAP {
                map.clear();
            }
            map.insert(key, set.clone());
            set
        }
    };
    KnownWords {
        shared,
        name: spelling::known_words([name]),
    }
}

/// The language to check `text` in: the one given, else detected, else English.
pub fn lang_of(text: &str, given: Option<Lang>) -> Lang {
    given.or_else(|| lang::detect(text)).unwrap_or(Lang::En)
}

/// The cover letter's spelling, in its own language.
pub fn cover_letter(text: &str, known: &impl Known) -> Writing {
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
        let known = known_for(job, versions, app_name);
        Self::with_known(versions, cover_letter_text, &known)
    }

    /// The same, with the known words of `versions` already worked out.
    pub fn with_known(
        versions: &[Arc<Version>],
        cover_letter_text: &str,
        known: &impl Known,
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
    let Some(app) = db::applications::find(conn, application_id)? else {
        return Ok(None);
    };
    let rounds = db::screenings::for_application(conn, application_id)?;
    let mut answers = Vec::new();
    for round in rounds.iter().filter(|r| !r.is_open()) {
        for a in db::screenings::answers(conn, &round.id)? {
            if let Some(w) = a
                .writing
                .as_deref()
                .and_then(|w| serde_json::from_str(w).ok())
            {
                answers.push(w);
            }
        }
    }
    refresh_from(conn, &app, &rounds, None, answers)
}

/// [`refresh`] from what the caller has read already: the application,
/// all its `rounds` and the spelling of every submitted answer. The cover
/// letter's spelling is taken from `checked` when it was checked against
/// the versions the rounds have now.
pub fn refresh_from(
    conn: &mut DbConnection,
    app: &ApplicationRow,
    rounds: &[Screening],
    checked: Option<&CoverLetterCheck>,
    answers: Vec<Writing>,
) -> Result<Option<f64>, DbError> {
    let ids = version_ids(rounds);
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
    let mut parts = Vec::with_capacity(answers.len() + 1);
    parts.push(cover);
    parts.extend(answers);
    store(conn, &app.id, &parts)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::job::{JobInput, JobPosting, JobStatus};
    use crate::questionnaires::Loaded;

    fn job(title: &str) -> Job {
        let posting = JobPosting::parse(&JobInput {
            title: title.into(),
            workplace: "remote".into(),
            employment_type: "full_time".into(),
            languages: vec!["en".into()],
            fluencies: vec!["fluent".into()],
            tier1: "70".into(),
            tier2: "20".into(),
            tier3: "10".into(),
            ..Default::default()
        })
        .unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        Job {
            id: "job-1".into(),
            slug: "support".into(),
            status: JobStatus::Open,
            close_reason: None,
            posting,
            created_at: at,
            updated_at: at,
            published_at: None,
            closed_at: None,
        }
    }

    /// The shipped questionnaire with `word` in its title, as version `id`
    /// (random-looking ids: the cache is process-wide, shared by tests).
    fn version(id: &str, word: &str) -> Arc<Version> {
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/questionnaires/generalist-en.toml"
        ))
        .unwrap()
        .replacen(
            "title = \"Support screen",
            &format!("title = \"{word} support screen"),
            1,
        );
        let loaded = Loaded::from_source(source).unwrap();
        Arc::new(Version::new(id, loaded))
    }

    #[test]
    fn known_words_follow_the_versions_the_job_and_the_name() {
        let (v1, v2) = (
            version("kw-test-v1-7f3a", "Zorblax"),
            version("kw-test-v2-7f3a", "Quuxify"),
        );
        let j = job("Support Specialist");
        let first = known_for(&j, std::slice::from_ref(&v1), "Dana Okoro");
        assert!(first.knows("zorblax") && first.knows("okoro") && first.knows("specialist"));
        assert!(!first.knows("quuxify"));
        // A new version of the questionnaire: its words, not the old ones.
        let second = known_for(&j, std::slice::from_ref(&v2), "Dana Okoro");
        assert!(second.knows("quuxify") && !second.knows("zorblax"));
        // Both rounds' versions: both.
        let both = known_for(&j, &[v1.clone(), v2.clone()], "Dana Okoro");
        assert!(both.knows("quuxify") && both.knows("zorblax"));
        // The same job edited (same id, same `updated_at`): its new words.
        let edited = job("Flibbertigibbet Specialist");
        let third = known_for(&edited, std::slice::from_ref(&v1), "Dana Okoro");
        assert!(third.knows("flibbertigibbet"));
        assert!(!known_for(&j, std::slice::from_ref(&v1), "Dana").knows("flibbertigibbet"));
        // A name is the candidate's own, never another's.
        let other = known_for(&j, std::slice::from_ref(&v1), "Eve Zyxwq");
        assert!(other.knows("zyxwq") && !other.knows("okoro"));
        // Cached or not, the words are those of `known_words`.
        let full = known_words(&j, &[&v1.loaded.questionnaire], "Eve Zyxwq");
        assert!(full.iter().all(|w| other.knows(w)));
        assert_eq!(
            full.len(),
            other.shared.len()
                + other
                    .name
                    .iter()
                    .filter(|w| !other.shared.contains(*w))
                    .count()
        );
    }
}
