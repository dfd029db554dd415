//! Webhooks (issue 12, item 4): owners register endpoints, events are
//! queued in their own transaction, deliveries are signed, retried with the
//! same id after a failure, never lost across a restart, and carry no
//! personal data. A real HTTP receiver on 127.0.0.1:0 records what arrives.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use rapport::security::webhook::verify;
use rapport::startup::Application;
use serde_json::{json, Value};

use crate::helpers::{csrf_from, location, spawn_app, Backend, TestApp, OWNER_EMAIL, PASSWORD};
use crate::on_every_backend;

on_every_backend!(
    deliveries_are_signed_with_the_secret_shown_once,
    a_failed_delivery_is_retried_with_the_same_id_and_both_attempts_are_logged,
    deliveries_queued_before_a_restart_are_delivered_after_it,
    events_are_queued_in_their_transaction_and_only_for_subscribers,
    payloads_carry_no_personal_data,
    only_owners_manage_webhooks_and_every_form_needs_its_csrf_token,
    owners_manage_webhooks_through_the_api,
    the_panels_decision_is_an_event,
);

#[derive(Debug, Clone)]
struct Received {
    id: String,
    timestamp: String,
    signature: String,
    body: String,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// A receiver that records every request and answers 500 to the first
/// `fail_first` of them, 200 after.
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Received>>>,
    server: actix_web::dev::ServerHandle,
}

impl Receiver {
    async fn start(fail_first: usize) -> Receiver {
        let got = Arc::new(Mutex::new(Vec::new()));
        let failures = Arc::new(AtomicUsize::new(fail_first));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/hooks", listener.local_addr().unwrap());
        let (seen, left) = (got.clone(), failures.clone());
        let server = HttpServer::new(move || {
            let (seen, left) = (seen.clone(), left.clone());
            App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
                let (seen, left) = (seen.clone(), left.clone());
                async move {
                    let header = |name: &str| {
                        req.headers()
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_string()
                    };
                    seen.lock().unwrap().push(Received {
                        id: header("Rapport-Webhook-Id"),
                        timestamp: header("Rapport-Webhook-Timestamp"),
                        signature: header("Rapport-Webhook-Signature"),
                        body: String::from_utf8_lossy(&body).into_owned(),
                    });
                    let fail = left
                        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                        .is_ok();
                    if fail {
                        HttpResponse::InternalServerError().body("not now")
                    } else {
                        HttpResponse::Ok().body("thanks")
                    }
                }
            }))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        Receiver {
            url,
            got,
            server: handle,
        }
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    fn of_type(&self, kind: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|r| r.json()["type"] == kind)
            .collect()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let server = self.server.clone();
        tokio::spawn(async move { server.stop(false).await });
    }
}

/// Registers a webhook through the page; returns its id and the secret
/// the page showed.
async fn register(app: &TestApp, url: &str, events: &[&str]) -> (String, String) {
    let mut fields = vec![("url", url), ("active", "yes")];
    fields.extend(events.iter().map(|e| ("events", *e)));
    let res = app.post_form("/admin/webhooks", &fields).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&page);
    let secret = doc
        .select(&scraper::Selector::parse("#webhook-secret").unwrap())
        .next()
        .expect("the secret is shown on creation")
        .text()
        .collect::<String>();
    let form = scraper::Selector::parse(r#"form[action^="/admin/webhooks/"]"#).unwrap();
    let action = doc
        .select(&form)
        .next()
        .and_then(|f| f.value().attr("action"))
        .unwrap()
        .to_string();
    let id = action.trim_start_matches("/admin/webhooks/").to_string();
    (id, secret)
}

const ALL: [&str; 5] = [
    "application.created",
    "application.stage_changed",
    "screen.scored",
    "decision.made",
    "candidate.erased",
];

/// Posts due deliveries until `done` holds; each round retries what failed
/// in the one before (the retry delay in tests is a millisecond).
async fn deliver_until(app: &TestApp, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        app.deliver_webhooks().await;
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    assert!(done(), "the deliveries never arrived");
}

async fn application_id(app: &TestApp, job_id: &str, email: &str) -> String {
    let (job_id, email) = (job_id.to_string(), email.to_string());
    app.db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &job_id, &email))
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn deliveries(app: &TestApp, endpoint: &str) -> Vec<rapport::db::webhooks::DeliveryRow> {
    let endpoint = endpoint.to_string();
    app.db
        .read(move |c| rapport::db::webhooks::deliveries_for(c, &endpoint, 1000, 0))
        .await
        .unwrap()
}

async fn deliveries_are_signed_with_the_secret_shown_once(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let receiver = Receiver::start(0).await;
    let (hook, secret) = register(&app, &receiver.url, &ALL).await;
    assert!(
        secret.starts_with("whsec_") && secret.len() > 40,
        "{secret}"
    );
    let page = app.get_text(&format!("/admin/webhooks/{hook}")).await;
    assert!(!page.contains(&secret), "the secret is shown only once");
    assert!(page.contains(&receiver.url));
    let list = app.get_text("/admin/webhooks").await;
    assert!(list.contains(&format!(r#"href="/admin/webhooks/{hook}""#)));

    let (job_id, slug) = app.publish_job(&[]).await;
    app.new_browser()
        .apply(&slug, "Ana Lima", "ana@example.com", None)
        .await;
    let ana = application_id(&app, &job_id, "ana@example.com").await;
    deliver_until(&app, || !receiver.of_type("application.created").is_empty()).await;

    let got = receiver.of_type("application.created").remove(0);
    let now = chrono::Utc::now().timestamp();
    let ts: i64 = got.timestamp.parse().expect("a unix timestamp");
    assert!((now - ts).abs() < 60, "sent just now: {ts}");
    assert_eq!(
        verify(&secret, &got.timestamp, &got.signature, &got.body, now, 300),
        Ok(())
    );
    assert!(
        verify(
            "whsec_wrong",
            &got.timestamp,
            &got.signature,
            &got.body,
            now,
            300
        )
        .is_err(),
        "another secret does not verify"
    );
    let body = got.json();
    assert_eq!(
        body["id"],
        got.id.as_str(),
        "the payload's id is the header's"
    );
    assert_eq!(body["data"]["application_id"], ana.as_str());
    assert_eq!(body["data"]["job"]["id"], job_id.as_str());
    assert_eq!(body["data"]["job"]["slug"], slug.as_str());
    assert_eq!(body["data"]["stage"], "applied");
    assert!(body["created_at"].as_str().unwrap().ends_with('Z'));

    // The test button queues a ping, signed like the rest.
    let res = app
        .post_form(&format!("/admin/webhooks/{hook}/test"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/admin/webhooks/{hook}?tested=1"));
    deliver_until(&app, || !receiver.of_type("ping").is_empty()).await;
    let ping = receiver.of_type("ping").remove(0);
    assert_eq!(
        verify(
            &secret,
            &ping.timestamp,
            &ping.signature,
            &ping.body,
            now,
            300
        ),
        Ok(())
    );
    let log = app.get_text(&format!("/admin/webhooks/{hook}")).await;
    assert!(log.contains(&ping.id) && log.contains("<strong>200</strong>"));

    // A rotated secret signs from then on; the old one no longer verifies.
    let res = app
        .post_form(&format!("/admin/webhooks/{hook}/rotate"), &[])
        .await;
    let page = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&page);
    let rotated = doc
        .select(&scraper::Selector::parse("#webhook-secret").unwrap())
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert_ne!(rotated, secret);
    app.post_form(&format!("/admin/webhooks/{hook}/test"), &[])
        .await;
    deliver_until(&app, || receiver.of_type("ping").len() == 2).await;
    let second = receiver.of_type("ping").remove(1);
    let now = chrono::Utc::now().timestamp();
    assert_eq!(
        verify(
            &rotated,
            &second.timestamp,
            &second.signature,
            &second.body,
            now,
            300
        ),
        Ok(())
    );
    assert!(verify(
        &secret,
        &second.timestamp,
        &second.signature,
        &second.body,
        now,
        300
    )
    .is_err());
}

async fn a_failed_delivery_is_retried_with_the_same_id_and_both_attempts_are_logged(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let receiver = Receiver::start(1).await;
    let (hook, secret) = register(&app, &receiver.url, &["application.created"]).await;
    app.post_form(&format!("/admin/webhooks/{hook}/test"), &[])
        .await;

    assert_eq!(app.deliver_webhooks().await, 1);
    assert_eq!(receiver.received().len(), 1, "the first attempt got a 500");
    let rows = deliveries(&app, &hook).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].attempts, rows[0].last_status, rows[0].delivered_at),
        (1, Some(500), None)
    );
    let page = app.get_text(&format!("/admin/webhooks/{hook}")).await;
    assert!(page.contains("Retrying") && page.contains("<strong>500</strong>"));

    deliver_until(&app, || receiver.received().len() == 2).await;
    let got = receiver.received();
    assert_eq!(got[0].id, got[1].id, "a retry carries the same delivery id");
    assert_eq!(got[0].body, got[1].body);
    assert_eq!(got[0].id, rows[0].id);
    let now = chrono::Utc::now().timestamp();
    assert_eq!(
        verify(
            &secret,
            &got[1].timestamp,
            &got[1].signature,
            &got[1].body,
            now,
            300
        ),
        Ok(())
    );
    let rows = deliveries(&app, &hook).await;
    assert_eq!(rows[0].attempts, 2);
    assert!(rows[0].delivered_at.is_some());
    // Delivered: nothing more is sent.
    assert_eq!(app.deliver_webhooks().await, 0);
    assert_eq!(receiver.received().len(), 2);

    let page = app.get_text(&format!("/admin/webhooks/{hook}")).await;
    assert!(page.contains("Delivered"));
    assert!(page.contains("<strong>500</strong>") && page.contains("<strong>200</strong>"));
    let newest_first =
        page.find("<strong>200</strong>").unwrap() < page.find("<strong>500</strong>").unwrap();
    assert!(newest_first, "the log lists the latest attempt first");
}

async fn deliveries_queued_before_a_restart_are_delivered_after_it(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    // The receiver is "down" for the first attempt.
    let receiver = Receiver::start(1).await;
    let (hook, secret) = register(&app, &receiver.url, &ALL).await;
    app.post_form(&format!("/admin/webhooks/{hook}/test"), &[])
        .await;
    assert_eq!(app.deliver_webhooks().await, 1);
    assert_eq!(receiver.received().len(), 1);
    // Another event, queued and never tried by this process.
    let (_, slug) = app.publish_job(&[]).await;
    app.new_browser()
        .apply(&slug, "Ana Lima", "ana@example.com", None)
        .await;
    let waiting = deliveries(&app, &hook).await;
    assert_eq!(waiting.len(), 2);
    assert!(waiting.iter().all(|d| d.delivered_at.is_none()));

    app.stop().await;
    assert!(
        app.anonymous()
            .get(app.url("/healthz"))
            .send()
            .await
            .is_err(),
        "the first app is stopped"
    );
    let second = Application::build(app.settings.clone()).await.unwrap();
    let worker = second.webhook_worker();
    let stopper = second.stopper();
    tokio::spawn(second.run_until_stopped());
    for _ in 0..200 {
        if receiver.received().len() >= 3 {
            break;
        }
        worker.deliver_due().await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let got = receiver.received();
    assert_eq!(
        got.len(),
        3,
        "both deliveries arrive once after the restart"
    );
    let ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    for d in &waiting {
        assert!(ids.contains(&d.id.as_str()), "{} arrived", d.event);
    }
    assert_eq!(
        got[0].id,
        got[1..].iter().find(|r| r.id == got[0].id).unwrap().id
    );
    let now = chrono::Utc::now().timestamp();
    for r in &got {
        assert_eq!(
            verify(&secret, &r.timestamp, &r.signature, &r.body, now, 300),
            Ok(())
        );
    }
    // The second app's own worker may have sent one of them: the receiver
    // saw it before that worker recorded the answer. Wait for the record.
    for _ in 0..400 {
        if deliveries(&app, &hook)
            .await
            .iter()
            .all(|d| d.delivered_at.is_some())
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(deliveries(&app, &hook)
        .await
        .iter()
        .all(|d| d.delivered_at.is_some()));
    assert_eq!(receiver.received().len(), 3, "and nothing was sent twice");
    stopper.stop().await;
}

async fn events_are_queued_in_their_transaction_and_only_for_subscribers(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let receiver = Receiver::start(0).await;
    let (moves, _) = register(&app, &receiver.url, &["application.stage_changed"]).await;
    let (paused, _) = register(&app, &receiver.url, &ALL).await;
    let res = app
        .post_form(
            &format!("/admin/webhooks/{paused}"),
            &[
                ("url", receiver.url.as_str()),
                ("events", "application.stage_changed"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "saved without `active`: paused");
    let (job_id, slug) = app.publish_job(&[]).await;
    app.new_browser()
        .apply(&slug, "Ana Lima", "ana@example.com", None)
        .await;
    let ana = application_id(&app, &job_id, "ana@example.com").await;
    assert!(
        deliveries(&app, &moves).await.is_empty(),
        "an application is not a stage change"
    );

    let user_id = {
        let email = OWNER_EMAIL.to_string();
        app.db
            .read(move |c| rapport::db::users::find_by_email(c, &email))
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let token = app
        .db
        .write(move |conn| {
            let new =
                rapport::domain::api_token::NewToken::parse("hooks", "read-write", "").unwrap();
            rapport::flows::api_tokens::create(conn, &user_id, &new)
        })
        .await
        .unwrap()
        .0;
    let api = app.anonymous();
    let move_to = |to: &str| {
        api.post(app.url(&format!("/api/v1/admin/applications/{ana}/stage")))
            .bearer_auth(&token)
            .json(&json!({ "to": to, "reason": "checked" }))
            .send()
    };
    // Refused by the state machine: no delivery.
    assert_eq!(move_to("hired").await.unwrap().status().as_u16(), 409);
    assert!(deliveries(&app, &moves).await.is_empty());
    // Allowed: exactly one, for the active subscriber only.
    assert_eq!(move_to("rejected").await.unwrap().status().as_u16(), 200);
    let queued = deliveries(&app, &moves).await;
    assert_eq!(queued.len(), 1);
    assert!(
        deliveries(&app, &paused).await.is_empty(),
        "paused gets nothing"
    );
    let body: Value = serde_json::from_str(&queued[0].payload).unwrap();
    assert_eq!(body["type"], "application.stage_changed");
    assert_eq!(
        (
            &body["data"]["from"],
            &body["data"]["to"],
            &body["data"]["by"]
        ),
        (&json!("applied"), &json!("rejected"), &json!("staff"))
    );
    assert_eq!(body["data"]["application_id"], ana.as_str());

    // A change that fails rolls its delivery back with it.
    let failed = app
        .db
        .write({
            let ana = ana.clone();
            move |conn| {
                use rapport::domain::application::Stage;
                rapport::db::applications::move_stage(
                    conn,
                    &ana,
                    Stage::Rejected,
                    Stage::Applied,
                    "system",
                    "test",
                    rapport::db::now(),
                )?;
                Err::<(), _>(rapport::db::DbError::Corrupt("rolled back".into()))
            }
        })
        .await;
    assert!(failed.is_err());
    assert_eq!(deliveries(&app, &moves).await.len(), 1);

    deliver_until(&app, || receiver.received().len() == 1).await;
    assert_eq!(receiver.received()[0].id, queued[0].id);
}

async fn payloads_carry_no_personal_data(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let receiver = Receiver::start(0).await;
    let (hook, _) = register(&app, &receiver.url, &ALL).await;
    let (job_id, slug) = app.publish_job(&[]).await;
    app.set_screening(&job_id, &["generalist-en"], true).await;
    let ana = app.new_browser();
    ana.apply(&slug, "Ana Lima", "ana@example.com", None).await;
    let ana_id = application_id(&app, &job_id, "ana@example.com").await;
    let link = app.candidate_link("ana@example.com").await;
    ana.client.get(&link).send().await.unwrap();
    let page = ana.get_text("/candidate").await;
    let round = crate::helpers::round_of(&page);
    let mut answers = vec![
        ("round".to_string(), round),
        ("confirm".to_string(), "yes".to_string()),
    ];
    for q in crate::helpers::question_ids(&page) {
        answers.push((
            format!("answer-{q}"),
            "I would thank them, apologise and explain the refund steps.".to_string(),
        ));
    }
    let fields: Vec<(&str, &str)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = ana.post_form("/candidate/submit", &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    deliver_until(&app, || !receiver.of_type("screen.scored").is_empty()).await;
    let scored = receiver.of_type("screen.scored").remove(0).json();
    assert_eq!(scored["data"]["application_id"], ana_id.as_str());
    let score = scored["data"]["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score), "{score}");
    assert!(scored["data"]["passed"].is_boolean());
    // The screen over, the application moves to review in the same write
    // as its result: that move is an event too.
    let to_review = || {
        receiver
            .of_type("application.stage_changed")
            .iter()
            .any(|e| {
                let e = e.json();
                e["data"]["from"] == "screening" && e["data"]["to"] == "screen_review"
            })
    };
    deliver_until(&app, to_review).await;

    let res = app
        .post_form(
            &format!("/admin/applications/{ana_id}/erase"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    deliver_until(&app, || !receiver.of_type("candidate.erased").is_empty()).await;

    let erased = receiver.of_type("candidate.erased").remove(0).json();
    assert_eq!(erased["data"]["application_id"], ana_id.as_str());
    assert_eq!(erased["data"]["reason"], "owner_on_request");
    assert_eq!(erased["data"]["job"]["slug"], slug.as_str());
    let kinds: Vec<String> = deliveries(&app, &hook)
        .await
        .iter()
        .map(|d| d.event.clone())
        .collect();
    for kind in [
        "application.created",
        "application.stage_changed",
        "screen.scored",
        "candidate.erased",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    for r in receiver.received() {
        for personal in ["Ana", "Lima", "ana@example.com", "refund"] {
            assert!(
                !r.body.contains(personal),
                "{personal} in a {} payload: {}",
                r.json()["type"],
                r.body
            );
        }
    }
}

async fn only_owners_manage_webhooks_and_every_form_needs_its_csrf_token(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let receiver = Receiver::start(0).await;
    assert!(app
        .get_text("/admin")
        .await
        .contains(r#"href="/admin/webhooks""#));
    let (hook, _) = register(&app, &receiver.url, &ALL).await;

    app.create_user("ivy@example.com", "interviewer").await;
    let ivy = app.new_browser();
    ivy.login("ivy@example.com", PASSWORD).await;
    assert!(!ivy.get_text("/admin").await.contains("/admin/webhooks"));
    for path in [
        "/admin/webhooks".to_string(),
        format!("/admin/webhooks/{hook}"),
    ] {
        assert_eq!(ivy.get(&path).await.status().as_u16(), 403, "{path}");
    }
    let url = receiver.url.as_str();
    let res = ivy
        .post_form("/admin/webhooks", &[("url", url), ("events", "ping")])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    for action in ["test", "rotate", "delete"] {
        let res = ivy
            .post_form(&format!("/admin/webhooks/{hook}/{action}"), &[])
            .await;
        assert_eq!(res.status().as_u16(), 403, "{action}");
    }
    assert!(app
        .anonymous()
        .get(app.url("/admin/webhooks"))
        .send()
        .await
        .unwrap()
        .status()
        .is_redirection());

    // The owner, without the CSRF token: refused, nothing changes.
    let page = app.get_text("/admin/webhooks").await;
    assert!(csrf_from(&page).is_some());
    let res = app
        .post_raw(
            "/admin/webhooks",
            &[("url", url), ("events", "decision.made")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    for action in ["", "/test", "/rotate", "/delete"] {
        let res = app
            .post_raw(
                &format!("/admin/webhooks/{hook}{action}"),
                &[
                    ("url", url),
                    ("events", "decision.made"),
                    ("csrf_token", "forged"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 403, "{action}");
    }
    let endpoints = app
        .db
        .read(rapport::db::webhooks::list_endpoints)
        .await
        .unwrap();
    assert_eq!(endpoints.len(), 1);
    assert_eq!(endpoints[0].events().len(), 5, "unchanged");
    assert!(
        deliveries(&app, &hook).await.is_empty(),
        "no test was queued"
    );

    // An invalid form is refused with the reasons, and keeps what was typed.
    let res = app
        .post_form("/admin/webhooks", &[("url", "ftp://files.example")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("ftp://files.example") && page.contains("Choose at least one event"));

    // The owner deletes it, with its log.
    let res = app
        .post_form(&format!("/admin/webhooks/{hook}/delete"), &[])
        .await;
    assert_eq!(location(&res), "/admin/webhooks?deleted=1");
    assert_eq!(
        app.get(&format!("/admin/webhooks/{hook}"))
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn token_for(app: &TestApp, email: &str, scope: &str) -> String {
    let (email, new) = (
        email.to_string(),
        rapport::domain::api_token::NewToken::parse("hooks", scope, "").unwrap(),
    );
    app.db
        .write(move |conn| {
            let user = rapport::db::users::find_by_email(conn, &email)?.expect("the account");
            rapport::flows::api_tokens::create(conn, &user.id, &new)
        })
        .await
        .unwrap()
        .0
}

async fn owners_manage_webhooks_through_the_api(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let receiver = Receiver::start(0).await;
    let owner = token_for(&app, OWNER_EMAIL, "read-write").await;
    let reader = token_for(&app, OWNER_EMAIL, "read").await;
    app.create_user("ivy@example.com", "interviewer").await;
    let ivy = token_for(&app, "ivy@example.com", "read-write").await;
    let api = app.anonymous();
    let call = |method: reqwest::Method, path: &str, token: &str, body: Option<Value>| {
        let mut req = api.request(method, app.url(path)).bearer_auth(token);
        if let Some(body) = body {
            req = req.json(&body);
        }
        req.send()
    };
    let code = |v: &Value| v["error"]["code"].as_str().unwrap_or_default().to_string();
    let body = json!({ "url": receiver.url, "events": ["decision.made", "candidate.erased"] });

    let res = call(
        reqwest::Method::POST,
        "/api/v1/admin/webhooks",
        &owner,
        Some(body.clone()),
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let place = location(&res);
    let created: Value = res.json().await.unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(place, format!("/api/v1/admin/webhooks/{id}"));
    let secret = created["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"));
    assert_eq!(created["active"], true);
    assert_eq!(
        created["events"],
        json!(["decision.made", "candidate.erased"])
    );

    let read: Value = call(reqwest::Method::GET, &place, &reader, None)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(read["url"], receiver.url.as_str());
    let list = call(
        reqwest::Method::GET,
        "/api/v1/admin/webhooks",
        &reader,
        None,
    )
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert!(
        list.contains(&id) && !list.contains(&secret),
        "no secret after creation"
    );

    // Refused: a read-only token writing, an interviewer, an invalid body.
    let res = call(
        reqwest::Method::POST,
        "/api/v1/admin/webhooks",
        &reader,
        Some(body.clone()),
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(code(&res.json().await.unwrap()), "read_only_token");
    for (method, path) in [
        (reqwest::Method::GET, "/api/v1/admin/webhooks".to_string()),
        (reqwest::Method::GET, place.clone()),
        (reqwest::Method::POST, format!("{place}/test")),
    ] {
        let res = call(method, &path, &ivy, None).await.unwrap();
        assert_eq!(res.status().as_u16(), 403, "{path}");
        assert_eq!(code(&res.json().await.unwrap()), "owner_only");
    }
    let res = call(
        reqwest::Method::PUT,
        &place,
        &owner,
        Some(json!({ "url": "ftp://x.example", "events": [] })),
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let err: Value = res.json().await.unwrap();
    let fields: Vec<&str> = err["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["url", "events"]);

    // Paused through the API, then a test event, then the log.
    let res = call(
        reqwest::Method::PUT,
        &place,
        &owner,
        Some(json!({ "url": receiver.url, "events": ["decision.made"], "active": false })),
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let saved: Value = res.json().await.unwrap();
    assert_eq!(
        (saved["active"].clone(), saved["events"].clone()),
        (json!(false), json!(["decision.made"]))
    );
    let res = call(
        reqwest::Method::POST,
        &format!("{place}/test"),
        &owner,
        None,
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 202);
    let queued: Value = res.json().await.unwrap();
    let delivery = queued["delivery_id"].as_str().unwrap().to_string();
    assert_eq!(app.deliver_webhooks().await, 0, "paused: nothing goes out");
    call(
        reqwest::Method::PUT,
        &place,
        &owner,
        Some(json!({ "url": receiver.url, "events": ["decision.made"] })),
    )
    .await
    .unwrap();
    deliver_until(&app, || receiver.received().len() == 1).await;
    assert_eq!(receiver.received()[0].id, delivery);
    let log: Value = call(
        reqwest::Method::GET,
        &format!("{place}/deliveries"),
        &reader,
        None,
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let first = &log["deliveries"][0];
    assert_eq!(first["id"], delivery.as_str());
    assert_eq!(first["status"], "delivered");
    assert_eq!(first["attempts"][0]["status"], 200);

    // A rotated secret is returned once and signs what follows.
    let res = call(
        reqwest::Method::POST,
        &format!("{place}/rotate-secret"),
        &owner,
        None,
    )
    .await
    .unwrap();
    let rotated: Value = res.json().await.unwrap();
    let new_secret = rotated["secret"].as_str().unwrap().to_string();
    assert_ne!(new_secret, secret);
    call(
        reqwest::Method::POST,
        &format!("{place}/test"),
        &owner,
        None,
    )
    .await
    .unwrap();
    deliver_until(&app, || receiver.received().len() == 2).await;
    let got = receiver.received().remove(1);
    let now = chrono::Utc::now().timestamp();
    assert_eq!(
        verify(
            &new_secret,
            &got.timestamp,
            &got.signature,
            &got.body,
            now,
            300
        ),
        Ok(())
    );

    let doc: Value = api
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for path in [
        "/api/v1/admin/webhooks",
        "/api/v1/admin/webhooks/{id}",
        "/api/v1/admin/webhooks/{id}/deliveries",
        "/api/v1/admin/webhooks/{id}/test",
        "/api/v1/admin/webhooks/{id}/rotate-secret",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
    assert!(doc["paths"]["/api/v1/admin/webhooks/{id}"]["delete"]["responses"]["204"].is_object());

    let res = call(reqwest::Method::DELETE, &place, &owner, None)
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 204);
    let res = call(reqwest::Method::GET, &place, &owner, None)
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
}

async fn the_panels_decision_is_an_event(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let receiver = Receiver::start(0).await;
    let (hook, _) = register(&app, &receiver.url, &["decision.made"]).await;
    let (job_id, slug) = app.publish_job(&[]).await;
    app.new_browser()
        .apply(&slug, "Ana Lima", "ana@example.com", None)
        .await;
    let ana = application_id(&app, &job_id, "ana@example.com").await;
    let fran = {
        let email = OWNER_EMAIL.to_string();
        app.db
            .read(move |c| rapport::db::users::find_by_email(c, &email))
            .await
            .unwrap()
            .unwrap()
            .id
    };
    crate::pipeline::set_panel(&app, &job_id, &[&fran], &[]).await;
    // Straight to the team decision: the way there has tests of its own.
    let target = ana.clone();
    app.db
        .write(move |conn| {
            use rapport::domain::application::Stage;
            rapport::db::applications::move_stage(
                conn,
                &target,
                Stage::Applied,
                Stage::TeamDecision,
                "system",
                "test setup",
                rapport::db::now(),
            )
        })
        .await
        .unwrap();
    assert!(
        deliveries(&app, &hook).await.is_empty(),
        "a move is not a decision"
    );
    let res = app
        .post_form(
            &format!("/admin/applications/{ana}/vote"),
            &[
                ("vote", "yes"),
                ("reason", "Great fit."),
                ("without_scorecard", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    deliver_until(&app, || receiver.received().len() == 1).await;
    let decided = receiver.received()[0].json();
    assert_eq!(decided["type"], "decision.made");
    assert_eq!(decided["data"]["application_id"], ana.as_str());
    assert_eq!(decided["data"]["outcome"], "approved");
    assert_eq!(decided["data"]["stage"], "offer");
    assert!(!receiver.received()[0].body.contains("Great fit"));
}
