//! Issue 8 (trust): sign-in limits under concurrency, the redirect after
//! sign-in, the resend-link limit, password reset, headers, HEAD and
//! request timeouts.

use futures::future::join_all;

use crate::helpers::{
    location, spawn_app, spawn_app_with, Backend, TestApp, OWNER_EMAIL, PASSWORD,
};
use crate::on_every_backend;

on_every_backend!(
    parallel_wrong_passwords_check_at_most_five,
    parallel_sign_ins_from_one_address_check_at_most_twenty,
    after_sign_in_only_plain_local_paths_are_followed,
    sending_the_link_again_is_limited_per_address_and_per_client,
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
