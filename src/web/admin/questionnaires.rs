//! The questionnaire editor (owners): the list, a form that works without
//! JavaScript (adding and removing rows are submit buttons that draw the
//! form again with everything typed kept), "Try an answer" against the
//! question as it stands, every save a new version, export and import as
//! the same TOML as the files.

use std::collections::{BTreeMap, HashMap};

use actix_multipart::form::{tempfile::TempFile, text::Text, MultipartForm};
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::highlight;
use crate::db::{self, DbError};
use crate::domain::questionnaire::{
    Exemplars, KeyPointSpec, Link, Problem, QuestionSpec, Questionnaire, RubricSpec, WeightsSpec,
};
use crate::flows::questionnaires::{self as flow, Saved, Target};
use crate::scoring::authoring::{self, QuestionCheck};
use crate::scoring::{from_domain, Dimension, Scorer};
use crate::web::csrf;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::{clean_text, CsrfForm, MultipartBody};
use crate::web::render::{see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

/// The languages a questionnaire can be written in.
const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("fr", "French")];

/// Largest TOML text an import takes.
const MAX_IMPORT_BYTES: usize = 512 * 1024;

// ---------------------------------------------------------------- the form

#[derive(Debug, Clone, Default, PartialEq)]
struct LinkRow {
    label: String,
    url: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct PointRow {
    /// Empty until first saved; then kept, whatever the label becomes.
    id: String,
    label: String,
    required: bool,
    /// One example sentence per line.
    examples: String,
    /// One pattern per line (optional, for exact control).
    phrasings: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct QuestionRow {
    id: String,
    tier: String,
    prompt: String,
    minutes: String,
    links: Vec<LinkRow>,
    empathy: String,
    curiosity: String,
    content: String,
    points: Vec<PointRow>,
    /// Strong and weak exemplar answers, separated by blank lines.
    strong: String,
    weak: String,
    /// The answer pasted into "Try an answer" (never saved).
    try_answer: String,
}

/// The editor's fields exactly as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct EditorForm {
    title: String,
    language: String,
    description: String,
    links: Vec<LinkRow>,
    questions: Vec<QuestionRow>,
}

fn lines(items: &[String]) -> String {
    items.join("\n")
}

fn blocks(items: &[String]) -> String {
    items.join("\n\n")
}

fn split_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Blank-line separated blocks, each one answer.
fn split_blocks(s: &str) -> Vec<String> {
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

fn number(x: Option<f64>) -> String {
    x.map(|v| format!("{v}")).unwrap_or_default()
}

impl EditorForm {
    fn from_questionnaire(q: &Questionnaire) -> Self {
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

    fn blank() -> Self {
        EditorForm {
            language: "en".into(),
            questions: vec![QuestionRow::blank()],
            ..Default::default()
        }
    }

    /// Reads the posted fields (`q-0-kp-1-label` and so on), rows in the
    /// order of their numbers.
    fn from_pairs(pairs: &[(String, String)]) -> Self {
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
    fn apply(&mut self, action: &str) -> bool {
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
fn point_rows(q: &QuestionRow) -> Vec<usize> {
    q.points
        .iter()
        .enumerate()
        .filter(|(_, k)| !k.is_empty())
        .map(|(j, _)| j)
        .collect()
}

impl PointRow {
    fn is_empty(&self) -> bool {
        self.id.trim().is_empty()
            && self.label.trim().is_empty()
            && self.examples.trim().is_empty()
            && self.phrasings.trim().is_empty()
    }
}

type LinkMap = BTreeMap<usize, LinkRow>;
type PointMap = BTreeMap<usize, PointRow>;

fn set_link(row: &mut LinkRow, field: &str, value: String) {
    match field {
        "label" => row.label = value,
        "url" => row.url = value,
        _ => {}
    }
}

impl QuestionRow {
    fn blank() -> Self {
        QuestionRow {
            tier: "1".into(),
            points: vec![PointRow::default()],
            ..Default::default()
        }
    }
}

/// Problems keyed by the field they belong to (`""`: the whole form).
#[derive(Debug, Default)]
struct Problems {
    list: Vec<(String, String)>,
}

impl Problems {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.list.push((field.into(), message.into()));
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    fn by_field(&self) -> HashMap<&str, Vec<&str>> {
        let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
        for (f, m) in &self.list {
            out.entry(f.as_str()).or_default().push(m.as_str());
        }
        out
    }
}

/// A slug for a key point from its label, unique among `taken`.
fn point_id(label: &str, taken: &[String]) -> String {
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

fn question_id(taken: &[String]) -> String {
    (1..)
        .map(|n| format!("q{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

fn is_web_link(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

fn link_specs(rows: &[LinkRow], prefix: &str, problems: &mut Problems) -> Vec<Link> {
    let mut out = Vec::new();
    for (i, l) in rows.iter().enumerate() {
        let (label, url) = (l.label.trim(), l.url.trim());
        if label.is_empty() && url.is_empty() {
            continue;
        }
        if label.is_empty() {
            problems.add(
                format!("{prefix}link-{i}-label"),
                "Give the link a label candidates will read.",
            );
        }
        if !is_web_link(url) {
            problems.add(
                format!("{prefix}link-{i}-url"),
                "Enter the full address, like https://help.example.com.",
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
    fn to_questionnaire(&self, id: &str, version: u32) -> (Questionnaire, Problems) {
        let mut problems = Problems::default();
        let language = self.language.trim().to_string();
        if !matches!(language.as_str(), "en" | "fr") {
            problems.add("language", "Choose English or French.");
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
                    problems.add(format!("{p}tier"), "Choose tier 1, 2 or 3.");
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
                            "Enter whole minutes between 1 and 240, or leave it empty.",
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
                            "Enter a number of 0 or more, like 0.3 (or leave all three weights empty).",
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
/// checks) belongs to, found from the ids and words it names; its message
/// speaks of questions by their number on the page.
fn place(problem: &Problem, q: &Questionnaire, form: &EditorForm) -> (String, String) {
    let m = &problem.message;
    let mut message = format!("{} {}", m, problem.fix);
    let about_point = m.to_lowercase().contains("key point");
    // A message about a key point may name only the key point.
    let names_point = |spec: &QuestionSpec| {
        about_point
            && spec
                .rubric
                .key_points
                .iter()
                .any(|kp| m.contains(&format!("'{}'", kp.id)))
    };
    for (i, spec) in q.questions.iter().enumerate() {
        let named = format!("'{}'", spec.id);
        if !m.contains(&named) && !names_point(spec) {
            continue;
        }
        message = message
            .replace(&format!("Question {named}"), &format!("Question {}", i + 1))
            .replace(&format!("question {named}"), &format!("question {}", i + 1));
        let p = format!("q-{i}-");
        if about_point {
            let rows = form.questions.get(i).map(point_rows).unwrap_or_default();
            for (kp, j) in spec.rubric.key_points.iter().zip(rows) {
                if m.contains(&format!("'{}'", kp.id)) {
                    return (format!("{p}kp-{j}-label"), message);
                }
            }
        }
        let lower = m.to_lowercase();
        let field = if lower.contains("tier") {
            "tier"
        } else if lower.contains("prompt") {
            "prompt"
        } else if lower.contains("weight") {
            "empathy"
        } else {
            "prompt"
        };
        return (format!("{p}{field}"), message);
    }
    let lower = m.to_lowercase();
    let field = if lower.starts_with("the title") {
        "title".to_string()
    } else if lower.starts_with("the language") {
        "language".to_string()
    } else if lower.contains("no questions") {
        "add-question".to_string()
    } else if let Some(field) = form.questions.iter().enumerate().find_map(|(i, row)| {
        row.links
            .iter()
            .position(|l| !l.url.trim().is_empty() && m.contains(l.url.trim()))
            .map(|j| format!("q-{i}-link-{j}-url"))
    }) {
        field
    } else if let Some(i) = form
        .links
        .iter()
        .position(|l| !l.url.trim().is_empty() && m.contains(l.url.trim()))
    {
        format!("link-{i}-url")
    } else {
        "title".to_string()
    };
    (field, message)
}

/// Every problem of the form: its own, then those `Questionnaire::parse`
/// finds in the TOML it makes.
fn check(form: &EditorForm, id: &str, version: u32) -> (Questionnaire, String, Problems) {
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

// ------------------------------------------------------------ the views

/// What "Try an answer" shows: the score and its evidence, unsaved.
fn try_view(q: &Questionnaire, spec: &QuestionSpec, answer: &str) -> Value {
    let question = from_domain::question(q, spec);
    let s = Scorer::shared().score(&question, answer);
    let label_of = |id: &String| {
        spec.rubric
            .key_points
            .iter()
            .find(|k| &k.id == id)
            .map(|k| k.label.clone())
            .unwrap_or_else(|| id.clone())
    };
    let quotes_for = |label: &str| -> Vec<String> {
        s.evidence
            .iter()
            .filter(|e| e.dimension == Dimension::Content && e.label.contains(label))
            .filter_map(|e| answer.get(e.span.clone()).map(String::from))
            .collect()
    };
    json!({
        "percent": (s.score * 100.0).round() as i64,
        "empathy": s.empathy.grade,
        "curiosity": s.curiosity.grade,
        "content": s.content.share.map(|c| (c * 100.0).round() as i64),
        "capped": s.capped,
        "covered": s.content.covered.iter().map(|id| {
            let label = label_of(id);
            json!({ "label": label, "words": quotes_for(&label) })
        }).collect::<Vec<_>>(),
        "missed": s.content.missed.iter().map(|id| json!({
            "label": label_of(id),
            "why": s.content.miss_reasons.get(id),
            "required": s.content.required_missed.contains(id),
        })).collect::<Vec<_>>(),
        "tone": s.tone.iter().map(|t| t.label()).collect::<Vec<_>>(),
        "segments": highlight::segments(answer, &s.evidence),
        "evidence": s.evidence.iter().map(|e| json!({
            "dimension": e.dimension.label(),
            "label": e.label,
            "quote": answer.get(e.span.clone()).unwrap_or(""),
            "weight": format!("{:+.2}", e.weight),
        })).collect::<Vec<_>>(),
    })
}

fn field(name: String, value: &str, errors: &HashMap<&str, Vec<&str>>) -> Value {
    let error = errors.get(name.as_str()).map(|m| m.join(" "));
    json!({ "name": name, "value": value, "error": error })
}

fn link_views(rows: &[LinkRow], prefix: &str, errors: &HashMap<&str, Vec<&str>>) -> Vec<Value> {
    rows.iter()
        .enumerate()
        .map(|(i, l)| {
            let p = format!("{prefix}link-{i}");
            json!({
                "index": i,
                "label": field(format!("{p}-label"), &l.label, errors),
                "url": field(format!("{p}-url"), &l.url, errors),
            })
        })
        .collect()
}

/// Whether the strong exemplars cover each key point and the weak ones
/// miss it, and which key points are too vague, by (question, key point).
fn point_checks(checks: &[QuestionCheck]) -> HashMap<(&str, &str), &authoring::PointCheck> {
    let mut out = HashMap::new();
    for qc in checks {
        for p in &qc.points {
            out.insert((qc.question_id.as_str(), p.key_point_id.as_str()), p);
        }
    }
    out
}

struct EditorView<'a> {
    form: &'a EditorForm,
    /// The stored questionnaire being edited, `None` for a new one.
    id: Option<&'a str>,
    problems: &'a Problems,
    /// The authoring checks of the form as it stands.
    checks: &'a [QuestionCheck],
    /// Warnings (not blocking a save), by field.
    warnings: Vec<(String, String)>,
    /// The question whose "Try an answer" was pressed.
    tried: Option<usize>,
    notice: Option<&'a str>,
}

fn editor_context(v: &EditorView<'_>) -> Value {
    let errors = v.problems.by_field();
    let (q, _) = v.form.to_questionnaire(v.id.unwrap_or("draft"), 1);
    let checks = point_checks(v.checks);
    let warnings_by_field: HashMap<&str, Vec<&str>> = {
        let mut m: HashMap<&str, Vec<&str>> = HashMap::new();
        for (f, w) in &v.warnings {
            m.entry(f.as_str()).or_default().push(w.as_str());
        }
        m
    };
    let questions: Vec<Value> = v
        .form
        .questions
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let p = format!("q-{i}");
            let spec = q.questions.get(i);
            let rows = point_rows(row);
            let points: Vec<Value> = row
                .points
                .iter()
                .enumerate()
                .map(|(j, k)| {
                    let pp = format!("{p}-kp-{j}");
                    let stored = rows
                        .iter()
                        .position(|r| *r == j)
                        .and_then(|n| spec.and_then(|s| s.rubric.key_points.get(n)));
                    let check = stored.and_then(|kp| {
                        spec.and_then(|s| checks.get(&(s.id.as_str(), kp.id.as_str())))
                    });
                    json!({
                        "index": j,
                        "prefix": pp,
                        "id": k.id,
                        "label": field(format!("{pp}-label"), &k.label, &errors),
                        "required": k.required,
                        "examples": field(format!("{pp}-examples"), &k.examples, &errors),
                        "phrasings": field(format!("{pp}-phrasings"), &k.phrasings, &errors),
                        "warnings": warnings_by_field.get(format!("{pp}-label").as_str()),
                        "check": check.map(|c| json!({
                            "strong": c.strong.iter().enumerate().map(|(n, b)| json!({"n": n + 1, "ok": *b})).collect::<Vec<_>>(),
                            "weak": c.weak.iter().enumerate().map(|(n, b)| json!({"n": n + 1, "ok": !*b})).collect::<Vec<_>>(),
                            "strong_all": !c.strong.is_empty() && c.strong.iter().all(|b| *b),
                            "weak_none": c.weak.iter().all(|b| !*b),
                            "has_strong": !c.strong.is_empty(),
                            "has_weak": !c.weak.is_empty(),
                            "vague": c.vague,
                        })),
                    })
                })
                .collect();
            let tried = (v.tried == Some(i)).then(|| {
                spec.map(|s| try_view(&q, s, row.try_answer.trim()))
            });
            json!({
                "index": i,
                "number": i + 1,
                "prefix": p,
                "id": row.id,
                "tier": field(format!("{p}-tier"), &row.tier, &errors),
                "tiers": (1..=3).map(|t| json!({"value": t, "selected": row.tier.trim() == t.to_string()})).collect::<Vec<_>>(),
                "prompt": field(format!("{p}-prompt"), &row.prompt, &errors),
                "minutes": field(format!("{p}-minutes"), &row.minutes, &errors),
                "empathy": field(format!("{p}-empathy"), &row.empathy, &errors),
                "curiosity": field(format!("{p}-curiosity"), &row.curiosity, &errors),
                "content": field(format!("{p}-content"), &row.content, &errors),
                "links": link_views(&row.links, &format!("{p}-"), &errors),
                "points": points,
                "strong": field(format!("{p}-strong"), &row.strong, &errors),
                "weak": field(format!("{p}-weak"), &row.weak, &errors),
                "try": field(format!("{p}-try"), &row.try_answer, &errors),
                "warnings": warnings_by_field.get(format!("{p}-prompt").as_str()),
                "tried": tried.flatten(),
                "try_empty": v.tried == Some(i) && row.try_answer.trim().is_empty(),
            })
        })
        .collect();
    let action = match v.id {
        Some(id) => format!("/admin/questionnaires/{id}"),
        None => "/admin/questionnaires".into(),
    };
    json!({
        "action": action,
        "id": v.id,
        "is_new": v.id.is_none(),
        "title_field": field("title".into(), &v.form.title, &errors),
        "description": field("description".into(), &v.form.description, &errors),
        "language_error": errors.get("language").map(|m| m.join(" ")),
        "languages": LANGUAGES.iter().map(|(c, n)| json!({"value": c, "label": n, "selected": v.form.language == *c})).collect::<Vec<_>>(),
        "links": link_views(&v.form.links, "", &errors),
        "questions": questions,
        "questions_error": errors.get("add-question").map(|m| m.join(" ")),
        "problems": v.problems.list.iter().map(|(f, m)| json!({"field": if f.is_empty() { "editor" } else { f.as_str() }, "message": m})).collect::<Vec<_>>(),
        "warnings": v.warnings.iter().map(|(f, m)| json!({"field": f, "message": m})).collect::<Vec<_>>(),
        "notice": v.notice,
    })
}

/// The authoring checks of the form as it stands and their warnings
/// (vague key points, exemplars that disagree), placed next to their fields.
fn warnings_for(
    form: &EditorForm,
    q: &Questionnaire,
    source: &str,
) -> (Vec<QuestionCheck>, Vec<(String, String)>) {
    let checks = authoring::check(q);
    let warnings = authoring::warnings_of(&checks, source)
        .iter()
        .map(|p| place(p, q, form))
        .collect();
    (checks, warnings)
}

async fn versions_context(state: &AppState, id: &str) -> Result<Value, WebError> {
    let qid = id.to_string();
    let (versions, users) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::authored_questionnaires::versions(conn, &qid)?,
                db::users::list(conn)?,
            ))
        })
        .await
        .web_context("listing a questionnaire's versions")?;
    Ok(json!(versions
        .iter()
        .map(|v| json!({
            "version": v.version,
            "saved_on": v.saved_at.format("%-d %b %Y %H:%M").to_string(),
            "by": users.iter().find(|u| u.id == v.saved_by).map(|u| u.name.clone()).unwrap_or_default(),
        }))
        .collect::<Vec<_>>()))
}

#[allow(clippy::too_many_arguments)]
async fn render_editor(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    view: EditorView<'_>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let mut ctx = editor_context(&view);
    if let Some(id) = view.id {
        ctx["versions"] = versions_context(state, id).await?;
    }
    let title = if view.id.is_some() {
        "Edit questionnaire"
    } else {
        "New questionnaire"
    };
    Page::new("pages/admin/questionnaire_editor", title)
        .staff(owner.user(), "questionnaires")
        .status(status)
        .render(req, state, ctx)
}

// ------------------------------------------------------------ handlers

pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
) -> Result<HttpResponse, WebError> {
    let (latest, users) = state
        .db
        .read(|conn| {
            Ok::<_, DbError>((
                db::authored_questionnaires::latest_all(conn)?,
                db::users::list(conn)?,
            ))
        })
        .await
        .web_context("listing questionnaires")?;
    let own: Vec<Value> = latest
        .iter()
        .map(|v| {
            let q = Questionnaire::parse(&v.source).ok();
            json!({
                "id": v.questionnaire_id,
                "title": q.as_ref().map(|q| q.title.clone()).unwrap_or_else(|| v.questionnaire_id.clone()),
                "language": q.as_ref().and_then(|q| crate::domain::job::language_name(&q.language)),
                "questions": q.as_ref().map(|q| q.questions.len()),
                "version": v.version,
                "saved_on": v.saved_at.format("%-d %b %Y").to_string(),
                "by": users.iter().find(|u| u.id == v.saved_by).map(|u| u.name.clone()).unwrap_or_default(),
            })
        })
        .collect();
    let shipped: Vec<Value> = state
        .questionnaires
        .all()
        .iter()
        .map(|l| {
            let q = &l.questionnaire;
            json!({
                "id": q.id,
                "title": q.title,
                "language": crate::domain::job::language_name(&q.language),
                "questions": q.questions.len(),
                "version": q.version,
            })
        })
        .collect();
    Page::new("pages/admin/questionnaires", "Questionnaires")
        .staff(owner.user(), "questionnaires")
        .render(&req, &state, json!({ "own": own, "shipped": shipped }))
}

#[derive(Deserialize)]
pub struct NewQuery {
    from: Option<String>,
}

pub async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, WebError> {
    let form = match &query.from {
        Some(from) => {
            let loaded = state.questionnaires.get(from).ok_or(WebError::NotFound)?;
            let mut form = EditorForm::from_questionnaire(&loaded.questionnaire);
            form.title = format!("{} (copy)", form.title);
            form
        }
        None => EditorForm::blank(),
    };
    let problems = Problems::default();
    let (q, source, _) = check(&form, "draft", 1);
    let (checks, warnings) = warnings_for(&form, &q, &source);
    render_editor(
        &req,
        &state,
        &owner,
        EditorView {
            form: &form,
            id: None,
            problems: &problems,
            checks: &checks,
            warnings,
            tried: None,
            notice: None,
        },
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct EditQuery {
    version: Option<i32>,
    saved: Option<String>,
    imported: Option<String>,
}

pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    query: web::Query<EditQuery>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let (qid, version) = (id.clone(), query.version);
    let stored = state
        .db
        .read(move |conn| db::authored_questionnaires::find(conn, &qid, version))
        .await
        .web_context("reading a questionnaire")?
        .ok_or(WebError::NotFound)?;
    let q = Questionnaire::parse(&stored.source)
        .map_err(|p| WebError::Internal(format!("stored questionnaire {id}: {:?}", p.first())))?;
    let form = EditorForm::from_questionnaire(&q);
    let notice = if query.saved.is_some() {
        Some("Saved as a new version. Candidates who already answered keep the version they saw.")
    } else if query.imported.is_some() {
        Some("Imported and saved.")
    } else if query.version.is_some() {
        Some("This form starts from an earlier version: saving makes it the newest.")
    } else {
        None
    };
    let problems = Problems::default();
    let (checks, warnings) = warnings_for(&form, &q, &stored.source);
    render_editor(
        &req,
        &state,
        &owner,
        EditorView {
            form: &form,
            id: Some(&id),
            problems: &problems,
            checks: &checks,
            warnings,
            tried: None,
            notice,
        },
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    submit(&req, &state, &owner, None, &pairs).await
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let qid = id.clone();
    let exists = state
        .db
        .read(move |conn| db::authored_questionnaires::exists(conn, &qid))
        .await
        .web_context("finding a questionnaire")?;
    if !exists {
        return Err(WebError::NotFound);
    }
    submit(&req, &state, &owner, Some(&id), &pairs).await
}

/// One press of a button of the editor: add or remove a row, try an
/// answer, or save.
async fn submit(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    id: Option<&str>,
    pairs: &[(String, String)],
) -> Result<HttpResponse, WebError> {
    let mut form = EditorForm::from_pairs(pairs);
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.as_str())
        .unwrap_or("save");
    let no_problems = Problems::default();
    if form.apply(action) {
        let (q, source, _) = check(&form, id.unwrap_or("draft"), 1);
        let (checks, warnings) = warnings_for(&form, &q, &source);
        return render_editor(
            req,
            state,
            owner,
            EditorView {
                form: &form,
                id,
                problems: &no_problems,
                checks: &checks,
                warnings,
                tried: None,
                notice: None,
            },
            StatusCode::OK,
        )
        .await;
    }
    let (q, source, problems) = check(&form, id.unwrap_or("draft"), 1);
    let (checks, warnings) = warnings_for(&form, &q, &source);
    if let Some(i) = action
        .strip_prefix("try-")
        .and_then(|i| i.parse::<usize>().ok())
    {
        // Scored as the form stands, problems or not: nothing is saved.
        return render_editor(
            req,
            state,
            owner,
            EditorView {
                form: &form,
                id,
                problems: &problems,
                checks: &checks,
                warnings,
                tried: Some(i),
                notice: None,
            },
            StatusCode::OK,
        )
        .await;
    }
    if !problems.is_empty() {
        return render_editor(
            req,
            state,
            owner,
            EditorView {
                form: &form,
                id,
                problems: &problems,
                checks: &checks,
                warnings,
                tried: None,
                notice: None,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let files = state.questionnaires.clone();
    let target = match id {
        Some(id) => Target::Existing(id.to_string()),
        None => Target::New,
    };
    let actor = owner.user().id.clone();
    let saved = state
        .db
        .write(move |conn| flow::save_version(conn, &files, &q, &target, &actor, db::now()))
        .await
        .web_context("saving a questionnaire")?;
    match saved {
        Saved::Version { id, .. } => Ok(see_other(&format!(
            "/admin/questionnaires/{id}/edit?saved=1"
        ))),
        Saved::Refused(found) => {
            let (q, _) = form.to_questionnaire(id.unwrap_or("draft"), 1);
            let mut problems = Problems::default();
            for p in found {
                let (field, message) = place(&p, &q, &form);
                problems.add(field, message);
            }
            render_editor(
                req,
                state,
                owner,
                EditorView {
                    form: &form,
                    id,
                    problems: &problems,
                    checks: &checks,
                    warnings,
                    tried: None,
                    notice: None,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct ExportQuery {
    version: Option<i32>,
}

/// The TOML of a questionnaire (written in the app, or a file), as a
/// download: the same format `rapport questionnaire check` reads.
pub async fn export(
    state: web::Data<AppState>,
    _owner: Owner,
    id: web::Path<String>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let (qid, version) = (id.clone(), query.version);
    let stored = state
        .db
        .read(move |conn| db::authored_questionnaires::find(conn, &qid, version))
        .await
        .web_context("reading a questionnaire")?;
    let (source, version) = match stored {
        Some(v) => (v.source, v.version),
        None => {
            let l = state.questionnaires.get(&id).ok_or(WebError::NotFound)?;
            (l.source.clone(), l.questionnaire.version as i32)
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("application/toml; charset=utf-8")
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!("{id}-v{version}.toml"))],
        })
        .body(source))
}

fn import_context(
    own: &[(String, String)],
    source: &str,
    target: &str,
    problems: &[Problem],
) -> Value {
    json!({
        "source": source,
        "targets": own.iter().map(|(id, title)| json!({"id": id, "title": title, "selected": target == id})).collect::<Vec<_>>(),
        "problems": problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
    })
}

async fn own_titles(state: &AppState) -> Result<Vec<(String, String)>, WebError> {
    let latest = state
        .db
        .read(db::authored_questionnaires::latest_all)
        .await
        .web_context("listing questionnaires")?;
    Ok(latest
        .iter()
        .map(|v| {
            let title = Questionnaire::parse(&v.source)
                .map(|q| q.title)
                .unwrap_or_default();
            (v.questionnaire_id.clone(), title)
        })
        .collect())
}

#[derive(Deserialize)]
pub struct ImportQuery {
    into: Option<String>,
}

pub async fn import_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    query: web::Query<ImportQuery>,
) -> Result<HttpResponse, WebError> {
    let own = own_titles(&state).await?;
    Page::new("pages/admin/questionnaire_import", "Import a questionnaire")
        .staff(owner.user(), "questionnaires")
        .render(
            &req,
            &state,
            import_context(&own, "", query.into.as_deref().unwrap_or(""), &[]),
        )
}

#[derive(MultipartForm)]
pub struct ImportForm {
    csrf_token: Option<Text<String>>,
    source: Option<Text<String>>,
    target: Option<Text<String>>,
    #[multipart(limit = "512KB")]
    file: Option<TempFile>,
}

/// Imports pasted or uploaded TOML as a new questionnaire or a new version.
pub async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    MultipartBody(form): MultipartBody<ImportForm>,
) -> Result<HttpResponse, WebError> {
    let text = |t: &Option<Text<String>>| t.as_ref().map(|t| clean_text(&t.0)).unwrap_or_default();
    if !csrf::is_valid(&req, &state, &text(&form.csrf_token)) {
        return Err(WebError::Csrf);
    }
    let target_id = text(&form.target);
    let mut source = text(&form.source);
    if let Some(file) = form.file.as_ref().filter(|f| f.size > 0) {
        if file.size > MAX_IMPORT_BYTES {
            return Err(WebError::BadRequest(
                "The file is larger than 512 KB.".into(),
            ));
        }
        let bytes = std::fs::read(file.file.path())
            .map_err(|e| WebError::Internal(format!("reading an upload: {e}")))?;
        source = clean_text(&String::from_utf8_lossy(&bytes));
    }
    let own = own_titles(&state).await?;
    let target = if target_id.is_empty() || target_id == "new" {
        Target::New
    } else if own.iter().any(|(id, _)| *id == target_id) {
        Target::Existing(target_id.clone())
    } else {
        return Err(WebError::BadRequest(
            "Choose a questionnaire from the list.".into(),
        ));
    };
    let problems = if source.trim().is_empty() {
        vec![Problem {
            line: None,
            message: "There is no TOML to import.".into(),
            fix: "Paste the questionnaire's text or choose its .toml file.".into(),
        }]
    } else {
        let files = state.questionnaires.clone();
        let actor = owner.user().id.clone();
        let text = source.clone();
        let saved = state
            .db
            .write(move |conn| flow::import_toml(conn, &files, &text, &target, &actor, db::now()))
            .await
            .web_context("importing a questionnaire")?;
        match saved {
            Saved::Version { id, .. } => {
                return Ok(see_other(&format!(
                    "/admin/questionnaires/{id}/edit?imported=1"
                )))
            }
            Saved::Refused(p) => p,
        }
    };
    Page::new("pages/admin/questionnaire_import", "Import a questionnaire")
        .staff(owner.user(), "questionnaires")
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .render(
            &req,
            &state,
            import_context(&own, &source, &target_id, &problems),
        )
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
    fn a_problem_naming_only_a_key_point_is_placed_on_it() {
        let mut form = EditorForm::blank();
        form.questions.push(QuestionRow::blank());
        form.questions[1].points[0].label = "Says the refund takes 5 days".into();
        let (q, _) = form.to_questionnaire("own-t", 1);
        let id = &q.questions[1].rubric.key_points[0].id;
        let problem = Problem {
            line: None,
            message: format!("The phrasing \"x\" of key point '{id}' expands too far."),
            fix: "Split it.".into(),
        };
        assert_eq!(place(&problem, &q, &form).0, "q-1-kp-0-label");
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
