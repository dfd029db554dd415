//! Applications: what a candidate sends, and where it stands.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::job::{language_name, Fluency, LanguageRequirement};
use super::user::{EmailAddress, PersonName};
use super::FieldError;
use crate::i18n::Message;

/// Where an application stands. The later stages (interview onwards) are
/// used by the interview pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Applied,
    Screening,
    ScreenReview,
    Interview,
    FinalConversation,
    TeamDecision,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 10] = [
        Stage::Applied,
        Stage::Screening,
        Stage::ScreenReview,
        Stage::Interview,
        Stage::FinalConversation,
        Stage::TeamDecision,
        Stage::Offer,
        Stage::Hired,
        Stage::Rejected,
        Stage::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Applied => "applied",
            Stage::Screening => "screening",
            Stage::ScreenReview => "screen_review",
            Stage::Interview => "interview",
            Stage::FinalConversation => "final_conversation",
            Stage::TeamDecision => "team_decision",
            Stage::Offer => "offer",
            Stage::Hired => "hired",
            Stage::Rejected => "rejected",
            Stage::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The stage's name for staff (candidates read `cand-stage-*`).
    pub fn label(self) -> Message {
        Message::new(match self {
            Stage::Applied => "staff-stage-applied",
            Stage::Screening => "staff-stage-screening",
            Stage::ScreenReview => "staff-stage-screen-review",
            Stage::Interview => "staff-stage-interview",
            Stage::FinalConversation => "staff-stage-final-conversation",
            Stage::TeamDecision => "staff-stage-team-decision",
            Stage::Offer => "staff-stage-offer",
            Stage::Hired => "staff-stage-hired",
            Stage::Rejected => "staff-stage-rejected",
            Stage::Withdrawn => "staff-stage-withdrawn",
        })
    }

    /// The steps a candidate follows on their page, in order, by their
    /// words' keys. Screening steps are left out for a job without questions.
    pub const CANDIDATE_STEPS: [(&'static str, bool); 5] = [
        ("cand-step-applied", false),
        ("cand-step-screening", true),
        ("cand-step-review", true),
        ("cand-step-conversations", false),
        ("cand-step-decision", false),
    ];

    /// Where this stage sits among `CANDIDATE_STEPS`; `None` once the
    /// application is closed without a hire (rejected, withdrawn).
    pub fn candidate_step(self) -> Option<usize> {
        match self {
            Stage::Applied => Some(0),
            Stage::Screening => Some(1),
            Stage::ScreenReview => Some(2),
            Stage::Interview | Stage::FinalConversation => Some(3),
            Stage::TeamDecision | Stage::Offer | Stage::Hired => Some(4),
            Stage::Rejected | Stage::Withdrawn => None,
        }
    }

    /// Whether the application is still in progress (it can be withdrawn).
    pub fn is_active(self) -> bool {
        !matches!(self, Stage::Hired | Stage::Rejected | Stage::Withdrawn)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How long candidates' personal data is kept after their job closes,
/// unless the owner sets another period for the job; said in the consent
/// and on the candidate's status page.
pub const RETENTION_MONTHS: u32 = 12;

/// A job's retention period: whole months, at least one (a team needs
/// time to answer a candidate's questions after closing) and at most five
/// years, beyond which keeping a candidate's data is hard to justify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionMonths(u32);

impl RetentionMonths {
    pub const MAX: u32 = 60;

    pub fn parse(text: &str) -> Result<Self, Message> {
        match text.trim().parse::<u32>() {
            Ok(m) if (1..=Self::MAX).contains(&m) => Ok(Self(m)),
            _ => Err(Message::new("staff-error-retention-months").count("max", Self::MAX)),
        }
    }

    /// A stored value; anything out of range reads as the default, so a
    /// hand-edited row can never make data live forever.
    pub fn from_stored(months: i32) -> Self {
        match u32::try_from(months) {
            Ok(m) if (1..=Self::MAX).contains(&m) => Self(m),
            _ => Self(RETENTION_MONTHS),
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// When data of a job closed at `closed_at` is due for erasure.
    pub fn erase_after(self, closed_at: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
        closed_at
            .checked_add_months(chrono::Months::new(self.0))
            .unwrap_or(chrono::NaiveDateTime::MAX)
    }
}

impl Default for RetentionMonths {
    fn default() -> Self {
        Self(RETENTION_MONTHS)
    }
}

/// What a candidate typed in the application form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationInput {
    pub name: String,
    pub email: String,
    pub languages: Vec<String>,
    pub fluencies: Vec<String>,
    pub location: String,
    pub timezone: String,
    pub cover_letter: String,
    pub portfolio_url: String,
    pub consent: String,
    /// The `ref`/`utm_source` of the job link the candidate followed.
    pub source: String,
}

/// A checked application.
#[derive(Debug, Clone, PartialEq)]
pub struct NewApplication {
    pub name: PersonName,
    pub email: EmailAddress,
    pub languages: Vec<LanguageRequirement>,
    pub location: String,
    pub timezone: String,
    pub cover_letter: String,
    pub portfolio_url: String,
    /// Cleaned by [`clean_source`]; '' when the link carried none.
    pub source: String,
}

/// Longest source kept: enough for "newsletter-2026-12" or a board's name.
pub const MAX_SOURCE_CHARS: usize = 40;

/// A link's `ref`/`utm_source` as stored: lower case ASCII letters, digits
/// and `.`, `_`, `-`, anything else turned into one `-`, at most
/// [`MAX_SOURCE_CHARS`]. It comes from whoever wrote the link, so it is
/// never an error and never more than a short plain word on staff pages.
pub fn clean_source(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.trim().chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX_SOURCE_CHARS {
            break;
        }
    }
    out.truncate(MAX_SOURCE_CHARS);
    out.trim_matches('-').to_string()
}

pub const MAX_COVER_LETTER_CHARS: usize = 10_000;

impl NewApplication {
    pub fn parse(input: &ApplicationInput) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = PersonName::parse(&input.name)
            .map_err(|m| errors.push(FieldError::of("name", m)))
            .ok();
        let email = EmailAddress::parse(&input.email)
            .map_err(|m| errors.push(FieldError::of("email", m)))
            .ok();
        let mut languages: Vec<LanguageRequirement> = Vec::new();
        for (i, code) in input.languages.iter().enumerate() {
            let code = code.trim();
            if code.is_empty() {
                continue;
            }
            let fluency = input.fluencies.get(i).and_then(|f| Fluency::parse(f));
            match (language_name(code), fluency) {
                (Some(_), Some(f)) if !languages.iter().any(|l| l.code == code) => {
                    languages.push(LanguageRequirement {
                        code: code.into(),
                        fluency: f.as_str().into(),
                    })
                }
                (Some(_), Some(_)) => {}
                (None, _) => errors.push(FieldError::localized(
                    "languages",
                    "cand-error-languages-list",
                )),
                (_, None) => errors.push(FieldError::localized(
                    "languages",
                    "cand-error-languages-fluency",
                )),
            }
        }
        if languages.is_empty() && !errors.iter().any(|e| e.field == "languages") {
            errors.push(FieldError::localized(
                "languages",
                "cand-error-languages-none",
            ));
        }
        let location = input.location.trim().to_string();
        if location.chars().count() > 200 {
            errors.push(FieldError::localized(
                "location",
                "cand-error-location-long",
            ));
        }
        let timezone = match input.timezone.trim() {
            "" => String::new(),
            given => match parse_timezone(given) {
                Some(tz) => tz.name().to_string(),
                None => {
                    errors.push(FieldError::localized("timezone", "cand-error-timezone"));
                    String::new()
                }
            },
        };
        let cover_letter = input.cover_letter.trim().to_string();
        if cover_letter.chars().count() > MAX_COVER_LETTER_CHARS {
            errors.push(FieldError::of(
                "cover_letter",
                Message::new("cand-error-cover-letter-long")
                    .count("max", MAX_COVER_LETTER_CHARS as i64),
            ));
        }
        let portfolio_url = input.portfolio_url.trim().to_string();
        if !portfolio_url.is_empty()
            && !url::Url::parse(&portfolio_url)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
        {
            errors.push(FieldError::localized(
                "portfolio_url",
                "cand-error-portfolio-url",
            ));
        }
        if !matches!(input.consent.as_str(), "yes" | "on" | "true") {
            errors.push(FieldError::localized("consent", "cand-error-consent"));
        }
        match (name, email, errors.is_empty()) {
            (Some(name), Some(email), true) => Ok(Self {
                name,
                email,
                languages,
                location,
                timezone,
                cover_letter,
                portfolio_url,
                source: clean_source(&input.source),
            }),
            _ => Err(errors),
        }
    }
}

/// A time zone by its IANA name ("Europe/Lisbon"), whatever its case.
/// Abbreviations such as "CET" or offsets such as "UTC-5" are not zones a
/// date can be written in all year round, so only names are accepted.
pub fn parse_timezone(name: &str) -> Option<chrono_tz::Tz> {
    let name = name.trim();
    name.parse::<chrono_tz::Tz>().ok().or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .find(|tz| tz.name().eq_ignore_ascii_case(name))
            .copied()
    })
}

/// The zones offered on the application form: the regions' city zones
/// (the same names calendars use) and UTC, alphabetically.
pub fn timezone_choices() -> &'static [&'static str] {
    static CHOICES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        const REGIONS: [&str; 9] = [
            "Africa/",
            "America/",
            "Antarctica/",
            "Asia/",
            "Atlantic/",
            "Australia/",
            "Europe/",
            "Indian/",
            "Pacific/",
        ];
        let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| tz.name())
            .filter(|n| REGIONS.iter().any(|r| n.starts_with(r)) || *n == "UTC")
            .collect();
        names.sort_unstable();
        names
    });
    &CHOICES
}

/// The largest CV file accepted.
pub const MAX_CV_BYTES: usize = 5 * 1024 * 1024;

/// Whether `bytes` is plausibly a PDF document: the header a PDF starts
/// with and the end-of-file marker it closes with (not the name or the
/// type the browser claims).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    bytes.starts_with(b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ApplicationInput {
        ApplicationInput {
            name: "Ana Lima".into(),
            email: "ana@example.com".into(),
            languages: vec!["en".into(), "pt".into()],
            fluencies: vec!["fluent".into(), "native".into()],
            consent: "yes".into(),
            ..Default::default()
        }
    }

    #[test]
    fn sources_are_short_plain_words() {
        assert_eq!(clean_source("LinkedIn"), "linkedin");
        assert_eq!(clean_source("  news letter!! 2026 "), "news-letter-2026");
        assert_eq!(
            clean_source("<script>alert(1)</script>"),
            "script-alert-1-script"
        );
        assert_eq!(clean_source("=HYPERLINK(\"x\")"), "hyperlink-x");
        assert_eq!(clean_source("café"), "caf");
        assert_eq!(clean_source(""), "");
        assert_eq!(
            clean_source("a".repeat(100).as_str()).len(),
            MAX_SOURCE_CHARS
        );
        let parsed = NewApplication::parse(&ApplicationInput {
            source: "Job Board".into(),
            ..input()
        })
        .unwrap();
        assert_eq!(parsed.source, "job-board");
    }

    #[test]
    fn a_complete_application_parses() {
        let a = NewApplication::parse(&input()).unwrap();
        assert_eq!(a.languages.len(), 2);
        assert_eq!(a.email.as_str(), "ana@example.com");
    }

    #[test]
    fn consent_languages_and_links_are_required_or_checked() {
        let bad = ApplicationInput {
            consent: String::new(),
            languages: vec![],
            portfolio_url: "javascript:alert(1)".into(),
            ..input()
        };
        let fields: Vec<_> = NewApplication::parse(&bad)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert!(fields.contains(&"consent"));
        assert!(fields.contains(&"languages"));
        assert!(fields.contains(&"portfolio_url"));
    }

    #[test]
    fn time_zones_are_iana_names() {
        let parse = |tz: &str| {
            NewApplication::parse(&ApplicationInput {
                timezone: tz.into(),
                ..input()
            })
        };
        assert_eq!(parse("Europe/Lisbon").unwrap().timezone, "Europe/Lisbon");
        assert_eq!(parse(" europe/lisbon ").unwrap().timezone, "Europe/Lisbon");
        assert_eq!(parse("").unwrap().timezone, "");
        for bad in [
            "UTC−5",
            "Lisbon",
            "<script>alert(1)</script>",
            "Mars/Olympus",
        ] {
            let errors = parse(bad).unwrap_err();
            assert_eq!(errors[0].field, "timezone", "{bad}");
        }
        assert!(timezone_choices().contains(&"Europe/Lisbon"));
        assert!(timezone_choices().contains(&"UTC"));
        assert!(!timezone_choices().iter().any(|n| n.starts_with("Etc/")));
    }

    #[test]
    fn pdfs_are_recognised_by_content() {
        assert!(looks_like_pdf(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"));
        assert!(!looks_like_pdf(b"MZ\x90\x00 this is an executable"));
        assert!(!looks_like_pdf(b"%PDF-1.7 but truncated"));
        assert!(!looks_like_pdf(b""));
    }

    #[test]
    fn stages_round_trip_and_speak_kindly() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
            let words = crate::i18n::Locale::ENGLISH
                .text(&format!("cand-stage-{}", s.as_str().replace('_', "-")));
            assert!(!words.to_lowercase().contains("score"), "{words}");
        }
        assert!(!Stage::Withdrawn.is_active());
        assert!(Stage::Screening.is_active());
    }
}

#[cfg(test)]
mod retention_tests {
    use super::RetentionMonths;

    #[test]
    fn retention_is_whole_months_within_five_years() {
        assert_eq!(RetentionMonths::parse(" 6 ").unwrap().get(), 6);
        assert!(RetentionMonths::parse("0").is_err());
        assert!(RetentionMonths::parse("61").is_err());
        assert!(RetentionMonths::parse("six").is_err());
        assert_eq!(RetentionMonths::from_stored(-3).get(), 12);
        assert_eq!(RetentionMonths::from_stored(600).get(), 12);
    }

    #[test]
    fn erasure_falls_due_the_same_day_months_later() {
        let closed = chrono::NaiveDate::from_ymd_opt(2026, 1, 31)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let due = RetentionMonths::parse("1").unwrap().erase_after(closed);
        // The end of a shorter month, not a day spilled into the next one.
        assert_eq!(due.to_string(), "2026-02-28 09:00:00");
        let due = RetentionMonths::default().erase_after(closed);
        assert_eq!(due.to_string(), "2027-01-31 09:00:00");
    }
}
