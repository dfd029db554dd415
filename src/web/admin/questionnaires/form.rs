//! The editor's form: its fields as typed (rows numbered in their
//! names, `q-0-kp-1-label`), the add and remove buttons, and the
//! questionnaire it makes with every problem placed on its field.

use std::collections::{BTreeMap, HashMap};

use crate::domain::questionnaire::{
    Exemplars, KeyPointSpec, Link, Part, Problem, QuestionSpec, Questionnaire, RubricSpec,
    WeightsSpec,
};
use crate::flows::questionnaires as flow;
use crate::i18n::Message;

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct LinkRow {
    pub(super) label: String,
    pub(super) url: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct PointRow {
    /// Empty until first saved; then kept, whatever the label becomes.
    pub(super) id: String,
    pub(super) label: String,
    pub(super) required: bool,
    /// One example sentence per line.
    pub(super) examples: String,
    /// One pattern per line (optional, for exact control).
    pub(super) phrasings: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct QuestionRow {
    pub(super) id: String,
    pub(super) tier: String,
    pub(super) prompt: String,
    pub(super) minutes: String,
    pub(super) links: Vec<LinkRow>,
    pub(super) empathy: String,
    pub(super) curiosity: String,
    pub(super) content: String,
    pub(super) points: Vec<PointRow>,
    /// Strong and weak exemplar answers, separated by blank lines.
    pub(super) strong: String,
    pub(super) weak: String,
    /// The answer pasted into "Try an answer" (never saved).
    pub(super) try_answer: String,
}

/// The editor's fields exactly as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct EditorForm {
    pub(super) title: String,
    pub(super) language: String,
    pub(super) description: String,
    pub(super) links: Vec<LinkRow>,
    pub(super) questions: Vec<QuestionRow>,
}

pub(super) fn lines(items: &[String]) -> String {
    items.join("\n")
}

pub(super) fn blocks(items: &[String]) -> String {
    items.join("\n\n")
}

pub(super) fn split_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Blank-line separated blocks, each one answer.
pub(super) fn split_blocks(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

pub(super) fn number(x: Option<f64>) -> String {
    x.map(|v| format!("{v}")).unwrap_or_default()
}

impl EditorForm {
    pub(super) fn from_questionnaire(q: &Questionnaire) -> Self {
        let link_rows = |links: &[Link]| {
            links
                .iter()
                .map(|l| LinkRow {
                    label: l.label.clone(),
                    url: l.url.clone(),
                })
                .collect()
        };
        EditorForm {
            title: q.title.clone(),
            language: q.language.clone(),
            description: q.description.clone(),
            links: link_rows(&q.links),
            questions: q
                .questions
                .iter()
                .map(|s| QuestionRow {
                    id: s.id.clone(),
                    tier: s.tier.to_string(),
                    prompt: s.prompt.clone(),
                    minutes: s
                        .suggested_minutes
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                    links: link_rows(&s.links),
                    empathy: number(s.rubric.weights.map(|w| w.empathy)),
                    curiosity: number(s.rubric.weights.map(|w| w.curiosity)),
                    content: number(s.rubric.weights.map(|w| w.content)),
                    points: s
                        .rubric
                        .key_points
                        .iter()
                        .map(|k| PointRow {
                            id: k.id.clone(),
                            label: k.label.clone(),
                            required: k.required,
                            examples: lines(&k.examples),
                            phrasings: lines(&k.phrasings),
                        })
                        .collect(),
                    strong: blocks(&s.rubric.exemplars.strong),
                    weak: blocks(&s.rubric.exemplars.weak),
                    try_answer: String::new(),
                })
                .collect(),
        }
    }

    pub(super) fn blank() -> Self {
        EditorForm {
            language: "en".into(),
            questions: vec![QuestionRow::blank()],
            ..Default::default()
        }
    }

    /// Reads the posted fields (`q-0-kp-1-label` and so on), rows in the
    /// order of their numbers.
    pub(super) fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = EditorForm::default();
        let mut links: BTreeMap<usize, LinkRow> = BTreeMap::new();
        let mut questions: BTreeMap<usize, (QuestionRow, LinkMap, PointMap)> = BTreeMap::new();
        for (name, value) in pairs {
            let value = value.clone();
            let parts: Vec<&str> = name.split('-').collect();
            match parts.as_slice() {
                ["title"] => form.title = value,
                ["language"] => form.language = value,
                ["description"] => form.description = value,
                ["link", i, field] => {
                    let Ok(i) = i.parse::<usize>() else { continue };
                    set_link(links.entry(i).or_default(), field, value);
                }
                ["q", i, rest @ ..] => {
                    let Ok(i) = i.parse::<usize>() else { continue };
                    let (q, qlinks, points) = questions.entry(i).or_default();
                    match rest {
                        ["id"] => q.id = value,
                        ["tier"] => q.tier = value,
                        ["prompt"] => q.prompt = value,
                        ["minutes"] => q.minutes = value,
                        ["empathy"] => q.empathy = value,
                        ["curiosity"] => q.curiosity = value,
                        ["content"] => q.content = value,
                        ["strong"] => q.strong = value,
                        ["weak"] => q.weak = value,
                        ["try"] => q.try_answer = value,
                        ["link", j, field] => {
                            let Ok(j) = j.parse::<usize>() else { continue };
                            set_link(qlinks.entry(j).or_default(), field, value);
                        }
                        ["kp", j, field] => {
                            let Ok(j) = j.parse::<usize>() else { continue };
                            let p = points.entry(j).or_default();
                            match *field {
                                "id" => p.id = value,
                                "label" => p.label = value,
                                "required" => p.required = value == "yes",
                                "examples" => p.examples = value,
                                "phrasings" => p.phrasings = value,
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        form.links = links.into_values().collect();
        form.questions = questions
            .into_values()
            .map(|(mut q, l, p)| {
                q.links = l.into_values().collect();
                q.points = p.into_values().collect();
                q
            })
            .collect();
        form
    }

    /// Applies an add/remove button; false when `action` is not one.
    pub(super) fn apply(&mut self, action: &str) -> bool {
        let n = |s: &str| s.parse::<usize>().ok();
        let parts: Vec<&str> = action.split('-').collect();
        match parts.as_slice() {
            ["add", "question"] => {
                let tier = self
                    .questions
                    .last()
                    .map(|q| q.tier.clone())
                    .unwrap_or_else(|| "1".into());
                self.questions.push(QuestionRow {
                    tier,
                    ..QuestionRow::blank()
                });
            }
            ["add", "link"] => self.links.push(LinkRow::default()),
            ["remove", "link", i] => {
                if let Some(i) = n(i).filter(|i| *i < self.links.len()) {
                    self.links.remove(i);
                }
            }
            ["remove", "question", i] => {
                if let Some(i) = n(i).filter(|i| *i < self.questions.len()) {
                    self.questions.remove(i);
                }
            }
            ["add", "point", i] => {
                if let Some(q) = n(i).and_then(|i| self.questions.get_mut(i)) {
                    q.points.push(PointRow::default());
                }
            }
            ["remove", "point", i, j] => {
                if let (Some(q), Some(j)) = (n(i).and_then(|i| self.questions.get_mut(i)), n(j)) {
                    if j < q.points.len() {
                        q.points.remove(j);
                    }
                }
            }
            ["add", "qlink", i] => {
                if let Some(q) = n(i).and_then(|i| self.questions.get_mut(i)) {
                    q.links.push(LinkRow::default());
                }
            }
            ["remove", "qlink", i, j] => {
                if let (Some(q), Some(j)) = (n(i).and_then(|i| self.questions.get_mut(i)), n(j)) {
                    if j < q.links.len() {
                        q.links.remove(j);
                    }
                }
            }
            _ => return false,
        }
        true
    }
}

/// The rows of a question's key points that make a key point (empty rows
/// are left out), in order: the n-th key point is on row `rows[n]`.
pub(super) fn point_rows(q: &QuestionRow) -> Vec<usize> {
    q.points
        .iter()
        .enumerate()
        .filter(|(_, k)| !k.is_empty())
        .map(|(j, _)| j)
        .collect()
}

impl PointRow {
    pub(super) fn is_empty(&self) -> bool {
        self.id.trim().is_empty()
            && self.label.trim().is_empty()
            && self.examples.trim().is_empty()
            && self.phrasings.trim().is_empty()
    }
}

pub(super) type LinkMap = BTreeMap<usize, LinkRow>;
pub(super) type PointMap = BTreeMap<usize, PointRow>;

pub(super) fn set_link(row: &mut LinkRow, field: &str, value: String) {
    match field {
        "label" => row.label = value,
        "url" => row.url = value,
        _ => {}
    }
}

impl QuestionRow {
    pub(super) fn blank() -> Self {
        QuestionRow {
            tier: "1".into(),
            points: vec![PointRow::default()],
            ..Default::default()
        }
    }
}

/// Problems keyed by the field they belong to (`""`: the whole form).
#[derive(Debug, Default)]
pub(super) struct Problems {
    pub(super) list: Vec<(String, String)>,
}

impl Problems {
    /// A problem the editor finds itself, in the staff page's words.
    pub(super) fn add(&mut self, field: impl Into<String>, message: Message) {
        self.list
            .push((field.into(), crate::web::admin::words(&message)));
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(super) fn by_field(&self) -> HashMap<&str, Vec<&str>> {
        let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
        for (f, m) in &self.list {
            out.entry(f.as_str()).or_default().push(m.as_str());
        }
        out
    }
}

/// A slug for a key point from its label, unique among `taken`.
pub(super) fn point_id(label: &str, taken: &[String]) -> String {
    let mut base: String = slug::slugify(label).chars().take(40).collect();
    base = base.trim_end_matches('-').to_string();
    if base.is_empty() {
        base = "point".into();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

pub(super) fn question_id(taken: &[String]) -> String {
    (1..)
        .map(|n| format!("q{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

pub(super) fn is_web_link(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

pub(super) fn link_specs(rows: &[LinkRow], prefix: &str, problems: &mut Problems) -> Vec<Link> {
    let mut out = Vec::new();
    for (i, l) in rows.iter().enumerate() {
        let (label, url) = (l.label.trim(), l.url.trim());
        if label.is_empty() && url.is_empty() {
            continue;
        }
        if label.is_empty() {
            problems.add(
                format!("{prefix}link-{i}-label"),
                Message::new("staff-error-questionnaire-link-label"),
            );
        }
        if !is_web_link(url) {
            problems.add(
                format!("{prefix}link-{i}-url"),
                Message::new("staff-error-questionnaire-link-url"),
            );
        }
        out.push(Link {
            label: label.into(),
            url: url.into(),
        });
    }
    out
}

impl EditorForm {
    /// The questionnaire as the form stands, with the problems of the
    /// fields the form itself reads (numbers, links). Empty key-point and
    /// link rows are left out; new key points get an id from their label.
    pub(super) fn to_questionnaire(&self, id: &str, version: u32) -> (Questionnaire, Problems) {
        let mut problems = Problems::default();
        let language = self.language.trim().to_string();
        if !matches!(language.as_str(), "en" | "fr") {
            problems.add(
                "language",
                Message::new("staff-error-questionnaire-language"),
            );
        }
        let links = link_specs(&self.links, "", &mut problems);
        let mut qids: Vec<String> = self
            .questions
            .iter()
            .map(|q| q.id.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let mut questions = Vec::new();
        for (i, row) in self.questions.iter().enumerate() {
            let p = format!("q-{i}-");
            let id = if row.id.trim().is_empty() {
                let id = question_id(&qids);
                qids.push(id.clone());
                id
            } else {
                row.id.trim().to_string()
            };
            let tier = match row.tier.trim().parse::<u8>() {
                Ok(t) if (1..=3).contains(&t) => t,
                _ => {
                    problems.add(
                        format!("{p}tier"),
                        Message::new("staff-error-questionnaire-tier"),
                    );
                    1
                }
            };
            let minutes = match row.minutes.trim() {
                "" => None,
                m => match m.parse::<u32>() {
                    Ok(v) if (1..=240).contains(&v) => Some(v),
                    _ => {
                        problems.add(
                            format!("{p}minutes"),
                            Message::new("staff-error-questionnaire-minutes"),
                        );
                        None
                    }
                },
            };
            let weights = if [&row.empathy, &row.curiosity, &row.content]
                .iter()
                .all(|w| w.trim().is_empty())
            {
                None
            } else {
                let mut get = |name: &str, v: &str| match v.trim().replace(',', ".").parse::<f64>()
                {
                    Ok(x) if x.is_finite() && x >= 0.0 => x,
                    _ => {
                        problems.add(
                            format!("{p}{name}"),
                            Message::new("staff-error-questionnaire-weight"),
                        );
                        0.0
                    }
                };
                let w = WeightsSpec {
                    empathy: get("empathy", &row.empathy),
                    curiosity: get("curiosity", &row.curiosity),
                    content: get("content", &row.content),
                };
                Some(w)
            };
            let qlinks = link_specs(&row.links, &p, &mut problems);
            let mut taken: Vec<String> = row
                .points
                .iter()
                .map(|k| k.id.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let mut key_points = Vec::new();
            for k in &row.points {
                let (label, examples, phrasings) = (
                    k.label.trim(),
                    split_lines(&k.examples),
                    // Patterns as typed: a space in one can matter.
                    k.phrasings
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(String::from)
                        .collect::<Vec<_>>(),
                );
                if k.is_empty() {
                    continue;
                }
                let id = if k.id.trim().is_empty() {
                    let id = point_id(label, &taken);
                    taken.push(id.clone());
                    id
                } else {
                    k.id.trim().to_string()
                };
                key_points.push(KeyPointSpec {
                    id,
                    label: label.to_string(),
                    phrasings,
                    required: k.required,
                    examples,
                });
            }
            questions.push(QuestionSpec {
                id,
                tier,
                prompt: row.prompt.trim().to_string(),
                links: qlinks,
                suggested_minutes: minutes,
                rubric: RubricSpec {
                    key_points,
                    weights,
                    exemplars: Exemplars {
                        strong: split_blocks(&row.strong),
                        weak: split_blocks(&row.weak),
                    },
                },
            });
        }
        let q = Questionnaire {
            id: id.to_string(),
            title: self.title.trim().to_string(),
            language: if problems.list.iter().any(|(f, _)| f == "language") {
                "en".into()
            } else {
                language
            },
            version,
            // Kept as typed: Markdown may end with a line break.
            description: if self.description.trim().is_empty() {
                String::new()
            } else {
                self.description.clone()
            },
            links,
            questions,
        };
        (q, problems)
    }
}

/// The field a problem from `Questionnaire::parse` (or the authoring
/// checks) belongs to, from the question, key point and part it is about;
/// and its words for that field, which speak of questions by their number
/// on the page.
pub(super) fn place(problem: &Problem, q: &Questionnaire, form: &EditorForm) -> (String, Message) {
    let question = problem
        .question
        .as_deref()
        .and_then(|id| q.questions.iter().position(|s| s.id == id));
    let mut message = problem.message.clone();
    let field = match question {
        Some(i) => {
            message = message.arg("question", i + 1);
            let p = format!("q-{i}-");
            // Blank rows make no key point: the n-th key point is on the
            // n-th row that has something in it.
            let row = problem.key_point.as_deref().and_then(|id| {
                let rows = form.questions.get(i).map(point_rows).unwrap_or_default();
                q.questions[i]
                    .rubric
                    .key_points
                    .iter()
                    .zip(rows)
                    .find_map(|(kp, j)| (kp.id == id).then_some(j))
            });
            match (row, &problem.part) {
                (Some(j), _) => format!("{p}kp-{j}-label"),
                (None, Part::Tier) => format!("{p}tier"),
                (None, Part::Weights) => format!("{p}empathy"),
                _ => format!("{p}prompt"),
            }
        }
        None => match &problem.part {
            Part::Title => "title".to_string(),
            Part::Language => "language".to_string(),
            Part::Questions => "add-question".to_string(),
            Part::Link(url) => link_field(form, url).unwrap_or_else(|| "title".to_string()),
            _ => "title".to_string(),
        },
    };
    let words = Message::new("staff-questionnaire-problem-placed")
        .arg("message", crate::web::admin::words(&message))
        .arg("fix", crate::web::admin::words(&problem.fix));
    (field, words)
}

/// The field of the link row (a question's first) whose address is `url`.
fn link_field(form: &EditorForm, url: &str) -> Option<String> {
    let same = |l: &LinkRow| !l.url.trim().is_empty() && l.url.trim() == url.trim();
    form.questions
        .iter()
        .enumerate()
        .find_map(|(i, row)| {
            row.links
                .iter()
                .position(same)
                .map(|j| format!("q-{i}-link-{j}-url"))
        })
        .or_else(|| {
            form.links
                .iter()
                .position(same)
                .map(|i| format!("link-{i}-url"))
        })
}

/// Every problem of the form: its own, then those `Questionnaire::parse`
/// finds in the TOML it makes.
pub(super) fn check(
    form: &EditorForm,
    id: &str,
    version: u32,
) -> (Questionnaire, String, Problems) {
    let (q, mut problems) = form.to_questionnaire(id, version);
    let source = flow::to_toml(&q).unwrap_or_default();
    if let Err(found) = flow::checked(&source) {
        for p in found {
            let (field, message) = place(&p, &q, form);
            // The form's own message about the same field says it better.
            if !problems.list.iter().any(|(f, _)| *f == field) {
                problems.add(field, message);
            }
        }
    }
    (q, source, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn posted_fields_become_rows_in_order() {
        let form = EditorForm::from_pairs(&pairs(&[
            ("title", "Labels"),
            ("language", "en"),
            ("q-1-prompt", "second"),
            ("q-0-prompt", "first"),
            ("q-0-kp-0-label", "Says the label can be voided"),
            ("q-0-kp-0-required", "yes"),
            ("q-0-kp-1-label", "Says the refund takes 30 days"),
            ("link-0-url", "https://help.example.com"),
        ]));
        assert_eq!(form.questions.len(), 2);
        assert_eq!(form.questions[0].prompt, "first");
        assert_eq!(form.questions[0].points.len(), 2);
        assert!(form.questions[0].points[0].required);
        assert!(!form.questions[0].points[1].required);
        assert_eq!(form.links[0].url, "https://help.example.com");
    }

    #[test]
    fn buttons_add_and_remove_rows_and_keep_the_rest() {
        let mut form = EditorForm::blank();
        form.questions[0].prompt = "typed".into();
        assert!(form.apply("add-question"));
        assert!(form.apply("add-point-1"));
        assert_eq!(form.questions[1].points.len(), 2);
        assert!(form.apply("remove-point-1-0"));
        assert!(form.apply("remove-question-1"));
        assert_eq!(form.questions.len(), 1);
        assert_eq!(form.questions[0].prompt, "typed");
        assert!(!form.apply("save"));
    }

    #[test]
    fn new_key_points_get_ids_from_labels_and_saved_ones_keep_theirs() {
        let mut form = EditorForm::blank();
        form.title = "T".into();
        form.questions[0].prompt = "P".into();
        form.questions[0].points = vec![
            PointRow {
                label: "Says the label can be voided".into(),
                ..Default::default()
            },
            PointRow {
                id: "kept".into(),
                label: "Something else entirely".into(),
                ..Default::default()
            },
            PointRow::default(),
        ];
        let (q, problems) = form.to_questionnaire("own-t", 1);
        assert!(problems.is_empty());
        let ids: Vec<&str> = q.questions[0]
            .rubric
            .key_points
            .iter()
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(ids, ["says-the-label-can-be-voided", "kept"]);
    }

    #[test]
    fn exemplars_are_split_on_blank_lines() {
        assert_eq!(
            split_blocks("one\nstill one\n\n\ntwo\n"),
            vec!["one\nstill one".to_string(), "two".to_string()]
        );
    }

    #[test]
    fn a_form_round_trips_through_toml() {
        let shipped = crate::questionnaires::Library::load(std::path::Path::new("/nonexistent"));
        for l in shipped.all() {
            let form = EditorForm::from_questionnaire(&l.questionnaire);
            let (q, problems) = form.to_questionnaire(&l.questionnaire.id, l.questionnaire.version);
            assert!(problems.is_empty(), "{:?}", problems.list);
            for (a, b) in q.questions.iter().zip(&l.questionnaire.questions) {
                assert_eq!(a, b, "question {}", b.id);
            }
            assert_eq!(q, l.questionnaire);
            let source = flow::to_toml(&q).unwrap();
            assert_eq!(Questionnaire::parse(&source).unwrap(), q);
        }
    }

    #[test]
    fn bad_numbers_are_placed_on_their_fields() {
        let mut form = EditorForm::blank();
        form.title = "T".into();
        form.questions[0].prompt = "P".into();
        form.questions[0].tier = "7".into();
        form.questions[0].empathy = "lots".into();
        let (_, _, problems) = check(&form, "own-t", 1);
        let fields: Vec<&str> = problems.list.iter().map(|(f, _)| f.as_str()).collect();
        assert!(fields.contains(&"q-0-tier"), "{fields:?}");
        assert!(fields.contains(&"q-0-empathy"), "{fields:?}");
    }

    #[test]
    fn a_bad_question_link_is_reported_once_on_its_field() {
        let mut form = EditorForm::blank();
        form.title = "T".into();
        form.questions[0].prompt = "P".into();
        form.questions[0].links = vec![LinkRow {
            label: "Docs".into(),
            url: "docs.example.com".into(),
        }];
        let (_, _, problems) = check(&form, "own-t", 1);
        let fields: Vec<&str> = problems.list.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["q-0-link-0-url"], "{:?}", problems.list);
    }

    #[test]
    fn a_key_point_problem_is_placed_on_its_row() {
        let mut form = EditorForm::blank();
        form.questions.push(QuestionRow::blank());
        form.questions[1].points[0].label = "Says the refund takes 5 days".into();
        let (q, _) = form.to_questionnaire("own-t", 1);
        let id = &q.questions[1].rubric.key_points[0].id;
        let problem = Problem::new(
            None,
            Message::new("staff-questionnaire-phrasing-too-rich")
                .arg("phrasing", "x")
                .arg("point", id)
                .arg("max", 64),
            Message::new("staff-questionnaire-phrasing-too-rich-fix"),
            Part::KeyPoint,
        )
        .of_question(&q.questions[1].id)
        .of_key_point(id);
        assert_eq!(place(&problem, &q, &form).0, "q-1-kp-0-label");
    }

    #[test]
    fn a_question_is_named_by_its_number_on_the_page() {
        let mut form = EditorForm::blank();
        form.questions.push(QuestionRow::blank());
        let (q, _) = form.to_questionnaire("own-t", 1);
        let problem = Problem::new(
            None,
            Message::new("staff-questionnaire-question-tier")
                .arg(
                    "question",
                    crate::domain::questionnaire::question_name(&q.questions[1].id),
                )
                .count("tier", 9),
            Message::new("staff-questionnaire-question-tier-fix"),
            Part::Tier,
        )
        .of_question(&q.questions[1].id);
        let named = format!("Question '{}' has tier 9.", q.questions[1].id);
        assert!(problem.to_string().contains(&named), "{problem}");
        let (field, words) = place(&problem, &q, &form);
        assert_eq!(field, "q-1-tier");
        assert_eq!(
            words.english(),
            "Question 2 has tier 9. Tiers are 1 (simple), 2 (troubleshooting) or 3 (technical)."
        );
    }

    #[test]
    fn an_empty_title_is_placed_on_the_title() {
        let mut form = EditorForm::blank();
        form.questions[0].prompt = "P".into();
        let (_, _, problems) = check(&form, "own-t", 1);
        assert!(
            problems.list.iter().any(|(f, _)| f == "title"),
            "{:?}",
            problems.list
        );
    }
}
