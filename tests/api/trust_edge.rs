//! Input at the edge: control characters, refused input, job addresses,
//! the public API's shape, the post review and what people read.

use crate::helpers::{
    exemplars, location, question_ids, round_of, spawn_app, valid_job_form, Backend, Browser,
    TestApp, OWNER_EMAIL,
};
use crate::on_every_backend;

on_every_backend!(nul_bytes_are_removed_wherever_candidates_type,);

/// An owner and a published job screening with generalist-en.
async fn job_with_screening(app: &TestApp) -> (String, String) {
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    app.set_screening(&id, &["generalist-en"], false).await;
    (id, slug)
}

async fn open_link(browser: &Browser, link: &str) -> String {
    let res = browser.client.get(link).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303);
    browser.get_text("/candidate").await
}

fn assert_no_server_error(res: &reqwest::Response, what: &str) {
    assert!(
        res.status().as_u16() < 500,
        "{what}: answered {}",
        res.status()
    );
}

async fn nul_bytes_are_removed_wherever_candidates_type(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app).await;
    let ana = app.new_browser();
    let token = ana.csrf_token().await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("name", "Ana\u{0} Lima")
        .text("email", "ana@example.com\u{0}")
        .text("languages", "en")
        .text("fluencies", "fluent")
        .text("location", "Lis\u{0}bon\u{7}, Portugal")
        .text("timezone", "Europe/Lis\u{0}bon")
        .text(
            "cover_letter",
            "Dear team,\r\n\tI\u{0} love helping\u{1b} people.",
        )
        .text("consent", "yes");
    let res = ana
        .client
        .post(ana.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_no_server_error(&res, "applying");
    let id = job_id.clone();
    let stored = app
        .db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &id, "ana@example.com"))
        .await
        .unwrap()
        .expect("the application is stored, without the NUL");
    assert_eq!(stored.name, "Ana Lima");
    assert_eq!(stored.location, "Lisbon, Portugal");
    assert_eq!(stored.cover_letter, "Dear team,\n\tI love helping people.");
    assert!(!stored.timezone.contains('\u{0}'));

    // Answers: saved by the button, by autosave, and submitted.
    let link = app.candidate_link("ana@example.com").await;
    let page = open_link(&ana, &link).await;
    let round = round_of(&page);
    let questions = question_ids(&page);
    let q0 = format!("answer-{}", questions[0]);
    let q1 = format!("answer-{}", questions[1]);
    let res = ana
        .post_form(
            "/candidate/answers",
            &[("round", &round), (&q0, "Hello\u{0} there")],
        )
        .await;
    assert_no_server_error(&res, "saving answers");
    assert_eq!(location(&res), "/candidate?notice=saved");
    let token = ana.csrf_token().await;
    let res = ana
        .client
        .post(ana.url("/candidate/answers"))
        .header("x-autosave", "1")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            serde_html_form::to_string([
                ("round", round.as_str()),
                (q1.as_str(), "auto\u{0}saved"),
                ("csrf_token", token.as_str()),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_no_server_error(&res, "autosaving");
    assert_eq!(res.status().as_u16(), 200);
    let r = round.clone();
    let answers = app
        .db
        .read(move |c| rapport::db::screenings::answers(c, &r))
        .await
        .unwrap();
    let bodies: Vec<&str> = answers.iter().map(|a| a.body.as_str()).collect();
    assert!(bodies.contains(&"Hello there"), "{bodies:?}");
    assert!(bodies.contains(&"autosaved"), "{bodies:?}");

    let res = ana
        .post_form(
            "/candidate/submit",
            &[
                ("round", &round),
                ("confirm", "yes"),
                (&q0, "Sorry\u{0} for the trouble.\r\nWhat do you see?"),
                (&q1, "Thanks\u{0}!"),
            ],
        )
        .await;
    assert_no_server_error(&res, "submitting");
    assert_eq!(res.status().as_u16(), 303);
    let r = round.clone();
    let answers = app
        .db
        .read(move |c| rapport::db::screenings::answers(c, &r))
        .await
        .unwrap();
    assert!(answers.iter().all(|a| !a.body.contains('\u{0}')));
    assert!(answers
        .iter()
        .any(|a| a.body == "Sorry for the trouble.\nWhat do you see?"));

    // Asking for the link again with a NUL in the address.
    let res = ana
        .post_form(
            &format!("/jobs/{slug}/link"),
            &[("email", "ana@example.com\u{0}")],
        )
        .await;
    assert_no_server_error(&res, "resending the link");
    // Staff forms too: a job title with a NUL.
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}"),
            &crate::helpers::valid_job_form()
                .into_iter()
                .map(|(k, v)| {
                    if k == "title" {
                        (k, "Customer\u{0} Support Specialist")
                    } else {
                        (k, v)
                    }
                })
                .collect::<Vec<_>>(),
        )
        .await;
    assert_no_server_error(&res, "editing a job");
    // And JSON bodies.
    let mut body = job_json();
    body["title"] = serde_json::json!("API\u{0} Support Agent");
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", app.csrf_token().await)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let job: serde_json::Value = res.json().await.unwrap();
    assert_eq!(job["title"], "API Support Agent");
}

/// The valid job form as a JSON body for the API.
fn job_json() -> serde_json::Value {
    let mut body = serde_json::Map::new();
    for (k, v) in crate::helpers::valid_job_form() {
        if matches!(k, "languages" | "fluencies" | "channels") {
            body.entry(k)
                .or_insert_with(|| serde_json::json!([]))
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!(v));
        } else {
            body.insert(k.into(), serde_json::json!(v));
        }
    }
    serde_json::Value::Object(body)
}

on_every_backend!(nul_bytes_in_addresses_are_not_server_errors);

async fn nul_bytes_in_addresses_are_not_server_errors(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    for path in [
        "/jobs/%00".to_string(),
        "/jobs/a%00b/apply".to_string(),
        "/jobs?lang=%00&remote=%00".to_string(),
        "/api/v1/jobs/%00".to_string(),
        "/c/%00".to_string(),
        format!("/admin/jobs/{job_id}/applications?q=a%00b&stage=%00&sort=%00"),
        format!("/admin/jobs/{job_id}/board?q=a%00b"),
        "/admin/jobs/%00/edit".to_string(),
        "/admin/applications/%00".to_string(),
        "/admin/interviews/%00".to_string(),
        format!("/admin/jobs/{job_id}/emails/%00"),
        format!("/jobs/{slug}?x=%00"),
    ] {
        let res = app.get(&path).await;
        assert_no_server_error(&res, &path);
    }
}

on_every_backend!(
    unknown_choices_are_refused_and_change_nothing,
    a_scorecard_for_a_made_up_interview_is_refused,
);

async fn user_id(app: &TestApp, email: &str) -> String {
    let email = email.to_string();
    app.db
        .read(move |c| rapport::db::users::find_by_email(c, &email))
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A screened candidate (strong answers) moved to interview, with an
/// interview booked by the owner, who is on the panel. Returns (job id,
/// application id, interview id).
async fn candidate_with_interview(app: &TestApp) -> (String, String, String) {
    candidate_with_interview_answering(app, &[]).await
}

/// The same, with some strong answers replaced by `answers` (question, text).
async fn candidate_with_interview_answering(
    app: &TestApp,
    answers: &[(&str, &str)],
) -> (String, String, String) {
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    app.set_screening(&job_id, &["generalist-en"], true).await;
    let ana = app.new_browser();
    assert!(ana
        .apply(&slug, "Ana Lima", "ana@example.com", None)
        .await
        .status()
        .is_success());
    let link = app.candidate_link("ana@example.com").await;
    let page = open_link(&ana, &link).await;
    let mut form: Vec<(String, String)> = vec![
        ("round".into(), round_of(&page)),
        ("confirm".into(), "yes".into()),
    ];
    form.extend(exemplars("strong").into_iter().map(|(q, a)| {
        let a = answers
            .iter()
            .find(|(id, _)| *id == q)
            .map(|(_, text)| text.to_string())
            .unwrap_or(a);
        (format!("answer-{q}"), a)
    }));
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = ana.post_form("/candidate/submit", &refs).await;
    assert_eq!(res.status().as_u16(), 303);
    let jid = job_id.clone();
    let app_id = app
        .db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &jid, "ana@example.com"))
        .await
        .unwrap()
        .unwrap()
        .id;
    let fran = user_id(app, OWNER_EMAIL).await;
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/pipeline"),
            &[("panel", fran.as_str())],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/move"),
            &[("to", "interview"), ("reason", "strong screen")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/interviews"),
            &[
                ("kind", "culture"),
                ("date", "2027-03-02"),
                ("time", "14:00"),
                ("timezone", "Europe/Paris"),
                ("duration_minutes", "45"),
                ("location", "https://meet.example.com/ana"),
                ("interviewers", &fran),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let aid = app_id.clone();
    let interview_id = app
        .db
        .read(move |c| rapport::db::interviews::for_application(c, &aid))
        .await
        .unwrap()
        .first()
        .expect("an interview")
        .id
        .clone();
    (job_id, app_id, interview_id)
}

const SCORECARD: &[(&str, &str)] = &[
    ("rating_empathy", "4"),
    ("rating_curiosity", "3"),
    ("rating_humility", "3"),
    ("rating_dedication", "4"),
    ("rating_technical_inclination", "3"),
    ("notes_empathy", "Calm and kind in the role-play."),
    ("recommendation", "4"),
    ("overall_notes", "A great first hire."),
];

async fn a_scorecard_for_a_made_up_interview_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, app_id, interview_id) = candidate_with_interview(&app).await;
    let mut card = SCORECARD.to_vec();
    card.push(("interview", "6acbdb2e5f0e4a6c9d1b2e3f4a5b6c7d"));
    let res = app
        .post_form(&format!("/admin/applications/{app_id}/scorecard"), &card)
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("names an interview that is not one of Ana Lima"));
    let id = app_id.clone();
    let cards = app
        .db
        .read(move |c| rapport::db::scorecards::for_application(c, &id))
        .await
        .unwrap();
    assert!(cards.is_empty(), "nothing stored");
    // The real interview is accepted.
    let mut card = SCORECARD.to_vec();
    card.push(("interview", &interview_id));
    let res = app
        .post_form(&format!("/admin/applications/{app_id}/scorecard"), &card)
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn unknown_choices_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let job_id = app.create_job(&[]).await;

    // An unknown salary period, next to the salary field.
    let mut form = valid_job_form();
    form.retain(|(k, _)| *k != "salary_period" && *k != "title");
    form.push(("salary_period", "fortnight"));
    form.push(("title", "Support Lead"));
    let res = app.post_form(&format!("/admin/jobs/{job_id}"), &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Choose whether the salary is per year, per month or per hour."));
    let id = job_id.clone();
    let job = app
        .db
        .read(move |c| rapport::db::jobs::find(c, &id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        job.posting.title, "Customer Support Specialist",
        "unchanged"
    );
    let mut body = job_json();
    body["salary_period"] = serde_json::json!("fortnight");
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", app.csrf_token().await)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);

    // An unknown action on an email template.
    let path = format!("/admin/jobs/{job_id}/emails/rejection");
    let res = app
        .post_form(
            &path,
            &[
                ("subject", "Changed"),
                ("body", "Changed body"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("Choose Preview, Save"));
    let id = job_id.clone();
    let stored = app
        .db
        .read(move |c| {
            rapport::db::email_templates::get(c, &id, "rejection", rapport::i18n::Locale::ENGLISH)
        })
        .await
        .unwrap();
    assert!(stored.is_none(), "nothing saved");

    // A form endpoint refuses a body that is not a form.
    let token = app.csrf_token().await;
    for (content_type, body) in [
        (
            "application/json",
            format!(r#"{{"csrf_token": "{token}", "reason": "filled"}}"#),
        ),
        (
            "text/plain",
            format!("csrf_token={token}&reason=filled&confirm=yes"),
        ),
    ] {
        let res = app
            .client
            .post(app.url(&format!("/admin/jobs/{job_id}/close")))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 415, "{content_type}");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("application/x-www-form-urlencoded"));
    }
    let res = app
        .client
        .post(app.url(&format!("/admin/jobs/{job_id}/close")))
        .body(format!("csrf_token={token}&reason=filled&confirm=yes"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 415, "no content type");
    // Multipart where a form is expected, and a form where multipart is.
    let res = app
        .client
        .post(app.url(&format!("/admin/jobs/{job_id}/close")))
        .multipart(
            reqwest::multipart::Form::new()
                .text("csrf_token", token.clone())
                .text("reason", "filled"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 415);
    let id = job_id.clone();
    let job = app
        .db
        .read(move |c| rapport::db::jobs::find(c, &id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, rapport::domain::job::JobStatus::Draft);
    let (_, slug) = app.publish_job(&[]).await;
    let res = app
        .post_form(
            &format!("/jobs/{slug}/apply"),
            &[
                ("name", "Eve"),
                ("email", "eve@example.com"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 415);
    assert!(res.text().await.unwrap().contains("multipart/form-data"));
    // The API takes JSON only.
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", app.csrf_token().await)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("title=x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 415);
}

on_every_backend!(a_job_address_follows_its_title_until_published_then_redirects,);

async fn job_slug(app: &TestApp, id: &str) -> String {
    let id = id.to_string();
    app.db
        .read(move |c| rapport::db::jobs::find(c, &id))
        .await
        .unwrap()
        .unwrap()
        .slug
}

fn job_form_titled(title: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut form = valid_job_form();
    form.retain(|(k, _)| *k != "title");
    form.push(("title", title));
    form
}

async fn a_job_address_follows_its_title_until_published_then_redirects(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let other = app
        .create_job(&[("title", "Customer Support Specialist")])
        .await;
    assert_eq!(job_slug(&app, &other).await, "customer-support-specialist");
    let id = app.create_job(&[("title", "Customer Support Ninja")]).await;
    assert_eq!(job_slug(&app, &id).await, "customer-support-ninja");

    // A draft retitled takes its title's address, never another job's.
    let res = app
        .post_form(
            &format!("/admin/jobs/{id}"),
            &job_form_titled("Customer Support Specialist"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(job_slug(&app, &id).await, "customer-support-specialist-2");
    // Saving again with the same title keeps it.
    app.post_form(
        &format!("/admin/jobs/{id}"),
        &job_form_titled("Customer Support Specialist"),
    )
    .await;
    assert_eq!(job_slug(&app, &id).await, "customer-support-specialist-2");
    let res = app
        .post_form(
            &format!("/admin/jobs/{id}"),
            &job_form_titled("Support Engineer"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(job_slug(&app, &id).await, "support-engineer");
    assert_eq!(
        app.get("/jobs/customer-support-ninja")
            .await
            .status()
            .as_u16(),
        404,
        "a draft's earlier addresses were never public"
    );

    // Published: a new title keeps the address.
    let res = app
        .post_form(&format!("/admin/jobs/{id}/publish"), &[("confirm", "yes")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.post_form(
        &format!("/admin/jobs/{id}"),
        &job_form_titled("Senior Support Engineer"),
    )
    .await;
    assert_eq!(job_slug(&app, &id).await, "support-engineer");
    let editor = app.get_text(&format!("/admin/jobs/{id}/edit")).await;
    assert!(editor.contains("senior-support-engineer"), "suggested");

    // The owner changes it; the old address redirects for good.
    let res = app
        .post_form(
            &format!("/admin/jobs/{id}/address"),
            &[("slug", "Senior Support Engineer")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(job_slug(&app, &id).await, "senior-support-engineer");
    for (old, new) in [
        ("/jobs/support-engineer", "/jobs/senior-support-engineer"),
        (
            "/jobs/support-engineer/apply?ref=feed",
            "/jobs/senior-support-engineer/apply?ref=feed",
        ),
        (
            "/api/v1/jobs/support-engineer",
            "/api/v1/jobs/senior-support-engineer",
        ),
    ] {
        let res = app.get(old).await;
        assert_eq!(res.status().as_u16(), 308, "{old}");
        assert_eq!(location(&res), new);
    }
    let page = app.get_text("/jobs/senior-support-engineer").await;
    assert!(page.contains("Senior Support Engineer"));
    // The feed, the API and the JSON-LD give the current address.
    let feed = app.get_text("/jobs.atom").await;
    assert!(feed.contains("/jobs/senior-support-engineer"));
    assert!(!feed.contains("/jobs/support-engineer\""));
    assert!(page.contains("/jobs/senior-support-engineer\""));

    // Another job cannot take a current or a former address.
    for taken in ["support-engineer", "customer-support-specialist"] {
        let res = app
            .post_form(&format!("/admin/jobs/{id}/address"), &[("slug", taken)])
            .await;
        if taken == "support-engineer" {
            // Its own former address: it may go back to it.
            assert_eq!(res.status().as_u16(), 303);
        } else {
            assert_eq!(res.status().as_u16(), 422);
            assert!(res.text().await.unwrap().contains("Another job uses"));
        }
    }
    assert_eq!(job_slug(&app, &id).await, "support-engineer");
    assert_eq!(
        location(&app.get("/jobs/senior-support-engineer").await),
        "/jobs/support-engineer"
    );
    let res = app
        .post_form(
            &format!("/admin/jobs/{other}/address"),
            &[("slug", "support-specialist")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("follows its title"));
    assert_eq!(job_slug(&app, &other).await, "customer-support-specialist");
    let res = app
        .post_form(&format!("/admin/jobs/{id}/address"), &[("slug", "!!!")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    // A new job never takes a former address.
    let newer = app
        .create_job(&[("title", "Senior Support Engineer")])
        .await;
    assert_eq!(job_slug(&app, &newer).await, "senior-support-engineer-2");
}

on_every_backend!(the_public_api_speaks_codes_and_iso_dates,);

async fn the_public_api_speaks_codes_and_iso_dates(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app
        .publish_job(&[
            ("remote_regions", "Europe; Africa"),
            ("valid_through", "2027-01-15"),
        ])
        .await;
    let api: serde_json::Value = app.get("/api/v1/jobs").await.json().await.unwrap();
    let job = &api["jobs"][0];
    assert_eq!(job["title"], "Customer Support Specialist");
    assert_eq!(job["slug"], slug.as_str());
    assert_eq!(job["url"], format!("{}/jobs/{slug}", app.address));
    assert_eq!(
        job["apply_url"],
        format!("{}/jobs/{slug}/apply", app.address)
    );
    assert_eq!(job["status"], "open");
    assert_eq!(job["company"]["name"], "Glimmer Ratings");
    assert_eq!(job["workplace"], "remote");
    assert_eq!(
        job["remote_regions"],
        serde_json::json!(["Europe", "Africa"])
    );
    assert_eq!(job["employment_type"], "full_time");
    assert_eq!(
        job["languages"],
        serde_json::json!([{ "code": "en", "fluency": "native" }, { "code": "fr", "fluency": "professional" }])
    );
    assert_eq!(job["salary"]["period"], "year");
    assert_eq!(job["valid_through"], "2027-01-15");
    let published = job["published_at"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(published).is_ok() && published.ends_with('Z'),
        "{published}"
    );
    assert!(job["description_html"]
        .as_str()
        .unwrap()
        .contains("<strong>emails</strong>"));
    // Nothing of how the team decides, and no words made for the pages.
    let text = job.to_string();
    for internal in [
        "pass_mark",
        "decision_rule",
        "tier1",
        "tier2",
        "tier3",
        "profile",
        "screened_tiers",
        "Full time",
        "January",
        "Native or bilingual",
        "share",
    ] {
        assert!(!text.contains(internal), "{internal} in {text}");
    }
    let one: serde_json::Value = app
        .get(&format!("/api/v1/jobs/{slug}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one["slug"], slug.as_str());
    assert!(one.get("pass_mark").is_none());

    // JSON-LD: the form is on this site, so the application is direct.
    let page = app.get_text(&format!("/jobs/{slug}")).await;
    assert!(page.contains(r#""directApply":true"#), "direct apply");
}

on_every_backend!(the_post_review_warns_about_phrases_product_md_names,);

async fn the_post_review_warns_about_phrases_product_md_names(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let id = app.create_job(&[]).await;
    let editor = app.get_text(&format!("/admin/jobs/{id}/edit")).await;
    assert!(
        editor.contains("No advice"),
        "the valid job form draws none"
    );
    let id = app
        .create_job(&[(
            "looking_for",
            "- A support rockstar\n- 5+ years in SaaS\n- A degree in computer science\n\nWe work hard, play hard.",
        )])
        .await;
    let editor = app.get_text(&format!("/admin/jobs/{id}/edit")).await;
    for phrase in ["rockstar", "5+ years", "degree in", "work hard, play hard"] {
        assert!(editor.contains(&format!("“{phrase}”")), "{phrase}");
    }
    assert!(editor.contains("career changers"), "each advice says why");
}

on_every_backend!(
    the_company_favicon_and_layout_fixes_hold,
    staff_pages_speak_words_not_ids_or_enum_names,
);

async fn the_company_favicon_and_layout_fixes_hold(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;

    // The favicon browsers ask for, and the one pages declare.
    let res = app
        .anonymous()
        .get(app.url("/favicon.ico"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "image/x-icon");
    let ico = res.bytes().await.unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO file");
    let res = app.get("/static/favicon.svg").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    let board = app.get_text("/jobs").await;
    assert!(board.contains(r#"<link rel="icon" href="/favicon.ico""#));

    // Error and thank-you pages name the company, like every public page.
    let visitor = app.new_browser();
    let res = visitor.get("/jobs/no-such-job").await;
    assert_eq!(res.status().as_u16(), 404);
    let page = res.text().await.unwrap();
    assert!(page.contains("Glimmer Ratings"), "{page}");
    let res = visitor
        .apply(&slug, "Ana Lima", "ana@example.com", None)
        .await;
    let page = if res.status().is_redirection() {
        visitor.get_text(&location(&res)).await
    } else {
        res.text().await.unwrap()
    };
    assert!(page.contains("Glimmer Ratings"), "{page}");
    let res = visitor
        .post_form(&format!("/jobs/{slug}/link"), &[("email", "x@example.com")])
        .await;
    assert!(res.text().await.unwrap().contains("Glimmer Ratings"));

    // Styles: the board scrolls inside itself, time inputs look like the
    // others, highlights add no space.
    let css = app.get_text("/static/app.css").await;
    let rule = |selector: &str| -> String {
        let start = css
            .find(&format!("\n{selector} {{"))
            .unwrap_or_else(|| panic!("{selector}"));
        css[start..].split('}').next().unwrap().to_string()
    };
    let board_rule = rule(".board");
    assert!(board_rule.contains("overflow-x: auto") && board_rule.contains("position: relative"));
    assert!(css.contains(r#"[type="time"]"#) && css.contains(r#"[type="datetime-local"]"#));
    assert!(rule(".answer mark").contains("padding: 0;"));
}

fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").unwrap();
    doc.select(&body)
        .next()
        .unwrap()
        .text()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn staff_pages_speak_words_not_ids_or_enum_names(backend: Backend) {
    let app = spawn_app(backend).await;
    let brush_off = "See https://glimmer.example/docs";
    let (_, app_id, interview_id) =
        candidate_with_interview_answering(&app, &[("comments", brush_off)]).await;
    let mut card = SCORECARD.to_vec();
    card.push(("interview", &interview_id));
    app.post_form(&format!("/admin/applications/{app_id}/scorecard"), &card)
        .await;
    let html = app.get_text(&format!("/admin/applications/{app_id}")).await;
    let text = visible_text(&html);
    let camel = regex::Regex::new(r"\b[A-Z][a-z]+[A-Z][a-z]+\b").unwrap();
    let hex = regex::Regex::new(r"\b[0-9a-f]{12,}\b").unwrap();
    let product_names = ["WordPress", "JavaScript", "WooCommerce", "AggregateRating"];
    for m in camel.find_iter(&text) {
        assert!(
            product_names.contains(&m.as_str()),
            "an enum name on the page: {}",
            m.as_str()
        );
    }
    assert!(
        hex.find(&text).is_none(),
        "an id on the page: {:?}",
        hex.find(&text)
    );
    assert!(
        text.contains("by Fran Founder: strong screen"),
        "who moved, by name"
    );
    assert!(text.contains("brushes the customer off"), "tone in words");

    // Highlighted evidence is the answer itself, with no space added.
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("blockquote.answer").unwrap();
    let quotes: Vec<String> = doc.select(&sel).map(|q| q.text().collect()).collect();
    let strong = exemplars("strong");
    let refund = &strong
        .iter()
        .find(|(q, _)| q == "refund-renewal")
        .unwrap()
        .1;
    assert!(quotes.iter().any(|q| q == refund), "the answer as written");
    assert!(html.contains("<mark"), "with highlights");
    for q in &quotes {
        assert!(!q.contains(" ,") && !q.contains(" ."), "{q}");
    }
}
