//! Words decided in Rust (an error, a notice, a label) as the key of a
//! message in the translation files and its variables, so they are written
//! in the reader's language when shown, not in the language of the code
//! that decided them.

use std::fmt;

use fluent_bundle::{FluentArgs, FluentValue};

use super::Locale;

/// A message to show: its key in `locales/*.ftl` and its variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
    /// The language it must be read in whatever the page around it
    /// speaks (a candidate's own language, chosen before the error).
    locale: Option<Locale>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    Number(i64),
}

impl Message {
    /// The message `key`, which the English file must have (tests check
    /// every key the code names).
    pub fn new(key: &'static str) -> Self {
        debug_assert!(Locale::ENGLISH.has(key), "locales/en.ftl has no {key}");
        Self {
            key,
            args: Vec::new(),
            locale: None,
        }
    }

    /// Adds a text variable (a name, a title, an address).
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds a number variable: written the reader's way ("10 000") and
    /// used by plurals.
    pub fn count(mut self, name: &'static str, n: impl Into<i64>) -> Self {
        self.args.push((name, Arg::Number(n.into())));
        self
    }

    /// This message read in `locale` wherever it is shown.
    pub fn in_locale(mut self, locale: Locale) -> Self {
        self.locale = Some(locale);
        self
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The words in `locale` (or in the language it was pinned to).
    pub fn text(&self, locale: Locale) -> String {
        self.locale
            .unwrap_or(locale)
            .text_with(self.key, Some(&self.fluent_args()))
    }

    /// The words in English: the JSON API, the command line and logs.
    pub fn english(&self) -> String {
        Locale::ENGLISH.text_with(self.key, Some(&self.fluent_args()))
    }

    fn fluent_args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(t) => args.set(*name, FluentValue::from(t.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
            }
        }
        args
    }
}

/// English, for logs and the API.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message key written in the code (as a string literal) is in
    /// the English file, or is the prefix of a family of keys: a key
    /// mistyped in a rarely taken path fails here, not in front of a user.
    #[test]
    fn every_key_the_code_names_is_in_the_english_file() {
        let pattern = regex::Regex::new(
            r#""((?:staff|cand|public|partial|error|email|when|format|language|number)-[a-z0-9-]+)""#,
        )
        .unwrap();
        let english: Vec<&str> = Locale::ENGLISH.keys().collect();
        let mut missing = Vec::new();
        let mut seen = 0;
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let code = std::fs::read_to_string(&path).unwrap();
                    for key in pattern.captures_iter(&code).map(|c| c[1].to_string()) {
                        seen += 1;
                        let prefix = format!("{key}-");
                        if !english.iter().any(|k| *k == key || k.starts_with(&prefix)) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(seen > 100, "the scan found the code's keys ({seen})");
        assert!(
            missing.is_empty(),
            "keys not in locales/en.ftl:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn a_message_reads_in_the_page_s_language_unless_pinned() {
        let fr = Locale::parse("fr").unwrap();
        let m = Message::new("cand-error-cover-letter-long").count("max", 10_000);
        assert_eq!(
            m.english(),
            "Keep the cover letter under 10,000 characters."
        );
        assert!(m.text(fr).contains("10\u{202F}000"), "{}", m.text(fr));
        let pinned = m.clone().in_locale(fr);
        assert_eq!(pinned.text(Locale::ENGLISH), m.text(fr));
        // Logs and the API read English whatever the pin.
        assert_eq!(pinned.to_string(), m.english());
    }
}
