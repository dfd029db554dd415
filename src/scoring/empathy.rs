//! Empathy: courtesy (greeting, thanks, stock apology, sign-off) earns a 1;
//! engagement with this person's situation earns a 2: naming the feeling or
//! the impact in their terms, an apology that names their trouble, warmth,
//! ownership ("I'll look into it", "je m'en occupe"), reassurance about next
//! steps, offers of further help, and exploration of their situation (the
//! EPITOME framework counts explorations as empathy too). Put-downs (blame,
//! sarcasm, rhetorical questions, shouting) cancel everything: grade 0.
//! Negated markers ("I don't understand", "je ne comprends pas") do not
//! count.
//!
//! Generic sympathy, encouragement and short reactions said of anything
//! ("hang in there", "it'll be okay", "that's rough.") are courtesy: a 1,
//! as peers grade them. A feeling named in their terms ("sounds
//! mortifying", "must make you feel so alone") engages: the data files
//! list feeling words once (`[feelings]`) and frames use them through
//! `{feeling}` / `{very}`.
//!
//! What each language says is data: `data/empathy/<code>.toml` (see the
//! top of `data/empathy/en.toml`), embedded at build time and parsed once.
//! This file only fixes what each list means and weighs.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;
use regex_automata::meta;
use regex_automata::util::syntax;
use rust_embed::RustEmbed;
use serde::Deserialize;

use super::text::{alt, alt_pattern, negated, Folded};
use super::types::{Dimension, DimensionScore, Evidence, EvidenceKind as K, Lang};

/// Total at or above which empathy is graded 2, provided at least one
/// engagement marker is present (see [`is_engagement`]).
pub const GRADE2_AT: f64 = 0.85;
/// Total at or above which empathy is graded 1.
pub const GRADE1_AT: f64 = 0.15;
/// Bonus for exploring the person's situation (curiosity grade 1 / 2):
/// only when the answer already shows some courtesy and asks, openly, what
/// they are going through ("what exactly isn't working for you?", "how is
/// this affecting your team?", "ce que vous voyez", the `[exploration]`
/// lists of the data files). Technical probes (versions, logs,
/// settings) are curiosity, not empathy: they earn no bonus, so "Hi +
/// good questions" stays a 1 (see also [`NEED_EXPLORATION_BONUS`]).
pub const EXPLORATION_BONUS: [f64; 3] = [0.0, 0.25, 0.4];
/// Bonus when the exploration asks, openly, about the person's need or
/// motive ("what were you hoping…", "qu'est-ce qui vous amène…"); with
/// curiosity 2 it counts as engagement.
pub const NEED_EXPLORATION_BONUS: [f64; 3] = [0.0, 0.35, 0.8];
/// "so I can look into it" after a request: an intention, weaker than a
/// commitment ("I'll look into it"). It counts as engagement only next to
/// real exploration (curiosity 2).
pub const PURPOSE_WEIGHT: f64 = 0.25;
pub const PURPOSE_LABEL: &str = "means to look into it (purpose clause)";
/// Offers that only close the message ("anything else I can help with?").
const STOCK_OFFER_WEIGHT: f64 = 0.2;
/// Stock friendliness ("good to hear from you", "ravi de vous lire",
/// "hope you're well"): courtesy, grade 1 alone.
pub const STOCK_FRIENDLINESS_LABEL: &str = "stock friendliness";

/// What each `[markers]` list of a data file means, in priority order:
/// where several lists match at the same place, the earlier one wins.
const MARKERS: [(&str, K, f64, &str); 15] = [
    // Listed first so it hides the warmth rules it overlaps.
    (
        "stock_friendliness",
        K::Courtesy,
        0.2,
        STOCK_FRIENDLINESS_LABEL,
    ),
    // Before the apologies: "so sorry you're going through this" is
    // generic sympathy, not an apology for their specific trouble.
    ("sympathy", K::Courtesy, 0.3, SYMPATHY_LABEL),
    (
        "acknowledgement",
        K::Acknowledgement,
        1.0,
        "acknowledges the feeling or impact",
    ),
    (
        "engaged_apology",
        K::EngagedApology,
        0.5,
        "apologises for their specific trouble",
    ),
    ("purpose", K::Ownership, PURPOSE_WEIGHT, PURPOSE_LABEL),
    ("offer_of_help", K::OfferOfHelp, 0.5, "offers further help"),
    ("warmth", K::Warmth, 0.5, "warm, positive engagement"),
    ("ownership", K::Ownership, 0.5, "takes ownership"),
    (
        "next_steps",
        K::NextSteps,
        0.3,
        "reassures about next steps",
    ),
    (
        "stock_apology",
        K::StockApology,
        STOCK_APOLOGY_WEIGHT,
        STOCK_APOLOGY_LABEL,
    ),
    ("gratitude", K::Gratitude, 0.25, "thanks the person"),
    ("courtesy", K::Courtesy, 0.2, "friendly courtesy"),
    ("softener", K::Softener, 0.2, "softens bad news"),
    ("greeting", K::Greeting, 0.15, "greeting"),
    ("sign_off", K::SignOff, 0.15, "friendly sign-off"),
];
const STOCK_APOLOGY_WEIGHT: f64 = 0.3;
/// Generic sympathy or encouragement ("hang in there", "sending hugs",
/// "bon courage"): courtesy, grade 1 alone.
pub const SYMPATHY_LABEL: &str = "generic sympathy or encouragement";
const STOCK_APOLOGY_LABEL: &str = "stock apology";

/// One language's knowledge, as written in `data/empathy/<code>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LangData {
    /// Informal writers drop apostrophes ("im sorry", "thats"): every
    /// apostrophe in the patterns becomes optional.
    #[serde(default)]
    optional_apostrophes: bool,
    markers: BTreeMap<String, Vec<String>>,
    exploration: Exploration,
    apology: Apology,
    offers: Offers,
    #[serde(default)]
    polite_request: Option<PoliteRequest>,
    #[serde(default)]
    feelings: Option<Feelings>,
}

/// Words naming an emotional state, and the intensifiers peers put before
/// them: a pattern writes `{feeling}` and `{very}` where they go, so one
/// frame ("must make you feel {very}{feeling}") covers every feeling the
/// linguist lists.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Feelings {
    words: Vec<String>,
    intensifiers: Vec<String>,
}

impl Feelings {
    /// `{feeling}` becomes a choice of the words; `{very}` up to two
    /// intensifiers, each followed by a space.
    fn expand(&self, pattern: &str) -> String {
        if !pattern.contains('{') {
            return pattern.to_string();
        }
        let words = format!("(?:{})", self.words.join("|"));
        let very = format!("(?:(?:{}) ){{0,2}}", self.intensifiers.join("|"));
        pattern
            .replace("{feeling}", &words)
            .replace("{very}", &very)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Exploration {
    situation: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Apology {
    words: Vec<String>,
    generic_objects: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Offers {
    stock: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PoliteRequest {
    thanks: String,
    joiners: Vec<String>,
    skip: Vec<String>,
    verb_endings: Vec<String>,
    not_verbs: Vec<String>,
}

#[derive(RustEmbed)]
#[folder = "data/empathy/"]
#[include = "*.toml"]
struct DataFiles;

/// Every language file, by language code (the file name), parsed once.
static DATA: LazyLock<HashMap<String, LangData>> =
    LazyLock::new(|| super::lang::knowledge_files::<DataFiles, LangData>("empathy"));

/// One language's compiled knowledge.
struct LangRules {
    /// (kind, weight, label) of each marker list, in priority order.
    markers: Vec<(K, f64, &'static str)>,
    /// Every marker list as one pattern of a multi-pattern regex, in
    /// priority order (leftmost-first: at one position the earlier list
    /// wins): one pass over the answer finds every marker and its list.
    all: meta::Regex,
    situation: Regex,
    data: &'static LangData,
}

pub struct EmpathyDetector {
    langs: Vec<(Lang, LangRules)>,
}

impl Default for EmpathyDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// Result of the empathy pass.
#[derive(Debug)]
pub struct EmpathyFindings {
    pub score: DimensionScore,
    pub evidence: Vec<Evidence>,
    /// Total of courtesy/engagement markers before exploration and
    /// cancellation (used for the brush-off check).
    pub raw: f64,
}

fn patterns(list: &[String], data: &LangData) -> Vec<String> {
    list.iter()
        .map(|p| {
            let p = match &data.feelings {
                Some(f) => f.expand(p),
                None => p.clone(),
            };
            if data.optional_apostrophes {
                apostrophes_optional(&p)
            } else {
                p
            }
        })
        .collect()
}

/// `'` made optional outside character classes: "i'm" also matches "im".
pub(crate) fn apostrophes_optional(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let (mut in_class, mut escaped) = (false, false);
    for c in pattern.chars() {
        out.push(c);
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '\'' if !in_class => out.push('?'),
            _ => {}
        }
    }
    out
}

impl EmpathyDetector {
    pub fn new() -> Self {
        let langs = DATA
            .iter()
            .filter_map(|(code, data)| Some((Lang::from_code(code)?, data)))
            .map(|(lang, data)| {
                let mut markers = Vec::new();
                let mut lists = Vec::new();
                for &(key, kind, weight, label) in &MARKERS {
                    let Some(list) = data.markers.get(key) else {
                        continue;
                    };
                    let list = patterns(list, data);
                    markers.push((kind, weight, label));
                    lists.push(alt_pattern(
                        &list.iter().map(String::as_str).collect::<Vec<_>>(),
                    ));
                }
                // Same engine settings as `text::rx` (ASCII, bytes).
                let all = meta::Regex::builder()
                    .syntax(syntax::Config::new().unicode(false).utf8(false))
                    .configure(
                        meta::Config::new()
                            .utf8_empty(false)
                            .nfa_size_limit(Some(1 << 25))
                            .hybrid_cache_capacity(1 << 25),
                    )
                    .build_many(&lists)
                    .expect("valid marker patterns");
                let rules = LangRules {
                    markers,
                    all,
                    situation: {
                        let list = patterns(&data.exploration.situation, data);
                        alt(&list.iter().map(String::as_str).collect::<Vec<_>>())
                    },
                    data,
                };
                (lang, rules)
            })
            .collect();
        EmpathyDetector { langs }
    }

    /// The knowledge of `lang`; `None` when it has no data file.
    fn lang(&self, lang: Lang) -> Option<&LangRules> {
        self.langs.iter().find(|(l, _)| *l == lang).map(|(_, r)| r)
    }

    /// `curiosity_grade` feeds the exploration bonus; `put_down` (a blame,
    /// sarcasm, rhetorical-question or shouting flag) cancels all empathy.
    /// `exploration_span` is the original-answer span of the first probe,
    /// shown as the evidence of the exploration bonus.
    pub fn detect(
        &self,
        f: &Folded,
        langs: &[Lang],
        curiosity_grade: u8,
        exploration_span: Option<Range<usize>>,
        need_probe: bool,
        put_down: bool,
    ) -> EmpathyFindings {
        let text = f.as_str();
        let hay = text.as_bytes();
        // Only needed when a greeting matches.
        let mut first_sentence_end = None;
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut hits: Vec<(K, f64, &'static str, Range<usize>)> = Vec::new();
        for &lang in langs {
            let Some(lr) = self.lang(lang) else {
                continue;
            };
            {
                for m in lr.all.find_iter(hay) {
                    let r = m.range();
                    if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
                        continue;
                    }
                    if negated(text, r.start, r.end) {
                        continue;
                    }
                    let (mut kind, mut weight, mut label) = lr.markers[m.pattern().as_usize()];
                    if kind == K::EngagedApology
                        && is_generic_apology(&lr.data.apology, text, r.clone())
                    {
                        kind = K::StockApology;
                        weight = STOCK_APOLOGY_WEIGHT;
                        label = STOCK_APOLOGY_LABEL;
                    }
                    if kind == K::OfferOfHelp && is_stock_offer(&lr.data.offers, text, r.clone()) {
                        kind = K::Courtesy;
                        weight = STOCK_OFFER_WEIGHT;
                        label = "stock offer of help";
                    }
                    if kind == K::Greeting
                        && r.start
                            >= *first_sentence_end.get_or_insert_with(|| {
                                f.sentences().first().map(|r| r.end).unwrap_or(0).max(1)
                            })
                    {
                        continue;
                    }
                    if kind == K::Gratitude
                        && lr
                            .data
                            .polite_request
                            .as_ref()
                            .is_some_and(|p| is_polite_request(p, &text[r.start..]))
                    {
                        continue;
                    }
                    taken.push(r.clone());
                    hits.push((kind, weight, label, r));
                }
            }
        }
        hits.sort_by_key(|h| h.3.start);
        // Repeats of one kind count half, up to twice the kind's weight.
        let mut per_kind: Vec<(K, f64)> = Vec::new();
        let mut evidence = Vec::with_capacity(hits.len() + 1);
        let mut raw = 0.0;
        for (kind, weight, label, r) in hits {
            let entry = match per_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some(e) => e,
                None => {
                    per_kind.push((kind, 0.0));
                    per_kind.last_mut().expect("just pushed")
                }
            };
            let cap = 2.0 * weight;
            let w = if entry.1 == 0.0 {
                weight
            } else {
                (weight * 0.5).min(cap - entry.1).max(0.0)
            };
            entry.1 += w;
            raw += w;
            evidence.push(Evidence {
                kind,
                dimension: Dimension::Empathy,
                label: if put_down {
                    format!("{label} (cancelled by a put-down)")
                } else {
                    label.to_string()
                },
                span: f.orig(r),
                weight: if put_down { 0.0 } else { w },
            });
        }
        let mut total = raw;
        // An open question about their situation or the impact on them.
        let situation = if curiosity_grade > 0 && raw > 0.0 && !put_down {
            langs
                .iter()
                .find_map(|&lang| self.lang(lang)?.situation.find(hay).map(|m| m.range()))
        } else {
            None
        };
        if raw > 0.0 && !put_down && (need_probe || situation.is_some()) {
            let table = if need_probe {
                NEED_EXPLORATION_BONUS
            } else {
                EXPLORATION_BONUS
            };
            let bonus = table[usize::from(curiosity_grade.min(2))];
            if bonus > 0.0 {
                total += bonus;
                let span = match (&situation, need_probe) {
                    (Some(r), false) => f.orig(r.clone()),
                    _ => exploration_span.unwrap_or(0..0),
                };
                evidence.push(Evidence {
                    kind: K::Exploration,
                    dimension: Dimension::Empathy,
                    label: "explores the person's situation (see curiosity)".into(),
                    span,
                    weight: bonus,
                });
            }
        }
        let (grade, score) = if put_down {
            (0, 0.0)
        } else {
            // Real exploration of the person: curiosity 2 with an open
            // question about their situation or need, not technical
            // probes alone.
            let explored = curiosity_grade >= 2 && (need_probe || situation.is_some());
            let engaged = (explored && need_probe)
                || evidence.iter().any(|e| {
                    is_engagement(e.kind)
                        && e.weight > 0.0
                        && (explored || e.label != PURPOSE_LABEL)
                });
            let grade = if total >= GRADE2_AT - 1e-9 && engaged {
                2
            } else if total >= GRADE1_AT {
                1
            } else {
                0
            };
            (grade, (total.min(2.0) / 2.0).clamp(0.0, 1.0))
        };
        EmpathyFindings {
            score: DimensionScore { grade, score },
            evidence,
            raw,
        }
    }
}

/// Markers that engage with the person rather than being generic courtesy:
/// naming their feeling or impact, an apology for their specific trouble,
/// warmth, ownership, offers of help, and real exploration (curiosity 2).
pub fn is_engagement(kind: K) -> bool {
    matches!(
        kind,
        K::Acknowledgement | K::EngagedApology | K::Warmth | K::Ownership | K::OfferOfHelp
    )
}

/// An apology whose object is only a generic noun ("sorry for the
/// inconvenience", "sorry about that", "désolé pour ce souci", "je suis
/// désolé pour ce désagrément") is stock courtesy; one that names this
/// person's trouble ("sorry it's not working yet", "désolé pour ce
/// ralentissement") is engaged. Bare intensified apologies ("I'm so
/// sorry") stay engaged.
fn is_generic_apology(apology: &Apology, text: &str, r: Range<usize>) -> bool {
    let rest = &text[r.start..];
    let clause_end = rest
        .find([',', '.', '!', '?', ';', ':', '\n', '(', '"'])
        .unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let clause = match clause.find(" - ") {
        Some(p) => &clause[..p],
        None => clause,
    };
    let mut words = clause
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    if !words
        .by_ref()
        .any(|w| apology.words.iter().any(|a| w.starts_with(a.as_str())))
    {
        return false;
    }
    let mut object = words.peekable();
    object.peek().is_some() && object.all(|w| apology.generic_objects.iter().any(|g| g == w))
}

/// "Let me know if there's anything else I can help with" closes the
/// message; it is courtesy, not an offer tailored to this person.
fn is_stock_offer(offers: &Offers, text: &str, r: Range<usize>) -> bool {
    let start = text[..r.start]
        .rfind(['.', '!', '?', '\n'])
        .map(|p| p + 1)
        .unwrap_or(0);
    let end = text[r.end..]
        .find(['.', '!', '?', '\n'])
        .map(|p| r.end + p)
        .unwrap_or(text.len());
    let sentence = &text[start..end];
    offers.stock.iter().any(|m| sentence.contains(m.as_str()))
}

/// "merci de m'envoyer…" is French for "please send me…", not thanks;
/// "merci de nous avoir écrit" / "merci de votre patience" are thanks.
fn is_polite_request(p: &PoliteRequest, s: &str) -> bool {
    let rest = match s.strip_prefix(p.thanks.as_str()) {
        Some(r) => r.trim_start(),
        None => return false,
    };
    let Some(rest) = p.joiners.iter().find_map(|j| rest.strip_prefix(j.as_str())) else {
        return false;
    };
    let mut words = rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| p.skip.iter().any(|k| k == w));
    match words.next() {
        Some(v) => {
            p.verb_endings.iter().any(|e| v.ends_with(e.as_str()))
                && !p.not_verbs.iter().any(|n| n == v)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grade(text: &str, lang: Lang) -> u8 {
        EmpathyDetector::new()
            .detect(&Folded::new(text), &[lang], 0, None, false, false)
            .score
            .grade
    }

    #[test]
    fn every_data_file_parses_and_fills_every_list() {
        assert!(DATA.len() >= 2);
        for (code, d) in DATA.iter() {
            assert!(Lang::from_code(code).is_some(), "{code}: no such language");
            for (key, ..) in MARKERS {
                assert!(
                    d.markers.get(key).is_some_and(|l| !l.is_empty()),
                    "data/empathy/{code}.toml: [markers] {key} is missing or empty"
                );
            }
            for key in d.markers.keys() {
                assert!(
                    MARKERS.iter().any(|m| m.0 == key),
                    "data/empathy/{code}.toml: unknown list {key}"
                );
            }
            assert!(!d.exploration.situation.is_empty(), "{code}");
            assert!(!d.apology.words.is_empty(), "{code}");
            assert!(!d.apology.generic_objects.is_empty(), "{code}");
            assert!(!d.offers.stock.is_empty(), "{code}");
        }
        assert_eq!(EmpathyDetector::new().langs.len(), DATA.len());
    }

    #[test]
    fn reassurance_and_encouragement_are_courtesy() {
        for (t, l) in [
            ("It'll be okay, don't beat yourself up.", Lang::En),
            ("Be gentle with yourself. Wishing you the best.", Lang::En),
            (
                "you're stronger than you think, one day at a time",
                Lang::En,
            ),
            ("Ça va aller, ne lâche rien.", Lang::Fr),
            ("Don't worry, it happens.", Lang::En),
            ("Pas de panique, ça arrive.", Lang::Fr),
            ("Ne vous inquiétez pas, ça arrive.", Lang::Fr),
            (
                "Sois indulgent avec toi-même, je te souhaite bon courage.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}");
            assert!(
                out.evidence.iter().all(|e| e.label == SYMPATHY_LABEL),
                "{t}: {:?}",
                out.evidence
            );
        }
        // look-alikes in support answers are not encouragement
        assert_eq!(grade("It will work out of the box.", Lang::En), 0);
        assert_eq!(grade("Vous ne perdez pas vos données.", Lang::Fr), 0);
    }

    #[test]
    fn short_generic_reactions_are_courtesy() {
        for (t, l) in [
            ("that sounds really hard, sorry.", Lang::En),
            ("damn that's really tough. sorry to hear.", Lang::En),
            ("so sorry man. hang in there", Lang::En),
            ("aw i'm sorry, that comparison trap is the worst.", Lang::En),
            ("C'est dur. Tellement désolé !", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}: {:?}", out.evidence);
        }
        // the same words framing a feeling in their terms engage
        assert_eq!(
            grade("That silence must be so scary to sit in.", Lang::En),
            2
        );
        assert_eq!(
            grade("That's awful timing, and your launch is at risk.", Lang::En),
            2
        );
    }

    #[test]
    fn feelings_named_in_any_frame_are_engagement() {
        for (t, l) in [
            (
                "having to walk back into that room sounds mortifying",
                Lang::En,
            ),
            (
                "being an only child five hours away must make you feel really alone with it",
                Lang::En,
            ),
            ("it makes sense if you feel gutted", Lang::En),
            ("of course you keep rereading it", Lang::En),
            (
                "his joking about it probably stings more than he realises",
                Lang::En,
            ),
            ("i get why it feels like it all went up in smoke", Lang::En),
            ("It's okay to feel angry about it.", Lang::En),
            ("Tu dois te sentir tellement seule.", Lang::Fr),
            ("C'est normal de se sentir perdu après ça.", Lang::Fr),
            ("Tu as le droit d'être en colère.", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 2, "{t}: {:?}", out.evidence);
        }
        // the same frames around a thing, not a feeling, in support answers
        for (t, l) in [
            (
                "The order was rejected and the cart is abandoned.",
                Lang::En,
            ),
            (
                "Your quota is exhausted; the issue is isolated to one page.",
                Lang::En,
            ),
            ("Le cache est vide, c'est perdu.", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 0, "{t}");
        }
        // a negated feeling does not count
        assert_eq!(grade("I don't get why it fails.", Lang::En), 0);
    }

    #[test]
    fn generic_sympathy_and_encouragement_are_courtesy() {
        for (t, l) in [
            ("I'm so sorry you're going through this.", Lang::En),
            ("hang in there, it gets better", Lang::En),
            ("sending hugs, you've got this", Lang::En),
            ("im sorry, hang in there", Lang::En),
            ("Bon courage !", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}");
            assert!(out.evidence.iter().all(|e| !is_engagement(e.kind)), "{t}");
        }
        // not sympathy: a thankless job, a long time together
        assert_eq!(grade("Teaching is thankless.", Lang::En), 0);
        assert_eq!(grade("17 years is a long time together.", Lang::En), 0);
    }

    #[test]
    fn feelings_named_in_peers_words_are_engagement() {
        for (t, l) in [
            ("that sounds so draining, every single evening.", Lang::En),
            ("That must have been really lonely.", Lang::En),
            (
                "no wonder youre exhausted, you're carrying this alone",
                Lang::En,
            ),
            ("Ça doit être épuisant, tous les soirs.", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::Acknowledgement),
                "{t}"
            );
            assert_eq!(out.score.grade, 2, "{t}");
        }
        // a verdict on something else is not their feeling
        assert_eq!(grade("Small towns are brutal for this.", Lang::En), 0);
    }

    #[test]
    fn apostrophes_are_optional_in_english_only() {
        assert_eq!(
            apostrophes_optional(r"i'm (?:[a-z'-]+ )?sorry"),
            r"i'?m (?:[a-z'-]+ )?sorry"
        );
        assert_eq!(grade("thats so frustrating", Lang::En), 2);
    }

    #[test]
    fn cold_answers_score_zero() {
        assert_eq!(
            grade("The setting is under Options > Display.", Lang::En),
            0
        );
        assert_eq!(grade("Videz le cache du navigateur.", Lang::Fr), 0);
    }

    #[test]
    fn generic_courtesy_scores_one() {
        assert_eq!(
            grade(
                "Hello, thanks for your message. The export is in Settings. Kind regards.",
                Lang::En
            ),
            1
        );
        assert_eq!(
            grade("We apologize for any inconvenience caused.", Lang::En),
            1
        );
        assert_eq!(grade("Bonjour, merci pour votre message. L'export se trouve dans Réglages. Cordialement.", Lang::Fr), 1);
        assert_eq!(grade("Désolé pour la gêne occasionnée.", Lang::Fr), 1);
    }

    #[test]
    fn engagement_scores_two() {
        assert_eq!(
            grade("I completely understand, losing orders during a sale is stressful. I'll look into it myself and get back to you today.", Lang::En),
            2
        );
        assert_eq!(
            grade("Je comprends, c'est vraiment frustrant de perdre des commandes. Je m'en occupe et je vous tiens au courant.", Lang::Fr),
            2
        );
    }

    #[test]
    fn negated_markers_do_not_count() {
        assert_eq!(
            grade("I don't understand why you are writing again.", Lang::En),
            0
        );
        assert_eq!(grade("Je ne comprends pas votre demande.", Lang::Fr), 0);
    }

    #[test]
    fn put_downs_cancel_politeness() {
        let d = EmpathyDetector::new();
        let f = Folded::new("Thanks for your patience, but you should have read the docs.");
        let out = d.detect(&f, &[Lang::En], 0, None, false, true);
        assert_eq!(out.score.grade, 0);
        assert!(out.evidence.iter().all(|e| e.weight == 0.0));
        let f = Folded::new("Merci de votre patience, mais il fallait lire la doc.");
        assert_eq!(
            d.detect(&f, &[Lang::Fr], 0, None, false, true).score.grade,
            0
        );
    }

    fn detect(text: &str, lang: Lang, cur: u8, need: bool) -> EmpathyFindings {
        EmpathyDetector::new().detect(&Folded::new(text), &[lang], cur, None, need, false)
    }

    #[test]
    fn stock_apologies_are_courtesy() {
        for (t, l) in [
            ("Hello, sorry for the hassle.", Lang::En),
            ("I'm sorry about this.", Lang::En),
            (
                "We're sorry for any inconvenience this may have caused.",
                Lang::En,
            ),
            ("Bonjour, navré pour ce contretemps.", Lang::Fr),
            ("Nous sommes désolés pour la gêne occasionnée.", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}");
            assert!(
                out.evidence.iter().all(|e| e.kind != K::EngagedApology),
                "{t}"
            );
        }
        // naming the trouble is engaged
        for (t, l) in [
            (
                "I'm sorry the invoice still shows the old address.",
                Lang::En,
            ),
            ("Désolé pour ce prélèvement en double.", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::EngagedApology),
                "{t}"
            );
        }
    }

    #[test]
    fn closing_offers_are_courtesy() {
        assert_eq!(
            grade(
                "Hi! It's under Billing. Is there anything else I can help you with?",
                Lang::En
            ),
            1
        );
        assert_eq!(
            grade(
                "Bonjour, c'est dans Facturation. Puis-je vous aider pour autre chose ?",
                Lang::Fr
            ),
            1
        );
        // an offer tailored to them
        let out = detect(
            "Hi! Happy to adapt the snippet to your theme if that helps.",
            Lang::En,
            0,
            false,
        );
        assert!(out.evidence.iter().any(|e| e.kind == K::OfferOfHelp));
    }

    #[test]
    fn impact_and_feelings_in_their_terms() {
        for (t, l) in [
            (
                "A checkout that freezes on payday is a real nightmare, I know.",
                Lang::En,
            ),
            (
                "Emails bouncing right before your launch are no fun at all.",
                Lang::En,
            ),
            (
                "Nobody likes finding their reviews gone overnight.",
                Lang::En,
            ),
            (
                "Des commandes bloquées un samedi, c'est vraiment la galère.",
                Lang::Fr,
            ),
            (
                "Une facture refusée, c'est toujours une mauvaise surprise.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::Acknowledgement),
                "{t}"
            );
            assert_eq!(out.score.grade, 2, "{t}");
        }
        assert_eq!(
            grade("Option B is the worst choice for speed.", Lang::En),
            0
        );
    }

    #[test]
    fn solidarity_and_commitment() {
        for (t, l) in [
            (
                "I hear you. I'll keep working on it with you until the sync runs clean.",
                Lang::En,
            ),
            (
                "I'm with you on this, and I'll make sure the refund goes through.",
                Lang::En,
            ),
            (
                "Je reste avec vous jusqu'à ce que l'import passe. On ne vous lâche pas.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(out.evidence.iter().any(|e| e.kind == K::Ownership), "{t}");
            assert_eq!(out.score.grade, 2, "{t}");
        }
        // waiting instructions are not commitments
        assert_eq!(grade("Wait until the update is done.", Lang::En), 0);
    }

    #[test]
    fn purpose_clause_is_weaker_than_ownership() {
        let t = "Hello, thanks! Please send the order number so I can look into it.";
        let out = detect(t, Lang::En, 1, false);
        assert_eq!(out.score.grade, 1);
        let p = out
            .evidence
            .iter()
            .find(|e| e.label == PURPOSE_LABEL)
            .expect("purpose clause");
        assert!(p.weight < 0.5);
        let t = "Hello, thanks! Send the order number and I'll look into it.";
        assert_eq!(detect(t, Lang::En, 1, false).score.grade, 2);
        let t = "Bonjour, merci ! Envoyez-moi le numéro de commande afin que je puisse vérifier.";
        assert_eq!(detect(t, Lang::Fr, 1, false).score.grade, 1);
    }

    #[test]
    fn courtesy_plus_good_questions_is_one() {
        // technical probes alone do not engage with the person
        let t = "Hello, thanks for writing! Which plan are you on, and how many seats?";
        assert_eq!(detect(t, Lang::En, 2, false).score.grade, 1);
        let t = "Bonjour, merci ! Quel hébergeur, et quelle version de PHP ?";
        assert_eq!(detect(t, Lang::Fr, 2, false).score.grade, 1);
        // asking openly about their need or motive does
        let t = "Thanks! What made you look for an export, and who reads it?";
        assert_eq!(detect(t, Lang::En, 2, true).score.grade, 2);
        // and so does exploration next to another sign of engagement
        let t = "Hi, thanks! I'll check the logs myself. Which page, and since when?";
        assert_eq!(detect(t, Lang::En, 2, false).score.grade, 2);
    }

    #[test]
    fn merci_de_plus_verb_is_a_request_not_thanks() {
        let p = DATA["fr"]
            .polite_request
            .as_ref()
            .expect("French polite requests");
        assert!(is_polite_request(p, "merci de m'envoyer l'url"));
        assert!(is_polite_request(p, "merci de bien vouloir me transmettre"));
        assert!(!is_polite_request(p, "merci de nous avoir ecrit"));
        assert!(!is_polite_request(p, "merci de votre patience"));
    }
    #[test]
    fn offers_to_review_or_walk_through_are_offers() {
        let offer = |t: &str, l: Lang| {
            EmpathyDetector::new()
                .detect(&Folded::new(t), &[l], 0, None, false, false)
                .evidence
                .iter()
                .any(|e| e.kind == K::OfferOfHelp && e.weight >= 0.5)
        };
        assert!(offer(
            "I'd be happy to go over your configuration.",
            Lang::En
        ));
        assert!(offer("Glad to take a look at the logs with you.", Lang::En));
        assert!(offer("We can debug it with you on a call.", Lang::En));
        assert!(offer(
            "Je peux relire votre configuration avec vous.",
            Lang::Fr
        ));
        assert!(offer(
            "Nous pouvons jeter un oeil à vos réglages.",
            Lang::Fr
        ));
        assert!(!offer("Je ne peux pas regarder votre code.", Lang::Fr));
        assert_eq!(
            grade(
                "Hi Sam, thanks for sharing this! I'd be glad to look over your snippet.",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn business_impact_in_their_terms_is_engagement() {
        for (t, l) in [
            (
                "Hi Mo. Three days without synced orders leaves a big hole in your books.",
                Lang::En,
            ),
            (
                "So the entire office is stuck and no one can log in since the update.",
                Lang::En,
            ),
            (
                "Hello, your members can't book a class right now, and you're losing bookings.",
                Lang::En,
            ),
            (
                "Bonjour, vos abonnés ne peuvent plus se connecter depuis hier soir.",
                Lang::Fr,
            ),
            (
                "Bonjour. Toute l'agence est paralysée, personne ne peut travailler.",
                Lang::Fr,
            ),
            (
                "Un vrai trou dans vos statistiques de la semaine, je comprends.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::Acknowledgement),
                "{t}"
            );
            assert_eq!(out.score.grade, 2, "{t}");
        }
    }

    #[test]
    fn owning_the_fault_or_the_fix_is_engagement() {
        for (t, l) in [
            (
                "Hi, this looks like our bug, not anything you did. I'm treating it as top priority.",
                Lang::En,
            ),
            (
                "Hello Ana, that one's on us. We'll figure it out with you.",
                Lang::En,
            ),
            (
                "Bonjour, l'erreur vient de chez nous. Je prends votre dossier en priorité.",
                Lang::Fr,
            ),
            (
                "Bonjour, c'est probablement notre faute : nous allons corriger cela avec vous.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(out.evidence.iter().any(|e| e.kind == K::Ownership), "{t}");
            assert_eq!(out.score.grade, 2, "{t}");
        }
        // denying the fault is not ownership
        let out = detect("It's not our fault.", Lang::En, 0, false);
        assert!(out.evidence.iter().all(|e| e.kind != K::Ownership));
    }

    #[test]
    fn remedies_and_follow_ups_are_engagement() {
        for (t, l) in [
            (
                "Hi Lee, I can backfill the missing rows from our logs. Meanwhile, you can export from the old dashboard.",
                Lang::En,
            ),
            (
                "Hello! As a temporary workaround, disable the sync. I'll keep you posted on the fix.",
                Lang::En,
            ),
            (
                "Hi, thanks for flagging it. I'll circle back this afternoon once the patch is out.",
                Lang::En,
            ),
            (
                "Bonjour, merci du signalement. En attendant le correctif, vous pouvez passer par l'import manuel.",
                Lang::Fr,
            ),
            (
                "Bonjour, je peux restaurer la sauvegarde de lundi. Je vous fais signe dès que c'est fait.",
                Lang::Fr,
            ),
            (
                "Bonjour, merci. Nous reviendrons vers vous dès demain avec un point complet.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence
                    .iter()
                    .any(|e| matches!(e.kind, K::Ownership | K::OfferOfHelp)),
                "{t}"
            );
            assert_eq!(out.score.grade, 2, "{t}");
        }
    }

    #[test]
    fn stock_friendliness_is_courtesy() {
        for (t, l) in [
            (
                "Hi, lovely to hear from you again! Thanks for the note. The toggle is in Settings.",
                Lang::En,
            ),
            (
                "Happy Friday! Hope all is well. Thanks, the invoice is under Billing. Cheers!",
                Lang::En,
            ),
            (
                "Bonjour, toujours un plaisir de vous lire ! Merci, l'option est dans Réglages.",
                Lang::Fr,
            ),
            (
                "Bonjour, j'espère que tout va bien. Merci, le lien est en bas de page. Bon vendredi !",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}");
            assert!(
                out.evidence.iter().any(|e| e.label == STOCK_FRIENDLINESS_LABEL),
                "{t}"
            );
            assert!(out.evidence.iter().all(|e| !is_engagement(e.kind)), "{t}");
        }
        // real warmth about their news stays warmth
        let out = detect("Glad to hear the import went through!", Lang::En, 0, false);
        assert!(out.evidence.iter().any(|e| e.kind == K::Warmth));
    }

    #[test]
    fn technical_probes_are_not_empathic_exploration() {
        // courtesy + a purpose clause + technical probes: still generic
        let t = "Hello, sorry about that. Which Node version, and can you paste the stack trace so I can investigate?";
        let out = detect(t, Lang::En, 2, false);
        assert_eq!(out.score.grade, 1);
        assert!(out.evidence.iter().all(|e| e.kind != K::Exploration));
        let t = "Bonjour, merci. Quel thème, quelle version du module, et pouvez-vous joindre le journal d'erreurs afin que je puisse regarder ?";
        let out = detect(t, Lang::Fr, 2, false);
        assert_eq!(out.score.grade, 1);
        assert!(out.evidence.iter().all(|e| e.kind != K::Exploration));
        // an open question about their situation is exploration
        let t = "Hello, sorry about that. How is this affecting your team, and which page breaks, so I can investigate?";
        let out = detect(t, Lang::En, 2, false);
        assert_eq!(out.score.grade, 2);
        let ex = out
            .evidence
            .iter()
            .find(|e| e.kind == K::Exploration)
            .expect("exploration");
        assert_eq!(&t[ex.span.clone()], "How is this affecting");
        let t = "Bonjour, merci. Qu'est-ce qui bloque exactement pour vous, et sur quelle page, afin que je puisse regarder ?";
        assert_eq!(detect(t, Lang::Fr, 2, false).score.grade, 2);
    }

    #[test]
    fn what_they_should_not_have_had_to_do_is_acknowledged() {
        for (t, l) in [
            ("Sorry, you shouldn't have to hunt for it.", Lang::En),
            ("You should never have had to wait that long.", Lang::En),
            ("Désolé, vous ne devriez pas avoir à chercher.", Lang::Fr),
            ("Vous n'auriez pas dû devoir attendre.", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 2, "{t}");
        }
        // the customer's fault, negated or wrong, is not empathy
        assert_eq!(grade("You should have checked the settings.", Lang::En), 0);
        assert_eq!(grade("Vous devriez avoir la bonne version.", Lang::Fr), 0);
    }

    #[test]
    fn a_bare_happy_to_help_or_sorry_youre_stuck_is_courtesy() {
        for (t, l) in [
            ("Hi, happy to help.", Lang::En),
            ("Hi, sorry you're stuck!", Lang::En),
            ("Sorry you're having trouble with this.", Lang::En),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}: {:?}", out.evidence);
        }
        // an offer naming what they will help with, an apology naming the
        // trouble, stay engaged
        for t in [
            "Happy to help you migrate the list.",
            "Sorry it was hard to find.",
            "Sorry you're stuck with blank pages.",
        ] {
            let out = detect(t, Lang::En, 0, false);
            assert!(
                out.evidence.iter().any(|e| is_engagement(e.kind)),
                "{t}: {:?}",
                out.evidence
            );
        }
        let out = detect("Sorry it happened.", Lang::En, 0, false);
        assert!(!out.evidence.iter().any(|e| is_engagement(e.kind)));
    }

    #[test]
    fn reassurance_about_what_they_keep_counts() {
        for (t, l) in [
            ("You'll keep access until the end of the month.", Lang::En),
            ("Rest assured, your orders are safe.", Lang::En),
            ("Rassurez-vous, vos données sont intactes.", Lang::Fr),
            ("Vous ne perdrez rien.", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::NextSteps),
                "{t}: {:?}",
                out.evidence
            );
        }
        assert!(detect("You lose access today.", Lang::En, 0, false)
            .evidence
            .is_empty());
    }

    #[test]
    fn answering_a_harsh_self_judgement_and_mixed_feelings_engage() {
        for (t, l) in [
            ("you're not a horrible friend.", Lang::En),
            (
                "you can be happy for her and heartbroken at the same time",
                Lang::En,
            ),
            ("relief and grief together, of course", Lang::En),
            ("Tu n'es pas une mauvaise amie.", Lang::Fr),
            ("Le soulagement et la tristesse en même temps.", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 2, "{t}");
        }
        // the same frames about things, not a judgement of themselves
        assert_eq!(grade("You're not a customer yet.", Lang::En), 0);
        assert_eq!(grade("The cart is abandoned.", Lang::En), 0);
        assert_eq!(grade("i feel so abandoned", Lang::En), 2);
        assert_eq!(grade("Save and publish at the same time.", Lang::En), 0);
    }
}
