//! Candidates imported from another tool's CSV: a dry run that reports
//! every problem by line, an import that stores only checked lines and
//! sends nothing, and a rerun that adds no one twice.

use rapport::cli::import::{run, Options, Report};
use rapport::flows::import::Imported;

use crate::helpers::{spawn_app, Backend, Browser, TestApp, PASSWORD};
use crate::on_every_backend;

on_every_backend!(
    a_csv_of_candidates_is_checked_imported_and_rerun_safely,
    owners_import_candidates_from_the_job_page,
);

const CSV: &str = "\
Full name,E-mail address,Languages,Time zone,Notes
Ana Lima,ana@example.com,\"en:native; fr\",Europe/Lisbon,Referred by Jo
Bob Stone,bob@example.com,English (fluent),,
Cy Moreau,not-an-email,fr,,
Dee Park,dee@example.com,en,Mars/Olympus,
Eve Adams,eve@example.com,en,,<script>alert(1)</script>
";

async fn import(
    app: &TestApp,
    slug: &str,
    dry_run: bool,
    skip_invalid: bool,
) -> (anyhow::Result<Report>, String) {
    let db = app.db.clone();
    let slug = slug.to_string();
    tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        let opts = Options {
            job_slug: &slug,
            mapping: &[],
            dry_run,
            skip_invalid,
            progress: false,
        };
        let result = run(&db, CSV.as_bytes(), &opts, &mut out);
        (result, String::from_utf8(out).unwrap())
    })
    .await
    .unwrap()
}

async fn applications(app: &TestApp, job_id: &str) -> usize {
    let job_id = job_id.to_string();
    app.db
        .read(move |c| rapport::db::applications::ids_for_job(c, &job_id))
        .await
        .unwrap()
        .len()
}

async fn a_csv_of_candidates_is_checked_imported_and_rerun_safely(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    // Eve already applied through the form.
    let eve = app.new_browser();
    eve.apply(&slug, "Eve Adams", "eve@example.com", None).await;
    app.deliver_mail().await;
    let emails_before = app.emails().len();

    let (report, out) = import(&app, &slug, true, false).await;
    assert_eq!(
        report.unwrap(),
        Report {
            lines: 5,
            problems: 2,
            imported: None
        }
    );
    assert!(out.contains("line 4: email:"), "{out}");
    assert!(out.contains("line 5: timezone:"), "{out}");
    assert!(out.contains("cover_letter   ← Notes"), "{out}");
    assert_eq!(
        applications(&app, &job_id).await,
        1,
        "a dry run stores nothing"
    );

    let (report, _) = import(&app, &slug, false, false).await;
    assert!(report
        .unwrap_err()
        .to_string()
        .contains("nothing was stored"));
    assert_eq!(applications(&app, &job_id).await, 1);

    let (report, out) = import(&app, &slug, false, true).await;
    assert_eq!(
        report.unwrap().imported,
        Some(Imported {
            added: 2,
            already: 1
        }),
        "{out}"
    );
    assert_eq!(applications(&app, &job_id).await, 3);
    let (report, _) = import(&app, &slug, false, true).await;
    assert_eq!(
        report.unwrap().imported,
        Some(Imported {
            added: 0,
            already: 3
        }),
        "a rerun adds no one twice"
    );
    assert_eq!(applications(&app, &job_id).await, 3);

    app.deliver_mail().await;
    assert_eq!(
        app.emails().len(),
        emails_before,
        "imported candidates get no email"
    );
    let table = app
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    assert!(table.contains("Ana Lima") && table.contains("Bob Stone"));
    assert!(!table.contains("Cy Moreau") && !table.contains("Dee Park"));
    let ana = {
        let job_id = job_id.clone();
        app.db
            .read(move |c| {
                rapport::db::applications::find_by_job_email(c, &job_id, "ana@example.com")
            })
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(ana.source, "import");
    assert_eq!(ana.timezone, "Europe/Lisbon");
    assert_eq!(ana.cover_letter, "Referred by Jo");
    let page = app
        .get_text(&format!("/admin/applications/{}", ana.id))
        .await;
    assert!(page.contains("imported from another hiring tool"));

    let (report, _) = import(&app, "no-such-job", true, false).await;
    assert!(report
        .unwrap_err()
        .to_string()
        .contains("no job has the address"));
}

async fn upload(
    browser: &Browser,
    job_id: &str,
    action: &str,
    skip_invalid: bool,
) -> reqwest::Response {
    let token = browser.csrf_token().await;
    let mut form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("action", action.to_string())
        .text("mapping", "")
        .part(
            "file",
            reqwest::multipart::Part::bytes(CSV.as_bytes().to_vec())
                .file_name("candidates.csv")
                .mime_str("text/csv")
                .unwrap(),
        );
    if skip_invalid {
        form = form.text("skip_invalid", "yes");
    }
    browser
        .client
        .post(browser.url(&format!("/admin/jobs/{job_id}/import")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn owners_import_candidates_from_the_job_page(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, _) = app.publish_job(&[]).await;
    let list = app
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    assert!(list.contains(&format!(r#"href="/admin/jobs/{job_id}/import""#)));
    assert_eq!(
        app.get(&format!("/admin/jobs/{job_id}/import"))
            .await
            .status()
            .as_u16(),
        200
    );

    let res = upload(&app.browser, &job_id, "check", false).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("5 lines, 3 ready, 2 with problems"), "{page}");
    assert!(page.contains("<td>4</td><td>email</td>"));
    assert!(
        !page.contains("<script>alert(1)</script>"),
        "file contents are escaped"
    );
    assert_eq!(applications(&app, &job_id).await, 0);

    let res = upload(&app.browser, &job_id, "import", false).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("Nothing was imported"));
    assert_eq!(applications(&app, &job_id).await, 0);

    let res = upload(&app.browser, &job_id, "import", true).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("Imported 3 candidates"));
    assert_eq!(applications(&app, &job_id).await, 3);
    let res = upload(&app.browser, &job_id, "import", true).await;
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Imported 0 candidates; 3 were already there"));
    assert_eq!(applications(&app, &job_id).await, 3);

    // Interviewers may not import, and a form without its token is refused.
    app.create_user("ivy@example.com", "interviewer").await;
    let ivy = app.new_browser();
    ivy.login("ivy@example.com", PASSWORD).await;
    assert_eq!(
        upload(&ivy, &job_id, "import", true)
            .await
            .status()
            .as_u16(),
        403
    );
    let res = app
        .browser
        .client
        .post(app.browser.url(&format!("/admin/jobs/{job_id}/import")))
        .multipart(reqwest::multipart::Form::new().text("action", "import"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(applications(&app, &job_id).await, 3);
}
