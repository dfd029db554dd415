//! The vocabulary of the scoring engine: questions, rubrics and scores.
//!
//! Every public type derives serde so the web app can store scores as JSON
//! and the CLI can print them.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;

/// Support language of a questionnaire, job or answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// ISO 639-1 code (`"en"`, `"fr"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Parses `"en"`/`"fr"` (case-insensitive, region suffix ignored: `fr-CA`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or("");
        match base.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// Ticket tier of a question, 1 (simple) to 3 (technical). Always valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Tier(u8);

impl Tier {
    pub const ONE: Tier = Tier(1);
    pub const TWO: Tier = Tier(2);
    pub const THREE: Tier = Tier(3);
    pub const ALL: [Tier; 3] = [Tier::ONE, Tier::TWO, Tier::THREE];

    /// `Some` for 1..=3.
    pub fn new(n: u8) -> Option<Tier> {
        (1..=3).contains(&n).then_some(Tier(n))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Tier {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        Tier::new(n).ok_or_else(|| format!("tier must be 1, 2 or 3, got {n}"))
    }
}

impl From<Tier> for u8 {
    fn from(t: Tier) -> u8 {
        t.0
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Relative weights of the three parts of an answer score. They need not sum
/// to 1: the combination divides by their sum. Negative or non-finite weights
/// count as 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    pub empathy: f64,
    pub curiosity: f64,
    pub content: f64,
}

impl Weights {
    /// Weights used when a question has no rubric (content then has no key
    /// points, so its share is redistributed to empathy and curiosity).
    pub const GENERIC: Weights = Weights {
        empathy: 0.35,
        curiosity: 0.35,
        content: 0.30,
    };
}

impl Default for Weights {
    fn default() -> Self {
        Weights::GENERIC
    }
}

/// One fact or step a good answer is expected to contain.
///
/// `phrasings` are matched accent-, case- and apostrophe-insensitively on
/// word boundaries, tolerating small inflections (plural, -ed, -ing, French
/// verb endings). A phrasing may contain alternatives:
/// `"a | b"` (whole alternatives), `"(server|back)-side render"` (inline
/// group), `"[the] page url"` (optional words) and `"cach*"` (any ending).
///
/// A key point without phrasings is matched in plain language on its
/// label and `examples` (see [`super::plain`]); one with both is found by
/// either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyPoint {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub phrasings: Vec<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// The per-question part of the rubric. Empathy and curiosity are judged by
/// generic detectors; the rubric adds expected content, weights and
/// exemplars (exemplars are kept for reviewers; the scorer does not use them).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Rubric {
    #[serde(default)]
    pub key_points: Vec<KeyPoint>,
    #[serde(default)]
    pub weights: Weights,
    #[serde(default)]
    pub exemplars: Vec<String>,
    /// The plain-language key points, compiled on first use for each
    /// language (so once per question, not once per answer).
    #[serde(skip)]
    pub compiled: CompiledKeyPoints,
}

/// A cache of [`super::plain::compile`] for a rubric; always equal to
/// another (it only depends on the rubric), cloned with its content.
#[derive(Default, Clone)]
pub struct CompiledKeyPoints {
    pub(crate) slots: [std::sync::OnceLock<std::sync::Arc<super::plain::Compiled>>; 2],
}

impl PartialEq for CompiledKeyPoints {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for CompiledKeyPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CompiledKeyPoints")
    }
}

/// A screening question as the scorer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub tier: Tier,
    /// Language of the questionnaire/job. When `None` the scorer falls back
    /// to detection, which it only trusts on long enough answers.
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub rubric: Option<Rubric>,
}

impl Question {
    /// A question without a per-question rubric (generic detectors only).
    pub fn generic(
        id: impl Into<String>,
        prompt: impl Into<String>,
        tier: Tier,
        lang: Option<Lang>,
    ) -> Self {
        Question {
            id: id.into(),
            prompt: prompt.into(),
            tier,
            lang,
            rubric: None,
        }
    }
}

/// Which part of the score a piece of evidence feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Empathy,
    Curiosity,
    Content,
    Tone,
}

impl Dimension {
    /// The dimension in a reviewer's words.
    pub fn label(self) -> Message {
        Message::new(match self {
            Dimension::Empathy => "staff-dimension-empathy",
            Dimension::Curiosity => "staff-dimension-curiosity",
            Dimension::Content => "staff-dimension-content",
            Dimension::Tone => "staff-dimension-tone",
        })
    }
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    // empathy
    Greeting,
    Gratitude,
    StockApology,
    EngagedApology,
    Courtesy,
    Warmth,
    Acknowledgement,
    Ownership,
    NextSteps,
    OfferOfHelp,
    Softener,
    SignOff,
    Exploration,
    // curiosity
    ProbeRootCause,
    ProbeNeed,
    ProbeSymptom,
    ProbeLocation,
    ProbeEnvironment,
    ProbeEvidence,
    ProbeIdentifier,
    ProbeScope,
    ProbeOther,
    GenericRequest,
    Invitation,
    Hypothesis,
    // content
    KeyPoint,
    // tone
    Blame,
    Sarcasm,
    Rhetorical,
    Shouting,
    BrushOff,
}

/// One contribution to a score: the exact byte span of the original answer
/// that earned it (always on char boundaries), and its weight (negative for
/// penalties, 0 for politeness cancelled by a put-down).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    pub dimension: Dimension,
    pub label: String,
    pub span: Range<usize>,
    pub weight: f64,
}

/// Tone problems; each costs a penalty on the answer score, and all but
/// `BrushOff` force empathy to 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToneFlag {
    Blame,
    /// Sarcasm or condescension.
    Sarcasm,
    /// Rhetorical or accusatory question.
    Rhetorical,
    Shouting,
    /// Link-only or one-line brush-off.
    BrushOff,
}

impl ToneFlag {
    /// The problem in a reviewer's words.
    pub fn label(self) -> Message {
        Message::new(match self {
            ToneFlag::Blame => "staff-tone-blame",
            ToneFlag::Sarcasm => "staff-tone-sarcasm",
            ToneFlag::Rhetorical => "staff-tone-rhetorical",
            ToneFlag::Shouting => "staff-tone-shouting",
            ToneFlag::BrushOff => "staff-tone-brush-off",
        })
    }
}

/// A 0–2 grade on the guide plus a finer score in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub grade: u8,
    pub score: f64,
}

/// Key-point coverage. `share` is `None` when the question has no key points.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContentScore {
    pub covered: Vec<String>,
    pub missed: Vec<String>,
    pub share: Option<f64>,
    pub required_missed: Vec<String>,
    /// Why a plain-language key point was missed, by key-point id
    /// ("says 14 days where the key point says 30"). Absent in scores
    /// stored before it existed.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub miss_reasons: std::collections::BTreeMap<String, String>,
}

/// Where the language used by the detectors came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LangSource {
    /// From the question (questionnaire or job).
    Question,
    /// Detected from a long enough answer.
    Detected,
    /// Not given and not reliably detectable: both languages' detectors ran.
    Undetermined,
}

/// Everything the scorer says about one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerScore {
    pub scorer_version: String,
    pub question_id: String,
    pub tier: Tier,
    /// Language whose detectors ran; `None` when both ran.
    pub lang: Option<Lang>,
    pub lang_source: LangSource,
    pub empathy: DimensionScore,
    pub curiosity: DimensionScore,
    pub content: ContentScore,
    pub tone: Vec<ToneFlag>,
    /// Weights actually applied (after redistribution of the content weight).
    pub weights: Weights,
    /// Sum of tone penalties subtracted from the weighted mean.
    pub penalty: f64,
    /// True when a missed required key point capped the score.
    pub capped: bool,
    /// Combined answer score in [0, 1].
    pub score: f64,
    pub evidence: Vec<Evidence>,
}
