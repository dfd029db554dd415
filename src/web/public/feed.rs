//! The Atom feed of open jobs, for aggregators and newsletters.

use actix_web::{web, HttpRequest, HttpResponse};
use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, Utc};

use super::cache::{Cached, PageKey, Snapshot};
use super::view::JobView;
use crate::db::{self, jobs::BoardFilter};
use crate::i18n::Message;
use crate::web::error::{WebContext, WebError};
use crate::web::AppState;

fn utc(t: chrono::NaiveDateTime) -> DateTime<chrono::FixedOffset> {
    DateTime::<Utc>::from_naive_utc_and_offset(t, Utc).fixed_offset()
}

pub async fn atom(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let snapshot = state
        .public
        .snapshot(&state.db)
        .await
        .web_context("checking the public pages' version")?;
    let page = snapshot
        .page(PageKey::Feed, || build(&state, &snapshot))
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(snapshot.respond(&req, &page))
}

async fn build(state: &AppState, snapshot: &Snapshot) -> Result<Option<Cached>, WebError> {
    let jobs = state
        .db
        .read(|conn| db::jobs::list_open(conn, &BoardFilter::default()))
        .await
        .web_context("listing open jobs")?;
    let company = snapshot
        .company(state)
        .await
        .web_context("reading the company")?;
    let base = state.base_url();
    let entries: Vec<Entry> = jobs
        .iter()
        .map(|job| {
            let view = JobView::new(job, &base);
            let html: String = view
                .sections
                .iter()
                .map(|s| format!("<h2>{}</h2>{}", s.heading, s.html))
                .collect();
            Entry {
                title: Text::plain(job.posting.title.clone()),
                id: view.url.clone(),
                updated: utc(job.updated_at),
                published: job.published_at.map(utc),
                links: vec![Link {
                    href: view.url.clone(),
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Default::default()
                }],
                summary: Some(Text::plain(format!(
                    "{} · {} · {}",
                    view.place, view.employment_type, view.summary
                ))),
                content: Some(Content {
                    value: Some(html),
                    content_type: Some("html".into()),
                    ..Default::default()
                }),
                authors: vec![Person {
                    name: company.name.clone(),
                    ..Default::default()
                }],
                ..Default::default()
            }
        })
        .collect();
    let updated = jobs
        .iter()
        .map(|j| j.updated_at)
        .max()
        .map(utc)
        .unwrap_or_else(|| Utc::now().fixed_offset());
    let feed = Feed {
        // One document for every reader: in English, as its entries.
        title: Text::plain(
            Message::new("public-feed-title")
                .arg("company", &company.name)
                .english(),
        ),
        id: format!("{base}/jobs.atom"),
        updated,
        links: vec![
            Link {
                href: format!("{base}/jobs.atom"),
                rel: "self".into(),
                ..Default::default()
            },
            Link {
                href: format!("{base}/jobs"),
                rel: "alternate".into(),
                ..Default::default()
            },
        ],
        entries,
        ..Default::default()
    };
    Ok(Some(Cached::new(
        "application/atom+xml; charset=utf-8",
        feed.to_string(),
    )))
}
