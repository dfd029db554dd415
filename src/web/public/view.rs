//! How a job is shown: the facts in words, the sections as safe HTML.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use once_cell::sync::Lazy;
use serde::Serialize;

use crate::db::job_screening::ScreeningSettings;
use crate::db::{self, DbConnection, DbError};
use crate::domain::job::{Job, JobSections, Workplace};
use crate::i18n::Locale;
use crate::questionnaires::Library;
use crate::web::admin::words;
use crate::web::markdown;

/// A job's sections as sanitised HTML, rendered once per text: every page,
/// feed entry and API answer about the job uses the same rendering.
pub struct PostingHtml {
    source: JobSections,
    /// (id, html) of each non-empty section.
    pub sections: Vec<(&'static str, String)>,
    /// A plain-text excerpt for lists.
    pub summary: String,
}

/// Renderings by job id; an entry is used only while its text is unchanged.
static POSTINGS: Lazy<Mutex<HashMap<String, Arc<PostingHtml>>>> = Lazy::new(Default::default);

impl PostingHtml {
    fn render(sections: &JobSections) -> Self {
        let sections_html: Vec<(&'static str, String)> = sections
            .headed()
            .into_iter()
            .filter(|(_, _, text)| !text.trim().is_empty())
            .map(|(id, _, text)| (id, markdown::to_safe_html(text)))
            .collect();
        let summary_source = if sections.typical_day.is_empty() {
            &sections.looking_for
        } else {
            &sections.typical_day
        };
        Self {
            source: sections.clone(),
            sections: sections_html,
            summary: markdown::plain_excerpt(summary_source, 220),
        }
    }

    /// The sections, headed in `locale`, as one piece of HTML (JSON-LD, API).
    pub fn description(&self, locale: Locale) -> String {
        self.sections
            .iter()
            .map(|(id, html)| format!("<h2>{}</h2>{html}", word(locale, "public-section", id)))
            .collect()
    }

    /// The job's rendering, made now only if its text changed since the last.
    pub fn of(job: &Job) -> Arc<Self> {
        let lookup = |map: &HashMap<String, Arc<Self>>| {
            map.get(&job.id)
                .filter(|p| p.source == job.posting.sections)
                .cloned()
        };
        if let Some(found) = POSTINGS.lock().ok().and_then(|m| lookup(&m)) {
            return found;
        }
        let rendered = Arc::new(Self::render(&job.posting.sections));
        if let Ok(mut map) = POSTINGS.lock() {
            map.insert(job.id.clone(), rendered.clone());
        }
        rendered
    }
}

/// The company behind the jobs, from the instance settings.
#[derive(Debug, Clone, Serialize)]
pub struct Company {
    pub name: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct LanguageView {
    pub code: String,
    pub name: String,
    pub fluency: String,
}

#[derive(Serialize)]
pub struct SectionView {
    pub id: &'static str,
    pub heading: String,
    pub html: String,
}

#[derive(Serialize)]
pub struct ShareLinks {
    pub email: String,
    pub linkedin: String,
    pub x: String,
    pub facebook: String,
}

#[derive(Serialize)]
pub struct JobView {
    pub id: String,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub status: &'static str,
    pub is_open: bool,
    pub is_closed: bool,
    pub is_draft: bool,
    pub close_reason: Option<String>,
    pub workplace: String,
    pub is_remote: bool,
    pub place: String,
    pub timezone_note: String,
    pub employment_type: String,
    pub salary: Option<String>,
    pub languages: Vec<LanguageView>,
    pub channels: Vec<String>,
    pub tools: Vec<String>,
    pub tier1: u8,
    pub tier2: u8,
    pub tier3: u8,
    pub profile: String,
    pub profile_why: String,
    pub screened_tiers: Vec<u8>,
    pub pass_mark: u8,
    pub decision_rule: String,
    pub sections: Vec<SectionView>,
    pub summary: String,
    pub published_on: Option<String>,
    pub listed_until: Option<String>,
    pub updated_on: String,
    pub share: ShareLinks,
    /// The language the job speaks to candidates in (its first
    /// questionnaire's), for `lang` on a list entry; when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub fn job_url(base_url: &str, slug: &str) -> String {
    format!("{base_url}/jobs/{slug}")
}

/// The words for `value` (an enum's `as_str`) under `prefix`, in `locale`.
fn word(locale: Locale, prefix: &str, value: &str) -> String {
    locale.text(&format!("{prefix}-{}", value.replace('_', "-")))
}

impl JobView {
    /// The job in English (staff pages, feeds).
    pub fn new(job: &Job, base_url: &str) -> Self {
        Self::in_locale(job, base_url, Locale::ENGLISH)
    }

    /// The job with its facts (not its text, which is the employer's) in
    /// `locale`: place, contract, salary, languages, headings and dates.
    pub fn in_locale(job: &Job, base_url: &str, locale: Locale) -> Self {
        let p = &job.posting;
        let url = job_url(base_url, &job.slug);
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("regions", p.remote_regions.clone());
        args.set("location", p.location.clone());
        let place = match p.workplace {
            Workplace::Remote if p.remote_regions.is_empty() => locale.text("public-place-remote"),
            Workplace::Remote => locale.text_with("public-place-remote-regions", Some(&args)),
            Workplace::Hybrid => locale.text_with("public-place-hybrid", Some(&args)),
            Workplace::Onsite => p.location.clone(),
        };
        let salary = p.salary.as_ref().map(|s| {
            let period = word(locale, "public-salary", s.period.as_str());
            if s.min == s.max {
                format!("{} {} {}", s.currency, locale.number(s.min), period)
            } else {
                format!(
                    "{} {}–{} {}",
                    s.currency,
                    locale.number(s.min),
                    locale.number(s.max),
                    period
                )
            }
        });
        let html = PostingHtml::of(job);
        let sections = html
            .sections
            .iter()
            .map(|(id, html)| SectionView {
                id,
                heading: word(locale, "public-section", id),
                html: html.clone(),
            })
            .collect();
        let profile = p.tier_mix.recommended_profile();
        Self {
            id: job.id.clone(),
            slug: job.slug.clone(),
            title: p.title.clone(),
            status: job.status.as_str(),
            is_open: job.is_open(),
            is_closed: job.status == crate::domain::job::JobStatus::Closed,
            is_draft: job.status == crate::domain::job::JobStatus::Draft,
            // Staff pages show these; the job page only tests the reason.
            close_reason: job.close_reason.map(|r| words(&r.label())),
            workplace: words(&p.workplace.label()),
            is_remote: p.is_remote(),
            place,
            timezone_note: p.timezone_note.clone(),
            employment_type: word(locale, "public-employment", p.employment_type.as_str()),
            salary,
            languages: p
                .languages
                .iter()
                .map(|l| LanguageView {
                    code: l.code.clone(),
                    name: language_name(locale, &l.code),
                    fluency: word(locale, "cand-fluency", l.fluency().as_str()),
                })
                .collect(),
            channels: p
                .channels
                .iter()
                .map(|c| word(locale, "public-channel", c.as_str()))
                .collect(),
            tools: p.tools.clone(),
            tier1: p.tier_mix.tier1,
            tier2: p.tier_mix.tier2,
            tier3: p.tier_mix.tier3,
            profile: words(&profile.label()),
            profile_why: words(&profile.explanation()),
            screened_tiers: p.tier_mix.screened_tiers(),
            pass_mark: p.pass_mark.percent(),
            decision_rule: words(&p.decision_rule.label()),
            sections,
            summary: html.summary.clone(),
            published_on: job.published_at.map(|d| locale.date(d.date())),
            listed_until: job.listed_until().map(|d| locale.date(d)),
            updated_on: locale.date(job.updated_at.date()),
            share: ShareLinks {
                email: format!(
                    "mailto:?subject={}&body={}",
                    enc(&p.title).replace('+', "%20"),
                    enc(&url)
                ),
                linkedin: format!(
                    "https://www.linkedin.com/sharing/share-offsite/?url={}",
                    enc(&url)
                ),
                x: format!(
                    "https://x.com/intent/post?text={}&url={}",
                    enc(&p.title),
                    enc(&url)
                ),
                facebook: format!("https://www.facebook.com/sharer/sharer.php?u={}", enc(&url)),
            },
            url,
            lang: None,
        }
    }
}

/// A support language's name in `locale` ("French", "Français").
pub fn language_name(locale: Locale, code: &str) -> String {
    match crate::domain::job::language_name(code) {
        Some(_) => word(locale, "cand-language", code),
        None => locale.text("cand-language-unknown"),
    }
}

/// The languages a job speaks to its candidates in: its own (its first
/// questionnaire's, English when it has none or Rapport does not speak
/// it) and every one it offers (its questionnaires', its own first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobLanguages {
    pub own: Locale,
    pub offered: Vec<Locale>,
}

impl JobLanguages {
    pub fn of(settings: &ScreeningSettings, library: &Library) -> Self {
        let found: Vec<Option<Locale>> = settings
            .questionnaire_ids
            .iter()
            .filter_map(|id| library.get(id))
            .map(|l| Locale::parse(&l.questionnaire.language))
            .collect();
        let own = found.first().copied().flatten().unwrap_or(Locale::ENGLISH);
        let mut offered = vec![own];
        for locale in found.into_iter().flatten() {
            if !offered.contains(&locale) {
                offered.push(locale);
            }
        }
        Self { own, offered }
    }

    /// The language of the job's page and form for this request: the
    /// visitor's choice, else the browser's among the job's, else the
    /// job's own.
    pub fn page_locale(&self, req: &actix_web::HttpRequest) -> Locale {
        crate::web::locale::choose(req, None, &self.offered, self.own)
    }

    /// Reads a job's screening and the questionnaire library.
    pub fn read(conn: &mut DbConnection, files: &Library, job_id: &str) -> Result<Self, DbError> {
        let settings = db::job_screening::get(conn, job_id)?;
        let library = crate::flows::questionnaires::library(conn, files)?;
        Ok(Self::of(&settings, &library))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_a_job_shows_has_a_message() {
        use crate::domain::job::{Channel, EmploymentType, Fluency, SalaryPeriod, LANGUAGES};
        let mut keys: Vec<String> = LANGUAGES
            .iter()
            .map(|(code, _)| format!("cand-language-{code}"))
            .collect();
        for f in Fluency::ALL {
            keys.push(format!("cand-fluency-{}", f.as_str().replace('_', "-")));
        }
        for e in EmploymentType::ALL {
            keys.push(format!(
                "public-employment-{}",
                e.as_str().replace('_', "-")
            ));
        }
        for c in Channel::ALL {
            keys.push(format!("public-channel-{}", c.as_str().replace('_', "-")));
        }
        for p in SalaryPeriod::ALL {
            keys.push(format!("public-salary-{}", p.as_str().replace('_', "-")));
        }
        for (_, heading, _) in JobSections::default().headed() {
            keys.push(heading.key().to_string());
        }
        for key in keys {
            for locale in Locale::all() {
                assert!(locale.has(&key), "{} lacks {key}", locale.code());
            }
        }
        for (code, name) in LANGUAGES {
            assert_eq!(language_name(Locale::ENGLISH, code), *name);
        }
        for f in Fluency::ALL {
            assert_eq!(
                word(Locale::ENGLISH, "cand-fluency", f.as_str()),
                f.label().english()
            );
        }
        for e in EmploymentType::ALL {
            assert_eq!(
                word(Locale::ENGLISH, "public-employment", e.as_str()),
                e.label().english()
            );
        }
        for p in SalaryPeriod::ALL {
            assert_eq!(
                word(Locale::ENGLISH, "public-salary", p.as_str()),
                p.label().english()
            );
        }
        for c in Channel::ALL {
            assert_eq!(
                word(Locale::ENGLISH, "public-channel", c.as_str()),
                c.label().english()
            );
        }
        let fr = Locale::parse("fr").unwrap();
        assert_eq!(language_name(fr, "de"), "Allemand");
    }
}
