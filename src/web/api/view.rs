//! A job as the JSON API gives it to job boards and aggregators: what a
//! listing needs, as stable codes (`full_time`, `remote`) and ISO 8601
//! dates, never the words of the pages nor how the team decides.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::domain::job::Job;
use crate::web::public::jsonld;
use crate::web::public::view::{job_url, Company};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiCompany {
    pub name: String,
    /// The company's own site; empty when none was given.
    pub url: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiSalary {
    pub min: i64,
    pub max: i64,
    /// ISO 4217, like EUR.
    pub currency: String,
    /// year, month or hour.
    #[schema(value_type = String)]
    pub period: &'static str,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiLanguage {
    /// ISO 639-1, like en.
    pub code: String,
    /// native, fluent, professional…
    #[schema(value_type = String)]
    pub fluency: &'static str,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiJob {
    pub id: String,
    pub slug: String,
    pub url: String,
    /// The application form; null once the job no longer takes applications.
    pub apply_url: Option<String>,
    #[schema(value_type = String)]
    pub status: &'static str,
    pub title: String,
    pub company: ApiCompany,
    /// remote, hybrid or onsite.
    #[schema(value_type = String)]
    pub workplace: &'static str,
    /// Where the work is, for hybrid and on-site jobs (free text).
    pub location: Option<String>,
    /// Where remote candidates may live.
    pub remote_regions: Vec<String>,
    pub timezone_note: Option<String>,
    /// full_time, part_time, contractor, temporary or intern.
    #[schema(value_type = String)]
    pub employment_type: &'static str,
    pub salary: Option<ApiSalary>,
    pub languages: Vec<ApiLanguage>,
    /// UTC, ISO 8601 (2027-01-15T09:30:00Z).
    pub published_at: Option<String>,
    /// The last day the listing is valid (YYYY-MM-DD).
    pub valid_through: Option<String>,
    pub updated_at: String,
    /// The sections of the post as sanitised HTML.
    pub description_html: String,
}

fn iso(t: NaiveDateTime) -> String {
    t.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl ApiJob {
    pub fn new(job: &Job, company: &Company, base_url: &str) -> Self {
        let p = &job.posting;
        let url = job_url(base_url, &job.slug);
        Self {
            id: job.id.clone(),
            slug: job.slug.clone(),
            apply_url: job.is_open().then(|| format!("{url}/apply")),
            url,
            status: job.status.as_str(),
            title: p.title.clone(),
            company: ApiCompany {
                name: company.name.clone(),
                url: company.url.clone(),
            },
            workplace: p.workplace.as_str(),
            location: if p.is_remote() {
                None
            } else {
                non_empty(&p.location)
            },
            remote_regions: if p.is_remote() {
                p.remote_regions
                    .split([',', ';'])
                    .filter_map(non_empty)
                    .collect()
            } else {
                vec![]
            },
            timezone_note: non_empty(&p.timezone_note),
            employment_type: p.employment_type.as_str(),
            salary: p.salary.as_ref().map(|s| ApiSalary {
                min: s.min,
                max: s.max,
                currency: s.currency.clone(),
                period: s.period.as_str(),
            }),
            languages: p
                .languages
                .iter()
                .map(|l| ApiLanguage {
                    code: l.code.clone(),
                    fluency: l.fluency().as_str(),
                })
                .collect(),
            published_at: job.published_at.map(iso),
            valid_through: job.listed_until().map(|d| d.format("%Y-%m-%d").to_string()),
            updated_at: iso(job.updated_at),
            description_html: jsonld::description_html(job),
        }
    }
}
