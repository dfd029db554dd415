//! How a job is shown: the facts in words, the sections as safe HTML.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use once_cell::sync::Lazy;
use serde::Serialize;

use crate::domain::job::{Job, JobSections, Workplace};
use crate::web::markdown;

/// A job's sections as sanitised HTML, rendered once per text: every page,
/// feed entry and API answer about the job uses the same rendering.
pub struct PostingHtml {
    source: JobSections,
    /// (id, heading, html) of each non-empty section.
    pub sections: Vec<(&'static str, &'static str, String)>,
    /// The sections, headed, as one piece of HTML (feeds, JSON-LD, API).
    pub description: String,
    /// A plain-text excerpt for lists.
    pub summary: String,
}

/// Renderings by job id; an entry is used only while its text is unchanged.
static POSTINGS: Lazy<Mutex<HashMap<String, Arc<PostingHtml>>>> = Lazy::new(Default::default);

impl PostingHtml {
    fn render(sections: &JobSections) -> Self {
        let sections_html: Vec<(&'static str, &'static str, String)> = sections
            .headed()
            .into_iter()
            .filter(|(_, _, text)| !text.trim().is_empty())
            .map(|(id, heading, text)| (id, heading, markdown::to_safe_html(text)))
            .collect();
        let description = sections_html
            .iter()
            .map(|(_, heading, html)| format!("<h2>{heading}</h2>{html}"))
            .collect();
        let summary_source = if sections.typical_day.is_empty() {
            &sections.looking_for
        } else {
            &sections.typical_day
        };
        Self {
            source: sections.clone(),
            sections: sections_html,
            description,
            summary: markdown::plain_excerpt(summary_source, 220),
        }
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
    pub name: &'static str,
    pub fluency: &'static str,
}

#[derive(Serialize)]
pub struct SectionView {
    pub id: &'static str,
    pub heading: &'static str,
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
    pub close_reason: Option<&'static str>,
    pub workplace: &'static str,
    pub is_remote: bool,
    pub place: String,
    pub timezone_note: String,
    pub employment_type: &'static str,
    pub salary: Option<String>,
    pub languages: Vec<LanguageView>,
    pub channels: Vec<&'static str>,
    pub tools: Vec<String>,
    pub tier1: u8,
    pub tier2: u8,
    pub tier3: u8,
    pub profile: &'static str,
    pub profile_why: &'static str,
    pub screened_tiers: Vec<u8>,
    pub pass_mark: u8,
    pub decision_rule: &'static str,
    pub sections: Vec<SectionView>,
    pub summary: String,
    pub published_on: Option<String>,
    pub listed_until: Option<String>,
    pub updated_on: String,
    pub share: ShareLinks,
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Groups digits by thousands: 52000 → "52,000".
fn thousands(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

pub fn job_url(base_url: &str, slug: &str) -> String {
    format!("{base_url}/jobs/{slug}")
}

impl JobView {
    pub fn new(job: &Job, base_url: &str) -> Self {
        let p = &job.posting;
        let url = job_url(base_url, &job.slug);
        let place = match p.workplace {
            Workplace::Remote if p.remote_regions.is_empty() => "Remote".to_string(),
            Workplace::Remote => format!("Remote ({})", p.remote_regions),
            Workplace::Hybrid => format!("Hybrid, {}", p.location),
            Workplace::Onsite => p.location.clone(),
        };
        let salary = p.salary.as_ref().map(|s| {
            if s.min == s.max {
                format!("{} {} {}", s.currency, thousands(s.min), s.period.label())
            } else {
                format!(
                    "{} {}–{} {}",
                    s.currency,
                    thousands(s.min),
                    thousands(s.max),
                    s.period.label()
                )
            }
        });
        let html = PostingHtml::of(job);
        let sections = html
            .sections
            .iter()
            .map(|(id, heading, html)| SectionView {
                id,
                heading,
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
            close_reason: job.close_reason.map(|r| r.label()),
            workplace: p.workplace.label(),
            is_remote: p.is_remote(),
            place,
            timezone_note: p.timezone_note.clone(),
            employment_type: p.employment_type.label(),
            salary,
            languages: p
                .languages
                .iter()
                .map(|l| LanguageView {
                    code: l.code.clone(),
                    name: l.name(),
                    fluency: l.fluency().label(),
                })
                .collect(),
            channels: p.channels.iter().map(|c| c.label()).collect(),
            tools: p.tools.clone(),
            tier1: p.tier_mix.tier1,
            tier2: p.tier_mix.tier2,
            tier3: p.tier_mix.tier3,
            profile: profile.label(),
            profile_why: profile.explanation(),
            screened_tiers: p.tier_mix.screened_tiers(),
            pass_mark: p.pass_mark.percent(),
            decision_rule: p.decision_rule.label(),
            sections,
            summary: html.summary.clone(),
            published_on: job.published_at.map(|d| d.format("%-d %B %Y").to_string()),
            listed_until: job
                .listed_until()
                .map(|d| d.format("%-d %B %Y").to_string()),
            updated_on: job.updated_at.format("%-d %B %Y").to_string(),
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn amounts_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(52000), "52,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
