//! Review mode (issue 10): people grade screening answers blind, on the
//! scorer's own guide, and the answer's score combines their grades with
//! the automatic one. Pure: the grades, their validation, how they turn
//! into a score, the reviewer's private order and calibration.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::FieldError;
use crate::i18n::Message;
use crate::scoring::types::Weights;
use crate::scoring::verdict::REQUIRED_MISS_CAP;

/// The grading guide reviewers and the scorer share, kept as data.
pub const GUIDE: &str = include_str!("../../data/review_guide.md");

/// Bounds of the job settings, so a form cannot ask for absurd values.
pub const MAX_REVIEWS_NEEDED: u8 = 5;
pub const MAX_AUTO_WEIGHT: u8 = 5;

/// A job's review mode settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReviewSettings {
    pub enabled: bool,
    /// Reviews each answer needs.
    pub reviews_needed: u8,
    /// How many reviewers the automatic score counts as; 0 leaves it out
    /// once an answer has a human review.
    pub auto_weight: u8,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            reviews_needed: 2,
            auto_weight: 1,
        }
    }
}

impl ReviewSettings {
    /// From the job editor's form fields.
    pub fn parse(
        enabled: bool,
        reviews_needed: &str,
        auto_weight: &str,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let needed = reviews_needed
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=MAX_REVIEWS_NEEDED).contains(n));
        if needed.is_none() {
            errors.push(FieldError::of(
                "reviews_needed",
                Message::new("staff-error-review-reviews-needed").count("max", MAX_REVIEWS_NEEDED),
            ));
        }
        let weight = auto_weight
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|n| *n <= MAX_AUTO_WEIGHT);
        if weight.is_none() {
            errors.push(FieldError::of(
                "auto_weight",
                Message::new("staff-error-review-auto-weight").count("max", MAX_AUTO_WEIGHT),
            ));
        }
        match (needed, weight) {
            (Some(reviews_needed), Some(auto_weight)) => Ok(Self {
                enabled,
                reviews_needed,
                auto_weight,
            }),
            _ => Err(errors),
        }
    }
}

/// One person's grades of one answer, on the scorer's scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grades {
    pub empathy: u8,
    pub curiosity: u8,
    /// Ids of the key points found covered, in the question's order.
    pub covered: Vec<String>,
}

impl Grades {
    /// From a review form. `key_points` are the question's key point ids:
    /// a ticked id that is not one of them is refused (a stale or forged
    /// form), not silently dropped.
    pub fn parse(
        empathy: &str,
        curiosity: &str,
        covered: &[String],
        key_points: &[String],
    ) -> Result<Self, Vec<FieldError>> {
        let grade = |s: &str| s.trim().parse::<u8>().ok().filter(|g| *g <= 2);
        let mut errors = Vec::new();
        let e = grade(empathy);
        if e.is_none() {
            errors.push(FieldError::localized(
                "empathy",
                "staff-error-review-empathy",
            ));
        }
        let c = grade(curiosity);
        if c.is_none() {
            errors.push(FieldError::localized(
                "curiosity",
                "staff-error-review-curiosity",
            ));
        }
        if covered.iter().any(|k| !key_points.contains(k)) {
            errors.push(FieldError::localized(
                "covered",
                "staff-error-review-covered",
            ));
        }
        match (e, c, errors.is_empty()) {
            (Some(empathy), Some(curiosity), true) => Ok(Self {
                empathy,
                curiosity,
                covered: key_points
                    .iter()
                    .filter(|k| covered.contains(k))
                    .cloned()
                    .collect(),
            }),
            _ => Err(errors),
        }
    }

    /// The grades agreed for an exemplar answer: a strong exemplar is 2/2
    /// and covers every key point, a weak one 0/0 and covers none.
    pub fn agreed(kind: ExemplarKind, key_points: &[String]) -> Self {
        match kind {
            ExemplarKind::Strong => Self {
                empathy: 2,
                curiosity: 2,
                covered: key_points.to_vec(),
            },
            ExemplarKind::Weak => Self {
                empathy: 0,
                curiosity: 0,
                covered: Vec::new(),
            },
        }
    }

    /// The answer score these grades give, with the weights the scorer
    /// applied to the same answer: the weighted mean of empathy/2,
    /// curiosity/2 and the share of key points covered, capped like the
    /// scorer's when a required key point is missing. Tone penalties are
    /// the scorer's own reading; a person's grades already include tone.
    pub fn score(&self, weights: Weights, key_points: &[String], required: &[String]) -> f64 {
        let share = if key_points.is_empty() {
            0.0
        } else {
            self.covered.len() as f64 / key_points.len() as f64
        };
        let sum = weights.empathy + weights.curiosity + weights.content;
        let sum = if sum > 0.0 { sum } else { 1.0 };
        let mean = (weights.empathy * f64::from(self.empathy) / 2.0
            + weights.curiosity * f64::from(self.curiosity) / 2.0
            + weights.content * share)
            / sum;
        let mut score = mean.clamp(0.0, 1.0);
        if required.iter().any(|r| !self.covered.contains(r)) {
            score = score.min(REQUIRED_MISS_CAP);
        }
        score
    }
}

/// What kind of exemplar answer a calibration item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExemplarKind {
    Strong,
    Weak,
}

/// An answer's score once people reviewed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    pub score: f64,
    /// The result's formula in words, with its numbers.
    pub words: Message,
}

/// Combines the automatic score with the reviewers' scores: a weighted
/// mean where the automatic score counts as `auto_weight` reviewers and
/// each person as one. Without any review the automatic score stands; with
/// a weight of 0 and reviews, only people count.
pub fn combine(auto: f64, auto_weight: u8, humans: &[f64]) -> Combined {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    if humans.is_empty() {
        return Combined {
            score: auto,
            words: Message::new("staff-review-combined-alone").arg("auto", pct(auto)),
        };
    }
    let w = f64::from(auto_weight);
    let total = w + humans.len() as f64;
    let score = (auto * w + humans.iter().sum::<f64>()) / total;
    let people = humans.iter().map(|h| pct(*h)).collect::<Vec<_>>();
    let words = Message::new(if auto_weight == 0 {
        "staff-review-combined-people"
    } else {
        "staff-review-combined-weighted"
    })
    .count("reviewers", humans.len() as i64)
    .arg("people", people.join(", "))
    .arg("sum", people.join(" + "))
    .arg("auto", pct(auto))
    .count("weight", auto_weight)
    .arg("total", total)
    .arg("score", pct(score));
    Combined { score, words }
}

/// Where an answer comes in one reviewer's order: a hash of the reviewer
/// and the answer, so each reviewer gets an order of their own (no answer
/// is always read first) that stays the same on every reload.
pub fn order_key(reviewer_id: &str, answer_id: &str) -> u64 {
    let mut h = Sha256::new();
    h.update(b"rapport review order\0");
    h.update(reviewer_id.as_bytes());
    h.update(b"\0");
    h.update(answer_id.as_bytes());
    let d = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&d[..8]);
    u64::from_be_bytes(first)
}

/// One exemplar graded during calibration, beside its agreed grades.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalibrationItem {
    pub kind: ExemplarKind,
    pub yours: Grades,
    pub agreed: Grades,
}

impl CalibrationItem {
    /// How far the reviewer is from the agreed grades: grade steps on
    /// empathy and curiosity plus key points judged differently.
    pub fn distance(&self) -> u32 {
        let steps = u32::from(self.yours.empathy.abs_diff(self.agreed.empathy))
            + u32::from(self.yours.curiosity.abs_diff(self.agreed.curiosity));
        let only_yours = self
            .yours
            .covered
            .iter()
            .filter(|k| !self.agreed.covered.contains(k))
            .count();
        let only_agreed = self
            .agreed
            .covered
            .iter()
            .filter(|k| !self.yours.covered.contains(k))
            .count();
        steps + (only_yours + only_agreed) as u32
    }
}

/// A calibration in words: how many exemplars matched exactly.
pub fn calibration_summary(items: &[CalibrationItem]) -> Message {
    let exact = items.iter().filter(|i| i.distance() == 0).count();
    let lenient = items
        .iter()
        .filter(|i| {
            u16::from(i.yours.empathy) + u16::from(i.yours.curiosity)
                > u16::from(i.agreed.empathy) + u16::from(i.agreed.curiosity)
        })
        .count();
    let strict = items
        .iter()
        .filter(|i| {
            u16::from(i.yours.empathy) + u16::from(i.yours.curiosity)
                < u16::from(i.agreed.empathy) + u16::from(i.agreed.curiosity)
        })
        .count();
    Message::new("staff-review-calibration-summary")
        .count("exact", exact as i64)
        .count("total", items.len() as i64)
        .count("lenient", lenient as i64)
        .count("strict", strict as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kps() -> Vec<String> {
        vec!["a".into(), "b".into()]
    }

    #[test]
    fn settings_default_and_bounds() {
        let d = ReviewSettings::default();
        assert_eq!((d.enabled, d.reviews_needed, d.auto_weight), (false, 2, 1));
        let s = ReviewSettings::parse(true, " 3 ", "0").unwrap();
        assert_eq!((s.enabled, s.reviews_needed, s.auto_weight), (true, 3, 0));
        let e = ReviewSettings::parse(true, "0", "9").unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(ReviewSettings::parse(true, "two", "1").is_err());
        assert!(ReviewSettings::parse(true, "6", "1").is_err());
    }

    #[test]
    fn grades_parse_and_refuse() {
        let g = Grades::parse("2", "1", &["b".into(), "a".into()], &kps()).unwrap();
        assert_eq!(g.covered, vec!["a".to_string(), "b".to_string()]);
        assert_eq!((g.empathy, g.curiosity), (2, 1));
        let e = Grades::parse("3", "", &["zzz".into()], &kps()).unwrap_err();
        let fields: Vec<_> = e.iter().map(|f| f.field).collect();
        assert_eq!(fields, vec!["empathy", "curiosity", "covered"]);
        assert!(Grades::parse("-1", "0", &[], &kps()).is_err());
    }

    #[test]
    fn human_score_uses_the_scorers_weights_and_cap() {
        let w = Weights {
            empathy: 0.4,
            curiosity: 0.4,
            content: 0.2,
        };
        let full = Grades::agreed(ExemplarKind::Strong, &kps());
        assert!((full.score(w, &kps(), &[]) - 1.0).abs() < 1e-12);
        assert_eq!(
            Grades::agreed(ExemplarKind::Weak, &kps()).score(w, &kps(), &[]),
            0.0
        );
        let half = Grades {
            empathy: 1,
            curiosity: 2,
            covered: vec!["a".into()],
        };
        // 0.4 × 0.5 + 0.4 × 1 + 0.2 × 0.5 = 0.7
        assert!((half.score(w, &kps(), &[]) - 0.7).abs() < 1e-12);
        // Missing the required key point "b" caps the score.
        assert_eq!(half.score(w, &kps(), &["b".into()]), REQUIRED_MISS_CAP);
        // Unnormalised weights are divided by their sum.
        let w2 = Weights {
            empathy: 2.0,
            curiosity: 2.0,
            content: 1.0,
        };
        assert!((half.score(w2, &kps(), &[]) - 0.7).abs() < 1e-12);
    }

    #[test]
    fn combination_counts_the_scorer_as_configured() {
        let c = combine(0.4, 1, &[0.6, 0.8]);
        assert!((c.score - 0.6).abs() < 1e-12);
        assert_eq!(
            c.words.english(),
            "The mean of 2 reviewers' scores (60%, 80%) and the automatic score (40%), \
             which counts as one reviewer: (60% + 80% + 40% × 1) ÷ 3 = 60%."
        );
        let c = combine(0.4, 2, &[1.0]);
        assert!((c.score - 0.6).abs() < 1e-12);
        assert!(c.words.english().contains("one reviewer's score (100%)"));
        assert!(c.words.english().contains("counts as 2 reviewers"));
        let c = combine(0.4, 0, &[0.9, 0.7]);
        assert!((c.score - 0.8).abs() < 1e-12);
        assert_eq!(
            c.words.english(),
            "The mean of 2 reviewers' scores (90%, 70%); the automatic score (40%) does not \
             count: 80%."
        );
        let c = combine(0.4, 0, &[]);
        assert_eq!(c.score, 0.4);
        assert_eq!(
            c.words.english(),
            "No review yet: the automatic score stands, 40%."
        );
    }

    #[test]
    fn order_is_stable_and_differs_between_reviewers() {
        let answers: Vec<String> = (0..20).map(|i| format!("answer-{i}")).collect();
        let order = |r: &str| {
            let mut v = answers.clone();
            v.sort_by_key(|a| order_key(r, a));
            v
        };
        assert_eq!(order("ann"), order("ann"));
        assert_ne!(order("ann"), order("bob"));
        assert_ne!(order("ann"), answers);
    }

    #[test]
    fn calibration_compares_with_agreed_grades() {
        let strong = CalibrationItem {
            kind: ExemplarKind::Strong,
            yours: Grades {
                empathy: 2,
                curiosity: 1,
                covered: vec!["a".into()],
            },
            agreed: Grades::agreed(ExemplarKind::Strong, &kps()),
        };
        assert_eq!(strong.distance(), 2);
        let weak = CalibrationItem {
            kind: ExemplarKind::Weak,
            yours: Grades::agreed(ExemplarKind::Weak, &kps()),
            agreed: Grades::agreed(ExemplarKind::Weak, &kps()),
        };
        assert_eq!(weak.distance(), 0);
        let s = calibration_summary(&[strong, weak]).english();
        assert_eq!(
            s,
            "You matched the agreed grades exactly on 1 of 2 exemplar answers. You graded 1 \
             lower than agreed."
        );
    }
}
