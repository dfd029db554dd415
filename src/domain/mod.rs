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

use crate::i18n::{Locale, Message};

/// A problem with one field of some input, phrased for the person who typed it.
/// `message` is in English (the JSON API answers with it); a page shows
/// `words` in its reader's language (see [`FieldError::in_locale`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
    #[serde(skip)]
    pub words: Message,
}

impl FieldError {
    /// The problem with `field` that `words` says.
    pub fn of(field: &'static str, words: Message) -> Self {
        Self {
            field,
            message: words.english(),
            words,
        }
    }

    /// The problem with `field` that the message `key` says.
    pub fn localized(field: &'static str, key: &'static str) -> Self {
        Self::of(field, Message::new(key))
    }

    /// The message in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        self.words.text(locale)
    }

    /// This error with its message in `locale`, for a page.
    pub fn in_locale(&self, locale: Locale) -> Self {
        Self {
            message: self.text(locale),
            ..self.clone()
        }
    }
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
            assert!(!e.words.key().is_empty(), "{} has no message key", e.field);
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
