//! Writing questionnaires in the app: saving a new version of one and
//! importing a TOML text, each in the caller's transaction. The TOML
//! source is the one representation stored: what is saved is exactly what
//! `Questionnaire::parse` accepts and what export gives back.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::db::{self, DbConnection, DbError};
use crate::domain::questionnaire::{Part, Problem, Questionnaire};
use crate::i18n::Message;
use crate::questionnaires::{Library, Loaded, AUTHORED_PREFIX};
use crate::scoring::{self, from_domain};

/// Which questionnaire a save goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new questionnaire, its id made from its title.
    New,
    /// A new version of this owner's questionnaire.
    Existing(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Version {
        id: String,
        version: i32,
    },
    /// Nothing was stored: what is wrong.
    Refused(Vec<Problem>),
}

/// The library jobs and applicants see: the files (read-only defaults)
/// plus the latest saved version of each questionnaire written in the app.
pub fn library(conn: &mut DbConnection, files: &Library) -> Result<Library, DbError> {
    let mut extra = Vec::new();
    for v in db::authored_questionnaires::latest_all(conn)? {
        // One that no longer passes the checks (stricter after an upgrade)
        // is left out, as a file would be, rather than stopping every
        // application.
        match authored(v.source) {
            Ok(l) => extra.push(l),
            Err(problems) => {
                for p in problems {
                    tracing::warn!(id = %v.questionnaire_id, version = v.version, "questionnaire left out: {p}");
                }
            }
        }
    }
    Ok(files.with(extra))
}

/// Which version of each questionnaire written in the app is the latest:
/// the library is the same as long as this is.
pub fn library_stamp(conn: &mut DbConnection) -> Result<Vec<(String, i32)>, DbError> {
    db::authored_questionnaires::latest_versions(conn)
}

/// Parsed texts are kept by their SHA-256: the same text always parses to
/// the same questionnaire, whichever database or version row it came from.
/// The cap only guards against a process that sees endless new texts.
const CACHE_CAP: usize = 512;

static AUTHORED: LazyLock<RwLock<HashMap<String, Arc<Loaded>>>> = LazyLock::new(Default::default);

/// A written questionnaire's text, parsed once per process.
fn authored(source: String) -> Result<Arc<Loaded>, Vec<Problem>> {
    let hash = hex::encode(Sha256::digest(source.as_bytes()));
    if let Some(l) = read(&AUTHORED).get(&hash) {
        return Ok(l.clone());
    }
    let loaded = Arc::new(Loaded::from_source(source)?);
    remember(&AUTHORED, hash, loaded.clone());
    Ok(loaded)
}

/// A stored questionnaire version (the exact text candidates were sent),
/// parsed, with the scorer's view of each question.
#[derive(Debug)]
pub struct Version {
    /// The version row's id.
    pub id: String,
    pub loaded: Loaded,
    /// In the questionnaire's order. Kept with the version so what the
    /// scorer compiles for a question (key points) is compiled once.
    questions: Vec<scoring::Question>,
}

impl Version {
    pub(crate) fn new(id: &str, loaded: Loaded) -> Self {
        let questions = from_domain::questions(&loaded.questionnaire);
        Self {
            id: id.to_string(),
            loaded,
            questions,
        }
    }

    /// The scorer's view of question `id`.
    pub fn question(&self, id: &str) -> Option<&scoring::Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

static VERSIONS: LazyLock<RwLock<HashMap<String, Arc<Version>>>> = LazyLock::new(Default::default);

/// A stored questionnaire version by id, read and parsed once per process:
/// a version row is never changed once written (its id names one text),
/// so what was parsed stays right. Ids are random, so two databases used
/// by one process (tests) never share one.
pub fn version(conn: &mut DbConnection, id: &str) -> Result<Arc<Version>, DbError> {
    if let Some(v) = read(&VERSIONS).get(id) {
        return Ok(v.clone());
    }
    let version = Arc::new(Version::new(
        id,
        db::questionnaire_versions::load(conn, id)?,
    ));
    remember(&VERSIONS, id.to_string(), version.clone());
    Ok(version)
}

fn read<V>(
    cache: &RwLock<HashMap<String, V>>,
) -> std::sync::RwLockReadGuard<'_, HashMap<String, V>> {
    cache.read().unwrap_or_else(|p| p.into_inner())
}

fn remember<V>(cache: &RwLock<HashMap<String, V>>, key: String, value: V) {
    let mut map = cache.write().unwrap_or_else(|p| p.into_inner());
    if map.len() >= CACHE_CAP {
        map.clear();
    }
    map.insert(key, value);
}

/// Checks a questionnaire's text as `rapport questionnaire check` does:
/// the file's own problems, then the matcher's (phrasings too rich).
pub fn checked(source: &str) -> Result<Questionnaire, Vec<Problem>> {
    let q = Questionnaire::parse(source)?;
    let problems = crate::scoring::authoring::problems(&q, source);
    if problems.is_empty() {
        Ok(q)
    } else {
        Err(problems)
    }
}

/// The TOML text of a questionnaire, as stored and exported. (The
/// problem is boxed: it is rare, and a `Result` stays small.)
pub fn to_toml(q: &Questionnaire) -> Result<String, Box<Problem>> {
    toml::to_string_pretty(q).map_err(|e| {
        Box::new(Problem::new(
            None,
            Message::new("staff-questionnaire-not-toml").arg("error", e),
            Message::new("staff-questionnaire-not-toml-fix"),
            Part::File,
        ))
    })
}

/// An id for a new questionnaire titled `title`, unused by the files and
/// by the questionnaires already written.
fn new_id(conn: &mut DbConnection, files: &Library, title: &str) -> Result<String, DbError> {
    let mut base: String = slug::slugify(title).chars().take(40).collect();
    base = base.trim_end_matches('-').to_string();
    if base.is_empty() {
        base = "questionnaire".into();
    }
    let base = format!("{AUTHORED_PREFIX}{base}");
    for n in 1.. {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        if files.get(&id).is_none() && !db::authored_questionnaires::exists(conn, &id)? {
            return Ok(id);
        }
    }
    unreachable!("the ids are endless")
}

/// Saves `q` as the next version of `target`: its id and version are
/// set here, the TOML is checked as a file would be, and the save is
/// recorded in the audit log.
pub fn save_version(
    conn: &mut DbConnection,
    files: &Library,
    q: &Questionnaire,
    target: &Target,
    actor: &str,
    now: NaiveDateTime,
) -> Result<Saved, DbError> {
    let mut q = q.clone();
    let (id, version) = match target {
        Target::New => (new_id(conn, files, &q.title)?, 1),
        Target::Existing(id) => {
            let Some(latest) = db::authored_questionnaires::find(conn, id, None)? else {
                return Ok(Saved::Refused(vec![Problem::new(
                    None,
                    Message::new("staff-questionnaire-not-in-app").arg("id", id),
                    Message::new("staff-questionnaire-not-in-app-fix"),
                    Part::File,
                )]));
            };
            (id.clone(), latest.version + 1)
        }
    };
    q.id = id.clone();
    q.version = version as u32;
    let source = match to_toml(&q) {
        Ok(s) => s,
        Err(p) => return Ok(Saved::Refused(vec![*p])),
    };
    if let Err(problems) = checked(&source) {
        return Ok(Saved::Refused(problems));
    }
    if !db::authored_questionnaires::insert(conn, &id, version, &source, actor, now)? {
        return Ok(Saved::Refused(vec![Problem::new(
            None,
            Message::new("staff-questionnaire-saved-meanwhile").arg("version", version),
            Message::new("staff-questionnaire-saved-meanwhile-fix"),
            Part::File,
        )]));
    }
    db::audit::record(
        conn,
        Some(actor),
        "questionnaire.saved",
        ("questionnaire", &id),
        &format!("version {version}: {}", q.title),
        now,
    )?;
    Ok(Saved::Version { id, version })
}

/// Imports a questionnaire's TOML text (a file's, or an export): checked
/// as a file is, then saved as a new questionnaire or a new version.
pub fn import_toml(
    conn: &mut DbConnection,
    files: &Library,
    source: &str,
    target: &Target,
    actor: &str,
    now: NaiveDateTime,
) -> Result<Saved, DbError> {
    match checked(source) {
        Ok(q) => save_version(conn, files, &q, target, actor, now),
        Err(problems) => Ok(Saved::Refused(problems)),
    }
}
