//! Staff accounts: who may sign in and what they may do.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::i18n::Message;

/// What a staff member may do. Owners do everything; interviewers get the
/// pages of the jobs they are on the panel for (a later capability).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Owner,
    Interviewer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Interviewer => "interviewer",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = Message;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "owner" => Ok(Role::Owner),
            "interviewer" => Ok(Role::Interviewer),
            other => Err(Message::new("staff-error-role").arg("role", other)),
        }
    }
}

/// An email address, trimmed and lower-cased so that one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, Message> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(Message::new("cand-error-email-empty"));
        }
        if email.len() > 254 || !validator::ValidateEmail::validate_email(&email) {
            return Err(Message::new("cand-error-email-invalid"));
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's name as they want it shown: not empty, not absurdly long,
/// no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, Message> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(Message::new("cand-error-name-empty"));
        }
        if name.chars().count() > 120 {
            return Err(Message::new("cand-error-name-long"));
        }
        if name.chars().any(char::is_control) {
            return Err(Message::new("cand-error-name-control"));
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets the policy. Length is what matters (NIST
/// SP 800-63B): at least 10 characters, at most 128 so hashing stays cheap.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(raw: &str) -> Result<Self, Message> {
        let n = raw.chars().count();
        if n < Self::MIN_CHARS {
            return Err(
                Message::new("staff-error-password-short").count("min", Self::MIN_CHARS as i64)
            );
        }
        if n > Self::MAX_CHARS {
            return Err(
                Message::new("staff-error-password-long").count("max", Self::MAX_CHARS as i64)
            );
        }
        Ok(Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(**redacted**)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised_and_checked() {
        assert_eq!(
            EmailAddress::parse("  Ana@Example.COM ").unwrap().as_str(),
            "ana@example.com"
        );
        assert!(EmailAddress::parse("ana").is_err());
        assert!(EmailAddress::parse("").is_err());
        assert!(EmailAddress::parse("a@b@c").is_err());
    }

    #[test]
    fn roles_parse_both_ways() {
        assert_eq!("Owner".parse::<Role>().unwrap(), Role::Owner);
        assert_eq!("interviewer".parse::<Role>().unwrap(), Role::Interviewer);
        assert!("admin".parse::<Role>().is_err());
    }

    #[test]
    fn password_policy_is_about_length() {
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse("correct horse").is_ok());
        assert!(NewPassword::parse(&"x".repeat(129)).is_err());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(PersonName::parse(" Ana ").unwrap().as_str(), "Ana");
        assert!(PersonName::parse("  ").is_err());
        assert!(PersonName::parse("a\u{0}b").is_err());
    }
}
