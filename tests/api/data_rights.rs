//! Candidates' data rights: a copy of everything held, erasure by an owner
//! on request, and erasure when the job's retention period has passed.

use chrono::Months;
use rapport::files::FileStore;
use rapport::retention::Retention;

use crate::cv_store::{files_in, local_uploads};
use crate::helpers::{location, round_of, spawn_app, Backend, TestApp, PASSWORD};
use crate::on_every_backend;

on_every_backend!(
    candidates_download_everything_held_about_them_and_nothing_else,
    owners_erase_a_candidate_on_request,
    retention_erases_exactly_the_candidates_past_their_date,
);

const PDF: &[u8] = b"%PDF-1.4\n% Ana's CV\n%%EOF\n";

async fn application_id(app: &TestApp, job_id: &str, email: &str) -> Option<String> {
    let (job_id, email) = (job_id.to_string(), email.to_string());
    app.db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &job_id, &email))
        .await
        .unwrap()
        .map(|a| a.id)
}

/// On SQLite, the search index's rows (FTS5 and the table of which of its
/// rows is whose) held for this application, and the applications in all
/// against the rows in the index: None on PostgreSQL (its index is a plain
/// index on the table).
async fn search_index_rows(app: &TestApp, app_id: &str) -> Option<(i64, i64, i64)> {
    #[derive(diesel::QueryableByName)]
    struct Counts {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        hers: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        applications: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        indexed: i64,
    }
    let app_id = app_id.to_string();
    app.db
        .read(move |conn| {
            use diesel::RunQueryDsl;
            let rapport::db::DbConnection::Sqlite(c) = conn else {
                return Ok(None);
            };
            let counts: Counts = diesel::sql_query(
                "SELECT (SELECT count(*) FROM applications_search WHERE app_id = ?1) \
                      + (SELECT count(*) FROM applications_search_rows WHERE app_id = ?1) AS hers, \
                        (SELECT count(*) FROM applications) AS applications, \
                        (SELECT count(*) FROM applications_search s \
                           JOIN applications_search_rows r ON r.search_rowid = s.rowid \
                          WHERE r.app_id = s.app_id) AS indexed",
            )
            .bind::<diesel::sql_types::Text, _>(app_id)
            .get_result(c)?;
            Ok(Some((counts.hers, counts.applications, counts.indexed)))
        })
        .await
        .unwrap()
}

async fn erased_events(app: &TestApp, job_id: &str) -> Vec<rapport::db::audit::AuditEvent> {
    let job_id = job_id.to_string();
    app.db
        .read(move |c| rapport::db::audit::for_subject(c, "job", &job_id))
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "application.erased")
        .collect()
}

async fn candidates_download_everything_held_about_them_and_nothing_else(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    app.set_screening(&job_id, &["generalist-en"], true).await;
    let ana = app.new_browser();
    ana.apply(
        &slug,
        "Ana Lima",
        "ana@example.com",
        Some(("cv.pdf", PDF.to_vec())),
    )
    .await;
    let bob = app.new_browser();
    bob.apply(&slug, "Bob Stone", "bob@example.com", None).await;

    assert_eq!(
        ana.get("/candidate/data.json").await.status().as_u16(),
        401,
        "no copy without the candidate's session"
    );
    let link = app.candidate_link("ana@example.com").await;
    ana.client.get(&link).send().await.unwrap();
    let page = ana.get_text("/candidate").await;
    assert!(page.contains(r#"href="/candidate/data.json""#));
    assert!(page.contains("12 months after this job closes"));
    let round = round_of(&page);
    let res = ana
        .post_form(
            "/candidate/answers",
            &[
                ("round", &round),
                ("answer-comments", "Ana's own words about refunds"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    let res = ana.get("/candidate/data.json").await;
    assert_eq!(res.status().as_u16(), 200);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(res.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("no-store"));
    let text = res.text().await.unwrap();
    let copy: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(copy["application"]["name"], "Ana Lima");
    assert_eq!(copy["application"]["email"], "ana@example.com");
    assert_eq!(copy["application"]["cv_filename"], "cv.pdf");
    assert_eq!(copy["retention_months"], 12);
    let answers = &copy["screening_rounds"][0]["answers"];
    assert!(
        answers
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["body"] == "Ana's own words about refunds"),
        "her draft answer is in her copy: {answers}"
    );
    assert!(!copy["history"].as_array().unwrap().is_empty());
    assert!(
        !copy["emails_to_you"].as_array().unwrap().is_empty(),
        "the emails sent to her are listed"
    );
    for absent in [
        "Bob Stone",
        "bob@example.com",
        "author_id",
        "cv_file\"",
        "payload",
    ] {
        assert!(!text.contains(absent), "{absent} must not be in Ana's copy");
    }

    let res = ana.get("/candidate/cv").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);

    // Bob sent no CV: there is nothing to download, and never Ana's.
    let link = app.candidate_link("bob@example.com").await;
    bob.client.get(&link).send().await.unwrap();
    assert_eq!(bob.get("/candidate/cv").await.status().as_u16(), 404);
    let bobs: serde_json::Value =
        serde_json::from_str(&bob.get_text("/candidate/data.json").await).unwrap();
    assert_eq!(bobs["application"]["name"], "Bob Stone");
    assert!(!bobs.to_string().contains("Ana"));
}

async fn owners_erase_a_candidate_on_request(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    let ana = app.new_browser();
    ana.apply(
        &slug,
        "Ana Lima",
        "ana@example.com",
        Some(("cv.pdf", PDF.to_vec())),
    )
    .await;
    let bob = app.new_browser();
    bob.apply(&slug, "Bob Stone", "bob@example.com", None).await;
    let link = app.candidate_link("ana@example.com").await;
    let ana_id = application_id(&app, &job_id, "ana@example.com")
        .await
        .unwrap();
    assert_eq!(files_in(&local_uploads(&app)).len(), 1);
    if let Some((hers, applications, indexed)) = search_index_rows(&app, &ana_id).await {
        assert_eq!(hers, 2, "her row in the search index and which row it is");
        assert_eq!((applications, indexed), (2, 2));
    }

    let page = app.get_text(&format!("/admin/applications/{ana_id}")).await;
    assert!(page.contains(&format!(r#"action="/admin/applications/{ana_id}/erase""#)));

    // Unconfirmed: refused with the reason, and nothing changes.
    let res = app
        .post_form(&format!("/admin/applications/{ana_id}/erase"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(res.text().await.unwrap().contains("Tick the box"));
    assert!(application_id(&app, &job_id, "ana@example.com")
        .await
        .is_some());

    // An interviewer may not erase.
    app.create_user("ivy@example.com", "interviewer").await;
    let ivy = app.new_browser();
    ivy.login("ivy@example.com", PASSWORD).await;
    let res = ivy
        .post_form(
            &format!("/admin/applications/{ana_id}/erase"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(application_id(&app, &job_id, "ana@example.com")
        .await
        .is_some());

    // Two owners' tabs (or a double click) at once: one erases, the other
    // finds nothing, and the history records one erasure.
    let path = format!("/admin/applications/{ana_id}/erase");
    let (a, b) = tokio::join!(
        app.post_form(&path, &[("confirm", "yes")]),
        app.post_form(&path, &[("confirm", "yes")])
    );
    let mut codes = [a.status().as_u16(), b.status().as_u16()];
    codes.sort();
    assert_eq!(codes, [303, 404]);
    let res = if a.status().as_u16() == 303 { a } else { b };
    assert_eq!(
        location(&res),
        format!("/admin/jobs/{job_id}/applications?erased=1")
    );
    let list = app.get_text(&location(&res)).await;
    assert!(
        list.contains("The candidate&#x27;s data is erased")
            || list.contains("The candidate's data is erased")
    );
    assert!(!list.contains("Ana Lima") && list.contains("Bob Stone"));
    assert!(application_id(&app, &job_id, "ana@example.com")
        .await
        .is_none());
    assert!(
        files_in(&local_uploads(&app)).is_empty(),
        "her CV is deleted"
    );
    if let Some((hers, applications, indexed)) = search_index_rows(&app, &ana_id).await {
        assert_eq!(hers, 0, "nothing of hers is left in the search index");
        assert_eq!((applications, indexed), (1, 1), "Bob's row is still found");
    }
    assert_eq!(
        app.anonymous()
            .get(&link)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404,
        "her link is gone"
    );
    let events = erased_events(&app, &job_id).await;
    assert_eq!(events.len(), 1, "one erasure, recorded once");
    let owner = crate::pipeline::user_id(&app, crate::helpers::OWNER_EMAIL).await;
    assert_eq!(events[0].actor_id.as_deref(), Some(owner.as_str()));
    assert!(!events[0].detail.contains("Ana") && !events[0].detail.contains("ana@"));
}

async fn retention_erases_exactly_the_candidates_past_their_date(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (short_job, short_slug) = app.publish_job(&[("title", "Support lead")]).await;
    let (long_job, long_slug) = app.publish_job(&[("title", "Support engineer")]).await;
    let (open_job, open_slug) = app.publish_job(&[("title", "Support agent")]).await;

    // Refused periods change nothing.
    for bad in ["0", "61", "soon", ""] {
        let res = app
            .post_form(
                &format!("/admin/jobs/{long_job}/retention"),
                &[("months", bad)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400, "{bad:?}");
    }
    let res = app
        .post_form(
            &format!("/admin/jobs/{long_job}/retention"),
            &[("months", "24")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/admin/jobs/{long_job}/edit?retention=1")
    );
    let form = app.get_text(&format!("/jobs/{long_slug}/apply")).await;
    assert!(
        form.contains("kept for 24 months after this job closes"),
        "the consent says the job's period"
    );

    let people = [
        (&short_slug, "Ana Lima", "ana@example.com"),
        (&short_slug, "Cy Moreau", "cy@example.com"),
        (&long_slug, "Bob Stone", "bob@example.com"),
        (&open_slug, "Dee Park", "dee@example.com"),
    ];
    for (slug, name, email) in people {
        let b = app.new_browser();
        let res = b
            .apply(slug, name, email, Some(("cv.pdf", PDF.to_vec())))
            .await;
        assert_eq!(res.status().as_u16(), 200);
    }
    assert_eq!(files_in(&local_uploads(&app)).len(), 4);
    for job in [&short_job, &long_job] {
        let res = app
            .post_form(
                &format!("/admin/jobs/{job}/close"),
                &[("reason", "filled"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
    }
    let editor = app.get_text(&format!("/admin/jobs/{short_job}/edit")).await;
    assert!(editor.contains("personal data is erased on"));

    let retention = Retention {
        db: app.db.clone(),
        files: FileStore::local(&local_uploads(&app)).unwrap(),
        mail_domain: "example.com".into(),
        every: std::time::Duration::from_secs(3600),
    };
    let now = rapport::db::now();
    assert_eq!(
        retention.erase_due(now).await.unwrap(),
        0,
        "nothing is due yet"
    );
    assert_eq!(retention.erase_due(now + Months::new(11)).await.unwrap(), 0);

    let in_13_months = now + Months::new(13);
    assert_eq!(retention.erase_due(in_13_months).await.unwrap(), 2);
    for email in ["ana@example.com", "cy@example.com"] {
        assert!(
            application_id(&app, &short_job, email).await.is_none(),
            "{email}"
        );
    }
    assert!(application_id(&app, &long_job, "bob@example.com")
        .await
        .is_some());
    assert!(application_id(&app, &open_job, "dee@example.com")
        .await
        .is_some());
    assert_eq!(
        files_in(&local_uploads(&app)).len(),
        2,
        "their two CVs are deleted"
    );
    let events = erased_events(&app, &short_job).await;
    assert_eq!(events.len(), 2, "counted in the history");
    for e in &events {
        assert!(e.actor_id.is_none());
        assert!(e.detail.contains("retention"), "{}", e.detail);
        assert!(!e.detail.contains("Ana") && !e.detail.contains("Cy"));
    }
    assert_eq!(
        retention.erase_due(in_13_months).await.unwrap(),
        0,
        "a second run erases nothing more"
    );

    let in_25_months = now + Months::new(25);
    assert_eq!(retention.erase_due(in_25_months).await.unwrap(), 1);
    assert!(application_id(&app, &long_job, "bob@example.com")
        .await
        .is_none());
    assert!(
        application_id(&app, &open_job, "dee@example.com")
            .await
            .is_some(),
        "an open job keeps its candidates"
    );
    assert_eq!(files_in(&local_uploads(&app)).len(), 1);
}

/// Two owners saving a job's first retention period at the same moment
/// both find no row and both insert: the second insert hits the primary
/// key. Only PostgreSQL runs writers side by side (SQLite takes one at a
/// time), so the race is tried there: every save succeeds and one row
/// holds the period.
#[cfg(rapport_pg_tests)]
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn first_retention_saves_at_once_all_succeed_with_one_row() {
    use diesel::prelude::*;

    let app = spawn_app(Backend::Postgres).await;
    app.sign_up_owner().await;
    let token = app.csrf_token().await;
    for round in 0..6 {
        let (job_id, _) = app
            .publish_job(&[("title", &format!("Support agent {round}"))])
            .await;
        let path = format!("/admin/jobs/{job_id}/retention");
        let months: Vec<String> = (1..=12).map(|m| m.to_string()).collect();
        let saves = months.iter().map(|m| {
            let (app, path, token) = (&app, &path, &token);
            async move {
                app.post_raw(path, &[("months", m.as_str()), ("csrf_token", token)])
                    .await
            }
        });
        let codes: Vec<u16> = futures::future::join_all(saves)
            .await
            .iter()
            .map(|r| r.status().as_u16())
            .collect();
        assert!(codes.iter().all(|c| *c == 303), "round {round}: {codes:?}");
        let job = job_id.clone();
        let rows: Vec<i32> = app
            .db
            .read(move |conn| {
                use rapport::db::schema::job_retention::dsl::*;
                Ok(job_retention
                    .filter(job_id.eq(job))
                    .select(months)
                    .load::<i32>(conn)
                    .unwrap())
            })
            .await
            .unwrap();
        assert_eq!(rows.len(), 1, "round {round}");
        assert!((1..=12).contains(&rows[0]));
    }
}
