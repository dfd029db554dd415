//! How spelling is shown to reviewers: the rate in words, the slipped
//! words, and a text split so each slip can be marked in place.

use serde_json::{json, Value};

use crate::i18n::Message;
use crate::scoring::spelling::Writing;

/// "2.5 slips per 100 words", "1 slip per 100 words", "no slips".
pub fn rate_words(per_100: f64) -> String {
    if per_100 <= 0.0 {
        return super::words(&Message::new("staff-writing-no-slips"));
    }
    if per_100 == 1.0 {
        return super::words(&Message::new("staff-writing-one-slip"));
    }
    let rate = if per_100.fract() == 0.0 {
        format!("{per_100:.0}")
    } else {
        format!("{per_100:.1}")
    };
    super::words(&Message::new("staff-writing-slips").arg("rate", rate))
}

pub fn view(w: &Writing) -> Value {
    json!({
        "rate": rate_words(w.per_100),
        "words": w.words,
        "slips": w.slips.iter().map(|s| s.word.clone()).collect::<Vec<_>>(),
    })
}

/// `text` cut at every slip; slip ranges off a char boundary are ignored.
pub fn segments(text: &str, w: &Writing) -> Vec<Value> {
    let mut out = Vec::new();
    let mut at = 0;
    for s in &w.slips {
        if s.start < at
            || s.end > text.len()
            || s.start >= s.end
            || !text.is_char_boundary(s.start)
            || !text.is_char_boundary(s.end)
        {
            continue;
        }
        if s.start > at {
            out.push(json!({ "text": &text[at..s.start] }));
        }
        out.push(json!({ "text": &text[s.start..s.end], "slip": true }));
        at = s.end;
    }
    if at < text.len() {
        out.push(json!({ "text": &text[at..] }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::spelling::Slip;

    #[test]
    fn rate_in_words() {
        assert_eq!(rate_words(0.0), "no spelling slips");
        assert_eq!(rate_words(1.0), "1 slip per 100 words");
        assert_eq!(rate_words(2.5), "2.5 slips per 100 words");
        assert_eq!(rate_words(4.0), "4 slips per 100 words");
    }

    #[test]
    fn slips_cut_in_place() {
        let w = Writing {
            words: 2,
            slips: vec![Slip {
                start: 2,
                end: 6,
                word: "tres".into(),
            }],
            per_100: 50.0,
        };
        let s = segments("a tres.", &w);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1]["text"], "tres");
        assert_eq!(s[1]["slip"], true);
    }
}
