//! Jobs: stored postings and their status.

use super::direct::direct;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::{job_retention, job_slugs, jobs};
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::domain::application::RetentionMonths;
use crate::domain::job::{
    slugify, Channel, CloseReason, DecisionRule, EmploymentType, Job, JobPosting, JobSections,
    JobStatus, LanguageRequirement, PassMark, SalaryPeriod, SalaryRange, TierMix, Workplace,
};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobs)]
struct JobRow {
    id: String,
    slug: String,
    status: String,
    close_reason: Option<String>,
    title: String,
    workplace: String,
    location: String,
    remote_regions: String,
    timezone_note: String,
    employment_type: String,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    salary_currency: Option<String>,
    salary_period: Option<String>,
    languages: String,
    channels: String,
    tools: String,
    tier1: i32,
    tier2: i32,
    tier3: i32,
    typical_day: String,
    technical: String,
    looking_for: String,
    company_culture: String,
    how_to_apply: String,
    pass_mark: i32,
    decision_rule: String,
    valid_through: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    published_at: Option<NaiveDateTime>,
    closed_at: Option<NaiveDateTime>,
}

fn corrupt(what: &str, value: &str) -> DbError {
    DbError::Corrupt(format!("job {what} '{value}'"))
}

fn percent(v: i32) -> Result<u8, DbError> {
    u8::try_from(v).map_err(|_| corrupt("percentage", &v.to_string()))
}

impl TryFrom<JobRow> for Job {
    type Error = DbError;

    fn try_from(r: JobRow) -> Result<Self, DbError> {
        let salary = match (r.salary_min, r.salary_max, r.salary_currency) {
            (Some(min), Some(max), Some(currency)) => Some(SalaryRange {
                min,
                max,
                currency,
                period: r
                    .salary_period
                    .as_deref()
                    .and_then(SalaryPeriod::parse)
                    .unwrap_or(SalaryPeriod::Year),
            }),
            _ => None,
        };
        let languages: Vec<LanguageRequirement> =
            serde_json::from_str(&r.languages).map_err(|_| corrupt("languages", &r.languages))?;
        let channel_names: Vec<String> =
            serde_json::from_str(&r.channels).map_err(|_| corrupt("channels", &r.channels))?;
        let channels = channel_names
            .iter()
            .map(|c| Channel::parse(c).ok_or_else(|| corrupt("channel", c)))
            .collect::<Result<Vec<_>, _>>()?;
        let tools: Vec<String> =
            serde_json::from_str(&r.tools).map_err(|_| corrupt("tools", &r.tools))?;
        let tier_mix = TierMix::new(percent(r.tier1)?, percent(r.tier2)?, percent(r.tier3)?)
            .map_err(|m| DbError::Corrupt(m.english()))?;
        Ok(Job {
            status: JobStatus::parse(&r.status).ok_or_else(|| corrupt("status", &r.status))?,
            close_reason: r.close_reason.as_deref().and_then(CloseReason::parse),
            posting: JobPosting {
                title: r.title,
                workplace: Workplace::parse(&r.workplace)
                    .ok_or_else(|| corrupt("workplace", &r.workplace))?,
                location: r.location,
                remote_regions: r.remote_regions,
                timezone_note: r.timezone_note,
                employment_type: EmploymentType::parse(&r.employment_type)
                    .ok_or_else(|| corrupt("employment type", &r.employment_type))?,
                salary,
                languages,
                channels,
                tools,
                tier_mix,
                sections: JobSections {
                    typical_day: r.typical_day,
                    technical: r.technical,
                    looking_for: r.looking_for,
                    company_culture: r.company_culture,
                    how_to_apply: r.how_to_apply,
                },
                pass_mark: PassMark::new(percent(r.pass_mark)?)
                    .map_err(|m| DbError::Corrupt(m.english()))?,
                decision_rule: DecisionRule::parse(&r.decision_rule)
                    .ok_or_else(|| corrupt("decision rule", &r.decision_rule))?,
                valid_through: r.valid_through.map(|d| d.date()),
            },
            id: r.id,
            slug: r.slug,
            created_at: r.created_at,
            updated_at: r.updated_at,
            published_at: r.published_at,
            closed_at: r.closed_at,
        })
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap_or_default()
}

/// The columns a posting fills, shared by insert and update.
macro_rules! posting_columns {
    ($p:expr, $now:expr) => {{
        let p: &JobPosting = $p;
        (
            (
                jobs::title.eq(p.title.clone()),
                jobs::workplace.eq(p.workplace.as_str()),
                jobs::location.eq(p.location.clone()),
                jobs::remote_regions.eq(p.remote_regions.clone()),
                jobs::timezone_note.eq(p.timezone_note.clone()),
                jobs::employment_type.eq(p.employment_type.as_str()),
                jobs::salary_min.eq(p.salary.as_ref().map(|s| s.min)),
                jobs::salary_max.eq(p.salary.as_ref().map(|s| s.max)),
                jobs::salary_currency.eq(p.salary.as_ref().map(|s| s.currency.clone())),
                jobs::salary_period.eq(p.salary.as_ref().map(|s| s.period.as_str())),
            ),
            (
                jobs::languages.eq(to_json(&p.languages)),
                jobs::channels.eq(to_json(
                    &p.channels.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                )),
                jobs::tools.eq(to_json(&p.tools)),
                jobs::tier1.eq(i32::from(p.tier_mix.tier1)),
                jobs::tier2.eq(i32::from(p.tier_mix.tier2)),
                jobs::tier3.eq(i32::from(p.tier_mix.tier3)),
                jobs::typical_day.eq(p.sections.typical_day.clone()),
                jobs::technical.eq(p.sections.technical.clone()),
                jobs::looking_for.eq(p.sections.looking_for.clone()),
                jobs::company_culture.eq(p.sections.company_culture.clone()),
            ),
            (
                jobs::how_to_apply.eq(p.sections.how_to_apply.clone()),
                jobs::pass_mark.eq(i32::from(p.pass_mark.percent())),
                jobs::decision_rule.eq(p.decision_rule.as_str()),
                jobs::valid_through.eq(p.valid_through.map(midnight)),
                jobs::updated_at.eq($now),
            ),
        )
    }};
}

/// Stores a new draft job under a slug not yet taken (`title`, `title-2`, …).
pub fn insert_draft(
    conn: &mut DbConnection,
    posting: &JobPosting,
    base_slug: &str,
    now: NaiveDateTime,
) -> Result<Job, DbError> {
    let slug = free_slug(conn, base_slug, None)?;
    let id = new_id();
    diesel::insert_into(jobs::table)
        .values((
            (
                jobs::id.eq(&id),
                jobs::slug.eq(&slug),
                jobs::status.eq(JobStatus::Draft.as_str()),
                jobs::created_at.eq(now),
            ),
            posting_columns!(posting, now),
        ))
        .execute(conn)
        .context("creating a job")?;
    find(conn, &id)?.ok_or_else(|| DbError::Corrupt("job vanished after insert".into()))
}

/// `base`, or `base-2`, `base-3`… : the first address no other job uses,
/// now or as a former address that still redirects.
fn free_slug(conn: &mut DbConnection, base: &str, job_id: Option<&str>) -> Result<String, DbError> {
    let pattern = format!("{base}-%");
    let current: Vec<(String, String)> = jobs::table
        .filter(jobs::slug.eq(base).or(jobs::slug.like(&pattern)))
        .select((jobs::slug, jobs::id))
        .load(conn)
        .context("checking job addresses")?;
    let former: Vec<(String, String)> = job_slugs::table
        .filter(job_slugs::slug.eq(base).or(job_slugs::slug.like(&pattern)))
        .select((job_slugs::slug, job_slugs::job_id))
        .load(conn)
        .context("checking former job addresses")?;
    let taken: Vec<String> = current
        .into_iter()
        .chain(former)
        .filter(|(_, owner)| Some(owner.as_str()) != job_id)
        .map(|(slug, _)| slug)
        .collect();
    if !taken.iter().any(|s| s == base) {
        return Ok(base.to_string());
    }
    Ok((2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s))
        .expect("an unbounded range has a free number"))
}

/// Whether `slug` is `base` or `base-N`, the address `free_slug` gives a title.
fn slug_fits(slug: &str, base: &str) -> bool {
    slug == base
        || slug
            .strip_prefix(base)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// What became of a request to change a job's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlugChange {
    Changed,
    Unchanged,
    /// Another job uses it, now or as a former address.
    Taken,
    NotFound,
}

/// Gives a job a new address chosen by the owner. Once the job has been
/// published, the old address is kept and redirects to the new one for good.
pub fn change_slug(
    conn: &mut DbConnection,
    id: &str,
    new_slug: &str,
    now: NaiveDateTime,
) -> Result<SlugChange, DbError> {
    let Some((current, published_at)) = jobs::table
        .find(id)
        .select((jobs::slug, jobs::published_at))
        .first::<(String, Option<NaiveDateTime>)>(conn)
        .optional()
        .context("finding a job's address")?
    else {
        return Ok(SlugChange::NotFound);
    };
    if current == new_slug {
        return Ok(SlugChange::Unchanged);
    }
    let used_now = jobs::table
        .filter(jobs::slug.eq(new_slug))
        .count()
        .get_result::<i64>(conn)
        .context("checking a job address")?
        > 0;
    let used_before: Option<String> = job_slugs::table
        .find(new_slug)
        .select(job_slugs::job_id)
        .first(conn)
        .optional()
        .context("checking a former job address")?;
    if used_now || used_before.as_deref().is_some_and(|j| j != id) {
        return Ok(SlugChange::Taken);
    }
    // Going back to a former address of its own: it stops redirecting.
    diesel::delete(job_slugs::table.find(new_slug))
        .execute(conn)
        .context("reusing a former job address")?;
    if published_at.is_some() {
        diesel::insert_into(job_slugs::table)
            .values((
                job_slugs::slug.eq(&current),
                job_slugs::job_id.eq(id),
                job_slugs::created_at.eq(now),
            ))
            .execute(conn)
            .context("keeping a former job address")?;
    }
    diesel::update(jobs::table.find(id))
        .set((jobs::slug.eq(new_slug), jobs::updated_at.eq(now)))
        .execute_cached(conn)
        .context("changing a job's address")?;
    super::public_version::bump(conn)?;
    Ok(SlugChange::Changed)
}

/// The current address of the public job that used to be at `slug`.
pub fn slug_now(conn: &mut DbConnection, former: &str) -> Result<Option<String>, DbError> {
    let Some(job_id) = job_slugs::table
        .find(former)
        .select(job_slugs::job_id)
        .first::<String>(conn)
        .optional()
        .context("finding a former job address")?
    else {
        return Ok(None);
    };
    jobs::table
        .find(job_id)
        .filter(jobs::status.ne(JobStatus::Draft.as_str()))
        .select(jobs::slug)
        .first(conn)
        .optional()
        .context("finding a job's address")
}

/// A job's former addresses, newest first.
pub fn former_slugs(conn: &mut DbConnection, id: &str) -> Result<Vec<String>, DbError> {
    job_slugs::table
        .filter(job_slugs::job_id.eq(id))
        .order(job_slugs::created_at.desc())
        .select(job_slugs::slug)
        .load(conn)
        .context("listing a job's former addresses")
}

/// Saves a posting. A job never published yet takes the address of its
/// new title (nobody outside has seen it); a published one keeps its own.
pub fn update_posting(
    conn: &mut DbConnection,
    id: &str,
    posting: &JobPosting,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(jobs::table.find(id))
        .set(posting_columns!(posting, now))
        .execute_cached(conn)
        .context("saving a job")?;
    let draft: Option<(String, Option<NaiveDateTime>)> = jobs::table
        .find(id)
        .select((jobs::slug, jobs::published_at))
        .first(conn)
        .optional()
        .context("finding a job's address")?;
    if let Some((slug, None)) = draft {
        let base = slugify(&posting.title);
        if !slug_fits(&slug, &base) {
            let slug = free_slug(conn, &base, Some(id))?;
            diesel::update(jobs::table.find(id))
                .set(jobs::slug.eq(slug))
                .execute_cached(conn)
                .context("moving a draft to its title's address")?;
        }
    }
    if n == 1 {
        super::public_version::bump(conn)?;
    }
    Ok(n == 1)
}

/// Publishes a draft or reopens a closed job.
pub fn open(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let n = diesel::update(
        jobs::table
            .find(id)
            .filter(jobs::status.ne(JobStatus::Open.as_str())),
    )
    .set((
        jobs::status.eq(JobStatus::Open.as_str()),
        jobs::close_reason.eq(None::<String>),
        jobs::closed_at.eq(None::<NaiveDateTime>),
        jobs::published_at.eq(Some(now)),
        jobs::updated_at.eq(now),
    ))
    .execute_cached(conn)
    .context("publishing a job")?;
    if n == 1 {
        super::public_version::bump(conn)?;
    }
    Ok(n == 1)
}

pub fn close(
    conn: &mut DbConnection,
    id: &str,
    reason: CloseReason,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        jobs::table
            .find(id)
            .filter(jobs::status.eq(JobStatus::Open.as_str())),
    )
    .set((
        jobs::status.eq(JobStatus::Closed.as_str()),
        jobs::close_reason.eq(Some(reason.as_str())),
        jobs::closed_at.eq(Some(now)),
        jobs::updated_at.eq(now),
    ))
    .execute_cached(conn)
    .context("closing a job")?;
    if n == 1 {
        super::public_version::bump(conn)?;
    }
    Ok(n == 1)
}

/// How long this job's candidates' data is kept after it closes.
pub fn retention(conn: &mut DbConnection, id: &str) -> Result<RetentionMonths, DbError> {
    let months: Option<i32> = job_retention::table
        .find(id)
        .select(job_retention::months)
        .first(conn)
        .optional()
        .context("reading a job's retention period")?;
    Ok(months.map(RetentionMonths::from_stored).unwrap_or_default())
}

pub fn set_retention(
    conn: &mut DbConnection,
    id: &str,
    months: RetentionMonths,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let months = months.get() as i32;
    let update = |conn: &mut DbConnection| {
        diesel::update(job_retention::table.find(id))
            .set((
                job_retention::months.eq(months),
                job_retention::updated_at.eq(now),
            ))
            .execute_cached(conn)
            .context("saving a job's retention period")
    };
    if update(conn)? > 0 {
        return Ok(());
    }
    let inserted = super::insert_unless_duplicate(conn, "saving a job's retention period", |c| {
        diesel::insert_into(job_retention::table)
            .values((
                job_retention::job_id.eq(id),
                job_retention::months.eq(months),
                job_retention::updated_at.eq(now),
            ))
            .execute(c)
    })?;
    if !inserted {
        // Another owner saved the job's first period at the same moment:
        // their row is committed now, and this later save replaces it.
        update(conn)?;
    }
    Ok(())
}

/// Closed jobs whose retention period has passed at `now`: their
/// candidates' personal data is due for erasure.
pub fn past_retention(conn: &mut DbConnection, now: NaiveDateTime) -> Result<Vec<String>, DbError> {
    let closed: Vec<(String, Option<NaiveDateTime>)> = jobs::table
        .filter(jobs::status.eq(JobStatus::Closed.as_str()))
        .filter(jobs::closed_at.is_not_null())
        .select((jobs::id, jobs::closed_at))
        .load(conn)
        .context("finding closed jobs")?;
    let chosen: std::collections::HashMap<String, i32> = job_retention::table
        .select((job_retention::job_id, job_retention::months))
        .load::<(String, i32)>(conn)
        .context("reading retention periods")?
        .into_iter()
        .collect();
    // Month arithmetic differs between the two SQL dialects; the list of
    // closed jobs is short, so the dates are compared here.
    Ok(closed
        .into_iter()
        .filter_map(|(id, closed_at)| {
            let retention = chosen
                .get(&id)
                .map(|m| RetentionMonths::from_stored(*m))
                .unwrap_or_default();
            (retention.erase_after(closed_at?) <= now).then_some(id)
        })
        .collect())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<Job>, DbError> {
    direct!(conn, |c| jobs::table
        .find(id)
        .select(JobRow::as_select())
        .first(c))
    .optional()
    .context("finding a job")?
    .map(Job::try_from)
    .transpose()
}

pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> Result<Option<Job>, DbError> {
    direct!(conn, |c| jobs::table
        .filter(jobs::slug.eq(slug))
        .select(JobRow::as_select())
        .first(c))
    .optional()
    .context("finding a job by address")?
    .map(Job::try_from)
    .transpose()
}

/// Every job, drafts included, most recently changed first (staff list).
pub fn list_all(conn: &mut DbConnection) -> Result<Vec<Job>, DbError> {
    jobs::table
        .order(jobs::updated_at.desc())
        .select(JobRow::as_select())
        .load(conn)
        .context("listing jobs")?
        .into_iter()
        .map(Job::try_from)
        .collect()
}

/// What the public board can filter on.
#[derive(Debug, Clone, Default)]
pub struct BoardFilter {
    pub language: Option<String>,
    pub remote_only: bool,
}

/// Open jobs, newest first.
pub fn list_open(conn: &mut DbConnection, filter: &BoardFilter) -> Result<Vec<Job>, DbError> {
    let mut query = jobs::table
        .filter(jobs::status.eq(JobStatus::Open.as_str()))
        .into_boxed();
    if filter.remote_only {
        query = query.filter(jobs::workplace.eq(Workplace::Remote.as_str()));
    }
    if let Some(code) = &filter.language {
        // Languages are stored as JSON; codes are two ASCII letters, so the
        // quoted code is an exact match for one array entry.
        query = query.filter(jobs::languages.like(format!("%\"code\":\"{code}\"%")));
    }
    query
        .order((jobs::published_at.desc(), jobs::id.asc()))
        .select(JobRow::as_select())
        .load(conn)
        .context("listing open jobs")?
        .into_iter()
        .map(Job::try_from)
        .collect()
}
