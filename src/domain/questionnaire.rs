//! Screening questionnaires as files: questions grouped by tier, ordered
//! from simplest to trickiest, each with its prompt, knowledge links and
//! rubric. `Questionnaire::parse` checks a file and reports every problem
//! with its line and a fix.

use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, Message};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, when it can be placed.
    pub line: Option<usize>,
    /// Messages that name a question take its name as `$question`: the
    /// quoted id in a file, its number where a page shows it
    /// (`Message::arg` again replaces it).
    pub message: Message,
    pub fix: Message,
    /// What the problem is about, so the editor can mark that field.
    pub part: Part,
    /// The id of the question it is about, if any.
    pub question: Option<String>,
    /// The id of the key point it is about (of `question`), if any.
    pub key_point: Option<String>,
}

/// The part of a questionnaire a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The file as a whole (its syntax, its id or version).
    File,
    Title,
    Language,
    /// There are no questions.
    Questions,
    /// A link, by its address (the questionnaire's or a question's).
    Link(String),
    /// A question's id, or the question as a whole.
    Question,
    Tier,
    Prompt,
    Weights,
    KeyPoint,
}

impl Problem {
    pub fn new(line: Option<usize>, message: Message, fix: Message, part: Part) -> Self {
        Problem {
            line,
            message,
            fix,
            part,
            question: None,
            key_point: None,
        }
    }

    /// About the question `id`.
    pub fn of_question(mut self, id: &str) -> Self {
        self.question = Some(id.to_string());
        self
    }

    /// About the key point `id` (of the question set with `of_question`).
    pub fn of_key_point(mut self, id: &str) -> Self {
        self.key_point = Some(id.to_string());
        self
    }

    /// The problem, its line and its fix, in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        let (message, fix) = (self.message.text(locale), self.fix.text(locale));
        match self.line {
            Some(l) => Message::new("staff-questionnaire-problem-line").arg("line", l),
            None => Message::new("staff-questionnaire-problem"),
        }
        .arg("message", message)
        .arg("fix", fix)
        .text(locale)
    }
}

/// English: the command line and logs.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Locale::ENGLISH))
    }
}

/// A question's name in a file's problems (`$question`).
pub fn question_name(id: &str) -> String {
    format!("'{id}'")
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
            vec![Problem::new(
                e.span().map(|s| line_of(source, s.start)),
                // The TOML reader's own words: it speaks only English.
                Message::new("staff-questionnaire-syntax").arg("error", e.message().trim()),
                Message::new("staff-questionnaire-syntax-fix"),
                Part::File,
            )]
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
        let mut push = |line: Option<usize>, message: Message, fix: &'static str, part: Part| {
            out.push(Problem::new(line, message, Message::new(fix), part));
        };
        if !is_slug(&self.id) {
            push(
                line_with(source, "id", &self.id),
                Message::new("staff-questionnaire-id-not-simple").arg("id", &self.id),
                "staff-questionnaire-id-not-simple-fix",
                Part::File,
            );
        }
        if self.title.trim().is_empty() {
            push(
                None,
                Message::new("staff-questionnaire-title-empty"),
                "staff-questionnaire-title-empty-fix",
                Part::Title,
            );
        }
        if !matches!(self.language.as_str(), "en" | "fr") {
            push(
                line_with(source, "language", &self.language),
                Message::new("staff-questionnaire-language-unsupported")
                    .arg("language", &self.language),
                "staff-questionnaire-language-unsupported-fix",
                Part::Language,
            );
        }
        if self.version == 0 {
            push(
                None,
                Message::new("staff-questionnaire-version-zero"),
                "staff-questionnaire-version-zero-fix",
                Part::File,
            );
        }
        let bad_link = |link: &Link| {
            Problem::new(
                line_with(source, "url", &link.url),
                Message::new("staff-questionnaire-link-not-web").arg("url", &link.url),
                Message::new("staff-questionnaire-link-not-web-fix"),
                Part::Link(link.url.clone()),
            )
        };
        for link in &self.links {
            if !is_web_link(&link.url) {
                out.push(bad_link(link));
            }
        }
        if self.questions.is_empty() {
            out.push(Problem::new(
                None,
                Message::new("staff-questionnaire-no-questions"),
                Message::new("staff-questionnaire-no-questions-fix"),
                Part::Questions,
            ));
        }
        let mut seen = std::collections::HashSet::new();
        let mut last_tier = 1;
        for q in &self.questions {
            let line = line_with(source, "id", &q.id);
            let about = |line: Option<usize>, message: Message, fix: &'static str, part: Part| {
                Problem::new(line, message, Message::new(fix), part).of_question(&q.id)
            };
            if !is_slug(&q.id) {
                out.push(about(
                    line,
                    Message::new("staff-questionnaire-question-id-not-simple").arg("id", &q.id),
                    "staff-questionnaire-question-id-not-simple-fix",
                    Part::Question,
                ));
            }
            if !seen.insert(q.id.as_str()) {
                out.push(about(
                    line,
                    Message::new("staff-questionnaire-question-id-twice").arg("id", &q.id),
                    "staff-questionnaire-question-id-twice-fix",
                    Part::Question,
                ));
            }
            if !(1..=3).contains(&q.tier) {
                out.push(about(
                    line,
                    Message::new("staff-questionnaire-question-tier")
                        .arg("question", question_name(&q.id))
                        .count("tier", q.tier),
                    "staff-questionnaire-question-tier-fix",
                    Part::Tier,
                ));
            } else if q.tier < last_tier {
                out.push(about(
                    line,
                    Message::new("staff-questionnaire-question-tier-order")
                        .arg("question", question_name(&q.id))
                        .count("tier", q.tier)
                        .count("before", last_tier),
                    "staff-questionnaire-question-tier-order-fix",
                    Part::Tier,
                ));
            }
            last_tier = last_tier.max(q.tier);
            if q.prompt.trim().is_empty() {
                out.push(about(
                    line,
                    Message::new("staff-questionnaire-question-no-prompt")
                        .arg("question", question_name(&q.id)),
                    "staff-questionnaire-question-no-prompt-fix",
                    Part::Prompt,
                ));
            }
            for link in &q.links {
                if !is_web_link(&link.url) {
                    // Placed by its address: the editor finds the row.
                    out.push(bad_link(link));
                }
            }
            if let Some(w) = q.rubric.weights {
                if [w.empathy, w.curiosity, w.content]
                    .iter()
                    .any(|x| !x.is_finite() || *x < 0.0)
                    || w.empathy + w.curiosity + w.content <= 0.0
                {
                    out.push(about(
                        line,
                        Message::new("staff-questionnaire-question-weights")
                            .arg("question", question_name(&q.id)),
                        "staff-questionnaire-question-weights-fix",
                        Part::Weights,
                    ));
                }
            }
            let mut kp_seen = std::collections::HashSet::new();
            for kp in &q.rubric.key_points {
                let kp_line = line_with(source, "id", &kp.id);
                let point = |key: &'static str| {
                    Message::new(key)
                        .arg("point", &kp.id)
                        .arg("question", question_name(&q.id))
                };
                let about_point = |key: &'static str, fix: &'static str| {
                    about(kp_line, point(key), fix, Part::KeyPoint).of_key_point(&kp.id)
                };
                if !kp_seen.insert(kp.id.as_str()) {
                    out.push(about_point(
                        "staff-questionnaire-point-twice",
                        "staff-questionnaire-point-twice-fix",
                    ));
                }
                if kp.label.trim().is_empty() {
                    out.push(about_point(
                        "staff-questionnaire-point-no-label",
                        "staff-questionnaire-point-no-label-fix",
                    ));
                } else if kp.phrasings.iter().all(|p| p.trim().is_empty())
                    && !crate::scoring::plain::has_words(&kp.label, &self.language)
                    && kp
                        .examples
                        .iter()
                        .all(|e| !crate::scoring::plain::has_words(e, &self.language))
                {
                    out.push(about_point(
                        "staff-questionnaire-point-no-words",
                        "staff-questionnaire-point-no-words-fix",
                    ));
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
        assert!(problems.iter().all(|p| !p.fix.english().is_empty()));
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
            .english()
            .contains("no words an answer could match"));
        assert_eq!(problems[0].question.as_deref(), Some("refund"));
        assert_eq!(problems[0].key_point.as_deref(), Some("balance"));
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
            problems[0].message.english().contains("unknown field"),
            "{:?}",
            problems
        );
    }
}
