//! Splits an answer into segments so the evidence can be highlighted in
//! place: each segment is plain text, or text that earned (or lost) points.

use serde::Serialize;

use crate::scoring::{Dimension, Evidence};

#[derive(Debug, Serialize, PartialEq)]
pub struct Segment {
    pub text: String,
    /// Dimension of the evidence covering this text, for the highlight's style.
    pub class: Option<&'static str>,
    /// What the text earned, for the highlight's title.
    pub labels: Option<String>,
}

fn class(d: Dimension) -> &'static str {
    match d {
        Dimension::Empathy => "mark--empathy",
        Dimension::Curiosity => "mark--curiosity",
        Dimension::Content => "mark--content",
        Dimension::Tone => "mark--tone",
    }
}

/// Segments of `text` at every evidence boundary. Spans are byte ranges on
/// character boundaries (the scorer guarantees it); any that are not are ignored.
pub fn segments(text: &str, evidence: &[Evidence]) -> Vec<Segment> {
    let valid: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| {
            e.span.start < e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for e in &valid {
        cuts.push(e.span.start);
        cuts.push(e.span.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let covering: Vec<&&Evidence> = valid
                .iter()
                .filter(|e| e.span.start <= w[0] && w[1] <= e.span.end)
                .collect();
            // Tone problems show first: they matter most to a reviewer.
            let lead = covering
                .iter()
                .find(|e| e.dimension == Dimension::Tone)
                .or(covering.first());
            Segment {
                text: text[w[0]..w[1]].to_string(),
                class: lead.map(|e| class(e.dimension)),
                labels: (!covering.is_empty()).then(|| {
                    covering
                        .iter()
                        .map(|e| e.label.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::EvidenceKind;

    fn ev(span: std::ops::Range<usize>, dimension: Dimension) -> Evidence {
        Evidence {
            kind: EvidenceKind::Greeting,
            dimension,
            label: format!("{span:?}"),
            span,
            weight: 0.1,
        }
    }

    #[test]
    fn segments_cover_the_text_exactly_once() {
        let text = "Hi, could you send the URL?";
        let segs = segments(
            text,
            &[
                ev(0..2, Dimension::Empathy),
                ev(4..26, Dimension::Curiosity),
                ev(14..18, Dimension::Tone),
            ],
        );
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(segs[0].class, Some("mark--empathy"));
        assert!(segs
            .iter()
            .any(|s| s.text == "send" && s.class == Some("mark--tone")));
    }

    #[test]
    fn bad_spans_are_ignored() {
        let text = "héllo";
        let segs = segments(
            text,
            &[ev(1..2, Dimension::Empathy), ev(0..99, Dimension::Empathy)],
        );
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].class, None);
    }
}
