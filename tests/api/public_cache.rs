//! Public pages served from memory: never a draft, never a closed job as
//! open, a change visible at once on the instance that made it and soon on
//! every other instance on the database, conditional requests, no cookies,
//! and escaping kept in the stored bytes.

use std::time::Duration;

use reqwest::header::{CACHE_CONTROL, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};

use crate::helpers::{spawn_app, spawn_app_with, valid_job_form, Backend, Browser, TestApp};
use crate::on_every_backend;

on_every_backend!(
    drafts_and_closed_jobs_are_never_served_as_open,
    a_change_shows_at_once_here_and_soon_on_another_instance,
    conditional_requests_get_304_until_the_page_changes,
    public_pages_set_no_cookie_and_forms_keep_theirs,
    a_source_in_the_link_is_never_stored_nor_leaked,
    stored_pages_keep_their_escaping,
);

/// Every public address of a job, and the lists.
fn public_paths(slug: &str) -> Vec<String> {
    vec![
        "/jobs".into(),
        "/jobs?language=fr".into(),
        "/jobs?remote=1".into(),
        format!("/jobs/{slug}"),
        "/jobs.atom".into(),
        "/api/v1/jobs".into(),
        format!("/api/v1/jobs/{slug}"),
    ]
}

/// Two instances of the application on one database, the owner signed in
/// on the first. The folder holds the SQLite file.
async fn two_instances(backend: Backend) -> (TestApp, TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let first = match backend {
        Backend::Sqlite => {
            let url = format!("sqlite://{}", dir.path().join("shared.db").display());
            spawn_app_with(backend, |s| s.database_url = url).await
        }
        Backend::Postgres => spawn_app(backend).await,
    };
    let url = match first.pg_database() {
        Some((admin_url, name)) => {
            let mut url = url::Url::parse(&admin_url).expect("TEST_POSTGRES_URL is a URL");
            url.set_path(&format!("/{name}"));
            url.to_string()
        }
        None => format!("sqlite://{}", dir.path().join("shared.db").display()),
    };
    // Before the second starts: starting replaces an unused setup link.
    first.sign_up_owner().await;
    let second = spawn_app_with(backend, |s| s.database_url = url).await;
    (first, second, dir)
}

/// Reads `path` until `seen` holds (at most five seconds, so a loaded
/// machine does not fail the test; the design bound is a quarter second).
async fn eventually(browser: &Browser, path: &str, seen: impl Fn(&str) -> bool) -> bool {
    for _ in 0..50 {
        if seen(&browser.get_text(path).await) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

async fn drafts_and_closed_jobs_are_never_served_as_open(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[("title", "Open Support Role")]).await;
    let draft = app.create_job(&[("title", "Secret Draft Role")]).await;
    let reader = app.new_browser();
    // Warm every stored page first.
    for path in public_paths(&slug) {
        let text = reader.get_text(&path).await;
        assert!(!text.contains("Secret Draft Role"), "{path}");
    }
    assert!(reader.get_text("/jobs").await.contains("Open Support Role"));
    for path in ["/jobs/secret-draft-role", "/api/v1/jobs/secret-draft-role"] {
        assert_eq!(reader.get(path).await.status().as_u16(), 404, "{path}");
    }
    // Editing the draft does not publish it.
    let mut form = valid_job_form();
    form.retain(|(k, _)| *k != "title");
    form.push(("title", "Secret Draft Role Renamed"));
    let res = app.post_form(&format!("/admin/jobs/{draft}"), &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(!reader.get_text("/jobs").await.contains("Secret Draft"));

    let res = app
        .post_form(&format!("/admin/jobs/{id}/close"), &[("reason", "filled")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // At once, on the same instance: no list offers it, its page says closed.
    assert!(!reader.get_text("/jobs").await.contains("Open Support Role"));
    assert!(!reader
        .get_text("/jobs?remote=1")
        .await
        .contains("Open Support Role"));
    let feed: atom_syndication::Feed = reader
        .get_text("/jobs.atom")
        .await
        .parse()
        .expect("valid Atom");
    assert!(feed.entries().is_empty());
    let api: serde_json::Value = reader.get("/api/v1/jobs").await.json().await.unwrap();
    assert_eq!(api["jobs"].as_array().unwrap().len(), 0);
    let page = reader.get_text(&format!("/jobs/{slug}")).await;
    assert!(page.contains("This job is closed"));
    assert!(!page.contains("Apply now"));
    assert!(!page.contains("application/ld+json"));
    let one: serde_json::Value = reader
        .get(&format!("/api/v1/jobs/{slug}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one["status"], "closed");
    assert!(one["apply_url"].is_null());
}

async fn a_change_shows_at_once_here_and_soon_on_another_instance(backend: Backend) {
    let (first, second, _dir) = two_instances(backend).await;
    let (id, slug) = first.publish_job(&[("title", "Support Specialist")]).await;
    let draft = first.create_job(&[("title", "Weekend Support")]).await;
    let reader = second.new_browser();
    let job_path = format!("/jobs/{slug}");
    assert!(eventually(&reader, &job_path, |p| p.contains("Support Specialist")).await);
    assert!(!reader.get_text("/jobs").await.contains("Weekend Support"));
    assert_eq!(
        reader.get("/jobs/weekend-support").await.status().as_u16(),
        404
    );

    // An edit through the first instance.
    let mut form = valid_job_form();
    form.retain(|(k, _)| *k != "title");
    form.push(("title", "Senior Support Specialist"));
    let res = first.post_form(&format!("/admin/jobs/{id}"), &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let here = first.new_browser();
    assert!(
        here.get_text(&job_path)
            .await
            .contains("Senior Support Specialist"),
        "the instance that saved shows the edit at once"
    );
    assert!(here
        .get_text("/jobs")
        .await
        .contains("Senior Support Specialist"));
    assert!(
        eventually(&reader, &job_path, |p| p
            .contains("Senior Support Specialist"))
        .await,
        "the other instance shows the edit"
    );
    assert!(
        eventually(&reader, "/api/v1/jobs", |p| p
            .contains("Senior Support Specialist"))
        .await
    );

    // Publishing and closing through the first.
    let res = first
        .post_form(
            &format!("/admin/jobs/{draft}/publish"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(eventually(&reader, "/jobs", |p| p.contains("Weekend Support")).await);
    assert!(
        eventually(&reader, "/jobs/weekend-support", |p| p
            .contains("Apply now"))
        .await
    );
    let res = first
        .post_form(
            &format!("/admin/jobs/{id}/close"),
            &[("reason", "cancelled")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(
        eventually(&reader, &job_path, |p| p.contains("This job is closed")
            && !p.contains("Apply now"))
        .await
    );
    assert!(
        eventually(&reader, "/jobs", |p| !p
            .contains("Senior Support Specialist"))
        .await
    );

    // The company's name, shown on every page, is public data too.
    let res = first
        .post_form(
            "/admin/company",
            &[
                ("company_name", "Lumen Helpdesk"),
                ("company_url", "https://lumen.example"),
                ("reply_to", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(here.get_text("/jobs").await.contains("Lumen Helpdesk"));
    assert!(eventually(&reader, "/jobs", |p| p.contains("Lumen Helpdesk")).await);
    assert!(eventually(&reader, "/jobs.atom", |p| p.contains("Lumen Helpdesk")).await);
}

async fn conditional_requests_get_304_until_the_page_changes(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    let client = app.anonymous();
    for path in public_paths(&slug) {
        let url = app.url(&path);
        let res = client.get(&url).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        let etag = res.headers()[ETAG].to_str().unwrap().to_string();
        assert!(etag.starts_with('"'), "a strong tag: {etag}");
        let modified = res.headers()[LAST_MODIFIED].to_str().unwrap().to_string();
        let cache = res.headers()[CACHE_CONTROL].to_str().unwrap();
        assert!(cache.starts_with("public"), "{path}: {cache}");
        let again = client
            .get(&url)
            .header(IF_NONE_MATCH, &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status().as_u16(), 304, "{path}");
        assert_eq!(again.headers()[ETAG].to_str().unwrap(), etag);
        assert!(again.text().await.unwrap().is_empty());
        let since = client
            .get(&url)
            .header(IF_MODIFIED_SINCE, &modified)
            .send()
            .await
            .unwrap();
        assert_eq!(since.status().as_u16(), 304, "{path}");
        let stale = client
            .get(&url)
            .header(IF_NONE_MATCH, "\"not-this-one\"")
            .send()
            .await
            .unwrap();
        assert_eq!(stale.status().as_u16(), 200, "{path}");
    }

    let page_url = app.url(&format!("/jobs/{slug}"));
    let before = client.get(&page_url).send().await.unwrap();
    let etag = before.headers()[ETAG].to_str().unwrap().to_string();
    let mut form = valid_job_form();
    form.retain(|(k, _)| *k != "title");
    form.push(("title", "Customer Support Lead"));
    let res = app.post_form(&format!("/admin/jobs/{id}"), &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let after = client
        .get(&page_url)
        .header(IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status().as_u16(), 200, "the page changed");
    assert_ne!(after.headers()[ETAG].to_str().unwrap(), etag);
    assert!(after
        .text()
        .await
        .unwrap()
        .contains("Customer Support Lead"));
}

async fn public_pages_set_no_cookie_and_forms_keep_theirs(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;
    let client = app.anonymous();
    for path in public_paths(&slug) {
        for gzip in [false, true] {
            let mut req = client.get(app.url(&path));
            if gzip {
                req = req.header("accept-encoding", "gzip");
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status().as_u16(), 200, "{path}");
            assert!(res.headers().get("set-cookie").is_none(), "{path}");
            assert!(
                !res.headers()[CACHE_CONTROL]
                    .to_str()
                    .unwrap()
                    .contains("no-store"),
                "{path}"
            );
        }
    }
    // The form is on its own page, which sets the CSRF cookie and is never
    // stored; its token still guards the post.
    let res = client
        .get(app.url(&format!("/jobs/{slug}/apply")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers().get("set-cookie").is_some());
    assert_eq!(res.headers()[CACHE_CONTROL], "no-store");
    let stranger = app.new_browser();
    let form = reqwest::multipart::Form::new()
        .text("name", "Ada")
        .text("email", "ada@example.com")
        .text("languages", "en")
        .text("fluencies", "fluent")
        .text("consent", "yes");
    let res = stranger
        .client
        .post(stranger.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403, "no token, no application");
}

async fn a_source_in_the_link_is_never_stored_nor_leaked(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;
    let client = app.anonymous();
    let plain = app.url(&format!("/jobs/{slug}"));
    // Stored first, then asked for with a source, then without again.
    let first = client
        .get(&plain)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!first.contains("?ref="));
    let res = client
        .get(format!("{plain}?ref=newsletter"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[CACHE_CONTROL], "no-store");
    assert!(res.headers().get("set-cookie").is_none());
    let sourced = res.text().await.unwrap();
    assert!(sourced.contains(&format!("/jobs/{slug}/apply?ref=newsletter")));
    let res = client
        .get(format!("{plain}?utm_source=jobboard"))
        .send()
        .await
        .unwrap();
    assert!(res
        .text()
        .await
        .unwrap()
        .contains(&format!("/jobs/{slug}/apply?ref=jobboard")));
    let again = client
        .get(&plain)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !again.contains("?ref="),
        "one reader's source never reaches another"
    );
    assert_eq!(first, again);
}

async fn stored_pages_keep_their_escaping(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app
        .publish_job(&[
            ("title", "Support <script>alert(1)</script> Hero"),
            (
                "typical_day",
                "Hi <script>alert(2)</script> <img src=x onerror=alert(3)>",
            ),
        ])
        .await;
    let client = app.anonymous();
    for path in public_paths(&slug) {
        for _ in 0..2 {
            // Built, then served from memory.
            let body = client
                .get(app.url(&path))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(body.contains("Hero"), "{path}");
            assert!(!body.contains("<script>alert"), "{path}");
            assert!(!body.contains("onerror"), "{path}");
        }
    }
    let page = app.get_text(&format!("/jobs/{slug}")).await;
    assert!(page.contains("Support &lt;script&gt;alert(1)&lt;/script&gt; Hero"));
}
