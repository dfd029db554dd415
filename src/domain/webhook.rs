//! Webhooks as an owner registers them: the events one can subscribe to,
//! and an endpoint parsed from what was typed. What each event's payload
//! carries is listed in the README ("Webhooks"): ids, stage codes and
//! scores, never a candidate's name, email or words.

use super::FieldError;
use crate::i18n::Message;

const MAX_URL_CHARS: usize = 2000;

/// Something that happened, as its stable code names it in payloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    ApplicationCreated,
    ApplicationStageChanged,
    ScreenScored,
    DecisionMade,
    CandidateErased,
    /// Sent only by the "Send test event" button, to the one endpoint.
    Ping,
}

impl Event {
    /// The events an endpoint can subscribe to (a ping needs no subscription).
    pub const SUBSCRIBABLE: [Event; 5] = [
        Event::ApplicationCreated,
        Event::ApplicationStageChanged,
        Event::ScreenScored,
        Event::DecisionMade,
        Event::CandidateErased,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::ApplicationCreated => "application.created",
            Event::ApplicationStageChanged => "application.stage_changed",
            Event::ScreenScored => "screen.scored",
            Event::DecisionMade => "decision.made",
            Event::CandidateErased => "candidate.erased",
            Event::Ping => "ping",
        }
    }

    pub fn label(self) -> Message {
        Message::new(match self {
            Event::ApplicationCreated => "staff-webhook-event-application-created",
            Event::ApplicationStageChanged => "staff-webhook-event-application-stage-changed",
            Event::ScreenScored => "staff-webhook-event-screen-scored",
            Event::DecisionMade => "staff-webhook-event-decision-made",
            Event::CandidateErased => "staff-webhook-event-candidate-erased",
            Event::Ping => "staff-webhook-event-ping",
        })
    }

    pub fn parse(raw: &str) -> Option<Event> {
        Event::SUBSCRIBABLE
            .into_iter()
            .chain([Event::Ping])
            .find(|e| e.as_str() == raw.trim())
    }
}

/// The subscribed events as stored: codes joined by commas.
pub fn events_to_stored(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| e.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The stored list back; unknown codes (from a later version) are dropped.
pub fn events_from_stored(stored: &str) -> Vec<Event> {
    stored.split(',').filter_map(Event::parse).collect()
}

/// An endpoint's settings as typed: where to post, which events, and
/// whether it is active.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointSettings {
    pub url: url::Url,
    pub events: Vec<Event>,
    pub active: bool,
}

impl EndpointSettings {
    /// Every problem with what was typed, by field.
    pub fn parse(
        url: &str,
        events: &[String],
        active: bool,
    ) -> Result<EndpointSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let url = url.trim();
        let parsed = url::Url::parse(url).ok().filter(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty())
                && u.username().is_empty()
                && u.password().is_none()
        });
        if parsed.is_none() || url.chars().count() > MAX_URL_CHARS {
            errors.push(FieldError::localized("url", "staff-error-webhook-url"));
        }
        let mut chosen = Vec::new();
        for raw in events {
            match Event::parse(raw).filter(|e| Event::SUBSCRIBABLE.contains(e)) {
                Some(e) if !chosen.contains(&e) => chosen.push(e),
                Some(_) => {}
                None => {
                    errors.push(FieldError::localized(
                        "events",
                        "staff-error-webhook-event-unknown",
                    ));
                    break;
                }
            }
        }
        if chosen.is_empty() && errors.iter().all(|e| e.field != "events") {
            errors.push(FieldError::localized(
                "events",
                "staff-error-webhook-no-event",
            ));
        }
        // The order of the list, whatever order they were sent in.
        chosen.sort_by_key(|e| Event::SUBSCRIBABLE.iter().position(|s| s == e));
        match parsed {
            Some(url) if errors.is_empty() => Ok(EndpointSettings {
                url,
                events: chosen,
                active,
            }),
            _ => Err(errors),
        }
    }
}

/// The body of a delivery: the same envelope for every event.
pub fn envelope(
    id: &str,
    event: Event,
    created_at: chrono::NaiveDateTime,
    data: serde_json::Value,
) -> serde_json::Value {
    serde_json::json!({
        "id": id,
        "type": event.as_str(),
        "created_at": created_at.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "data": data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn endpoints_need_a_web_address_and_events() {
        let ok = EndpointSettings::parse(
            " https://hooks.example.com/rapport ",
            &strings(&["screen.scored", "application.created", "screen.scored"]),
            true,
        )
        .unwrap();
        assert_eq!(ok.url.as_str(), "https://hooks.example.com/rapport");
        assert_eq!(
            ok.events,
            vec![Event::ApplicationCreated, Event::ScreenScored]
        );
        for bad in [
            "ftp://x.example",
            "hooks.example.com",
            "https://u:p@x.example/",
            "",
        ] {
            let errors = EndpointSettings::parse(bad, &strings(&["ping.x", "decision.made"]), true)
                .unwrap_err();
            assert!(errors.iter().any(|e| e.field == "url"), "{bad}");
        }
        let errors = EndpointSettings::parse("https://x.example", &[], false).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "events");
        // A ping is not something to subscribe to.
        assert!(EndpointSettings::parse("https://x.example", &strings(&["ping"]), true).is_err());
    }

    #[test]
    fn events_round_trip_through_storage() {
        let all = Event::SUBSCRIBABLE.to_vec();
        assert_eq!(events_from_stored(&events_to_stored(&all)), all);
        assert_eq!(
            events_from_stored("decision.made,later.event"),
            vec![Event::DecisionMade]
        );
    }

    #[test]
    fn the_envelope_is_iso_8601_utc() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_micro_opt(9, 5, 7, 120)
            .unwrap();
        let body = envelope("d1", Event::Ping, at, serde_json::json!({}));
        assert_eq!(body["created_at"], "2026-12-03T09:05:07Z");
        assert_eq!(body["type"], "ping");
        assert_eq!(body["id"], "d1");
    }
}
