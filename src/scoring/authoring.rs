//! What an author needs to know about a questionnaire before candidates
//! see it: which key points the exemplar answers cover as Rapport reads
//! them, which key points are too vague to check, and which phrasings are
//! too rich for the matcher. `rapport questionnaire check` and the editor
//! both report exactly these, so a file and a page never disagree.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::content::{exceeds_expansion_cap, MAX_EXPANSIONS};
use super::from_domain;
use super::text::{words, Folded};
use super::Scorer;
use crate::domain::questionnaire::{question_name, Part, Problem, Questionnaire};
use crate::i18n::Message;

/// How one key point fares against the question's exemplar answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointCheck {
    pub key_point_id: String,
    pub label: String,
    pub required: bool,
    /// Per strong exemplar, in order: whether it earns the key point.
    pub strong: Vec<bool>,
    /// Per weak exemplar, in order: whether it earns the key point.
    pub weak: Vec<bool>,
    /// The label (and its examples) name nothing an answer could be
    /// checked for ("Is helpful").
    pub vague: bool,
}

impl PointCheck {
    /// Strong exemplars earn it and weak ones don't: the point separates
    /// good answers from poor ones. `None` without exemplars to judge by.
    pub fn separates(&self) -> Option<bool> {
        if self.strong.is_empty() {
            return None;
        }
        Some(self.strong.iter().any(|c| *c) && !self.weak.iter().any(|c| *c))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionCheck {
    pub question_id: String,
    pub points: Vec<PointCheck>,
}

/// Words that say how an answer should sound, not what it says, per
/// language (data/vague/), plus the language's stop words and label verbs.
struct VagueWords {
    en: HashSet<String>,
    fr: HashSet<String>,
}

fn word_list(texts: &[&str]) -> HashSet<String> {
    texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| Folded::new(l).as_str().to_string())
        .collect()
}

static VAGUE: LazyLock<VagueWords> = LazyLock::new(|| VagueWords {
    en: word_list(&[
        include_str!("../../data/vague/en.txt"),
        include_str!("../../data/stopwords/en.txt"),
        include_str!("../../data/label-verbs/en.txt"),
    ]),
    fr: word_list(&[
        include_str!("../../data/vague/fr.txt"),
        include_str!("../../data/stopwords/fr.txt"),
        include_str!("../../data/label-verbs/fr.txt"),
    ]),
});

/// Specific words a text names: not stop words, not label verbs, not
/// words about manner ("helpful", "politely").
fn specific_words(text: &str, language: &str) -> usize {
    let list = if language == "fr" {
        &VAGUE.fr
    } else {
        &VAGUE.en
    };
    let f = Folded::new(text);
    let s = f.as_str();
    words(s)
        .into_iter()
        .map(|r| &s[r])
        .filter(|w| w.len() > 1 || w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !list.contains(*w))
        .collect::<HashSet<_>>()
        .len()
}

/// A key point is too vague when neither its label nor any example names
/// at least two specific things (a fact, a step, a place, a number).
fn is_vague(label: &str, examples: &[String], language: &str) -> bool {
    specific_words(label, language) < 2 && examples.iter().all(|e| specific_words(e, language) < 2)
}

/// Every key point of every question against its exemplars.
pub fn check(q: &Questionnaire) -> Vec<QuestionCheck> {
    let scorer = Scorer::shared();
    q.questions
        .iter()
        .map(|spec| {
            let question = from_domain::question(q, spec);
            let covered = |answers: &[String]| -> Vec<Vec<String>> {
                answers
                    .iter()
                    .map(|a| scorer.score(&question, a).content.covered)
                    .collect()
            };
            let strong = covered(&spec.rubric.exemplars.strong);
            let weak = covered(&spec.rubric.exemplars.weak);
            QuestionCheck {
                question_id: spec.id.clone(),
                points: spec
                    .rubric
                    .key_points
                    .iter()
                    .map(|kp| PointCheck {
                        key_point_id: kp.id.clone(),
                        label: kp.label.clone(),
                        required: kp.required,
                        strong: strong.iter().map(|c| c.contains(&kp.id)).collect(),
                        weak: weak.iter().map(|c| c.contains(&kp.id)).collect(),
                        vague: kp.phrasings.iter().all(|p| p.trim().is_empty())
                            && is_vague(&kp.label, &kp.examples, &q.language),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The line of a questionnaire's source that contains `needle`.
fn line_of(source: &str, needle: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
}

/// Problems that make a checked questionnaire unfit to send: phrasings
/// too rich for the matcher (it expands at most `MAX_EXPANSIONS`
/// alternatives per phrasing and ignores the rest).
pub fn problems(q: &Questionnaire, source: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    for question in &q.questions {
        for kp in &question.rubric.key_points {
            for p in kp.phrasings.iter().filter(|p| exceeds_expansion_cap(p)) {
                out.push(
                    Problem::new(
                        line_of(source, p),
                        Message::new("staff-questionnaire-phrasing-too-rich")
                            .arg("phrasing", p)
                            .arg("point", &kp.id)
                            .arg("max", MAX_EXPANSIONS),
                        Message::new("staff-questionnaire-phrasing-too-rich-fix"),
                        Part::KeyPoint,
                    )
                    .of_question(&question.id)
                    .of_key_point(&kp.id),
                );
            }
        }
    }
    out
}

/// Things worth fixing that do not stop the questionnaire from being
/// used: vague key points, and exemplars that disagree with the key
/// points (a strong one that earns none of a point, a weak one that earns
/// a required point).
pub fn warnings(q: &Questionnaire, source: &str) -> Vec<Problem> {
    warnings_of(&check(q), source)
}

/// The warnings for an already computed `check`.
pub fn warnings_of(checks: &[QuestionCheck], source: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    for qc in checks {
        for p in &qc.points {
            let line = line_of(source, &format!("\"{}\"", p.key_point_id));
            let warning = |message: Message, fix: &'static str| {
                Problem::new(
                    line,
                    message
                        .arg("point", &p.key_point_id)
                        .arg("question", question_name(&qc.question_id))
                        .arg("label", &p.label),
                    Message::new(fix),
                    Part::KeyPoint,
                )
                .of_question(&qc.question_id)
                .of_key_point(&p.key_point_id)
            };
            if p.vague {
                out.push(warning(
                    Message::new("staff-questionnaire-point-vague"),
                    "staff-questionnaire-point-vague-fix",
                ));
            }
            if !p.strong.is_empty() && !p.strong.iter().any(|c| *c) {
                out.push(warning(
                    Message::new("staff-questionnaire-point-no-strong"),
                    "staff-questionnaire-point-no-strong-fix",
                ));
            }
            if let Some(i) = p.weak.iter().position(|c| *c).filter(|_| p.required) {
                out.push(warning(
                    Message::new("staff-questionnaire-point-weak-earns").arg("weak", i + 1),
                    "staff-questionnaire-point-weak-earns-fix",
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questionnaire(language: &str, key_points: &str, exemplars: &str) -> (Questionnaire, String) {
        let source = format!(
            r#"
id = "mini"
title = "Mini"
language = "{language}"
version = 1

[[questions]]
id = "refund"
tier = 1
prompt = "I was charged twice this month, can I get my money back?"

{exemplars}

{key_points}
"#
        );
        (Questionnaire::parse(&source).expect("valid"), source)
    }

    #[test]
    fn a_label_about_manner_only_is_vague_and_a_fact_is_not() {
        let (q, src) = questionnaire(
            "en",
            r#"
[[questions.rubric.key_points]]
id = "helpful"
label = "Is helpful and polite"

[[questions.rubric.key_points]]
id = "refund-days"
label = "Says the refund reaches the card in 5 to 10 business days"
"#,
            "",
        );
        let checks = check(&q);
        let vague: Vec<&str> = checks[0]
            .points
            .iter()
            .filter(|p| p.vague)
            .map(|p| p.key_point_id.as_str())
            .collect();
        assert_eq!(vague, vec!["helpful"]);
        let w = warnings(&q, &src);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].message.english().contains("too vague"));
        assert!(w[0].line.is_some());
    }

    #[test]
    fn a_vague_label_with_a_specific_example_is_checkable() {
        let (q, _) = questionnaire(
            "en",
            r#"
[[questions.rubric.key_points]]
id = "helpful"
label = "Is helpful"
examples = ["I have refunded the duplicate charge to your card"]
"#,
            "",
        );
        assert!(!check(&q)[0].points[0].vague);
    }

    #[test]
    fn french_vague_labels_are_found_with_or_without_accents() {
        let (q, _) = questionnaire(
            "fr",
            r#"
[[questions.rubric.key_points]]
id = "aimable"
label = "Répond de façon aimable"

[[questions.rubric.key_points]]
id = "delai"
label = "Dit que le remboursement arrive sur la carte sous 5 à 10 jours ouvrés"
"#,
            "",
        );
        let c = check(&q);
        assert!(c[0].points[0].vague);
        assert!(!c[0].points[1].vague);
    }

    #[test]
    fn exemplars_show_which_points_they_earn() {
        let (q, src) = questionnaire(
            "en",
            r#"
[[questions.rubric.key_points]]
id = "refund-duplicate"
label = "Says the duplicate charge is refunded"
required = true

[[questions.rubric.key_points]]
id = "refund-days"
label = "Says the refund reaches the card in 5 to 10 business days"
"#,
            r#"
[questions.rubric.exemplars]
strong = ["I'm sorry about the double charge! I have refunded the duplicate charge just now; the refund reaches your card in 5 to 10 business days."]
weak = ["Check your bank."]
"#,
        );
        let c = check(&q);
        let p = &c[0].points;
        assert_eq!(p[0].strong, vec![true]);
        assert_eq!(p[0].weak, vec![false]);
        assert_eq!(p[1].strong, vec![true]);
        assert_eq!(p[0].separates(), Some(true));
        assert!(warnings(&q, &src).is_empty(), "{:?}", warnings(&q, &src));
    }

    #[test]
    fn a_strong_exemplar_missing_a_point_and_a_weak_one_earning_it_are_warned() {
        let (q, src) = questionnaire(
            "en",
            r#"
[[questions.rubric.key_points]]
id = "refund-duplicate"
label = "Says the duplicate charge is refunded"
required = true

[[questions.rubric.key_points]]
id = "refund-days"
label = "Says the refund reaches the card in 5 to 10 business days"
"#,
            r#"
[questions.rubric.exemplars]
strong = ["So sorry! Could you send me the last four digits of the card so I can look into it?"]
weak = ["The duplicate charge is refunded."]
"#,
        );
        let w = warnings(&q, &src);
        assert!(
            w.iter()
                .any(|p| p.message.english().contains("No strong exemplar")
                    && p.message.english().contains("refund-days")),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|p| p.message.english().contains("Weak exemplar 1")
                    && p.message.english().contains("refund-duplicate")),
            "{w:?}"
        );
    }

    #[test]
    fn a_phrasing_too_rich_for_the_matcher_is_a_problem() {
        let many = (0..8)
            .map(|i| format!("(a{i}|b{i}|c{i})"))
            .collect::<Vec<_>>()
            .join(" ");
        let (q, src) = questionnaire(
            "en",
            &format!(
                r#"
[[questions.rubric.key_points]]
id = "rich"
label = "Says something"
phrasings = ["{many}"]
"#
            ),
            "",
        );
        let p = problems(&q, &src);
        assert_eq!(p.len(), 1);
        assert!(p[0].message.english().contains("expands to more than"));
    }
}
