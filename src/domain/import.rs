//! Candidates brought in from another hiring tool as CSV: which column
//! holds what, and each line checked by the same rules as the application
//! form, so an import never stores what a candidate could not have typed.

use std::collections::HashMap;

use super::application::{ApplicationInput, NewApplication};
use super::job::{Fluency, LANGUAGES};
use super::FieldError;
use crate::i18n::Message;

/// What an imported line can fill, with the header names recognised for
/// it when no mapping is given (compared without case, spaces, `_` or `-`).
const FIELDS: &[(&str, &[&str])] = &[
    ("name", &["name", "fullname", "candidate", "candidatename"]),
    ("email", &["email", "emailaddress", "mail"]),
    ("languages", &["languages", "language", "langs"]),
    ("location", &["location", "city", "country"]),
    ("timezone", &["timezone", "tz"]),
    (
        "cover_letter",
        &["coverletter", "letter", "motivation", "notes"],
    ),
    (
        "portfolio_url",
        &["portfoliourl", "portfolio", "linkedin", "url", "website"],
    ),
    ("source", &["source", "origin"]),
];

/// The largest file taken in one import, in bytes.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// Which column (by index) feeds which field.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    columns: HashMap<&'static str, usize>,
}

/// A line of the file with what it became.
#[derive(Debug)]
pub struct Line {
    /// The line number in the file as a spreadsheet shows it (the header is 1).
    pub number: u64,
    pub parsed: Result<NewApplication, Vec<FieldError>>,
}

fn squash(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

impl Mapping {
    /// The mapping for these headers: `given` pairs (field, header) win,
    /// other fields are found by their usual names. Name and email must
    /// be found; every problem is reported at once.
    pub fn for_headers(
        headers: &[String],
        given: &[(String, String)],
    ) -> Result<Self, Vec<Message>> {
        let mut problems = Vec::new();
        let mut columns = HashMap::new();
        let position = |wanted: &str| headers.iter().position(|h| squash(h) == squash(wanted));
        for (field, header) in given {
            let Some((field, _)) = FIELDS.iter().find(|(f, _)| *f == field.trim()) else {
                let fields = FIELDS.iter().map(|(f, _)| *f).collect::<Vec<_>>();
                problems.push(
                    Message::new("staff-error-import-unknown-field")
                        .arg("field", format!("{field:?}"))
                        .arg("fields", fields.join(", ")),
                );
                continue;
            };
            match position(header) {
                Some(i) => {
                    columns.insert(*field, i);
                }
                None => problems.push(
                    Message::new("staff-error-import-no-such-column")
                        .arg("header", format!("{header:?}"))
                        .arg("field", field),
                ),
            }
        }
        for (field, names) in FIELDS {
            if columns.contains_key(field) {
                continue;
            }
            if let Some(i) = names.iter().find_map(|n| position(n)) {
                columns.insert(*field, i);
            }
        }
        for required in ["name", "email"] {
            if !columns.contains_key(required) && !given.iter().any(|(f, _)| f == required) {
                problems
                    .push(Message::new("staff-error-import-missing-column").arg("field", required));
            }
        }
        if problems.is_empty() {
            Ok(Self { columns })
        } else {
            Err(problems)
        }
    }

    /// Which header each field is read from, for the report.
    pub fn describe(&self, headers: &[String]) -> Vec<(&'static str, String)> {
        FIELDS
            .iter()
            .filter_map(|(f, _)| Some((*f, headers.get(*self.columns.get(f)?)?.clone())))
            .collect()
    }

    fn cell<'a>(&self, record: &'a csv::StringRecord, field: &str) -> &'a str {
        self.columns
            .get(field)
            .and_then(|i| record.get(*i))
            .unwrap_or("")
    }

    /// One line checked by the application form's rules. Consent is taken
    /// as given: the owner imports people who applied through their old
    /// tool, under its consent.
    pub fn line(&self, record: &csv::StringRecord, number: u64) -> Line {
        let (languages, fluencies, mut errors) = languages(self.cell(record, "languages"));
        let input = ApplicationInput {
            name: self.cell(record, "name").into(),
            email: self.cell(record, "email").into(),
            languages,
            fluencies,
            location: self.cell(record, "location").into(),
            timezone: self.cell(record, "timezone").into(),
            cover_letter: self.cell(record, "cover_letter").into(),
            portfolio_url: self.cell(record, "portfolio_url").into(),
            consent: "yes".into(),
            source: match self.cell(record, "source") {
                "" => "import".into(),
                given => given.into(),
            },
        };
        let parsed = match NewApplication::parse(&input) {
            Ok(new) if errors.is_empty() => Ok(new),
            Ok(_) => Err(errors),
            Err(more) => {
                // The form's "at least one language" would only repeat
                // the more precise problem found above.
                let ours = !errors.is_empty();
                errors.extend(
                    more.into_iter()
                        .filter(|e| !(ours && e.field == "languages")),
                );
                Err(errors)
            }
        };
        Line { number, parsed }
    }
}

/// "en:native; fr" or "English (fluent), French": languages by code or
/// English name, each with an optional fluency (professional when absent).
fn languages(cell: &str) -> (Vec<String>, Vec<String>, Vec<FieldError>) {
    let (mut codes, mut fluencies, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for part in cell
        .split([';', ',', '/', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (lang, fluency) = match part.split_once([':', '(']) {
            Some((l, f)) => (l.trim(), f.trim().trim_end_matches(')').trim()),
            None => (part, ""),
        };
        let code = LANGUAGES
            .iter()
            .find(|(c, n)| c.eq_ignore_ascii_case(lang) || n.eq_ignore_ascii_case(lang))
            .map(|(c, _)| *c);
        let fluency = match fluency {
            "" => Some(Fluency::Professional),
            f => Fluency::parse(&f.to_lowercase()),
        };
        match (code, fluency) {
            (Some(code), Some(fluency)) => {
                codes.push(code.to_string());
                fluencies.push(fluency.as_str().to_string());
            }
            (None, _) => errors.push(FieldError::of(
                "languages",
                Message::new("staff-error-import-language").arg("language", format!("{lang:?}")),
            )),
            (_, None) => errors.push(FieldError::of(
                "languages",
                Message::new("staff-error-import-fluency").arg("fluency", format!("{fluency:?}")),
            )),
        }
    }
    (codes, fluencies, errors)
}

/// Reads a whole CSV file: its headers, and each line with its number.
/// A line the CSV reader cannot read (a stray quote) is reported on its
/// own and the rest still read.
pub fn read(
    bytes: &[u8],
    given: &[(String, String)],
) -> Result<(Vec<String>, Mapping, Vec<Line>), Vec<Message>> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(vec![Message::new("staff-error-import-too-large")
            .count("megabytes", (MAX_IMPORT_BYTES / (1024 * 1024)) as i64)]);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            return Err(vec![
                Message::new("staff-error-import-no-headers").arg("error", e)
            ])
        }
    };
    let mapping = Mapping::for_headers(&headers, given)?;
    let mut lines = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let number = i as u64 + 2;
        match record {
            Ok(r) if r.iter().all(|c| c.trim().is_empty()) => {}
            Ok(r) => {
                let number = r
                    .position()
                    .map(|p| line_at(bytes, p.byte()))
                    .unwrap_or(number);
                lines.push(mapping.line(&r, number));
            }
            Err(e) => lines.push(Line {
                number: e
                    .position()
                    .map(|p| line_at(bytes, p.byte()))
                    .unwrap_or(number),
                parsed: Err(vec![FieldError::of(
                    "line",
                    Message::new("staff-error-import-bad-line").arg("error", e),
                )]),
            }),
        }
    }
    Ok((headers, mapping, lines))
}

/// The lines that passed every check, ready to store.
pub fn ready(lines: &[Line]) -> Vec<NewApplication> {
    lines
        .iter()
        .filter_map(|l| l.parsed.as_ref().ok().cloned())
        .collect()
}

/// The line (from 1) a record starting at this byte offset is on, as an
/// editor counts lines: the CSV reader counts no blank lines, and starts a
/// record where the blank lines before it start.
fn line_at(bytes: &[u8], offset: u64) -> u64 {
    let mut start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    while bytes.get(start).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
        start += 1;
    }
    memchr::memchr_iter(b'\n', &bytes[..start]).count() as u64 + 1
}

/// A mapping written as `field=Header` pairs, as on the command line.
pub fn parse_mapping(pairs: &[String]) -> Result<Vec<(String, String)>, Vec<Message>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for pair in pairs {
        match pair.split_once('=') {
            Some((f, h)) if !f.trim().is_empty() && !h.trim().is_empty() => {
                out.push((f.trim().to_string(), h.trim().to_string()))
            }
            _ => problems
                .push(Message::new("staff-error-import-mapping").arg("pair", format!("{pair:?}"))),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_names(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .filter_map(|l| l.parsed.as_ref().ok())
            .map(|a| a.name.as_str().to_string())
            .collect()
    }

    #[test]
    fn usual_headers_are_found_without_a_mapping() {
        let csv = "Full Name,E-mail,Languages,Time zone\nAna Lima,ana@example.com,\"en:native; French (fluent)\",Europe/Lisbon\n";
        let (_, mapping, lines) = read(csv.as_bytes(), &[]).unwrap();
        assert_eq!(mapping.columns["name"], 0);
        assert_eq!(mapping.columns["email"], 1);
        let ana = lines[0].parsed.as_ref().unwrap();
        assert_eq!(ana.email.as_str(), "ana@example.com");
        let langs: Vec<_> = ana
            .languages
            .iter()
            .map(|l| (l.code.as_str(), l.fluency.as_str()))
            .collect();
        assert_eq!(langs, [("en", "native"), ("fr", "fluent")]);
        assert_eq!(ana.timezone, "Europe/Lisbon");
        assert_eq!(ana.source, "import");
    }

    #[test]
    fn every_bad_line_is_reported_with_its_number() {
        let csv = "name,email,languages\nAna Lima,ana@example.com,en\n,nobody,en\nBob Stone,bob@example.com,klingon\n\nCy Moreau,cy@example.com,en:fluently\n";
        let (_, _, lines) = read(csv.as_bytes(), &[]).unwrap();
        assert_eq!(ok_names(&lines), ["Ana Lima"]);
        let bad: Vec<(u64, Vec<&str>)> = lines
            .iter()
            .filter_map(|l| {
                Some((
                    l.number,
                    l.parsed.as_ref().err()?.iter().map(|e| e.field).collect(),
                ))
            })
            .collect();
        assert_eq!(
            bad,
            [
                (3, vec!["name", "email"]),
                (4, vec!["languages"]),
                (6, vec!["languages"])
            ]
        );
    }

    #[test]
    fn a_given_mapping_wins_and_bad_ones_are_refused() {
        let csv = "Who,Contact,Mail,Languages\nAna Lima,ana@example.com,old@example.com,en\n";
        let given = parse_mapping(&["name=Who".into(), "email=Contact".into()]).unwrap();
        let (_, _, lines) = read(csv.as_bytes(), &given).unwrap();
        assert_eq!(
            lines[0].parsed.as_ref().unwrap().email.as_str(),
            "ana@example.com"
        );
        assert!(parse_mapping(&["email".into()]).is_err());
        let wrong = vec![
            ("phone".to_string(), "Who".to_string()),
            ("name".to_string(), "Nope".to_string()),
        ];
        let problems = read(csv.as_bytes(), &wrong).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        let problems = read("Who,What\n".as_bytes(), &[]).unwrap_err();
        assert!(
            problems.iter().any(|p| p.english().contains("name"))
                && problems.iter().any(|p| p.english().contains("email"))
        );
    }
}
