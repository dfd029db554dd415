//! Writing quality apart from content: spelling slips per 100 words.
//!
//! Pure: takes the text, its language and the words the candidate was
//! given (questionnaire, job posting, their own name), returns each slip
//! as a byte range. The Hunspell dictionaries (Debian's `hunspell-en-us`
//! and `hunspell-fr`, see `data/dictionaries/`) are compiled into the
//! binary and each parsed once, on first use, so a run that never checks
//! French never pays for the French dictionary.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, RwLock};

use serde::{Deserialize, Serialize};
use spellbook::Dictionary;

use super::types::Lang;

static EN: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::new(
        include_str!("../../data/dictionaries/en_US.aff"),
        include_str!("../../data/dictionaries/en_US.dic"),
    )
    .expect("the shipped English dictionary parses")
});

static FR: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::new(
        include_str!("../../data/dictionaries/fr_FR.aff"),
        include_str!("../../data/dictionaries/fr_FR.dic"),
    )
    .expect("the shipped French dictionary parses")
});

/// Lower-cased words accepted without the dictionary. foldhash rather
/// than SipHash: every word of every answer is looked up here, and the
/// seed is random per process, so crafted names cannot flood one bucket.
pub type WordSet = HashSet<String, foldhash::fast::RandomState>;

/// Where the words a candidate was given are looked up: one set, or
/// several kept apart so a shared one need not be copied (see
/// [`KnownPair`]).
pub trait Known {
    /// Whether `lower` (lower-cased, apostrophes straight) is known.
    fn knows(&self, lower: &str) -> bool;
}

impl<S: std::hash::BuildHasher> Known for HashSet<String, S> {
    fn knows(&self, lower: &str) -> bool {
        self.contains(lower)
    }
}

/// Two sets read as their union: a job's words, shared between
/// candidates, and one candidate's name.
pub struct KnownPair<'a, A: Known, B: Known>(pub &'a A, pub &'a B);

impl<A: Known, B: Known> Known for KnownPair<'_, A, B> {
    fn knows(&self, lower: &str) -> bool {
        self.0.knows(lower) || self.1.knows(lower)
    }
}

/// The dictionary's verdict on a word depends on the word alone, and
/// answers repeat the same few hundred words: each is checked once per
/// process. Long words are rare and not kept; the cap only guards against
/// a process fed endless new words (the memo starts again when reached).
const MEMO_CAP: usize = 1 << 16;
const MEMO_MAX_WORD: usize = 40;

type Memo = RwLock<HashMap<Box<str>, bool, foldhash::fast::RandomState>>;

static EN_MEMO: LazyLock<Memo> = LazyLock::new(Default::default);
static FR_MEMO: LazyLock<Memo> = LazyLock::new(Default::default);

/// Whether `dict` accepts `word` as written or lower-cased (`lower` is a
/// buffer for the latter, so the check allocates nothing).
fn dictionary_knows(dict: &Dictionary, memo: &Memo, word: &str, lower: &mut String) -> bool {
    let memoised = word.len() <= MEMO_MAX_WORD;
    if memoised {
        let map = memo.read().unwrap_or_else(|p| p.into_inner());
        if let Some(&known) = map.get(word) {
            return known;
        }
    }
    let known = dict.check(word) || {
        lower_into(word, lower);
        dict.check(lower)
    };
    if memoised {
        let mut map = memo.write().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MEMO_CAP {
            map.clear();
        }
        map.insert(word.into(), known);
    }
    known
}

/// `text.to_lowercase()` with `’` made `'`, into `out`. Character by
/// character is what `str::to_lowercase` does too, except for a capital
/// sigma, whose form depends on its neighbours: that rare case takes the
/// standard library's way.
fn lower_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c == '’' {
            out.push('\'');
        } else if c == 'Σ' {
            // Met while lower-casing rather than looked for first (one
            // pass over the word): start again the standard way.
            out.clear();
            out.push_str(&text.to_lowercase().replace('’', "'"));
            return;
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Slips per 100 words at which the writing score reaches 0: one slip in
/// every ten words is writing a reviewer would not send to a customer.
pub const ZERO_SCORE_RATE: f64 = 10.0;

/// One word the dictionary does not know, as a byte range of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slip {
    pub start: usize,
    pub end: usize,
    pub word: String,
}

/// The spelling of one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Writing {
    /// Words counted (URLs, code and numbers are not words here).
    pub words: usize,
    pub slips: Vec<Slip>,
    /// Slips per 100 words; 0 for an empty text.
    pub per_100: f64,
}

impl Writing {
    /// 1 for clean writing, falling linearly to 0 at [`ZERO_SCORE_RATE`].
    pub fn score(&self) -> f64 {
        score_for_rate(self.per_100)
    }

    /// Combines several texts' results into one rate over all their words.
    pub fn rate_over(parts: &[&Writing]) -> Option<f64> {
        let words: usize = parts.iter().map(|w| w.words).sum();
        let slips: usize = parts.iter().map(|w| w.slips.len()).sum();
        (words > 0).then(|| rate(slips, words))
    }
}

/// Writing score for a rate of slips per 100 words, in 0..=1.
pub fn score_for_rate(per_100: f64) -> f64 {
    (1.0 - per_100 / ZERO_SCORE_RATE).clamp(0.0, 1.0)
}

fn rate(slips: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        (slips as f64 * 100.0 / words as f64 * 10.0).round() / 10.0
    }
}

/// The words of `texts`, lower-cased: words the candidate was shown (or
/// their own name) are never slips.
pub fn known_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> WordSet {
    let mut out = WordSet::default();
    for t in texts {
        add_known_words(&mut out, t);
    }
    out
}

/// Adds the words of `text` to `set`, as [`known_words`] reads them.
pub fn add_known_words(set: &mut WordSet, text: &str) {
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        for part in w.split(['\'', '’']) {
            if !part.is_empty() {
                set.insert(part.to_lowercase());
            }
        }
        if !w.is_empty() {
            set.insert(w.to_lowercase().replace('’', "'"));
        }
    }
}

/// Whether a chunk holds a backtick (inline code), or is a URL (`://`,
/// `www.`) or an email address (`@`). One pass over its bytes: a word is
/// a few bytes, too short for a substring searcher or `memchr` to pay for
/// setting up (and these marks are ASCII, never part of another char).
fn is_code_url_or_mail(chunk: &str) -> bool {
    let b = chunk.as_bytes();
    if b.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"www.")) {
        return true;
    }
    b.iter().enumerate().any(|(i, &c)| match c {
        b'`' | b'@' => true,
        b':' => b[i + 1..].starts_with(b"//"),
        _ => false,
    })
}

/// What a token is, as [`check`] counts it.
#[derive(Debug, PartialEq)]
enum Shape {
    /// Code ([`is_code_like`]) or camel case ([`is_camel`]): not counted.
    NotAWord,
    /// A counted word the dictionary is not asked about ([`is_acronym`]).
    Acronym,
    Word,
}

/// [`is_code_like`], [`is_camel`] and [`is_acronym`] of a token, in that
/// order. An ASCII token (most are) is read once for all three: an ASCII
/// char is alphabetic, upper- or lower-case exactly when its byte is.
fn shape(token: &str) -> Shape {
    if !token.is_ascii() {
        return if is_code_like(token) || is_camel(token) {
            Shape::NotAWord
        } else if is_acronym(token) {
            Shape::Acronym
        } else {
            Shape::Word
        };
    }
    let (mut letter, mut lower, mut upper, mut camel) = (false, false, 0usize, false);
    let mut prev_lower = false;
    for &b in token.as_bytes() {
        if b.is_ascii_digit() || CODE_MARKS[usize::from(b)] {
            return Shape::NotAWord;
        }
        if b.is_ascii_uppercase() {
            upper += 1;
            camel |= prev_lower;
        }
        prev_lower = b.is_ascii_lowercase();
        lower |= prev_lower;
        letter |= b.is_ascii_alphabetic();
    }
    if !letter || camel {
        Shape::NotAWord
    } else if !lower && upper >= 2 {
        Shape::Acronym
    } else {
        Shape::Word
    }
}

/// Identifiers, paths, versions and numbers: code, not prose.
fn is_code_like(token: &str) -> bool {
    token.chars().any(|c| c.is_ascii_digit())
        || token.contains([
            '_', '/', '\\', '.', '=', '<', '>', '{', '}', '(', ')', '#', '$',
        ])
        || token.chars().all(|c| !c.is_alphabetic())
}

/// The marks [`is_code_like`] looks for, as a table of bytes ([`shape`]).
static CODE_MARKS: [bool; 256] = {
    let mut t = [false; 256];
    let marks = b"_/\\.=<>{}()#$";
    let mut i = 0;
    while i < marks.len() {
        t[marks[i] as usize] = true;
        i += 1;
    }
    t
};

fn is_acronym(w: &str) -> bool {
    // ASCII: letters are alphabetic, capitals upper-case; one pass.
    if w.is_ascii() {
        let mut letters = 0usize;
        for &b in w.as_bytes() {
            if b.is_ascii_lowercase() {
                return false;
            }
            letters += usize::from(b.is_ascii_uppercase());
        }
        return letters >= 2;
    }
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// An upper-case letter after a lower-case one: `CamelCase`, `iPhone`.
fn is_camel(w: &str) -> bool {
    let mut prev_lower = false;
    for c in w.chars() {
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

const FR_ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Byte ranges inside `backticks` (inline code), skipped whole.
fn code_spans(text: &str) -> Vec<(usize, usize)> {
    let ticks: Vec<usize> = text.match_indices('`').map(|(i, _)| i).collect();
    ticks
        .chunks(2)
        .map(|p| (p[0], *p.get(1).unwrap_or(&text.len())))
        .collect()
}

/// Checks `text` in `lang`; words in `known` (lower-cased) are accepted.
pub fn check(text: &str, lang: Lang, known: &impl Known) -> Writing {
    let (dict, memo): (&Dictionary, &Memo) = match lang {
        Lang::En => (&EN, &EN_MEMO),
        Lang::Fr => (&FR, &FR_MEMO),
    };
    let code = code_spans(text);
    let mut words = 0;
    let mut slips = Vec::new();
    // Reused for every word: checking a text allocates only for its slips.
    let mut lower = String::new();
    let mut straight = String::new();
    let mut dict_lower = String::new();
    // A capital after a sentence end is not a sign of a proper noun.
    let mut sentence_start = true;
    let mut offset = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += chunk.len();
        let raw = chunk.trim_end();
        if raw.is_empty() {
            continue;
        }
        let starts_sentence = sentence_start;
        sentence_start = raw.ends_with(['.', '!', '?', ':']);
        if code.iter().any(|&(a, b)| start >= a && start <= b) || is_code_url_or_mail(raw) {
            continue;
        }
        // Surrounding punctuation is not part of the word.
        let from_word = trim_start_non_alphanumeric(raw);
        let lead = raw.len() - from_word.len();
        let token = trim_end_non_alphanumeric(from_word);
        if token.is_empty() {
            continue;
        }
        let token_start = start + lead;
        match shape(token) {
            Shape::NotAWord => continue,
            Shape::Acronym => {
                words += 1;
                continue;
            }
            Shape::Word => words += 1,
        }
        lower_into(token, &mut lower);
        if known.knows(&lower) {
            continue;
        }
        // Hyphenated compounds are checked part by part.
        let mut part_offset = token_start;
        for part in token.split('-') {
            let part_start = part_offset;
            part_offset += part.len() + 1;
            let (word, word_start) = strip_elision(part, part_start, lang);
            if word.is_empty() {
                continue;
            }
            // Most words are the whole token (a sub-slice of the same
            // length is the same text): the token was already found to be
            // no acronym, not camel case and not known, so the word is
            // none of them either, and is not asked again.
            let whole = word.len() == token.len();
            if !whole && (is_acronym(word) || is_camel(word)) {
                continue;
            }
            // Known words have no curly apostrophe (they are split or
            // straightened on it), so a word with one is never among them.
            if !whole && !word.contains('’') {
                lower_into(word, &mut lower);
                if known.knows(&lower) {
                    continue;
                }
            }
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if capitalised && !(starts_sentence && word_start == token_start) {
                // A capital mid-sentence: a name, a product, a place.
                continue;
            }
            let normalised: &str = if word.contains('’') {
                straight.clear();
                straight.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }));
                &straight
            } else {
                word
            };
            if dictionary_knows(dict, memo, normalised, &mut dict_lower) {
                continue;
            }
            slips.push(Slip {
                start: word_start,
                end: word_start + word.len(),
                word: word.to_string(),
            });
        }
    }
    let per_100 = rate(slips.len(), words);
    Writing {
        words,
        slips,
        per_100,
    }
}

/// `s.trim_start_matches(|c: char| !c.is_alphanumeric())`, with the
/// ASCII punctuation that usually leads a word skipped byte by byte (an
/// ASCII char is alphanumeric exactly when its byte is).
fn trim_start_non_alphanumeric(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii() && !b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    // `i` is at a char boundary: every byte before it was a whole char.
    // Stopped at an ASCII byte, it is at an alphanumeric one: done.
    match b.get(i) {
        Some(c) if !c.is_ascii() => s[i..].trim_start_matches(|c: char| !c.is_alphanumeric()),
        _ => &s[i..],
    }
}

/// `s.trim_end_matches(|c: char| !c.is_alphanumeric())`, likewise.
fn trim_end_non_alphanumeric(s: &str) -> &str {
    let b = s.as_bytes();
    let mut j = b.len();
    while j > 0 && b[j - 1].is_ascii() && !b[j - 1].is_ascii_alphanumeric() {
        j -= 1;
    }
    match j.checked_sub(1).map(|k| b[k]) {
        Some(c) if !c.is_ascii() => s[..j].trim_end_matches(|c: char| !c.is_alphanumeric()),
        _ => &s[..j],
    }
}

/// French `l'adresse`, `qu'il`: the word after the elided article.
/// English keeps its apostrophes (`don't` is in the dictionary).
fn strip_elision(part: &str, start: usize, lang: Lang) -> (&str, usize) {
    if lang == Lang::Fr {
        if let Some((i, c)) = part.char_indices().find(|&(_, c)| c == '\'' || c == '’') {
            // The elisions are ASCII, and no other character lower-cases
            // to one of theirs: an ASCII comparison is exact.
            let head = &part[..i];
            if FR_ELISIONS.iter().any(|e| head.eq_ignore_ascii_case(e)) {
                let rest = i + c.len_utf8();
                return (&part[rest..], start + rest);
            }
        }
    }
    let trimmed = part.trim_end_matches(['\'', '’']);
    (trimmed, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> WordSet {
        WordSet::default()
    }

    fn slipped(text: &str, lang: Lang, known: &impl Known) -> Vec<String> {
        check(text, lang, known)
            .slips
            .into_iter()
            .map(|s| {
                assert_eq!(&text[s.start..s.end], s.word);
                s.word
            })
            .collect()
    }

    #[test]
    fn english_slip_found_with_its_range() {
        let text = "I would recieve the refund tomorrow.";
        let w = check(text, Lang::En, &none());
        assert_eq!(w.words, 6);
        assert_eq!(w.slips.len(), 1);
        assert_eq!(&text[w.slips[0].start..w.slips[0].end], "recieve");
        assert_eq!(w.slips[0].start, 8);
        assert!((w.per_100 - 16.7).abs() < 1e-9);
        assert_eq!(w.score(), 0.0);
    }

    #[test]
    fn clean_english_has_no_slips() {
        let w = check(
            "Thanks for your patience, I don't think you'll need a new invoice.",
            Lang::En,
            &none(),
        );
        assert!(w.slips.is_empty(), "{:?}", w.slips);
        assert_eq!(w.score(), 1.0);
    }

    #[test]
    fn names_urls_code_acronyms_numbers_are_not_slips() {
        let text = "Hi Zyxwq, see https://exmaple.com/hlp or mail sprt@exmaple.com; \
                    run `frobnicat --now`, set max_retrys and QuxBar, read /etc/confg, \
                    the SLAA is 24h, version v2beta, 3 days.";
        assert_eq!(slipped(text, Lang::En, &none()), Vec::<String>::new());
    }

    #[test]
    fn questionnaire_and_job_words_are_not_slips() {
        let known = known_words(["Use the Shipmo dashbord to voidd a label", "Dana Okoro"]);
        let text = "shipmo lets you voidd it from the dashbord, okoro here.";
        assert_eq!(slipped(text, Lang::En, &known), Vec::<String>::new());
        assert_eq!(slipped(text, Lang::En, &none()).len(), 4);
    }

    #[test]
    fn sentence_start_capital_is_checked() {
        assert_eq!(
            slipped("Recieve it. Thanks", Lang::En, &none()),
            vec!["Recieve".to_string()]
        );
    }

    #[test]
    fn french_accents() {
        assert!(slipped("C'est très simple.", Lang::Fr, &none()).is_empty());
        assert_eq!(
            slipped("C'est tres simple.", Lang::Fr, &none()),
            vec!["tres".to_string()]
        );
    }

    #[test]
    fn french_names_urls_code_acronyms_and_known_words_are_not_slips() {
        let known = known_words(["Annulez l'étiquete depuis le tablo de bord", "Zoé Kerbrat"]);
        let text = "Bonjour, ici Kerbrat : voyez https://exmaple.fr/aidee, écrivez à                     suport@exmaple.fr, lancez `reinitialisr`, le fichier /etc/confg,                     la TVAA de 20 %, puis annulez l'étiquete dans le tablo.";
        assert_eq!(slipped(text, Lang::Fr, &known), Vec::<String>::new());
        assert_eq!(
            slipped(text, Lang::Fr, &none()),
            vec!["étiquete".to_string(), "tablo".to_string()]
        );
    }

    #[test]
    fn french_elisions_and_range() {
        let text = "Je vérifie l'adresse et qu'il reçoit l'étiquete demain.";
        let w = check(text, Lang::Fr, &none());
        assert_eq!(w.slips.len(), 1, "{:?}", w.slips);
        assert_eq!(&text[w.slips[0].start..w.slips[0].end], "étiquete");
    }

    #[test]
    fn rate_over_parts() {
        let a = check("recieve it", Lang::En, &none());
        let b = check(
            "fine words here tomorrow today now also well",
            Lang::En,
            &none(),
        );
        assert_eq!(Writing::rate_over(&[&a, &b]), Some(10.0));
        assert_eq!(Writing::rate_over(&[]), None);
        assert_eq!(score_for_rate(5.0), 0.5);
    }

    #[test]
    fn lower_into_matches_the_standard_library() {
        let mut out = String::from("left over");
        for text in [
            "Hello",
            "ÉTIQUETTE",
            "don’t",
            "ΟΔΟΣ",
            "ΣΑΣ Σ",
            "İstanbul",
            "Straße",
            "",
        ] {
            lower_into(text, &mut out);
            assert_eq!(out, text.to_lowercase().replace('’', "'"), "{text}");
        }
    }

    #[test]
    fn verdicts_are_the_same_once_remembered() {
        let text = "Recieve the refund, recieve it again; Thanks for the refund. Ça va trés bien";
        let first = check(text, Lang::En, &none());
        for _ in 0..3 {
            assert_eq!(check(text, Lang::En, &none()), first);
        }
        assert_eq!(
            slipped("très bien, trés bien", Lang::Fr, &none()),
            vec!["trés".to_string()]
        );
        assert_eq!(
            slipped("très bien, trés bien", Lang::Fr, &none()),
            vec!["trés".to_string()]
        );
    }

    #[test]
    fn a_pair_of_sets_knows_both() {
        let job = known_words(["Use the Shipmo dashbord"]);
        let name = known_words(["Dana Okoro"]);
        let text = "shipmo lets you use the dashbord, okoro here.";
        assert!(slipped(text, Lang::En, &KnownPair(&job, &name)).is_empty());
        assert_eq!(slipped(text, Lang::En, &job), vec!["okoro".to_string()]);
    }

    #[test]
    fn curly_apostrophes_are_straightened_for_the_dictionary_only() {
        // Known words are split on apostrophes; a curly one in a word is
        // never found among them, but the dictionary reads it straight.
        let known = known_words(["wouldn't"]);
        assert!(slipped("I don’t know, wouldn’t you?", Lang::En, &known).is_empty());
        assert_eq!(
            slipped("I dont’ know, shouldn’tt you?", Lang::En, &known),
            vec!["dont".to_string(), "shouldn’tt".to_string()]
        );
    }
}
