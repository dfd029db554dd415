//! Emails to candidates at the moves that concern them, in the language
//! of their application. Each has a default text per language (from the
//! `email-default-*` messages of `locales/`); an owner may rewrite it per
//! job and language (with a preview). The text is rendered when the email
//! is queued, so what was sent is what was seen.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use fluent_bundle::FluentArgs;
use serde::Serialize;
use serde_json::{json, Value};

use super::{queue, EmailKind};
use crate::db::applications::ApplicationRow;
use crate::db::{self, DbConnection, DbError};
use crate::i18n::{Locale, Message};

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

    /// The email's name in the staff's editor.
    pub fn label(self) -> Message {
        Message::new(match self {
            CandidateMessage::BookingInvitation => "staff-email-kind-booking-invitation",
            CandidateMessage::InterviewInvitation => "staff-email-kind-interview-invitation",
            CandidateMessage::InterviewUpdate => "staff-email-kind-interview-update",
            CandidateMessage::InterviewCancelled => "staff-email-kind-interview-cancelled",
            CandidateMessage::Rejection => "staff-email-kind-rejection",
            CandidateMessage::Offer => "staff-email-kind-offer",
        })
    }

    /// The message ids of this email's default texts: `email-default-<key>`.
    fn fluent_id(self) -> String {
        format!("email-default-{}", self.key().replace('_', "-"))
    }

    /// The default subject in `locale`, a template like one an owner writes.
    pub fn default_subject(self, locale: Locale) -> String {
        locale.text_with(
            &format!("{}-subject", self.fluent_id()),
            Some(&placeholder_args()),
        )
    }

    /// The default text in `locale`: the language file's words, with the
    /// parts shown only sometimes wrapped in their conditions here, so a
    /// translation never has to write Handlebars.
    pub fn default_body(self, locale: Locale) -> String {
        let id = self.fluent_id();
        let mut args = placeholder_args();
        let sentence = |suffix: &str| locale.text(&format!("{id}-{suffix}"));
        match self {
            CandidateMessage::InterviewInvitation => args.set(
                "if_reply_to",
                format!("{{{{#if reply_to}}}} {}{{{{/if}}}}", sentence("reply")),
            ),
            CandidateMessage::InterviewCancelled => args.set(
                "unless_decided",
                format!(
                    "{{{{#unless decided}}}} {}{{{{/unless}}}}",
                    sentence("next")
                ),
            ),
            CandidateMessage::Rejection => {
                args.set("if_reason", "{{#if reason}}\n\n{{reason}}{{/if}}")
            }
            CandidateMessage::Offer => args.set(
                "call",
                format!(
                    "{{{{#if reply_to}}}}{}{{{{else}}}}{}{{{{/if}}}}",
                    sentence("call-reply"),
                    sentence("call")
                ),
            ),
            CandidateMessage::BookingInvitation | CandidateMessage::InterviewUpdate => {}
        }
        locale.text_with(&format!("{id}-body"), Some(&args))
    }
}

/// Every placeholder as a message variable whose value is the placeholder
/// itself (`$name` is `{{name}}`): formatting a default text in a language
/// gives a template.
fn placeholder_args() -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for p in PLACEHOLDERS {
        args.set(p, format!("{{{{{p}}}}}"));
    }
    args
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

/// Values a candidate email may use, with a sample candidate for
/// previews, written in `locale` (names, dates and sentences included).
pub fn sample_vars(locale: Locale) -> Value {
    let at = DateTime::parse_from_rfc3339("2027-03-02T14:00:00Z")
        .expect("a fixed moment")
        .with_timezone(&Utc);
    let tz = locale
        .text("email-sample-timezone")
        .parse::<Tz>()
        .unwrap_or(chrono_tz::UTC);
    json!({
        "name": locale.text("email-sample-name"),
        "job_title": locale.text("email-sample-job"),
        "company": "Glimmer Ratings",
        "when": locale.when_in(at, tz),
        "location": "https://meet.example.com/glimmer",
        "interviewers": locale.text("email-sample-interviewers"),
        "reason": locale.text("email-sample-reason"),
        "terms": locale.text("email-sample-terms"),
        "reply_to": "jobs@glimmer.example",
        "booking_link": "https://jobs.glimmer.example/book/…",
    })
}

/// A moment written for the candidate, in their language: in the time zone
/// they gave when they applied, else in `fallback` (the organiser's).
pub fn when_for_candidate(
    at: DateTime<Utc>,
    candidate_timezone: &str,
    fallback: Tz,
    locale: Locale,
) -> String {
    let tz = crate::domain::application::parse_timezone(candidate_timezone).unwrap_or(fallback);
    locale.when_in(at, tz)
}

/// A day written for the candidate ("2 mars 2027"): the date of `t` in the
/// time zone they gave (UTC when none), in their language.
pub fn day_for_candidate(t: NaiveDateTime, candidate_timezone: &str, locale: Locale) -> String {
    let utc = DateTime::<Utc>::from_naive_utc_and_offset(t, Utc);
    let tz =
        crate::domain::application::parse_timezone(candidate_timezone).unwrap_or(chrono_tz::UTC);
    locale.date(utc.with_timezone(&tz).date_naive())
}

/// Renders a subject and body template with `vars`; an error says what is wrong.
pub fn render(subject: &str, body: &str, vars: &Value) -> Result<(String, String), Message> {
    let hb = crate::templates::text();
    let s = hb
        .render_template(subject, vars)
        .map_err(|e| Message::new("staff-error-email-subject").arg("error", e))?;
    let b = hb
        .render_template(body, vars)
        .map_err(|e| Message::new("staff-error-email-text").arg("error", e))?;
    Ok((s.trim().to_string(), b))
}

/// Queues a candidate email on `conn` in the candidate's language (the
/// application's): the job's own text in that language when the owner
/// wrote one, else the default in that language; with an iCalendar
/// invitation when given.
pub fn send(
    conn: &mut DbConnection,
    message: CandidateMessage,
    app: &ApplicationRow,
    vars: &Value,
    ics: Option<(&str, &str)>,
    mail_domain: &str,
) -> Result<(), DbError> {
    let locale = app.locale();
    let defaults = || {
        (
            message.default_subject(locale),
            message.default_body(locale),
        )
    };
    let (subject, body) = db::email_templates::get(conn, &app.job_id, message.key(), locale)?
        .unwrap_or_else(defaults);
    // Texts may say "just reply" only when a reply reaches someone.
    let mut vars = vars.clone();
    if let (Some(reply_to), Some(fields)) = (db::settings::reply_to(conn)?, vars.as_object_mut()) {
        fields.insert("reply_to".into(), Value::String(reply_to));
    }
    let vars = &vars;
    // A stored template was checked when saved; fall back to the default if
    // it cannot be rendered now rather than lose the email.
    let (subject, body) = render(&subject, &body, vars)
        .or_else(|_| {
            let (subject, body) = defaults();
            render(&subject, &body, vars)
        })
        .map_err(|m| DbError::Corrupt(m.english()))?;
    let mut payload = payload(&subject, &body, ics);
    // The HTML part's `lang`.
    payload["locale"] = json!(locale);
    queue(
        conn,
        EmailKind::CandidateMessage,
        &app.email,
        &payload,
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

    fn french() -> Locale {
        Locale::parse("fr").expect("locales/fr.ftl")
    }

    // The English defaults as they were written in code before they moved
    // to the language files: what owners and candidates know.
    fn old_subject(m: CandidateMessage) -> &'static str {
        match m {
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

    fn old_body(m: CandidateMessage) -> &'static str {
        match m {
            CandidateMessage::BookingInvitation => "Hello {{name}},\n\nThank you for your answers: we enjoyed reading them, and we would like to talk with you. Choose the time that suits you best:\n\n{{booking_link}}\n\nThe times are shown in your own time zone. You can move or cancel your booking from the same link.\n\n{{company}}",
            CandidateMessage::InterviewInvitation => "Hello {{name}},\n\nThank you for your answers: we enjoyed reading them, and we would like to talk with you.\n\nWhen: {{when}}\nWhere: {{location}}\nWith: {{interviewers}}\n\nThe invitation is attached for your calendar. {{#if reply_to}} If the time does not suit you, just reply and we will find another.{{/if}}\n\n{{company}}",
            CandidateMessage::InterviewUpdate => "Hello {{name}},\n\nRescheduled: our conversation has moved. The new time:\n\nWhen: {{when}}\nWhere: {{location}}\n\nThe updated invitation is attached. Sorry for the change, and thank you for your flexibility.\n\n{{company}}",
            CandidateMessage::InterviewCancelled => "Hello {{name}},\n\nWe have had to cancel our conversation planned for {{when}}.{{#unless decided}} We will be in touch about what comes next.{{/unless}}\n\n{{company}}",
            CandidateMessage::Rejection => "Hello {{name}},\n\nThank you for the time and care you gave to your application for {{job_title}}. We have decided not to go further with it: this is our final decision for this role.{{#if reason}}\n\n{{reason}}{{/if}}\n\nWe wish you all the best in your search.\n\n{{company}}",
            CandidateMessage::Offer => "Hello {{name}},\n\nWe are delighted: the whole team would like you to join {{company}} as {{job_title}}.\n\n{{terms}}\n\n{{#if reply_to}}Reply to this email with any question; we{{else}}We{{/if}} will call you to talk it through.\n\n{{company}}",
        }
    }

    #[test]
    fn english_defaults_are_the_texts_candidates_already_get() {
        let mut without_reply = sample_vars(Locale::ENGLISH);
        without_reply.as_object_mut().unwrap().remove("reply_to");
        for m in CandidateMessage::ALL {
            assert_eq!(m.default_subject(Locale::ENGLISH), old_subject(m), "{m:?}");
            if m == CandidateMessage::Offer {
                // Whole sentences for translators, the same email.
                for vars in [sample_vars(Locale::ENGLISH), without_reply.clone()] {
                    assert_eq!(
                        render("s", &m.default_body(Locale::ENGLISH), &vars).unwrap(),
                        render("s", old_body(m), &vars).unwrap()
                    );
                }
            } else {
                assert_eq!(m.default_body(Locale::ENGLISH), old_body(m), "{m:?}");
            }
        }
    }

    #[test]
    fn every_default_renders_in_every_language_with_its_sample() {
        for locale in Locale::all() {
            let sample = sample_vars(locale);
            for m in CandidateMessage::ALL {
                let (subject, body) = (m.default_subject(locale), m.default_body(locale));
                // Every message exists in the language, every variable given.
                let id = m.fluent_id();
                for key in [format!("{id}-subject"), format!("{id}-body")] {
                    let mut args = placeholder_args();
                    for extra in ["if_reply_to", "unless_decided", "if_reason", "call"] {
                        args.set(extra, "");
                    }
                    locale.lookup_strict(&key, Some(&args)).unwrap();
                }
                assert!(
                    unknown_placeholders(&subject).is_empty(),
                    "{m:?} {}",
                    locale.code()
                );
                assert!(
                    unknown_placeholders(&body).is_empty(),
                    "{m:?} {}",
                    locale.code()
                );
                let (s, b) = render(&subject, &body, &sample).unwrap();
                assert!(
                    !s.is_empty() && !s.contains("{{") && !s.contains('$'),
                    "{s}"
                );
                assert!(!b.contains("{{") && !b.contains('$'), "{b}");
                assert!(b.contains(sample["name"].as_str().unwrap()), "{m:?}: {b}");
                assert!(b.contains("Glimmer Ratings"), "{m:?}: {b}");
                if locale != Locale::ENGLISH {
                    let english = render(
                        &m.default_subject(Locale::ENGLISH),
                        &m.default_body(Locale::ENGLISH),
                        &sample,
                    )
                    .unwrap();
                    assert_ne!(s, english.0, "{m:?} is translated");
                    assert_ne!(b, english.1, "{m:?} is translated");
                }
            }
        }
    }

    #[test]
    fn french_defaults_read_french_with_french_samples() {
        let sample = sample_vars(french());
        assert_eq!(sample["name"], "Camille Martin");
        assert_eq!(
            sample["when"],
            "mardi 2 mars 2027 à 15:00, heure de Paris (CET)"
        );
        let m = CandidateMessage::InterviewInvitation;
        let (s, b) = render(
            &m.default_subject(french()),
            &m.default_body(french()),
            &sample,
        )
        .unwrap();
        assert!(s.starts_with("Chargée de support client"), "{s}");
        assert!(b.starts_with("Bonjour Camille Martin,"), "{b}");
        assert!(b.contains("Quand\u{a0}: mardi 2 mars 2027 à 15:00"), "{b}");
        assert!(b.contains("répondez simplement"), "{b}");
        let m = CandidateMessage::Rejection;
        let (_, b) = render(
            &m.default_subject(french()),
            &m.default_body(french()),
            &sample,
        )
        .unwrap();
        assert!(b.contains("\n\nNous avons choisi une personne"), "{b}");
    }

    #[test]
    fn unknown_placeholders_are_found() {
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
        for locale in Locale::all() {
            let mut vars = sample_vars(locale);
            let invitation = CandidateMessage::InterviewInvitation.default_body(locale);
            let reply = locale.text("email-default-interview-invitation-reply");
            let with = render("s", &invitation, &vars).unwrap();
            assert!(with.1.contains(&reply));
            vars.as_object_mut().unwrap().remove("reply_to");
            let without = render("s", &invitation, &vars).unwrap();
            assert!(!without.1.contains(&reply), "{}", without.1);
            let offer = CandidateMessage::Offer.default_body(locale);
            let offer = render("s", &offer, &vars).unwrap().1;
            assert!(
                offer.contains(&locale.text("email-default-offer-call")),
                "{offer}"
            );
            assert!(!offer.contains(&locale.text("email-default-offer-call-reply")));
        }
        let vars = sample_vars(Locale::ENGLISH);
        let offer = render(
            "s",
            &CandidateMessage::Offer.default_body(Locale::ENGLISH),
            &vars,
        );
        assert!(offer.unwrap().1.contains("Reply to this email"));
    }

    #[test]
    fn times_are_written_in_the_candidate_zone_and_language() {
        // 15:00 in Paris in winter is 14:00 in Lisbon.
        let at = DateTime::parse_from_rfc3339("2027-03-02T14:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let paris = chrono_tz::Europe::Paris;
        assert_eq!(
            when_for_candidate(at, "Europe/Lisbon", paris, Locale::ENGLISH),
            "Tuesday 2 March 2027, 14:00 Lisbon time (WET)"
        );
        assert_eq!(
            when_for_candidate(at, "", paris, Locale::ENGLISH),
            "Tuesday 2 March 2027, 15:00 Paris time (CET)"
        );
        assert_eq!(
            when_for_candidate(at, "", paris, french()),
            "mardi 2 mars 2027 à 15:00, heure de Paris (CET)"
        );
    }

    #[test]
    fn days_are_the_candidate_s() {
        let t = chrono::NaiveDate::from_ymd_opt(2027, 1, 1)
            .unwrap()
            .and_hms_opt(23, 30, 0)
            .unwrap();
        assert_eq!(
            day_for_candidate(t, "Asia/Tokyo", Locale::ENGLISH),
            "2 January 2027"
        );
        assert_eq!(day_for_candidate(t, "", Locale::ENGLISH), "1 January 2027");
        assert_eq!(
            day_for_candidate(t, "Asia/Tokyo", french()),
            "2 janvier 2027"
        );
    }

    #[test]
    fn broken_templates_are_reported() {
        let sample = sample_vars(Locale::ENGLISH);
        assert!(render("Hi {{name", "x", &sample).is_err());
        assert!(render("ok", "{{#if reason}}unclosed", &sample).is_err());
    }
}
