//! The browser's first guess: which of the offered languages its
//! `Accept-Language` header prefers.

use super::Locale;

/// The offered language the header ranks highest (by quality, then by
/// order), or `None` when it names none of them. `*` means any: the first
/// offered.
pub fn from_accept_language(header: &str, offered: &[Locale]) -> Option<Locale> {
    let mut ranked: Vec<(u16, usize, Locale)> = Vec::new();
    for (position, item) in header.split(',').enumerate().take(32) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1000), parse_quality);
        let Some(quality) = quality.filter(|q| *q > 0) else {
            continue;
        };
        let locale = if tag == "*" {
            offered.first().copied()
        } else {
            Locale::parse(tag).filter(|l| offered.contains(l))
        };
        if let Some(locale) = locale {
            ranked.push((quality, position, locale));
        }
    }
    ranked.sort_by_key(|(quality, position, _)| (std::cmp::Reverse(*quality), *position));
    ranked.first().map(|(_, _, locale)| *locale)
}

/// "0.8" as 800; `None` when it is not a quality value.
fn parse_quality(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&value)
        .then(|| (value * 1000.0).round() as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_offered_language_wins() {
        let fr = Locale::parse("fr").unwrap();
        let en = Locale::ENGLISH;
        let both = [en, fr];
        assert_eq!(
            from_accept_language("fr-CH, fr;q=0.9, en;q=0.8", &both),
            Some(fr)
        );
        assert_eq!(
            from_accept_language("en-GB,en;q=0.9,fr;q=0.8", &both),
            Some(en)
        );
        assert_eq!(
            from_accept_language("de, fr;q=0.5, en;q=0.7", &both),
            Some(en)
        );
        assert_eq!(from_accept_language("de, fr;q=0.5", &both), Some(fr));
        assert_eq!(from_accept_language("fr", &[en]), None);
        assert_eq!(from_accept_language("de", &both), None);
        assert_eq!(from_accept_language("fr;q=0, *;q=0.1", &both), Some(en));
        assert_eq!(from_accept_language("", &both), None);
        assert_eq!(from_accept_language("fr;q=bad, en;q=2", &both), None);
    }
}
