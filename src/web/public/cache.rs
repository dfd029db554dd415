//! Public pages (the board, job pages, the feed, the public API) served
//! from bytes rendered once and kept in memory. They change only when staff
//! change a job or the company, which bumps `public_version` in the
//! database; each process compares the version its pages were built from
//! with the database's at most every `CHECK_EVERY`, and at once after a
//! change it made itself. Pages are rendered lazily, once per version.

use std::collections::HashMap;
use std::hash::Hash;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use actix_web::http::header::{
    self, AcceptEncoding, Encoding, EntityTag, Header, HeaderValue, HttpDate, IfModifiedSince,
    IfNoneMatch,
};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

use super::view::{Company, JobLanguages};
use crate::db::public_version::{self, PublicVersion};
use crate::db::{Db, DbError};
use crate::i18n::Locale;
use crate::web::locale;
use crate::web::AppState;

/// How stale a process's pages can be after another process's change.
const CHECK_EVERY: Duration = Duration::from_millis(250);

/// Shared caches may keep a page, but must check it again at once, and
/// may hand out the stored one for a second while they do: a spike is
/// absorbed without anyone seeing a page more than a second old.
const CACHE_CONTROL: &str = "public, max-age=0, stale-while-revalidate=1";

/// Which public page: everything that changes its bytes, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageKey {
    Board {
        language: Option<&'static str>,
        remote_only: bool,
        locale: Locale,
    },
    Job(String, Locale),
    Feed,
    ApiJobs,
    ApiJob(String),
}

/// A rendered page: its bytes as is and gzipped, with their entity tags
/// (also as written in the header, so a request formats nothing).
pub struct Cached {
    content_type: HeaderValue,
    body: Bytes,
    etag: EntityTag,
    etag_header: HeaderValue,
    gzip: Bytes,
    gzip_etag: EntityTag,
    gzip_etag_header: HeaderValue,
}

fn etag_header(tag: &EntityTag) -> HeaderValue {
    // A hex digest in quotes is always a valid header value.
    HeaderValue::from_str(&tag.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

impl Cached {
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Self {
        let body: Bytes = body.into();
        let hash = hex::encode(&Sha256::digest(&body)[..16]);
        let mut encoder = flate2::write::GzEncoder::new(
            Vec::with_capacity(body.len() / 3),
            flate2::Compression::default(),
        );
        // Writing to memory cannot fail.
        let gzip = encoder
            .write_all(&body)
            .and_then(|_| encoder.finish())
            .unwrap_or_default();
        let etag = EntityTag::new_strong(hash.clone());
        let gzip_etag = EntityTag::new_strong(format!("{hash}-gz"));
        Self {
            content_type: HeaderValue::from_static(content_type),
            etag_header: etag_header(&etag),
            etag,
            gzip_etag_header: etag_header(&gzip_etag),
            gzip_etag,
            gzip: Bytes::from(gzip),
            body,
        }
    }
}

/// The pages built from one version of the public data.
pub struct Snapshot {
    version: Option<PublicVersion>,
    last_modified: SystemTime,
    last_modified_header: HeaderValue,
    company: OnceCell<Company>,
    pages: RwLock<HashMap<PageKey, Arc<OnceCell<Arc<Cached>>>>>,
    /// Each job's languages by slug, read once per version: the language
    /// of a job page is chosen before its bytes are looked up.
    languages: RwLock<HashMap<String, JobLanguages>>,
}

impl Snapshot {
    fn new(version: Option<PublicVersion>) -> Self {
        // HTTP dates have whole seconds; so does the comparison with
        // If-Modified-Since.
        let secs = version
            .map(|v| v.changed_at.and_utc().timestamp().max(0) as u64)
            .unwrap_or(0);
        let last_modified = SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        Self {
            version,
            last_modified,
            last_modified_header: HeaderValue::from_str(&HttpDate::from(last_modified).to_string())
                .unwrap_or_else(|_| HeaderValue::from_static("")),
            company: OnceCell::new(),
            pages: RwLock::new(HashMap::new()),
            languages: RwLock::new(HashMap::new()),
        }
    }

    /// The company as of this version.
    pub async fn company(&self, state: &AppState) -> Result<Company, DbError> {
        self.company
            .get_or_try_init(|| super::load_company(state))
            .await
            .cloned()
    }

    /// The languages of the public job at `slug`; `None` when there is none
    /// (not kept, so unknown addresses do not fill the memory).
    pub async fn job_languages(
        &self,
        state: &AppState,
        slug: &str,
    ) -> Result<Option<JobLanguages>, DbError> {
        if let Some(found) = self
            .languages
            .read()
            .ok()
            .and_then(|l| l.get(slug).cloned())
        {
            return Ok(Some(found));
        }
        let files = state.questionnaires.clone();
        let wanted = slug.to_string();
        let found = state
            .db
            .read(move |conn| {
                match crate::db::jobs::find_by_slug(conn, &wanted)?
                    .filter(|j| j.status != crate::domain::job::JobStatus::Draft)
                {
                    Some(job) => JobLanguages::read(conn, &files, &job.id).map(Some),
                    None => Ok(None),
                }
            })
            .await?;
        if let (Some(found), Ok(mut map)) = (&found, self.languages.write()) {
            map.insert(slug.to_string(), found.clone());
        }
        Ok(found)
    }

    /// [`Snapshot::respond`] for a page in a language: the language choice
    /// made with `?lang=` is remembered, and caches told the bytes depend
    /// on the language headers as well as on the encoding.
    pub fn respond_in_language(&self, req: &HttpRequest, page: &Cached) -> HttpResponse {
        let mut res = self.respond(req, page);
        locale::remember(req, &mut res);
        res.headers_mut().insert(
            header::VARY,
            HeaderValue::from_static("Accept-Encoding, Accept-Language, Cookie"),
        );
        res
    }

    /// The page under `key`, built by `build` the first time it is asked
    /// for in this version (one build at a time per page). `None` (no such
    /// page) is not kept: unknown addresses must not fill the memory.
    pub async fn page<E, F, Fut>(&self, key: PageKey, build: F) -> Result<Option<Arc<Cached>>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Option<Cached>, E>>,
    {
        let existing = self.pages.read().ok().and_then(|p| p.get(&key).cloned());
        let cell = match existing {
            Some(cell) => cell,
            None => match self.pages.write() {
                Ok(mut pages) => pages.entry(key.clone()).or_default().clone(),
                Err(_) => Arc::new(OnceCell::new()),
            },
        };
        if let Some(page) = cell.get() {
            return Ok(Some(page.clone()));
        }
        let result = cell
            .get_or_try_init(|| async {
                match build().await {
                    Ok(Some(page)) => Ok(Arc::new(page)),
                    Ok(None) => Err(None),
                    Err(e) => Err(Some(e)),
                }
            })
            .await;
        match result {
            Ok(page) => Ok(Some(page.clone())),
            Err(None) => {
                if let Ok(mut pages) = self.pages.write() {
                    pages.remove(&key);
                }
                Ok(None)
            }
            Err(Some(e)) => Err(e),
        }
    }

    /// The answer to `req` with `page`: 304 when the client's copy is this
    /// one, else the bytes (gzipped when the client takes gzip).
    pub fn respond(&self, req: &HttpRequest, page: &Cached) -> HttpResponse {
        let gzip = accepts_gzip(req);
        let (body, etag, etag_header) = if gzip {
            (&page.gzip, &page.gzip_etag, &page.gzip_etag_header)
        } else {
            (&page.body, &page.etag, &page.etag_header)
        };
        let not_modified = match IfNoneMatch::parse(req) {
            // If-None-Match, when present, decides alone (RFC 9110 13.2.2).
            Ok(IfNoneMatch::Any) => true,
            Ok(IfNoneMatch::Items(tags)) if !tags.is_empty() => {
                tags.iter().any(|t| t.weak_eq(etag))
            }
            _ => IfModifiedSince::parse(req)
                .is_ok_and(|IfModifiedSince(since)| self.last_modified <= SystemTime::from(since)),
        };
        let mut res = if not_modified {
            HttpResponse::NotModified()
        } else {
            HttpResponse::Ok()
        };
        res.insert_header((header::ETAG, etag_header.clone()))
            .insert_header((header::LAST_MODIFIED, self.last_modified_header.clone()))
            .insert_header((
                header::CACHE_CONTROL,
                HeaderValue::from_static(CACHE_CONTROL),
            ))
            .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")));
        if not_modified {
            return res.finish();
        }
        if gzip {
            res.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static("gzip")));
        }
        res.insert_header((header::CONTENT_TYPE, page.content_type.clone()))
            .body(body.clone())
    }
}

fn accepts_gzip(req: &HttpRequest) -> bool {
    let Ok(accept) = AcceptEncoding::parse(req) else {
        return false;
    };
    accept
        .negotiate([Encoding::gzip(), Encoding::identity()].iter())
        .is_some_and(|e| e == Encoding::gzip())
}

/// The public pages of one process.
pub struct PublicCache {
    current: RwLock<Arc<Snapshot>>,
    /// One look at the database at a time; meanwhile others serve what is there.
    refresh: tokio::sync::Mutex<()>,
    started: Instant,
    /// When the database was last looked at, in milliseconds since `started`.
    checked_at_ms: AtomicU64,
    /// The process's own committed changes (`Db::public_changes`) already seen.
    changes_seen: AtomicU64,
}

impl Default for PublicCache {
    fn default() -> Self {
        Self {
            current: RwLock::new(Arc::new(Snapshot::new(None))),
            refresh: tokio::sync::Mutex::new(()),
            started: Instant::now(),
            checked_at_ms: AtomicU64::new(0),
            changes_seen: AtomicU64::new(0),
        }
    }
}

impl PublicCache {
    fn current(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// Whether `snapshot` may be served without looking at the database.
    fn still_good(&self, snapshot: &Snapshot, changes: u64) -> bool {
        snapshot.version.is_some()
            && changes == self.changes_seen.load(Ordering::SeqCst)
            && self.now_ms()
                < self.checked_at_ms.load(Ordering::SeqCst) + CHECK_EVERY.as_millis() as u64
    }

    /// The pages as of the database's current version (or of one looked at
    /// less than `CHECK_EVERY` ago, when no change was made through `db`).
    pub async fn snapshot(&self, db: &Db) -> Result<Arc<Snapshot>, DbError> {
        let snapshot = self.current();
        let changes = db.public_changes();
        if self.still_good(&snapshot, changes) {
            return Ok(snapshot);
        }
        let only_time_passed =
            snapshot.version.is_some() && changes == self.changes_seen.load(Ordering::SeqCst);
        let _guard = if only_time_passed {
            match self.refresh.try_lock() {
                Ok(guard) => guard,
                // Another request is looking; what we have is at most a
                // moment older than that.
                Err(_) => return Ok(snapshot),
            }
        } else {
            self.refresh.lock().await
        };
        let snapshot = self.current();
        // Read before the version: every change counted is in the database.
        let changes = db.public_changes();
        if self.still_good(&snapshot, changes) {
            return Ok(snapshot);
        }
        let looked_at = self.now_ms();
        let version = db.read(public_version::current).await?;
        self.changes_seen.store(changes, Ordering::SeqCst);
        self.checked_at_ms.store(looked_at, Ordering::SeqCst);
        if snapshot.version == Some(version) {
            return Ok(snapshot);
        }
        // Pages are read from the database after this version was: they are
        // at least as new as it, never older.
        let fresh = Arc::new(Snapshot::new(Some(version)));
        match self.current.write() {
            Ok(mut c) => *c = fresh.clone(),
            Err(poisoned) => *poisoned.into_inner() = fresh.clone(),
        }
        Ok(fresh)
    }
}

/// Renders a public page template inside the layout, the same for every
/// reader of its language: no session, no form token (a form added to a
/// public page gets an empty token, which the server refuses, rather than
/// one reader's token). `switch` is the language switch ([`crate::web::locale::switch_for`]).
pub fn render_shared(
    template: &str,
    title: &str,
    company: &Company,
    locale: Locale,
    switch: Value,
    data: Value,
) -> Result<String, String> {
    let mut ctx = json!({
        "title": title,
        "lang": locale.code(),
        "locale": locale.code(),
        "languages": switch,
        "csrf_token": "",
        "staff": false,
        "nav": {},
        "user": null,
        "company": company,
    });
    if let (Some(base), Value::Object(extra)) = (ctx.as_object_mut(), data) {
        base.extend(extra);
    }
    crate::templates::html()
        .render(template, &ctx)
        .map_err(|e| format!("rendering {template}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::StatusCode;
    use actix_web::test::TestRequest;

    fn snapshot() -> Snapshot {
        Snapshot::new(Some(PublicVersion {
            version: 3,
            changed_at: chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
        }))
    }

    #[test]
    fn a_matching_tag_or_date_gets_304_and_others_the_page() {
        let snap = snapshot();
        let page = Cached::new("text/html; charset=utf-8", "<p>hello</p>");
        let res = snap.respond(&TestRequest::default().to_http_request(), &page);
        assert_eq!(res.status(), StatusCode::OK);
        let etag = res
            .headers()
            .get(header::ETAG)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let date = res
            .headers()
            .get(header::LAST_MODIFIED)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(date, "Thu, 03 Dec 2026 09:30:00 GMT");

        let again = TestRequest::default()
            .insert_header((header::IF_NONE_MATCH, etag.as_str()))
            .to_http_request();
        assert_eq!(
            snap.respond(&again, &page).status(),
            StatusCode::NOT_MODIFIED
        );
        let other = TestRequest::default()
            .insert_header((header::IF_NONE_MATCH, "\"something-else\""))
            .insert_header((header::IF_MODIFIED_SINCE, date.as_str()))
            .to_http_request();
        assert_eq!(
            snap.respond(&other, &page).status(),
            StatusCode::OK,
            "the tag decides"
        );
        let since = TestRequest::default()
            .insert_header((header::IF_MODIFIED_SINCE, date.as_str()))
            .to_http_request();
        assert_eq!(
            snap.respond(&since, &page).status(),
            StatusCode::NOT_MODIFIED
        );
        let before = TestRequest::default()
            .insert_header((header::IF_MODIFIED_SINCE, "Thu, 03 Dec 2026 09:29:59 GMT"))
            .to_http_request();
        assert_eq!(snap.respond(&before, &page).status(), StatusCode::OK);
    }

    #[test]
    fn gzip_is_a_representation_of_its_own() {
        let snap = snapshot();
        let page = Cached::new("text/html; charset=utf-8", "<p>hello</p>".repeat(50));
        let plain = snap.respond(&TestRequest::default().to_http_request(), &page);
        let gz = snap.respond(
            &TestRequest::default()
                .insert_header((header::ACCEPT_ENCODING, "gzip, deflate"))
                .to_http_request(),
            &page,
        );
        assert_eq!(gz.headers().get(header::CONTENT_ENCODING).unwrap(), "gzip");
        assert!(!plain.headers().contains_key(header::CONTENT_ENCODING));
        assert_ne!(
            gz.headers().get(header::ETAG).unwrap(),
            plain.headers().get(header::ETAG).unwrap()
        );
    }
}
