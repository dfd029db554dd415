//! Interviews: their kinds, the default kit for each (PRODUCT.md steps 7–8),
//! when and where one takes place, and its iCalendar invitation (issue 5
//! points 4–5).

use std::fmt;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Attendee, Calendar, Component, EventLike, EventStatus, PartStat, Property, Role};
use serde::{Deserialize, Serialize};

use crate::domain::FieldError;
use crate::i18n::Message;

/// The kinds of interview a job's process can include.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewKind {
    /// Culture fit, chemistry and conversation in the support language.
    Culture,
    /// A live role-play with a furious customer (generalists).
    RolePlay,
    /// Cross-examining the CV.
    CvReview,
    /// Coding and support scenarios; defending the screening answers (specialists).
    Technical,
    /// The final, relaxed conversation about life and passions.
    FinalConversation,
}

impl InterviewKind {
    pub const ALL: [InterviewKind; 5] = [
        InterviewKind::Culture,
        InterviewKind::RolePlay,
        InterviewKind::CvReview,
        InterviewKind::Technical,
        InterviewKind::FinalConversation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InterviewKind::Culture => "culture",
            InterviewKind::RolePlay => "role_play",
            InterviewKind::CvReview => "cv_review",
            InterviewKind::Technical => "technical",
            InterviewKind::FinalConversation => "final_conversation",
        }
    }

    pub fn parse(s: &str) -> Option<InterviewKind> {
        InterviewKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> Message {
        Message::new(match self {
            InterviewKind::Culture => "staff-interview-kind-culture",
            InterviewKind::RolePlay => "staff-interview-kind-role-play",
            InterviewKind::CvReview => "staff-interview-kind-cv-review",
            InterviewKind::Technical => "staff-interview-kind-technical",
            InterviewKind::FinalConversation => "staff-interview-kind-final-conversation",
        })
    }
}

impl fmt::Display for InterviewKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An interview kit: what the interviewer reads before and during the
/// interview. The scorecard goes at its foot (see `scorecard`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kit {
    pub title: &'static str,
    /// How to run this interview.
    pub intro: &'static str,
    /// The questions to ask (for the role-play: the script), in order.
    pub questions: Vec<&'static str>,
    /// What to watch for while they answer.
    pub look_for: Vec<&'static str>,
}

/// The kit Rapport ships for each kind; owners edit their own copies.
pub fn default_kit(kind: InterviewKind) -> Kit {
    match kind {
        InterviewKind::Culture => Kit {
            title: "Culture and chemistry",
            intro: "The candidate has already shown in the screen that they can answer common \
                    support questions. This conversation tests culture fit, chemistry and how \
                    they converse in the support language: listen to how they say things as \
                    much as to what they say.",
            questions: vec![
                "What makes you different from the other people applying for this role?",
                "Why support, and why support at a company like ours?",
                "Is support your aspiration, or a step towards something else? Either answer \
                 is fine: tell us honestly.",
                "We invest in the people we hire and look for commitment in return. How does \
                 that sound to you?",
                "Tell us about a time a customer (or a guest, a client) was upset with you. \
                 What did you do, and how did it end?",
                "What would you need from us in your first weeks to do this job well?",
            ],
            look_for: vec![
                "Fluency in the support language and its nuances, in conversation as well as \
                 on paper.",
                "Patience, empathy and composure: the first hires set the bar for tone.",
                "Interest in this product and its customers, not in any job.",
                "Commitment: an honest answer about where support fits in their plans.",
            ],
        },
        InterviewKind::RolePlay => Kit {
            title: "Role-play: a furious customer",
            intro: "Generalists elaborate on their screening answers, then face a role-play. \
                    You play a furious customer who swears; they play support, live. Tell them \
                    it is a role-play, that you will be rude on purpose, and that they may take \
                    a moment before answering. Stay in character for about ten minutes, then \
                    step out of it and talk it over.",
            questions: vec![
                "Open, angry: \"I paid for your plugin this morning and it has broken my whole \
                 damn site. My shop is down, I'm losing money every minute and your useless \
                 docs don't help. Fix it now or give me my money back!\"",
                "If they ask what is broken: \"Everything! The page is blank. I don't have time \
                 for your bloody questions.\"",
                "If they apologise: soften a little, then push once more: \"Sorry doesn't pay \
                 my bills. Why should I trust you?\"",
                "If they offer a refund at once: \"I don't want a refund, I want my site \
                 working!\"",
                "If they stay calm and help: calm down, give the details they ask for, and let \
                 them close the conversation.",
                "Out of character: what did you notice about this customer? What would you do \
                 next, and when would you escalate?",
                "Out of character: how do you look after yourself after a conversation like \
                 that one?",
            ],
            look_for: vec![
                "Composure: they do not take the swearing personally or answer in kind.",
                "An apology for the trouble and an acknowledgement of what is at stake (a shop \
                 that is down).",
                "Digging: what exactly broke, on which page, since when, which versions; a URL \
                 or screenshots.",
                "A safe next step (deactivate the plugin, restore a backup) and a clear promise \
                 of what happens next, and when.",
                "Knowing when to escalate, and honesty about refunds and what support can do.",
                "A warm, plain tone in the support language, never condescending.",
            ],
        },
        InterviewKind::CvReview => Kit {
            title: "CV cross-examination",
            intro: "Go through the CV and cover letter with the candidate. The aim is not to \
                    catch them out but to meet the person behind the paper: where the paper and \
                    the person differ, ask.",
            questions: vec![
                "Your application is written in our support language: where did you learn it, \
                 and how do you use it day to day?",
                "Of the courses and certificates you list, which one gave you the most, and why?",
                "Walk me through this gap in your work history: what were you doing then?",
                "You mention leading people. How many people did you hire yourself?",
                "How did that hiring go? What would you do differently?",
                "What got in the way when you onboarded them?",
                "What is your number-one lesson from leading people?",
                "Which of your jobs with the public (a shop, a restaurant front desk, a call \
                 centre) taught you the most about people?",
            ],
            look_for: vec![
                "A gap between the language on paper and in conversation, either way.",
                "Embellishment: vague answers about things that sound impressive on paper.",
                "Plain, unembarrassed answers about gaps in work history.",
                "Leadership claims backed by specifics: numbers, real obstacles, a real lesson.",
                "People-facing experience and signals of intelligence, together.",
            ],
        },
        InterviewKind::Technical => Kit {
            title: "Technical scenario",
            intro: "For specialists (support plus coding): coding and support scenarios, and \
                    their own screening answers to defend. Their screening answers and scores \
                    are shown above: pick one they answered best and one they answered thinly \
                    or wrongly. With a generalist, ask them to elaborate on their answers \
                    instead of defending code.",
            questions: vec![
                "Here is your answer to this screening question. Walk me through it: how did \
                 you find it, and what did you check?",
                "Why that approach rather than another? Defend it as if I were a senior \
                 engineer who disagrees.",
                "What would you change in that answer now, with more time?",
                "A customer on the free plan asks how to get the ratings' rich snippets into \
                 search results. What do you tell them, and what would they build once they \
                 upgrade?",
                "After updating the plugin, a customer's WordPress site shows a blank page. \
                 Take me through your troubleshooting step by step, and what you ask the \
                 customer for.",
                "You have found the bug in our code. How do you reproduce it, fix it or hand \
                 it over, and what do you tell the customer meanwhile?",
                "Explain something technical from your answers (an API, a cache, a webhook) as \
                 you would to a customer who is not technical.",
            ],
            look_for: vec![
                "They defend their answers with reasons, and change their mind gracefully when \
                 shown wrong.",
                "A method: reproduce, isolate, read the docs and the code, ask for specifics.",
                "For rich snippets: server-side rendering through the API, schema.org markup, \
                 a daily cache, and a kind word that the API needs the professional plan.",
                "Depth that matches the role's tier mix.",
                "Technical things explained plainly and kindly.",
            ],
        },
        InterviewKind::FinalConversation => Kit {
            title: "Final conversation",
            intro: "A relaxed conversation, out of interview mode: no tests and no traps. Talk \
                    about their life and their passions. You are looking for intelligence and \
                    compassion, and for the person the team will work beside. Between equally \
                    skilled finalists, the best culture fit wins.",
            questions: vec![
                "What do you do when you are not working?",
                "What are you passionate about? Tell me about it as if I knew nothing about it.",
                "What have you taught yourself lately?",
                "Who is someone you admire, and why?",
                "How did you find our process so far? What would you change?",
                "What would you like to ask us?",
            ],
            look_for: vec![
                "Intelligence: curiosity about the world, clear thinking, how they explain what \
                 they love.",
                "Compassion: how they speak about other people.",
                "Whether the team would enjoy working beside them every day.",
            ],
        },
    }
}

/// The shortest and longest interview, in minutes.
pub const MIN_DURATION_MINUTES: u32 = 15;
pub const MAX_DURATION_MINUTES: u32 = 480;
/// The most characters the place (address or video link) may hold.
pub const MAX_LOCATION_CHARS: usize = 500;

/// What the organiser typed in the scheduling form, as strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleInput {
    /// `YYYY-MM-DD`, in `timezone`.
    pub date: String,
    /// `HH:MM` (24-hour; `HH:MM:SS` accepted), in `timezone`.
    pub time: String,
    /// An IANA name, e.g. `Europe/Paris`.
    pub timezone: String,
    pub duration_minutes: String,
    /// An address or a video link.
    pub location: String,
}

/// When and where an interview takes place. The instant is kept in UTC with
/// the organiser's zone beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    starts_at: DateTime<Utc>,
    timezone: Tz,
    duration_minutes: u32,
    location: String,
}

fn clean_location(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

impl Schedule {
    /// Validates the form. A local time that does not exist (the clocks go
    /// forward) is refused; one that happens twice (the clocks go back) is
    /// taken as the earlier.
    pub fn parse(input: &ScheduleInput) -> Result<Schedule, Vec<FieldError>> {
        let mut errors = Vec::new();

        let date = input.date.trim();
        let date = if date.is_empty() {
            errors.push(FieldError::localized(
                "date",
                "staff-error-schedule-date-missing",
            ));
            None
        } else {
            let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
            if d.is_none() {
                errors.push(FieldError::of(
                    "date",
                    Message::new("staff-error-schedule-date-invalid").arg("date", date),
                ));
            }
            d
        };

        let time = input.time.trim();
        let time = if time.is_empty() {
            errors.push(FieldError::localized(
                "time",
                "staff-error-schedule-time-missing",
            ));
            None
        } else {
            let t = NaiveTime::parse_from_str(time, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
                .ok();
            if t.is_none() {
                errors.push(FieldError::of(
                    "time",
                    Message::new("staff-error-schedule-time-invalid").arg("time", time),
                ));
            }
            t
        };

        let tz_name = input.timezone.trim();
        let timezone = if tz_name.is_empty() {
            errors.push(FieldError::localized(
                "timezone",
                "staff-error-schedule-timezone-missing",
            ));
            None
        } else {
            let tz = tz_name.parse::<Tz>().ok();
            if tz.is_none() {
                errors.push(FieldError::of(
                    "timezone",
                    Message::new("staff-error-schedule-timezone-invalid").arg("timezone", tz_name),
                ));
            }
            tz
        };

        let duration = input.duration_minutes.trim();
        let duration_minutes = match duration.parse::<u32>() {
            Ok(m) if (MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(&m) => Some(m),
            _ => {
                errors.push(FieldError::of(
                    "duration_minutes",
                    Message::new("staff-error-schedule-duration")
                        .count("min", MIN_DURATION_MINUTES)
                        .count("max", MAX_DURATION_MINUTES),
                ));
                None
            }
        };

        let location = clean_location(&input.location);
        let count = location.chars().count();
        if location.is_empty() {
            errors.push(FieldError::localized(
                "location",
                "staff-error-schedule-location-missing",
            ));
        } else if count > MAX_LOCATION_CHARS {
            errors.push(FieldError::of(
                "location",
                Message::new("staff-error-schedule-location-long")
                    .count("max", MAX_LOCATION_CHARS as i64)
                    .count("count", count as i64),
            ));
        }

        let mut starts_at = None;
        if let (Some(date), Some(time), Some(tz)) = (date, time, timezone) {
            let local = date.and_time(time);
            match tz.from_local_datetime(&local) {
                LocalResult::Single(dt) => starts_at = Some(dt.with_timezone(&Utc)),
                LocalResult::Ambiguous(earlier, _later) => {
                    starts_at = Some(earlier.with_timezone(&Utc))
                }
                LocalResult::None => errors.push(FieldError::of(
                    "time",
                    Message::new("staff-error-schedule-time-skipped")
                        .arg("time", time.format("%H:%M"))
                        .arg("date", date.format("%A %-d %B %Y"))
                        .arg("timezone", tz.name()),
                )),
            }
        }

        match (starts_at, timezone, duration_minutes) {
            (Some(starts_at), Some(timezone), Some(duration_minutes)) if errors.is_empty() => {
                Ok(Schedule {
                    starts_at,
                    timezone,
                    duration_minutes,
                    location,
                })
            }
            _ => Err(errors),
        }
    }

    /// Rebuilds a schedule from what was stored (`timezone` is an IANA
    /// name). `None` if the values could not have come from [`Schedule::parse`].
    pub fn from_stored(
        starts_at: DateTime<Utc>,
        timezone: &str,
        duration_minutes: u32,
        location: &str,
    ) -> Option<Schedule> {
        let timezone = timezone.parse::<Tz>().ok()?;
        let location = clean_location(location);
        let ok = (MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(&duration_minutes)
            && !location.is_empty()
            && location.chars().count() <= MAX_LOCATION_CHARS;
        ok.then_some(Schedule {
            starts_at,
            timezone,
            duration_minutes,
            location,
        })
    }

    /// The form pre-filled with this schedule, in the organiser's zone (for
    /// rescheduling).
    pub fn to_input(&self) -> ScheduleInput {
        let local = self.starts_at.with_timezone(&self.timezone);
        ScheduleInput {
            date: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            timezone: self.timezone.name().to_string(),
            duration_minutes: self.duration_minutes.to_string(),
            location: self.location.clone(),
        }
    }

    pub fn starts_at_utc(&self) -> DateTime<Utc> {
        self.starts_at
    }

    pub fn ends_at_utc(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(i64::from(self.duration_minutes))
    }

    /// The zone the organiser scheduled it in.
    pub fn timezone(&self) -> Tz {
        self.timezone
    }

    pub fn duration_minutes(&self) -> u32 {
        self.duration_minutes
    }

    pub fn location(&self) -> &str {
        &self.location
    }

    /// The start as someone in `tz` reads it: "Tuesday 2 March 2027, 14:00 CET".
    pub fn local_time_in(&self, tz: Tz) -> String {
        self.starts_at
            .with_timezone(&tz)
            .format("%A %-d %B %Y, %H:%M %Z")
            .to_string()
    }

    /// The start in the organiser's own zone.
    pub fn local_time(&self) -> String {
        self.local_time_in(self.timezone)
    }
}

/// What an invitation asks of the calendars receiving it (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IcsMethod {
    /// A new invitation, or an update of one (same UID, higher SEQUENCE).
    Request,
    /// The interview is cancelled (same UID, higher SEQUENCE).
    Cancel,
}

impl IcsMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            IcsMethod::Request => "REQUEST",
            IcsMethod::Cancel => "CANCEL",
        }
    }
}

/// Everything one iCalendar message about an interview says. Keep `uid`
/// for the interview's whole life and raise `sequence` at every reschedule
/// or cancellation.
#[derive(Debug, Clone, Copy)]
pub struct Invitation<'a> {
    /// Stable and globally unique, e.g. `interview-<id>@<mail domain>`.
    pub uid: &'a str,
    /// 0 for the first invitation, then one more at each change.
    pub sequence: u32,
    /// DTSTAMP: when this message was made (the caller's clock; this module
    /// does not read one).
    pub stamp: DateTime<Utc>,
    pub schedule: &'a Schedule,
    pub summary: &'a str,
    pub description: &'a str,
    /// The organiser's name (may be empty) and email address.
    pub organizer_name: &'a str,
    pub organizer_email: &'a str,
    /// (name, email) of each attendee: the candidate and the interviewers.
    pub attendees: &'a [(&'a str, &'a str)],
    pub method: IcsMethod,
}

/// TEXT values: line breaks normalised to `\n` (the crate escapes them),
/// other control characters dropped.
fn clean_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

/// Parameter values (CN) cannot hold a double quote or a control character.
fn clean_param(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

fn mailto(email: &str) -> String {
    let email: String = email
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    format!("mailto:{email}")
}

/// The `.ics` text of an invitation (METHOD:REQUEST) or a cancellation
/// (METHOD:CANCEL, STATUS:CANCELLED) for one interview, times in UTC.
/// Built with the `icalendar` crate, which escapes TEXT values and folds
/// lines at 75 octets; lines end in CRLF.
pub fn ics_event(invitation: &Invitation<'_>) -> String {
    let inv = invitation;
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("PRODID", "-//Rapport//Interviews//EN"));
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", inv.method.as_str()));

    let mut event = icalendar::Event::new();
    event
        .uid(&clean_param(inv.uid))
        .sequence(inv.sequence)
        .timestamp(inv.stamp)
        .starts(inv.schedule.starts_at_utc())
        .ends(inv.schedule.ends_at_utc())
        .summary(&clean_text(inv.summary))
        .description(&clean_text(inv.description))
        .location(&clean_text(inv.schedule.location()))
        .status(match inv.method {
            IcsMethod::Request => EventStatus::Confirmed,
            IcsMethod::Cancel => EventStatus::Cancelled,
        });

    let mut organizer = Property::new("ORGANIZER", mailto(inv.organizer_email));
    let name = clean_param(inv.organizer_name);
    if !name.is_empty() {
        organizer.add_parameter("CN", &name);
    }
    event.append_property(organizer);

    for (name, email) in inv.attendees {
        let mut attendee = Attendee::new(mailto(email))
            .role(Role::ReqParticipant)
            .partstat(PartStat::NeedsAction)
            .rsvp(inv.method == IcsMethod::Request);
        let name = clean_param(name);
        if !name.is_empty() {
            attendee = attendee.cn(name);
        }
        event.attendee(attendee);
    }

    calendar.push(event.done());
    calendar.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America, Asia, Europe};
    use icalendar::parser::{read_calendar, unfold};

    fn input(date: &str, time: &str, tz: &str) -> ScheduleInput {
        ScheduleInput {
            date: date.into(),
            time: time.into(),
            timezone: tz.into(),
            duration_minutes: "60".into(),
            location: "https://meet.example.com/abc-defg".into(),
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn fields(errors: &[FieldError]) -> Vec<&'static str> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_schedule_is_kept_in_utc_and_shown_in_each_persons_zone() {
        let s = Schedule::parse(&input("2027-03-02", "14:00", "Europe/Paris")).unwrap();
        assert_eq!(s.starts_at_utc(), utc("2027-03-02T13:00:00Z"));
        assert_eq!(s.ends_at_utc(), utc("2027-03-02T14:00:00Z"));
        assert_eq!(s.local_time(), "Tuesday 2 March 2027, 14:00 CET");
        assert_eq!(
            s.local_time_in(America::New_York),
            "Tuesday 2 March 2027, 08:00 EST"
        );
        assert_eq!(
            s.local_time_in(Asia::Tokyo),
            "Tuesday 2 March 2027, 22:00 JST"
        );
        assert_eq!(
            s.local_time_in(chrono_tz::UTC),
            "Tuesday 2 March 2027, 13:00 UTC"
        );
        assert_eq!(s.timezone(), Europe::Paris);
        assert_eq!(s.duration_minutes(), 60);
        assert_eq!(s.location(), "https://meet.example.com/abc-defg");
        // summer time
        let s = Schedule::parse(&input("2027-07-01", "09:30:00", "Europe/London")).unwrap();
        assert_eq!(s.starts_at_utc(), utc("2027-07-01T08:30:00Z"));
        assert_eq!(s.local_time(), "Thursday 1 July 2027, 09:30 BST");
        // round trip through the form and through storage
        assert_eq!(Schedule::parse(&s.to_input()).unwrap(), s);
        assert_eq!(
            Schedule::from_stored(s.starts_at_utc(), "Europe/London", 60, s.location()),
            Some(s.clone())
        );
        assert_eq!(
            Schedule::from_stored(s.starts_at_utc(), "Mars/Olympus", 60, "x"),
            None
        );
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused_and_a_repeated_one_is_the_earlier() {
        // Paris springs forward at 02:00 on Sunday 28 March 2027
        let errors = Schedule::parse(&input("2027-03-28", "02:30", "Europe/Paris")).unwrap_err();
        assert_eq!(fields(&errors), vec!["time"]);
        assert_eq!(
            errors[0].message,
            "02:30 does not exist on Sunday 28 March 2027 in Europe/Paris: the clocks go \
             forward then. Choose another time."
        );
        let errors =
            Schedule::parse(&input("2027-03-14", "02:15", "America/New_York")).unwrap_err();
        assert_eq!(fields(&errors), vec!["time"]);
        // and falls back at 03:00 on Sunday 31 October 2027: 02:30 happens twice
        let s = Schedule::parse(&input("2027-10-31", "02:30", "Europe/Paris")).unwrap();
        assert_eq!(s.starts_at_utc(), utc("2027-10-31T00:30:00Z"));
        assert_eq!(s.local_time(), "Sunday 31 October 2027, 02:30 CEST");
    }

    #[test]
    fn bad_input_is_refused_field_by_field() {
        let errors = Schedule::parse(&ScheduleInput::default()).unwrap_err();
        assert_eq!(
            fields(&errors),
            vec!["date", "time", "timezone", "duration_minutes", "location"]
        );
        let bad = ScheduleInput {
            date: "02/03/2027".into(),
            time: "2pm".into(),
            timezone: "Paris".into(),
            duration_minutes: "481".into(),
            location: "x".repeat(MAX_LOCATION_CHARS + 1),
        };
        let errors = Schedule::parse(&bad).unwrap_err();
        assert_eq!(
            fields(&errors),
            vec!["date", "time", "timezone", "duration_minutes", "location"]
        );
        assert!(errors[2].message.contains("\"Paris\" is not a time zone"));
        for (minutes, ok) in [("14", false), ("15", true), ("480", true), ("-5", false)] {
            let mut i = input("2027-03-02", "14:00", "Europe/Paris");
            i.duration_minutes = minutes.into();
            assert_eq!(Schedule::parse(&i).is_ok(), ok, "{minutes}");
        }
        let mut i = input("2027-02-30", "14:00", "Europe/Paris");
        assert_eq!(fields(&Schedule::parse(&i).unwrap_err()), vec!["date"]);
        i = input("2027-03-02", "24:00", "Europe/Paris");
        assert_eq!(fields(&Schedule::parse(&i).unwrap_err()), vec!["time"]);
        i = input("2027-03-02", "14:00", "Europe/Paris");
        i.location = " Office,\r\nfloor 2 ".into();
        assert_eq!(Schedule::parse(&i).unwrap().location(), "Office,  floor 2");
    }

    #[test]
    fn kits_cover_every_kind() {
        for kind in InterviewKind::ALL {
            assert_eq!(InterviewKind::parse(kind.as_str()), Some(kind));
            let kit = default_kit(kind);
            assert_eq!(kit.title, kind.label().english());
            assert!(kit.questions.len() >= 5, "{kind:?}");
            assert!(!kit.look_for.is_empty() && !kit.intro.is_empty());
            for line in kit.questions.iter().chain(&kit.look_for) {
                assert!(!line.contains("  "), "a stray double space in {line:?}");
            }
        }
        let culture = default_kit(InterviewKind::Culture).questions.join(" ");
        for words in ["different", "aspiration", "commitment", "why support"] {
            assert!(culture.to_lowercase().contains(words), "{words}");
        }
        let cv = default_kit(InterviewKind::CvReview)
            .questions
            .join(" ")
            .to_lowercase();
        for words in [
            "which one gave you the most",
            "gap in your work history",
            "how many people",
            "onboarded",
            "number-one lesson",
        ] {
            assert!(cv.contains(words), "{words}");
        }
        assert!(default_kit(InterviewKind::RolePlay).questions[0].contains("damn"));
        assert!(default_kit(InterviewKind::Technical)
            .intro
            .contains("screening answers"));
        let last = default_kit(InterviewKind::FinalConversation);
        assert!(last.intro.contains("intelligence and compassion"));
    }

    fn invitation<'a>(
        schedule: &'a Schedule,
        attendees: &'a [(&'a str, &'a str)],
        sequence: u32,
        method: IcsMethod,
    ) -> Invitation<'a> {
        Invitation {
            uid: "interview-42@rapport.example",
            sequence,
            stamp: utc("2027-02-20T10:11:12Z"),
            schedule,
            summary: "Interview: Culture and chemistry, with Ada Lovelace",
            description: "Hello Ada,\r\nwe look forward to talking; bring questions, \
                          any \\ all. Join: https://meet.example.com/abc-defg — à bientôt! \
                          This line is long enough to need folding at seventy-five octets.",
            organizer_name: "Grace Hopper",
            organizer_email: "grace@rapport.example",
            attendees,
            method,
        }
    }

    /// Unfolded content lines as (name with parameters, value).
    fn lines(ics: &str) -> Vec<(String, String)> {
        unfold(ics)
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| {
                let (k, v) = l.split_once(':').unwrap();
                (k.to_string(), v.to_string())
            })
            .collect()
    }

    fn value<'a>(lines: &'a [(String, String)], name: &str) -> Vec<&'a str> {
        lines
            .iter()
            .filter(|(k, _)| k == name || k.starts_with(&format!("{name};")))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    #[test]
    fn an_invitation_is_a_valid_request() {
        let s = Schedule::parse(&input("2027-03-02", "14:00", "Europe/Paris")).unwrap();
        let people = [
            ("Ada Lovelace", "ada@example.org"),
            ("Hopper, \"Grace\"", "grace@rapport.example"),
        ];
        let ics = ics_event(&invitation(&s, &people, 0, IcsMethod::Request));

        // the wire format: CRLF, no bare CR or LF, folded at 75 octets
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains(['\r', '\n']));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }

        let l = lines(&ics);
        assert_eq!(value(&l, "METHOD"), vec!["REQUEST"]);
        assert_eq!(value(&l, "VERSION"), vec!["2.0"]);
        assert_eq!(value(&l, "PRODID").len(), 1);
        assert_eq!(value(&l, "UID"), vec!["interview-42@rapport.example"]);
        assert_eq!(value(&l, "SEQUENCE"), vec!["0"]);
        assert_eq!(value(&l, "DTSTAMP"), vec!["20270220T101112Z"]);
        assert_eq!(value(&l, "DTSTART"), vec!["20270302T130000Z"]);
        assert_eq!(value(&l, "DTEND"), vec!["20270302T140000Z"]);
        assert_eq!(value(&l, "STATUS"), vec!["CONFIRMED"]);
        assert_eq!(
            value(&l, "LOCATION"),
            vec!["https://meet.example.com/abc-defg"]
        );
        let organizer = l.iter().find(|(k, _)| k.starts_with("ORGANIZER")).unwrap();
        assert_eq!(organizer.0, "ORGANIZER;CN=Grace Hopper");
        assert_eq!(organizer.1, "mailto:grace@rapport.example");
        let attendees: Vec<_> = l
            .iter()
            .filter(|(k, _)| k.starts_with("ATTENDEE"))
            .collect();
        assert_eq!(attendees.len(), 2);
        assert!(attendees[0].0.contains("CN=Ada Lovelace"));
        assert!(attendees[0].0.contains("RSVP=TRUE"));
        assert!(
            attendees[1].0.contains("CN=\"Hopper, Grace\""),
            "{:?}",
            attendees[1]
        );
        // TEXT escaping: \\ \; \, \n
        assert_eq!(
            value(&l, "DESCRIPTION")[0],
            "Hello Ada\\,\\nwe look forward to talking\\; bring questions\\, any \\\\ all. \
             Join: https://meet.example.com/abc-defg — à bientôt! This line is long enough \
             to need folding at seventy-five octets."
        );

        // and the icalendar crate's own parser reads it back
        let unfolded = unfold(&ics);
        let parsed = read_calendar(&unfolded).unwrap();
        assert_eq!(parsed.components.len(), 1);
        let cal: Calendar = ics.parse().unwrap();
        assert_eq!(cal.property_value("METHOD"), Some("REQUEST"));
        let event = cal.events().next().unwrap();
        assert_eq!(event.get_uid(), Some("interview-42@rapport.example"));
        assert_eq!(event.get_sequence(), Some(0));
        assert_eq!(event.get_status(), Some(EventStatus::Confirmed));
        assert_eq!(
            event.get_start(),
            Some(icalendar::DatePerhapsTime::DateTime(
                icalendar::CalendarDateTime::Utc(s.starts_at_utc())
            ))
        );
        assert_eq!(event.get_attendees().len(), 2);
        assert_eq!(
            event
                .get_description()
                .map(|d| d.starts_with("Hello Ada,\nwe look")),
            Some(true)
        );
    }

    #[test]
    fn a_reschedule_and_a_cancellation_update_the_same_event() {
        let people = [("Ada Lovelace", "ada@example.org")];
        let first = Schedule::parse(&input("2027-03-02", "14:00", "Europe/Paris")).unwrap();
        let moved = Schedule::parse(&input("2027-03-03", "10:00", "Europe/Paris")).unwrap();
        let a: Calendar = ics_event(&invitation(&first, &people, 0, IcsMethod::Request))
            .parse()
            .unwrap();
        let b: Calendar = ics_event(&invitation(&moved, &people, 1, IcsMethod::Request))
            .parse()
            .unwrap();
        let c_text = ics_event(&invitation(&moved, &people, 2, IcsMethod::Cancel));
        let c: Calendar = c_text.parse().unwrap();
        let (a, b, c2) = (
            a.events().next().unwrap().clone(),
            b.events().next().unwrap().clone(),
            c.events().next().unwrap().clone(),
        );
        assert_eq!(a.get_uid(), b.get_uid());
        assert_eq!(b.get_uid(), c2.get_uid());
        assert!(a.get_sequence() < b.get_sequence() && b.get_sequence() < c2.get_sequence());
        assert_ne!(a.get_start(), b.get_start());
        assert_eq!(c.property_value("METHOD"), Some("CANCEL"));
        assert_eq!(c2.get_status(), Some(EventStatus::Cancelled));
        let l = lines(&c_text);
        assert_eq!(value(&l, "STATUS"), vec!["CANCELLED"]);
        assert_eq!(value(&l, "SEQUENCE"), vec!["2"]);
        assert!(l
            .iter()
            .any(|(k, _)| k.starts_with("ATTENDEE") && k.contains("RSVP=FALSE")));
    }

    #[test]
    fn hostile_text_cannot_add_lines() {
        let s = Schedule::parse(&input("2027-03-02", "14:00", "Europe/Paris")).unwrap();
        let people = [(
            "Eve\r\nATTENDEE:mailto:x@evil",
            "eve@example.org\r\nX-EVIL:1",
        )];
        let mut inv = invitation(&s, &people, 3, IcsMethod::Request);
        inv.summary = "Hi\rMETHOD:CANCEL";
        inv.uid = "u1\r\nSTATUS:CANCELLED";
        let ics = ics_event(&inv);
        let l = lines(&ics);
        assert_eq!(value(&l, "METHOD"), vec!["REQUEST"]);
        assert_eq!(value(&l, "STATUS"), vec!["CONFIRMED"]);
        assert!(value(&l, "X-EVIL").is_empty());
        assert_eq!(
            l.iter().filter(|(k, _)| k.starts_with("ATTENDEE")).count(),
            1
        );
        assert_eq!(value(&l, "SUMMARY"), vec!["Hi\\nMETHOD:CANCEL"]);
    }
}
