//! The vocabulary of Rapport: validated types for the things the product
//! talks about. Nothing here does I/O; everything here can be trusted once
//! constructed ("parse, don't validate").

pub mod agreement;
pub mod answer_review;
pub mod api_token;
pub mod application;
pub mod booking;
pub mod decision;
pub mod import;
pub mod insight;
pub mod interview;
pub mod job;
pub mod job_review;
pub mod pipeline;
pub mod questionnaire;
pub mod scorecard;
pub mod screening;
pub mod user;
pub mod webhook;

/// A problem with one field of some input, phrased for the person who typed it.
/// `message` is in English (the JSON API answers with it); a candidate's
/// page shows the message named by `key`, when there is one, in their
/// language (see [`FieldError::in_locale`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
    #[serde(skip)]
    pub key: Option<&'static str>,
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            key: None,
            args: Vec::new(),
        }
    }

    /// An error whose words are the translation files' message `key`
    /// (English in `message`).
    pub fn localized(field: &'static str, key: &'static str) -> Self {
        Self::localized_with(field, key, &[])
    }

    /// [`FieldError::localized`] with the message's variables.
    pub fn localized_with(
        field: &'static str,
        key: &'static str,
        args: &[(&'static str, String)],
    ) -> Self {
        let mut error = Self {
            field,
            message: String::new(),
            key: Some(key),
            args: args.to_vec(),
        };
        error.message = error.text(crate::i18n::Locale::ENGLISH);
        error
    }

    /// Names the first of `keys` whose English words are this message, so
    /// a message made elsewhere in English (shared with staff forms) can be
    /// shown in another language without repeating its rules.
    pub fn keyed_if_english(mut self, keys: &[&'static str]) -> Self {
        self.key = keys
            .iter()
            .find(|k| crate::i18n::Locale::ENGLISH.text(k) == self.message)
            .copied();
        self
    }

    /// The message in `locale` (its English words when it has no key),
    /// whole numbers written the language's way ("10 000").
    pub fn text(&self, locale: crate::i18n::Locale) -> String {
        match self.key {
            Some(key) => {
                let args: Vec<(&'static str, String)> = self
                    .args
                    .iter()
                    .map(|(name, value)| match value.parse::<i64>() {
                        Ok(n) => (*name, locale.number(n)),
                        Err(_) => (*name, value.clone()),
                    })
                    .collect();
                locale.text_with(key, Some(&fluent_args(&args)))
            }
            None => self.message.clone(),
        }
    }

    /// This error with its message in `locale`, for a page.
    pub fn in_locale(&self, locale: crate::i18n::Locale) -> Self {
        Self {
            message: self.text(locale),
            ..self.clone()
        }
    }
}

fn fluent_args(args: &[(&'static str, String)]) -> fluent_bundle::FluentArgs<'static> {
    let mut out = fluent_bundle::FluentArgs::new();
    for (name, value) in args {
        out.set(*name, value.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::application::{self, ApplicationInput, NewApplication};
    use crate::i18n::Locale;

    #[test]
    fn a_candidate_s_errors_keep_english_and_read_in_their_language() {
        let input = ApplicationInput {
            email: "not an address".into(),
            cover_letter: "x".repeat(application::MAX_COVER_LETTER_CHARS + 1),
            ..Default::default()
        };
        let Err(errors) = NewApplication::parse(&input) else {
            panic!("refused")
        };
        let fr = Locale::parse("fr").unwrap();
        let by = |field: &str| errors.iter().find(|e| e.field == field).unwrap();
        // The API's words are unchanged English.
        assert_eq!(by("name").message, "Enter a name.");
        assert_eq!(
            by("email").message,
            "Enter an email address like name@example.com."
        );
        assert_eq!(
            by("cover_letter").message,
            "Keep the cover letter under 10,000 characters."
        );
        // Every one of them has French words.
        for e in &errors {
            assert!(e.key.is_some(), "{} has no message key", e.field);
            assert_ne!(e.text(fr), e.message, "{}", e.field);
            assert_eq!(e.text(Locale::ENGLISH), e.message);
        }
        assert_eq!(by("name").in_locale(fr).message, "Indiquez un nom.");
        assert!(by("cover_letter").text(fr).contains("10\u{202F}000"));
        // Serialised (the JSON API) without the key.
        let json = serde_json::to_value(by("name")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"field": "name", "message": "Enter a name."})
        );
    }
}
