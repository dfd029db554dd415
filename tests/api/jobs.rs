use crate::helpers::{location, spawn_app, Backend};
use crate::on_every_backend;

on_every_backend!(
    invalid_job_forms_show_messages_and_store_nothing,
    a_job_goes_from_draft_to_published_to_closed_and_back,
    the_review_advises_and_publishing_past_it_asks_first,
    the_tier_mix_recommends_a_profile_and_questionnaire_tiers,
    editing_a_job_keeps_its_address,
    the_json_api_creates_drafts_and_rejects_bad_json,
);

async fn job_count(app: &crate::helpers::TestApp) -> usize {
    app.db
        .read(rapport::db::jobs::list_all)
        .await
        .unwrap()
        .len()
}

async fn invalid_job_forms_show_messages_and_store_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let mut form = crate::helpers::valid_job_form();
    form.retain(|(k, _)| {
        !matches!(
            *k,
            "title" | "tier1" | "salary_currency" | "languages" | "fluencies"
        )
    });
    form.extend([("title", ""), ("tier1", "90"), ("salary_currency", "euros")]);
    let res = app.post_form("/admin/jobs", &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse(".error-summary a").unwrap();
    let targets: Vec<_> = doc
        .select(&sel)
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    for field in ["#title", "#tier_mix", "#salary", "#languages"] {
        assert!(
            targets.contains(&field.to_string()),
            "summary links to {field}: {targets:?}"
        );
    }
    assert!(html.contains("Give the job a title."));
    assert!(html.contains("must add up to 100%"));
    assert!(html.contains("three-letter code"));
    // What was typed is kept.
    assert!(html.contains("Help Scout, WordPress"));
    assert_eq!(job_count(&app).await, 0);
}

async fn a_job_goes_from_draft_to_published_to_closed_and_back(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let id = app.create_job(&[]).await;
    let job = app
        .get_text(&format!("/admin/jobs/{id}/edit?saved=1"))
        .await;
    assert!(job.contains("Saved."));

    // A draft is not public, but the owner can preview it.
    assert!(!app
        .get_text("/jobs")
        .await
        .contains("Customer Support Specialist"));
    let slug = "customer-support-specialist";
    assert_eq!(
        app.get(&format!("/jobs/{slug}")).await.status().as_u16(),
        404
    );
    let preview = app.get_text(&format!("/admin/jobs/{id}/preview")).await;
    assert!(preview.contains("Preview."));
    assert!(
        preview.contains("<strong>emails</strong>"),
        "Markdown is rendered"
    );

    let res = app
        .post_form(&format!("/admin/jobs/{id}/publish"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303, "no advice: publishes at once");
    assert!(app
        .get_text("/jobs")
        .await
        .contains("Customer Support Specialist"));
    assert_eq!(
        app.get(&format!("/jobs/{slug}")).await.status().as_u16(),
        200
    );

    // Close as filled: the page stays, says so, and leaves the board and feeds.
    let res = app
        .post_form(&format!("/admin/jobs/{id}/close"), &[("reason", "filled")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let page = app.get(&format!("/jobs/{slug}")).await;
    assert_eq!(page.status().as_u16(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("This job is closed"));
    assert!(page.contains("We found the person"));
    assert!(
        !page.contains("id=\"apply\""),
        "no apply box on a closed job"
    );
    assert!(
        !page.contains("application/ld+json"),
        "search engines drop closed postings"
    );
    assert!(!app
        .get_text("/jobs")
        .await
        .contains("Customer Support Specialist"));
    assert!(!app
        .get_text("/jobs.atom")
        .await
        .contains("Customer Support Specialist"));
    let api: serde_json::Value = app.get("/api/v1/jobs").await.json().await.unwrap();
    assert_eq!(api["jobs"].as_array().unwrap().len(), 0);

    // Closing twice is refused with a clear message.
    let res = app
        .post_form(&format!("/admin/jobs/{id}/close"), &[("reason", "filled")])
        .await;
    assert_eq!(res.status().as_u16(), 400);

    let res = app
        .post_form(&format!("/admin/jobs/{id}/reopen"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app
        .get_text("/jobs")
        .await
        .contains("Customer Support Specialist"));

    // Every change is in the audit trail.
    let trail = app
        .db
        .read(move |c| rapport::db::audit::for_subject(c, "job", &id))
        .await
        .unwrap();
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    for a in ["job.created", "job.published", "job.closed", "job.reopened"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
}

async fn the_review_advises_and_publishing_past_it_asks_first(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let id = app
        .create_job(&[
            ("title", "Happiness Hero"),
            ("salary_min", ""),
            ("salary_max", ""),
            ("tools", ""),
        ])
        .await;
    let editor = app.get_text(&format!("/admin/jobs/{id}/edit")).await;
    assert!(editor.contains("The title uses “Happiness”"));
    assert!(editor.contains("No salary is given."));
    assert!(editor.contains("No tools or platforms are named."));
    assert!(
        editor.contains("read as condescending"),
        "each item says why"
    );

    let res = app
        .post_form(&format!("/admin/jobs/{id}/publish"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let confirm = res.text().await.unwrap();
    assert!(confirm.contains("Publish anyway"));
    let id2 = id.clone();
    let job = app
        .db
        .read(move |c| rapport::db::jobs::find(c, &id2))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        job.status,
        rapport::domain::job::JobStatus::Draft,
        "not published without confirmation"
    );

    let res = app
        .post_form(&format!("/admin/jobs/{id}/publish"), &[("confirm", "yes")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.get_text("/jobs").await.contains("Happiness Hero"));
}

async fn the_tier_mix_recommends_a_profile_and_questionnaire_tiers(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let id = app
        .create_job(&[("tier1", "20"), ("tier2", "30"), ("tier3", "50")])
        .await;
    let editor = app.get_text(&format!("/admin/jobs/{id}/edit")).await;
    assert!(editor.contains("Recommended profile: Support engineer (support plus coding)"));
    assert!(editor.contains("tiers 1, 2, 3"));
    let id = app
        .create_job(&[
            ("title", "Support Generalist"),
            ("tier1", "80"),
            ("tier2", "20"),
            ("tier3", "0"),
        ])
        .await;
    let editor = app.get_text(&format!("/admin/jobs/{id}/edit")).await;
    assert!(editor.contains("Recommended profile: Generalist"));
    assert!(editor.contains("tiers 1, 2."));
}

async fn editing_a_job_keeps_its_address(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    let mut form = crate::helpers::valid_job_form();
    form.retain(|(k, _)| *k != "title");
    form.push(("title", "Customer Support Specialist (French)"));
    let res = app.post_form(&format!("/admin/jobs/{id}"), &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).ends_with("/edit?saved=1"));
    let page = app.get_text(&format!("/jobs/{slug}")).await;
    assert!(page.contains("Customer Support Specialist (French)"));
    // A second job with the same title gets its own address.
    let (_, slug2) = app.publish_job(&[]).await;
    assert_eq!(slug2, format!("{slug}-2"));
}

async fn the_json_api_creates_drafts_and_rejects_bad_json(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    // A signed-in browser's writes carry the page's CSRF token.
    let csrf = app.csrf_token().await;
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", &csrf)
        .header("content-type", "application/json")
        .body("{\"title\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    assert!(body["error"]["message"].as_str().unwrap().contains("JSON"));

    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({ "title": "API Support Agent", "workplace": "mars" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid");
    assert!(body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["field"] == "workplace"));
    assert_eq!(job_count(&app).await, 0);

    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({
            "title": "API Support Agent", "workplace": "remote", "employment_type": "part_time",
            "languages": ["en"], "fluencies": ["fluent"], "tier1": "100", "tier2": "0", "tier3": "0"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "draft");
    assert_eq!(body["slug"], "api-support-agent");
}

/// Saving a job without changes keeps every character of its Markdown
/// (multi-line text in a form must come back exactly as typed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_round_trips_multi_line_text_exactly() {
    let app = spawn_app(Backend::Sqlite).await;
    app.sign_up_owner().await;
    let text = "First paragraph.\n\n  Indented line\n- a\n- b";
    let id = app.create_job(&[("typical_day", text)]).await;
    let editor = app.get_text(&format!("/admin/jobs/{id}/edit")).await;
    let doc = scraper::Html::parse_document(&editor);
    let sel = scraper::Selector::parse("textarea#typical_day").unwrap();
    let shown: String = doc.select(&sel).next().unwrap().text().collect();
    assert_eq!(shown.trim_start_matches('\n'), text);
}
