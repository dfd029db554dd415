//! Scorecards: each interviewer rates the candidate on the five attributes
//! of PRODUCT.md step 8 on a four-point scale, with notes, and gives an
//! overall recommendation (issue 5 point 6).
//!
//! Versioning (an amendment is a new scorecard, the old one superseded) and
//! blindness (no one sees the others' until they have submitted) belong to
//! the storage and web layers; this module only validates what was typed.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::FieldError;
use crate::i18n::Message;

/// The most characters a notes field may hold.
pub const MAX_NOTES_CHARS: usize = 5000;

/// What every interviewer rates (PRODUCT.md step 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    Empathy,
    Curiosity,
    Humility,
    Dedication,
    TechnicalInclination,
}

impl Attribute {
    pub const ALL: [Attribute; 5] = [
        Attribute::Empathy,
        Attribute::Curiosity,
        Attribute::Humility,
        Attribute::Dedication,
        Attribute::TechnicalInclination,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::Empathy => "empathy",
            Attribute::Curiosity => "curiosity",
            Attribute::Humility => "humility",
            Attribute::Dedication => "dedication",
            Attribute::TechnicalInclination => "technical_inclination",
        }
    }

    pub fn parse(s: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label(self) -> Message {
        Message::new(match self {
            Attribute::Empathy => "staff-attribute-empathy",
            Attribute::Curiosity => "staff-attribute-curiosity",
            Attribute::Humility => "staff-attribute-humility",
            Attribute::Dedication => "staff-attribute-dedication",
            Attribute::TechnicalInclination => "staff-attribute-technical-inclination",
        })
    }

    /// What to look for, in one line, for the interviewer filling the card.
    pub fn hint(self) -> Message {
        Message::new(match self {
            Attribute::Empathy => "staff-attribute-hint-empathy",
            Attribute::Curiosity => "staff-attribute-hint-curiosity",
            Attribute::Humility => "staff-attribute-hint-humility",
            Attribute::Dedication => "staff-attribute-hint-dedication",
            Attribute::TechnicalInclination => "staff-attribute-hint-technical-inclination",
        })
    }

    /// The name of the rating field in [`ScorecardInput`] (and in errors).
    pub fn rating_field(self) -> &'static str {
        match self {
            Attribute::Empathy => "rating_empathy",
            Attribute::Curiosity => "rating_curiosity",
            Attribute::Humility => "rating_humility",
            Attribute::Dedication => "rating_dedication",
            Attribute::TechnicalInclination => "rating_technical_inclination",
        }
    }

    /// The name of the notes field in [`ScorecardInput`] (and in errors).
    pub fn notes_field(self) -> &'static str {
        match self {
            Attribute::Empathy => "notes_empathy",
            Attribute::Curiosity => "notes_curiosity",
            Attribute::Humility => "notes_humility",
            Attribute::Dedication => "notes_dedication",
            Attribute::TechnicalInclination => "notes_technical_inclination",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The four-point scale, also used for the overall recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    StrongNo = 1,
    No = 2,
    Yes = 3,
    StrongYes = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::StrongNo, Rating::No, Rating::Yes, Rating::StrongYes];

    /// 1 (strong no) to 4 (strong yes).
    pub fn value(self) -> u8 {
        self as u8
    }

    pub fn from_value(value: u8) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.value() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::StrongNo => "strong_no",
            Rating::No => "no",
            Rating::Yes => "yes",
            Rating::StrongYes => "strong_yes",
        }
    }

    pub fn label(self) -> Message {
        Message::new(match self {
            Rating::StrongNo => "staff-rating-strong-no",
            Rating::No => "staff-rating-no",
            Rating::Yes => "staff-rating-yes",
            Rating::StrongYes => "staff-rating-strong-yes",
        })
    }

    /// Yes or strong yes.
    pub fn is_positive(self) -> bool {
        self >= Rating::Yes
    }

    /// Accepts "1" to "4", the `as_str` names and the labels, in any case,
    /// with spaces, dashes or underscores ("Strong no", "strong-no", "STRONG_NO").
    pub fn parse(s: &str) -> Option<Rating> {
        let s = s.trim();
        if let Ok(n) = s.parse::<u8>() {
            return Rating::from_value(n);
        }
        let normal: String = s
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Rating::ALL.into_iter().find(|r| r.as_str() == normal)
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the interviewer typed in the scorecard form, as strings. The field
/// names are the form's input names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScorecardInput {
    pub rating_empathy: String,
    pub rating_curiosity: String,
    pub rating_humility: String,
    pub rating_dedication: String,
    pub rating_technical_inclination: String,
    pub notes_empathy: String,
    pub notes_curiosity: String,
    pub notes_humility: String,
    pub notes_dedication: String,
    pub notes_technical_inclination: String,
    pub recommendation: String,
    pub overall_notes: String,
}

impl ScorecardInput {
    pub fn rating(&self, attribute: Attribute) -> &str {
        match attribute {
            Attribute::Empathy => &self.rating_empathy,
            Attribute::Curiosity => &self.rating_curiosity,
            Attribute::Humility => &self.rating_humility,
            Attribute::Dedication => &self.rating_dedication,
            Attribute::TechnicalInclination => &self.rating_technical_inclination,
        }
    }

    pub fn notes(&self, attribute: Attribute) -> &str {
        match attribute {
            Attribute::Empathy => &self.notes_empathy,
            Attribute::Curiosity => &self.notes_curiosity,
            Attribute::Humility => &self.notes_humility,
            Attribute::Dedication => &self.notes_dedication,
            Attribute::TechnicalInclination => &self.notes_technical_inclination,
        }
    }

    fn set(&mut self, attribute: Attribute, rating: String, notes: String) {
        let (r, n) = match attribute {
            Attribute::Empathy => (&mut self.rating_empathy, &mut self.notes_empathy),
            Attribute::Curiosity => (&mut self.rating_curiosity, &mut self.notes_curiosity),
            Attribute::Humility => (&mut self.rating_humility, &mut self.notes_humility),
            Attribute::Dedication => (&mut self.rating_dedication, &mut self.notes_dedication),
            Attribute::TechnicalInclination => (
                &mut self.rating_technical_inclination,
                &mut self.notes_technical_inclination,
            ),
        };
        *r = rating;
        *n = notes;
    }
}

/// A complete, valid scorecard: every attribute rated, a recommendation,
/// notes trimmed and within [`MAX_NOTES_CHARS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scorecard {
    ratings: [Rating; 5],
    notes: [String; 5],
    recommendation: Rating,
    overall_notes: String,
}

/// `about` is an attribute's code, or `overall` for the whole interview:
/// the messages name it in their own words.
fn check_notes(
    field: &'static str,
    about: &str,
    text: &str,
    errors: &mut Vec<FieldError>,
) -> String {
    let text = text.trim();
    let count = text.chars().count();
    if count > MAX_NOTES_CHARS {
        errors.push(FieldError::of(
            field,
            Message::new("staff-error-scorecard-notes-long")
                .arg("about", about)
                .count("max", MAX_NOTES_CHARS as i64)
                .count("count", count as i64),
        ));
    }
    text.to_string()
}

impl Scorecard {
    /// Validates the form; on failure, one message per faulty field.
    pub fn parse(input: &ScorecardInput) -> Result<Scorecard, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut ratings = [Rating::StrongNo; 5];
        let mut notes: [String; 5] = Default::default();
        for attribute in Attribute::ALL {
            let raw = input.rating(attribute).trim();
            match Rating::parse(raw) {
                Some(r) => ratings[attribute.index()] = r,
                None if raw.is_empty() => errors.push(FieldError::of(
                    attribute.rating_field(),
                    Message::new("staff-error-scorecard-rating-missing")
                        .arg("about", attribute.as_str()),
                )),
                None => errors.push(FieldError::of(
                    attribute.rating_field(),
                    Message::new("staff-error-scorecard-rating-invalid")
                        .arg("raw", raw)
                        .arg("about", attribute.as_str()),
                )),
            }
            notes[attribute.index()] = check_notes(
                attribute.notes_field(),
                attribute.as_str(),
                input.notes(attribute),
                &mut errors,
            );
        }
        let raw = input.recommendation.trim();
        let recommendation = match Rating::parse(raw) {
            Some(r) => Some(r),
            None => {
                errors.push(FieldError::of(
                    "recommendation",
                    if raw.is_empty() {
                        Message::new("staff-error-scorecard-recommendation-missing")
                    } else {
                        Message::new("staff-error-scorecard-recommendation-invalid").arg("raw", raw)
                    },
                ));
                None
            }
        };
        let overall_notes = check_notes(
            "overall_notes",
            "overall",
            &input.overall_notes,
            &mut errors,
        );
        match recommendation {
            Some(recommendation) if errors.is_empty() => Ok(Scorecard {
                ratings,
                notes,
                recommendation,
                overall_notes,
            }),
            _ => Err(errors),
        }
    }

    pub fn rating(&self, attribute: Attribute) -> Rating {
        self.ratings[attribute.index()]
    }

    /// The ratings in [`Attribute::ALL`] order (e.g. for a chart).
    pub fn ratings(&self) -> impl Iterator<Item = (Attribute, Rating)> + '_ {
        Attribute::ALL.into_iter().map(|a| (a, self.rating(a)))
    }

    pub fn notes(&self, attribute: Attribute) -> &str {
        &self.notes[attribute.index()]
    }

    pub fn recommendation(&self) -> Rating {
        self.recommendation
    }

    pub fn overall_notes(&self) -> &str {
        &self.overall_notes
    }

    /// The mean of the five ratings, from 1.0 (all strong no) to 4.0.
    pub fn average(&self) -> f64 {
        let sum: u32 = self.ratings.iter().map(|r| u32::from(r.value())).sum();
        f64::from(sum) / self.ratings.len() as f64
    }

    /// The form pre-filled with this scorecard (for an amendment).
    pub fn to_input(&self) -> ScorecardInput {
        let mut input = ScorecardInput {
            recommendation: self.recommendation.as_str().to_string(),
            overall_notes: self.overall_notes.clone(),
            ..Default::default()
        };
        for attribute in Attribute::ALL {
            input.set(
                attribute,
                self.rating(attribute).as_str().to_string(),
                self.notes(attribute).to_string(),
            );
        }
        input
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn full() -> ScorecardInput {
        ScorecardInput {
            rating_empathy: "4".into(),
            rating_curiosity: "yes".into(),
            rating_humility: "Strong no".into(),
            rating_dedication: "no".into(),
            rating_technical_inclination: "strong_yes".into(),
            notes_empathy: "  Calm with the furious customer.  ".into(),
            recommendation: "yes".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_card_parses() {
        let card = Scorecard::parse(&full()).unwrap();
        assert_eq!(card.rating(Attribute::Empathy), Rating::StrongYes);
        assert_eq!(card.rating(Attribute::Humility), Rating::StrongNo);
        assert_eq!(
            card.notes(Attribute::Empathy),
            "Calm with the furious customer."
        );
        assert_eq!(card.notes(Attribute::Curiosity), "");
        assert_eq!(card.recommendation(), Rating::Yes);
        assert!((card.average() - (4 + 3 + 1 + 2 + 4) as f64 / 5.0).abs() < 1e-9);
        assert_eq!(card.ratings().count(), 5);
        assert_eq!(Scorecard::parse(&card.to_input()).unwrap(), card);
    }

    #[test]
    fn an_empty_card_lists_every_missing_field() {
        let errors = Scorecard::parse(&ScorecardInput::default()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "rating_empathy",
                "rating_curiosity",
                "rating_humility",
                "rating_dedication",
                "rating_technical_inclination",
                "recommendation"
            ]
        );
        assert_eq!(
            errors[0].message,
            "Rate empathy: strong no, no, yes or strong yes."
        );
        assert_eq!(
            errors[5].message,
            "Give your overall recommendation: strong no, no, yes or strong yes."
        );
    }

    #[test]
    fn bad_values_and_long_notes_are_refused() {
        let mut input = full();
        input.rating_curiosity = "5".into();
        input.recommendation = "maybe".into();
        input.notes_dedication = "x".repeat(MAX_NOTES_CHARS + 1);
        input.overall_notes = "é".repeat(MAX_NOTES_CHARS); // chars, not bytes: fine
        let errors = Scorecard::parse(&input).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec!["rating_curiosity", "notes_dedication", "recommendation"]
        );
        assert!(errors[0].message.contains("\"5\" is not a rating"));
        assert!(errors[1].message.contains("(they have 5,001)"));
        assert_eq!(
            errors[1].message,
            "Keep the notes on dedication to 5,000 characters or fewer (they have 5,001)."
        );
        assert!(errors[2]
            .message
            .contains("\"maybe\" is not a recommendation"));
    }

    #[test]
    fn ratings_parse_from_numbers_and_names() {
        for r in Rating::ALL {
            assert_eq!(Rating::parse(&r.value().to_string()), Some(r));
            assert_eq!(Rating::parse(r.as_str()), Some(r));
            assert_eq!(Rating::parse(&r.label().english()), Some(r));
            assert_eq!(Rating::parse(&r.label().english().to_uppercase()), Some(r));
        }
        assert_eq!(Rating::parse("strong-yes"), Some(Rating::StrongYes));
        assert_eq!(Rating::parse("0"), None);
        assert_eq!(Rating::parse(""), None);
        assert_eq!(Rating::parse("strongno"), None);
        assert_eq!(Rating::StrongNo.label().english(), "Strong no");
        assert!(Rating::Yes.is_positive() && !Rating::No.is_positive());
    }

    #[test]
    fn attributes_are_complete() {
        for a in Attribute::ALL {
            assert_eq!(Attribute::parse(a.as_str()), Some(a));
            let hint = a.hint().english();
            assert!(!hint.is_empty() && !hint.contains('\n'));
            assert!(a.rating_field().ends_with(a.as_str()));
            assert!(a.notes_field().ends_with(a.as_str()));
        }
        assert_eq!(
            Attribute::TechnicalInclination.label().english(),
            "Technical inclination"
        );
    }

    proptest! {
        #[test]
        fn average_is_the_mean_and_in_range(values in proptest::collection::vec(1u8..=4, 5)) {
            let mut input = full();
            for (a, v) in Attribute::ALL.iter().zip(&values) {
                let notes = input.notes(*a).to_string();
                input.set(*a, v.to_string(), notes);
            }
            let card = Scorecard::parse(&input).unwrap();
            let mean = values.iter().map(|v| f64::from(*v)).sum::<f64>() / 5.0;
            prop_assert!((card.average() - mean).abs() < 1e-9);
            prop_assert!((1.0..=4.0).contains(&card.average()));
        }
    }
}
