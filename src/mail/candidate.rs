//! Emails to candidates at the moves that concern them. Each has a default
//! text; an owner may rewrite it per job (with a preview). The text is
//! rendered when the email is queued, so what was sent is what was seen.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use serde_json::{json, Value};

use super::{queue, EmailKind};
use crate::db::{self, DbConnection, DbError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateMessage {
    /// A link to choose an interview time from those the team offers.
    BookingInvitation,
    InterviewInvitation,
    InterviewUpdate,
    InterviewCancelled,
    Rejection,
    Offer,
}

impl CandidateMessage {
    pub const ALL: [CandidateMessage; 6] = [
        CandidateMessage::BookingInvitation,
        CandidateMessage::InterviewInvitation,
        CandidateMessage::InterviewUpdate,
        CandidateMessage::InterviewCancelled,
        CandidateMessage::Rejection,
        CandidateMessage::Offer,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CandidateMessage::BookingInvitation => "booking_invitation",
            CandidateMessage::InterviewInvitation => "interview_invitation",
            CandidateMessage::InterviewUpdate => "interview_update",
            CandidateMessage::InterviewCancelled => "interview_cancelled",
            CandidateMessage::Rejection => "rejection",
            CandidateMessage::Offer => "offer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            CandidateMessage::BookingInvitation => "Choose an interview time",
            CandidateMessage::InterviewInvitation => "Invitation to interview",
            CandidateMessage::InterviewUpdate => "Interview moved",
            CandidateMessage::InterviewCancelled => "Interview cancelled",
            CandidateMessage::Rejection => "Kind rejection",
            CandidateMessage::Offer => "Offer",
        }
    }

    pub fn default_subject(self) -> &'static str {
        match self {
            CandidateMessage::BookingInvitation => "{{job_title}}: choose a time to talk",
            CandidateMessage::InterviewInvitation => "{{job_title}}: let's talk",
            CandidateMessage::InterviewUpdate => {
                "Rescheduled: our conversation about {{job_title}}"
            }
            CandidateMessage::InterviewCancelled => "{{job_title}}: our conversation is cancelled",
            CandidateMessage::Rejection => "Your application for {{job_title}}",
            CandidateMessage::Offer => "{{job_title}}: an offer from {{company}}",
        }
    }

    pub fn default_body(self) -> &'static str {
        match self {
            CandidateMessage::BookingInvitation => "Hello {{name}},\n\nThank you for your answers: we enjoyed reading them, and we would like to talk with you. Choose the time that suits you best:\n\n{{booking_link}}\n\nThe times are shown in your own time zone. You can move or cancel your booking from the same link.\n\n{{company}}",
            CandidateMessage::InterviewInvitation => "Hello {{name}},\n\nThank you for your answers: we enjoyed reading them, and we would like to talk with you.\n\nWhen: {{when}}\nWhere: {{location}}\nWith: {{interviewers}}\n\nThe invitation is attached for your calendar. {{#if reply_to}} If the time does not suit you, just reply and we will find another.{{/if}}\n\n{{company}}",
            CandidateMessage::InterviewUpdate => "Hello {{name}},\n\nRescheduled: our conversation has moved. The new time:\n\nWhen: {{when}}\nWhere: {{location}}\n\nThe updated invitation is attached. Sorry for the change, and thank you for your flexibility.\n\n{{company}}",
            CandidateMessage::InterviewCancelled => "Hello {{name}},\n\nWe have had to cancel our conversation planned for {{when}}.{{#unless decided}} We will be in touch about what comes next.{{/unless}}\n\n{{company}}",
            CandidateMessage::Rejection => "Hello {{name}},\n\nThank you for the time and care you gave to your application for {{job_title}}. We have decided not to go further with it: this is our final decision for this role.{{#if reason}}\n\n{{reason}}{{/if}}\n\nWe wish you all the best in your search.\n\n{{company}}",
            CandidateMessage::Offer => "Hello {{name}},\n\nWe are delighted: the whole team would like you to join {{company}} as {{job_title}}.\n\n{{terms}}\n\n{{#if reply_to}}Reply to this email with any question; we{{else}}We{{/if}} will call you to talk it through.\n\n{{company}}",
        }
    }
}

/// The values a candidate email may use.
pub const PLACEHOLDERS: [&str; 11] = [
    "name",
    "job_title",
    "company",
    "when",
    "location",
    "interviewers",
    "reason",
    "terms",
    "reply_to",
    // True once the application ended (hired, rejected, withdrawn).
    "decided",
    // Where the candidate chooses an interview time.
    "booking_link",
];

/// Helpers a template may call (`{{#if reason}}`, `{{#if (eq a b)}}`):
/// Handlebars' own.
const HELPERS: [&str; 15] = [
    "if", "unless", "with", "each", "lookup", "eq", "ne", "gt", "gte", "lt", "lte", "and", "or",
    "not", "len",
];

/// The placeholders of a template that Rapport does not know, in order of
/// first use (`{{first_name}}`): rendered, they would be blank.
pub fn unknown_placeholders(template: &str) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let inner = after[..end].trim_matches(|c: char| c == '{' || c == '~' || c.is_whitespace());
        rest = &after[end + 2..];
        if inner.starts_with('!') || inner.starts_with('/') || inner == "else" {
            continue;
        }
        let inner = inner.trim_start_matches(['#', '^']);
        let inner = inner.strip_prefix("else ").unwrap_or(inner);
        let spaced = inner.replace('(', " ( ").replace(')', " ) ");
        let tokens: Vec<&str> = spaced.split_whitespace().collect();
        for (i, word) in tokens.iter().enumerate() {
            if matches!(*word, "(" | ")") {
                continue;
            }
            // A name called with arguments, first or right after "(".
            let calls = (i == 0 || tokens[i - 1] == "(")
                && tokens.get(i + 1).is_some_and(|next| *next != ")");
            let literal = word.starts_with('"')
                || word.starts_with('\'')
                || word.parse::<f64>().is_ok()
                || matches!(*word, "true" | "false" | "null" | "this")
                || word.starts_with('@')
                || word.starts_with("this.")
                || word.starts_with("../");
            let known = if calls {
                HELPERS.contains(word)
            } else {
                PLACEHOLDERS.contains(word)
            };
            if literal || known {
                continue;
            }
            if !unknown.iter().any(|u| u == word) {
                unknown.push(word.to_string());
            }
        }
    }
    unknown
}

/// Values a candidate email may use, with a sample for previews.
pub fn sample_vars() -> Value {
    json!({
        "name": "Ana Lima",
        "job_title": "Customer Support Specialist",
        "company": "Glimmer Ratings",
        "when": "Tuesday 2 March 2027, 14:00 Lisbon time (WET)",
        "location": "https://meet.example.com/glimmer",
        "interviewers": "Fran Founder, Ivy Interviewer",
        "reason": "We chose a candidate with more experience in billing support.",
        "terms": "Full time, EUR 44,000 a year, starting 1 April.",
        "reply_to": "jobs@glimmer.example",
        "booking_link": "https://jobs.glimmer.example/book/…",
    })
}

/// A moment as someone in `tz` reads it, in English (see [`Locale::when_in`]).
pub fn when_in(at: DateTime<Utc>, tz: Tz) -> String {
    crate::i18n::Locale::ENGLISH.when_in(at, tz)
}

/// A moment written for the candidate: in the time zone they gave when
/// they applied, else in `fallback` (the organiser's).
pub fn when_for_candidate(at: DateTime<Utc>, candidate_timezone: &str, fallback: Tz) -> String {
    let tz = crate::domain::application::parse_timezone(candidate_timezone).unwrap_or(fallback);
    when_in(at, tz)
}

/// Renders a subject and body template with `vars`; an error says what is wrong.
pub fn render(subject: &str, body: &str, vars: &Value) -> Result<(String, String), String> {
    let hb = crate::templates::text();
    let s = hb
        .render_template(subject, vars)
        .map_err(|e| format!("The subject cannot be used: {e}"))?;
    let b = hb
        .render_template(body, vars)
        .map_err(|e| format!("The text cannot be used: {e}"))?;
    Ok((s.trim().to_string(), b))
}

/// Queues a candidate email on `conn`, with the job's own text when the
/// owner wrote one, and an iCalendar invitation when given.
pub fn send(
    conn: &mut DbConnection,
    job_id: &str,
    message: CandidateMessage,
    to: &str,
    vars: &Value,
    ics: Option<(&str, &str)>,
    mail_domain: &str,
) -> Result<(), DbError> {
    let (subject, body) =
        db::email_templates::get(conn, job_id, message.key())?.unwrap_or_else(|| {
            (
                message.default_subject().into(),
                message.default_body().into(),
            )
        });
    // Texts may say "just reply" only when a reply reaches someone.
    let mut vars = vars.clone();
    if let (Some(reply_to), Some(fields)) = (db::settings::reply_to(conn)?, vars.as_object_mut()) {
        fields.insert("reply_to".into(), Value::String(reply_to));
    }
    let vars = &vars;
    // A stored template was checked when saved; fall back to the default if
    // it cannot be rendered now rather than lose the email.
    let (subject, body) = render(&subject, &body, vars)
        .or_else(|_| render(message.default_subject(), message.default_body(), vars))
        .map_err(DbError::Corrupt)?;
    queue(
        conn,
        EmailKind::CandidateMessage,
        to,
        &payload(&subject, &body, ics),
        mail_domain,
    )?;
    Ok(())
}

/// The payload of a free-text email: subject, body, paragraphs for HTML,
/// and an optional calendar attachment.
pub fn payload(subject: &str, body: &str, ics: Option<(&str, &str)>) -> Value {
    let paragraphs: Vec<Vec<&str>> = body
        .split("\n\n")
        .map(|p| p.lines().collect())
        .filter(|p: &Vec<&str>| !p.is_empty())
        .collect();
    json!({
        "subject": subject,
        "body": body,
        "paragraphs": paragraphs,
        "ics": ics.map(|(text, method)| json!({ "text": text, "method": method })),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_renders_with_the_sample() {
        for m in CandidateMessage::ALL {
            let (s, b) = render(m.default_subject(), m.default_body(), &sample_vars()).unwrap();
            assert!(!s.is_empty() && !s.contains("{{"));
            assert!(b.contains("Ana Lima"), "{m:?}");
        }
    }

    #[test]
    fn unknown_placeholders_are_found() {
        for m in CandidateMessage::ALL {
            assert!(unknown_placeholders(m.default_subject()).is_empty());
            assert!(unknown_placeholders(m.default_body()).is_empty(), "{m:?}");
        }
        assert_eq!(
            unknown_placeholders("Hi {{first_name}}, {{name}} {{ first_name }} {{{surname}}}"),
            ["first_name", "surname"]
        );
        assert_eq!(
            unknown_placeholders("{{#if reason}}{{reason}}{{else}}x{{/if}}{{#if salary}}{{/if}}"),
            ["salary"]
        );
        assert_eq!(unknown_placeholders("{{shout name}}"), ["shout"]);
        assert!(unknown_placeholders("{{#if (eq name company)}}x{{/if}}").is_empty());
        assert_eq!(
            unknown_placeholders("{{#if (gt salary 1)}}x{{/if}}{{if}}"),
            ["salary", "if"]
        );
        assert!(unknown_placeholders("{{! a comment }} {{~name~}}").is_empty());
    }

    #[test]
    fn reply_sentences_need_a_reply_address() {
        let mut vars = sample_vars();
        let with = render(
            "s",
            CandidateMessage::InterviewInvitation.default_body(),
            &vars,
        )
        .unwrap();
        assert!(with.1.contains("just reply"));
        vars.as_object_mut().unwrap().remove("reply_to");
        let without = render(
            "s",
            CandidateMessage::InterviewInvitation.default_body(),
            &vars,
        )
        .unwrap();
        assert!(!without.1.contains("reply"), "{}", without.1);
        let offer = render("s", CandidateMessage::Offer.default_body(), &vars).unwrap();
        assert!(!offer.1.to_lowercase().contains("reply") && offer.1.contains("We will call you"));
    }

    #[test]
    fn times_are_written_in_the_candidate_zone() {
        // 15:00 in Paris in winter is 14:00 in Lisbon.
        let at = DateTime::parse_from_rfc3339("2027-03-02T14:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            when_for_candidate(at, "Europe/Lisbon", chrono_tz::Europe::Paris),
            "Tuesday 2 March 2027, 14:00 Lisbon time (WET)"
        );
        assert_eq!(
            when_for_candidate(at, "", chrono_tz::Europe::Paris),
            "Tuesday 2 March 2027, 15:00 Paris time (CET)"
        );
        assert_eq!(
            when_in(at, chrono_tz::America::Argentina::Buenos_Aires),
            "Tuesday 2 March 2027, 11:00 Buenos Aires time (UTC-03)"
        );
        assert_eq!(
            when_in(at, chrono_tz::UTC),
            "Tuesday 2 March 2027, 14:00 UTC"
        );
    }

    #[test]
    fn broken_templates_are_reported() {
        assert!(render("Hi {{name", "x", &sample_vars()).is_err());
        assert!(render("ok", "{{#if reason}}unclosed", &sample_vars()).is_err());
    }
}
