//! The candidate's side as a careful product would have it: applying
//! reveals nothing about who applied, irreversible actions ask first,
//! erasure leaves nothing behind, times are in the candidate's zone.

use crate::helpers::{
    csrf_from, location, round_of, spawn_app, unfold_qp, Backend, Browser, TestApp,
};
use crate::on_every_backend;

on_every_backend!(
    applying_again_answers_the_same_and_emails_the_applicant,
    the_thank_you_page_survives_a_reload,
    irreversible_actions_ask_first,
    a_closed_job_shows_no_form,
    every_confirmation_carries_the_status_link,
    erasure_leaves_nothing_behind,
    time_zones_are_checked_and_used,
    the_questionnaire_intro_reads_well_on_a_phone,
    the_status_page_follows_every_stage,
    repeated_applications_do_not_flood_a_mailbox,
);

/// An owner and a published job screening with generalist-en; returns (job id, slug).
async fn screened_job(app: &TestApp) -> (String, String) {
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    app.set_screening(&id, &["generalist-en"], true).await;
    (id, slug)
}

/// Posts the application form with these fields (plus a CSRF token),
/// without following the redirect.
async fn post_application(
    browser: &Browser,
    slug: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new().text("csrf_token", browser.csrf_token().await);
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    browser
        .client
        .post(browser.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .expect("POST apply")
}

fn ana_fields<'a>(name: &'a str, email: &'a str, cover: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("languages", "en"),
        ("fluencies", "fluent"),
        ("location", "Lisbon, Portugal"),
        ("cover_letter", cover),
        ("consent", "yes"),
    ]
}

/// What a person sees after posting: the page itself, or the page a
/// redirect leads to; (status, text without CSRF tokens).
async fn outcome(browser: &Browser, res: reqwest::Response) -> (u16, u16, String) {
    let first = res.status().as_u16();
    let res = if first == 303 {
        browser.get(&location(&res)).await
    } else {
        res
    };
    let status = res.status().as_u16();
    let mut text = res.text().await.unwrap();
    while let Some(token) = csrf_from(&text) {
        text = text.replace(&token, "");
    }
    (first, status, text)
}

/// Every personal link emailed to `to`, in order (delivering due mail first).
async fn links_to(app: &TestApp, to: &str) -> Vec<String> {
    app.deliver_mail().await;
    let mut links = vec![];
    for e in app.emails() {
        let e = unfold_qp(&e);
        if !e.contains(&format!("To: {to}")) {
            continue;
        }
        if let Some(start) = e.find(&format!("{}/c/", app.address)) {
            links.push(
                e[start..]
                    .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
                    .next()
                    .unwrap()
                    .to_string(),
            );
        }
    }
    links
}

/// Opens a personal link in `browser`; returns the candidate page.
async fn open_link(browser: &Browser, link: &str) -> String {
    let res = browser.client.get(link).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303, "the link opens a session");
    assert_eq!(location(&res), "/candidate");
    browser.get_text("/candidate").await
}

async fn count_applications(app: &TestApp) -> i64 {
    app.db
        .read(|c| {
            use diesel::prelude::*;
            Ok(rapport::db::schema::applications::table
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap()
}

async fn applying_again_answers_the_same_and_emails_the_applicant(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, slug) = screened_job(&app).await;
    let ana = app.new_browser();
    let first = post_application(
        &ana,
        &slug,
        &ana_fields("Ana Lima", "ana@example.com", "The first letter."),
    )
    .await;
    let first = outcome(&ana, first).await;
    // Someone else tries the same address: they must learn nothing.
    let eve = app.new_browser();
    let second = post_application(
        &eve,
        &slug,
        &ana_fields("Ana Lima", "ANA@example.com", "An impostor's letter."),
    )
    .await;
    let second = outcome(&eve, second).await;
    assert_eq!(first.0, second.0, "the same status");
    assert_eq!(first.1, 200);
    assert_eq!(first.2, second.2, "the same page");
    assert!(
        first.2.contains("we have sent your personal link")
            || first.2.contains("We have sent your personal link")
    );
    assert!(
        !second.2.contains("already"),
        "nothing says they had applied"
    );

    assert_eq!(count_applications(&app).await, 1, "nothing new was created");
    let stored = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::applications;
            Ok(applications::table
                .select(applications::cover_letter)
                .first::<String>(c)?)
        })
        .await
        .unwrap();
    assert_eq!(stored, "The first letter.", "the application is unchanged");

    let links = links_to(&app, "ana@example.com").await;
    assert_eq!(
        links.len(),
        2,
        "two emails to that address, each with a link"
    );
    for link in links {
        let page = open_link(&app.new_browser(), &link).await;
        assert!(page.contains("Hello Ana Lima"));
    }
}

async fn stage_of_only_application(app: &TestApp) -> String {
    app.db
        .read(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::applications;
            Ok(applications::table
                .select(applications::stage)
                .first::<String>(c)?)
        })
        .await
        .unwrap()
}

async fn the_thank_you_page_survives_a_reload(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, slug) = screened_job(&app).await;
    let ana = app.new_browser();
    let res = post_application(
        &ana,
        &slug,
        &ana_fields("Ana Lima", "ana@example.com", "Hello."),
    )
    .await;
    assert_eq!(res.status().as_u16(), 303, "Post/Redirect/Get");
    let thanks = location(&res);
    assert_eq!(thanks, format!("/jobs/{slug}/applied"));
    for _ in 0..2 {
        let res = ana.get(&thanks).await;
        assert_eq!(res.status().as_u16(), 200);
        let page = res.text().await.unwrap();
        assert!(page.contains("Thanks, Ana Lima"), "{page}");
        assert!(page.contains("Check your inbox"));
        assert!(!page.contains("already"));
    }
    assert_eq!(count_applications(&app).await, 1);
}

async fn irreversible_actions_ask_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, slug) = screened_job(&app).await;
    let ana = app.new_browser();
    ana.apply(&slug, "Ana Lima", "ana@example.com", None).await;
    let link = links_to(&app, "ana@example.com").await.pop().unwrap();
    let page = open_link(&ana, &link).await;
    let round = round_of(&page);

    // "Send my answers" without confirming: the answers are shown back, nothing is stored.
    let res = ana
        .post_form(
            "/candidate/submit",
            &[
                ("round", &round),
                ("answer-comments", "Only ratings, sorry!\nSecond line."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let confirm = res.text().await.unwrap();
    assert!(confirm.contains("Send your answers?"));
    assert!(confirm.contains(r#"name="confirm" value="yes""#));
    assert!(
        confirm.contains("Only ratings, sorry!"),
        "the answers are carried along"
    );
    assert!(
        confirm.contains("still empty"),
        "empty answers are pointed out"
    );
    assert_eq!(stage_of_only_application(&app).await, "screening");
    let submitted: i64 = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::{answers, screenings};
            let s: i64 = screenings::table
                .filter(screenings::submitted_at.is_not_null())
                .count()
                .get_result(c)?;
            let a: i64 = answers::table.count().get_result(c)?;
            Ok(s + a)
        })
        .await
        .unwrap();
    assert_eq!(submitted, 0, "nothing sent, nothing stored");
    // Confirming sends them.
    let res = ana
        .post_form(
            "/candidate/submit",
            &[
                ("round", &round),
                ("answer-comments", "Only ratings, sorry!"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/candidate?notice=submitted");
    assert_eq!(stage_of_only_application(&app).await, "screen_review");

    // Withdraw: asked first, then done.
    let res = ana.post_form("/candidate/withdraw", &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Withdraw your application?"));
    assert_eq!(stage_of_only_application(&app).await, "screen_review");
    let res = ana
        .post_form("/candidate/withdraw", &[("confirm", "yes")])
        .await;
    assert_eq!(location(&res), "/candidate?notice=withdrawn");
    assert_eq!(stage_of_only_application(&app).await, "withdrawn");

    // Erase: asked first, then done.
    let res = ana.post_form("/candidate/erase", &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Erase all your data now?"));
    assert_eq!(count_applications(&app).await, 1);
    assert!(ana.get_text("/candidate").await.contains("Hello Ana Lima"));
    let res = ana
        .post_form("/candidate/erase", &[("confirm", "yes")])
        .await;
    assert!(res.text().await.unwrap().contains("Your data is erased"));
    assert_eq!(ana.get("/candidate").await.status().as_u16(), 401);
}

async fn a_closed_job_shows_no_form(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = screened_job(&app).await;
    let apply_page = app.get_text(&format!("/jobs/{slug}/apply")).await;
    assert!(
        apply_page.contains(r#"enctype="multipart/form-data""#),
        "an open job has its form"
    );
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/close"),
            &[("reason", "filled")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let visitor = app.new_browser();
    for path in [format!("/jobs/{slug}"), format!("/jobs/{slug}/apply")] {
        let res = visitor.get(&path).await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
        let page = res.text().await.unwrap();
        assert!(page.contains("This job is closed"), "{path}");
        let doc = scraper::Html::parse_document(&page);
        let forms = scraper::Selector::parse("form").unwrap();
        assert!(
            doc.select(&forms).all(|f| {
                let action = f.value().attr("action").unwrap_or("");
                !action.ends_with("/apply") && !action.ends_with("/link")
            }),
            "no application form on {path}"
        );
        assert!(!page.contains("Send my application"));
    }
}

async fn every_confirmation_carries_the_status_link(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    // No questionnaire chosen for this job.
    let (_, slug) = app.publish_job(&[]).await;
    let form = app.get_text(&format!("/jobs/{slug}/apply")).await;
    assert!(
        !form.contains("screening questions"),
        "the form promises no questions"
    );
    let ana = app.new_browser();
    let res = ana.apply(&slug, "Ana Lima", "ana@example.com", None).await;
    assert_eq!(res.status().as_u16(), 200);
    let links = links_to(&app, "ana@example.com").await;
    assert_eq!(links.len(), 1, "the confirmation carries a personal link");
    let page = open_link(&ana, &links[0]).await;
    assert!(page.contains("Hello Ana Lima"));
    assert!(page.contains(r#"action="/candidate/withdraw""#));
    assert!(page.contains(r#"action="/candidate/erase""#));
    assert!(!page.contains("answers-form"), "no questions to answer");
}

#[derive(diesel::QueryableByName)]
struct Named {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

#[derive(diesel::QueryableByName)]
struct TableColumn {
    #[diesel(sql_type = diesel::sql_types::Text)]
    table_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    column_name: String,
}

#[derive(diesel::QueryableByName)]
struct Value {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    v: Option<String>,
}

#[derive(diesel::QueryableByName)]
struct Bytes {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Binary>)]
    v: Option<Vec<u8>>,
}

/// Every (table, column, value) of every text-like column of every table,
/// found from the database's own catalogue (so tables added later are
/// searched too).
async fn every_text_value(app: &TestApp) -> Vec<(String, String, String)> {
    app.db
        .read(|conn| {
            use diesel::RunQueryDsl;
            use rapport::db::DbConnection;
            let mut out = vec![];
            match conn {
                DbConnection::Sqlite(c) => {
                    let tables: Vec<Named> = diesel::sql_query(
                        "SELECT name FROM sqlite_master WHERE type = 'table'",
                    )
                    .load(c)?;
                    for t in tables {
                        let columns: Vec<Named> = diesel::sql_query(format!(
                            "SELECT name FROM pragma_table_info('{}')",
                            t.name
                        ))
                        .load(c)?;
                        for col in columns {
                            // As bytes: a search index's pages are blobs
                            // that must not hold her name either.
                            let values: Vec<Bytes> = diesel::sql_query(format!(
                                "SELECT CAST(\"{}\" AS BLOB) AS v FROM \"{}\"",
                                col.name, t.name
                            ))
                            .load(c)?;
                            out.extend(values.into_iter().filter_map(|v| {
                                v.v.map(|v| {
                                    let text = String::from_utf8_lossy(&v).into_owned();
                                    (t.name.clone(), col.name.clone(), text)
                                })
                            }));
                        }
                    }
                }
                DbConnection::Postgresql(c) => {
                    let columns: Vec<TableColumn> = diesel::sql_query(
                        "SELECT table_name::text AS table_name, column_name::text AS column_name \
                         FROM information_schema.columns \
                         WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb')",
                    )
                    .load(c)?;
                    for col in columns {
                        let values: Vec<Value> = diesel::sql_query(format!(
                            "SELECT \"{}\"::text AS v FROM \"{}\"",
                            col.column_name, col.table_name
                        ))
                        .load(c)?;
                        out.extend(values.into_iter().filter_map(|v| {
                            v.v.map(|v| (col.table_name.clone(), col.column_name.clone(), v))
                        }));
                    }
                }
            }
            Ok(out)
        })
        .await
        .unwrap()
}

async fn erasure_leaves_nothing_behind(backend: Backend) {
    const NAME: &str = "Anaïs Quillfeather";
    const EMAIL: &str = "anais.quill@example.com";
    const COVER: &str = "zebra-striped kindness";
    const ANSWER: &str = "marmalade-fuelled curiosity";
    let app = spawn_app(backend).await;
    let (job_id, slug) = screened_job(&app).await;
    let owner_id = {
        let email = crate::helpers::OWNER_EMAIL.to_string();
        app.db
            .read(move |c| rapport::db::users::find_by_email(c, &email))
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let res = app
        .post_form(
            &format!("/admin/jobs/{job_id}/pipeline"),
            &[("panel", &owner_id)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    // She applies with a CV and a cover letter, and answers.
    let anais = app.new_browser();
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", anais.csrf_token().await)
        .text("name", NAME)
        .text("email", EMAIL)
        .text("languages", "en")
        .text("fluencies", "fluent")
        .text("location", "Quillfeather Lane, Lisbon")
        .text(
            "cover_letter",
            format!("Hello! I bring {COVER} to every ticket."),
        )
        .text("consent", "yes")
        .part(
            "cv",
            reqwest::multipart::Part::bytes(pdf)
                .file_name("Quillfeather CV.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let res = anais
        .client
        .post(anais.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let link = links_to(&app, EMAIL).await.pop().unwrap();
    let page = open_link(&anais, &link).await;
    let answer = format!("Dear customer, with {ANSWER} I would ask: which page? Best, {NAME}");
    let res = anais
        .post_form(
            "/candidate/submit",
            &[
                ("round", &round_of(&page)),
                ("answer-comments", &answer),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/candidate?notice=submitted");
    let uploads = app.mail_dir.parent().unwrap().join("uploads");
    assert_eq!(std::fs::read_dir(&uploads).unwrap().count(), 1);

    // The team works on her application, quoting her name everywhere.
    let (app_id, answer_id) = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::{answers, applications};
            let a: String = applications::table.select(applications::id).first(c)?;
            let b: String = answers::table
                .filter(answers::question_id.eq("comments"))
                .select(answers::id)
                .first(c)?;
            Ok((a, b))
        })
        .await
        .unwrap();
    let res = app
        .post_form(
            &format!("/admin/answers/{answer_id}/override"),
            &[
                ("empathy", "2"),
                ("curiosity", "2"),
                ("percent", "90"),
                ("reason", &format!("{NAME} asks the right question.")),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "override");
    let id = app_id.clone();
    app.db
        .write(move |c| {
            use rapport::domain::application::Stage;
            let reason = format!("{NAME} has {COVER}");
            rapport::db::applications::move_stage(
                c,
                &id,
                Stage::ScreenReview,
                Stage::Interview,
                "test",
                &reason,
                rapport::db::now(),
            )
        })
        .await
        .unwrap();
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/interviews"),
            &[
                ("kind", "culture"),
                ("date", "2027-03-02"),
                ("time", "14:00"),
                ("timezone", "Europe/Paris"),
                ("duration_minutes", "45"),
                ("location", "https://meet.example.com/quill"),
                ("interviewers", &owner_id),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "interview scheduled");
    let notes = format!("{NAME} was warm; {ANSWER}.");
    let res = app
        .post_form(
            &format!("/admin/applications/{app_id}/scorecard"),
            &[
                ("rating_empathy", "4"),
                ("rating_curiosity", "3"),
                ("rating_humility", "3"),
                ("rating_dedication", "4"),
                ("rating_technical_inclination", "3"),
                ("notes_empathy", &notes),
                ("recommendation", "4"),
                ("overall_notes", &notes),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "scorecard");
    let id = app_id.clone();
    app.db
        .write(move |c| {
            use rapport::domain::application::Stage;
            rapport::db::applications::move_stage(
                c,
                &id,
                Stage::Interview,
                Stage::TeamDecision,
                "test",
                "",
                rapport::db::now(),
            )
        })
        .await
        .unwrap();
    app.post_form(
        &format!("/admin/applications/{app_id}/vote"),
        &[("vote", "yes"), ("reason", &format!("Yes to {NAME}."))],
    )
    .await;
    // Some mail is delivered, some is still waiting when she erases.
    app.deliver_mail().await;
    let sent_before = app.emails().len();
    anais
        .post_form(&format!("/jobs/{slug}/link"), &[("email", EMAIL)])
        .await;

    let needles = [NAME, "Quillfeather", EMAIL, COVER, ANSWER];
    let mentioning = |values: &[(String, String, String)]| -> Vec<(String, String)> {
        values
            .iter()
            .filter(|(_, _, v)| {
                let v = v.to_lowercase();
                needles.iter().any(|n| v.contains(&n.to_lowercase()))
            })
            .map(|(t, c, v)| (format!("{t}.{c}"), v.chars().take(120).collect()))
            .collect()
    };
    // Before: the search finds her everywhere the team and the mail put her.
    let before: std::collections::BTreeSet<String> = mentioning(&every_text_value(&app).await)
        .into_iter()
        .map(|(at, _)| at)
        .collect();
    for place in [
        "applications.name",
        "applications.cover_letter",
        "answers.body",
        "answer_overrides.reason",
        "application_events.reason",
        "scorecards.overall_notes",
        "votes.reason",
        "outbox.recipient",
        "outbox.payload",
    ] {
        assert!(before.contains(place), "{place} not found in {before:?}");
    }

    let res = anais
        .post_form("/candidate/erase", &[("confirm", "yes")])
        .await;
    assert!(res.text().await.unwrap().contains("Your data is erased"));

    let values = every_text_value(&app).await;
    assert!(values.len() > 20, "the search saw the database");
    let found = mentioning(&values);
    assert!(
        found.is_empty(),
        "personal data left after erasure: {found:#?}"
    );
    assert_eq!(
        std::fs::read_dir(&uploads).unwrap().count(),
        0,
        "the CV file is deleted"
    );
    // The waiting email was cancelled, not sent; the interviewer's
    // calendar gets a cancellation that does not name her.
    app.deliver_mail().await;
    let after: Vec<String> = app.emails().into_iter().skip(sent_before).collect();
    assert_eq!(after.len(), 1, "only the interviewer's cancellation");
    let cancellation = unfold_qp(&after[0]);
    assert!(cancellation.contains(&format!("To: {}", crate::helpers::OWNER_EMAIL)));
    assert!(cancellation.contains("METHOD:CANCEL"));
    assert!(!cancellation.contains("Quillfeather") && !cancellation.contains("anais.quill"));
    // Staff lists no longer show her.
    let table = app
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    assert!(!table.contains("Erased candidate") && !table.contains("erased-"));
    assert_eq!(
        app.get(&format!("/admin/applications/{app_id}"))
            .await
            .status()
            .as_u16(),
        404
    );
}

/// Puts the owner on the job's panel, moves the only application to the
/// interview stage and schedules an interview with these fields.
async fn schedule_interview(app: &TestApp, job_id: &str, fields: &[(&str, &str)]) -> String {
    app.owner_on_panel(job_id).await;
    let owner = app.owner_id().await;
    let app_id = app
        .db
        .write(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::applications;
            use rapport::domain::application::Stage;
            let (id, stage): (String, String) = applications::table
                .select((applications::id, applications::stage))
                .first(c)?;
            let from = Stage::parse(&stage).unwrap();
            rapport::db::applications::move_stage(
                c,
                &id,
                from,
                Stage::Interview,
                "test",
                "",
                rapport::db::now(),
            )?;
            Ok(id)
        })
        .await
        .unwrap();
    let mut form: Vec<(&str, &str)> = fields.to_vec();
    form.push(("interviewers", &owner));
    let res = app
        .post_form(&format!("/admin/applications/{app_id}/interviews"), &form)
        .await;
    assert_eq!(res.status().as_u16(), 303, "interview scheduled");
    app_id
}

/// The (only) calendar invitation emailed to `to`, decoded enough to read.
async fn invitation_to(app: &TestApp, to: &str) -> String {
    app.deliver_mail().await;
    let mut found: Vec<String> = app
        .emails()
        .into_iter()
        .map(|e| unfold_qp(&e))
        .filter(|e| e.contains(&format!("To: {to}")) && e.contains("text/calendar"))
        .collect();
    assert_eq!(found.len(), 1, "one invitation");
    found.pop().unwrap()
}

async fn time_zones_are_checked_and_used(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = screened_job(&app).await;

    // The form offers the zones by name, with no inline script.
    let form = app.get_text(&format!("/jobs/{slug}/apply")).await;
    assert!(form.contains(r#"list="timezones""#));
    assert!(form.contains(r#"<option value="Europe/Lisbon">"#));
    assert!(form.contains(r#"<script src="/static/timezone.js" defer></script>"#));
    assert!(!form.contains("CET, UTC"));
    assert_eq!(app.get("/static/timezone.js").await.status().as_u16(), 200);

    // A made-up zone is refused next to its field, and nothing is stored.
    let eve = app.new_browser();
    let mut fields = ana_fields("Eve", "eve@example.com", "");
    fields.push(("timezone", "<script>alert(1)</script>"));
    let res = post_application(&eve, &slug, &fields).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains(r#"id="timezone-error""#),
        "the message is next to the field"
    );
    assert!(page.contains("Choose your time zone from the list"));
    assert!(
        !page.contains("<script>alert(1)</script>"),
        "shown escaped, never as markup"
    );
    assert_eq!(count_applications(&app).await, 0);

    // A candidate in Lisbon reads the organiser's 15:00 Paris as 14:00 Lisbon.
    let ana = app.new_browser();
    let mut fields = ana_fields("Ana Lima", "ana@example.com", "");
    fields.push(("timezone", "Europe/Lisbon"));
    let res = post_application(&ana, &slug, &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    schedule_interview(
        &app,
        &job_id,
        &[
            ("kind", "culture"),
            ("date", "2027-03-02"),
            ("time", "15:00"),
            ("timezone", "Europe/Paris"),
            ("duration_minutes", "45"),
            ("location", "https://meet.example.com/ana"),
        ],
    )
    .await;
    let invitation = invitation_to(&app, "ana@example.com").await;
    assert!(
        invitation.contains("Tuesday 2 March 2027, 14:00 Lisbon time (WET)"),
        "{invitation}"
    );
    assert!(!invitation.contains("15:00"), "not the organiser's time");
    assert!(!invitation.contains("CET"), "not the organiser's zone");
}

async fn the_questionnaire_intro_reads_well_on_a_phone(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, slug) = screened_job(&app).await;
    let ana = app.new_browser();
    ana.apply(&slug, "Ana Lima", "ana@example.com", None).await;
    let link = links_to(&app, "ana@example.com").await.pop().unwrap();
    let page = open_link(&ana, &link).await;
    let doc = scraper::Html::parse_document(&page);
    let intro = scraper::Selector::parse(".questionnaire-intro").unwrap();
    let intro = doc.select(&intro).next().expect("the introduction");
    let paragraphs = intro
        .select(&scraper::Selector::parse("p").unwrap())
        .count();
    assert!(
        paragraphs >= 3,
        "paragraphs stay paragraphs: {}",
        intro.html()
    );
    let facts = intro
        .select(&scraper::Selector::parse("ul > li").unwrap())
        .count();
    assert!(facts >= 5, "the product facts are a list: {}", intro.html());
    assert!(
        intro.html().contains("Bearer &lt;key&gt;"),
        "angle brackets in the facts are text, not dropped as HTML"
    );
    // The only count and time shown are the page's own, for this round.
    let text = intro.text().collect::<String>().to_lowercase();
    assert!(
        !text.contains("minutes") && !text.contains(" ten "),
        "{text}"
    );
    let questions = crate::helpers::question_ids(&page).len();
    assert!(page.contains(&format!("{questions} questions, about ")));
}

async fn the_status_page_follows_every_stage(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = screened_job(&app).await;
    let ana = app.new_browser();
    let mut fields = ana_fields("Ana Lima", "ana@example.com", "");
    fields.push(("timezone", "Europe/Lisbon"));
    post_application(&ana, &slug, &fields).await;
    let link = links_to(&app, "ana@example.com").await.pop().unwrap();
    let page = open_link(&ana, &link).await;
    assert!(
        page.contains(r#"aria-current="step">Screening questions"#),
        "{page}"
    );

    // Every stage has words for people, and a place among the steps (or
    // none once closed).
    use rapport::domain::application::Stage;
    for stage in Stage::ALL {
        let words = rapport::i18n::Locale::ENGLISH
            .text(&format!("cand-stage-{}", stage.as_str().replace('_', "-")));
        assert!(words.len() > 20 && !words.contains('_'), "{stage:?}");
        assert_eq!(
            stage.candidate_step().is_none(),
            matches!(stage, Stage::Rejected | Stage::Withdrawn),
            "{stage:?}"
        );
    }

    schedule_interview(
        &app,
        &job_id,
        &[
            ("kind", "role_play"),
            ("date", "2027-03-02"),
            ("time", "15:00"),
            ("timezone", "Europe/Paris"),
            ("duration_minutes", "45"),
            ("location", "https://meet.example.com/ana"),
        ],
    )
    .await;
    let page = ana.get_text("/candidate").await;
    assert!(page.contains("Your booked conversations"));
    assert!(
        page.contains("A support role-play with the team"),
        "words for people"
    );
    assert!(!page.contains("furious"), "not the team's shorthand");
    assert!(
        page.contains("Tuesday 2 March 2027, 14:00 Lisbon time (WET)"),
        "in her zone"
    );
    assert!(page.contains("https://meet.example.com/ana"));
    assert!(page.contains(r#"aria-current="step">Conversations with the team"#));
    assert!(page.contains("You are in the interview stage"));
}

async fn repeated_applications_do_not_flood_a_mailbox(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, slug) = screened_job(&app).await;
    let eve = app.new_browser();
    let mut answers = vec![];
    for _ in 0..6 {
        let res =
            post_application(&eve, &slug, &ana_fields("Ana Lima", "ana@example.com", "")).await;
        answers.push((res.status().as_u16(), location(&res)));
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    assert_eq!(count_applications(&app).await, 1);
    let links = links_to(&app, "ana@example.com").await;
    assert_eq!(
        links.len() as i64,
        rapport::web::candidate::flow::MAX_LINKS_PER_WINDOW,
        "a few links, not one per post"
    );
}
