//! The staff lists at scale: name-or-email search through the databases'
//! indexes, keyset pages that keep filters and sort, and who sees what.

use std::collections::HashSet;

use rapport::db::applications::{Cursor, ListQuery, Narrow, Sort};
use rapport::domain::application::{ApplicationInput, NewApplication, Stage};

use crate::helpers::{spawn_app, Backend, TestApp, OWNER_EMAIL};
use crate::on_every_backend;
use crate::pipeline::{interviewer, set_panel, user_id};

on_every_backend!(
    search_finds_part_of_a_name_or_email_whatever_the_case_and_accents,
    pages_return_every_row_exactly_once_with_filters_and_sorts,
    the_table_links_pages_keeping_filters_and_sort,
    an_interviewer_searches_only_their_panels_candidates,
    the_board_searched_in_one_pass_shows_what_each_stage_would,
);

/// Stores applications directly (thousands of HTTP applies would be slow):
/// (name, email, stage, screen score). Rows share creation times in threes
/// and scores repeat, so that pages must break ties by id.
async fn store(app: &TestApp, job_id: &str, people: Vec<(String, String, Stage, Option<f64>)>) {
    let job_id = job_id.to_string();
    app.db
        .write(move |c| {
            let base = rapport::db::now();
            for (i, (name, email, stage, score)) in people.into_iter().enumerate() {
                let new = NewApplication::parse(&ApplicationInput {
                    name,
                    email,
                    languages: vec!["en".into()],
                    fluencies: vec!["fluent".into()],
                    consent: "yes".into(),
                    ..Default::default()
                })
                .unwrap();
                let at = base + chrono::Duration::seconds((i / 3) as i64);
                let a = rapport::db::applications::insert(c, &job_id, &new, None, at)?.unwrap();
                if let Some(score) = score {
                    rapport::db::applications::set_screen_result(c, &a.id, score, true, at)?;
                }
                if stage != Stage::Applied {
                    rapport::db::applications::move_stage(
                        c,
                        &a.id,
                        Stage::Applied,
                        stage,
                        "test",
                        "",
                        at,
                    )?;
                }
            }
            Ok(())
        })
        .await
        .unwrap();
}

async fn published_job(app: &TestApp, title: &str) -> String {
    app.publish_job(&[("title", title)]).await.0
}

/// Names in the table page, in order.
fn names_on(page: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("table tbody tr td:first-child a").unwrap();
    doc.select(&sel)
        .map(|a| a.text().collect::<String>())
        .collect()
}

async fn search_names(app: &TestApp, job_id: &str, q: &str) -> Vec<String> {
    let (job_id, q) = (job_id.to_string(), q.to_string());
    let mut names: Vec<String> = app
        .db
        .read(move |c| {
            let mut list = ListQuery::first(None, Sort::Name, 50);
            list.search = Some(q);
            rapport::db::applications::list_for_job(c, &job_id, &list)
        })
        .await
        .unwrap()
        .0
        .into_iter()
        .map(|a| a.name)
        .collect();
    names.sort();
    names
}

async fn search_finds_part_of_a_name_or_email_whatever_the_case_and_accents(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let job = published_job(&app, "Support Specialist").await;
    let other = published_job(&app, "Support Lead").await;
    let person = |n: &str, e: &str| (n.to_string(), e.to_string(), Stage::Applied, None);
    store(
        &app,
        &job,
        vec![
            person("José Fernández", "jose.fernandez@example.com"),
            person("Zoë Müller", "zmuller@mail.example"),
            person("Bob Smith", "bob@example.org"),
            person("Ana O'Brien", "ana.obrien@example.com"),
            person("Eve Walker", "eve_walker@mail.example"),
        ],
    )
    .await;
    store(
        &app,
        &other,
        vec![person("José Fernández Other", "jf@other.example")],
    )
    .await;

    let jose = vec!["José Fernández".to_string()];
    // Part of a name, without its accents, in any case; with them too.
    assert_eq!(search_names(&app, &job, "fernandez").await, jose);
    assert_eq!(search_names(&app, &job, "FERNÁN").await, jose);
    assert_eq!(search_names(&app, &job, "ndez").await, jose);
    assert_eq!(search_names(&app, &job, "josé fern").await, jose);
    assert_eq!(
        search_names(&app, &job, "zoe mul").await,
        vec!["Zoë Müller".to_string()]
    );
    assert_eq!(
        search_names(&app, &job, "Müller").await,
        vec!["Zoë Müller".to_string()]
    );
    assert_eq!(
        search_names(&app, &job, "O'Bri").await,
        vec!["Ana O'Brien".to_string()]
    );
    // Part of an email, in any case.
    assert_eq!(
        search_names(&app, &job, "@mail.EX").await,
        vec!["Eve Walker".to_string(), "Zoë Müller".to_string()]
    );
    assert_eq!(
        search_names(&app, &job, "example.com").await,
        vec!["Ana O'Brien".to_string(), "José Fernández".to_string()]
    );
    // Two letters: still found (without the index).
    assert_eq!(
        search_names(&app, &job, "bo").await,
        vec!["Bob Smith".to_string()]
    );
    // Never across jobs, never across name and email, wildcards are text.
    assert!(search_names(&app, &job, "other").await.is_empty());
    assert!(search_names(&app, &job, "smith bob").await.is_empty());
    assert!(search_names(&app, &job, "%").await.is_empty());
    assert!(search_names(&app, &job, "b_b").await.is_empty());
    assert!(search_names(&app, &job, "b%").await.is_empty());
    assert!(search_names(&app, &job, "fern%dez").await.is_empty());
    // `_` is a letter of emails, in short and long searches alike.
    assert_eq!(
        search_names(&app, &job, "e_w").await,
        vec!["Eve Walker".to_string()]
    );
    assert_eq!(
        search_names(&app, &job, "eve_walker@").await,
        vec!["Eve Walker".to_string()]
    );
    assert!(search_names(&app, &job, "evexwalker").await.is_empty());
    assert!(search_names(&app, &job, "\"jos").await.is_empty());

    // An edited name is found by its new name only; an erased one not at all.
    let j = job.clone();
    app.db
        .write(move |c| {
            use diesel::prelude::*;
            use rapport::db::schema::applications;
            diesel::update(applications::table.filter(applications::name.eq("Bob Smith")))
                .set(applications::name.eq("Robert Smythe"))
                .execute(c)?;
            let zoe = rapport::db::applications::find_by_job_email(c, &j, "zmuller@mail.example")?
                .unwrap();
            rapport::db::applications::delete(c, &zoe.id)?;
            Ok(())
        })
        .await
        .unwrap();
    assert!(search_names(&app, &job, "bob s").await.is_empty());
    assert_eq!(
        search_names(&app, &job, "smythe").await,
        vec!["Robert Smythe".to_string()]
    );
    assert!(search_names(&app, &job, "müller").await.is_empty());

    // Through the page, escaped as ever.
    let page = app
        .get_text(&format!("/admin/jobs/{job}/applications?q=FERNAN"))
        .await;
    assert_eq!(names_on(&page), jose);
}

/// Walks every page forward from the first and backward from the last.
async fn walk(app: &TestApp, job_id: &str, base: ListQuery, narrow: Narrow) -> Vec<Vec<String>> {
    let job_id = job_id.to_string();
    app.db
        .read(move |c| {
            let list = |c: &mut rapport::db::DbConnection, cursor: Cursor| {
                let q = ListQuery {
                    cursor,
                    ..base.clone()
                };
                rapport::db::applications::list_for_job_narrowed(c, &job_id, &q, &narrow)
            };
            let mut forward = Vec::new();
            let mut page = list(c, Cursor::First)?;
            assert!(!page.has_prev, "nothing before the first page");
            loop {
                forward.extend(page.rows.iter().map(|a| a.id.clone()));
                if !page.has_next {
                    break;
                }
                let last = page.rows.last().unwrap().id.clone();
                page = list(c, Cursor::After(last))?;
                assert!(page.has_prev);
            }
            let mut backward = Vec::new();
            let mut page = list(c, Cursor::Last)?;
            assert!(!page.has_next, "nothing after the last page");
            loop {
                backward.splice(0..0, page.rows.iter().map(|a| a.id.clone()));
                if !page.has_prev {
                    break;
                }
                let first = page.rows.first().unwrap().id.clone();
                page = list(c, Cursor::Before(first))?;
                assert!(page.has_next);
            }
            // What one query with no page at all returns, in order.
            let everything = rapport::db::applications::list_for_job_narrowed(
                c,
                &job_id,
                &ListQuery {
                    cursor: Cursor::First,
                    per_page: 10_000,
                    ..base.clone()
                },
                &narrow,
            )?;
            let all: Vec<String> = everything.rows.iter().map(|a| a.id.clone()).collect();
            assert_eq!(everything.total, all.len() as i64);
            Ok(vec![forward, backward, all])
        })
        .await
        .unwrap()
}

async fn pages_return_every_row_exactly_once_with_filters_and_sorts(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let job = published_job(&app, "Support Specialist").await;
    let other = published_job(&app, "Support Lead").await;
    let people: Vec<_> = (0..47)
        .map(|i| {
            let stage = if i % 4 == 0 {
                Stage::Applied
            } else {
                Stage::ScreenReview
            };
            // Scores repeat (and some are missing): ties everywhere.
            let score = (i % 5 != 0).then_some((i % 3) as f64 / 2.0);
            let last = ["Martin", "Martín", "Moreau"][i % 3];
            (
                format!("{last} {}", ["Ana", "Bo", "Cy"][i % 3]),
                format!("p{i}@example.com"),
                stage,
                score,
            )
        })
        .collect();
    store(&app, &job, people).await;
    store(
        &app,
        &other,
        vec![(
            "Martin Elsewhere".into(),
            "e@example.com".into(),
            Stage::ScreenReview,
            Some(0.5),
        )],
    )
    .await;
    for sort in [Sort::Newest, Sort::Oldest, Sort::ScoreHigh, Sort::Name] {
        for (stage, search, expected) in [
            (None, None, 47),
            (Some(Stage::ScreenReview), None, 35),
            (None, Some("martin"), 32),
            (Some(Stage::Applied), Some("mar"), 8),
            (Some(Stage::Hired), None, 0),
        ] {
            let base = ListQuery {
                stage,
                search: search.map(str::to_string),
                sort,
                cursor: Cursor::First,
                per_page: 5,
            };
            let walked = walk(&app, &job, base, Narrow::default()).await;
            let (forward, backward, all) = (&walked[0], &walked[1], &walked[2]);
            let what = format!("{sort:?} stage {stage:?} search {search:?}");
            assert_eq!(all.len(), expected, "{what}");
            assert_eq!(forward, all, "forward pages, in order: {what}");
            assert_eq!(backward, all, "backward pages, in order: {what}");
            let unique: HashSet<&String> = forward.iter().collect();
            assert_eq!(unique.len(), forward.len(), "no row twice: {what}");
        }
    }
}

fn link_named(page: &str, label: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("nav[aria-label=Pages] a").unwrap();
    doc.select(&sel)
        .find(|a| a.text().collect::<String>() == label)
        .and_then(|a| a.value().attr("href").map(str::to_string))
}

async fn the_table_links_pages_keeping_filters_and_sort(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let job = published_job(&app, "Support Specialist").await;
    // 120 matching the filters, 30 more that do not.
    let people: Vec<_> = (0..150)
        .map(|i| {
            let name = if i < 120 {
                format!("Léa Dubois {i:03}")
            } else {
                format!("Sam Other {i:03}")
            };
            (
                name,
                format!("c{i}@example.com"),
                Stage::ScreenReview,
                Some((i % 7) as f64 / 7.0),
            )
        })
        .collect();
    store(&app, &job, people).await;
    let base = format!("/admin/jobs/{job}/applications");
    let mut page = app
        .get_text(&format!("{base}?stage=screen_review&q=lea+dub&sort=name"))
        .await;
    assert!(link_named(&page, "Previous page").is_none());
    assert!(link_named(&page, "First page").is_none());
    let mut seen = names_on(&page);
    while let Some(next) = link_named(&page, "Next page") {
        assert!(next.contains("q=lea+dub"), "{next}");
        assert!(next.contains("stage=screen_review"), "{next}");
        assert!(next.contains("sort=name"), "{next}");
        page = app.get_text(&format!("{base}{next}")).await;
        seen.extend(names_on(&page));
    }
    let expected: Vec<String> = (0..120).map(|i| format!("Léa Dubois {i:03}")).collect();
    assert_eq!(seen, expected, "every row once, in name order");
    // Back from the last page.
    let last = app
        .get_text(&format!(
            "{base}?stage=screen_review&q=lea+dub&sort=name&at=last"
        ))
        .await;
    // The last page is the last 50 rows, however many came before.
    assert_eq!(names_on(&last), expected[70..].to_vec());
    assert!(link_named(&last, "Next page").is_none());
    let prev = link_named(&last, "Previous page").unwrap();
    let before = app.get_text(&format!("{base}{prev}")).await;
    assert_eq!(names_on(&before), expected[20..70].to_vec());
    // An unknown anchor is the first page, not an error.
    let odd = app
        .get_text(&format!("{base}?sort=name&q=lea+dub&after=nonexistent"))
        .await;
    assert_eq!(names_on(&odd), expected[..50].to_vec());
}

async fn an_interviewer_searches_only_their_panels_candidates(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let mine = published_job(&app, "Support Specialist").await;
    let theirs = published_job(&app, "Support Lead").await;
    let in_review = |n: &str, e: &str| (n.to_string(), e.to_string(), Stage::ScreenReview, None);
    store(
        &app,
        &mine,
        vec![in_review("Inès Lefèvre", "ines@example.com")],
    )
    .await;
    store(
        &app,
        &theirs,
        vec![in_review("Inès Lefebvre", "lefebvre@example.com")],
    )
    .await;
    let ivy = interviewer(&app, "ivy@example.com").await;
    let fran_id = user_id(&app, OWNER_EMAIL).await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    set_panel(&app, &mine, &[&fran_id, &ivy_id], &[]).await;

    let board = ivy
        .get_text(&format!("/admin/jobs/{mine}/board?q=ines"))
        .await;
    assert!(board.contains("Inès Lefèvre"), "{board}");
    assert!(!board.contains("Lefebvre"));
    for path in [
        format!("/admin/jobs/{theirs}/board?q=ines"),
        format!("/admin/jobs/{theirs}/applications?q=ines"),
    ] {
        let res = ivy.get(&path).await;
        assert_eq!(res.status().as_u16(), 403, "GET {path}");
        assert!(!res.text().await.unwrap().contains("Lefebvre"));
    }
}

/// The board's search finds the matches once for every stage: each column
/// must still hold exactly what that stage's own list shows (its first
/// cards, best score first, ties by id) and its count.
async fn the_board_searched_in_one_pass_shows_what_each_stage_would(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let job = published_job(&app, "Support Specialist").await;
    let other = published_job(&app, "Support Lead").await;
    let stages = [
        Stage::Applied,
        Stage::ScreenReview,
        Stage::Interview,
        Stage::Rejected,
    ];
    let people: Vec<_> = (0..61)
        .map(|i| {
            // Scores repeat (and some are missing): ties at every cut.
            let score = (i % 5 != 0).then_some((i % 3) as f64 / 2.0);
            let last = ["Martin", "Martín", "Moreau", "Lefèvre"][i % 4];
            (
                format!("{last} {}", ["Ana", "Bo", "Cy"][i % 3]),
                format!("p{i}@example.com"),
                stages[(i / 2) % stages.len()],
                score,
            )
        })
        .collect();
    store(&app, &job, people).await;
    let elsewhere = ("Martin Elsewhere".into(), "e@example.com".into());
    store(
        &app,
        &other,
        vec![(elsewhere.0, elsewhere.1, Stage::Interview, Some(0.5))],
    )
    .await;
    for search in [
        None,
        Some("martin"),
        Some("mar"),
        Some("LEFEV"),
        Some("p1"),
        Some("nobody"),
    ] {
        let (job_id, q) = (job.clone(), search.map(str::to_string));
        let (board, per_stage) = app
            .db
            .read(move |c| {
                let board = rapport::db::applications::board(c, &job_id, q.as_deref(), 4)?;
                let mut per_stage = Vec::new();
                for stage in Stage::ALL {
                    let mut list = ListQuery::first(Some(stage), Sort::ScoreHigh, 4);
                    list.search = q.clone();
                    per_stage.push(rapport::db::applications::list_for_job(c, &job_id, &list)?);
                }
                Ok((board, per_stage))
            })
            .await
            .unwrap();
        assert_eq!(board.len(), Stage::ALL.len());
        let mut shown = 0;
        for (column, (rows, total)) in board.iter().zip(&per_stage) {
            let what = format!("{:?} searching {search:?}", column.stage);
            let ids = |rows: &[rapport::db::applications::ApplicationRow]| {
                rows.iter().map(|a| a.id.clone()).collect::<Vec<_>>()
            };
            assert_eq!(ids(&column.rows), ids(rows), "{what}");
            assert_eq!(column.total, *total, "{what}");
            assert!(column.rows.len() <= 4, "{what}");
            assert!(column.rows.iter().all(|a| a.job_id == job), "{what}");
            shown += column.rows.len();
        }
        let expected = match search {
            None => 16,
            Some("nobody") => 0,
            _ => 1,
        };
        assert!(shown >= expected, "searching {search:?}: {shown} cards");
    }
}
