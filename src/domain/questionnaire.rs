//! Screening questionnaires as files: questions grouped by tier, ordered
//! from simplest to trickiest, each with its prompt, knowledge links and
//! rubric. `Questionnaire::parse` checks a file and reports every problem
//! with its line and a fix.

use serde::{Deserialize, Serialize};

/// A link to knowledge candidates may use (help centre, docs, API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPointSpec {
    pub id: String,
    /// What a good answer says, in plain words; without `phrasings` the
    /// scorer matches the answer against it and the `examples`.
    pub label: String,
    /// Pattern phrasings, for authors who want exact control (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrasings: Vec<String>,
    #[serde(default)]
    pub required: bool,
    /// Plain example sentences of an answer that makes the point (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightsSpec {
    pub empathy: f64,
    pub curiosity: f64,
    pub content: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemplars {
    #[serde(default)]
    pub strong: Vec<String>,
    #[serde(default)]
    pub weak: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricSpec {
    #[serde(default)]
    pub key_points: Vec<KeyPointSpec>,
    #[serde(default)]
    pub weights: Option<WeightsSpec>,
    #[serde(default)]
    pub exemplars: Exemplars,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSpec {
    pub id: String,
    pub tier: u8,
    pub prompt: String,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub suggested_minutes: Option<u32>,
    #[serde(default)]
    pub rubric: RubricSpec,
}

impl QuestionSpec {
    /// A key point's label, for people; its id when the question has none
    /// by that id (a grade stored before the point was renamed).
    pub fn key_point_label(&self, id: &str) -> String {
        self.rubric
            .key_points
            .iter()
            .find(|k| k.id == id)
            .map_or_else(|| id.to_string(), |k| k.label.clone())
    }
}

/// A questionnaire as written in `questionnaires/*.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    pub title: String,
    /// `en` or `fr`: the language candidates answer in.
    pub language: String,
    pub version: u32,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub links: Vec<Link>,
    pub questions: Vec<QuestionSpec>,
}

/// One thing wrong with a questionnaire file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// 1-based line, when it can be placed.
    pub line: Option<usize>,
    pub message: String,
    pub fix: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {} Fix: {}", self.message, self.fix),
            None => write!(f, "{} Fix: {}", self.message, self.fix),
        }
    }
}

fn line_of(source: &str, byte: usize) -> usize {
    source[..byte.min(source.len())].matches('\n').count() + 1
}

/// The line where `key = "value"` appears, for placing a problem.
fn line_with(source: &str, key: &str, value: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| {
            let l = l.trim();
            l.starts_with(key)
                && l[key.len()..].trim_start().starts_with('=')
                && l.contains(&format!("\"{value}\""))
        })
        .map(|i| i + 1)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn is_web_link(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

impl Questionnaire {
    /// Parses and checks a questionnaire file's text.
    pub fn parse(source: &str) -> Result<Self, Vec<Problem>> {
        let q: Questionnaire = toml::from_str(source).map_err(|e| {
            vec![Problem {
                line: e.span().map(|s| line_of(source, s.start)),
                message: e.message().trim().to_string(),
                fix: "Follow the format of the shipped questionnaires in questionnaires/ (TOML: top-level id, title, language, version, then [[questions]] with id, tier, prompt and a [questions.rubric]).".into(),
            }]
        })?;
        let problems = q.problems(source);
        if problems.is_empty() {
            Ok(q)
        } else {
            Err(problems)
        }
    }

    fn problems(&self, source: &str) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut push = |line: Option<usize>, message: String, fix: &str| {
            out.push(Problem {
                line,
                message,
                fix: fix.to_string(),
            })
        };
        if !is_slug(&self.id) {
            push(
                line_with(source, "id", &self.id),
                format!("The id '{}' is not a simple name.", self.id),
                "Use lower-case letters, digits and dashes, e.g. generalist-en.",
            );
        }
        if self.title.trim().is_empty() {
            push(
                None,
                "The title is empty.".into(),
                "Give the questionnaire a title candidates will read.",
            );
        }
        if !matches!(self.language.as_str(), "en" | "fr") {
            push(
                line_with(source, "language", &self.language),
                format!("The language '{}' is not supported.", self.language),
                "Use \"en\" or \"fr\".",
            );
        }
        if self.version == 0 {
            push(
                None,
                "The version is 0.".into(),
                "Start versions at 1 and raise it whenever a question or rubric changes.",
            );
        }
        for link in &self.links {
            if !is_web_link(&link.url) {
                push(
                    line_with(source, "url", &link.url),
                    format!("The link '{}' is not a web address.", link.url),
                    "Use a full https:// address.",
                );
            }
        }
        if self.questions.is_empty() {
            push(
                None,
                "There are no questions.".into(),
                "Add [[questions]] entries, simplest first.",
            );
        }
        let mut seen = std::collections::HashSet::new();
        let mut last_tier = 1;
        for q in &self.questions {
            let line = line_with(source, "id", &q.id);
            if !is_slug(&q.id) {
                push(
                    line,
                    format!("The question id '{}' is not a simple name.", q.id),
                    "Use lower-case letters, digits and dashes.",
                );
            }
            if !seen.insert(q.id.as_str()) {
                push(
                    line,
                    format!("The question id '{}' is used twice.", q.id),
                    "Give every question its own id.",
                );
            }
            if !(1..=3).contains(&q.tier) {
                push(
                    line,
                    format!("Question '{}' has tier {}.", q.id, q.tier),
                    "Tiers are 1 (simple), 2 (troubleshooting) or 3 (technical).",
                );
            } else if q.tier < last_tier {
                push(
                    line,
                    format!(
                        "Question '{}' (tier {}) comes after a tier {} question.",
                        q.id, q.tier, last_tier
                    ),
                    "Order questions from the simplest tier to the trickiest.",
                );
            }
            last_tier = last_tier.max(q.tier);
            if q.prompt.trim().is_empty() {
                push(
                    line,
                    format!("Question '{}' has no prompt.", q.id),
                    "Write the customer's message the candidate answers.",
                );
            }
            for link in &q.links {
                if !is_web_link(&link.url) {
                    push(
                        line_with(source, "url", &link.url),
                        format!("The link '{}' is not a web address.", link.url),
                        "Use a full https:// address.",
                    );
                }
            }
            if let Some(w) = q.rubric.weights {
                if [w.empathy, w.curiosity, w.content]
                    .iter()
                    .any(|x| !x.is_finite() || *x < 0.0)
                    || w.empathy + w.curiosity + w.content <= 0.0
                {
                    push(line, format!("Question '{}' has invalid rubric weights.", q.id), "Use non-negative weights that add up to more than 0, e.g. empathy = 0.3, curiosity = 0.3, content = 0.4.");
                }
            }
            let mut kp_seen = std::collections::HashSet::new();
            for kp in &q.rubric.key_points {
                let kp_line = line_with(source, "id", &kp.id);
                if !kp_seen.insert(kp.id.as_str()) {
                    push(
                        kp_line,
                        format!(
                            "Key point '{}' of question '{}' is used twice.",
                            kp.id, q.id
                        ),
                        "Give every key point its own id.",
                    );
                }
                if kp.label.trim().is_empty() {
                    push(
                        kp_line,
                        format!("Key point '{}' of question '{}' has no label.", kp.id, q.id),
                        "Write what a good answer says in one plain sentence, e.g. label = \"Says an unused label can be voided within 30 days\".",
                    );
                } else if kp.phrasings.iter().all(|p| p.trim().is_empty())
                    && !crate::scoring::plain::has_words(&kp.label, &self.language)
                    && kp
                        .examples
                        .iter()
                        .all(|e| !crate::scoring::plain::has_words(e, &self.language))
                {
                    push(
                        kp_line,
                        format!("Key point '{}' of question '{}' has no words an answer could match.", kp.id, q.id),
                        "Write the label as a plain sentence with the facts a good answer gives, or add examples = [\"...\"] or phrasings.",
                    );
                }
            }
        }
        out
    }

    /// The questions of the given tiers, in file order.
    pub fn questions_of_tiers<'a>(
        &'a self,
        tiers: &'a [u8],
    ) -> impl Iterator<Item = &'a QuestionSpec> {
        self.questions
            .iter()
            .filter(move |q| tiers.contains(&q.tier))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
id = "mini-en"
title = "Mini screen"
language = "en"
version = 1

[[links]]
label = "Help centre"
url = "https://help.example.com"

[[questions]]
id = "comments"
tier = 1
prompt = "How can users leave comments?"

[questions.rubric]
weights = { empathy = 0.3, curiosity = 0.2, content = 0.5 }

[[questions.rubric.key_points]]
id = "no-comments"
label = "Says there is no comment feature"
phrasings = ["no comment feature", "only ratings"]
required = true

[[questions]]
id = "broken"
tier = 2
prompt = "It doesn't work."
"#;

    #[test]
    fn a_good_file_parses() {
        let q = Questionnaire::parse(GOOD).unwrap();
        assert_eq!(q.questions.len(), 2);
        assert!(q.questions[0].rubric.key_points[0].required);
        assert_eq!(q.questions_of_tiers(&[2]).count(), 1);
    }

    #[test]
    fn syntax_errors_name_their_line() {
        let broken = GOOD.replace("tier = 2", "tier = ");
        let problems = Questionnaire::parse(&broken).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(27));
    }

    #[test]
    fn every_semantic_problem_is_reported_with_a_fix() {
        let bad = GOOD
            .replace("language = \"en\"", "language = \"de\"")
            .replace("id = \"broken\"\ntier = 2", "id = \"comments\"\ntier = 0")
            .replace("https://help.example.com", "help.example.com");
        let problems = Questionnaire::parse(&bad).unwrap_err();
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("line 4") && m.contains("'de'")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("used twice")));
        assert!(messages.iter().any(|m| m.contains("tier 0")));
        assert!(messages
            .iter()
            .any(|m| m.contains("not a web address") && m.contains("line 9")));
        assert!(problems.iter().all(|p| !p.fix.is_empty()));
    }

    /// The plain form: no phrasings, no exemplars, optional examples.
    const PLAIN: &str = r#"
id = "labels-en"
title = "Shipping labels"
language = "en"
version = 1

[[questions]]
id = "refund"
tier = 1
prompt = "I bought a label by mistake."

[[questions.rubric.key_points]]
id = "void-label"
label = "Says an unused label can be voided for a refund within 30 days"
required = true
examples = ["You can void it within 30 days and the cost comes back to your balance"]  # optional

[[questions.rubric.key_points]]
id = "balance"
label = "Says the refund goes to the account balance"
"#;

    #[test]
    fn key_points_in_plain_language_parse() {
        let q = Questionnaire::parse(PLAIN).unwrap();
        let kps = &q.questions[0].rubric.key_points;
        assert!(kps[0].phrasings.is_empty() && kps[0].examples.len() == 1);
        assert!(kps[1].examples.is_empty());
        assert!(q.questions[0].rubric.exemplars.strong.is_empty());
    }

    #[test]
    fn a_plain_key_point_needs_words_to_match() {
        let bad = PLAIN.replace(
            "label = \"Says the refund goes to the account balance\"",
            "label = \"Says that it is\"",
        );
        let problems = Questionnaire::parse(&bad).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0]
            .message
            .contains("no words an answer could match"));
        assert_eq!(problems[0].line, Some(19));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let bad = GOOD.replace(
            "prompt = \"It doesn't work.\"",
            "prompt = \"x\"\nprompts = \"typo\"",
        );
        let problems = Questionnaire::parse(&bad).unwrap_err();
        assert!(
            problems[0].message.contains("unknown field"),
            "{:?}",
            problems
        );
    }
}
