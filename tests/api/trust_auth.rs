//! Issue 8 (trust): sign-in limits under concurrency, the redirect after
//! sign-in, the resend-link limit, password reset, headers, HEAD and
//! request timeouts.

use futures::future::join_all;

use crate::helpers::{
    csrf_from, location, spawn_app, spawn_app_with, unfold_qp, Backend, Browser, TestApp,
    OWNER_EMAIL, PASSWORD,
};
use crate::on_every_backend;

on_every_backend!(
    parallel_wrong_passwords_check_at_most_five,
    parallel_sign_ins_from_one_address_check_at_most_twenty,
    the_sign_in_limit_lifts_after_its_window,
    after_sign_in_only_plain_local_paths_are_followed,
    sending_the_link_again_is_limited_per_address_and_per_client,
    a_forgotten_password_is_replaced_through_an_emailed_link,
    password_links_work_once_and_expire,
    password_links_say_nothing_about_unknown_accounts_and_are_limited,
    personal_pages_are_never_stored,
    public_pages_set_no_cookie_and_forms_still_work,
    hsts_is_sent_only_over_https,
    head_is_answered_wherever_get_is,
    a_body_that_stops_arriving_is_cut_off,
    headers_that_never_end_are_cut_off,
);

/// Posts `n` sign-ins at once from one browser; returns their statuses.
async fn sign_in_burst(app: &crate::helpers::TestApp, attempts: Vec<(String, String)>) -> Vec<u16> {
    let token = app.csrf_token().await;
    let token = &token;
    let posts = attempts.iter().map(|(email, password)| async move {
        app.post_raw(
            "/login",
            &[
                ("email", email.as_str()),
                ("password", password.as_str()),
                ("csrf_token", token.as_str()),
            ],
        )
        .await
    });
    join_all(posts)
        .await
        .into_iter()
        .map(|r| r.status().as_u16())
        .collect()
}

async fn parallel_wrong_passwords_check_at_most_five(backend: Backend) {
    // Enough connections for the attempts to really overlap in the database.
    let app = spawn_app_with(backend, |s| {
        s.db_pool_size = 16;
        s.workers = Some(4);
    })
    .await;
    app.create_user(OWNER_EMAIL, "owner").await;
    let burst = (0..100)
        .map(|i| (OWNER_EMAIL.to_string(), format!("wrong password {i}")))
        .collect();
    let statuses = sign_in_burst(&app, burst).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(checked + refused, 100, "only 401 or 429: {statuses:?}");
    assert!(
        checked <= 5,
        "{checked} passwords were checked: {statuses:?}"
    );
    assert_eq!(checked, 5, "the first five are checked: {statuses:?}");

    // The right password, after the burst, waits too.
    let res = app.login(OWNER_EMAIL, PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
    assert_eq!(app.get("/admin").await.status().as_u16(), 303);

    // A correct password inside a burst of wrong ones does not get through
    // once the five are used.
    let other = "second@example.com";
    app.create_user(other, "interviewer").await;
    let mut burst: Vec<(String, String)> = (0..20)
        .map(|i| (other.to_string(), format!("wrong {i}")))
        .collect();
    let statuses = sign_in_burst(&app, burst.clone()).await;
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 5);
    burst.truncate(5);
    burst.push((other.to_string(), PASSWORD.to_string()));
    let statuses = sign_in_burst(&app, burst).await;
    assert!(
        statuses.iter().all(|s| *s == 429),
        "nothing gets through a full account: {statuses:?}"
    );
}

async fn parallel_sign_ins_from_one_address_check_at_most_twenty(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    // A success gives the address its attempt back.
    let res = app.login(OWNER_EMAIL, PASSWORD).await;
    assert_eq!(location(&res), "/admin");

    let burst = (0..40)
        .map(|i| (format!("nobody{i}@example.com"), "not it".to_string()))
        .collect();
    let statuses = sign_in_burst(&app, burst).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert_eq!(checked, 20, "twenty per address: {statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 20);
    let res = app.login(OWNER_EMAIL, PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.text().await.unwrap().contains("from your network"));
}

async fn after_sign_in_only_plain_local_paths_are_followed(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    let hostile = [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\0/evil.example",
        "/\r\nSet-Cookie: stolen=1",
        "/admin\r\nLocation: https://evil.example",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "https://evil.example/",
        "http:/evil.example",
        "javascript:alert(1)",
        "/%2F/evil.example",
        "/%2f/evil.example",
        "/%5Cevil.example",
        "/%09/evil.example",
        "/admin/%0d%0aSet-Cookie:x=1",
        " /admin",
        "admin",
        "/admin\u{2028}",
        "/ad min",
        "",
    ];
    for next in hostile {
        let res = app
            .post_form(
                "/login",
                &[
                    ("email", OWNER_EMAIL),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "next = {next:?}");
        assert_eq!(location(&res), "/admin", "next = {next:?}");
        // The sign-in page passes on only what it would follow.
        let page = app
            .anonymous()
            .get(app.url("/login"))
            .query(&[("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(page.status().as_u16(), 200, "next = {next:?}");
        let html = page.text().await.unwrap();
        assert!(
            html.contains(r#"name="next" value="/admin""#),
            "next = {next:?}"
        );
    }
    for local in [
        "/admin/team",
        "/admin/jobs?page=2&sort=score",
        "/admin/jobs/0a1b-c_d.e~f",
        "/admin/jobs?q=caf%C3%A9",
    ] {
        let res = app
            .post_form(
                "/login",
                &[
                    ("email", OWNER_EMAIL),
                    ("password", PASSWORD),
                    ("next", local),
                ],
            )
            .await;
        assert_eq!(location(&res), local);
    }
}

/// Emails queued for `to`, sent or not.
async fn outbox_count(app: &TestApp, to: &str) -> i64 {
    let to = to.to_string();
    app.db
        .read(move |conn| {
            use diesel::prelude::*;
            use rapport::db::schema::outbox;
            Ok(outbox::table
                .filter(outbox::recipient.eq(to))
                .count()
                .get_result::<i64>(conn)?)
        })
        .await
        .unwrap()
}

async fn sending_the_link_again_is_limited_per_address_and_per_client(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    app.set_screening(&id, &["generalist-en"], false).await;
    let path = format!("/jobs/{slug}/link");
    let candidate = app.new_browser();
    for who in ["ana@example.com", "bea@example.com", "cy@example.com"] {
        let res = candidate.apply(&slug, "Ana Applicant", who, None).await;
        assert!(res.status().is_success() || res.status().as_u16() == 303);
    }
    let applied = outbox_count(&app, "ana@example.com").await;

    // Ten in a row: three more emails at most, and the same page every time.
    let asker = app.new_browser();
    let token = asker.csrf_token().await;
    let mut pages = Vec::new();
    for _ in 0..10 {
        let res = asker
            .post_raw(
                &path,
                &[("email", "ana@example.com"), ("csrf_token", &token)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        pages.push(res.text().await.unwrap());
    }
    assert!(pages[0].contains("Check your inbox"));
    assert!(
        pages.iter().all(|p| p == &pages[0]),
        "the answer never changes"
    );
    assert_eq!(outbox_count(&app, "ana@example.com").await, applied + 3);

    // Ten at once: the same.
    let posts = (0..10).map(|_| {
        let (asker, path, token) = (&asker, &path, &token);
        async move {
            let res = asker
                .post_raw(
                    path,
                    &[("email", "BEA@example.com "), ("csrf_token", token)],
                )
                .await;
            assert_eq!(res.status().as_u16(), 200);
            res.text().await.unwrap()
        }
    });
    let parallel = join_all(posts).await;
    assert!(parallel.iter().all(|p| p == &pages[0]));
    assert_eq!(outbox_count(&app, "bea@example.com").await, applied + 3);

    // Per client address: twenty an hour, whatever the addresses typed.
    // Six were counted above (refused ones are not).
    for i in 0..14 {
        let nobody = format!("nobody{i}@example.com");
        let res = asker
            .post_raw(&path, &[("email", &nobody), ("csrf_token", &token)])
            .await;
        assert_eq!(res.text().await.unwrap(), pages[0]);
    }
    let res = asker
        .post_raw(
            &path,
            &[("email", "cy@example.com"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(res.text().await.unwrap(), pages[0]);
    assert_eq!(
        outbox_count(&app, "cy@example.com").await,
        applied,
        "the client has used its twenty"
    );
}

/// The last password link emailed to `to` (delivering due mail first).
async fn password_link(app: &TestApp, to: &str) -> String {
    app.deliver_mail().await;
    let needle = format!("{}/password/reset/", app.address);
    app.emails()
        .iter()
        .rev()
        .map(|e| unfold_qp(e))
        .filter(|e| e.contains(&format!("To: {to}")))
        .find_map(|e| {
            let start = e.find(&needle)?;
            Some(
                e[start..]
                    .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
                    .next()
                    .unwrap()
                    .to_string(),
            )
        })
        .expect("a password link was emailed")
}

async fn ask_for_password_link(browser: &Browser, email: &str) -> String {
    let res = browser
        .post_form("/password/forgot", &[("email", email)])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    res.text().await.unwrap()
}

async fn a_forgotten_password_is_replaced_through_an_emailed_link(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    // Signed in on another device, then locked out by wrong guesses.
    let laptop = app.new_browser();
    assert_eq!(
        location(&laptop.login(OWNER_EMAIL, PASSWORD).await),
        "/admin"
    );
    assert_eq!(laptop.get("/admin/jobs").await.status().as_u16(), 200);
    for _ in 0..5 {
        app.login(OWNER_EMAIL, "a wrong guess").await;
    }
    assert_eq!(
        app.login(OWNER_EMAIL, PASSWORD).await.status().as_u16(),
        429
    );

    let login = app.get_text("/login").await;
    assert!(login.contains(r#"href="/password/forgot""#));
    let form = app.get_text("/password/forgot").await;
    assert!(form.contains(r#"name="email""#));
    let sent = ask_for_password_link(&app, "Founder@Example.com ").await;
    assert!(sent.contains("If an account exists for that email"));
    let link = password_link(&app, OWNER_EMAIL).await;
    let token = link.rsplit('/').next().unwrap();
    assert_eq!(token.len(), 43, "a 256-bit token: {link}");
    let stored_hash = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::password_resets;
            Ok(password_resets::table
                .select(password_resets::token_hash)
                .first::<String>(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(stored_hash, rapport::security::token::hash_token(token));
    assert!(!stored_hash.contains(token), "only the hash is stored");

    let page = app.get(&link).await;
    assert_eq!(page.status().as_u16(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains(OWNER_EMAIL));
    let new_password = "a brand new passphrase";
    let res = app
        .post_form(&link, &[("password", "short"), ("password_again", "short")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("at least 10 characters"));
    let res = app
        .post_form(
            &link,
            &[
                ("password", new_password),
                ("password_again", "something else"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("not the same"));
    let res = app
        .post_form(
            &link,
            &[("password", new_password), ("password_again", new_password)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin");
    assert_eq!(
        app.get("/admin/jobs").await.status().as_u16(),
        200,
        "signed in"
    );

    // Every other session ended; the old password is gone; the lock is cleared.
    assert_eq!(laptop.get("/admin/jobs").await.status().as_u16(), 303);
    let phone = app.new_browser();
    assert_eq!(
        phone.login(OWNER_EMAIL, PASSWORD).await.status().as_u16(),
        401
    );
    assert_eq!(
        location(&phone.login(OWNER_EMAIL, new_password).await),
        "/admin"
    );
    let audited = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::audit_events;
            Ok(audit_events::table
                .filter(audit_events::action.eq("account.password_reset"))
                .count()
                .get_result::<i64>(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

async fn password_links_work_once_and_expire(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    ask_for_password_link(&app, OWNER_EMAIL).await;
    let link = password_link(&app, OWNER_EMAIL).await;
    let first = "first new password";
    let res = app
        .post_form(&link, &[("password", first), ("password_again", first)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // Used: refused, and the password stays.
    let other = app.new_browser();
    let res = other.get(&link).await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(res.text().await.unwrap().contains("no longer works"));
    let second = "second new password";
    let res = other
        .post_form(&link, &[("password", second), ("password_again", second)])
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(location(&other.login(OWNER_EMAIL, first).await), "/admin");

    // A newer link replaces an older one.
    ask_for_password_link(&app, OWNER_EMAIL).await;
    let older = password_link(&app, OWNER_EMAIL).await;
    ask_for_password_link(&app, OWNER_EMAIL).await;
    let link = password_link(&app, OWNER_EMAIL).await;
    assert_ne!(older, link);
    assert_eq!(other.get(&older).await.status().as_u16(), 404);
    assert_eq!(other.get(&link).await.status().as_u16(), 200);

    // Expired: refused.
    app.db
        .write(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::password_resets;
            diesel::update(password_resets::table)
                .set(
                    password_resets::expires_at
                        .eq(rapport::db::now() - chrono::Duration::seconds(1)),
                )
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(other.get(&link).await.status().as_u16(), 404);
    let res = other
        .post_form(&link, &[("password", second), ("password_again", second)])
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(
        other.login(OWNER_EMAIL, second).await.status().as_u16(),
        401
    );
}

async fn password_links_say_nothing_about_unknown_accounts_and_are_limited(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    let known = ask_for_password_link(&app, OWNER_EMAIL).await;
    let unknown = ask_for_password_link(&app, "stranger@example.com").await;
    assert_eq!(
        known, unknown,
        "the same page whether or not the account exists"
    );
    assert_eq!(outbox_count(&app, "stranger@example.com").await, 0);
    assert_eq!(outbox_count(&app, OWNER_EMAIL).await, 1);

    // Three links an hour per address, whatever the pace; the page never changes.
    let pages = join_all((0..10).map(|_| ask_for_password_link(&app, OWNER_EMAIL))).await;
    assert!(pages.iter().all(|p| p == &known));
    assert_eq!(outbox_count(&app, OWNER_EMAIL).await, 3);
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn sets_cookie(res: &reqwest::Response) -> bool {
    res.headers().get("set-cookie").is_some()
}

/// A published job with screening and one applicant; returns (slug, personal link).
async fn job_with_applicant(app: &TestApp) -> (String, String) {
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    app.set_screening(&id, &["generalist-en"], false).await;
    let candidate = app.new_browser();
    candidate
        .apply(&slug, "Ana Applicant", "ana@example.com", None)
        .await;
    let link = app.candidate_link("ana@example.com").await;
    (slug, link)
}

async fn personal_pages_are_never_stored(backend: Backend) {
    let app = spawn_app(backend).await;
    let (slug, link) = job_with_applicant(&app).await;
    // Staff pages (signed in as the owner).
    for path in ["/admin", "/admin/jobs", "/admin/team", "/api/v1/admin/jobs"] {
        let res = app.get(path).await;
        assert!(res.status().as_u16() < 400, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-store", "{path}");
    }
    // Sign-in and password pages, and the candidate's forms.
    let visitor = app.new_browser();
    for path in [
        "/login".to_string(),
        "/password/forgot".to_string(),
        format!("/jobs/{slug}/apply"),
        format!("/jobs/{slug}/link"),
    ] {
        let res = visitor.get(&path).await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-store", "{path}");
    }
    // The candidate's personal link, status and questionnaire.
    let res = visitor.get(&link).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(header(&res, "cache-control"), "no-store");
    let res = visitor.get("/candidate").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(header(&res, "cache-control"), "no-store");
    // An error page for a private path is private too.
    let res = app
        .anonymous()
        .get(app.url("/admin/jobs"))
        .send()
        .await
        .unwrap();
    assert_eq!(header(&res, "cache-control"), "no-store");

    // The public pages may be stored.
    for path in [
        "/",
        "/jobs",
        &format!("/jobs/{slug}"),
        "/jobs.atom",
        "/api/v1/jobs",
    ] {
        let res = app.anonymous().get(app.url(path)).send().await.unwrap();
        assert!(res.status().as_u16() < 400, "{path}");
        assert_ne!(header(&res, "cache-control"), "no-store", "{path}");
    }
}

async fn public_pages_set_no_cookie_and_forms_still_work(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    app.set_screening(&id, &["generalist-en"], false).await;
    for path in [
        "/".to_string(),
        "/jobs".to_string(),
        format!("/jobs/{slug}"),
        "/jobs.atom".to_string(),
        "/api/v1/jobs".to_string(),
        format!("/api/v1/jobs/{slug}"),
        "/healthz".to_string(),
        "/no-such-page".to_string(),
    ] {
        let res = app.anonymous().get(app.url(&path)).send().await.unwrap();
        assert!(!sets_cookie(&res), "{path} sets no cookie");
    }

    // A fresh browser follows the job page to the apply form and applies.
    let ana = app.new_browser();
    let job_page = ana.get_text(&format!("/jobs/{slug}")).await;
    assert!(job_page.contains(&format!(r#"href="/jobs/{slug}/apply""#)));
    assert!(job_page.contains(&format!(r#"href="/jobs/{slug}/link""#)));
    let form = ana.get(&format!("/jobs/{slug}/apply")).await;
    assert!(sets_cookie(&form), "a page with a form gives the cookie");
    let token = csrf_from(&form.text().await.unwrap()).expect("the form has a token");
    let multipart = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("name", "Ana Applicant")
        .text("email", "ana@example.com")
        .text("languages", "en")
        .text("fluencies", "fluent")
        .text("location", "Lisbon, Portugal")
        .text("cover_letter", "I love helping people.")
        .text("consent", "yes");
    let res = ana
        .client
        .post(ana.url(&format!("/jobs/{slug}/apply")))
        .multipart(multipart)
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "applied: {}",
        res.status()
    );
    assert!(outbox_count(&app, "ana@example.com").await >= 1);

    // Another fresh browser asks for the link again from its own page.
    let lost = app.new_browser();
    let form = lost.get(&format!("/jobs/{slug}/link")).await;
    assert!(sets_cookie(&form));
    let token = csrf_from(&form.text().await.unwrap()).unwrap();
    let before = outbox_count(&app, "ana@example.com").await;
    let res = lost
        .post_raw(
            &format!("/jobs/{slug}/link"),
            &[("email", "ana@example.com"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("Check your inbox"));
    assert_eq!(outbox_count(&app, "ana@example.com").await, before + 1);
}

async fn hsts_is_sent_only_over_https(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/healthz").await;
    assert_eq!(header(&res, "strict-transport-security"), "");

    let app = spawn_app_with(backend, |s| {
        s.base_url = Some("https://jobs.example.com".into());
    })
    .await;
    for path in ["/healthz", "/", "/login", "/no-such-page"] {
        let res = app.anonymous().get(app.url(path)).send().await.unwrap();
        assert_eq!(
            header(&res, "strict-transport-security"),
            "max-age=63072000; includeSubDomains",
            "{path}"
        );
    }
}

async fn head_is_answered_wherever_get_is(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;
    let client = app.anonymous();
    for path in [
        "/".to_string(),
        "/jobs".to_string(),
        format!("/jobs/{slug}"),
        format!("/jobs/{slug}/apply"),
        "/jobs.atom".to_string(),
        "/api/v1/jobs".to_string(),
        "/healthz".to_string(),
        "/login".to_string(),
        "/static/app.css".to_string(),
    ] {
        let get = client.get(app.url(&path)).send().await.unwrap();
        let head = client.head(app.url(&path)).send().await.unwrap();
        assert_eq!(head.status(), get.status(), "HEAD {path}");
        assert!(
            head.status().as_u16() < 400,
            "HEAD {path}: {}",
            head.status()
        );
        assert_eq!(
            header(&head, "content-type"),
            header(&get, "content-type"),
            "HEAD {path}"
        );
        assert!(
            head.bytes().await.unwrap().is_empty(),
            "HEAD {path} has no body"
        );
    }
    // A staff page still needs a session.
    let head = client.head(app.url("/admin/jobs")).send().await.unwrap();
    assert_eq!(head.status().as_u16(), 303);
    let head = client.head(app.url("/no-such-page")).send().await.unwrap();
    assert_eq!(head.status().as_u16(), 404);
    // The connection stays usable after a HEAD (no stray body bytes).
    let res = client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
}

/// Sends `request` on a raw connection and reads until the server answers
/// or closes; returns what it said and how long it took.
async fn raw_exchange(address: &str, request: String) -> (String, std::time::Duration) {
    let addr = address.trim_start_matches("http://").to_string();
    tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(15)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let started = std::time::Instant::now();
        let mut answer = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    answer.extend_from_slice(&buf[..n]);
                    if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
                Err(e) => panic!("no answer and no close after {:?}: {e}", started.elapsed()),
            }
        }
        (
            String::from_utf8_lossy(&answer).to_string(),
            started.elapsed(),
        )
    })
    .await
    .unwrap()
}

async fn a_body_that_stops_arriving_is_cut_off(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.body_timeout_secs = 1).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;

    // A multipart upload without its closing boundary (and short of its length).
    let part = "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAna\r\n--XyZ\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 ";
    let request = format!(
        "POST /jobs/{slug}/apply HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n{part}"
    );
    let (answer, took) = raw_exchange(&app.address, request).await;
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    assert!(answer.starts_with("HTTP/1.1 408"), "answered: {answer:?}");
    assert!(
        answer.contains("This took too long"),
        "answered: {answer:?}"
    );

    // A French visitor reads why in French.
    let request = format!(
        "POST /jobs/{slug}/apply HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n{part}"
    );
    let (answer, _) = raw_exchange(&app.address, request).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "answered: {answer:?}");
    assert!(
        answer.contains("Cela a pris trop de temps"),
        "answered: {answer:?}"
    );

    // The same with chunks that stop coming.
    let request = format!(
        "POST /jobs/{slug}/apply HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{part}\r\n",
        part.len()
    );
    let (answer, took) = raw_exchange(&app.address, request).await;
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    assert!(answer.starts_with("HTTP/1.1 408"), "answered: {answer:?}");

    // An ordinary form body cut short.
    let request = "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nemail=a%40example.com&pass".to_string();
    let (answer, took) = raw_exchange(&app.address, request).await;
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    assert!(answer.starts_with("HTTP/1.1 408"), "answered: {answer:?}");

    // Complete requests are untouched.
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    let res = app
        .new_browser()
        .apply(&slug, "Ana Applicant", "ana@example.com", None)
        .await;
    assert!(res.status().as_u16() < 400, "applied: {}", res.status());
}

async fn headers_that_never_end_are_cut_off(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.header_timeout_secs = 1).await;
    let request = "GET /jobs HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".to_string();
    let (answer, took) = raw_exchange(&app.address, request).await;
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "answered: {answer:?}"
    );
}

/// Moves every counted attempt `minutes` into the past.
async fn age_attempts(app: &TestApp, minutes: i64) {
    app.db
        .write(move |conn| {
            use diesel::prelude::*;
            use rapport::db::schema::rate_limit_hits;
            let rows: Vec<(String, chrono::NaiveDateTime)> = rate_limit_hits::table
                .select((rate_limit_hits::id, rate_limit_hits::at))
                .load(conn)?;
            for (id, at) in rows {
                diesel::update(rate_limit_hits::table.find(id))
                    .set(rate_limit_hits::at.eq(at - chrono::Duration::minutes(minutes)))
                    .execute(conn)?;
            }
            Ok(())
        })
        .await
        .unwrap();
}

async fn the_sign_in_limit_lifts_after_its_window(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    for _ in 0..5 {
        assert_eq!(app.login(OWNER_EMAIL, "wrong").await.status().as_u16(), 401);
    }
    assert_eq!(
        app.login(OWNER_EMAIL, PASSWORD).await.status().as_u16(),
        429
    );
    age_attempts(&app, 14).await;
    assert_eq!(
        app.login(OWNER_EMAIL, PASSWORD).await.status().as_u16(),
        429
    );
    age_attempts(&app, 2).await;
    assert_eq!(location(&app.login(OWNER_EMAIL, PASSWORD).await), "/admin");

    // Attempts older than a day are forgotten, whatever their key.
    age_attempts(&app, 24 * 60).await;
    app.login(OWNER_EMAIL, "wrong").await;
    let kept = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::rate_limit_hits;
            Ok(rate_limit_hits::table.count().get_result::<i64>(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(
        kept, 2,
        "only the last attempt, for its address and account"
    );
}
