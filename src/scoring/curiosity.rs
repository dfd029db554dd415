//! Curiosity: questions and requests that explore the problem or the need
//! behind it (EPITOME's explorations).
//!
//! Every question sentence, and every request phrased as an imperative or a
//! need ("please send me the URL", "envoyez-moi l'URL", "a screenshot would
//! help", or a curt "Send the URL, the ID, the response codes."), is split
//! into clauses ("which page, since when, and which plugins" = 3 probes; the
//! items of a requested list count one each; alternatives joined by "or"
//! stay one probe). Instructions that send something elsewhere ("share the
//! link with your team") are not requests. Each
//! clause is weighed by what it asks about:
//!
//! | probe | weight |
//! |---|---|
//! | root cause: since when / after what change / expected vs actual | 2.0 |
//! | their own experience: feelings, thoughts, what they told or tried ("have you told anyone how you feel?") | 2.0 |
//! | the purpose behind the request, open, with concrete alternatives ("what would you use it for: X or Y?") | 2.0 |
//! | the need behind the request, open question ("what were you hoping…") | 1.5 (1.0 when yes/no) |
//! | symptom, location (page, URL), environment, evidence, identifier, scope | 1.0 |
//! | any other genuine question | 1.0 |
//! | generic request for more ("tell me more") | 0.75 |
//! | invitation to share more, or a tentative hypothesis about the need | 0.5 |
//!
//! Grade 2 needs a total of at least 2.0 including one non-generic probe;
//! grade 1 any probe. Rhetorical or accusatory questions, offers ("anything
//! else I can help with?"), check-ins ("does that help?") and suggestions
//! phrased as questions ("could you try clearing the cache?", "maybe try…?",
//! "why not…?") are not probes, nor are questions that explore nothing
//! ("who hasn't been ghosted at some point?", "want to hear what helped
//! me?"). "…, or anything else?" is an alternative, not an offer.
//!
//! What each language says is data: `data/curiosity/<code>.toml` (each
//! list is documented there), embedded at build time and parsed once.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;
use regex_automata::util::syntax;
use regex_automata::{meta, Input, MatchKind, PatternSet};
use rust_embed::RustEmbed;
use serde::Deserialize;

use super::text::{alt, alt_pattern, rx, Folded};
use super::types::{Dimension, DimensionScore, Evidence, EvidenceKind as K, Lang};

pub const GRADE2_AT: f64 = 2.0;
/// Weight of an open question about the need behind the request ("what
/// were you hoping…"); empathy treats it as exploring the person.
pub const OPEN_NEED_WEIGHT: f64 = 1.5;
/// An open question about the purpose behind the request that offers
/// concrete alternatives ("what would you use dark mode for: late-night
/// sessions or accessibility?") is clearly aimed at the need: grade 2.
pub const NEED_WITH_ALTERNATIVES_WEIGHT: f64 = 2.0;
const NEED_WITH_ALTERNATIVES_LABEL: &str =
    "asks about the purpose behind the request, with concrete alternatives";
const SCORE_FULL_AT: f64 = 3.0;

struct Topic {
    kind: K,
    weight: f64,
    label: &'static str,
}

/// What each `[topics]` list of a data file asks about, and its weight.
const TOPICS: [(&str, K, f64, &str); 9] = [
    (
        "root_cause",
        K::ProbeRootCause,
        2.0,
        "asks since when / after what change / what was expected",
    ),
    // Their feelings, their thoughts, what they told or tried: aimed at
    // what this person is going through, so worth a root-cause probe.
    (
        "experience",
        K::ProbeRootCause,
        2.0,
        "asks about their own experience (feelings, thoughts, what they told or tried)",
    ),
    (
        "need",
        K::ProbeNeed,
        OPEN_NEED_WEIGHT,
        "asks about the need or use case behind it",
    ),
    ("symptom", K::ProbeSymptom, 1.0, "asks what exactly happens"),
    (
        "evidence",
        K::ProbeEvidence,
        1.0,
        "asks for evidence (screenshot, logs, exact error)",
    ),
    ("location", K::ProbeLocation, 1.0, "asks where (page, URL)"),
    (
        "environment",
        K::ProbeEnvironment,
        1.0,
        "asks about the environment",
    ),
    (
        "identifier",
        K::ProbeIdentifier,
        1.0,
        "asks for an identifier (account, invoice, email)",
    ),
    ("scope", K::ProbeScope, 1.0, "asks about scope or frequency"),
];

/// One language's knowledge, as written in `data/curiosity/<code>.toml`
/// (each field is documented there).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LangData {
    #[serde(default)]
    optional_apostrophes: bool,
    request: Vec<String>,
    bare_request: String,
    not_request: String,
    invitation: Vec<String>,
    hypothesis: Vec<String>,
    skip_question: Vec<String>,
    explores_nothing: Vec<String>,
    not_offer: Vec<String>,
    suggestion: String,
    generic: Vec<String>,
    opener: String,
    determiner: String,
    open_wh: Vec<String>,
    yesno: String,
    tag: String,
    need_purpose: Vec<String>,
    alternatives: String,
    clause_boundary: String,
    additive_joiners: Vec<String>,
    subject_pronouns: Vec<String>,
    subject_elisions: Vec<String>,
    topics: BTreeMap<String, Vec<String>>,
}

#[derive(RustEmbed)]
#[folder = "data/curiosity/"]
#[include = "*.toml"]
struct DataFiles;

/// Every language file, by language code (the file name), parsed once.
static DATA: LazyLock<HashMap<String, LangData>> =
    LazyLock::new(|| super::lang::knowledge_files::<DataFiles, LangData>("curiosity"));

/// The patterns of a list as the detector compiles them.
fn patterns(data: &LangData, list: &[String]) -> Vec<String> {
    list.iter().map(|p| one(data, p)).collect()
}

fn one(data: &LangData, p: &str) -> String {
    if data.optional_apostrophes {
        super::empathy::apostrophes_optional(p)
    } else {
        p.to_string()
    }
}

struct LangSet {
    request: Regex,
    /// A bare imperative at the start of a sentence ("Send the URL, the
    /// ID…", "Forward the bounce message.").
    bare_request: Regex,
    /// Instructions that look like requests but send something elsewhere
    /// ("send it to your accountant", "paste the snippet into your theme").
    not_request: Regex,
    invitation: Regex,
    hypothesis: Regex,
    skip_question: Regex,
    /// Questions that explore nothing: rhetorical ("who hasn't been
    /// ghosted?") or about the writer ("want to hear what helped me?").
    explores_nothing: meta::Regex,
    /// "…, or anything else?": an alternative, not an offer of help.
    not_offer: Regex,
    suggestion: Regex,
    generic: Regex,
    opener: Regex,
    determiner: Regex,
    open_wh: Regex,
    /// A yes/no question opening a clause ("do you use…", "le problème
    /// apparaît-il…"): a question of its own.
    yesno: Regex,
    /// Tag questions checking a summary ("…, is that right?").
    tag: Regex,
    /// Questions about the purpose behind a request ("what would you use
    /// it for", "why", "qu'est-ce qui vous amène").
    need_purpose: Regex,
    /// Concrete alternatives offered in the same clause ("…, or …").
    alternatives: Regex,
    /// Where a clause ends.
    boundary: Regex,
    data: &'static LangData,
    topics: Vec<Topic>,
    /// One pattern per topic, same order as `topics`: one pass per clause
    /// tells every topic that matches in it (a `RegexSet`'s search).
    topic_set: meta::Regex,
}

/// What [`rx`] compiles, as one regex per pattern (`MatchKind::All`: a
/// set) but without the literal prefilter the `regex` crate would pick.
/// The topic words ("logs?", "ids?", "page") and the rhetorical frames
/// start with literals so common that hopping from one candidate to the
/// next costs more than one plain DFA pass: without it the topic set
/// takes about a third less per clause, `explores_nothing` half as much
/// per English question.
fn without_prefilter(patterns: &[String], kind: MatchKind) -> meta::Regex {
    meta::Regex::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .configure(
            meta::Config::new()
                .match_kind(kind)
                .utf8_empty(false)
                .auto_prefilter(false)
                .nfa_size_limit(Some(1 << 24))
                .hybrid_cache_capacity(1 << 24),
        )
        .build_many(patterns)
        .unwrap_or_else(|e| panic!("invalid curiosity patterns {patterns:?}: {e}"))
}

impl LangSet {
    fn new(data: &'static LangData) -> LangSet {
        let list = |l: &[String]| {
            let ps = patterns(data, l);
            alt(&ps.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let single = |p: &str| rx(&one(data, p));
        let mut topics = Vec::new();
        let mut topic_patterns = Vec::new();
        for &(key, kind, weight, label) in &TOPICS {
            if let Some(l) = data.topics.get(key) {
                topics.push(Topic {
                    kind,
                    weight,
                    label,
                });
                let ps = patterns(data, l);
                topic_patterns.push(alt_pattern(
                    &ps.iter().map(String::as_str).collect::<Vec<_>>(),
                ));
            }
        }
        let topic_set = without_prefilter(&topic_patterns, MatchKind::All);
        LangSet {
            request: list(&data.request),
            bare_request: single(&data.bare_request),
            not_request: single(&data.not_request),
            invitation: list(&data.invitation),
            hypothesis: list(&data.hypothesis),
            skip_question: list(&data.skip_question),
            explores_nothing: {
                let ps = patterns(data, &data.explores_nothing);
                let alts = ps.iter().map(String::as_str).collect::<Vec<_>>();
                without_prefilter(&[alt_pattern(&alts)], MatchKind::LeftmostFirst)
            },
            not_offer: list(&data.not_offer),
            suggestion: single(&data.suggestion),
            generic: list(&data.generic),
            opener: single(&data.opener),
            determiner: single(&data.determiner),
            open_wh: list(&data.open_wh),
            yesno: single(&data.yesno),
            tag: single(&data.tag),
            need_purpose: list(&data.need_purpose),
            alternatives: single(&data.alternatives),
            boundary: single(&data.clause_boundary),
            data,
            topics,
            topic_set,
        }
    }
}

pub struct CuriosityDetector {
    langs: Vec<(Lang, LangSet)>,
}

impl Default for CuriosityDetector {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug)]
pub struct CuriosityFindings {
    pub score: DimensionScore,
    pub evidence: Vec<Evidence>,
    pub total: f64,
}

impl CuriosityDetector {
    pub fn new() -> Self {
        let langs = DATA
            .iter()
            .filter_map(|(code, data)| Some((Lang::from_code(code)?, LangSet::new(data))))
            .collect();
        CuriosityDetector { langs }
    }

    /// The knowledge of `lang`; `None` when it has no data file.
    fn set(&self, lang: Lang) -> Option<&LangSet> {
        self.langs.iter().find(|(l, _)| *l == lang).map(|(_, s)| s)
    }

    /// `rhetorical` are folded spans of rhetorical questions found by the
    /// tone pass; sentences overlapping them are not probes.
    pub fn detect(
        &self,
        f: &Folded,
        langs: &[Lang],
        rhetorical: &[Range<usize>],
    ) -> CuriosityFindings {
        let text = f.as_str();
        let mut probes: Vec<(K, f64, &'static str, Range<usize>)> = Vec::new();
        let mut extras: Vec<(K, f64, &'static str, Range<usize>)> = Vec::new();
        // One pass over the whole text per pattern, not one per sentence.
        let hay = text.as_bytes();
        let starts =
            |re: &Regex| -> Vec<Range<usize>> { re.find_iter(hay).map(|m| m.range()).collect() };
        let sets: Vec<&LangSet> = langs.iter().filter_map(|&l| self.set(l)).collect();
        let pre: Vec<[Vec<Range<usize>>; 3]> = sets
            .iter()
            .map(|set| {
                [
                    starts(&set.request),
                    starts(&set.invitation),
                    starts(&set.hypothesis),
                ]
            })
            .collect();
        let first_in = |v: &[Range<usize>], sent: &Range<usize>| {
            v.iter()
                .find(|r| r.start >= sent.start && r.start < sent.end)
                .cloned()
        };
        // The split the other passes share, made once per answer.
        for sent in f.sentences().iter().cloned() {
            if rhetorical
                .iter()
                .any(|r| r.start < sent.end && sent.start < r.end)
            {
                continue;
            }
            let s = &text[sent.clone()];
            let is_question = s.trim_end_matches(['"', ')', ' ', '#', '.']).ends_with('?');
            for (li, &set) in sets.iter().enumerate() {
                let [req, inv, hyp] = &pre[li];
                for r in hyp
                    .iter()
                    .filter(|r| r.start >= sent.start && r.start < sent.end)
                {
                    extras.push((
                        K::Hypothesis,
                        0.5,
                        "explores a hypothesis about the need",
                        r.clone(),
                    ));
                }
                // Where the probing part of the sentence starts, and what a
                // clause without a topic is worth there.
                let request = first_in(req, &sent)
                    .map(|m| m.start - sent.start)
                    .or_else(|| set.bare_request.find(s.as_bytes()).map(|m| m.start()))
                    .filter(|&at| !set.not_request.is_match(&s.as_bytes()[at..]));
                // A request lists items: "the URL, the ID, the codes" are
                // three probes.
                let list = request.is_some();
                let (start, headless) = if is_question {
                    if set.skip_question.is_match(s.as_bytes())
                        && !set.not_offer.is_match(s.as_bytes())
                        || set.explores_nothing.is_match(s.as_bytes())
                    {
                        continue;
                    }
                    (0, (K::ProbeOther, 1.0, "asks a specific question"))
                } else if let Some(at) = request {
                    (at, (K::ProbeOther, 1.0, "asks for specific information"))
                } else if let Some(m) = first_in(inv, &sent) {
                    (
                        m.start - sent.start,
                        (K::Invitation, 0.5, "invites further detail"),
                    )
                } else {
                    continue;
                };
                let found = self.clauses(set, s, start, headless, list);
                let any = !found.is_empty();
                for (kind, w, label, r) in found {
                    let item = (kind, w, label, shift(r, sent.start));
                    if kind == K::Invitation {
                        extras.push(item);
                    } else {
                        probes.push(item);
                    }
                }
                if any {
                    break;
                }
            }
        }
        let probe_total: f64 = probes.iter().map(|p| p.1).sum();
        let has_specific = probes.iter().any(|p| p.0 != K::GenericRequest);
        let mut total = probe_total;
        let mut evidence: Vec<Evidence> = probes
            .into_iter()
            .map(|(kind, weight, label, r)| Evidence {
                kind,
                dimension: Dimension::Curiosity,
                label: label.into(),
                span: f.orig(r),
                weight,
            })
            .collect();
        for (kind, weight, label, r) in extras {
            // Hypotheses only count next to real probes; invitations alone
            // are a generic request for more.
            let w = if probe_total > 0.0 || kind == K::Invitation {
                weight
            } else {
                0.0
            };
            if w == 0.0 {
                continue;
            }
            total += w;
            evidence.push(Evidence {
                kind,
                dimension: Dimension::Curiosity,
                label: label.into(),
                span: f.orig(r),
                weight: w,
            });
        }
        evidence.sort_by_key(|e| e.span.start);
        let grade = if total >= GRADE2_AT && has_specific {
            2
        } else if total > 0.0 {
            1
        } else {
            0
        };
        let score = if grade == 2 {
            (total.min(SCORE_FULL_AT) / SCORE_FULL_AT).max(GRADE2_AT / SCORE_FULL_AT)
        } else {
            (total.min(GRADE2_AT - 0.01) / SCORE_FULL_AT).clamp(0.0, 1.0)
        };
        CuriosityFindings {
            score: DimensionScore { grade, score },
            evidence,
            total,
        }
    }

    /// Splits `s[start..]` into probe clauses and weighs each.
    fn clauses(
        &self,
        set: &LangSet,
        s: &str,
        start: usize,
        headless: (K, f64, &'static str),
        list: bool,
    ) -> Vec<(K, f64, &'static str, Range<usize>)> {
        let b = s.as_bytes();
        // (clause start, end of the previous clause)
        let mut cuts = vec![(start, start, false)];
        for m in set.boundary.find_iter(&b[start..]) {
            let at = start + m.end();
            let prev_end = start + m.start();
            let rest = &b[at..];
            let mb = m.as_bytes();
            let joined = mb.iter().any(|c| matches!(c, b';' | b':'))
                || set.data.additive_joiners.iter().any(|j| {
                    let j = j.as_bytes();
                    mb.windows(j.len()).any(|w| w == j)
                });
            if set.tag.is_match(rest) {
                continue;
            } else if set.yesno.is_match(rest) {
                cuts.push((at, prev_end, true));
            } else if set.opener.is_match(rest) {
                cuts.push((at, prev_end, false));
            } else if (joined || list) && set.determiner.is_match(rest) {
                // In a list of requested items, "…, the ID or the email"
                // offers alternatives: one item, not a new one.
                if joined || !self.next_segment_has_alternatives(set, rest) {
                    cuts.push((at, prev_end, true));
                }
            } else if list && self.is_bare_item(set, rest) {
                cuts.push((at, prev_end, true));
            }
        }
        let end = s
            .trim_end_matches(['?', '.', '!', ' ', '"', ')'])
            .len()
            .max(start);
        let mut out = Vec::new();
        let mut headless_clauses = Vec::new();
        // One set for every clause, cleared before each search.
        let mut found = PatternSet::new(set.topics.len());
        for (i, &(c, _, item)) in cuts.iter().enumerate() {
            let e = cuts.get(i + 1).map(|x| x.1).unwrap_or(end).max(c);
            let clause = &s[c..e];
            let trimmed_end = c + clause.trim_end_matches([',', ';', ':', ' ']).len();
            let range = c..trimmed_end.max(c);
            if set.suggestion.is_match(clause.as_bytes()) {
                if i == 0 {
                    // "Could you clear the cache and the cookies?" is advice.
                    return Vec::new();
                }
                continue;
            }
            let cb = clause.as_bytes();
            found.clear();
            set.topic_set
                .which_overlapping_matches(&Input::new(cb), &mut found);
            let best = found
                .iter()
                .map(|i| &set.topics[i.as_usize()])
                .map(|t| {
                    let w = if t.kind == K::ProbeNeed && !set.open_wh.is_match(cb) {
                        1.0
                    } else {
                        t.weight
                    };
                    // "What would you use it for: X or Y?" is aimed at the
                    // need itself.
                    if t.kind == K::ProbeNeed
                        && w >= OPEN_NEED_WEIGHT
                        && set.need_purpose.is_match(cb)
                        && set.alternatives.is_match(&b[c..])
                    {
                        return (
                            t.kind,
                            NEED_WITH_ALTERNATIVES_WEIGHT,
                            NEED_WITH_ALTERNATIVES_LABEL,
                        );
                    }
                    (t.kind, w, t.label)
                })
                .fold(None, |acc: Option<(K, f64, &str)>, x| match acc {
                    Some(a) if a.1 >= x.1 => Some(a),
                    _ => Some(x),
                });
            match best {
                Some((k, w, l)) => out.push((k, w, l, range)),
                None if set.generic.is_match(cb) => {
                    out.push((K::GenericRequest, 0.75, "generic request for more", range))
                }
                None => {
                    // A clause without a topic counts on its own only when
                    // it opens with a question word, or is the whole probe.
                    // A second item joined by "and the…" is a request too.
                    let wh = set
                        .open_wh
                        .find(cb)
                        .map(|m| m.start() == 0)
                        .unwrap_or(false);
                    if wh || item {
                        out.push((headless.0, headless.1, headless.2, range));
                    } else {
                        headless_clauses.push(range);
                    }
                }
            }
        }
        if out.is_empty() {
            if let Some(r) = headless_clauses.into_iter().next() {
                out.push((headless.0, headless.1, headless.2, r));
            }
        }
        out
    }
}

impl CuriosityDetector {
    /// `rest` up to the next clause boundary.
    fn next_segment<'a>(&self, set: &LangSet, rest: &'a [u8]) -> &'a [u8] {
        match set.boundary.find(rest) {
            Some(m) => &rest[..m.start()],
            None => rest,
        }
    }

    /// "…, screenshots and logs": a short noun phrase naming a probe
    /// topic, not a new clause with its own subject ("and I'll check").
    fn is_bare_item(&self, set: &LangSet, rest: &[u8]) -> bool {
        let seg = self.next_segment(set, rest);
        let words = seg.split(|c| *c == b' ').filter(|w| !w.is_empty());
        let mut n = 0;
        for (i, w) in words.enumerate() {
            if i == 0
                && (set.data.subject_pronouns.iter().any(|p| w == p.as_bytes())
                    || set
                        .data
                        .subject_elisions
                        .iter()
                        .any(|p| w.starts_with(p.as_bytes())))
            {
                return false;
            }
            n += 1;
        }
        n <= 5 && set.topic_set.is_match(seg)
    }

    fn next_segment_has_alternatives(&self, set: &LangSet, rest: &[u8]) -> bool {
        set.alternatives.is_match(self.next_segment(set, rest))
    }
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::tone::ToneDetector;

    fn grade(text: &str, lang: Lang) -> u8 {
        let f = Folded::new(text);
        let rhet = ToneDetector::new().detect(text, &f, &[lang]).rhetorical;
        CuriosityDetector::new()
            .detect(&f, &[lang], &rhet)
            .score
            .grade
    }

    #[test]
    fn every_data_file_parses_and_fills_every_list() {
        assert!(DATA.len() >= 2);
        for (code, d) in DATA.iter() {
            assert!(Lang::from_code(code).is_some(), "{code}: no such language");
            for (key, ..) in TOPICS {
                assert!(
                    d.topics.get(key).is_some_and(|l| !l.is_empty()),
                    "data/curiosity/{code}.toml: [topics] {key} is missing or empty"
                );
            }
            for key in d.topics.keys() {
                assert!(
                    TOPICS.iter().any(|t| t.0 == key),
                    "data/curiosity/{code}.toml: unknown topic {key}"
                );
            }
            for (name, list) in [
                ("request", &d.request),
                ("invitation", &d.invitation),
                ("hypothesis", &d.hypothesis),
                ("skip_question", &d.skip_question),
                ("explores_nothing", &d.explores_nothing),
                ("not_offer", &d.not_offer),
                ("generic", &d.generic),
                ("open_wh", &d.open_wh),
                ("need_purpose", &d.need_purpose),
                ("additive_joiners", &d.additive_joiners),
                ("subject_pronouns", &d.subject_pronouns),
            ] {
                assert!(
                    !list.is_empty(),
                    "data/curiosity/{code}.toml: {name} is empty"
                );
            }
            for (name, p) in [
                ("bare_request", &d.bare_request),
                ("not_request", &d.not_request),
                ("suggestion", &d.suggestion),
                ("opener", &d.opener),
                ("determiner", &d.determiner),
                ("yesno", &d.yesno),
                ("tag", &d.tag),
                ("alternatives", &d.alternatives),
                ("clause_boundary", &d.clause_boundary),
            ] {
                assert!(
                    !p.trim().is_empty(),
                    "data/curiosity/{code}.toml: {name} is empty"
                );
            }
        }
        assert_eq!(CuriosityDetector::new().langs.len(), DATA.len());
    }

    #[test]
    fn questions_about_their_own_experience_are_two() {
        for (t, l) in [
            ("Have you told anyone how you feel?", Lang::En),
            (
                "And when you skip dinner, what goes through your head right before?",
                Lang::En,
            ),
            ("whats been the hardest part to think about?", Lang::En),
            (
                "Is it the workload itself that's wearing you down?",
                Lang::En,
            ),
            ("Avez-vous pu en parler à quelqu'un ?", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 2, "{t}");
        }
        // a narrow fact about them stays one probe
        assert_eq!(grade("How old is he?", Lang::En), 1);
        assert_eq!(grade("How are you doing with it?", Lang::En), 1);
        assert_eq!(grade("How are you?", Lang::En), 0);
    }

    #[test]
    fn who_they_have_and_what_helps_them_are_their_experience() {
        for (t, l) in [
            ("Do you have anyone you can talk to about it?", Lang::En),
            (
                "Have you talked to your partner about how tired you are?",
                Lang::En,
            ),
            ("What usually helps you when it gets like this?", Lang::En),
            ("Are you sleeping at all?", Lang::En),
            ("Comment tu tiens le coup avec tout ça ?", Lang::Fr),
            ("As-tu quelqu'un à qui en parler ?", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 2, "{t}");
        }
        // generic check-ins and questions about others stay one probe
        for (t, l) in [
            ("How are you feeling about it?", Lang::En),
            ("How are you doing?", Lang::En),
            ("Did something happen?", Lang::En),
            ("Is there anyone who can reproduce it on staging?", Lang::En),
            ("Have you talked to your boss?", Lang::En),
            ("Avez-vous quelqu'un pour tester ?", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 1, "{t}");
        }
    }

    #[test]
    fn rhetorical_tags_outrage_and_pointers_explore_nothing() {
        for (t, l) in [
            ("It's hard to let go, you know?", Lang::En),
            ("How could he do that to you?", Lang::En),
            ("Am I the only one who hates mornings?", Lang::En),
            ("Have you heard of the 5-4-3-2-1 trick?", Lang::En),
            ("What do you have to lose?", Lang::En),
            ("À quoi bon ?", Lang::Fr),
            ("C'est moi ou c'est de pire en pire ?", Lang::Fr),
            ("Suis-je la seule à détester ça ?", Lang::Fr),
            ("take care of yourself ok?", Lang::En),
            ("Prends soin de toi, d'accord ?", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 0, "{t}");
        }
        // real questions that look alike still count
        assert_eq!(
            grade("What did you expect to see on the page?", Lang::En),
            2
        );
        assert_eq!(
            grade("How could they reach the page, from which link?", Lang::En),
            2
        );
        assert_eq!(grade("Vous voyez quel message d'erreur ?", Lang::Fr), 1);
    }

    #[test]
    fn questions_that_explore_nothing_earn_nothing() {
        for (t, l) in [
            (
                "who hasnt been ghosted by a friend at some point?",
                Lang::En,
            ),
            ("Isn't that just the human condition though?", Lang::En),
            ("Do you want to hear what helps me?", Lang::En),
            ("Maybe don't leave things to the last minute?", Lang::En),
            ("Have you tried botox?", Lang::En),
            ("Please tell a trusted adult today.", Lang::En),
            ("Qui n'a jamais été ghosté ?", Lang::Fr),
        ] {
            assert_eq!(grade(t, l), 0, "{t}");
        }
        // a genuine question next to them still counts
        assert_eq!(
            grade(
                "Who hasn't been there? What changed in the last month?",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn no_questions_no_curiosity() {
        assert_eq!(grade("Clear your cache and it will work.", Lang::En), 0);
        assert_eq!(
            grade("Please make sure you run the latest version.", Lang::En),
            0
        );
        assert_eq!(grade("Videz le cache et réessayez.", Lang::Fr), 0);
    }

    #[test]
    fn rhetorical_questions_earn_nothing() {
        assert_eq!(grade("Did you even read the docs?", Lang::En), 0);
        assert_eq!(
            grade("Avez-vous seulement lu la documentation ?", Lang::Fr),
            0
        );
        assert_eq!(
            grade("Is it really that hard to click the button?", Lang::En),
            0
        );
    }

    #[test]
    fn offers_and_check_ins_are_not_probes() {
        assert_eq!(
            grade("Is there anything else I can help you with?", Lang::En),
            0
        );
        assert_eq!(grade("Does that help?", Lang::En), 0);
        assert_eq!(
            grade("Voulez-vous que je le fasse pour vous ?", Lang::Fr),
            0
        );
    }

    #[test]
    fn imperative_requests_count() {
        assert_eq!(grade("Please send me the URL.", Lang::En), 1);
        assert_eq!(grade("Envoyez-moi l'URL.", Lang::Fr), 1);
        assert_eq!(
            grade("Pourriez-vous m'envoyer une capture d'écran", Lang::Fr),
            1
        );
        assert_eq!(
            grade(
                "Send me the page URL and a screenshot of the error.",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn generic_request_is_one() {
        assert_eq!(grade("Can you give me more details?", Lang::En), 1);
        assert_eq!(grade("Pouvez-vous m'en dire plus ?", Lang::Fr), 1);
    }

    #[test]
    fn several_specific_probes_are_two() {
        assert_eq!(
            grade(
                "Which browser are you using, and on which page does it happen?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Quel navigateur utilisez-vous, et sur quelle page cela se produit-il ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(
            grade(
                "What changed on your site right before it stopped working?",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn one_question_at_the_root_cause_is_two() {
        // what differs between the working and the failing case
        assert_eq!(
            grade(
                "Do the staging and live sites use the same license key?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Did the timeouts begin right after you added the CDN?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Les deux boutiques partagent-elles la même clé d'API ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(grade("Which plan are you on?", Lang::En), 1);
    }

    #[test]
    fn chained_requests_are_separate_probes() {
        assert_eq!(
            grade(
                "Pourriez-vous m'indiquer votre version de PHP, puis activer le mode debug et nous envoyer le fichier de log ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(
            grade(
                "Could you tell me the plugin version, then enable debugging and attach the error log?",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn accusatory_french_questions_earn_nothing() {
        assert_eq!(
            grade(
                "Vous avez vraiment changé de thème sans tester avant ?",
                Lang::Fr
            ),
            0
        );
        assert_eq!(grade("Vous avez vidé le cache, au moins ?", Lang::Fr), 0);
    }

    #[test]
    fn alternatives_stay_one_probe() {
        assert_eq!(
            grade(
                "Would you use it in the dashboard or in the widget?",
                Lang::En
            ),
            1
        );
    }
    #[test]
    fn bare_imperative_requests_count() {
        assert_eq!(
            grade(
                "Send the page URL, the plugin version, the error log.",
                Lang::En
            ),
            2
        );
        assert_eq!(grade("Forward the rejection notice.", Lang::En), 1);
        assert_eq!(grade("Paste the full stack trace.", Lang::En), 1);
        assert_eq!(
            grade(
                "Grab me the payment ID and the webhook delivery log.",
                Lang::En
            ),
            2
        );
        assert_eq!(grade("Envoyez la capture et le journal.", Lang::Fr), 2);
        assert_eq!(grade("Transmettez-moi le numéro de facture.", Lang::Fr), 1);
        // instructions that send something elsewhere are not requests
        assert_eq!(grade("Send a test email to yourself.", Lang::En), 0);
        assert_eq!(
            grade("Paste this snippet into your theme file.", Lang::En),
            0
        );
        assert_eq!(grade("Share the link with your team.", Lang::En), 0);
        // alternatives in a list stay one item
        assert_eq!(
            grade("Send me the order ID or the account email.", Lang::En),
            1
        );
    }

    #[test]
    fn evidence_nouns_are_probes() {
        assert_eq!(
            grade(
                "Could you send the HAR file and the response headers?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Please attach a sample file, the console output and a screen recording.",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Pouvez-vous m'envoyer le fichier exporté et les en-têtes de l'e-mail ?",
                Lang::Fr
            ),
            2
        );
    }

    #[test]
    fn french_inverted_questions() {
        assert_eq!(
            grade(
                "Quel thème utilisez-vous, la page s'affiche-t-elle en navigation privée ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(
            grade("Le formulaire fonctionne-t-il sur mobile ?", Lang::Fr),
            1
        );
        assert_eq!(grade("Quelle passerelle est sélectionnée ?", Lang::Fr), 1);
        assert_eq!(
            grade("Utilisez-vous Cloudflare, ou autre chose ?", Lang::Fr),
            1
        );
        assert_eq!(
            grade(
                "Y a-t-il autre chose que je puisse faire pour vous ?",
                Lang::Fr
            ),
            0
        );
        assert_eq!(grade("Are you on Shopify, or something else?", Lang::En), 1);
    }

    #[test]
    fn suggestions_phrased_as_questions_are_not_probes() {
        assert_eq!(
            grade("Perhaps try a browser from this century?", Lang::En),
            0
        );
        assert_eq!(grade("Why not simply check the FAQ?", Lang::En), 0);
        assert_eq!(grade("Maybe try clearing the cache?", Lang::En), 0);
        assert_eq!(
            grade(
                "Pourquoi ne pas tout simplement relire la notice ?",
                Lang::Fr
            ),
            0
        );
    }

    #[test]
    fn need_question_with_alternatives_is_two() {
        assert_eq!(
            grade(
                "What would you use the export for — monthly reporting or backups?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Pourquoi en avez-vous besoin : pour un client, ou pour vous-même ?",
                Lang::Fr
            ),
            2
        );
        // where it would be used is a preference, not the need
        assert_eq!(
            grade(
                "Where would you show it, in the footer or in the sidebar?",
                Lang::En
            ),
            1
        );
        assert_eq!(grade("Could you tell me why you need it?", Lang::En), 1);
    }

    #[test]
    fn tag_questions_are_not_extra_probes() {
        assert_eq!(
            grade("So the sync only breaks at night, is that right?", Lang::En),
            1
        );
    }

    #[test]
    fn asking_whether_anything_went_wrong_is_a_question_not_an_offer() {
        assert_eq!(
            grade("Is there anything that wasn't working for you?", Lang::En),
            1
        );
        for t in [
            "Is there anything else I can do?",
            "Is there anything we could help with?",
        ] {
            assert_eq!(grade(t, Lang::En), 0, "{t}");
        }
    }

    #[test]
    fn a_choice_they_made_is_their_setup() {
        for (t, l) in [
            (
                "Could you send me your feed URL, and tell me which category you picked?",
                Lang::En,
            ),
            (
                "Pourriez-vous m'envoyer l'URL, et quelle catégorie vous avez choisie ?",
                Lang::Fr,
            ),
        ] {
            assert_eq!(grade(t, l), 2, "{t}");
        }
    }

    #[test]
    fn the_writer_offering_to_send_something_asks_nothing() {
        for t in ["I can share a sample handler.", "We'll send you the guide."] {
            assert_eq!(grade(t, Lang::En), 0, "{t}");
        }
        assert_eq!(grade("Please share a sample of the file.", Lang::En), 1);
    }
}
