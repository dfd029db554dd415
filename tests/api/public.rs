use crate::helpers::{spawn_app, Backend};
use crate::on_every_backend;

on_every_backend!(
    the_board_lists_open_jobs_newest_first_with_filters,
    the_job_page_carries_valid_job_posting_json_ld,
    the_feed_and_the_api_list_open_jobs,
    unknown_addresses_get_a_404_page,
    the_demo_loads_a_populated_board,
);

async fn the_board_lists_open_jobs_newest_first_with_filters(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    app.publish_job(&[("title", "Support Specialist (English)")])
        .await;
    app.publish_job(&[
        ("title", "Spécialiste support (français)"),
        ("workplace", "onsite"),
        ("location", "Lyon, France"),
        ("languages", "fr"),
        ("fluencies", "native"),
    ])
    .await;
    let board = app.get_text("/jobs").await;
    let en = board.find("Support Specialist (English)").unwrap();
    let fr = board.find("Spécialiste support (français)").unwrap();
    assert!(fr < en, "newest first");

    let remote = app.get_text("/jobs?remote=1").await;
    assert!(remote.contains("Support Specialist (English)"));
    assert!(!remote.contains("Spécialiste support"));

    let french = app.get_text("/jobs?language=fr").await;
    assert!(french.contains("Spécialiste support"));
    assert!(
        french.contains("Support Specialist (English)"),
        "the English job also asks for French"
    );
    let german = app.get_text("/jobs?language=de").await;
    assert!(german.contains("No open job matches these filters"));
    // Phones: the viewport is set.
    assert!(board.contains("width=device-width"));
}

fn json_ld(html: &str) -> serde_json::Value {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    let text: String = doc
        .select(&sel)
        .next()
        .expect("a JSON-LD block")
        .text()
        .collect();
    serde_json::from_str(&text).expect("JSON-LD parses")
}

async fn the_job_page_carries_valid_job_posting_json_ld(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app
        .publish_job(&[("remote_regions", "France, Belgium")])
        .await;
    let page = app.get_text(&format!("/jobs/{slug}")).await;
    let ld = json_ld(&page);
    assert_eq!(ld["@context"], "https://schema.org/");
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["title"], "Customer Support Specialist");
    assert!(ld["description"]
        .as_str()
        .unwrap()
        .contains("<strong>emails</strong>"));
    assert!(ld["datePosted"].as_str().unwrap().len() == 10);
    assert!(ld["validThrough"].as_str().unwrap().ends_with("T23:59:59Z"));
    assert_eq!(ld["employmentType"], "FULL_TIME");
    assert_eq!(ld["hiringOrganization"]["name"], "Glimmer Ratings");
    assert_eq!(
        ld["hiringOrganization"]["sameAs"],
        "https://glimmer.example"
    );
    assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
    let regions = ld["applicantLocationRequirements"].as_array().unwrap();
    assert_eq!(regions.len(), 2);
    assert_eq!(regions[0]["name"], "France");
    assert_eq!(ld["baseSalary"]["currency"], "EUR");
    assert_eq!(ld["baseSalary"]["value"]["minValue"], 40000);
    assert_eq!(ld["baseSalary"]["value"]["unitText"], "YEAR");
    // Share links point at the page.
    let doc = scraper::Html::parse_document(&page);
    let links: Vec<String> = doc
        .select(&scraper::Selector::parse(".share-links a").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let encoded: String =
        url::form_urlencoded::byte_serialize(format!("{}/jobs/{slug}", app.address).as_bytes())
            .collect();
    assert_eq!(links.len(), 4);
    assert!(links.iter().all(|l| l.contains(&encoded)), "{links:?}");

    let (_, onsite) = app
        .publish_job(&[
            ("title", "Support Agent Lyon"),
            ("workplace", "onsite"),
            ("location", "Lyon, France"),
            ("salary_min", ""),
            ("salary_max", ""),
        ])
        .await;
    let ld = json_ld(&app.get_text(&format!("/jobs/{onsite}")).await);
    assert_eq!(ld["jobLocation"]["address"]["addressLocality"], "Lyon");
    assert_eq!(ld["jobLocation"]["address"]["addressCountry"], "France");
    assert!(ld.get("jobLocationType").is_none());
    assert!(ld.get("baseSalary").is_none());
}

async fn the_feed_and_the_api_list_open_jobs(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;
    app.create_job(&[("title", "Draft Support Role")]).await;

    let res = app.get("/jobs.atom").await;
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let feed: atom_syndication::Feed = res.text().await.unwrap().parse().expect("valid Atom");
    assert_eq!(feed.entries().len(), 1);
    assert_eq!(
        feed.entries()[0].title().as_str(),
        "Customer Support Specialist"
    );
    assert!(feed.entries()[0].id().ends_with(&format!("/jobs/{slug}")));

    let api: serde_json::Value = app.get("/api/v1/jobs").await.json().await.unwrap();
    let jobs = api["jobs"].as_array().unwrap();
    assert_eq!(jobs.len(), 1, "drafts are not syndicated");
    assert_eq!(jobs[0]["slug"], slug);
    assert_eq!(
        jobs[0]["salary"],
        serde_json::json!({ "min": 40000, "max": 48000, "currency": "EUR", "period": "year" })
    );
    let one = app.get(&format!("/api/v1/jobs/{slug}")).await;
    assert_eq!(one.status().as_u16(), 200);
    let missing = app.get("/api/v1/jobs/draft-support-role").await;
    assert_eq!(missing.status().as_u16(), 404);
    let body: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}

async fn unknown_addresses_get_a_404_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/jobs/no-such-job").await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(res.text().await.unwrap().contains("Page not found"));
    assert_eq!(app.get("/nothing/here").await.status().as_u16(), 404);
}

async fn the_demo_loads_a_populated_board(backend: Backend) {
    let app = spawn_app(backend).await;
    let library = rapport::questionnaires::Library::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires"
    )));
    let report = rapport::demo::load(&app.db, &library, &app.address).unwrap();
    assert!(report.contains("Loaded 2"));
    // The address the server really listens on, not a fixed default.
    assert!(
        report.contains(&format!("open {}/jobs", app.address)),
        "{report}"
    );
    assert!(!report.contains(":8080"));
    let again = rapport::demo::load(&app.db, &library, &app.address).unwrap();
    assert!(again.contains("already there"));
    let board = app.get_text("/jobs").await;
    assert!(board.contains("Customer Support Specialist"));
    assert!(board.contains("Technical Support Engineer"));
    assert!(board.contains("Glimmer Ratings"));
    // Candidates at different stages, strong and weak, for the review page.
    let apps = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::applications;
            Ok(applications::table
                .select((
                    applications::name,
                    applications::stage,
                    applications::screen_passed,
                ))
                .load::<(String, String, Option<i32>)>(c)?)
        })
        .await
        .unwrap();
    let find = |n: &str| apps.iter().find(|a| a.0 == n).cloned().unwrap();
    assert_eq!(find("Ana Lima").2, Some(1));
    assert_eq!(find("Tom Becker").1, "screen_review");
    assert_eq!(find("Tom Becker").2, Some(0));
    assert_eq!(find("Sam Okafor").1, "screening");
    // The team's side: an interview, scorecards and a decision in progress.
    assert_eq!(find("Ana Lima").1, "interview", "moved on to the interview");
    assert_eq!(find("Chloé Martin").1, "team_decision");
    assert!(report.contains("sign in as fran@glimmer.example"));
    let counts: (i64, i64, i64) = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::{interviews, scorecards, votes};
            Ok((
                interviews::table.count().get_result(c)?,
                scorecards::table.count().get_result(c)?,
                votes::table.count().get_result(c)?,
            ))
        })
        .await
        .unwrap();
    // Two scorecards in progress, and two for each of the 13 past
    // candidates who were interviewed (for the insight pages).
    assert_eq!(counts, (1, 2 + 2 * 13, 1));
}
