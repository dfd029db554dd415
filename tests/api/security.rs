use crate::helpers::{location, spawn_app, Backend, PASSWORD};
use crate::on_every_backend;

on_every_backend!(
    every_staff_route_refuses_anonymous_requests,
    interviewers_cannot_use_owner_routes,
    posts_without_a_valid_csrf_token_change_nothing,
    user_strings_are_inert_everywhere,
    oversized_bodies_are_refused,
);

const ID: &str = "{id}";

/// Every staff route: (method, path). `{id}` is replaced with a real job id.
const STAFF_ROUTES: &[(&str, &str)] = &[
    ("GET", "/admin"),
    ("GET", "/admin/jobs"),
    ("GET", "/admin/jobs/new"),
    ("GET", "/admin/jobs/{id}/edit"),
    ("GET", "/admin/jobs/{id}/preview"),
    ("GET", "/admin/team"),
    ("POST", "/admin/jobs"),
    ("POST", "/admin/jobs/{id}"),
    ("POST", "/admin/jobs/{id}/publish"),
    ("GET", "/admin/jobs/{id}/close"),
    ("POST", "/admin/jobs/{id}/close"),
    ("POST", "/admin/jobs/{id}/reopen"),
    ("POST", "/admin/team/invitations"),
    ("POST", "/admin/team/invitations/{id}/revoke"),
    ("POST", "/admin/jobs/{id}/screening"),
    ("POST", "/admin/jobs/{id}/bulk"),
    ("POST", "/admin/jobs/{id}/pipeline"),
    ("POST", "/admin/applications/{id}/move"),
    ("POST", "/admin/applications/{id}/interviews"),
    ("POST", "/admin/applications/{id}/offer"),
    ("POST", "/admin/applications/{id}/offer-answer"),
    ("POST", "/admin/applications/{id}/rejection-email"),
    ("GET", "/admin/applications/{id}/cv"),
    ("POST", "/admin/answers/{id}/override"),
    ("POST", "/admin/interviews/{id}"),
    ("POST", "/admin/interviews/{id}/cancel"),
    ("GET", "/admin/kits"),
    ("POST", "/admin/kits/culture"),
    ("GET", "/admin/jobs/{id}/emails/rejection"),
    ("POST", "/admin/jobs/{id}/emails/rejection"),
];

/// Staff routes open to the hiring panel as well as owners (checked per
/// candidate in the pipeline tests): anonymous requests go to sign in.
const PANEL_ROUTES: &[(&str, &str)] = &[
    ("GET", "/admin/jobs/{id}/board"),
    ("GET", "/admin/jobs/{id}/applications"),
    ("GET", "/admin/applications"),
    ("GET", "/admin/applications/{id}"),
    ("GET", "/admin/applications/{id}/decision"),
    ("POST", "/admin/applications/{id}/scorecard"),
    ("POST", "/admin/applications/{id}/vote"),
    ("GET", "/admin/interviews/{id}"),
];

const STAFF_API_ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/v1/admin/jobs"),
    ("POST", "/api/v1/admin/jobs"),
];

async fn every_staff_route_refuses_anonymous_requests(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let id = app.create_job(&[]).await;
    let anon = app.new_browser();
    let token = anon.csrf_token().await;
    for (method, path) in STAFF_ROUTES.iter().chain(PANEL_ROUTES) {
        let url = anon.url(&path.replace(ID, &id));
        let res = match *method {
            "GET" => anon.client.get(&url).send().await.unwrap(),
            _ => anon
                .client
                .post(&url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!(
                    "csrf_token={token}&title=x&reason=filled&confirm=yes"
                ))
                .send()
                .await
                .unwrap(),
        };
        assert_eq!(
            res.status().as_u16(),
            303,
            "{method} {path} must redirect to sign in"
        );
        assert!(
            location(&res).starts_with("/login"),
            "{method} {path} → {}",
            location(&res)
        );
    }
    for (method, path) in STAFF_API_ROUTES {
        let url = anon.url(path);
        let res = match *method {
            "GET" => anon.client.get(&url).send().await.unwrap(),
            _ => anon
                .client
                .post(&url)
                .json(&serde_json::json!({"title": "x"}))
                .send()
                .await
                .unwrap(),
        };
        assert_eq!(
            res.status().as_u16(),
            401,
            "{method} {path} must answer 401"
        );
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "unauthorized");
    }
    // Nothing changed: still one draft.
    let jobs = app.db.read(rapport::db::jobs::list_all).await.unwrap();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].status, rapport::domain::job::JobStatus::Draft);
}

async fn interviewers_cannot_use_owner_routes(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let id = app.create_job(&[]).await;
    app.create_user("ivy@example.com", "interviewer").await;
    let ivy = app.new_browser();
    assert_eq!(
        ivy.login("ivy@example.com", PASSWORD)
            .await
            .status()
            .as_u16(),
        303
    );
    for (method, path) in STAFF_ROUTES.iter().filter(|(_, p)| *p != "/admin") {
        let path = path.replace(ID, &id);
        let res = match *method {
            "GET" => ivy.get(&path).await,
            _ => {
                ivy.post_form(
                    &path,
                    &[("reason", "filled"), ("confirm", "yes"), ("title", "x")],
                )
                .await
            }
        };
        assert_eq!(res.status().as_u16(), 403, "{method} {path} is for owners");
    }
    let jobs = app.db.read(rapport::db::jobs::list_all).await.unwrap();
    assert_eq!(jobs[0].status, rapport::domain::job::JobStatus::Draft);
}

async fn posts_without_a_valid_csrf_token_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let form = crate::helpers::valid_job_form();

    let res = app.post_raw("/admin/jobs", &form).await;
    assert_eq!(res.status().as_u16(), 403, "no token");
    assert!(res.text().await.unwrap().contains("nothing was changed"));

    let mut wrong = form.clone();
    wrong.push((
        "csrf_token",
        "0000000000000000000000000000000000000000000000000000000000000000",
    ));
    assert_eq!(
        app.post_raw("/admin/jobs", &wrong).await.status().as_u16(),
        403,
        "wrong token"
    );

    // A valid token from another browser is not valid here.
    let other = app.new_browser();
    let foreign = other.csrf_token().await;
    let mut stolen = form.clone();
    stolen.push(("csrf_token", &foreign));
    assert_eq!(
        app.post_raw("/admin/jobs", &stolen).await.status().as_u16(),
        403,
        "someone else's token"
    );

    // Sign-in and sign-out are protected too.
    let res = app.post_raw("/logout", &[]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        app.get("/admin/jobs").await.status().as_u16(),
        200,
        "still signed in"
    );

    assert!(app
        .db
        .read(rapport::db::jobs::list_all)
        .await
        .unwrap()
        .is_empty());
}

async fn user_strings_are_inert_everywhere(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let evil_title = "Support <script>alert('t')</script> Agent";
    let evil_md =
        "Hi <script>alert('s')</script> <img src=x onerror=alert('i')> [x](javascript:alert('j'))";
    let (id, slug) = app
        .publish_job(&[
            ("title", evil_title),
            ("typical_day", evil_md),
            ("looking_for", evil_md),
            ("tools", "<script>alert('tool')</script>"),
        ])
        .await;
    let pages = [
        "/jobs".to_string(),
        format!("/jobs/{slug}"),
        "/jobs.atom".to_string(),
        "/api/v1/jobs".to_string(),
        "/admin/jobs".to_string(),
        format!("/admin/jobs/{id}/edit"),
        format!("/admin/jobs/{id}/preview"),
    ];
    for page in &pages {
        let body = app.get_text(page).await;
        // Escaped text may mention "onerror"; what matters is that no element
        // carries a handler, a javascript: link, or an executable script.
        assert!(
            !body.contains("<script>alert"),
            "{page} contains a live script"
        );
        if page.starts_with("/jobs.atom") || page.starts_with("/api/") {
            assert!(
                !body.contains("<script") && !body.contains("<img"),
                "{page} carries raw markup"
            );
            continue;
        }
        let doc = scraper::Html::parse_document(&body);
        for el in doc.select(&scraper::Selector::parse("*").unwrap()) {
            for (name, value) in el.value().attrs() {
                assert!(
                    !name.starts_with("on"),
                    "{page}: <{} {name}={value}>",
                    el.value().name()
                );
                assert!(
                    !value.trim_start().to_lowercase().starts_with("javascript:"),
                    "{page}: {name}={value}"
                );
            }
            if el.value().name() == "script" {
                assert_eq!(
                    el.value().attr("type"),
                    Some("application/ld+json"),
                    "{page}: only data scripts"
                );
            }
        }
    }
    let page = app.get_text(&format!("/jobs/{slug}")).await;
    assert!(
        page.contains("Support &lt;script&gt;alert"),
        "the title is shown, escaped"
    );
    // The JSON-LD block cannot be closed early, and still says the real title.
    let doc = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    let blocks: Vec<String> = doc.select(&sel).map(|s| s.text().collect()).collect();
    assert_eq!(blocks.len(), 1);
    let ld: serde_json::Value = serde_json::from_str(&blocks[0]).unwrap();
    assert_eq!(ld["title"], evil_title);
    assert!(!ld["description"].as_str().unwrap().contains("<script"));
    let feed: atom_syndication::Feed = app.get_text("/jobs.atom").await.parse().unwrap();
    let html = feed.entries()[0].content().unwrap().value().unwrap();
    let fragment = scraper::Html::parse_fragment(html);
    for el in fragment.select(&scraper::Selector::parse("*").unwrap()) {
        assert_ne!(el.value().name(), "script", "feed content has a script");
        assert!(
            el.value().attrs().all(|(n, _)| !n.starts_with("on")),
            "feed content has a handler"
        );
    }
}

async fn oversized_bodies_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let huge = "x".repeat(300 * 1024);
    let mut form = crate::helpers::valid_job_form();
    form.push(("typical_day", &huge));
    let res = app.post_form("/admin/jobs", &form).await;
    assert_eq!(res.status().as_u16(), 413);
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", app.csrf_token().await)
        .json(&serde_json::json!({ "title": huge }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    let body: serde_json::Value = res.json().await.unwrap();
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("larger"));
    assert!(app
        .db
        .read(rapport::db::jobs::list_all)
        .await
        .unwrap()
        .is_empty());
}
