//! The questionnaire editor: owners write questionnaires in the app, try
//! answers before saving, save versions, export and import TOML; a
//! candidate keeps the version they were sent.

use crate::helpers::{location, question_ids, round_of, spawn_app, Backend, Browser, TestApp};
use crate::on_every_backend;
use crate::pipeline::interviewer;
use rapport::domain::questionnaire::Questionnaire;

on_every_backend!(
    non_owners_and_forged_forms_are_refused,
    a_form_with_problems_keeps_every_input_and_saves_nothing,
    add_and_remove_buttons_keep_what_was_typed,
    trying_an_answer_shows_its_evidence_and_saves_nothing,
    export_and_import_round_trip,
    an_owner_writes_a_questionnaire_a_candidate_answers_it_and_later_edits_leave_it_untouched,
    saves_at_the_same_moment_never_share_a_version,
);

const LABEL_VOID: &str = "Says an unused label can be voided for a refund within 30 days";
const LABEL_BALANCE: &str = "Says the refund goes back to the account balance";
const PROMPT_V1: &str = "I bought a shipping label by mistake. Can I get my money back?";
const PROMPT_V2: &str = "Hello, I printed the wrong shipping label yesterday. What can I do?";

/// A questionnaire as typed in the editor: one question, two plain key points.
fn written_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title", "Shipping labels screen"),
        ("language", "en"),
        ("description", "Real tickets from **Parcelo** customers."),
        ("link-0-label", "Help centre"),
        ("link-0-url", "https://help.parcelo.example"),
        ("q-0-id", ""),
        ("q-0-tier", "1"),
        ("q-0-prompt", PROMPT_V1),
        ("q-0-minutes", "5"),
        ("q-0-empathy", "0.3"),
        ("q-0-curiosity", "0.2"),
        ("q-0-content", "0.5"),
        ("q-0-kp-0-id", ""),
        ("q-0-kp-0-label", LABEL_VOID),
        ("q-0-kp-0-required", "yes"),
        (
            "q-0-kp-0-examples",
            "You can void it within 30 days and the cost comes back to your balance",
        ),
        ("q-0-kp-0-phrasings", ""),
        ("q-0-kp-1-id", ""),
        ("q-0-kp-1-label", LABEL_BALANCE),
        ("q-0-kp-1-examples", ""),
        ("q-0-kp-1-phrasings", ""),
        (
            "q-0-strong",
            "Hi! No worries: you can void an unused label within 30 days and the refund goes back to your account balance.",
        ),
        ("q-0-weak", "Labels are not refundable."),
        ("q-0-try", ""),
    ]
}

fn with(
    form: &[(&'static str, &'static str)],
    changes: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = form
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .copied()
        .collect();
    out.extend_from_slice(changes);
    out
}

async fn stored_versions(app: &TestApp) -> i64 {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::authored_questionnaires::dsl::*;
            Ok(authored_questionnaires.count().get_result::<i64>(conn)?)
        })
        .await
        .unwrap()
}

fn doc(html: &str) -> scraper::Html {
    scraper::Html::parse_document(html)
}

fn select_all(html: &str, css: &str) -> Vec<String> {
    let d = doc(html);
    let sel = scraper::Selector::parse(css).unwrap();
    d.select(&sel).map(|e| e.html()).collect()
}

/// The value a field of the editor shows (an input's value, a textarea's text).
fn field_value(html: &str, name: &str) -> Option<String> {
    let d = doc(html);
    let input = scraper::Selector::parse(&format!(r#"input[name="{name}"]"#)).unwrap();
    if let Some(e) = d.select(&input).next() {
        return e.value().attr("value").map(str::to_string);
    }
    let area = scraper::Selector::parse(&format!(r#"textarea[name="{name}"]"#)).unwrap();
    d.select(&area).next().map(|e| e.text().collect())
}

fn is_checked(html: &str, name: &str) -> bool {
    let d = doc(html);
    let sel = scraper::Selector::parse(&format!(r#"input[name="{name}"]"#)).unwrap();
    d.select(&sel)
        .next()
        .is_some_and(|e| e.value().attr("checked").is_some())
}

/// Every field of the editor form as the browser would send it.
fn editor_fields(html: &str) -> Vec<(String, String)> {
    let d = doc(html);
    let form = scraper::Selector::parse("form#editor").unwrap();
    let form = d.select(&form).next().expect("the editor form");
    let mut out = Vec::new();
    let inputs = scraper::Selector::parse("input, textarea, select").unwrap();
    for e in form.select(&inputs) {
        let v = e.value();
        let Some(name) = v.attr("name") else { continue };
        if name == "csrf_token" {
            continue;
        }
        match v.name() {
            "textarea" => out.push((name.to_string(), e.text().collect())),
            "select" => {
                let opt = scraper::Selector::parse("option[selected]").unwrap();
                let value = e
                    .select(&opt)
                    .next()
                    .and_then(|o| o.value().attr("value"))
                    .unwrap_or_default();
                out.push((name.to_string(), value.to_string()));
            }
            _ => {
                if v.attr("type") == Some("checkbox") && v.attr("checked").is_none() {
                    continue;
                }
                out.push((
                    name.to_string(),
                    v.attr("value").unwrap_or_default().to_string(),
                ));
            }
        }
    }
    out
}

fn refs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// Saves the written questionnaire; returns its id.
async fn save_new(app: &TestApp) -> String {
    let form = with(&written_form(), &[("action", "save")]);
    let res = app.post_form("/admin/questionnaires", &form).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let loc = location(&res);
    assert!(loc.ends_with("/edit?saved=1"), "{loc}");
    loc.trim_start_matches("/admin/questionnaires/")
        .split('/')
        .next()
        .unwrap()
        .to_string()
}

async fn non_owners_and_forged_forms_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    for path in [
        "/admin/questionnaires",
        "/admin/questionnaires/new",
        "/admin/questionnaires/import",
        "/admin/questionnaires/generalist-en/export.toml",
    ] {
        assert_eq!(ivy.get(path).await.status().as_u16(), 403, "{path}");
    }
    let form = with(&written_form(), &[("action", "save")]);
    let res = ivy.post_form("/admin/questionnaires", &form).await;
    assert_eq!(res.status().as_u16(), 403);
    let edit = ivy.post_form("/admin/questionnaires/own-x", &form).await;
    assert_eq!(edit.status().as_u16(), 403);
    // The owner, without the form's token.
    let res = app.post_raw("/admin/questionnaires", &form).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(stored_versions(&app).await, 0);
    // The owner's own request is accepted, and the nav links the page.
    let id = save_new(&app).await;
    let res = app
        .post_raw(
            &format!("/admin/questionnaires/{id}"),
            &with(&written_form(), &[("csrf_token", "forged")]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(stored_versions(&app).await, 1);
    let home = app.get_text("/admin").await;
    assert!(home.contains(r#"href="/admin/questionnaires""#));
    let ivy_home = ivy.get_text("/admin").await;
    assert!(!ivy_home.contains(r#"href="/admin/questionnaires""#));
}

async fn a_form_with_problems_keeps_every_input_and_saves_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let form = with(
        &written_form(),
        &[
            ("title", ""),
            ("q-0-minutes", "five"),
            ("link-0-url", "help.parcelo.example"),
            ("action", "save"),
        ],
    );
    let res = app.post_form("/admin/questionnaires", &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    // Every problem is summarised and placed on its field.
    assert!(page.contains("Please fix these 3 problems"), "{page}");
    for field in ["title", "q-0-minutes", "link-0-url"] {
        assert!(
            page.contains(&format!(r#"id="{field}-error""#)),
            "no error next to {field}"
        );
        assert!(page.contains(&format!(r##"href="#{field}""##)));
    }
    // Nothing typed is lost.
    assert_eq!(field_value(&page, "q-0-prompt").as_deref(), Some(PROMPT_V1));
    assert_eq!(field_value(&page, "q-0-minutes").as_deref(), Some("five"));
    assert_eq!(
        field_value(&page, "link-0-url").as_deref(),
        Some("help.parcelo.example")
    );
    assert_eq!(
        field_value(&page, "q-0-kp-0-label").as_deref(),
        Some(LABEL_VOID)
    );
    assert!(is_checked(&page, "q-0-kp-0-required"));
    assert!(!is_checked(&page, "q-0-kp-1-required"));
    assert!(field_value(&page, "q-0-strong")
        .unwrap()
        .contains("refund goes back"));
    assert_eq!(stored_versions(&app).await, 0);

    // A key point with no words to match is placed on its label.
    let form = with(
        &written_form(),
        &[("q-0-kp-1-label", "Says that it is"), ("action", "save")],
    );
    let res = app.post_form("/admin/questionnaires", &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains(r#"id="q-0-kp-1-label-error""#), "{page}");
    assert!(page.contains("no words an answer could match"));
    assert_eq!(stored_versions(&app).await, 0);
}

async fn add_and_remove_buttons_keep_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let form = with(&written_form(), &[("action", "add-question")]);
    let res = app.post_form("/admin/questionnaires", &form).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert_eq!(select_all(&page, r#"textarea[name$="-prompt"]"#).len(), 2);
    assert_eq!(field_value(&page, "q-1-prompt").as_deref(), Some(""));
    assert_eq!(field_value(&page, "q-0-prompt").as_deref(), Some(PROMPT_V1));
    assert_eq!(
        field_value(&page, "title").as_deref(),
        Some("Shipping labels screen")
    );
    assert_eq!(
        field_value(&page, "q-0-kp-1-label").as_deref(),
        Some(LABEL_BALANCE)
    );
    assert!(is_checked(&page, "q-0-kp-0-required"));
    assert_eq!(field_value(&page, "q-0-empathy").as_deref(), Some("0.3"));
    assert_eq!(stored_versions(&app).await, 0);

    // The browser sends the new page back: add a key point, then remove the first.
    let mut fields = editor_fields(&page);
    fields.push(("action".into(), "add-point-0".into()));
    let page = app
        .post_form("/admin/questionnaires", &refs(&fields))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(field_value(&page, "q-0-kp-2-label").as_deref(), Some(""));
    let mut fields = editor_fields(&page);
    fields.push(("action".into(), "remove-point-0-0".into()));
    let page = app
        .post_form("/admin/questionnaires", &refs(&fields))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        field_value(&page, "q-0-kp-0-label").as_deref(),
        Some(LABEL_BALANCE)
    );
    assert!(!page.contains(&format!(r#"value="{LABEL_VOID}""#)));
    assert!(!page.contains("Too vague to check"));

    // A vague key point is flagged next to it, as `questionnaire check` warns.
    let mut fields = editor_fields(&page);
    for (k, v) in fields.iter_mut() {
        if k == "q-0-kp-0-label" {
            *v = "Is helpful and polite".into();
        }
    }
    fields.push(("action".into(), "add-link".into()));
    let page = app
        .post_form("/admin/questionnaires", &refs(&fields))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Too vague to check"), "{page}");
    assert!(page.contains(r##"<a href="#q-0-kp-0-label">"##), "{page}");
    assert!(page.contains("too vague to check in an answer"));
    assert_eq!(field_value(&page, "link-1-url").as_deref(), Some(""));
    assert_eq!(field_value(&page, "q-1-prompt").as_deref(), Some(""));
    assert_eq!(stored_versions(&app).await, 0);
}

async fn trying_an_answer_shows_its_evidence_and_saves_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let good = "Hi! Sorry about that. You can void the unused label within 30 days and the refund goes back to your account balance.";
    let form = with(&written_form(), &[("q-0-try", good), ("action", "try-0")]);
    let res = app.post_form("/admin/questionnaires", &form).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("Only a try: nothing was saved."), "{page}");
    assert!(page.contains(r#"<mark class="mark--content""#), "{page}");
    let covered = select_all(&page, "#q-0-result li .chip--ok");
    assert_eq!(covered.len(), 2, "{page}");
    // The answer stays in its box.
    assert_eq!(field_value(&page, "q-0-try").as_deref(), Some(good));
    assert_eq!(stored_versions(&app).await, 0);

    // Against the question as it stands: another number is a miss, with its reason.
    let wrong = "Hi! You can void the unused label within 14 days.";
    let form = with(&written_form(), &[("q-0-try", wrong), ("action", "try-0")]);
    let page = app
        .post_form("/admin/questionnaires", &form)
        .await
        .text()
        .await
        .unwrap();
    let missed = select_all(&page, "#q-0-result li");
    let void = missed
        .iter()
        .find(|li| li.contains(LABEL_VOID))
        .expect("the key point is listed");
    assert!(void.contains("missed"), "{void}");
    assert!(void.contains("14"), "the reason names the number: {void}");
    assert!(void.contains("(required)"), "{void}");
    assert_eq!(stored_versions(&app).await, 0);
}

async fn import_file(app: &TestApp, source: &str, target: &str) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", app.csrf_token().await)
        .text("target", target.to_string())
        .text("source", "")
        .part(
            "file",
            reqwest::multipart::Part::bytes(source.as_bytes().to_vec())
                .file_name("q.toml")
                .mime_str("application/toml")
                .unwrap(),
        );
    app.client
        .post(app.url("/admin/questionnaires/import"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn export_and_import_round_trip(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    // A shipped questionnaire exports as its file.
    let res = app
        .get("/admin/questionnaires/generalist-en/export.toml")
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let shipped_text = res.text().await.unwrap();
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/generalist-en.toml"
    ))
    .unwrap();
    assert_eq!(shipped_text, file);
    let shipped = Questionnaire::parse(&shipped_text).unwrap();

    // Imported as a new questionnaire of the owner's, then exported again.
    let res = import_file(&app, &shipped_text, "new").await;
    assert_eq!(res.status().as_u16(), 303);
    let loc = location(&res);
    let id = loc
        .trim_start_matches("/admin/questionnaires/")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    assert!(id.starts_with("own-") && id != shipped.id, "{id}");
    let exported = app
        .get_text(&format!("/admin/questionnaires/{id}/export.toml"))
        .await;
    let mut back = Questionnaire::parse(&exported).unwrap();
    assert_eq!(back.version, 1);
    back.id = shipped.id.clone();
    assert_eq!(back, shipped);

    // Imported again as a new version of it: version 2, the same text otherwise.
    let res = import_file(&app, &exported, &id).await;
    assert_eq!(res.status().as_u16(), 303);
    let v2 = app
        .get_text(&format!("/admin/questionnaires/{id}/export.toml"))
        .await;
    assert_eq!(Questionnaire::parse(&v2).unwrap().version, 2);
    assert_eq!(v2.replace("version = 2", "version = 1"), exported);
    let v1 = app
        .get_text(&format!("/admin/questionnaires/{id}/export.toml?version=1"))
        .await;
    assert_eq!(v1, exported);
    let edit = app
        .get_text(&format!("/admin/questionnaires/{id}/edit"))
        .await;
    assert!(
        edit.contains("v2") && edit.contains("v1"),
        "the version list"
    );

    // A broken file is refused with its line; nothing is stored.
    let broken = shipped_text.replacen("tier = 1", "tier = ", 1);
    let res = import_file(&app, &broken, "new").await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Nothing was imported"));
    assert!(page.contains("line "), "{page}");
    assert_eq!(stored_versions(&app).await, 2);
}

/// Applies, opens the questions and answers each with `answer`; returns
/// (application id, the candidate's questionnaire page).
async fn apply_and_answer(
    app: &TestApp,
    job_id: &str,
    slug: &str,
    email: &str,
    answer: &str,
) -> (String, String) {
    let cand: Browser = app.new_browser();
    let res = cand.apply(slug, "Ana Lima", email, None).await;
    assert_eq!(res.status().as_u16(), 200);
    let link = app.candidate_link(email).await;
    let res = cand.client.get(&link).send().await.unwrap();
    assert_eq!(location(&res), "/candidate");
    let page = cand.get_text("/candidate").await;
    let ids = question_ids(&page);
    assert_eq!(ids.len(), 1, "{page}");
    let round = round_of(&page);
    let key = format!("answer-{}", ids[0]);
    let res = cand
        .post_form(
            "/candidate/submit",
            &[("round", &round), ("confirm", "yes"), (&key, answer)],
        )
        .await;
    assert_eq!(location(&res), "/candidate?notice=submitted");
    let (job, mail) = (job_id.to_string(), email.to_string());
    let id = app
        .db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &job, &mail))
        .await
        .unwrap()
        .unwrap()
        .id;
    (id, page)
}

async fn an_owner_writes_a_questionnaire_a_candidate_answers_it_and_later_edits_leave_it_untouched(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;

    // Written in the editor, tried, saved.
    let page = app.get_text("/admin/questionnaires/new").await;
    assert!(page.contains(r#"name="q-0-prompt""#));
    let answer = "Hi, sorry about the mix-up! Teh good news: you can void the unused label within 30 days and the refund goes back to your account balance.";
    let tried = app
        .post_form(
            "/admin/questionnaires",
            &with(&written_form(), &[("q-0-try", answer), ("action", "try-0")]),
        )
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        select_all(&tried, "#q-0-result li .chip--ok").len(),
        2,
        "{tried}"
    );
    let id = save_new(&app).await;
    // Both key points are earned by the strong exemplar and not the weak one.
    let saved = app
        .get_text(&format!("/admin/questionnaires/{id}/edit"))
        .await;
    assert_eq!(
        saved.matches("✓ Strong exemplars cover it").count(),
        2,
        "{saved}"
    );
    assert_eq!(saved.matches("✓ Weak exemplars miss it").count(), 2);
    let list = app.get_text("/admin/questionnaires").await;
    assert!(list.contains("Shipping labels screen") && list.contains("v1"));

    // Assigned to a job: the screening form lists it beside the shipped ones.
    let (job_id, slug) = app.publish_job(&[]).await;
    let editor = app.get_text(&format!("/admin/jobs/{job_id}/edit")).await;
    assert!(editor.contains(&format!(r#"value="{id}""#)));
    assert!(editor.contains(r#"value="generalist-en""#));
    app.set_screening(&job_id, &[&id], true).await;

    // A candidate answers; the review shows the key points' evidence and spelling.
    let (ana, ana_page) = apply_and_answer(&app, &job_id, &slug, "ana@example.com", answer).await;
    assert!(ana_page.contains(PROMPT_V1));
    let review = app.get_text(&format!("/admin/applications/{ana}")).await;
    assert!(review.contains(PROMPT_V1));
    assert!(
        review.contains(r#"<mark class="mark--content""#),
        "{review}"
    );
    assert!(review.contains(LABEL_VOID) && review.contains(LABEL_BALANCE));
    assert!(
        review.contains(r#"<mark class="slip">Teh</mark>"#),
        "{review}"
    );
    assert!(review.contains("slips per 100 words"));

    // The owner edits the prompt in the editor: a new version.
    let edit = app
        .get_text(&format!("/admin/questionnaires/{id}/edit"))
        .await;
    let mut fields = editor_fields(&edit);
    for (k, v) in fields.iter_mut() {
        if k == "q-0-prompt" {
            *v = PROMPT_V2.to_string();
        }
    }
    let kp_ids: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k.ends_with("-id") && k.contains("-kp-"))
        .map(|(_, v)| v.clone())
        .collect();
    assert!(
        kp_ids.iter().all(|k| !k.is_empty()),
        "saved key points keep ids"
    );
    fields.push(("action".into(), "save".into()));
    let res = app
        .post_form(&format!("/admin/questionnaires/{id}"), &refs(&fields))
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let v2 = Questionnaire::parse(
        &app.get_text(&format!("/admin/questionnaires/{id}/export.toml"))
            .await,
    )
    .unwrap();
    assert_eq!(v2.version, 2);
    assert_eq!(v2.questions[0].prompt, PROMPT_V2);
    let v2_ids: Vec<String> = v2.questions[0]
        .rubric
        .key_points
        .iter()
        .map(|k| k.id.clone())
        .collect();
    assert_eq!(v2_ids, kp_ids, "key point ids are stable across versions");

    // Ana's review still shows the version she answered.
    let review = app.get_text(&format!("/admin/applications/{ana}")).await;
    assert!(review.contains(PROMPT_V1));
    assert!(!review.contains(PROMPT_V2));
    assert!(review.contains(r#"<mark class="mark--content""#));

    // A new applicant gets the new version.
    let (bea, bea_page) = apply_and_answer(&app, &job_id, &slug, "bea@example.com", answer).await;
    assert!(bea_page.contains(PROMPT_V2) && !bea_page.contains(PROMPT_V1));
    let review = app.get_text(&format!("/admin/applications/{bea}")).await;
    assert!(review.contains(PROMPT_V2) && !review.contains(PROMPT_V1));
}

/// Two owners saving the same questionnaire at once: each save is a
/// version of its own, or is refused with its input kept; no version is
/// ever overwritten.
async fn saves_at_the_same_moment_never_share_a_version(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let id = save_new(&app).await;
    let edit = app
        .get_text(&format!("/admin/questionnaires/{id}/edit"))
        .await;
    let path = format!("/admin/questionnaires/{id}");
    let titles: Vec<String> = (0..4).map(|i| format!("Parallel title {i}")).collect();
    let forms: Vec<Vec<(String, String)>> = titles
        .iter()
        .map(|t| {
            let mut fields = editor_fields(&edit);
            for (k, v) in fields.iter_mut() {
                if k == "title" {
                    *v = t.clone();
                }
            }
            fields.push(("action".into(), "save".into()));
            fields
        })
        .collect();
    let responses = futures::future::join_all(
        forms
            .iter()
            .map(|f| async { app.post_form(&path, &refs(f)).await }),
    )
    .await;
    let mut saved = 0;
    for (res, title) in responses.into_iter().zip(&titles) {
        match res.status().as_u16() {
            303 => saved += 1,
            422 => {
                let body = res.text().await.unwrap();
                assert!(body.contains("a moment ago"), "{body}");
                assert!(body.contains(title.as_str()), "the typed title is kept");
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(saved >= 1);
    assert_eq!(stored_versions(&app).await, 1 + saved);
    // The latest version is one of the saved titles, numbered after all.
    let latest = Questionnaire::parse(
        &app.get_text(&format!("/admin/questionnaires/{id}/export.toml"))
            .await,
    )
    .unwrap();
    assert_eq!(i64::from(latest.version as i32), 1 + saved);
    assert!(titles.contains(&latest.title));
}
