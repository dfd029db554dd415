//! The questionnaires Rapport can send: the files in the questionnaire
//! directory (`RAPPORT_QUESTIONNAIRE_DIR`, default `questionnaires/`) when
//! it exists, otherwise the ones shipped inside the binary.

use std::path::Path;
use std::sync::Arc;

use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

use crate::domain::questionnaire::Questionnaire;

#[derive(RustEmbed)]
#[folder = "questionnaires/"]
#[include = "*.toml"]
struct Shipped;

/// A questionnaire with the exact text it was read from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub questionnaire: Questionnaire,
    pub source: String,
    /// SHA-256 of the source: the version candidates are judged against.
    pub content_hash: String,
}

impl Loaded {
    pub fn from_source(source: String) -> Result<Self, Vec<crate::domain::questionnaire::Problem>> {
        let questionnaire = Questionnaire::parse(&source)?;
        let content_hash = hex::encode(Sha256::digest(source.as_bytes()));
        Ok(Self {
            questionnaire,
            source,
            content_hash,
        })
    }
}

/// Ids of questionnaires written in the app start with this; files may
/// not use it, so the two never clash.
pub const AUTHORED_PREFIX: &str = "own-";

/// Shared, not copied: a library is cloned for every application, and a
/// parsed questionnaire never changes.
#[derive(Debug, Clone, Default)]
pub struct Library {
    items: Vec<Arc<Loaded>>,
}

impl Library {
    /// Reads every `*.toml` in `dir` if it exists, else the shipped files.
    /// A file with problems is left out, with every problem logged.
    pub fn load(dir: &Path) -> Self {
        let mut sources: Vec<(String, String)> = Vec::new();
        if dir.is_dir() {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for e in entries.flatten() {
                    let path = e.path();
                    if path.extension().is_some_and(|x| x == "toml") {
                        match std::fs::read_to_string(&path) {
                            Ok(text) => sources.push((path.display().to_string(), text)),
                            Err(err) => {
                                tracing::warn!(file = %path.display(), error = %err, "cannot read questionnaire")
                            }
                        }
                    }
                }
            }
        } else {
            for name in Shipped::iter() {
                if let Some(f) = Shipped::get(&name) {
                    sources.push((
                        name.to_string(),
                        String::from_utf8_lossy(&f.data).into_owned(),
                    ));
                }
            }
        }
        sources.sort();
        let mut items: Vec<Arc<Loaded>> = Vec::new();
        for (name, text) in sources {
            match Loaded::from_source(text) {
                Ok(l) if l.questionnaire.id.starts_with(AUTHORED_PREFIX) => {
                    tracing::warn!(file = %name, id = %l.questionnaire.id, "ids starting with {AUTHORED_PREFIX} are kept for questionnaires written in the app; this file is left out")
                }
                Ok(l)
                    if items
                        .iter()
                        .any(|x| x.questionnaire.id == l.questionnaire.id) =>
                {
                    tracing::warn!(file = %name, id = %l.questionnaire.id, "another questionnaire has the same id; this one is left out")
                }
                Ok(l) => items.push(Arc::new(l)),
                Err(problems) => {
                    for p in problems {
                        tracing::warn!(file = %name, "questionnaire left out: {p}");
                    }
                }
            }
        }
        Self { items }
    }

    pub fn all(&self) -> &[Arc<Loaded>] {
        &self.items
    }

    /// This library plus `extra` (questionnaires written in the app); an
    /// extra one whose id is already here is left out.
    pub fn with(&self, extra: Vec<Arc<Loaded>>) -> Library {
        let mut items = self.items.clone();
        for l in extra {
            if !items
                .iter()
                .any(|x| x.questionnaire.id == l.questionnaire.id)
            {
                items.push(l);
            }
        }
        Library { items }
    }

    pub fn get(&self, id: &str) -> Option<&Loaded> {
        self.items
            .iter()
            .find(|l| l.questionnaire.id == id)
            .map(|l| &**l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, title: &str) -> String {
        format!(
            "id = \"{id}\"\ntitle = \"{title}\"\nlanguage = \"en\"\nversion = 1\n\n[[questions]]\nid = \"q1\"\ntier = 1\nprompt = \"Hello?\"\n"
        )
    }

    #[test]
    fn files_cannot_take_the_ids_of_questionnaires_written_in_the_app() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), source("generalist-en", "File")).unwrap();
        std::fs::write(dir.path().join("b.toml"), source("own-labels", "File")).unwrap();
        let library = Library::load(dir.path());
        assert!(library.get("generalist-en").is_some());
        assert!(library.get("own-labels").is_none());

        let written = Loaded::from_source(source("own-labels", "Written")).unwrap();
        let clash = Loaded::from_source(source("generalist-en", "Written")).unwrap();
        let merged = library.with(vec![Arc::new(written), Arc::new(clash)]);
        assert_eq!(merged.all().len(), 2);
        assert_eq!(
            merged.get("own-labels").unwrap().questionnaire.title,
            "Written"
        );
        assert_eq!(
            merged.get("generalist-en").unwrap().questionnaire.title,
            "File"
        );
    }
}
