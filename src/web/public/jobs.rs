//! The public job board and job pages.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::cache::{render_shared, Cached, PageKey, Snapshot};
use super::jsonld;
use super::view::{JobLanguages, JobView};
use crate::db::{self, jobs::BoardFilter};
use crate::domain::job::{JobStatus, LANGUAGES};
use crate::i18n::Locale;
use crate::web::error::{WebContext, WebError};
use crate::web::locale;
use crate::web::locale::switch_for;
use crate::web::render::{see_other, Page};
use crate::web::AppState;

const HTML: &str = "text/html; charset=utf-8";

pub async fn home() -> HttpResponse {
    see_other("/jobs")
}

/// The board's filters. `language` is the support language a job asks
/// for; `lang` (read by `web::locale`) is the language the page is in.
#[derive(Deserialize, Default)]
pub struct BoardQuery {
    language: Option<String>,
    remote: Option<String>,
}

pub async fn board(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<BoardQuery>,
) -> Result<HttpResponse, WebError> {
    // Only known codes count, so the board has a bounded number of versions.
    let language = query.language.as_deref().map(str::trim).and_then(|c| {
        LANGUAGES
            .iter()
            .find(|(code, _)| *code == c)
            .map(|(code, _)| *code)
    });
    let remote_only = matches!(query.remote.as_deref(), Some("1" | "on" | "true"));
    let locale = locale::choose(&req, None, &locale::all(), Locale::ENGLISH);
    let snapshot = state
        .public
        .snapshot(&state.db)
        .await
        .web_context("checking the public pages' version")?;
    let key = PageKey::Board {
        language,
        remote_only,
        locale,
    };
    let page = snapshot
        .page(key, || {
            build_board(&state, &snapshot, language, remote_only, locale)
        })
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(snapshot.respond_in_language(&req, &page))
}

async fn build_board(
    state: &AppState,
    snapshot: &Snapshot,
    language: Option<&'static str>,
    remote_only: bool,
    locale: Locale,
) -> Result<Option<Cached>, WebError> {
    let filter = BoardFilter {
        language: language.map(str::to_string),
        remote_only,
    };
    let files = state.questionnaires.clone();
    let jobs = state
        .db
        .read(move |conn| {
            let jobs = db::jobs::list_open(conn, &filter)?;
            let library = crate::flows::questionnaires::library(conn, &files)?;
            jobs.into_iter()
                .map(|j| {
                    let settings = db::job_screening::get(conn, &j.id)?;
                    let own = JobLanguages::of(&settings, &library).own;
                    Ok((j, own))
                })
                .collect::<Result<Vec<_>, db::DbError>>()
        })
        .await
        .web_context("listing open jobs")?;
    let company = snapshot
        .company(state)
        .await
        .web_context("reading the company")?;
    let base = state.base_url();
    let views: Vec<JobView> = jobs
        .iter()
        .map(|(j, own)| JobView {
            lang: Some(own.code()),
            ..JobView::in_locale(j, &base, locale)
        })
        .collect();
    let languages: Vec<_> = LANGUAGES
        .iter()
        .map(|(code, _)| json!({ "code": code, "name": super::view::language_name(locale, code), "selected": language == Some(*code) }))
        .collect();
    let mut query = Vec::new();
    if let Some(code) = language {
        query.push(("language", code));
    }
    if remote_only {
        query.push(("remote", "1"));
    }
    let html = render_shared(
        "pages/public/board",
        &locale.text("public-board-title"),
        &company,
        locale,
        switch_for("/jobs", &query, locale),
        json!({
            "jobs": views,
            // Not `languages`: the layout's switch is called that.
            "support_languages": languages,
            "remote_only": remote_only,
            "filtered": language.is_some() || remote_only,
        }),
    )
    .map_err(WebError::Internal)?;
    Ok(Some(Cached::new(HTML, html)))
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<crate::web::candidate::SourceQuery>,
) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    let source = query.source();
    if !source.is_empty() {
        return sourced_page(&req, &state, slug, &source).await;
    }
    let snapshot = state
        .public
        .snapshot(&state.db)
        .await
        .web_context("checking the public pages' version")?;
    let languages = snapshot
        .job_languages(&state, &slug)
        .await
        .web_context("reading a job's languages")?
        .ok_or(WebError::NotFound)?;
    let locale = languages.page_locale(&req);
    let page = snapshot
        .page(PageKey::Job(slug.clone(), locale), || {
            build_job_page(&state, &snapshot, slug, locale, languages.own)
        })
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(snapshot.respond_in_language(&req, &page))
}

/// A public job, or none for drafts (only their staff preview shows them).
async fn public_job(
    state: &AppState,
    slug: String,
) -> Result<Option<crate::domain::job::Job>, WebError> {
    Ok(state
        .db
        .read(move |conn| db::jobs::find_by_slug(conn, &slug))
        .await
        .web_context("finding a job")?
        .filter(|j| j.status != JobStatus::Draft))
}

async fn build_job_page(
    state: &AppState,
    snapshot: &Snapshot,
    slug: String,
    locale: Locale,
    own: Locale,
) -> Result<Option<Cached>, WebError> {
    let Some(job) = public_job(state, slug).await? else {
        return Ok(None);
    };
    let company = snapshot
        .company(state)
        .await
        .web_context("reading the company")?;
    let (title, data) = job_page_data(state, &job, &company, false, "", locale, own);
    let switch = switch_for(&format!("/jobs/{}", job.slug), &[], locale);
    let html = render_shared("pages/public/job", &title, &company, locale, switch, data)
        .map_err(WebError::Internal)?;
    Ok(Some(Cached::new(HTML, html)))
}

/// A job page reached by a link that names where the reader came from: its
/// Apply link keeps the source, so it is rendered for this reader alone and
/// never stored by a shared cache.
async fn sourced_page(
    req: &HttpRequest,
    state: &AppState,
    slug: String,
    source: &str,
) -> Result<HttpResponse, WebError> {
    let job = public_job(state, slug).await?.ok_or(WebError::NotFound)?;
    let mut res = render_job_page(req, state, &job, false, source).await?;
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// The page's title and template data.
fn job_page_data(
    state: &AppState,
    job: &crate::domain::job::Job,
    company: &super::view::Company,
    preview: bool,
    source: &str,
    locale: Locale,
    own: Locale,
) -> (String, serde_json::Value) {
    let view = JobView::in_locale(job, &state.base_url(), locale);
    let mut posting = jsonld::job_posting(job, company, &view.url, own);
    posting["inLanguage"] = json!(own.code());
    let ld = jsonld::script_safe(&posting);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("job", job.posting.title.clone());
    args.set("company", company.name.clone());
    let title = locale.text_with("public-job-title", Some(&args));
    let data = json!({
        "job": view,
        "company": company,
        "jsonld": if job.is_open() || preview { Some(ld) } else { None },
        "preview": preview,
        "source": source,
    });
    (title, data)
}

/// The job page, for the public or as a staff preview of a draft.
pub async fn render_job_page(
    req: &HttpRequest,
    state: &AppState,
    job: &crate::domain::job::Job,
    preview: bool,
    source: &str,
) -> Result<HttpResponse, WebError> {
    let company = super::load_company(state)
        .await
        .web_context("reading the company")?;
    let files = state.questionnaires.clone();
    let job_id = job.id.clone();
    let languages = state
        .db
        .read(move |conn| JobLanguages::read(conn, &files, &job_id))
        .await
        .web_context("reading a job's languages")?;
    let locale = languages.page_locale(req);
    let (title, data) = job_page_data(state, job, &company, preview, source, locale, languages.own);
    Page::new("pages/public/job", &title)
        .locale(locale)
        .render(req, state, data)
}
