use crate::helpers::{spawn_app, spawn_app_with, Backend};
use crate::on_every_backend;
use crate::smtp::SmtpServer;

on_every_backend!(
    emails_are_written_as_files_without_smtp,
    a_refusing_smtp_server_loses_nothing,
    an_email_is_queued_only_if_its_change_commits,
);

async fn invite(app: &crate::helpers::TestApp, email: &str) {
    let res = app
        .post_form(
            "/admin/team/invitations",
            &[("email", email), ("name", "Ivy"), ("role", "interviewer")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn emails_are_written_as_files_without_smtp(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    invite(&app, "ivy@example.com").await;
    assert_eq!(app.deliver_mail().await, 1);
    let emails = app.emails();
    assert_eq!(emails.len(), 1);
    let eml = crate::helpers::unfold_qp(&emails[0]);
    assert!(eml.contains("To: ivy@example.com"));
    assert!(
        eml.contains("Subject: Fran Founder invited you to hire with Glimmer Ratings on Rapport")
    );
    assert!(eml.contains("Content-Type: text/plain"));
    assert!(eml.contains("Content-Type: text/html"));
    assert!(eml.contains("Message-ID: <"));
    assert_eq!(app.deliver_mail().await, 0, "sent once");
}

async fn a_refusing_smtp_server_loses_nothing(backend: Backend) {
    let smtp = SmtpServer::start();
    let port = smtp.port;
    let app = spawn_app_with(backend, |s| {
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}?tls=none").into());
    })
    .await;
    app.sign_up_owner().await;
    invite(&app, "ivy@example.com").await;

    // The server refuses: the row stays, with the error and a later attempt.
    assert_eq!(app.deliver_mail().await, 1);
    let rows = app
        .db
        .read(|c| rapport::db::outbox::recent(c, 10))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].sent_at.is_none());
    assert_eq!(rows[0].attempts, 1);
    assert!(
        rows[0].last_error.as_deref().unwrap().contains("421"),
        "{:?}",
        rows[0].last_error
    );
    let message_id = rows[0].message_id.clone();
    assert!(smtp.received().is_empty());

    // It comes back: the same email goes out, once, with the same Message-ID.
    smtp.accept();
    let mut delivered = false;
    for _ in 0..200 {
        app.deliver_mail().await;
        let rows = app
            .db
            .read(|c| rapport::db::outbox::recent(c, 10))
            .await
            .unwrap();
        if rows[0].sent_at.is_some() {
            delivered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(delivered, "delivered once the server accepts");
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    assert!(received[0].contains(&format!("Message-ID: {message_id}")));
    assert!(crate::helpers::unfold_qp(&received[0]).contains("/invitations/"));
    let rows = app
        .db
        .read(|c| rapport::db::outbox::recent(c, 10))
        .await
        .unwrap();
    assert_eq!(rows[0].attempts, 2);
    assert!(rows[0].last_error.is_none());
}

async fn an_email_is_queued_only_if_its_change_commits(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    // Inviting someone who already has an account changes nothing: no row, no email.
    let res = app
        .post_form(
            "/admin/team/invitations",
            &[
                ("email", crate::helpers::OWNER_EMAIL),
                ("name", "Me"),
                ("role", "owner"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("already has an account"));
    assert!(app
        .db
        .read(|c| rapport::db::outbox::recent(c, 10))
        .await
        .unwrap()
        .is_empty());
    // A transaction that fails after queueing leaves no email behind.
    let outcome = app
        .db
        .write(|conn| {
            rapport::mail::queue(
                conn,
                rapport::mail::EmailKind::StaffInvitation,
                "x@example.com",
                &serde_json::json!({}),
                "test",
            )?;
            Err::<(), _>(rapport::db::DbError::Corrupt(
                "simulated failure after queueing".into(),
            ))
        })
        .await;
    assert!(outcome.is_err());
    assert!(app
        .db
        .read(|c| rapport::db::outbox::recent(c, 10))
        .await
        .unwrap()
        .is_empty());
}
