//! Combining the parts into an answer score, and answers into a
//! questionnaire result.

use serde::{Deserialize, Serialize};

use super::types::{ContentScore, Tier, ToneFlag, Weights};

/// An answer that misses a required key point scores at most this much.
///
/// The pass mark is "more than 50%" (strictly greater), so capping at 0.5
/// means such an answer can never count as a pass on its own however warm
/// and curious it is, while still contributing its half to the
/// questionnaire's share (the candidate engaged, just missed a must-have).
pub const REQUIRED_MISS_CAP: f64 = 0.5;

/// Default pass mark: passed when the share is strictly above 50%.
pub const DEFAULT_PASS_MARK: f64 = 0.5;

fn clean(w: f64) -> f64 {
    if w.is_finite() && w > 0.0 {
        w
    } else {
        0.0
    }
}

/// The weights actually applied: invalid weights count as 0; when there are
/// no key points the content weight is redistributed to empathy and
/// curiosity in proportion to theirs (equally if both are 0).
pub fn effective_weights(w: Weights, has_key_points: bool) -> Weights {
    let (mut e, mut c, mut k) = (clean(w.empathy), clean(w.curiosity), clean(w.content));
    if !has_key_points {
        if e + c > 0.0 {
            let s = e + c + k;
            e = e / (e + c) * s;
            c = s - e;
        } else {
            e = 0.5;
            c = 0.5;
        }
        k = 0.0;
    }
    let sum = e + c + k;
    if sum <= 0.0 {
        return effective_weights(Weights::GENERIC, has_key_points);
    }
    Weights {
        empathy: e / sum,
        curiosity: c / sum,
        content: k / sum,
    }
}

/// Weighted mean of the three parts minus the tone penalties, clamped to
/// [0, 1], then capped at [`REQUIRED_MISS_CAP`] if a required key point is
/// missed. Returns `(score, penalty, capped)`.
pub fn combine(
    w: Weights,
    empathy: f64,
    curiosity: f64,
    content: &ContentScore,
    tone: &[ToneFlag],
) -> (f64, f64, bool) {
    let share = content.share.unwrap_or(0.0);
    let mean = w.empathy * empathy + w.curiosity * curiosity + w.content * share;
    let penalty: f64 = tone.iter().map(|&f| super::tone::penalty(f)).sum();
    let mut score = (mean - penalty).clamp(0.0, 1.0);
    let capped = !content.required_missed.is_empty() && score > REQUIRED_MISS_CAP;
    if !content.required_missed.is_empty() {
        score = score.min(REQUIRED_MISS_CAP);
    }
    (score, penalty, capped)
}

/// Share of the maximum for one tier or overall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareResult {
    pub answered: usize,
    /// Sum of answer scores.
    pub points: f64,
    /// Maximum possible: one point per answered question.
    pub max: f64,
    pub share: f64,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierResult {
    pub tier: Tier,
    #[serde(flatten)]
    pub result: ShareResult,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireResult {
    pub pass_mark: f64,
    /// Only tiers with at least one answered question, in tier order.
    pub tiers: Vec<TierResult>,
    pub overall: ShareResult,
}

fn share(scores: impl Iterator<Item = f64>, pass_mark: f64) -> ShareResult {
    let (mut n, mut points) = (0usize, 0.0);
    for s in scores {
        n += 1;
        points += if s.is_finite() {
            s.clamp(0.0, 1.0)
        } else {
            0.0
        };
    }
    let max = n as f64;
    let share = if n == 0 { 0.0 } else { points / max };
    ShareResult {
        answered: n,
        points,
        max,
        share,
        passed: n > 0 && share > pass_mark,
    }
}

/// Share of the maximum over the answered questions, per tier and overall;
/// `passed` when the share is strictly above `pass_mark` (clamped to
/// [0, 1]; a non-finite pass mark means [`DEFAULT_PASS_MARK`]). Each item is
/// an answered question's tier and its final score (the scorer's, or a
/// reviewer's override), each worth one point.
pub fn questionnaire_result(answers: &[(Tier, f64)], pass_mark: f64) -> QuestionnaireResult {
    let pass_mark = if pass_mark.is_finite() {
        pass_mark.clamp(0.0, 1.0)
    } else {
        DEFAULT_PASS_MARK
    };
    let tiers = Tier::ALL
        .iter()
        .filter(|t| answers.iter().any(|(at, _)| at == *t))
        .map(|&tier| TierResult {
            tier,
            result: share(
                answers.iter().filter(|(t, _)| *t == tier).map(|(_, s)| *s),
                pass_mark,
            ),
        })
        .collect();
    QuestionnaireResult {
        pass_mark,
        tiers,
        overall: share(answers.iter().map(|(_, s)| *s), pass_mark),
    }
}

/// A whole screen: every submitted round's result and the overall one,
/// each from the scores that count (a reviewer's override, else the
/// scorer's). The one place where "passed" is decided, so the summary of
/// the screen, each round's badge and the stored result never disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenResult {
    /// One per submitted round, in the order given.
    pub rounds: Vec<QuestionnaireResult>,
    pub overall: QuestionnaireResult,
    /// The overall share is above the pass mark and every round passed:
    /// a strong later tier does not hide a failed earlier one.
    pub passed: bool,
}

/// Results of a screen from each submitted round's final answer scores.
pub fn screen_result(rounds: &[Vec<(Tier, f64)>], pass_mark: f64) -> ScreenResult {
    let all: Vec<(Tier, f64)> = rounds.iter().flatten().copied().collect();
    let overall = questionnaire_result(&all, pass_mark);
    let rounds: Vec<QuestionnaireResult> = rounds
        .iter()
        .map(|scores| questionnaire_result(scores, pass_mark))
        .collect();
    let passed = overall.overall.passed && rounds.iter().all(|r| r.overall.passed);
    ScreenResult {
        rounds,
        overall,
        passed,
    }
}

/// Counts spelling in the overall screen score when the job gives it a
/// weight: `(1 - w) * content + w * writing`, with `w` in 0..=1 and the
/// writing score from [`super::spelling::score_for_rate`]. Each round's
/// own result stays the answers' alone; only the overall share and
/// `passed` move. Without a weight or a measure, the result is unchanged.
pub fn with_writing(mut r: ScreenResult, writing_score: Option<f64>, weight: f64) -> ScreenResult {
    let Some(ws) = writing_score.filter(|s| s.is_finite()) else {
        return r;
    };
    if !(weight.is_finite() && weight > 0.0) || r.overall.overall.answered == 0 {
        return r;
    }
    let w = weight.min(1.0);
    let o = &mut r.overall;
    o.overall.share = (1.0 - w) * o.overall.share + w * ws.clamp(0.0, 1.0);
    o.overall.passed = o.overall.share > o.pass_mark;
    r.passed = o.overall.passed && r.rounds.iter().all(|x| x.overall.passed);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_counts_only_with_a_weight() {
        let r = screen_result(&[vec![(Tier::ONE, 0.6)]], 0.5);
        assert_eq!(with_writing(r.clone(), Some(0.0), 0.0), r);
        assert_eq!(with_writing(r.clone(), None, 0.2), r);
        let w = with_writing(r.clone(), Some(0.0), 0.2);
        assert!((w.overall.overall.share - 0.48).abs() < 1e-9);
        assert!(!w.passed);
        assert_eq!(w.rounds, r.rounds);
    }

    #[test]
    fn content_weight_redistributed_without_key_points() {
        let w = effective_weights(
            Weights {
                empathy: 0.2,
                curiosity: 0.2,
                content: 0.6,
            },
            false,
        );
        assert!(
            (w.empathy - 0.5).abs() < 1e-9 && (w.curiosity - 0.5).abs() < 1e-9 && w.content == 0.0
        );
        let w = effective_weights(
            Weights {
                empathy: f64::NAN,
                curiosity: -1.0,
                content: 0.0,
            },
            false,
        );
        assert!((w.empathy + w.curiosity - 1.0).abs() < 1e-9);
        let w = effective_weights(
            Weights {
                empathy: 1.0,
                curiosity: 1.0,
                content: 2.0,
            },
            true,
        );
        assert!((w.content - 0.5).abs() < 1e-9);
    }

    #[test]
    fn penalties_and_cap() {
        let w = effective_weights(Weights::GENERIC, true);
        let mut c = ContentScore {
            share: Some(1.0),
            ..Default::default()
        };
        let (s, p, capped) = combine(w, 1.0, 1.0, &c, &[]);
        assert!((s - 1.0).abs() < 1e-9 && p == 0.0 && !capped);
        let (s, _, _) = combine(w, 1.0, 1.0, &c, &[ToneFlag::Blame, ToneFlag::Sarcasm]);
        assert!((s - 0.4).abs() < 1e-9);
        c.required_missed.push("x".into());
        let (s, _, capped) = combine(w, 1.0, 1.0, &c, &[]);
        assert_eq!((s, capped), (REQUIRED_MISS_CAP, true));
        let (s, _, _) = combine(w, 0.0, 0.0, &c, &[ToneFlag::Blame]);
        assert_eq!(s, 0.0);
    }

    #[test]
    fn pass_mark_is_strict() {
        let r = questionnaire_result(&[(Tier::ONE, 1.0), (Tier::ONE, 0.0), (Tier::TWO, 0.8)], 0.5);
        assert_eq!(r.tiers.len(), 2);
        assert!(
            !r.tiers[0].result.passed,
            "exactly 50% is not more than 50%"
        );
        assert!(r.tiers[1].result.passed);
        assert!((r.overall.share - 0.6).abs() < 1e-9 && r.overall.passed);
        let empty = questionnaire_result(&[], DEFAULT_PASS_MARK);
        assert!(!empty.overall.passed && empty.tiers.is_empty());
        let odd = questionnaire_result(&[(Tier::THREE, f64::NAN)], f64::NAN);
        assert_eq!(odd.pass_mark, DEFAULT_PASS_MARK);
        assert_eq!(odd.overall.points, 0.0);
    }

    #[test]
    fn a_screen_passes_only_when_every_round_does() {
        let weak_tier1 = vec![(Tier::ONE, 0.2), (Tier::ONE, 0.2)];
        let strong_tier2 = vec![(Tier::TWO, 1.0), (Tier::TWO, 1.0), (Tier::TWO, 1.0)];
        let r = screen_result(&[weak_tier1.clone(), strong_tier2.clone()], 0.5);
        assert!(r.overall.overall.passed, "68% overall");
        assert!(!r.rounds[0].overall.passed);
        assert!(!r.passed, "the failed first round is not hidden");
        // A reviewer raises the first round's answers: the same function
        // now passes the round and the screen.
        let reviewed = vec![(Tier::ONE, 0.7), (Tier::ONE, 0.6)];
        let r = screen_result(&[reviewed, strong_tier2], 0.5);
        assert!(r.rounds[0].overall.passed && r.passed);
        assert!(!screen_result(&[], 0.5).passed);
    }
}
