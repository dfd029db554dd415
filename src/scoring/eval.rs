//! Agreement between the scorer and human grades: quadratic-weighted
//! Cohen's kappa, exact agreement and the 3×3 confusion matrix, over
//! in-memory pairs. Pure: callers read the files.

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
    let n = pairs.len() as f64;
    if pairs.is_empty() {
        return 0.0;
    }
    let m = confusion_matrix(pairs);
    let k = GRADES;
    let mut hist_h = [0f64; GRADES];
    let mut hist_s = [0f64; GRADES];
    for (i, row) in m.iter().enumerate() {
        for (j, &c) in row.iter().enumerate() {
            hist_h[i] += f64::from(c);
            hist_s[j] += f64::from(c);
        }
    }
    let (mut obs, mut exp) = (0.0, 0.0);
    for i in 0..k {
        for j in 0..k {
            let w = ((i as f64 - j as f64) / (k as f64 - 1.0)).powi(2);
            obs += w * f64::from(m[i][j]);
            exp += w * hist_h[i] * hist_s[j] / n;
        }
    }
    if exp == 0.0 {
        return if obs == 0.0 { 1.0 } else { 0.0 };
    }
    1.0 - obs / exp
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
}
