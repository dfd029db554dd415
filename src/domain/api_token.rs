//! Personal API tokens: what a token may do and how long it lives, parsed
//! from what a person typed (on the page or the command line).

use chrono::{Duration, NaiveDateTime};

use super::FieldError;
use crate::i18n::Message;

/// The longest a token may live: a forgotten script's key expires.
pub const MAX_DAYS: i64 = 365;
pub const DEFAULT_DAYS: i64 = 30;
const MAX_NAME_CHARS: usize = 80;

/// What requests with the token may do. Owner-only routes further need the
/// token's owner to be an owner: a scope never adds to the person's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Read,
    ReadWrite,
}

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::Read, Scope::ReadWrite];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::ReadWrite => "read_write",
        }
    }

    pub fn label(self) -> Message {
        Message::new(match self {
            Scope::Read => "staff-token-scope-read",
            Scope::ReadWrite => "staff-token-scope-read-write",
        })
    }

    /// Accepts the stored code and the spelling of the command line
    /// (`read-write`).
    pub fn parse(raw: &str) -> Option<Scope> {
        match raw.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "read" | "read_only" => Some(Scope::Read),
            "read_write" => Some(Scope::ReadWrite),
            _ => None,
        }
    }

    pub fn can_write(self) -> bool {
        self == Scope::ReadWrite
    }
}

/// A token about to be made: its name, scope and expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken {
    pub name: String,
    pub scope: Scope,
    pub days: i64,
}

impl NewToken {
    /// Every problem with what was typed, by field.
    pub fn parse(name: &str, scope: &str, days: &str) -> Result<NewToken, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            errors.push(FieldError::of(
                "name",
                Message::new("staff-error-token-name").count("max", MAX_NAME_CHARS as i64),
            ));
        }
        let scope = Scope::parse(scope);
        if scope.is_none() {
            errors.push(FieldError::localized("scope", "staff-error-token-scope"));
        }
        let days = match days.trim() {
            "" => Some(DEFAULT_DAYS),
            d => d.parse::<i64>().ok().filter(|d| (1..=MAX_DAYS).contains(d)),
        };
        if days.is_none() {
            errors.push(FieldError::of(
                "days",
                Message::new("staff-error-token-days").count("max", MAX_DAYS),
            ));
        }
        match (scope, days) {
            (Some(scope), Some(days)) if errors.is_empty() => Ok(NewToken {
                name: name.to_string(),
                scope,
                days,
            }),
            _ => Err(errors),
        }
    }

    pub fn expires_at(&self, now: NaiveDateTime) -> NaiveDateTime {
        now + Duration::days(self.days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_from_codes_and_the_command_line() {
        assert_eq!(Scope::parse("read-write"), Some(Scope::ReadWrite));
        assert_eq!(Scope::parse("read_write"), Some(Scope::ReadWrite));
        assert_eq!(Scope::parse("read"), Some(Scope::Read));
        assert_eq!(Scope::parse("admin"), None);
        for s in Scope::ALL {
            assert_eq!(Scope::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn new_tokens_need_a_name_a_scope_and_a_sensible_life() {
        let t = NewToken::parse(" CI ", "read", "").unwrap();
        assert_eq!((t.name.as_str(), t.days), ("CI", DEFAULT_DAYS));
        let errors = NewToken::parse("", "root", "0").unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "scope", "days"]);
        assert!(NewToken::parse("x", "read", "366").is_err());
        assert!(NewToken::parse("x", "read", "365").is_ok());
    }
}
