//! Self-scheduling: the weekly hours each interviewer is available, in
//! their own time zone, and the interview times offered to a candidate,
//! where every chosen interviewer is available and none is already busy.
//! Pure: callers read the windows and the busy times.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

use crate::domain::application::parse_timezone;
use crate::domain::FieldError;
use crate::i18n::Message;

/// Offered times start on this grid (in the first interviewer's zone).
pub const SLOT_STEP_MINUTES: u32 = 30;
/// At most this many times are offered: enough to choose from, few enough
/// to read on a phone.
pub const MAX_SLOTS: usize = 40;
/// How far ahead times may be offered.
pub const MAX_DAYS_AHEAD: u32 = 60;
/// The earliest offered time is at least this far away: nobody should
/// find an interview booked for the next hour.
pub const MIN_NOTICE: Duration = Duration::hours(12);
/// The longest a candidate may be kept from changing their booking.
pub const MAX_CUTOFF_HOURS: u32 = 168;

/// One weekly stretch of time an interviewer can be booked, in their zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub weekday: Weekday,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub timezone: Tz,
}

/// What a person typed to add a window.
#[derive(Debug, Clone, Default)]
pub struct WindowInput {
    /// 1 (Monday) to 7 (Sunday).
    pub weekday: String,
    /// `HH:MM`.
    pub starts: String,
    pub ends: String,
    /// An IANA name, e.g. `Europe/Paris`.
    pub timezone: String,
}

impl Window {
    pub fn parse(input: &WindowInput) -> Result<Window, Vec<FieldError>> {
        let mut errors = Vec::new();
        let weekday = match input.weekday.trim().parse::<u8>() {
            Ok(n @ 1..=7) => Weekday::try_from(n - 1).ok(),
            _ => None,
        };
        if weekday.is_none() {
            errors.push(FieldError::localized(
                "weekday",
                "staff-error-window-weekday",
            ));
        }
        let time = |raw: &str| NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok();
        let starts = time(&input.starts);
        if starts.is_none() {
            errors.push(FieldError::localized("starts", "staff-error-window-starts"));
        }
        let ends = time(&input.ends);
        if ends.is_none() {
            errors.push(FieldError::localized("ends", "staff-error-window-ends"));
        }
        if let (Some(s), Some(e)) = (starts, ends) {
            if e <= s {
                errors.push(FieldError::localized(
                    "ends",
                    "staff-error-window-ends-before-start",
                ));
            }
        }
        let timezone = parse_timezone(&input.timezone);
        if timezone.is_none() {
            errors.push(FieldError::localized(
                "timezone",
                "staff-error-booking-timezone",
            ));
        }
        match (weekday, starts, ends, timezone, errors.is_empty()) {
            (Some(weekday), Some(starts), Some(ends), Some(timezone), true) => Ok(Window {
                weekday,
                starts,
                ends,
                timezone,
            }),
            _ => Err(errors),
        }
    }

    /// Whether `[start, end)` lies inside this window on one local day
    /// (a window ends after it starts, so never crosses midnight).
    fn covers(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        let (s, e) = (
            start.with_timezone(&self.timezone),
            end.with_timezone(&self.timezone),
        );
        s.date_naive() == e.date_naive()
            && s.weekday() == self.weekday
            && s.time() >= self.starts
            && e.time() <= self.ends
    }
}

/// A stretch of time someone is already taken, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy {
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
}

impl Busy {
    fn overlaps(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        self.starts < end && start < self.ends
    }
}

/// One interviewer as the slot finder sees them.
#[derive(Debug, Clone, Default)]
pub struct Availability {
    pub windows: Vec<Window>,
    pub busy: Vec<Busy>,
}

/// The times, in `[from, until)`, when an interview of `duration_minutes`
/// fits every interviewer's windows and none of their busy times; at most
/// [`MAX_SLOTS`], earliest first. Times start on a half-hour grid of the
/// first interviewer's windows; a local time the clocks skip is not
/// offered, one they repeat is taken the first time.
pub fn free_slots(
    interviewers: &[Availability],
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    duration_minutes: u32,
) -> Vec<DateTime<Utc>> {
    let Some(first) = interviewers.first() else {
        return vec![];
    };
    let length = Duration::minutes(i64::from(duration_minutes));
    let mut slots = Vec::new();
    for window in &first.windows {
        let tz = window.timezone;
        let mut day: NaiveDate = from.with_timezone(&tz).date_naive();
        let last_day = until.with_timezone(&tz).date_naive();
        while day <= last_day {
            if day.weekday() == window.weekday {
                let mut local = day.and_time(window.starts);
                while local + length <= day.and_time(window.ends) {
                    if let LocalResult::Single(at) | LocalResult::Ambiguous(at, _) =
                        tz.from_local_datetime(&local)
                    {
                        let start = at.with_timezone(&Utc);
                        let end = start + length;
                        let free = start >= from
                            && start < until
                            && interviewers.iter().all(|person| {
                                person.windows.iter().any(|w| w.covers(start, end))
                                    && !person.busy.iter().any(|b| b.overlaps(start, end))
                            });
                        if free {
                            slots.push(start);
                        }
                    }
                    local += Duration::minutes(i64::from(SLOT_STEP_MINUTES));
                }
            }
            day = match day.succ_opt() {
                Some(next) => next,
                None => break,
            };
        }
    }
    slots.sort();
    slots.dedup();
    slots.truncate(MAX_SLOTS);
    slots
}

/// Whether a candidate may still move or cancel a booking for `starts_at`.
pub fn can_change(starts_at: DateTime<Utc>, cutoff_hours: u32, now: DateTime<Utc>) -> bool {
    now + Duration::hours(i64::from(cutoff_hours)) <= starts_at
}

/// What staff choose when they offer times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferTerms {
    pub duration_minutes: u32,
    pub location: String,
    /// The organiser's zone, kept with the interview once booked.
    pub timezone: Tz,
    pub days_ahead: u32,
    pub cutoff_hours: u32,
}

/// What staff typed.
#[derive(Debug, Clone, Default)]
pub struct OfferInput {
    pub duration_minutes: String,
    pub location: String,
    pub timezone: String,
    pub days_ahead: String,
    pub cutoff_hours: String,
}

impl OfferTerms {
    pub fn parse(input: &OfferInput) -> Result<OfferTerms, Vec<FieldError>> {
        use crate::domain::interview::{
            MAX_DURATION_MINUTES, MAX_LOCATION_CHARS, MIN_DURATION_MINUTES,
        };
        let mut errors = Vec::new();
        let number = |raw: &str| raw.trim().parse::<u32>().ok();
        let duration = number(&input.duration_minutes)
            .filter(|m| (MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(m));
        if duration.is_none() {
            errors.push(FieldError::of(
                "duration_minutes",
                Message::new("staff-error-offer-duration")
                    .count("min", MIN_DURATION_MINUTES)
                    .count("max", MAX_DURATION_MINUTES),
            ));
        }
        let location: String = input
            .location
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .trim()
            .to_string();
        if location.is_empty() || location.chars().count() > MAX_LOCATION_CHARS {
            errors.push(FieldError::of(
                "location",
                Message::new("staff-error-offer-location").count("max", MAX_LOCATION_CHARS as i64),
            ));
        }
        let timezone = parse_timezone(&input.timezone);
        if timezone.is_none() {
            errors.push(FieldError::localized(
                "timezone",
                "staff-error-booking-timezone",
            ));
        }
        let days = number(&input.days_ahead).filter(|d| (1..=MAX_DAYS_AHEAD).contains(d));
        if days.is_none() {
            errors.push(FieldError::of(
                "days_ahead",
                Message::new("staff-error-offer-days-ahead").count("max", MAX_DAYS_AHEAD),
            ));
        }
        let cutoff = number(&input.cutoff_hours).filter(|h| *h <= MAX_CUTOFF_HOURS);
        if cutoff.is_none() {
            errors.push(FieldError::of(
                "cutoff_hours",
                Message::new("staff-error-offer-cutoff").count("max", MAX_CUTOFF_HOURS),
            ));
        }
        match (duration, timezone, days, cutoff, errors.is_empty()) {
            (
                Some(duration_minutes),
                Some(timezone),
                Some(days_ahead),
                Some(cutoff_hours),
                true,
            ) => Ok(OfferTerms {
                duration_minutes,
                location,
                timezone,
                days_ahead,
                cutoff_hours,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn window(day: u8, starts: &str, ends: &str, tz: &str) -> Window {
        Window::parse(&WindowInput {
            weekday: day.to_string(),
            starts: starts.into(),
            ends: ends.into(),
            timezone: tz.into(),
        })
        .unwrap()
    }

    fn person(windows: Vec<Window>) -> Availability {
        Availability {
            windows,
            busy: vec![],
        }
    }

    #[test]
    fn a_window_is_read_in_its_own_time_zone_across_a_clock_change() {
        // Paris moves its clocks forward on Sunday 28 March 2027: Monday
        // 10:00 is 09:00 UTC the week before and 08:00 UTC the week after.
        let fran = person(vec![window(1, "10:00", "11:00", "Europe/Paris")]);
        let slots = free_slots(
            &[fran],
            utc("2027-03-20T00:00:00Z"),
            utc("2027-04-01T00:00:00Z"),
            60,
        );
        assert_eq!(
            slots,
            vec![utc("2027-03-22T09:00:00Z"), utc("2027-03-29T08:00:00Z")]
        );
    }

    #[test]
    fn a_skipped_local_time_is_not_offered_and_a_repeated_one_once() {
        // 02:00–03:00 does not exist in Paris on 28 March 2027; 02:00–03:00
        // happens twice on 31 October 2027.
        let night = person(vec![window(7, "02:00", "03:00", "Europe/Paris")]);
        let spring = free_slots(
            std::slice::from_ref(&night),
            utc("2027-03-27T00:00:00Z"),
            utc("2027-03-29T00:00:00Z"),
            30,
        );
        assert!(spring.is_empty(), "{spring:?}");
        let autumn = free_slots(
            &[night],
            utc("2027-10-30T00:00:00Z"),
            utc("2027-11-01T00:00:00Z"),
            30,
        );
        assert_eq!(
            autumn,
            vec![utc("2027-10-31T00:00:00Z"), utc("2027-10-31T00:30:00Z")]
        );
    }

    #[test]
    fn times_suit_every_interviewer_in_their_own_zones() {
        // Fran in Lisbon (UTC+0 in winter) 09:00–12:00 on Tuesdays; Ivy in
        // New York (UTC−5) 05:30–07:00: they overlap 10:30–12:00 UTC.
        let fran = person(vec![window(2, "09:00", "12:00", "Europe/Lisbon")]);
        let ivy = person(vec![window(2, "05:30", "07:00", "America/New_York")]);
        let slots = free_slots(
            &[fran, ivy],
            utc("2027-01-11T00:00:00Z"),
            utc("2027-01-13T00:00:00Z"),
            60,
        );
        assert_eq!(
            slots,
            vec![utc("2027-01-12T10:30:00Z"), utc("2027-01-12T11:00:00Z")]
        );
    }

    #[test]
    fn busy_times_and_the_notice_period_are_left_out() {
        let mut fran = person(vec![window(2, "09:00", "12:00", "UTC")]);
        fran.busy.push(Busy {
            starts: utc("2027-01-12T10:00:00Z"),
            ends: utc("2027-01-12T10:45:00Z"),
        });
        let slots = free_slots(
            &[fran],
            utc("2027-01-12T09:30:00Z"),
            utc("2027-01-13T00:00:00Z"),
            30,
        );
        assert_eq!(
            slots,
            vec![
                utc("2027-01-12T09:30:00Z"),
                utc("2027-01-12T11:00:00Z"),
                utc("2027-01-12T11:30:00Z")
            ]
        );
    }

    #[test]
    fn no_interviewer_no_times_and_never_more_than_the_cap() {
        assert!(free_slots(
            &[],
            utc("2027-01-01T00:00:00Z"),
            utc("2027-02-01T00:00:00Z"),
            30
        )
        .is_empty());
        let all_week: Vec<Window> = (1..=7)
            .map(|d| window(d, "00:00", "23:30", "UTC"))
            .collect();
        let slots = free_slots(
            &[person(all_week)],
            utc("2027-01-01T00:00:00Z"),
            utc("2027-02-01T00:00:00Z"),
            30,
        );
        assert_eq!(slots.len(), MAX_SLOTS);
        assert_eq!(slots[0], utc("2027-01-01T00:00:00Z"));
    }

    #[test]
    fn bad_windows_and_terms_say_what_is_wrong() {
        let errors = Window::parse(&WindowInput {
            weekday: "8".into(),
            starts: "12:00".into(),
            ends: "09:00".into(),
            timezone: "Mars/Olympus".into(),
        })
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["weekday", "ends", "timezone"]);
        let input = |days: &str, cutoff: &str| OfferInput {
            duration_minutes: "45".into(),
            location: "https://meet.example.com/x".into(),
            timezone: "Europe/Paris".into(),
            days_ahead: days.into(),
            cutoff_hours: cutoff.into(),
        };
        assert_eq!(
            OfferTerms::parse(&input("0", "24")).unwrap_err()[0].field,
            "days_ahead"
        );
        assert_eq!(
            OfferTerms::parse(&input("14", "500")).unwrap_err()[0].field,
            "cutoff_hours"
        );
        let blank = OfferTerms::parse(&OfferInput::default()).unwrap_err();
        let fields: Vec<&str> = blank.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "duration_minutes",
                "location",
                "timezone",
                "days_ahead",
                "cutoff_hours"
            ]
        );
        let terms = OfferTerms::parse(&input("14", "24")).unwrap();
        assert_eq!(
            (terms.days_ahead, terms.cutoff_hours, terms.duration_minutes),
            (14, 24, 45)
        );
    }

    #[test]
    fn a_booking_can_change_until_the_cutoff() {
        let at = utc("2027-01-12T10:00:00Z");
        assert!(can_change(at, 24, utc("2027-01-11T10:00:00Z")));
        assert!(!can_change(at, 24, utc("2027-01-11T10:00:01Z")));
        assert!(can_change(at, 0, utc("2027-01-12T10:00:00Z")));
    }
}
