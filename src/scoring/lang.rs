//! Fallback language detection by function words. Only a fallback: the
//! language normally comes from the questionnaire or the job, and detection
//! returns `None` on short or mixed texts rather than guess.

use super::text::{words, Folded};
use super::types::Lang;

/// Fewer words than this and detection is not trusted.
pub const MIN_WORDS: usize = 12;

const EN: &[&str] = &[
    "the", "and", "is", "you", "your", "to", "of", "it", "for", "that", "this", "with", "are",
    "can", "have", "thanks", "hello", "we", "our", "what", "which", "please", "would", "could",
    "not", "be", "on", "in", "a", "i",
];
const FR: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "est", "et", "je", "vous", "nous", "pas", "pour", "que",
    "qui", "une", "un", "dans", "sur", "avec", "votre", "vos", "merci", "bonjour", "ce", "cette",
    "au", "aux", "ne", "il",
];

/// `Some` only when the text is long enough and clearly one language.
pub fn detect(text: &str) -> Option<Lang> {
    let f = Folded::new(text);
    let s = f.as_str();
    let ws = words(s);
    if ws.len() < MIN_WORDS {
        return None;
    }
    let (mut en, mut fr) = (0usize, 0usize);
    for r in ws {
        let w = &s[r];
        en += usize::from(EN.contains(&w));
        fr += usize::from(FR.contains(&w));
    }
    // French elisions (l', d', qu', n') are a strong hint.
    fr += s.matches(" l'").count() + s.matches(" d'").count() + s.matches("qu'").count();
    if en >= 3 && en >= 2 * fr {
        Some(Lang::En)
    } else if fr >= 3 && fr >= 2 * en {
        Some(Lang::Fr)
    } else {
        None
    }
}

/// Every `<code>.toml` of an embedded knowledge folder (`data/<folder>/`),
/// parsed once, by language code: adding a language is adding a file.
/// The files are compiled in, so one that does not parse is a build
/// defect, caught by each detector's data tests.
pub fn knowledge_files<E, T>(folder: &str) -> std::collections::HashMap<String, T>
where
    E: rust_embed::RustEmbed,
    T: serde::de::DeserializeOwned,
{
    E::iter()
        .map(|path| {
            let file = E::get(&path).expect("listed data file exists");
            let text = std::str::from_utf8(&file.data)
                .unwrap_or_else(|e| panic!("data/{folder}/{path} is not UTF-8: {e}"));
            let data: T = toml::from_str(text)
                .unwrap_or_else(|e| panic!("data/{folder}/{path} does not parse: {e}"));
            (path.trim_end_matches(".toml").to_string(), data)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_long_texts() {
        assert_eq!(
            detect("Hi, sorry for the trouble! Could you tell me what exactly is not working on the page?"),
            Some(Lang::En)
        );
        assert_eq!(
            detect("Bonjour, je suis désolé pour ce ralentissement, pourriez-vous me dire quelle page est la plus lente ?"),
            Some(Lang::Fr)
        );
    }

    #[test]
    fn never_trusts_short_texts() {
        assert_eq!(detect("Merci !"), None);
        assert_eq!(detect("Thanks, which page?"), None);
        assert_eq!(detect(""), None);
    }
}
