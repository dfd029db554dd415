use crate::helpers::{
    exemplars, location, question_ids, round_of, spawn_app, Backend, Browser, TestApp,
};
use crate::on_every_backend;

on_every_backend!(
    a_candidate_applies_answers_and_the_team_reviews,
    applying_twice_creates_one_application,
    bad_applications_are_refused_and_store_nothing,
    expired_unknown_and_foreign_links_are_refused,
    a_double_submit_scores_once,
    many_candidates_submit_at_once_and_nothing_is_lost,
    a_screen_ending_while_staff_move_the_application_moves_it_once,
    candidates_withdraw_and_erase_their_data,
    answers_full_of_html_are_inert_on_the_review_page,
);

/// An owner, a published generalist job screening with generalist-en.
async fn job_with_screening(app: &TestApp, all_at_once: bool) -> (String, String) {
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[]).await;
    app.set_screening(&id, &["generalist-en"], all_at_once)
        .await;
    (id, slug)
}

/// Opens the personal link in `browser` and returns the candidate page.
async fn open_link(browser: &Browser, link: &str) -> String {
    let res = browser.client.get(link).send().await.unwrap();
    assert_eq!(
        res.status().as_u16(),
        303,
        "the link is exchanged for a session"
    );
    assert_eq!(
        location(&res),
        "/candidate",
        "the token leaves the address bar"
    );
    browser.get_text("/candidate").await
}

async fn post_answers(
    browser: &Browser,
    path: &str,
    round: &str,
    answers: &[(String, String)],
) -> reqwest::Response {
    let mut form: Vec<(String, String)> = vec![("round".into(), round.into())];
    if path == "/candidate/submit" {
        // Sending is confirmed (the confirmation step has its own test).
        form.push(("confirm".into(), "yes".into()));
    }
    form.extend(
        answers
            .iter()
            .map(|(q, a)| (format!("answer-{q}"), a.clone())),
    );
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.post_form(path, &refs).await
}

async fn a_candidate_applies_answers_and_the_team_reviews(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app, false).await;
    let page = app.get_text(&format!("/jobs/{slug}")).await;
    assert!(
        page.contains(&format!("/jobs/{slug}/apply")),
        "an open job has an apply button"
    );

    let ana = app.new_browser();
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let res = ana
        .apply(
            &slug,
            "Ana Lima",
            "ana@example.com",
            Some(("Ana CV.pdf", pdf.clone())),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Thanks, Ana Lima — we read every application."));

    let link = app.candidate_link("ana@example.com").await;
    let token = link.rsplit('/').next().unwrap();
    assert!(token.len() >= 22, "at least 128 bits");
    let questions_page = open_link(&ana, &link).await;
    assert!(questions_page.contains("Links you may use"));
    let tier1 = question_ids(&questions_page);
    assert_eq!(
        tier1,
        [
            "comments",
            "licence-new-domain",
            "refund-renewal",
            "vat-invoice"
        ],
        "tier 1 first, in order"
    );

    // A draft is kept between visits.
    let round = round_of(&questions_page);
    let res = post_answers(
        &ana,
        "/candidate/answers",
        &round,
        &[("comments".into(), "Draft: thinking about it".into())],
    )
    .await;
    assert_eq!(location(&res), "/candidate?notice=saved");
    assert!(ana
        .get_text("/candidate")
        .await
        .contains("Draft: thinking about it"));
    // Autosave answers with JSON, the same way.
    let res = ana
        .client
        .post(ana.url("/candidate/answers"))
        .header("x-autosave", "1")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            serde_html_form::to_string([
                ("round", round.as_str()),
                ("answer-refund-renewal", "autosaved"),
                ("csrf_token", &ana.csrf_token().await),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);

    let strong = exemplars("strong");
    let tier1_answers: Vec<_> = strong
        .iter()
        .filter(|(q, _)| tier1.contains(q))
        .cloned()
        .collect();
    let res = post_answers(&ana, "/candidate/submit", &round, &tier1_answers).await;
    assert_eq!(
        location(&res),
        "/candidate?notice=next",
        "tier 1 passed: tier 2 unlocked"
    );
    let tier2_page = ana.get_text("/candidate").await;
    let tier2 = question_ids(&tier2_page);
    assert_eq!(tier2, ["doesnt-work", "angry-third-contact", "api-on-pro"]);
    assert!(
        app.candidate_link("ana@example.com").await.contains("/c/"),
        "the next tier is emailed too"
    );
    let round2 = round_of(&tier2_page);
    let tier2_answers: Vec<_> = strong
        .iter()
        .filter(|(q, _)| tier2.contains(q))
        .cloned()
        .collect();
    let res = post_answers(&ana, "/candidate/submit", &round2, &tier2_answers).await;
    assert_eq!(
        location(&res),
        "/candidate?notice=next",
        "the job screens tier 3 too (10% of tickets)"
    );
    let tier3_page = ana.get_text("/candidate").await;
    let tier3 = question_ids(&tier3_page);
    assert_eq!(tier3, ["api-401", "rich-snippets", "duplicate-schema"]);
    let tier3_answers: Vec<_> = strong
        .iter()
        .filter(|(q, _)| tier3.contains(q))
        .cloned()
        .collect();
    let res = post_answers(
        &ana,
        "/candidate/submit",
        &round_of(&tier3_page),
        &tier3_answers,
    )
    .await;
    assert_eq!(location(&res), "/candidate?notice=submitted");
    let status = ana.get_text("/candidate").await;
    assert!(status.contains("The team is reading them"));
    assert!(
        !status.contains('%'),
        "no internal scores for the candidate"
    );

    // The team's view.
    let table = app
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    assert!(table.contains("Ana Lima"));
    assert!(table.contains("passed"));
    let doc = scraper::Html::parse_document(&table);
    let href = doc
        .select(&scraper::Selector::parse("td a").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    let review = app.get_text(&href).await;
    assert!(review.contains("Screen review"));
    assert!(
        review.contains("<mark class=\"mark--"),
        "evidence is highlighted in the answer"
    );
    assert!(review.contains("Empathy 2/2"));
    assert!(review.contains("I love helping people."));
    assert!(review.contains("screen passed — awaiting review"));
    // The CV, as a download for staff only.
    let cv = app.get(&format!("{href}/cv")).await;
    assert_eq!(cv.status().as_u16(), 200);
    assert!(cv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(cv.bytes().await.unwrap().to_vec(), pdf);
    assert_eq!(
        ana.get(&format!("{href}/cv")).await.status().as_u16(),
        303,
        "candidates cannot fetch it"
    );

    // An override is kept beside the automatic score.
    let answer_id = {
        let doc = scraper::Html::parse_document(&review);
        let sel = scraper::Selector::parse(r#"form[action^="/admin/answers/"]"#).unwrap();
        let action = doc
            .select(&sel)
            .next()
            .unwrap()
            .value()
            .attr("action")
            .unwrap()
            .to_string();
        action
            .trim_start_matches("/admin/answers/")
            .trim_end_matches("/override")
            .to_string()
    };
    let res = app
        .post_form(
            &format!("/admin/answers/{answer_id}/override"),
            &[
                ("empathy", "1"),
                ("curiosity", "1"),
                ("percent", "40"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422, "a reason is required");
    let res = app
        .post_form(
            &format!("/admin/answers/{answer_id}/override"),
            &[
                ("empathy", "1"),
                ("curiosity", "1"),
                ("percent", "40"),
                ("reason", "Generic apology, no real engagement."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let review = app.get_text(&href).await;
    assert!(review.contains("Reviewed by Fran Founder"));
    assert!(review.contains("Generic apology, no real engagement."));
    assert!(
        review.contains("automatic"),
        "the automatic score is still shown"
    );
}

async fn applying_twice_creates_one_application(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app, true).await;
    let ana = app.new_browser();
    assert_eq!(
        ana.apply(&slug, "Ana", "ana@example.com", None)
            .await
            .status()
            .as_u16(),
        200
    );
    let again = ana.apply(&slug, "Ana", "ANA@example.com", None).await;
    assert_eq!(
        again.status().as_u16(),
        200,
        "the same answer as a first application"
    );
    assert!(again.text().await.unwrap().contains("Check your inbox"));
    let id = job_id.clone();
    let (rows, total) = app
        .db
        .read(move |c| {
            rapport::db::applications::list_for_job(
                c,
                &id,
                &rapport::db::applications::ListQuery {
                    stage: None,
                    search: None,
                    sort: rapport::db::applications::Sort::Newest,
                    cursor: rapport::db::applications::Cursor::First,
                    per_page: 10,
                },
            )
        })
        .await
        .unwrap();
    assert_eq!(total, 1);
    assert_eq!(rows[0].stage, "screening");
    // The link can be sent again; the answer never says whether someone applied.
    app.deliver_mail().await;
    let before = app.emails().len();
    let res = ana
        .post_form(
            &format!("/jobs/{slug}/link"),
            &[("email", "ana@example.com")],
        )
        .await;
    assert!(res.text().await.unwrap().contains("Check your inbox"));
    let res = ana
        .post_form(
            &format!("/jobs/{slug}/link"),
            &[("email", "nobody@example.com")],
        )
        .await;
    assert!(res.text().await.unwrap().contains("Check your inbox"));
    app.deliver_mail().await;
    assert_eq!(
        app.emails().len(),
        before + 1,
        "only the real candidate gets an email"
    );
}

async fn bad_applications_are_refused_and_store_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app, true).await;
    let eve = app.new_browser();
    let fake = b"MZ\x90\x00\x03 this is not a PDF at all".to_vec();
    let res = eve
        .apply(&slug, "Eve", "eve@example.com", Some(("cv.pdf", fake)))
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("not a PDF document"));
    // No consent, no email.
    let token = eve.csrf_token().await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("name", "Eve")
        .text("email", "nope");
    let res = eve
        .client
        .post(eve.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Tick the box to agree"));
    assert!(html.contains("Enter an email address like name@example.com"));
    // Without a CSRF token.
    let form = reqwest::multipart::Form::new()
        .text("name", "Eve")
        .text("email", "eve@example.com")
        .text("consent", "yes");
    let res = eve
        .client
        .post(eve.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let id = job_id.clone();
    let counts = app
        .db
        .read(move |c| rapport::db::applications::stage_counts(c, &id))
        .await
        .unwrap();
    assert!(counts.is_empty(), "nothing stored: {counts:?}");
    assert_eq!(
        std::fs::read_dir(app.mail_dir.parent().unwrap().join("uploads"))
            .unwrap()
            .count(),
        0,
        "no file kept"
    );
    // A closed job takes no application.
    app.post_form(
        &format!("/admin/jobs/{job_id}/close"),
        &[("reason", "filled")],
    )
    .await;
    assert_eq!(
        eve.apply(&slug, "Eve", "eve@example.com", None)
            .await
            .status()
            .as_u16(),
        400
    );
}

async fn expired_unknown_and_foreign_links_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, slug) = job_with_screening(&app, true).await;
    let ana = app.new_browser();
    ana.apply(&slug, "Ana", "ana@example.com", None).await;
    let bob = app.new_browser();
    bob.apply(&slug, "Bob", "bob@example.com", None).await;
    let ana_link = app.candidate_link("ana@example.com").await;
    let bob_link = app.candidate_link("bob@example.com").await;
    let ana_page = open_link(&ana, &ana_link).await;
    let ana_round = round_of(&ana_page);
    open_link(&bob, &bob_link).await;

    // Bob cannot save or submit into Ana's round.
    let res = post_answers(
        &bob,
        "/candidate/answers",
        &ana_round,
        &[("comments".into(), "hijack".into())],
    )
    .await;
    assert_eq!(res.status().as_u16(), 404);
    let res = post_answers(
        &bob,
        "/candidate/submit",
        &ana_round,
        &[("comments".into(), "hijack".into())],
    )
    .await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(!ana.get_text("/candidate").await.contains("hijack"));

    // Unknown and expired links get a clear page and a way to a new one.
    let res = app
        .anonymous()
        .get(app.url("/c/not-a-token"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    assert!(res.text().await.unwrap().contains("Lost your link?"));
    app.db
        .write(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::candidate_links;
            diesel::update(candidate_links::table)
                .set(
                    candidate_links::expires_at
                        .eq(rapport::db::now() - chrono::Duration::minutes(1)),
                )
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let res = app.anonymous().get(&ana_link).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 410);
    let body = res.text().await.unwrap();
    assert!(body.contains("This link has expired"));
    assert!(
        body.contains(&format!("/jobs/{slug}/link")),
        "offers a new link for the job"
    );

    // No session at all.
    let res = app
        .anonymous()
        .get(app.url("/candidate"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}

async fn a_double_submit_scores_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, slug) = job_with_screening(&app, false).await;
    let ana = app.new_browser();
    ana.apply(&slug, "Ana", "ana@example.com", None).await;
    let link = app.candidate_link("ana@example.com").await;
    let page = open_link(&ana, &link).await;
    let round = round_of(&page);
    let answers: Vec<_> = exemplars("strong")
        .into_iter()
        .filter(|(q, _)| question_ids(&page).contains(q))
        .collect();
    // Five clicks at once: one submission, one next round, nothing lost.
    let clicks = (0..5).map(|_| post_answers(&ana, "/candidate/submit", &round, &answers));
    let results = futures::future::join_all(clicks).await;
    let locations: Vec<String> = results.iter().map(location).collect();
    assert_eq!(
        locations
            .iter()
            .filter(|l| l.ends_with("notice=next"))
            .count(),
        1,
        "{locations:?}"
    );
    assert_eq!(
        locations
            .iter()
            .filter(|l| l.ends_with("notice=already"))
            .count(),
        4,
        "{locations:?}"
    );
    let app_id = {
        let emails = ["ana@example.com".to_string()];
        let e = emails[0].clone();
        app.db
            .read(move |c| {
                use diesel::prelude::*;
                use rapport::db::schema::applications;
                Ok(applications::table
                    .filter(applications::email.eq(e))
                    .select(applications::id)
                    .first::<String>(c)?)
            })
            .await
            .unwrap()
    };
    let id = app_id.clone();
    let rounds = app
        .db
        .read(move |c| rapport::db::screenings::for_application(c, &id))
        .await
        .unwrap();
    assert_eq!(rounds.len(), 2, "exactly one next round");
    let first = rounds[0].id.clone();
    let answers_stored = app
        .db
        .read(move |c| rapport::db::screenings::answers(c, &first))
        .await
        .unwrap();
    assert_eq!(answers_stored.len(), 4);
    assert!(answers_stored
        .iter()
        .all(|a| a.score.is_some() && !a.body.is_empty()));
    // The link used again after submitting shows where they stand; the old round cannot change.
    let again = app.new_browser();
    open_link(&again, &link).await;
    let res = post_answers(
        &again,
        "/candidate/answers",
        &round,
        &[("comments".into(), "changed my mind".into())],
    )
    .await;
    assert_eq!(location(&res), "/candidate?notice=already");
    let first = rounds[0].id.clone();
    let stored = app
        .db
        .read(move |c| rapport::db::screenings::answers(c, &first))
        .await
        .unwrap();
    assert!(stored.iter().all(|a| a.body != "changed my mind"));
}

async fn many_candidates_submit_at_once_and_nothing_is_lost(backend: Backend) {
    const N: usize = 200;
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app, true).await;
    let browsers: Vec<Browser> = (0..N).map(|_| app.new_browser()).collect();
    let applies = browsers.iter().enumerate().map(|(i, b)| {
        let slug = slug.clone();
        async move {
            b.apply(
                &slug,
                &format!("Candidate {i}"),
                &format!("c{i}@example.com"),
                None,
            )
            .await
            .status()
            .as_u16()
        }
    });
    let statuses = futures::future::join_all(applies).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    app.deliver_mail().await;
    while app.deliver_mail().await > 0 {}
    // Every candidate's link, from the outbox.
    let emails: Vec<String> = app
        .emails()
        .into_iter()
        .map(|e| crate::helpers::unfold_qp(&e))
        .collect();
    let link_of = |i: usize| -> String {
        let e = emails
            .iter()
            .find(|e| {
                e.contains(&format!("To: c{i}@example.com\r\n"))
                    || e.contains(&format!("To: c{i}@example.com\n"))
            })
            .expect("email");
        let start = e.find(&format!("{}/c/", app.address)).unwrap();
        e[start..]
            .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
            .next()
            .unwrap()
            .to_string()
    };
    let mut pages = Vec::new();
    for (i, b) in browsers.iter().enumerate() {
        pages.push(open_link(b, &link_of(i)).await);
    }
    let submits = browsers
        .iter()
        .zip(&pages)
        .enumerate()
        .map(|(i, (b, page))| {
            let round = round_of(page);
            let answers: Vec<(String, String)> = question_ids(page)
                .into_iter()
                .map(|q| (q, format!("Answer {i}: could you send me the page URL?")))
                .collect();
            async move { location(&post_answers(b, "/candidate/submit", &round, &answers).await) }
        });
    let done = futures::future::join_all(submits).await;
    assert!(
        done.iter().all(|l| l == "/candidate?notice=submitted"),
        "{:?}",
        done.iter()
            .filter(|l| *l != "/candidate?notice=submitted")
            .collect::<Vec<_>>()
    );
    let id = job_id.clone();
    let counts = app
        .db
        .read(move |c| rapport::db::applications::stage_counts(c, &id))
        .await
        .unwrap();
    assert_eq!(counts, vec![("screen_review".to_string(), N as i64)]);
    let total_answers: i64 = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            Ok(rapport::db::schema::answers::table.count().get_result(c)?)
        })
        .await
        .unwrap();
    let per_candidate = question_ids(&pages[0]).len() as i64;
    assert_eq!(
        total_answers,
        N as i64 * per_candidate,
        "every answer stored once"
    );
}

async fn candidates_withdraw_and_erase_their_data(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app, true).await;
    let ana = app.new_browser();
    let pdf = b"%PDF-1.4\n%%EOF\n".to_vec();
    ana.apply(&slug, "Ana Lima", "ana@example.com", Some(("cv.pdf", pdf)))
        .await;
    let link = app.candidate_link("ana@example.com").await;
    let page = open_link(&ana, &link).await;
    let round = round_of(&page);
    post_answers(
        &ana,
        "/candidate/answers",
        &round,
        &[("comments".into(), "My private answer".into())],
    )
    .await;

    let res = ana
        .post_form("/candidate/withdraw", &[("confirm", "yes")])
        .await;
    assert_eq!(location(&res), "/candidate?notice=withdrawn");
    assert!(ana
        .get_text("/candidate")
        .await
        .contains("You withdrew your application."));

    let uploads = app.mail_dir.parent().unwrap().join("uploads");
    assert_eq!(std::fs::read_dir(&uploads).unwrap().count(), 1);
    let res = ana
        .post_form("/candidate/erase", &[("confirm", "yes")])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("Your data is erased"));
    assert_eq!(
        std::fs::read_dir(&uploads).unwrap().count(),
        0,
        "the CV file is deleted"
    );
    assert_eq!(
        ana.get("/candidate").await.status().as_u16(),
        401,
        "the session is gone"
    );
    assert_eq!(
        app.anonymous()
            .get(&link)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404,
        "the link is gone"
    );
    let table = app
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    assert!(!table.contains("Ana Lima") && !table.contains("ana@example.com"));
    assert!(
        !table.contains("Erased candidate"),
        "an erased application leaves the staff's lists"
    );
    let answers: i64 = app
        .db
        .read(|c| {
            use diesel::prelude::*;
            Ok(rapport::db::schema::answers::table.count().get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(answers, 0);
}

async fn answers_full_of_html_are_inert_on_the_review_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app, true).await;
    let eve = app.new_browser();
    let res = eve
        .apply(
            &slug,
            "<script>alert('name')</script>",
            "eve@example.com",
            None,
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let link = app.candidate_link("eve@example.com").await;
    let page = open_link(&eve, &link).await;
    let evil = "<script>alert('x')</script><img src=x onerror=alert('y')> Could you send me the URL? <a href=\"javascript:alert(1)\">click</a>";
    let answers: Vec<(String, String)> = question_ids(&page)
        .into_iter()
        .map(|q| (q, evil.to_string()))
        .collect();
    let res = post_answers(&eve, "/candidate/submit", &round_of(&page), &answers).await;
    assert_eq!(location(&res), "/candidate?notice=submitted");
    let table = app
        .get_text(&format!("/admin/jobs/{job_id}/applications"))
        .await;
    let href = {
        let doc = scraper::Html::parse_document(&table);
        let sel = scraper::Selector::parse("td a").unwrap();
        doc.select(&sel)
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap()
            .to_string()
    };
    for page in [table, app.get_text(&href).await] {
        let doc = scraper::Html::parse_document(&page);
        // Only the site's own script files, never a script from the text.
        assert!(
            doc.select(&scraper::Selector::parse("script").unwrap())
                .all(|s| s
                    .value()
                    .attr("src")
                    .is_some_and(|src| src.starts_with("/static/"))
                    && s.text().next().is_none()),
            "no injected script element"
        );
        assert_eq!(
            doc.select(&scraper::Selector::parse("img").unwrap())
                .count(),
            0,
            "no injected image"
        );
        for el in doc.select(&scraper::Selector::parse("*").unwrap()) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "handler {name}={value}");
                assert!(
                    !value.to_lowercase().starts_with("javascript:"),
                    "{name}={value}"
                );
            }
        }
    }
    let review = app.get_text(&href).await;
    assert!(
        review.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
        "shown as text"
    );
}

/// A screen ending (its result and the move to review, one write) while
/// staff move the same application out of screening: whichever commits
/// first moves it, the other finds it moved; the result is stored either
/// way, and the history holds exactly one move out of screening.
async fn a_screen_ending_while_staff_move_the_application_moves_it_once(backend: Backend) {
    use rapport::db::applications::{self as apps, StageMove};
    use rapport::domain::application::Stage;
    const N: usize = 30;
    let app = spawn_app(backend).await;
    let (job_id, slug) = job_with_screening(&app, true).await;
    let mut ids = Vec::new();
    for i in 0..N {
        let b = app.new_browser();
        let email = format!("r{i}@example.com");
        assert_eq!(
            b.apply(&slug, "Racer", &email, None)
                .await
                .status()
                .as_u16(),
            200
        );
        let job = job_id.clone();
        let row = app
            .db
            .read(move |c| apps::find_by_job_email(c, &job, &email))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.stage, "screening");
        ids.push(row.id);
    }
    let races = ids.iter().flat_map(|id| {
        let (db, id2) = (app.db.clone(), id.clone());
        let ending = {
            let (db, id) = (db.clone(), id.clone());
            async move {
                db.write(move |c| {
                    let to_review = StageMove {
                        from: Stage::Screening,
                        to: Stage::ScreenReview,
                        actor: "system",
                        reason: "screen passed — awaiting review",
                    };
                    apps::set_screen_result_moving(
                        c,
                        &id,
                        0.8,
                        true,
                        Some(&to_review),
                        rapport::db::now(),
                    )
                })
                .await
                .unwrap()
            }
        };
        let staff = async move {
            db.write(move |c| {
                apps::move_stage(
                    c,
                    &id2,
                    Stage::Screening,
                    Stage::Rejected,
                    "staff",
                    "not a fit",
                    rapport::db::now(),
                )
            })
            .await
            .unwrap()
        };
        [
            futures::future::Either::Left(ending),
            futures::future::Either::Right(staff),
        ]
    });
    let moved = futures::future::join_all(races).await;
    for (i, id) in ids.iter().enumerate() {
        let (ended, staff) = (moved[2 * i], moved[2 * i + 1]);
        assert!(ended != staff, "{id}: both moved it, or neither");
        let id = id.clone();
        let (row, events) = app
            .db
            .read(move |c| Ok((apps::find(c, &id)?.unwrap(), apps::events(c, &id)?)))
            .await
            .unwrap();
        assert_eq!(row.stage, if ended { "screen_review" } else { "rejected" });
        assert_eq!(
            row.screen_score,
            Some(0.8),
            "the result is stored either way"
        );
        let out_of_screening = events
            .iter()
            .filter(|e| e.from_stage.as_deref() == Some("screening"))
            .count();
        assert_eq!(out_of_screening, 1, "{events:?}");
    }
}
