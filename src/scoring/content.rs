//! Key-point coverage: which of the rubric's expected facts or steps the
//! answer contains, matched on word tokens of the folded text (case-,
//! accent- and apostrophe-insensitive), with a light stemmer for small
//! inflections, `word*` prefixes, and at most one filler word between two
//! words of a phrasing ("add the schema.org tags" matches "add schema.org").

use std::ops::Range;

use super::plain::{self, Compiled};
use super::text::{stem, words, Folded};
use super::types::{ContentScore, Dimension, Evidence, EvidenceKind, KeyPoint, Lang};

/// Most alternatives one phrasing may expand to.
pub const MAX_EXPANSIONS: usize = 64;
/// Filler words tolerated between two consecutive words of a phrasing.
const MAX_GAP: usize = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct PTok {
    text: String,
    /// [`stem`] of `text`, worked out once.
    stem: String,
    prefix: bool,
}

/// Expands `a | b`, `(x|y)` and `[optional]` into plain alternatives, at
/// most [`MAX_EXPANSIONS`] of them.
pub fn expand(p: &str) -> Vec<String> {
    expand_capped(p, MAX_EXPANSIONS)
}

/// Whether a phrasing has more alternatives than the matcher uses (the
/// questionnaire checker warns about it).
pub fn exceeds_expansion_cap(p: &str) -> bool {
    expand_capped(p, MAX_EXPANSIONS + 1).len() > MAX_EXPANSIONS
}

fn expand_capped(p: &str, cap: usize) -> Vec<String> {
    let mut out = Vec::new();
    for top in split_top(p) {
        expand_one(top.trim(), &mut out, cap);
        if out.len() >= cap {
            out.truncate(cap);
            break;
        }
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

fn split_top(p: &str) -> Vec<&str> {
    let mut depth = 0i32;
    let mut parts = Vec::new();
    let mut last = 0;
    for (i, c) in p.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '|' if depth <= 0 => {
                parts.push(&p[last..i]);
                last = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&p[last..]);
    parts
}

fn expand_one(p: &str, out: &mut Vec<String>, cap: usize) {
    if out.len() >= cap {
        return;
    }
    let open = match p.find(['(', '[']) {
        Some(o) => o,
        None => {
            out.push(p.to_string());
            return;
        }
    };
    let optional = p[open..].starts_with('[');
    let mut depth = 0i32;
    let mut close = None;
    for (i, c) in p[open..].char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = match close {
        Some(c) => c,
        None => {
            // Unbalanced: treat the bracket as text.
            out.push(p.replace(['(', '[', ')', ']'], " "));
            return;
        }
    };
    let (head, inner, tail) = (&p[..open], &p[open + 1..close], &p[close + 1..]);
    let mut choices: Vec<&str> = split_top(inner);
    if optional {
        choices.push("");
    }
    for ch in choices {
        expand_one(&format!("{head}{ch}{tail}"), out, cap);
        if out.len() >= cap {
            return;
        }
    }
}

/// A key point's phrasings, expanded and tokenised (once per question).
pub fn compile_phrasings(kp: &KeyPoint) -> Vec<Vec<PTok>> {
    kp.phrasings
        .iter()
        .flat_map(|p| expand(p))
        .map(|p| phrase_tokens(&p))
        .collect()
}

fn phrase_tokens(p: &str) -> Vec<PTok> {
    let folded = Folded::new(p);
    let f = folded.as_str();
    words(f)
        .into_iter()
        .map(|r| {
            let text = f[r.clone()].to_string();
            PTok {
                stem: stem(&text).to_string(),
                prefix: f[r.end..].starts_with('*'),
                text,
            }
        })
        .collect()
}

/// An answer word. Its [`stem`] is worked out only where a phrasing may
/// start or continue: most words are turned away by their first letters.
struct ATok<'a> {
    range: Range<usize>,
    raw: &'a str,
}

fn tok_match(a: &ATok, p: &PTok) -> bool {
    // Most pairs differ in their first letter: telling so inline spares
    // the comparisons below a call to `memcmp` each.
    if a.raw.as_bytes().first() != p.text.as_bytes().first() {
        // Every word and phrasing word is non-empty, and a word starts
        // with its stem, so no comparison below can hold (the check
        // keeps the result exact if either were ever empty).
        if !a.raw.is_empty() && !p.text.is_empty() && !p.stem.is_empty() {
            return false;
        }
    }
    if p.prefix {
        a.raw.starts_with(p.text.as_str())
    } else {
        // A stem is a prefix of its word: a word not starting with the
        // phrasing's stem cannot stem to it.
        a.raw == p.text || (a.raw.starts_with(p.stem.as_str()) && stem(a.raw) == p.stem)
    }
}

fn match_at(ans: &[ATok], ai: usize, ph: &[PTok]) -> Option<usize> {
    if ph.is_empty() {
        return Some(ai);
    }
    for gap in 0..=MAX_GAP {
        let i = ai + gap;
        if i >= ans.len() {
            break;
        }
        if tok_match(&ans[i], &ph[0]) {
            if ph.len() == 1 {
                return Some(i + 1);
            }
            if let Some(e) = match_at(ans, i + 1, &ph[1..]) {
                return Some(e);
            }
        }
    }
    None
}

type FoldMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A question's phrasings, expanded and tokenised once, and indexed by the
/// words they start with: each answer word then looks up only the
/// phrasings that can start there, instead of every phrasing looking for
/// its first word.
#[derive(Debug, Clone)]
pub struct PhraseIndex {
    /// Each key point's phrasings, in order.
    phrasings: Vec<Vec<Vec<PTok>>>,
    /// A first word's text and its stem, to the (key point, phrasing)
    /// pairs starting with it, in order.
    first: FoldMap<String, Vec<(u32, u32)>>,
    /// Phrasings starting with a prefix (`word*`), by the prefix's first
    /// byte: a word tries only those starting with its own first letter.
    prefixed: Vec<Vec<(u32, u32)>>,
    /// Key points with at least one phrasing.
    with_phrasings: usize,
    /// The first three letters of every key of `first` of 3+ letters, a
    /// bit per [`start3`]: a word (or its stem, a prefix of it) can only
    /// equal a key starting like it, so most words skip both lookups.
    /// Shorter keys are equal to the word itself, looked up as they are.
    starts: Vec<u64>,
}

impl Default for PhraseIndex {
    fn default() -> Self {
        PhraseIndex::new(&[])
    }
}

/// 15 bits from a word's first three bytes (5 bits each: collisions only
/// let a few more words through to the lookups).
fn start3(w: &[u8]) -> usize {
    (usize::from(w[0] & 31) << 10) | (usize::from(w[1] & 31) << 5) | usize::from(w[2] & 31)
}

impl PhraseIndex {
    pub fn new(key_points: &[KeyPoint]) -> PhraseIndex {
        let phrasings: Vec<Vec<Vec<PTok>>> = key_points.iter().map(compile_phrasings).collect();
        let mut first: FoldMap<String, Vec<(u32, u32)>> = FoldMap::default();
        let mut prefixed: Vec<Vec<(u32, u32)>> = vec![Vec::new(); 256];
        let mut with_phrasings = 0;
        for (k, phs) in phrasings.iter().enumerate() {
            if phs.iter().any(|p| !p.is_empty()) {
                with_phrasings += 1;
            }
            for (p, ph) in phs.iter().enumerate() {
                let Some(t) = ph.first() else { continue };
                let at = (k as u32, p as u32);
                if t.prefix {
                    if let Some(&b) = t.text.as_bytes().first() {
                        prefixed[usize::from(b)].push(at);
                    }
                    continue;
                }
                // A word matches by its text or its stem, whichever of the
                // phrasing's first word's it equals.
                first.entry(t.text.clone()).or_default().push(at);
                if t.stem != t.text {
                    first.entry(t.stem.clone()).or_default().push(at);
                }
            }
        }
        let mut starts = vec![0u64; (1 << 15) / 64];
        for k in first.keys() {
            if k.len() >= 3 {
                let i = start3(k.as_bytes());
                starts[i / 64] |= 1 << (i % 64);
            }
        }
        PhraseIndex {
            phrasings,
            first,
            prefixed,
            with_phrasings,
            starts,
        }
    }

    /// Whether `w` may equal a key of `first`, or stem to one.
    fn may_start(&self, w: &str) -> bool {
        let b = w.as_bytes();
        if b.len() < 3 {
            return true;
        }
        let i = start3(b);
        self.starts[i / 64] & (1 << (i % 64)) != 0
    }

    /// For each key point, the folded range of its phrasings' first match
    /// (the earliest start; at one start, the first phrasing in order).
    fn find_all(&self, toks: &[ATok]) -> Vec<Option<Range<usize>>> {
        let mut found: Vec<Option<Range<usize>>> = vec![None; self.phrasings.len()];
        let mut left = self.with_phrasings;
        let mut cands: Vec<(u32, u32)> = Vec::new();
        for (i, a) in toks.iter().enumerate() {
            if left == 0 {
                break;
            }
            cands.clear();
            if self.may_start(a.raw) {
                if let Some(v) = self.first.get(a.raw) {
                    cands.extend(v);
                }
                let st = stem(a.raw);
                if st != a.raw {
                    if let Some(v) = self.first.get(st) {
                        cands.extend(v);
                    }
                }
            }
            let by_first = a
                .raw
                .as_bytes()
                .first()
                .map_or(&[][..], |&b| &self.prefixed[usize::from(b)][..]);
            for &(k, p) in by_first {
                if found[k as usize].is_none()
                    && a.raw
                        .starts_with(self.phrasings[k as usize][p as usize][0].text.as_str())
                {
                    cands.push((k, p));
                }
            }
            if cands.is_empty() {
                continue;
            }
            cands.sort_unstable();
            cands.dedup();
            for &(k, p) in &cands {
                let slot = &mut found[k as usize];
                if slot.is_some() {
                    continue;
                }
                let ph = &self.phrasings[k as usize][p as usize];
                if let Some(e) = match_at(toks, i + 1, &ph[1..]) {
                    *slot = Some(a.range.start..toks[e - 1].range.end);
                    left -= 1;
                }
            }
        }
        found
    }
}

/// Coverage of `key_points` in the answer, with one evidence per covered
/// point. `plain` holds the compiled plain-language forms (one per key
/// point, `None` where it has phrasings only) and their language.
/// `empathy`: the empathy detector's evidence on the same answer, for key
/// points that name an act of empathy ("apologises for the surprise").
pub fn coverage(
    f: &Folded,
    key_points: &[KeyPoint],
    plain: Option<(&Compiled, Lang)>,
    empathy: &[Evidence],
) -> (ContentScore, Vec<Evidence>) {
    if key_points.is_empty() {
        return (ContentScore::default(), Vec::new());
    }
    let text = f.as_str();
    // Plain key points alone need no phrasing tokens.
    let any_phrasings = key_points
        .iter()
        .any(|k| k.phrasings.iter().any(|p| !p.trim().is_empty()));
    let toks: Vec<ATok> = if !any_phrasings {
        Vec::new()
    } else {
        f.words()
            .iter()
            .cloned()
            .map(|r| ATok {
                raw: &text[r.clone()],
                range: r,
            })
            .collect()
    };
    let owned;
    let index = match plain {
        Some((c, _)) => &c.phrases,
        None => {
            owned = PhraseIndex::new(key_points);
            &owned
        }
    };
    let phrased = index.find_all(&toks);
    let mut score = ContentScore::default();
    let mut evidence = Vec::new();
    let plain_answer = plain.map(|(c, lang)| plain::Answer::new(f, lang, c, empathy));
    for (k, kp) in key_points.iter().enumerate() {
        let compiled = plain
            .and_then(|(c, _)| c.key_points.get(k))
            .and_then(Option::as_ref);
        let mut found = phrased[k].clone().map(|r| (r, String::new()));
        // A phrasing says which words to look for, not that the answer
        // affirms them: a negated one or another number earns nothing.
        if let (Some((r, _)), Some(c), Some(a)) = (&found, compiled, plain_answer.as_ref()) {
            if let Some(reason) = plain::refuse_span(c, a, r.clone(), f) {
                score.miss_reasons.insert(kp.id.clone(), reason);
                found = None;
            }
        }
        if found.is_none() {
            if let (Some(c), Some(a)) = (compiled, plain_answer.as_ref()) {
                match plain::find(c, a, f) {
                    plain::Outcome::Covered { span, words } => {
                        // Folded words: lower case, accents off, enough to see why.
                        let mut shown: Vec<&str> = Vec::new();
                        for w in &words {
                            let o = &text[w.clone()];
                            if !shown.contains(&o) {
                                shown.push(o);
                            }
                        }
                        found = Some((span, format!(" (matched: {})", shown.join(", "))));
                    }
                    plain::Outcome::Missed { reason, .. } => {
                        score.miss_reasons.entry(kp.id.clone()).or_insert(reason);
                    }
                }
            }
        }
        match found {
            Some((r, matched)) => {
                score.miss_reasons.remove(&kp.id);
                score.covered.push(kp.id.clone());
                evidence.push(Evidence {
                    kind: EvidenceKind::KeyPoint,
                    dimension: Dimension::Content,
                    label: format!("covers key point: {}{matched}", kp.label),
                    span: f.orig(r),
                    weight: 1.0 / key_points.len() as f64,
                });
            }
            None => {
                score.missed.push(kp.id.clone());
                if kp.required {
                    score.required_missed.push(kp.id.clone());
                }
            }
        }
    }
    score.share = Some(score.covered.len() as f64 / key_points.len() as f64);
    (score, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kp(id: &str, phrasings: &[&str], required: bool) -> KeyPoint {
        KeyPoint {
            id: id.into(),
            label: id.into(),
            phrasings: phrasings.iter().map(|s| s.to_string()).collect(),
            required,
            examples: vec![],
        }
    }

    #[test]
    fn expands_alternatives() {
        assert_eq!(expand("a | b c"), ["a", "b c"]);
        assert_eq!(
            expand("(server|back)-side render"),
            ["server-side render", "back-side render"]
        );
        assert_eq!(expand("[the] page url"), ["the page url", " page url"]);
    }

    #[test]
    fn matches_inflections_accents_and_fillers() {
        let kps = [
            kp("cache", &["daily cach*"], false),
            kp("schema", &["add schema.org (tags|markup)"], true),
            kp("refund", &["refund the amount"], false),
            kp("desact", &["désactiver la licence"], false),
            kp("missing", &["webhook"], true),
        ];
        let answer = "Add the Schema.org TAGS, use a daily caching layer. I REFUNDED the full amount. Désactivez la licence.";
        let f = Folded::new(answer);
        let (s, ev) = coverage(&f, &kps, None, &[]);
        assert_eq!(s.covered, ["cache", "schema", "refund", "desact"]);
        assert_eq!(s.required_missed, ["missing"]);
        assert_eq!(s.share, Some(0.8));
        let spans: Vec<&str> = ev.iter().map(|e| &answer[e.span.clone()]).collect();
        assert!(spans.contains(&"Add the Schema.org TAGS"));
        assert!(spans.contains(&"Désactivez la licence"));
    }

    #[test]
    fn word_boundaries_are_respected() {
        let f = Folded::new("The category page is slow.");
        let (s, _) = coverage(&f, &[kp("cat", &["cat"], false)], None, &[]);
        assert!(s.covered.is_empty());
    }

    fn phrased(id: &str, label: &str, phrasings: &[&str]) -> KeyPoint {
        KeyPoint {
            label: label.into(),
            ..kp(id, phrasings, true)
        }
    }

    fn covered_with(kps: &[KeyPoint], lang: Lang, answer: &str) -> ContentScore {
        let c = plain::compile(kps, "", lang);
        coverage(&Folded::new(answer), kps, Some((&c, lang)), &[]).0
    }

    /// One phrasing of one key point: each of `rights` earns it, `wrong`
    /// is refused for `why`, `negated` is refused.
    fn check_phrasing(
        lang: Lang,
        (label, phrasing): (&str, &str),
        rights: &[&str],
        (wrong, why): (&str, &str),
        negated: &str,
    ) {
        let kps = [phrased("kp", label, &[phrasing])];
        for right in rights {
            let got = covered_with(&kps, lang, right);
            assert_eq!(got.covered, ["kp"], "{right} {got:?}");
        }
        let got = covered_with(&kps, lang, wrong);
        assert_eq!(
            got.miss_reasons.get("kp").map(String::as_str),
            Some(why),
            "{got:?}"
        );
        let got = covered_with(&kps, lang, negated);
        assert!(got.covered.is_empty(), "{negated} {got:?}");
    }

    #[test]
    fn a_phrasing_found_negated_or_with_another_number_earns_nothing_en() {
        let kps = [phrased(
            "refund",
            "Says renewals are refunded within 30 days",
            &["refund*"],
        )];
        assert_eq!(
            covered_with(&kps, Lang::En, "We refund renewals within 30 days.").covered,
            ["refund"]
        );
        let neg = covered_with(&kps, Lang::En, "We don't refund renewals.");
        assert!(neg.covered.is_empty());
        assert!(neg.miss_reasons["refund"].starts_with("negated"), "{neg:?}");
        let wrong = covered_with(&kps, Lang::En, "We refund renewals within 14 days.");
        assert_eq!(
            wrong.miss_reasons["refund"],
            "says 14 days where the key point says 30"
        );
    }

    /// A number named by the word before it ("PHP 8") is a specific even
    /// with nothing after it: another one of the same thing ("PHP 7") is
    /// another fact; one of its decimals ("PHP 8.1") is the same one.
    #[test]
    fn a_number_named_before_it_is_a_specific_of_a_phrasing_en_fr() {
        let cases = [
            (
                Lang::En,
                "Diagnoses the cause: the plugin needs PHP 8",
                "needs php",
                [
                    "Glimmer 4.0 needs PHP 8 and your server runs an older one.",
                    "Glimmer 4.0 needs PHP 8.1 or later.",
                ],
                "Glimmer 4.0 needs PHP 7 or later.",
                "It no longer needs PHP 8.",
            ),
            (
                Lang::Fr,
                "Explique que l'extension exige PHP 8",
                "exige php",
                [
                    "La version 4.0 exige PHP 8, votre serveur est plus ancien.",
                    "La version 4.0 exige PHP 8.1 au moins.",
                ],
                "La version 4.0 exige PHP 7 au moins.",
                "Elle n'exige plus PHP 8.",
            ),
        ];
        for (lang, label, phrasing, rights, wrong, negated) in cases {
            let why = "says php 7 where the key point says php 8";
            check_phrasing(lang, (label, phrasing), &rights, (wrong, why), negated);
        }
    }

    #[test]
    fn a_phrasing_found_negated_or_with_another_number_earns_nothing_fr() {
        let kps = [phrased(
            "rembourser",
            "Dit que les renouvellements sont remboursés sous 30 jours",
            &["rembours*"],
        )];
        assert_eq!(
            covered_with(
                &kps,
                Lang::Fr,
                "Nous remboursons les renouvellements sous 30 jours."
            )
            .covered,
            ["rembourser"]
        );
        let neg = covered_with(
            &kps,
            Lang::Fr,
            "Nous ne remboursons pas les renouvellements.",
        );
        assert!(neg.covered.is_empty());
        assert!(
            neg.miss_reasons["rembourser"].starts_with("negated"),
            "{neg:?}"
        );
        let wrong = covered_with(
            &kps,
            Lang::Fr,
            "Nous remboursons les renouvellements sous 14 jours.",
        );
        assert_eq!(
            wrong.miss_reasons["rembourser"],
            "says 14 jours where the key point says 30"
        );
    }

    /// A length of time is a specific in any unit ("within 48 hours" where
    /// the key point says "5–10 business days"); a week is within five to
    /// ten days; a rate, a moment past or a date is no length of time.
    #[test]
    fn a_phrasing_found_with_another_length_of_time_earns_nothing_en_fr() {
        let cases = [
            (
                Lang::En,
                "Says when the money comes back (5–10 business days, to the original card)",
                "back on your card",
                vec![
                    "You'll see it back on your card in 5 to 10 business days.",
                    "You'll see it back on your card within a week.",
                    "You paid two days ago; it will be back on your card soon.",
                    "It will be back on your card; we allow 60 requests per minute.",
                ],
                "You'll see it back on your card within 48 hours.",
                "says 48 hours where the key point says 5-10 business days",
                "It won't be back on your card.",
            ),
            (
                Lang::Fr,
                "Dit quand l'argent revient (sous 5 à 10 jours ouvrés, sur la carte d'origine)",
                "sur (ta|votre) carte",
                vec![
                    "Le montant revient sur votre carte sous 5 à 10 jours ouvrés.",
                    "Le montant revient sur votre carte d'ici une semaine.",
                    "Vous avez payé il y a deux jours ; le montant revient sur votre carte.",
                ],
                "Le montant revient sur votre carte sous 48 heures.",
                "says 48 heures where the key point says 5 a 10 jours",
                "Le montant ne revient pas sur votre carte.",
            ),
        ];
        for (lang, label, phrasing, rights, wrong, why, negated) in cases {
            check_phrasing(lang, (label, phrasing), &rights, (wrong, why), negated);
        }
    }

    /// A length that qualifies a noun ("30-day guarantee") is contradicted
    /// only by another length of the same noun: "back within 48 hours" is
    /// the refund's delay, not the guarantee's.
    #[test]
    fn another_length_of_another_thing_is_no_contradiction() {
        let kps = [phrased(
            "refund",
            "Refunds the charge (30-day money-back guarantee covers renewals)",
            &["(i've|i have) refund*"],
        )];
        let right = "I've refunded your payment; it will be back within 48 hours.";
        assert_eq!(covered_with(&kps, Lang::En, right).covered, ["refund"]);
        let wrong = covered_with(
            &kps,
            Lang::En,
            "I've refunded it: our 14-day money-back guarantee covers renewals.",
        );
        assert_eq!(
            wrong.miss_reasons["refund"],
            "says 14 day where the key point says 30"
        );
        let wrong = covered_with(
            &kps,
            Lang::En,
            "I've refunded it: we offer a two-week money-back guarantee on renewals.",
        );
        assert_eq!(
            wrong.miss_reasons["refund"],
            "says two-week where the key point says 30-day"
        );
    }

    /// "X doesn't apply", "X ne s'applique pas": a negated predicate after
    /// the matched words negates the clause.
    #[test]
    fn a_phrasing_whose_clause_says_it_does_not_apply_earns_nothing_en_fr() {
        let cases = [
            (
                Lang::En,
                "Mentions the EU reverse charge for a valid VAT number",
                "reverse charge",
                "With your valid VAT number the reverse charge applies.",
                "The reverse charge doesn't apply to our plans, so VAT stays.",
            ),
            (
                Lang::Fr,
                "Mentionne l'autoliquidation de la TVA intracommunautaire",
                "autoliquidation",
                "Avec votre numéro de TVA, l'autoliquidation s'applique.",
                "La TVA reste facturée : l'autoliquidation ne s'applique pas à nos offres.",
            ),
        ];
        for (lang, label, phrasing, right, negated) in cases {
            let kps = [phrased("vat", label, &[phrasing])];
            assert_eq!(covered_with(&kps, lang, right).covered, ["vat"], "{right}");
            let neg = covered_with(&kps, lang, negated);
            assert!(neg.covered.is_empty(), "{neg:?}");
            assert!(neg.miss_reasons["vat"].starts_with("negated"), "{neg:?}");
        }
    }

    /// "Keys keep working even if the plan expires": a phrasing found only
    /// in a concession is set aside, not said; "has no effect" negates.
    #[test]
    fn a_phrasing_found_in_a_concession_or_said_to_have_no_effect_earns_nothing_en_fr() {
        let cases = [
            (
                Lang::En,
                "Says the reverse charge applies to a valid EU VAT number",
                "reverse charge",
                "With your valid VAT number, the reverse charge applies.",
                "VAT stays on the invoice even if the reverse charge is mentioned.",
                "The reverse charge has no effect on your plan.",
            ),
            (
                Lang::Fr,
                "Dit que l'autoliquidation s'applique avec un numéro de TVA valide",
                "autoliquidation",
                "Avec votre numéro de TVA valide, l'autoliquidation s'applique.",
                "La TVA reste due même si l'autoliquidation figure sur la facture.",
                "L'autoliquidation n'a aucun effet sur votre offre.",
            ),
        ];
        for (lang, label, phrasing, right, conceded, no_effect) in cases {
            let kps = [phrased("vat", label, &[phrasing])];
            assert_eq!(covered_with(&kps, lang, right).covered, ["vat"], "{right}");
            let got = covered_with(&kps, lang, conceded);
            assert!(
                got.miss_reasons
                    .get("vat")
                    .is_some_and(|r| r.starts_with("conceded: 'even if")
                        || r.starts_with("conceded: 'meme si")),
                "{got:?}"
            );
            let got = covered_with(&kps, lang, no_effect);
            assert!(got.covered.is_empty(), "{got:?}");
        }
    }

    /// Where the key point names a place and the answer names it nowhere,
    /// a place in the sentence after the phrasing's is where the answer
    /// sends the reader: another fact.
    #[test]
    fn a_phrasing_followed_by_another_place_earns_nothing_en_fr() {
        let cases = [
            (
                Lang::En,
                "Explains the key is tied to the old domain and must be freed there (Account > Licences)",
                "(licence|license) is tied to",
                "Your licence is tied to the old domain. Free it under Account > Licences, then activate it again.",
                "Your licence is tied to the old domain. Go to Settings > API and click Reset, then activate it again.",
                "says settings > api where the key point says account > licences",
                "Your licence isn't tied to the domain at all.",
            ),
            (
                Lang::Fr,
                "Explique que la clé est liée à l'ancien domaine et qu'il faut le libérer (Compte > Licences)",
                "licence est (encore|toujours) liee",
                "Votre licence est encore liée à l'ancien domaine. Libérez-la dans Compte > Licences.",
                "Votre licence est encore liée à l'ancien domaine. Allez dans Réglages > API et cliquez sur Réinitialiser.",
                "says reglages > api where the key point says compte > licences",
                "Votre licence n'est plus liée à aucun domaine.",
            ),
        ];
        for (lang, label, phrasing, right, wrong, why, negated) in cases {
            check_phrasing(lang, (label, phrasing), &[right], (wrong, why), negated);
        }
    }
}
