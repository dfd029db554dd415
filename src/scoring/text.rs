//! Text normalisation with an exact map back to the original bytes.
//!
//! All detectors run on a *folded* copy of the answer: ASCII only, lower
//! case, accents stripped, apostrophe/quote/dash variants unified, other
//! letters mapped to `_` (a word character) and other symbols to `#`. Every
//! folded byte remembers the original char it came from, so a match on the
//! folded text maps back to an exact byte range of the original answer, on
//! char boundaries, whatever the Unicode (case mappings that change length,
//! ligatures, combining marks, RTL text, emoji).

use std::ops::Range;

/// The folded copy of a text and its byte map to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
    /// For each folded byte: start of the original char it came from.
    start: Vec<u32>,
    /// For each folded byte: end of the original char (plus any combining
    /// marks that followed it).
    end: Vec<u32>,
    /// The original text: the folded one has lost its capitals, which tell
    /// a name ("the Studio plan") from a word ("a paid plan").
    orig: Box<str>,
    /// Word and sentence splits, computed once for every detector.
    words: std::sync::OnceLock<Vec<Range<usize>>>,
    sentences: std::sync::OnceLock<Vec<Range<usize>>>,
}

impl Folded {
    pub fn new(orig: &str) -> Folded {
        // The folded text is ASCII: built as bytes, ASCII input byte by byte
        // (most answers are mostly ASCII), other chars through the tables.
        let mut text: Vec<u8> = Vec::with_capacity(orig.len());
        let mut start: Vec<u32> = Vec::with_capacity(orig.len());
        let mut end: Vec<u32> = Vec::with_capacity(orig.len());
        let bytes = orig.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // A whole run of ASCII at once: one byte each, mapped to itself.
                // Copied, then changed in place, in loops the compiler turns
                // into vector code.
                let run = ascii_run_end(bytes, i);
                let at = text.len();
                text.extend_from_slice(&bytes[i..run]);
                for c in &mut text[at..] {
                    *c = if *c == b'`' {
                        b'\''
                    } else {
                        c.to_ascii_lowercase()
                    };
                }
                // Extended from ranges, not zero-filled then written: a
                // French answer has a run after every accented letter, and
                // the fill was a third of the fold.
                let (first, last) = (i as u32, run as u32);
                start.extend(first..last);
                end.extend(first + 1..last + 1);
                i = run;
                continue;
            }
            let Some(c) = orig[i..].chars().next() else {
                break;
            };
            let j = (i + c.len_utf8()) as u32;
            let at = i as u32;
            i = j as usize;
            let mut push = |s: &str| {
                for b in s.bytes() {
                    text.push(b);
                    start.push(at);
                    end.push(j);
                }
            };
            if is_combining(c) {
                if let Some(e) = end.last_mut() {
                    *e = j;
                }
                continue;
            }
            for l in c.to_lowercase() {
                if is_combining(l) {
                    continue;
                }
                match fold_char(l) {
                    Some(s) => push(s),
                    None => {
                        if l.is_whitespace() {
                            push(" ")
                        } else if l.is_alphanumeric() {
                            push("_")
                        } else {
                            push("#")
                        }
                    }
                }
            }
        }
        let text = String::from_utf8(text).expect("the folded text is ASCII");
        Folded {
            text,
            start,
            end,
            orig: orig.into(),
            words: std::sync::OnceLock::new(),
            sentences: std::sync::OnceLock::new(),
        }
    }

    /// [`words`] of the folded text, split once.
    pub fn words(&self) -> &[Range<usize>] {
        self.words.get_or_init(|| words(&self.text))
    }

    /// [`sentences`] of the folded text, split once.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences.get_or_init(|| sentences(&self.text))
    }

    /// The folded text (ASCII).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether the original char the folded byte `at` came from is a
    /// capital letter.
    #[inline]
    pub fn is_capital(&self, at: usize) -> bool {
        let Some(&s) = self.start.get(at) else {
            return false;
        };
        // Asked of every word of an answer: an ASCII first byte is the
        // whole char, and needs no decoding.
        match self.orig.as_bytes().get(s as usize) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.orig[s as usize..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }

    /// Maps a folded byte range to the original answer's byte range.
    pub fn orig(&self, r: Range<usize>) -> Range<usize> {
        let s = r.start.min(self.text.len());
        let e = r.end.min(self.text.len());
        if s >= e {
            let p = if s < self.start.len() {
                self.start[s] as usize
            } else {
                self.orig.len()
            };
            return p..p;
        }
        self.start[s] as usize..self.end[e - 1] as usize
    }
}

/// Where the run of ASCII bytes starting at `from` ends, eight bytes at a
/// time.
fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let high = u64::from_le_bytes(word) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii() {
        i += 1;
    }
    i
}

fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// ASCII replacement of a lower-case non-ASCII char, when there is one.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ś' | 'š' | 'ş' => "s",
        'ź' | 'ž' | 'ż' => "z",
        'ł' => "l",
        'ř' => "r",
        'ť' => "t",
        'ď' | 'đ' => "d",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        '’' | '‘' | 'ʼ' | '´' | '′' | 'ʹ' => "'",
        '“' | '”' | '«' | '»' | '„' | '″' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '…' => "...",
        '？' => "?",
        '！' => "!",
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' => " ",
        _ => return None,
    })
}

/// Sentence ranges (in folded coordinates), trimmed. A sentence ends after
/// a run of `.`, `!`, `?` followed by whitespace or the end, or at a newline.
pub fn sentences(f: &str) -> Vec<Range<usize>> {
    let b = f.as_bytes();
    let mut out = Vec::new();
    let mut s = 0;
    let mut i = 0;
    // Only a newline or `.`, `!`, `?` can end a sentence: jump from one to
    // the next (memchr scans many bytes at a time).
    let newline = |from: usize| memchr::memchr(b'\n', &b[from..]).map_or(b.len(), |n| from + n);
    let stop =
        |from: usize| memchr::memchr3(b'.', b'!', b'?', &b[from..]).map_or(b.len(), |n| from + n);
    let (mut next_newline, mut next_stop) = (newline(0), stop(0));
    while i < b.len() {
        if next_newline < i {
            next_newline = newline(i);
        }
        if next_stop < i {
            next_stop = stop(i);
        }
        i = next_newline.min(next_stop);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        if c == b'\n' {
            push_trimmed(b, s, i, &mut out);
            s = i + 1;
        } else if matches!(c, b'.' | b'!' | b'?') {
            let mut k = i;
            while k + 1 < b.len() && matches!(b[k + 1], b'.' | b'!' | b'?' | b'"' | b')') {
                k += 1;
            }
            if k + 1 == b.len() || b[k + 1].is_ascii_whitespace() {
                push_trimmed(b, s, k + 1, &mut out);
                s = k + 1;
                i = k;
            }
        }
        i += 1;
    }
    push_trimmed(b, s, b.len(), &mut out);
    out
}

fn push_trimmed(b: &[u8], mut s: usize, mut e: usize, out: &mut Vec<Range<usize>>) {
    while s < e && b[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push(s..e);
    }
}

/// Word tokens (runs of `[a-z0-9_]`) of a folded text, as folded ranges.
pub fn words(f: &str) -> Vec<Range<usize>> {
    let b = f.as_bytes();
    // About one word in six bytes of prose: room for most answers at once.
    let mut out = Vec::with_capacity(b.len() / 4 + 4);
    // Two tight loops, one over the separators and one over the word's
    // bytes, rather than one loop asking at each byte which it is in.
    let mut i = 0;
    loop {
        while i < b.len() && !is_word(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let s = i;
        while i < b.len() && is_word(b[i]) {
            i += 1;
        }
        out.push(s..i);
    }
    out
}

pub fn is_word(c: u8) -> bool {
    WORD_BYTES[usize::from(c)]
}

/// `[a-zA-Z0-9_]`, as a table: the word splitter asks once per byte.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

/// Light stemmer shared by English and French, applied identically to the
/// answer and to key-point phrasings so that small inflections match
/// (plural, -ed/-ing, French -er/-ez/-é(e)(s)/-ent).
pub fn stem(w: &str) -> &str {
    const SUFFIXES: [&str; 19] = [
        "ements", "ement", "ations", "ation", "ings", "ing", "ees", "ies", "ers", "ent", "ons",
        "ed", "es", "ee", "er", "ez", "s", "x", "e",
    ];
    if w.len() <= 3 {
        return w;
    }
    for suf in SUFFIXES {
        if w.len() >= suf.len() + 3 && w.ends_with(suf) {
            return &w[..w.len() - suf.len()];
        }
    }
    w
}

/// Compiles a pattern for the folded (ASCII, lower-case) text. Bytes regex
/// with Unicode off: on ASCII input it has the same meaning and the fast
/// DFA engines handle `\b`.
pub fn rx(pattern: &str) -> regex::bytes::Regex {
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(1 << 24)
        .dfa_size_limit(1 << 24)
        .build()
        .unwrap_or_else(|e| panic!("invalid built-in pattern {pattern:?}: {e}"))
}

/// A set of rules with a one-pass prefilter telling which rules match at all.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    set: regex::bytes::RegexSet,
    /// All the rules as one regex: most answers match none, and telling so
    /// with one early-exit search costs less than the set's overlapping one.
    any: regex::bytes::Regex,
}

impl RuleSet {
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        let set = regex::bytes::RegexSetBuilder::new(rules.iter().map(|r| r.pattern.as_str()))
            .unicode(false)
            .size_limit(1 << 25)
            .dfa_size_limit(1 << 25)
            .build()
            .expect("valid rule patterns");
        let union: Vec<String> = rules.iter().map(|r| format!("(?:{})", r.pattern)).collect();
        let any = regex::bytes::RegexBuilder::new(&union.join("|"))
            .unicode(false)
            .size_limit(1 << 25)
            .dfa_size_limit(1 << 25)
            .build()
            .expect("valid rule patterns");
        RuleSet { rules, set, any }
    }

    /// The rules with at least one match in `hay`, in rule order.
    pub fn matching<'a>(&'a self, hay: &[u8]) -> impl Iterator<Item = &'a Rule> + 'a {
        let m = self.any.is_match(hay).then(|| self.set.matches(hay));
        self.rules
            .iter()
            .enumerate()
            .filter(move |(i, _)| m.as_ref().is_some_and(|m| m.matched(*i)))
            .map(|(_, r)| r)
    }
}

/// One regex over the alternatives, each anchored on a word boundary at the
/// start, and at the end too when it ends with a letter, digit or `)` (so a
/// pattern ending with `\?`, `,` or `\w*` is not forced to end on a word).
pub fn alt(alternatives: &[&str]) -> regex::bytes::Regex {
    rx(&alt_pattern(alternatives))
}

/// The pattern text [`alt`] compiles.
pub fn alt_pattern(alternatives: &[&str]) -> String {
    let parts: Vec<String> = alternatives
        .iter()
        .map(|a| {
            let end =
                a.ends_with(|c: char| c.is_ascii_alphanumeric() || c == ')') && !a.ends_with("\\)");
            format!(r"\b(?:{a}){}", if end { r"\b" } else { "" })
        })
        .collect();
    parts.join("|")
}

/// Byte ranges of all matches of `re` in `hay`.
pub fn find_all(re: &regex::bytes::Regex, hay: &str) -> Vec<Range<usize>> {
    re.find_iter(hay.as_bytes()).map(|m| m.range()).collect()
}

/// True when one of the up-to-three words before `at` is a negation
/// (`not`, `n't`, `never`, `no`, `ne`, `n'`, `pas`, `jamais`) or the word right
/// after `end` is `pas`/`rien`/`jamais` (colloquial French).
pub fn negated(f: &str, at: usize, end: usize) -> bool {
    // Called for every empathy marker, on the folded text: walked as
    // bytes, not decoded chars (the same words: every byte of a non-ASCII
    // char separates words, as the char did).
    let before = &f.as_bytes()[..at.min(f.len())];
    // The up-to-three words before `at` within its clause, last first,
    // walked back from `at` only as far as they go: a clause mark
    // (`.`, `!`, `?`, `;`, `:`, `,`, newline) is never part of a word, so
    // the first one met ends the clause, and the words behind it are not
    // looked at (nor is the rest of the answer scanned for one).
    let in_word = |c: u8| c.is_ascii_alphanumeric() || c == b'\'';
    let mut prev: [&[u8]; 3] = [&[]; 3];
    let mut n = 0;
    let mut e = before.len();
    'words: while n < 3 {
        while e > 0 && !in_word(before[e - 1]) {
            if matches!(
                before[e - 1],
                b'.' | b'!' | b'?' | b';' | b':' | b',' | b'\n'
            ) {
                break 'words;
            }
            e -= 1;
        }
        if e == 0 {
            break;
        }
        let mut s = e;
        while s > 0 && in_word(before[s - 1]) {
            s -= 1;
        }
        prev[n] = &before[s..e];
        n += 1;
        e = s;
    }
    let prev = &prev[..n];
    // "n'hésitez pas", "don't hesitate" are offers, not negations.
    if prev
        .iter()
        .any(|w| w.starts_with(b"hesit") || w.starts_with(b"n'hesit"))
    {
        return false;
    }
    for &w in prev {
        if matches!(
            w,
            b"not" | b"never" | b"no" | b"ne" | b"pas" | b"jamais" | b"hardly"
        ) || w.ends_with(b"n't")
            || w.starts_with(b"n'")
        {
            return true;
        }
    }
    let after = f[end.min(f.len())..].trim_start();
    let next = &after[..after
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(after.len())];
    matches!(next, "pas" | "rien" | "jamais")
}

/// A compiled detector pattern and what a match means.
#[derive(Debug, Clone)]
pub struct Rule {
    pub pattern: String,
    pub re: regex::bytes::Regex,
    pub kind: super::types::EvidenceKind,
    pub label: &'static str,
    pub weight: f64,
}

impl Rule {
    pub fn new(
        kind: super::types::EvidenceKind,
        weight: f64,
        label: &'static str,
        alternatives: &[&str],
    ) -> Rule {
        let pattern = alt_pattern(alternatives);
        Rule {
            re: rx(&pattern),
            pattern,
            kind,
            label,
            weight,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_apostrophes() {
        let f = Folded::new("Désolé, J’AI reçu l'Œuvre…");
        assert_eq!(f.as_str(), "desole, j'ai recu l'oeuvre...");
    }

    #[test]
    fn spans_map_to_original_bytes() {
        let orig = "Ça ÉTAIT l’İstanbul 🎉 café\u{301}!";
        let f = Folded::new(orig);
        for (i, _) in f.as_str().char_indices() {
            for j in i + 1..=f.len() {
                let r = f.orig(i..j);
                assert!(orig.is_char_boundary(r.start) && orig.is_char_boundary(r.end));
                assert!(r.start <= r.end && r.end <= orig.len());
            }
        }
        let pos = f.as_str().find("cafe").unwrap();
        let r = f.orig(pos..pos + 4);
        assert_eq!(&orig[r], "café\u{301}");
        let pos = f.as_str().find("etait").unwrap();
        assert_eq!(&orig[f.orig(pos..pos + 5)], "ÉTAIT");
    }

    #[test]
    fn splits_sentences_en_and_fr() {
        let f =
            "hi there! could you send the url? see https://x.com/a.b thanks.\nbonjour ; merci ?";
        let s: Vec<&str> = sentences(f).into_iter().map(|r| &f[r]).collect();
        assert_eq!(
            s,
            [
                "hi there!",
                "could you send the url?",
                "see https://x.com/a.b thanks.",
                "bonjour ; merci ?"
            ]
        );
    }

    #[test]
    fn stems_small_inflections() {
        assert_eq!(stem("refunds"), stem("refund"));
        assert_eq!(stem("cached"), stem("caching"));
        assert_eq!(stem("desactivez"), stem("desactiver"));
        assert_eq!(stem("snippets"), "snippet");
    }
}
