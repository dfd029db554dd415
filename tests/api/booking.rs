//! Self-scheduling: staff keep weekly hours, an owner offers a candidate
//! the times the chosen interviewers share, and the candidate books, moves
//! or cancels one through the emailed link; a time taken meanwhile is
//! refused kindly, and parallel bookings of one time leave one interview.

use crate::helpers::{location, spawn_app, Backend, TestApp};
use crate::on_every_backend;
use crate::pipeline::{interviewer, set_panel, user_id};

on_every_backend!(
    a_candidate_books_moves_and_cancels_a_time_the_panel_offered,
    a_time_taken_meanwhile_is_refused_kindly,
    parallel_bookings_of_one_time_leave_one_interview,
    a_booking_too_close_to_its_time_cannot_change,
    offers_are_refused_with_a_reason,
);

/// A published job whose panel is the owner, who is available every day
/// around the clock (UTC), and applications from `people` at the
/// interview stage. Returns the job id and the application ids.
async fn job_with_candidates(app: &TestApp, people: &[(&str, &str)]) -> (String, Vec<String>) {
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    let fran = user_id(app, crate::helpers::OWNER_EMAIL).await;
    set_panel(app, &job_id, &[&fran], &[]).await;
    for day in 1..=7 {
        let res = app
            .post_form(
                "/admin/account/availability",
                &[
                    ("weekday", &day.to_string()),
                    ("starts", "00:00"),
                    ("ends", "23:30"),
                    ("timezone", "UTC"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
    }
    let mut ids = Vec::new();
    for (name, email) in people {
        let res = app.new_browser().apply(&slug, name, email, None).await;
        assert_eq!(res.status().as_u16(), 200);
        let email = email.to_string();
        let id = app
            .db
            .write(move |c| {
                use diesel::prelude::*;
                use rapport::db::schema::applications::dsl as a;
                let id: String = a::applications
                    .filter(a::email.eq(&email))
                    .select(a::id)
                    .first(c)?;
                // Setup, not what is under test: the interview stage.
                diesel::update(a::applications.find(&id))
                    .set(a::stage.eq("interview"))
                    .execute(c)?;
                Ok(id)
            })
            .await
            .unwrap();
        ids.push(id);
    }
    (job_id, ids)
}

async fn offer(app: &TestApp, app_id: &str, cutoff_hours: &str) -> reqwest::Response {
    let fran = user_id(app, crate::helpers::OWNER_EMAIL).await;
    app.post_form(
        &format!("/admin/applications/{app_id}/booking-offers"),
        &[
            ("kind", "culture"),
            ("duration_minutes", "45"),
            ("location", "https://meet.example.com/glimmer"),
            ("timezone", "Europe/Paris"),
            ("days_ahead", "7"),
            ("cutoff_hours", cutoff_hours),
            ("interviewers", &fran),
        ],
    )
    .await
}

/// The booking link emailed to `to`.
async fn booking_link(app: &TestApp, to: &str) -> String {
    app.link_in_mail(to, "/book/")
        .await
        .expect("a booking link was emailed")
}

/// The times a booking page offers, as the form posts them.
fn offered_times(page: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(page);
    let radio = scraper::Selector::parse("input[name=at]").unwrap();
    doc.select(&radio)
        .filter_map(|r| r.value().attr("value").map(str::to_string))
        .collect()
}

/// The candidate's interviews: (start in RFC 3339, status, sequence).
async fn interviews_of(app: &TestApp, app_id: &str) -> Vec<(String, String, i32)> {
    let id = app_id.to_string();
    app.db
        .read(move |c| rapport::db::interviews::for_application(c, &id))
        .await
        .unwrap()
        .into_iter()
        .map(|i| (i.starts_at.and_utc().to_rfc3339(), i.status, i.sequence))
        .collect()
}

async fn a_candidate_books_moves_and_cancels_a_time_the_panel_offered(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, ids) = job_with_candidates(&app, &[("Ana Lima", "ana@example.com")]).await;
    let res = offer(&app, &ids[0], "24").await;
    assert_eq!(res.status().as_u16(), 303);
    let staff_view = app
        .get_text(&format!("/admin/applications/{}", ids[0]))
        .await;
    assert!(staff_view.contains("waiting for the candidate to choose"));

    let link = booking_link(&app, "ana@example.com").await;
    let ana = app.new_browser();
    let page = ana.get_text(&link).await;
    assert!(page.contains("Choose a time to talk"), "{page}");
    let all = offered_times(&page);
    let earliest = chrono::DateTime::parse_from_rfc3339(&all[0]).unwrap();
    assert!(
        earliest > chrono::Utc::now() + chrono::Duration::hours(11),
        "no time inside the notice period: {earliest}"
    );
    // Times more than a day away, which the candidate may still change.
    let times: Vec<String> = all
        .into_iter()
        .filter(|t| {
            chrono::DateTime::parse_from_rfc3339(t).unwrap()
                > chrono::Utc::now() + chrono::Duration::hours(25)
        })
        .collect();
    assert!(times.len() >= 2, "{times:?}");
    let first = chrono::DateTime::parse_from_rfc3339(&times[0]).unwrap();

    let sent_before = app.emails().len();
    let res = ana.post_form(&link, &[("at", &times[0])]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).ends_with("?booked=1"));
    let booked = interviews_of(&app, &ids[0]).await;
    assert_eq!(booked.len(), 1);
    assert_eq!(booked[0].1, "scheduled");
    assert_eq!(
        chrono::DateTime::parse_from_rfc3339(&booked[0].0).unwrap(),
        first
    );
    app.deliver_mail().await;
    let new_mail: Vec<String> = app.emails()[sent_before..].to_vec();
    assert!(
        new_mail
            .iter()
            .any(|e| e.contains("To: ana@example.com") && e.contains("text/calendar")),
        "the candidate gets the invitation"
    );
    assert!(
        new_mail.iter().any(
            |e| e.contains(&format!("To: {}", crate::helpers::OWNER_EMAIL))
                && e.contains("text/calendar")
        ),
        "the interviewer gets it too"
    );
    let page = ana.get_text(&link).await;
    assert!(page.contains("Booked:"), "{page}");

    // A double click books nothing more.
    let res = ana.post_form(&link, &[("at", &times[0])]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(interviews_of(&app, &ids[0]).await.len(), 1);

    // Moving keeps one interview (same calendar event, next sequence).
    let res = ana.post_form(&link, &[("at", &times[1])]).await;
    assert!(location(&res).ends_with("?moved=1"));
    let moved = interviews_of(&app, &ids[0]).await;
    assert_eq!(moved.len(), 1);
    assert_eq!(
        chrono::DateTime::parse_from_rfc3339(&moved[0].0).unwrap(),
        chrono::DateTime::parse_from_rfc3339(&times[1]).unwrap()
    );
    assert_eq!(moved[0].2, 1);

    // A time never offered is refused and changes nothing.
    let res = ana
        .post_form(&link, &[("at", "2031-01-01T03:17:00+00:00")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("not one of those offered"));
    assert_eq!(interviews_of(&app, &ids[0]).await, moved);

    let res = ana.post_form(&format!("{link}/cancel"), &[]).await;
    assert!(location(&res).ends_with("?cancelled=1"));
    assert_eq!(interviews_of(&app, &ids[0]).await[0].1, "cancelled");
    let page = ana.get_text(&link).await;
    assert!(!offered_times(&page).is_empty(), "they may choose again");

    // Without the CSRF token nothing is booked; an unknown link is a 404.
    let res = ana.post_raw(&link, &[("at", &times[0])]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        ana.get(&format!("/book/{}", "x".repeat(43)))
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn a_time_taken_meanwhile_is_refused_kindly(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, ids) = job_with_candidates(
        &app,
        &[
            ("Ana Lima", "ana@example.com"),
            ("Bo Chen", "bo@example.com"),
        ],
    )
    .await;
    for id in &ids {
        assert_eq!(offer(&app, id, "24").await.status().as_u16(), 303);
    }
    let (ana_link, bo_link) = (
        booking_link(&app, "ana@example.com").await,
        booking_link(&app, "bo@example.com").await,
    );
    let (ana, bo) = (app.new_browser(), app.new_browser());
    let bo_page = bo.get_text(&bo_link).await;
    let time = offered_times(&bo_page)[0].clone();
    assert!(offered_times(&ana.get_text(&ana_link).await).contains(&time));

    assert_eq!(
        ana.post_form(&ana_link, &[("at", &time)])
            .await
            .status()
            .as_u16(),
        303
    );
    let res = bo.post_form(&bo_link, &[("at", &time)]).await;
    assert_eq!(res.status().as_u16(), 409);
    let page = res.text().await.unwrap();
    assert!(page.contains("someone booked that time"), "{page}");
    assert!(!offered_times(&page).contains(&time), "no longer offered");
    assert!(interviews_of(&app, &ids[1]).await.is_empty());
}

async fn parallel_bookings_of_one_time_leave_one_interview(backend: Backend) {
    let app = spawn_app(backend).await;
    let people: Vec<(String, String)> = (0..6)
        .map(|i| (format!("Person {i}"), format!("p{i}@example.com")))
        .collect();
    let refs: Vec<(&str, &str)> = people
        .iter()
        .map(|(n, e)| (n.as_str(), e.as_str()))
        .collect();
    let (_, ids) = job_with_candidates(&app, &refs).await;
    let mut links = Vec::new();
    for (id, (_, email)) in ids.iter().zip(&people) {
        assert_eq!(offer(&app, id, "24").await.status().as_u16(), 303);
        links.push(booking_link(&app, email).await);
    }
    let browser = app.new_browser();
    let time = offered_times(&browser.get_text(&links[0]).await)[0].clone();
    // Each candidate's form is ready (token fetched) before all post at once.
    let mut ready = Vec::new();
    for link in &links {
        let b = app.new_browser();
        let token = b.csrf_token().await;
        ready.push((b, link.clone(), token));
    }
    let posts = ready.iter().map(|(b, link, token)| {
        let time = time.clone();
        async move {
            b.post_raw(
                link,
                &[("at", time.as_str()), ("csrf_token", token.as_str())],
            )
            .await
        }
    });
    let statuses: Vec<u16> = futures::future::join_all(posts)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        5,
        "{statuses:?}"
    );
    let mut scheduled = 0;
    for id in &ids {
        scheduled += interviews_of(&app, id)
            .await
            .iter()
            .filter(|i| i.1 == "scheduled")
            .count();
    }
    assert_eq!(scheduled, 1);
}

async fn a_booking_too_close_to_its_time_cannot_change(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, ids) = job_with_candidates(&app, &[("Ana Lima", "ana@example.com")]).await;
    // Changes allowed until a week before: every time offered this week
    // is already too close to move once booked.
    assert_eq!(offer(&app, &ids[0], "168").await.status().as_u16(), 303);
    let link = booking_link(&app, "ana@example.com").await;
    let ana = app.new_browser();
    let times = offered_times(&ana.get_text(&link).await);
    assert_eq!(
        ana.post_form(&link, &[("at", &times[0])])
            .await
            .status()
            .as_u16(),
        303
    );
    let before = interviews_of(&app, &ids[0]).await;
    let res = ana.post_form(&link, &[("at", &times[1])]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("too close to change"));
    let res = ana.post_form(&format!("{link}/cancel"), &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert_eq!(interviews_of(&app, &ids[0]).await, before);
    assert!(
        offered_times(&ana.get_text(&link).await).is_empty(),
        "no form to change it"
    );
}

async fn offers_are_refused_with_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let (job_id, ids) = job_with_candidates(&app, &[("Ana Lima", "ana@example.com")]).await;

    // Interviewers do not send offers.
    let ivy = interviewer(&app, "ivy@example.com").await;
    let ivy_id = user_id(&app, "ivy@example.com").await;
    let res = ivy
        .post_form(
            &format!("/admin/applications/{}/booking-offers", ids[0]),
            &[("kind", "culture")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);

    // Someone with no weekly hours leaves no time to offer.
    let fran = user_id(&app, crate::helpers::OWNER_EMAIL).await;
    set_panel(&app, &job_id, &[&fran, &ivy_id], &[]).await;
    let res = app
        .post_form(
            &format!("/admin/applications/{}/booking-offers", ids[0]),
            &[
                ("kind", "culture"),
                ("duration_minutes", "45"),
                ("location", "https://meet.example.com/glimmer"),
                ("timezone", "Europe/Paris"),
                ("days_ahead", "7"),
                ("cutoff_hours", "24"),
                ("interviewers", &fran),
                ("interviewers", &ivy_id),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("No time suits every chosen interviewer"));

    // Bad terms say what is wrong.
    let res = app
        .post_form(
            &format!("/admin/applications/{}/booking-offers", ids[0]),
            &[
                ("kind", "culture"),
                ("days_ahead", "900"),
                ("interviewers", &fran),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Offer times over 1 to 60 days"));

    // Not at an interview stage.
    let id = ids[0].clone();
    app.db
        .write(move |c| {
            use diesel::prelude::*;
            use rapport::db::schema::applications::dsl as a;
            diesel::update(a::applications.find(&id))
                .set(a::stage.eq("screen_review"))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let res = offer(&app, &ids[0], "24").await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("interview stage"));
    app.deliver_mail().await;
    assert!(
        !app.emails().iter().any(|e| e.contains("/book/")),
        "no refused offer sent a link"
    );

    // A window that ends before it starts is refused on the page.
    let res = ivy
        .post_form(
            "/admin/account/availability",
            &[
                ("weekday", "2"),
                ("starts", "12:00"),
                ("ends", "09:00"),
                ("timezone", "UTC"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("The end must come after the start"));
}
