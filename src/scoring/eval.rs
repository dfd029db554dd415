//! Agreement between the scorer and human labels: for empathy and
//! curiosity grades, quadratic-weighted Cohen's kappa, exact agreement and
//! the 3×3 confusion matrix; for key-point labels, precision, recall and F1
//! over (answer, key point) pairs and the negated or wrong statements that
//! still earned credit. Pure: callers read the files.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::types::{AnswerScore, Lang, Question, Tier};
use super::Scorer;

/// Grades are 0, 1 or 2; larger values are clamped to 2.
pub const GRADES: usize = 3;

/// `matrix[human][scorer]`.
pub fn confusion_matrix(pairs: &[(u8, u8)]) -> [[u32; GRADES]; GRADES] {
    let mut m = [[0u32; GRADES]; GRADES];
    for &(h, s) in pairs {
        m[usize::from(h.min(2))][usize::from(s.min(2))] += 1;
    }
    m
}

/// Share of pairs where both grades are equal (0 for no pairs).
pub fn exact_agreement(pairs: &[(u8, u8)]) -> f64 {
    if pairs.is_empty() {
        return 0.0;
    }
    pairs.iter().filter(|(h, s)| h.min(&2) == s.min(&2)).count() as f64 / pairs.len() as f64
}

/// Quadratic-weighted Cohen's kappa. 1 when the expected disagreement is
/// 0 and there is no observed disagreement (all pairs identical), else 0 in
/// that degenerate case; 0 for no pairs.
pub fn quadratic_weighted_kappa(pairs: &[(u8, u8)]) -> f64 {
    use crate::domain::agreement::{quadratic_kappa, Undefined};
    // One implementation of kappa (domain::agreement); score-eval reports
    // a number where that one says why there is none.
    match quadratic_kappa(pairs) {
        Ok(k) => k,
        Err(Undefined::NoData) => 0.0,
        Err(Undefined::NoVariation) => {
            if pairs.iter().all(|(a, b)| a == b) {
                1.0
            } else {
                0.0
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub n: usize,
    pub qwk: f64,
    pub exact: f64,
    /// `confusion[human][scorer]`.
    pub confusion: [[u32; GRADES]; GRADES],
}

pub fn agreement(pairs: &[(u8, u8)]) -> Agreement {
    Agreement {
        n: pairs.len(),
        qwk: quadratic_weighted_kappa(pairs),
        exact: exact_agreement(pairs),
        confusion: confusion_matrix(pairs),
    }
}

/// One graded answer, as in `shared/eval/answers.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradedAnswer {
    pub id: String,
    pub lang: Lang,
    pub tier: Tier,
    pub question: String,
    pub answer: String,
    pub empathy: u8,
    pub curiosity: u8,
}

/// Parses JSON Lines text (blank lines skipped). Errors name the 1-based line.
pub fn parse_graded_jsonl(text: &str) -> Result<Vec<GradedAnswer>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// A disagreement, with the scorer's full output for `--show-misses`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Miss {
    pub id: String,
    pub dimension: super::types::Dimension,
    pub human: u8,
    pub scorer: u8,
    pub score: AnswerScore,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    pub n: usize,
    pub empathy: Agreement,
    pub curiosity: Agreement,
    pub misses: Vec<Miss>,
}

/// Scores each graded answer with the generic detectors (no per-question
/// rubric; the record's language is the question's) and compares.
pub fn evaluate(scorer: &Scorer, graded: &[GradedAnswer]) -> EvalReport {
    let mut emp = Vec::with_capacity(graded.len());
    let mut cur = Vec::with_capacity(graded.len());
    let mut misses = Vec::new();
    for g in graded {
        let q = Question::generic(g.id.clone(), g.question.clone(), g.tier, Some(g.lang));
        let s = scorer.score(&q, &g.answer);
        emp.push((g.empathy, s.empathy.grade));
        cur.push((g.curiosity, s.curiosity.grade));
        for (dim, human, got) in [
            (super::types::Dimension::Empathy, g.empathy, s.empathy.grade),
            (
                super::types::Dimension::Curiosity,
                g.curiosity,
                s.curiosity.grade,
            ),
        ] {
            if human != got {
                misses.push(Miss {
                    id: g.id.clone(),
                    dimension: dim,
                    human,
                    scorer: got,
                    score: s.clone(),
                });
            }
        }
    }
    EvalReport {
        n: graded.len(),
        empathy: agreement(&emp),
        curiosity: agreement(&cur),
        misses,
    }
}

/// A human's verdict on one key point of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyPointLabel {
    Covered,
    NotCovered,
}

/// One answer labelled per key point: which points it covers, and which
/// it negates or states wrongly (`negated`, a subset of the not covered).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelledAnswer {
    pub id: String,
    pub questionnaire: String,
    pub question: String,
    #[serde(default)]
    pub lang: Option<Lang>,
    pub answer: String,
    pub key_points: BTreeMap<String, KeyPointLabel>,
    #[serde(default)]
    pub negated: Vec<String>,
}

/// One line of an evaluation file: graded for empathy and curiosity, or
/// labelled per key point (a file may mix both).
#[derive(Debug, Clone, PartialEq)]
pub enum EvalRecord {
    Graded(GradedAnswer),
    KeyPoints(LabelledAnswer),
}

/// Parses JSON Lines where each line is either kind: a line with
/// `key_points` is a key-point label, any other a graded answer. Errors
/// name the 1-based line.
pub fn parse_eval_jsonl(text: &str) -> Result<Vec<EvalRecord>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let v: serde_json::Value =
                serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1))?;
            let r = if v.get("key_points").is_some() {
                serde_json::from_value(v).map(EvalRecord::KeyPoints)
            } else {
                serde_json::from_value(v).map(EvalRecord::Graded)
            };
            r.map_err(|e| format!("line {}: {e}", i + 1))
        })
        .collect()
}

/// Counts over (answer, key point) pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyPointCounts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
    /// Pairs labelled as negated or wrongly stated.
    pub negated: usize,
    /// Of those, the ones the scorer credited.
    pub negated_credited: usize,
}

impl KeyPointCounts {
    /// 1 when nothing was credited (no false credit either).
    pub fn precision(&self) -> f64 {
        let credited = self.true_positives + self.false_positives;
        if credited == 0 {
            return 1.0;
        }
        self.true_positives as f64 / credited as f64
    }
    /// 1 when nothing was to be found.
    pub fn recall(&self) -> f64 {
        let expected = self.true_positives + self.false_negatives;
        if expected == 0 {
            return 1.0;
        }
        self.true_positives as f64 / expected as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, human: bool, scorer: bool, negated: bool) {
        match (human, scorer) {
            (true, true) => self.true_positives += 1,
            (false, true) => self.false_positives += 1,
            (true, false) => self.false_negatives += 1,
            (false, false) => self.true_negatives += 1,
        }
        if negated {
            self.negated += 1;
            self.negated_credited += usize::from(scorer);
        }
    }
}

/// Precision, recall and F1 with their counts, as reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPointFigures {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    #[serde(flatten)]
    pub counts: KeyPointCounts,
}

impl From<KeyPointCounts> for KeyPointFigures {
    fn from(c: KeyPointCounts) -> Self {
        KeyPointFigures {
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
            counts: c,
        }
    }
}

/// A pair where the scorer and the label disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPointError {
    pub id: String,
    pub questionnaire: String,
    pub question: String,
    pub key_point: String,
    /// `true`: credited but labelled not covered; `false`: missed.
    pub false_credit: bool,
    /// Labelled as negated or wrongly stated.
    pub negated: bool,
    /// For a false credit, the evidence label and the quoted words; for a
    /// miss, the matcher's reason (empty when it gives none).
    pub detail: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPointReport {
    pub answers: usize,
    pub overall: KeyPointFigures,
    pub questionnaires: BTreeMap<String, KeyPointFigures>,
    pub errors: Vec<KeyPointError>,
}

/// Scores each labelled answer against its question (found by
/// `question(questionnaire id, question id)`) and compares per key point.
/// Fails on an unknown questionnaire, question or key point.
pub fn evaluate_key_points<'q>(
    scorer: &Scorer,
    labelled: &[LabelledAnswer],
    question: impl Fn(&str, &str) -> Option<&'q Question>,
) -> Result<KeyPointReport, String> {
    let mut overall = KeyPointCounts::default();
    let mut per: BTreeMap<String, KeyPointCounts> = BTreeMap::new();
    let mut errors = Vec::new();
    for l in labelled {
        let q = question(&l.questionnaire, &l.question).ok_or_else(|| {
            format!(
                "{}: no question '{}' in questionnaire '{}'",
                l.id, l.question, l.questionnaire
            )
        })?;
        let kps = q
            .rubric
            .as_ref()
            .map(|r| r.key_points.as_slice())
            .unwrap_or(&[]);
        for id in l.key_points.keys().chain(&l.negated) {
            if !kps.iter().any(|k| &k.id == id) {
                return Err(format!(
                    "{}: question '{}' has no key point '{id}'",
                    l.id, l.question
                ));
            }
        }
        let s = scorer.score(q, &l.answer);
        for (id, label) in &l.key_points {
            let human = *label == KeyPointLabel::Covered;
            let got = s.content.covered.contains(id);
            let negated = l.negated.contains(id);
            overall.add(human, got, negated);
            per.entry(l.questionnaire.clone())
                .or_default()
                .add(human, got, negated);
            if human == got {
                continue;
            }
            let detail = if got {
                let kp = kps.iter().find(|k| &k.id == id).map(|k| k.label.as_str());
                s.evidence
                    .iter()
                    .filter(|e| e.kind == super::types::EvidenceKind::KeyPoint)
                    .find(|e| {
                        kp.is_some_and(|k| {
                            e.label
                                .strip_prefix("covers key point: ")
                                .is_some_and(|rest| rest.starts_with(k))
                        })
                    })
                    .map(|e| {
                        format!(
                            "{}: \u{201c}{}\u{201d}",
                            e.label,
                            l.answer.get(e.span.clone()).unwrap_or("")
                        )
                    })
                    .unwrap_or_default()
            } else {
                s.content.miss_reasons.get(id).cloned().unwrap_or_default()
            };
            errors.push(KeyPointError {
                id: l.id.clone(),
                questionnaire: l.questionnaire.clone(),
                question: l.question.clone(),
                key_point: id.clone(),
                false_credit: got,
                negated,
                detail,
                answer: l.answer.clone(),
            });
        }
    }
    Ok(KeyPointReport {
        answers: labelled.len(),
        overall: overall.into(),
        questionnaires: per.into_iter().map(|(k, v)| (k, v.into())).collect(),
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_chance_agreement() {
        let perfect = [(0, 0), (1, 1), (2, 2), (2, 2)];
        assert!((quadratic_weighted_kappa(&perfect) - 1.0).abs() < 1e-12);
        assert_eq!(exact_agreement(&perfect), 1.0);
        let inverted = [(0, 2), (2, 0)];
        assert!(quadratic_weighted_kappa(&inverted) < 0.0);
        assert_eq!(quadratic_weighted_kappa(&[]), 0.0);
        assert_eq!(quadratic_weighted_kappa(&[(1, 1), (1, 1)]), 1.0);
    }

    #[test]
    fn known_kappa_value() {
        // Hand-computed: matrix [[1,1,0],[0,1,0],[0,1,1]], n=5.
        let pairs = [(0, 0), (0, 1), (1, 1), (2, 1), (2, 2)];
        let m = confusion_matrix(&pairs);
        assert_eq!(m, [[1, 1, 0], [0, 1, 0], [0, 1, 1]]);
        // observed = 0.25 * 2 = 0.5; h = [2,1,2], s = [1,3,1]; expected =
        // (0.25 * (2*3 + 1*1 + 1*1 + 2*3) + 1 * (2*1 + 2*1)) / 5 = 1.5
        assert!((quadratic_weighted_kappa(&pairs) - 2.0 / 3.0).abs() < 1e-12);
        assert!((exact_agreement(&pairs) - 0.6).abs() < 1e-12);
    }

    #[test]
    fn parses_jsonl_with_line_numbers() {
        let ok = r#"{"id":"a","lang":"fr","tier":2,"question":"q","answer":"r","empathy":1,"curiosity":0}"#;
        assert_eq!(
            parse_graded_jsonl(&format!("{ok}\n\n{ok}\n"))
                .unwrap()
                .len(),
            2
        );
        let err = parse_graded_jsonl(&format!("{ok}\n{{\"id\":1}}")).unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
    }

    fn labelled(id: &str, answer: &str, kps: &[(&str, bool)], negated: &[&str]) -> LabelledAnswer {
        LabelledAnswer {
            id: id.into(),
            questionnaire: "qn".into(),
            question: "q".into(),
            lang: Some(Lang::En),
            answer: answer.into(),
            key_points: kps
                .iter()
                .map(|(k, c)| {
                    let l = if *c {
                        KeyPointLabel::Covered
                    } else {
                        KeyPointLabel::NotCovered
                    };
                    (k.to_string(), l)
                })
                .collect(),
            negated: negated.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn refund_question() -> Question {
        let mut q = Question::generic("q", "Can I get my money back?", Tier::ONE, Some(Lang::En));
        q.rubric = Some(super::super::types::Rubric {
            key_points: vec![super::super::types::KeyPoint {
                id: "refund".into(),
                label: "Says the charge is refunded within 30 days".into(),
                phrasings: vec![],
                required: true,
                examples: vec![],
            }],
            ..Default::default()
        });
        q
    }

    #[test]
    fn parses_a_file_mixing_both_kinds() {
        let graded = r#"{"id":"a","lang":"fr","tier":2,"question":"q","answer":"r","empathy":1,"curiosity":0}"#;
        let kp = r#"{"id":"b","questionnaire":"qn","question":"q","lang":"en","answer":"x","key_points":{"refund":"covered","other":"not_covered"},"negated":["other"]}"#;
        let recs = parse_eval_jsonl(&format!("{graded}\n{kp}\n")).unwrap();
        assert!(matches!(recs[0], EvalRecord::Graded(_)));
        let EvalRecord::KeyPoints(l) = &recs[1] else {
            panic!("{recs:?}")
        };
        assert_eq!(l.key_points["other"], KeyPointLabel::NotCovered);
        assert_eq!(l.negated, ["other"]);
        let bad = r#"{"id":"c","questionnaire":"qn","question":"q","answer":"x","key_points":{"k":"maybe"}}"#;
        let err = parse_eval_jsonl(&format!("{graded}\n{bad}")).unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
    }

    #[test]
    fn key_point_counts_give_precision_recall_and_f1() {
        let mut c = KeyPointCounts::default();
        for (h, s, n) in [
            (true, true, false),
            (true, true, false),
            (true, false, false),
            (false, true, true),
            (false, false, true),
            (false, false, false),
        ] {
            c.add(h, s, n);
        }
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((c.negated, c.negated_credited), (2, 1));
        assert_eq!(KeyPointCounts::default().f1(), 1.0);
    }

    #[test]
    fn key_point_evaluation_reports_false_credits_and_misses() {
        let q = refund_question();
        let lookup = |qn: &str, id: &str| (qn == "qn" && id == "q").then_some(&q);
        let data = [
            labelled(
                "ok",
                "The charge is refunded within 30 days.",
                &[("refund", true)],
                &[],
            ),
            labelled(
                "wrong",
                "The charge is refunded within 14 days.",
                &[("refund", false)],
                &["refund"],
            ),
            labelled("none", "Thanks for writing in.", &[("refund", true)], &[]),
        ];
        let r = evaluate_key_points(&Scorer::new(), &data, lookup).unwrap();
        assert_eq!(r.answers, 3);
        assert_eq!(r.overall.counts.true_positives, 1);
        assert_eq!(r.overall.counts.false_negatives, 1);
        assert_eq!(r.overall.counts.negated, 1);
        assert_eq!(r.overall.counts.negated_credited, 0);
        assert_eq!(r.questionnaires["qn"].counts.true_negatives, 1);
        let miss = r.errors.iter().find(|e| e.id == "none").unwrap();
        assert!(!miss.false_credit);
        assert!(!miss.detail.is_empty());
        let err = evaluate_key_points(
            &Scorer::new(),
            &[labelled("x", "a", &[("nope", true)], &[])],
            lookup,
        )
        .unwrap_err();
        assert!(err.contains("no key point 'nope'"), "{err}");
    }
}
