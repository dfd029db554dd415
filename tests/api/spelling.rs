//! Writing quality apart from content: spelling slips per answer and in
//! the cover letter, shown to reviewers, counted only with a weight.

use crate::helpers::{exemplars, location, question_ids, round_of, spawn_app, Backend, TestApp};
use crate::on_every_backend;

on_every_backend!(spelling_is_shown_and_counts_only_with_a_weight);

const COVER: &str = "I have recieved many tickets at Help Scout and I am very \
                     pasionate about WordPress. See https://exmaple.com/cv.";

async fn set_screening(app: &TestApp, job_id: &str, weight: &str) {
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/screening"),
            &[
                ("questionnaires", "generalist-en"),
                ("answer_days", "14"),
                ("all_tiers_at_once", "yes"),
                ("writing_weight", weight),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "screening settings saved");
}

/// Applies with `COVER`, answers every question with the strong exemplars
/// (the first one with two slips added) and submits; returns the
/// application id.
async fn apply_and_answer(
    app: &TestApp,
    job_id: &str,
    slug: &str,
    name: &str,
    email: &str,
) -> String {
    let cand = app.new_browser();
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", cand.csrf_token().await)
        .text("name", name.to_string())
        .text("email", email.to_string())
        .text("languages", "en")
        .text("fluencies", "fluent")
        .text("location", "Lisbon, Portugal")
        .text("cover_letter", COVER)
        .text("consent", "yes");
    let res = cand
        .client
        .post(cand.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let link = app.candidate_link(email).await;
    let res = cand.client.get(&link).send().await.unwrap();
    assert_eq!(location(&res), "/candidate");
    let page = cand.get_text("/candidate").await;
    let ids = question_ids(&page);
    let round = round_of(&page);
    let strong = exemplars("strong");
    let mut form: Vec<(String, String)> =
        vec![("round".into(), round), ("confirm".into(), "yes".into())];
    for (i, q) in ids.iter().enumerate() {
        let mut body = strong
            .iter()
            .find(|(id, _)| id == q)
            .map(|(_, a)| a.clone())
            .unwrap_or_default();
        if i == 0 {
            body.push_str(" Teh refund is definately on its way.");
        }
        form.push((format!("answer-{q}"), body));
    }
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = cand.post_form("/candidate/submit", &refs).await;
    assert_eq!(location(&res), "/candidate?notice=submitted");
    let (job, mail) = (job_id.to_string(), email.to_string());
    app.db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &job, &mail))
        .await
        .unwrap()
        .unwrap()
        .id
}

/// (screen score stored, the round's own share, spelling rate)
async fn scores(app: &TestApp, app_id: &str) -> (f64, f64, f64) {
    let id = app_id.to_string();
    app.db
        .read(move |c| {
            let a = rapport::db::applications::find(c, &id)?.unwrap();
            let rounds = rapport::db::screenings::for_application(c, &id)?;
            let result: serde_json::Value =
                serde_json::from_str(rounds[0].result.as_deref().unwrap()).unwrap();
            let rate = rapport::db::writing::rates(c, std::slice::from_ref(&id))?[&id];
            Ok::<_, rapport::db::DbError>((
                a.screen_score.unwrap(),
                result["overall"]["share"].as_f64().unwrap(),
                rate,
            ))
        })
        .await
        .unwrap()
}

async fn spelling_is_shown_and_counts_only_with_a_weight(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    set_screening(&app, &job_id, "0").await;
    let editor = app.get_text(&format!("/admin/jobs/{job_id}/edit")).await;
    assert!(editor.contains(r#"name="writing_weight""#));

    let ana = apply_and_answer(&app, &job_id, &slug, "Ana Lima", "ana@example.com").await;
    let page = app.get_text(&format!("/admin/applications/{ana}")).await;
    // The cover letter, with its slips marked in place and listed.
    assert!(
        page.contains(r#"<mark class="slip" title="Spelling slip">recieved</mark>"#),
        "{page}"
    );
    assert!(page.contains(r#"<mark class="slip" title="Spelling slip">pasionate</mark>"#));
    // Product and job words, the URL: not slips.
    assert!(!page.contains(r#"<mark class="slip">Scout</mark>"#));
    assert!(!page.contains(r#"<mark class="slip">exmaple</mark>"#));
    // The answer's slips and its rate.
    assert!(page.contains(r#"<mark class="slip">Teh</mark>"#));
    assert!(page.contains(r#"<mark class="slip">definately</mark>"#));
    assert!(page.contains("slips per 100 words"));

    // Answers stored before spelling was measured still render.
    app.db
        .write(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::answers;
            diesel::update(answers::table)
                .set(answers::writing.eq(None::<String>))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let res = app.get(&format!("/admin/applications/{ana}")).await;
    assert_eq!(res.status().as_u16(), 200);
    let old = res.text().await.unwrap();
    assert!(!old.contains(r#"<mark class="slip">Teh</mark>"#));
    assert!(old.contains(r#"<mark class="slip" title="Spelling slip">recieved</mark>"#));

    // The table has its own column.
    let table = app
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    assert!(table.contains(r#"<th scope="col">Writing</th>"#));
    assert!(table.contains("slips per 100 words"), "{table}");

    // Weight 0: the screen score is the answers' alone.
    let (screen, share, rate) = scores(&app, &ana).await;
    assert!(rate > 0.0);
    assert!((screen - share).abs() < 1e-9, "{screen} vs {share}");

    // A weight: (1 - w) * answers + w * writing.
    set_screening(&app, &job_id, "30").await;
    let editor = app.get_text(&format!("/admin/jobs/{job_id}/edit")).await;
    assert!(editor.contains(r#"value="30""#));
    let bea = apply_and_answer(&app, &job_id, &slug, "Bea Costa", "bea@example.com").await;
    let (screen, share, rate) = scores(&app, &bea).await;
    let writing = (1.0 - rate / 10.0).clamp(0.0, 1.0);
    assert!((screen - (0.7 * share + 0.3 * writing)).abs() < 1e-9);
    assert!((screen - share).abs() > 1e-6, "the weight moves the score");

    // Out of range is refused.
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/screening"),
            &[
                ("questionnaires", "generalist-en"),
                ("answer_days", "14"),
                ("writing_weight", "80"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
}
