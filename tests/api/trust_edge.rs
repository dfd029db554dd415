//! Input at the edge: control characters, refused input, job addresses,
//! the public API's shape, the post review and what people read.

use crate::helpers::{location, question_ids, round_of, spawn_app, Backend, Browser, TestApp};
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
