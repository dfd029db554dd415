use crate::helpers::{csrf_from, location, spawn_app, Backend, OWNER_EMAIL, PASSWORD};
use crate::on_every_backend;

on_every_backend!(
    the_setup_link_creates_the_owner_once,
    staff_sign_in_and_out,
    wrong_passwords_are_refused_then_rate_limited,
    sessions_expire_when_idle,
    the_owner_invites_an_interviewer_by_email,
    expired_and_reused_invitations_are_refused,
    after_sign_in_only_local_paths_are_followed,
);

async fn the_setup_link_creates_the_owner_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let link = app
        .setup_link
        .clone()
        .expect("empty database prints a setup link");
    assert!(link.len() > 40, "the token is long: {link}");
    let form = app.get_text(&link).await;
    assert!(form.contains("Create the owner account"));

    // Bad input: clear messages, nothing created.
    let token = csrf_from(&form).unwrap();
    let res = app
        .post_raw(
            &link,
            &[
                ("company_name", ""),
                ("name", "Fran"),
                ("email", "nope"),
                ("password", "short"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Enter your company"));
    assert!(html.contains("Enter an email address like name@example.com"));
    assert!(html.contains("at least 10 characters"));
    let users = app.db.read(rapport::db::users::count).await.unwrap();
    assert_eq!(users, 0);

    app.sign_up_owner().await;
    let res = app.get("/admin/jobs").await;
    assert_eq!(
        res.status().as_u16(),
        200,
        "the owner is signed in after setup"
    );

    // Used once: the link is gone, and so is a new one after an account exists.
    let again = app.anonymous().get(app.url(&link)).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 404);
    assert!(again.text().await.unwrap().contains("no longer works"));
    let fresh = rapport::startup::issue_setup_link(&app.db, &app.address).unwrap();
    assert!(fresh.is_none(), "no setup link once an account exists");
}

async fn staff_sign_in_and_out(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;

    let res = app.login(OWNER_EMAIL, PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin");
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("rapport_session="))
        .expect("a session cookie");
    assert!(session.contains("HttpOnly"));
    assert!(session.contains("SameSite=Lax"));
    assert!(!session.contains("Secure"), "plain http in tests");
    let first_value = session.split(';').next().unwrap().to_string();

    // Signing in again rotates the session id.
    let res = app.login(OWNER_EMAIL, PASSWORD).await;
    let second = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("rapport_session="))
        .unwrap();
    assert_ne!(second.split(';').next().unwrap(), first_value);

    assert_eq!(app.get("/admin/jobs").await.status().as_u16(), 200);
    let res = app.post_form("/logout", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app.get("/admin/jobs").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/login"));

    // The old cookie is dead on the server, not only in this browser.
    let replay = app
        .anonymous()
        .get(app.url("/admin/jobs"))
        .header("cookie", second.split(';').next().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status().as_u16(), 303);
}

async fn wrong_passwords_are_refused_then_rate_limited(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    for _ in 0..5 {
        let res = app.login(OWNER_EMAIL, "not the password").await;
        assert_eq!(res.status().as_u16(), 401);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("do not match an account"));
    }
    // Now even the right password waits: the account is locked for a while.
    let res = app.login(OWNER_EMAIL, PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Too many failed sign-ins for this account"));
    assert_eq!(app.get("/admin/jobs").await.status().as_u16(), 303);

    // Unknown accounts get the same answer as wrong passwords.
    let res = app.login("nobody@example.com", PASSWORD).await;
    assert_eq!(res.status().as_u16(), 401);
}

async fn sessions_expire_when_idle(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    app.login(OWNER_EMAIL, PASSWORD).await;
    assert_eq!(app.get("/admin/jobs").await.status().as_u16(), 200);
    app.db
        .write(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::sessions;
            diesel::update(sessions::table)
                .set(sessions::last_seen_at.eq(rapport::db::now() - chrono::Duration::hours(3)))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let res = app.get("/admin/jobs").await;
    assert_eq!(res.status().as_u16(), 303, "an idle session is over");
    assert_eq!(location(&res), "/login?next=%2Fadmin%2Fjobs");
}

/// The invitation link from the last email to `to`.
fn invitation_link(app: &crate::helpers::TestApp, to: &str) -> String {
    let email = app
        .emails()
        .into_iter()
        .map(|e| crate::helpers::unfold_qp(&e))
        .find(|e| e.contains(&format!("To: {to}")))
        .expect("an invitation email was written");
    let start = email
        .find(&format!("{}/invitations/", app.address))
        .expect("a link in the email");
    email[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .next()
        .unwrap()
        .to_string()
}

async fn the_owner_invites_an_interviewer_by_email(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    // Invalid input changes nothing.
    let res = app
        .post_form(
            "/admin/team/invitations",
            &[("email", "bad"), ("name", ""), ("role", "admin")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(app
        .db
        .read(|c| rapport::db::outbox::recent(c, 10))
        .await
        .unwrap()
        .is_empty());

    let res = app
        .post_form(
            "/admin/team/invitations",
            &[
                ("email", "Ivy@Example.com"),
                ("name", "Ivy Interviewer"),
                ("role", "interviewer"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let team = app.get_text("/admin/team").await;
    assert!(team.contains("ivy@example.com"));

    // The email is a row first, then a file once the worker delivers it.
    assert!(app.emails().is_empty());
    assert_eq!(app.deliver_mail().await, 1);
    let link = invitation_link(&app, "ivy@example.com");
    let raw_token = link.rsplit('/').next().unwrap().to_string();
    assert!(raw_token.len() >= 43);
    let stored = app
        .db
        .read(|c| rapport::db::invitations::list_pending(c, rapport::db::now()))
        .await
        .unwrap();
    assert_ne!(stored[0].token_hash, raw_token, "only the hash is stored");

    // Ivy opens the link in her own browser.
    let ivy = app.new_browser();
    let form = ivy.get_text(&link).await;
    assert!(form.contains("Join the team"));
    let token = csrf_from(&form).unwrap();
    let res = ivy
        .post_raw(
            &link,
            &[
                ("name", "Ivy I."),
                ("password", "ivy's long password"),
                ("password_again", "ivy's long password"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let home = ivy.get("/admin").await;
    assert_eq!(home.status().as_u16(), 200);
    assert!(home.text().await.unwrap().contains("Ivy I."));
    // Interviewers do not manage jobs or the team.
    assert_eq!(ivy.get("/admin/jobs").await.status().as_u16(), 403);
    assert_eq!(ivy.get("/admin/team").await.status().as_u16(), 403);
    // Through the API they read only their panels' jobs (none yet).
    let jobs = ivy.get("/api/v1/admin/jobs").await;
    assert_eq!(jobs.status().as_u16(), 200);
    let jobs: serde_json::Value = jobs.json().await.unwrap();
    assert_eq!(jobs["jobs"].as_array().unwrap().len(), 0);

    // Used once.
    let again = app.anonymous().get(&link).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 404);
}

async fn expired_and_reused_invitations_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    app.post_form(
        "/admin/team/invitations",
        &[
            ("email", "late@example.com"),
            ("name", "Late"),
            ("role", "interviewer"),
        ],
    )
    .await;
    app.deliver_mail().await;
    let link = invitation_link(&app, "late@example.com");
    app.db
        .write(|conn| {
            use diesel::prelude::*;
            use rapport::db::schema::invitations;
            diesel::update(invitations::table)
                .set(invitations::expires_at.eq(rapport::db::now() - chrono::Duration::minutes(1)))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let res = app.anonymous().get(&link).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 404);
    let guessed = app
        .anonymous()
        .get(app.url("/invitations/not-a-real-token"))
        .send()
        .await
        .unwrap();
    assert_eq!(guessed.status().as_u16(), 404);
}

async fn after_sign_in_only_local_paths_are_followed(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user(OWNER_EMAIL, "owner").await;
    let res = app
        .post_form(
            "/login",
            &[
                ("email", OWNER_EMAIL),
                ("password", PASSWORD),
                ("next", "//evil.example/phish"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/admin");
    let res = app
        .post_form(
            "/login",
            &[
                ("email", OWNER_EMAIL),
                ("password", PASSWORD),
                ("next", "/admin/team"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/admin/team");
}
