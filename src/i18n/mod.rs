//! Words in each language Rapport speaks: one Fluent file per language in
//! `locales/` (embedded in the binary), so a third language is a new file
//! and nothing else. English is the reference every other file translates;
//! a message a language lacks is taken from English (staff pages are only
//! in English for now).
//!
//! Dates, times and numbers are written the language's way too, from
//! patterns its file gives (`format-date`, `number-group-separator`...).
//! No I/O: the files are compiled in.

mod message;
mod negotiate;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use message::Message;
pub use negotiate::from_accept_language;

#[derive(RustEmbed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct LocaleFiles;

/// The language everything is written in first.
const REFERENCE: &str = "en";

struct Language {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// Every message id the file defines.
    keys: BTreeSet<String>,
    chrono: chrono::Locale,
}

/// Every language, English first, then by code.
static LANGUAGES: LazyLock<Vec<Language>> = LazyLock::new(load);

fn load() -> Vec<Language> {
    let mut files: Vec<String> = LocaleFiles::iter()
        .filter_map(|p| p.strip_suffix(".ftl").map(str::to_string))
        .collect();
    files.sort_by_key(|code| (code != REFERENCE, code.clone()));
    assert_eq!(
        files.first().map(String::as_str),
        Some(REFERENCE),
        "locales/{REFERENCE}.ftl is missing"
    );
    files
        .into_iter()
        .map(|code| {
            let file = LocaleFiles::get(&format!("{code}.ftl")).expect("listed file exists");
            let source = String::from_utf8_lossy(&file.data).into_owned();
            // A broken translation file is a build mistake: the tests load
            // every file, so it never reaches a running server.
            let resource = FluentResource::try_new(source)
                .unwrap_or_else(|(_, errors)| panic!("locales/{code}.ftl: {errors:?}"));
            let keys = resource
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            let id: unic_langid::LanguageIdentifier = code
                .parse()
                .unwrap_or_else(|e| panic!("locales/{code}.ftl: not a language code: {e}"));
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks would end up in subjects, plain text and
            // attribute values, where they show as stray characters.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(group_digits));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("locales/{code}.ftl: {e:?}"));
            let code: &'static str = Box::leak(code.into_boxed_str());
            let mut language = Language {
                code,
                bundle,
                keys,
                chrono: chrono::Locale::POSIX,
            };
            let chrono_name = message(&language, "chrono-locale", None)
                .unwrap_or_else(|| panic!("locales/{code}.ftl needs chrono-locale"));
            language.chrono = chrono::Locale::try_from(chrono_name.as_str())
                .unwrap_or_else(|_| panic!("locales/{code}.ftl: unknown chrono-locale"));
            language
        })
        .collect()
}

/// A language's thousands separator, for numbers given to its messages.
struct DigitGroups(String);

impl intl_memoizer::Memoizable for DigitGroups {
    type Args = ();
    type Error = ();

    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locale = Locale::parse(&lang.to_string()).ok_or(())?;
        Ok(Self(locale.text("number-group-separator")))
    }
}

/// Writes whole numbers given to a message the language's way ("10 000");
/// they stay numbers, so plurals still choose by them. Fractions keep
/// Fluent's own writing.
fn group_digits(
    value: &FluentValue,
    intls: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    if n.value.fract() != 0.0 || n.value.abs() >= 1e15 {
        return None;
    }
    intls
        .with_try_get::<DigitGroups, _, _>((), |groups| with_separator(n.value as i64, &groups.0))
        .ok()
}

/// `n` with `separator` between groups of three digits.
fn with_separator(n: i64, separator: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len() + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// A message and what went wrong formatting it (a variable not given).
fn format(
    language: &Language,
    key: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<(String, Vec<fluent_bundle::FluentError>)> {
    let pattern = language.bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = language.bundle.format_pattern(pattern, args, &mut errors);
    Some((text.into_owned(), errors))
}

fn message(language: &Language, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (text, errors) = format(language, key, args)?;
    // A variable the caller did not give shows as `{$name}`: a mistake in
    // a template, worth a log line rather than a failed page.
    if !errors.is_empty() {
        tracing::warn!(
            key,
            language = language.code,
            ?errors,
            "message formatted with errors"
        );
    }
    Some(text)
}

/// A language Rapport has a file for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(u8);

impl Default for Locale {
    fn default() -> Self {
        Self::ENGLISH
    }
}

impl Locale {
    /// English, the reference language.
    pub const ENGLISH: Locale = Locale(0);

    /// Every language, English first.
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LANGUAGES.len()).map(|i| Locale(i as u8))
    }

    /// The language for a code ("fr", "FR", "fr-CA"), when there is a file for it.
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        LANGUAGES
            .iter()
            .position(|l| l.code == primary)
            .map(|i| Locale(i as u8))
    }

    /// The language for a code, English when there is no file for it.
    pub fn parse_or_english(code: &str) -> Locale {
        Self::parse(code).unwrap_or_default()
    }

    fn language(self) -> &'static Language {
        &LANGUAGES[usize::from(self.0)]
    }

    /// The code, as in `lang="fr"`.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// The language's name in itself ("Français").
    pub fn name(self) -> String {
        self.text("language-name")
    }

    /// A message without variables (see [`Locale::text_with`]).
    pub fn text(self, key: &str) -> String {
        self.text_with(key, None)
    }

    /// A message in this language; from English when this language does
    /// not have it; the key itself (and a log line) when no file does.
    pub fn text_with(self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        self.lookup(key, args)
            .or_else(|| message(Locale::ENGLISH.language(), key, args))
            .unwrap_or_else(|| {
                tracing::warn!(key, "no language has this message");
                key.to_string()
            })
    }

    /// A message in this language only: `None` when its file lacks it.
    pub fn lookup(self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        message(self.language(), key, args)
    }

    /// A message in this language with every variable it uses given: the
    /// check the template tests render with.
    pub fn lookup_strict(self, key: &str, args: Option<&FluentArgs<'_>>) -> Result<String, String> {
        match format(self.language(), key, args) {
            None => Err(format!("locales/{}.ftl has no message {key}", self.code())),
            Some((text, errors)) if errors.is_empty() => Ok(text),
            Some((_, errors)) => Err(format!("{key} in {}: {errors:?}", self.code())),
        }
    }

    /// Whether this language's file defines `key`.
    pub fn has(self, key: &str) -> bool {
        self.language().keys.contains(key)
    }

    /// Every message id this language's file defines.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.language().keys.iter().map(String::as_str)
    }

    /// A day: "2 March 2027", "2 mars 2027".
    pub fn date(self, day: NaiveDate) -> String {
        day.format_localized(&self.text("format-date"), self.language().chrono)
            .to_string()
    }

    /// A day and time as the clock on the wall says it, without the zone:
    /// "Tuesday 2 March 2027, 14:00".
    pub fn datetime<T: TimeZone>(self, at: &DateTime<T>) -> String
    where
        T::Offset: std::fmt::Display,
    {
        self.moment("format-datetime", at)
    }

    /// A time of day: "14:00".
    pub fn time<T: TimeZone>(self, at: &DateTime<T>) -> String
    where
        T::Offset: std::fmt::Display,
    {
        self.moment("format-time", at)
    }

    /// A day without the year: "Tuesday 2 March".
    pub fn weekday_date<T: TimeZone>(self, at: &DateTime<T>) -> String
    where
        T::Offset: std::fmt::Display,
    {
        self.moment("format-weekday-date", at)
    }

    /// `at` written with the language's strftime pattern `format_key`.
    fn moment<T: TimeZone>(self, format_key: &str, at: &DateTime<T>) -> String
    where
        T::Offset: std::fmt::Display,
    {
        at.format_localized(&self.text(format_key), self.language().chrono)
            .to_string()
    }

    /// A moment as someone in `tz` reads it: "Tuesday 2 March 2027, 14:00
    /// Lisbon time (WET)". The city says which zone is meant all year
    /// round; the abbreviation alone is ambiguous, and some zones only
    /// have an offset ("+03"), written as "UTC+03".
    pub fn when_in(self, at: DateTime<Utc>, tz: Tz) -> String {
        let local = at.with_timezone(&tz);
        let abbr = local.format("%Z").to_string();
        let abbr = if abbr.starts_with(['+', '-']) {
            format!("UTC{abbr}")
        } else {
            abbr
        };
        let mut args = FluentArgs::new();
        args.set("datetime", self.datetime(&local));
        args.set("abbr", abbr);
        match tz.name().rsplit_once('/') {
            Some((region, city)) if region != "Etc" => {
                args.set("city", city.replace('_', " "));
                self.text_with("when-in-city", Some(&args))
            }
            _ => self.text_with("when-in-zone", Some(&args)),
        }
    }

    /// A whole number with the language's thousands separator: "44,000",
    /// "44 000".
    pub fn number(self, n: i64) -> String {
        with_separator(n, &self.text("number-group-separator"))
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Locale {
    /// A code without a file reads as English: a language removed from a
    /// later version must not make stored rows unreadable.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code: Cow<'de, str> = Deserialize::deserialize(d)?;
        Ok(Locale::parse_or_english(&code))
    }
}

/// Template values as message variables: numbers stay numbers (plurals
/// choose by them), everything else is text.
pub fn args_from_json<'a>(
    values: impl IntoIterator<Item = (&'a str, &'a serde_json::Value)>,
) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in values {
        let value: FluentValue<'a> = match value {
            serde_json::Value::Number(n) => n.as_f64().map_or(FluentValue::None, FluentValue::from),
            serde_json::Value::String(s) => FluentValue::from(s.as_str()),
            serde_json::Value::Null => FluentValue::from(""),
            other => FluentValue::from(other.to_string()),
        };
        args.set(name, value);
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn french() -> Locale {
        Locale::parse("fr").expect("locales/fr.ftl")
    }

    #[test]
    fn every_file_loads_with_english_first() {
        let codes: Vec<&str> = Locale::all().map(Locale::code).collect();
        assert_eq!(codes.first(), Some(&"en"));
        assert!(codes.contains(&"fr"));
        assert_eq!(Locale::parse("FR-ca"), Some(french()));
        assert_eq!(Locale::parse("xx"), None);
        assert_eq!(Locale::parse_or_english("xx"), Locale::ENGLISH);
    }

    /// French sets `:` `;` `!` `?` apart with a narrow no-break space, so
    /// they never start a line on a phone.
    #[test]
    fn french_double_punctuation_keeps_its_no_break_space() {
        let fr = french();
        let markup = regex::Regex::new(r"\{[^}]*\}|<[^>]*>|https?://\S+").unwrap();
        let mut wrong = Vec::new();
        for key in fr.keys().filter(|k| !k.starts_with("format-")) {
            let Some(text) = fr.lookup(key, None) else {
                continue;
            };
            let prose = markup.replace_all(&text, "");
            let chars: Vec<char> = prose.chars().collect();
            for (i, c) in chars.iter().enumerate().skip(1) {
                let next_is_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
                if [':', ';', '!', '?'].contains(c)
                    && next_is_space
                    && !['\u{202F}', '\u{A0}'].contains(&chars[i - 1])
                {
                    wrong.push(format!("{key}: …{}", &prose[..prose.len().min(60)]));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_language_has_every_format_and_candidate_message_of_english() {
        // Staff pages may stay in English; everything a candidate reads
        // (and the formats) must exist in every language.
        let staff = |k: &str| k.starts_with("staff-");
        for locale in Locale::all() {
            let missing: Vec<&str> = Locale::ENGLISH
                .keys()
                .filter(|k| !staff(k) && !locale.has(k))
                .collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.code());
            let extra: Vec<&str> = locale.keys().filter(|k| !Locale::ENGLISH.has(k)).collect();
            assert!(
                extra.is_empty(),
                "{} has keys English lacks: {extra:?}",
                locale.code()
            );
        }
    }

    #[test]
    fn missing_messages_fall_back_to_english_then_to_the_key() {
        assert_eq!(french().lookup("no-such-key", None), None);
        assert_eq!(french().text("no-such-key"), "no-such-key");
        assert_eq!(Locale::ENGLISH.text("layout-jobs"), "Jobs");
        assert_ne!(french().text("layout-jobs"), "Jobs");
    }

    #[test]
    fn dates_times_and_numbers_are_written_the_language_way() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
        assert_eq!(Locale::ENGLISH.date(day), "2 March 2027");
        assert_eq!(french().date(day), "2 mars 2027");
        let at = DateTime::parse_from_rfc3339("2027-03-02T14:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            Locale::ENGLISH.when_in(at, chrono_tz::Europe::Lisbon),
            "Tuesday 2 March 2027, 14:00 Lisbon time (WET)"
        );
        assert_eq!(
            french().when_in(at, chrono_tz::Europe::Paris),
            "mardi 2 mars 2027 à 15:00, heure de Paris (CET)"
        );
        assert_eq!(
            Locale::ENGLISH.when_in(at, chrono_tz::America::Argentina::Buenos_Aires),
            "Tuesday 2 March 2027, 11:00 Buenos Aires time (UTC-03)"
        );
        assert_eq!(
            Locale::ENGLISH.when_in(at, chrono_tz::UTC),
            "Tuesday 2 March 2027, 14:00 UTC"
        );
        assert_eq!(Locale::ENGLISH.number(44000), "44,000");
        assert_eq!(french().number(1234567), "1\u{202F}234\u{202F}567");
        assert_eq!(french().number(-999), "-999");
    }

    #[test]
    fn locales_travel_as_their_code() {
        assert_eq!(serde_json::to_string(&french()).unwrap(), "\"fr\"");
        let back: Locale = serde_json::from_str("\"fr\"").unwrap();
        assert_eq!(back, french());
        let gone: Locale = serde_json::from_str("\"tlh\"").unwrap();
        assert_eq!(gone, Locale::ENGLISH);
    }
}
