//! The REST API (issue 12, items 1 to 3): personal tokens and their scopes,
//! the staff resources, the errors they answer with, and the OpenAPI
//! document that lists them.

use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{
    csrf_from, location, spawn_app, spawn_app_with, Backend, TestApp, OWNER_EMAIL,
};
use crate::on_every_backend;

on_every_backend!(
    tokens_made_on_the_page_are_shown_once_used_and_revoked,
    read_only_tokens_cannot_write_and_expired_ones_are_refused,
    interviewers_tokens_see_their_panels_and_no_owner_routes,
    jobs_are_created_updated_published_and_closed_through_the_flows,
    applications_page_by_key_and_move_through_the_state_machine,
    each_token_is_rate_limited_with_retry_after,
    the_openapi_document_lists_every_route_and_the_reference_page_keeps_the_csp,
    session_writes_need_the_csrf_token_and_bearer_requests_set_no_cookie,
    the_command_line_makes_a_token_for_an_existing_account,
    csv_exports_hold_every_application_of_the_job_and_nothing_else,
    interviewers_export_only_their_panels_jobs,
    control_characters_in_an_api_path_are_a_json_not_found,
    ids_with_a_nul_in_the_query_name_nothing,
);

/// A token for the account with this email, made by the same flow as the page.
async fn token_for(app: &TestApp, email: &str, scope: &str, days: &str) -> String {
    let (email, new) = (
        email.to_string(),
        rapport::domain::api_token::NewToken::parse("test", scope, days).unwrap(),
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

/// A client with no cookies that sends `token`.
struct Bearer {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl Bearer {
    fn new(app: &TestApp, token: &str) -> Self {
        Bearer {
            client: app.anonymous(),
            base: app.address.clone(),
            token: token.to_string(),
        }
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
    }

    /// A GET whose JSON body the test reads, whatever its status.
    async fn get_json(&self, path: &str) -> Value {
        self.get(path).await.json().await.unwrap()
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    async fn post(&self, path: &str, body: &Value) -> reqwest::Response {
        self.send(reqwest::Method::POST, path, body).await
    }
}

async fn error_of(res: reqwest::Response) -> (u16, String) {
    let status = res.status().as_u16();
    let body: Value = res.json().await.expect("a JSON error");
    assert!(body["error"]["message"].is_string(), "{body}");
    assert!(body["error"]["fields"].is_array(), "{body}");
    (status, body["error"]["code"].as_str().unwrap().to_string())
}

/// The valid job form as the JSON body the API takes.
fn job_json(title: &str) -> Value {
    let mut body = serde_json::Map::new();
    for (k, v) in crate::helpers::valid_job_form() {
        if matches!(k, "languages" | "fluencies" | "channels") {
            body.entry(k)
                .or_insert_with(|| json!([]))
                .as_array_mut()
                .unwrap()
                .push(json!(v));
        } else {
            body.insert(k.to_string(), json!(v));
        }
    }
    body.insert("title".into(), json!(title));
    Value::Object(body)
}

async fn job_count(app: &TestApp) -> usize {
    app.db
        .read(rapport::db::jobs::list_all)
        .await
        .unwrap()
        .len()
}

async fn tokens_made_on_the_page_are_shown_once_used_and_revoked(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let page = app.get_text("/admin/account/tokens").await;
    assert!(page.contains("You have no tokens yet"));
    // Refused with its reasons, nothing made.
    let res = app
        .post_form(
            "/admin/account/tokens",
            &[("name", ""), ("scope", "root"), ("days", "9999")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Name the token"), "{html}");
    assert!(html.contains("between 1 and 365 days"));

    let res = app
        .post_form(
            "/admin/account/tokens",
            &[
                ("name", "CI export"),
                ("scope", "read_write"),
                ("days", "30"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("#new-token").unwrap();
    let token: String = doc
        .select(&sel)
        .next()
        .expect("the token is shown")
        .text()
        .collect();
    assert!(token.starts_with("rpt_") && token.len() > 40, "{token}");
    // Stored hashed: the database does not hold it, and the page shows it once.
    let stored = app
        .db
        .read(|conn| {
            use rapport::db::schema::api_tokens::dsl::*;
            Ok(api_tokens.select(token_hash).load::<String>(conn).unwrap())
        })
        .await
        .unwrap();
    assert_eq!(stored, vec![rapport::security::token::hash_token(&token)]);
    let again = app.get_text("/admin/account/tokens").await;
    assert!(!again.contains(&token));
    assert!(again.contains("CI export") && again.contains("Never"));

    let api = Bearer::new(&app, &token);
    let res = api.get("/api/v1/admin/jobs").await;
    assert_eq!(res.status().as_u16(), 200);
    // The list shows the last use.
    let after = app.get_text("/admin/account/tokens").await;
    assert!(!after.contains("Never"), "last use shown");

    // Revoking needs the form's CSRF token.
    let html = app.get_text("/admin/account/tokens").await;
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse(r#"form[action$="/revoke"]"#).unwrap();
    let action = doc
        .select(&sel)
        .next()
        .unwrap()
        .value()
        .attr("action")
        .unwrap()
        .to_string();
    let res = app.post_raw(&action, &[("csrf_token", "forged")]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(api.get("/api/v1/admin/jobs").await.status().as_u16(), 200);
    let token_field = csrf_from(&html).unwrap();
    let res = app.post_raw(&action, &[("csrf_token", &token_field)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).contains("revoked=1"));
    assert_eq!(
        error_of(api.get("/api/v1/admin/jobs").await).await,
        (401, "token_revoked".into())
    );
    // Someone else's token cannot be revoked by id guessing: unknown is 404.
    let res = app
        .post_form("/admin/account/tokens/not-a-token/revoke", &[])
        .await;
    assert_eq!(res.status().as_u16(), 404);
    // An unknown token and a malformed header are 401 too.
    let stranger = Bearer::new(&app, "rpt_not-a-real-token");
    let res = stranger.get("/api/v1/admin/jobs").await;
    assert_eq!(res.headers().get("www-authenticate").unwrap(), "Bearer");
    assert_eq!(error_of(res).await, (401, "unauthorized".into()));
    let res = app
        .anonymous()
        .get(app.url("/api/v1/admin/jobs"))
        .header("authorization", "Basic Zm9vOmJhcg==")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}

async fn read_only_tokens_cannot_write_and_expired_ones_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let reader = Bearer::new(&app, &token_for(&app, OWNER_EMAIL, "read", "30").await);
    assert_eq!(
        reader.get("/api/v1/admin/jobs").await.status().as_u16(),
        200
    );
    let res = reader
        .post("/api/v1/admin/jobs", &job_json("Support Agent"))
        .await;
    assert_eq!(error_of(res).await, (403, "read_only_token".into()));
    assert_eq!(job_count(&app).await, 0);

    let raw = token_for(&app, OWNER_EMAIL, "read-write", "1").await;
    let writer = Bearer::new(&app, &raw);
    assert_eq!(
        writer.get("/api/v1/admin/jobs").await.status().as_u16(),
        200
    );
    // A day later it no longer works.
    let hash = rapport::security::token::hash_token(&raw);
    app.db
        .write(move |conn| {
            use rapport::db::schema::api_tokens::dsl::*;
            diesel::update(api_tokens.filter(token_hash.eq(hash)))
                .set(expires_at.eq(rapport::db::now() - chrono::Duration::seconds(1)))
                .execute(conn)
                .unwrap();
            Ok(())
        })
        .await
        .unwrap();
    let res = writer
        .post("/api/v1/admin/jobs", &job_json("Support Agent"))
        .await;
    assert_eq!(error_of(res).await, (401, "token_expired".into()));
    assert_eq!(job_count(&app).await, 0);
}

/// Two published jobs with one applicant each (Ana on the first, Bo on the
/// second), and Ivy, an interviewer on the first job's panel only, with a
/// token of `scope`. Returns (first job, second job, Ivy's client).
async fn two_jobs_and_an_interviewer_on_the_first(
    app: &TestApp,
    scope: &str,
) -> (String, String, Bearer) {
    app.sign_up_owner().await;
    let (on_panel, slug_a) = app.publish_job(&[("title", "Panel Job")]).await;
    let (other, slug_b) = app.publish_job(&[("title", "Other Job")]).await;
    let visitor = app.new_browser();
    visitor
        .apply(&slug_a, "Ana Panel", "ana@example.com", None)
        .await;
    visitor
        .apply(&slug_b, "Bo Other", "bo@example.com", None)
        .await;
    app.create_user("ivy@example.com", "interviewer").await;
    let job = on_panel.clone();
    app.db
        .write(move |conn| {
            let ivy = rapport::db::users::find_by_email(conn, "ivy@example.com")?.unwrap();
            rapport::db::panels::set(conn, &job, &[ivy.id], rapport::db::now())
        })
        .await
        .unwrap();
    let ivy = Bearer::new(app, &token_for(app, "ivy@example.com", scope, "30").await);
    (on_panel, other, ivy)
}

async fn interviewers_tokens_see_their_panels_and_no_owner_routes(backend: Backend) {
    let app = spawn_app(backend).await;
    let (on_panel, other, ivy) = two_jobs_and_an_interviewer_on_the_first(&app, "read-write").await;

    let jobs: Value = ivy.get_json("/api/v1/admin/jobs").await;
    let ids: Vec<&str> = jobs["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [on_panel.as_str()]);
    assert_eq!(
        ivy.get(&format!("/api/v1/admin/jobs/{on_panel}"))
            .await
            .status()
            .as_u16(),
        200
    );
    let res = ivy.get(&format!("/api/v1/admin/jobs/{other}")).await;
    assert_eq!(error_of(res).await, (403, "not_on_panel".into()));

    let apps: Value = ivy.get_json("/api/v1/admin/applications").await;
    let names: Vec<&str> = apps["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ana Panel"]);
    let res = ivy
        .get(&format!("/api/v1/admin/applications?job_id={other}"))
        .await;
    assert_eq!(error_of(res).await, (403, "not_on_panel".into()));
    let bo = app
        .db
        .read(|conn| {
            let job = other_job(conn);
            rapport::db::applications::find_by_job_email(conn, &job, "bo@example.com")
        })
        .await
        .unwrap()
        .unwrap();
    for path in ["", "/interviews", "/scorecards", "/decision"] {
        let res = ivy
            .get(&format!("/api/v1/admin/applications/{}{path}", bo.id))
            .await;
        assert_eq!(error_of(res).await, (403, "not_on_panel".into()), "{path}");
    }
    let ana_id = apps["applications"][0]["id"].as_str().unwrap().to_string();
    for path in ["", "/interviews", "/scorecards", "/decision"] {
        let res = ivy
            .get(&format!("/api/v1/admin/applications/{ana_id}{path}"))
            .await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
    }

    // Owner-only routes, whatever the token's scope.
    let res = ivy.post("/api/v1/admin/jobs", &job_json("Sneaky")).await;
    assert_eq!(error_of(res).await, (403, "owner_only".into()));
    let res = ivy
        .post(
            &format!("/api/v1/admin/jobs/{on_panel}/close"),
            &json!({"reason": "filled"}),
        )
        .await;
    assert_eq!(error_of(res).await, (403, "owner_only".into()));
    let res = ivy
        .post(
            &format!("/api/v1/admin/applications/{ana_id}/stage"),
            &json!({"to": "rejected"}),
        )
        .await;
    assert_eq!(error_of(res).await, (403, "owner_only".into()));
    let res = ivy.get("/api/v1/admin/questionnaires").await;
    assert_eq!(error_of(res).await, (403, "owner_only".into()));
    assert_eq!(job_count(&app).await, 2);
}

fn other_job(conn: &mut rapport::db::DbConnection) -> String {
    rapport::db::jobs::list_all(conn)
        .unwrap()
        .into_iter()
        .find(|j| j.posting.title == "Other Job")
        .unwrap()
        .id
}

async fn jobs_are_created_updated_published_and_closed_through_the_flows(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let api = Bearer::new(
        &app,
        &token_for(&app, OWNER_EMAIL, "read-write", "30").await,
    );

    let res = api
        .post("/api/v1/admin/jobs", &job_json("API Support Agent"))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let loc = location(&res);
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        loc,
        format!("/api/v1/admin/jobs/{}", created["id"].as_str().unwrap())
    );
    assert_eq!(created["status"], "draft");
    assert_eq!(created["workplace"], "remote");
    assert!(created["created_at"].as_str().unwrap().ends_with('Z'));
    let read: Value = api.get_json(&loc).await;
    assert_eq!(read["title"], "API Support Agent");

    // The editor's validation, field by field.
    let mut bad = read["posting"].clone();
    bad["tier1"] = json!("90");
    bad["salary_currency"] = json!("euros");
    let res = api.send(reqwest::Method::PUT, &loc, &bad).await;
    assert_eq!(res.status().as_u16(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"tier_mix") && fields.contains(&"salary"),
        "{fields:?}"
    );

    // The posting round-trips through PUT.
    let mut good = read["posting"].clone();
    good["title"] = json!("API Support Lead");
    let res = api.send(reqwest::Method::PUT, &loc, &good).await;
    assert_eq!(res.status().as_u16(), 200);
    let saved: Value = res.json().await.unwrap();
    assert_eq!(saved["title"], "API Support Lead");
    assert_eq!(saved["slug"], "api-support-lead");

    let res = api.post(&format!("{loc}/publish"), &json!({})).await;
    assert_eq!(res.status().as_u16(), 200);
    let open: Value = res.json().await.unwrap();
    assert_eq!(open["status"], "open");
    let board: Value = app
        .anonymous()
        .get(app.url("/api/v1/jobs"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(board["jobs"][0]["title"], "API Support Lead");

    let res = api
        .post(&format!("{loc}/close"), &json!({"reason": "sometime"}))
        .await;
    assert_eq!(error_of(res).await, (422, "invalid".into()));
    let res = api
        .post(&format!("{loc}/close"), &json!({"reason": "filled"}))
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let closed: Value = res.json().await.unwrap();
    assert_eq!(
        (closed["status"].as_str(), closed["close_reason"].as_str()),
        (Some("closed"), Some("filled"))
    );
    let res = api
        .post(&format!("{loc}/close"), &json!({"reason": "filled"}))
        .await;
    assert_eq!(error_of(res).await, (409, "job_not_open".into()));
    // Each change is in the audit trail, as from the pages.
    let actions = app
        .db
        .read(|conn| {
            use rapport::db::schema::audit_events::dsl::*;
            Ok(audit_events.select(action).load::<String>(conn).unwrap())
        })
        .await
        .unwrap();
    for a in ["job.created", "job.edited", "job.published", "job.closed"] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
    assert_eq!(
        error_of(api.get("/api/v1/admin/jobs/nope").await).await,
        (404, "not_found".into())
    );
    assert_eq!(
        error_of(api.get("/api/v1/admin/nothing-here").await).await,
        (404, "not_found".into())
    );
}

async fn applications_page_by_key_and_move_through_the_state_machine(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    let visitor = app.new_browser();
    for (name, email) in [
        ("Ana A", "ana@example.com"),
        ("Bo B", "bo@example.com"),
        ("Cy C", "cy@example.com"),
    ] {
        visitor.apply(&slug, name, email, None).await;
    }
    let api = Bearer::new(
        &app,
        &token_for(&app, OWNER_EMAIL, "read-write", "30").await,
    );

    // Keyset pages: every application once, in order, then nothing more.
    let mut seen = Vec::new();
    let mut path = format!("/api/v1/admin/applications?job_id={job_id}&sort=name&limit=2");
    loop {
        let page: Value = api.get_json(&path).await;
        assert_eq!(page["total"], 3);
        for a in page["applications"].as_array().unwrap() {
            seen.push(a["name"].as_str().unwrap().to_string());
            assert_eq!(a["stage"], "applied");
        }
        match page["next"].as_str() {
            Some(next) => {
                path = format!(
                    "/api/v1/admin/applications?job_id={job_id}&sort=name&limit=2&after={next}"
                )
            }
            None => break,
        }
    }
    assert_eq!(seen, ["Ana A", "Bo B", "Cy C"]);
    let res = api.get("/api/v1/admin/applications?stage=nowhere").await;
    assert_eq!(error_of(res).await, (422, "invalid".into()));
    let res = api.get("/api/v1/admin/applications?limit=0").await;
    assert_eq!(error_of(res).await, (422, "invalid".into()));
    let filtered: Value = api
        .get_json("/api/v1/admin/applications?q=bo%40example")
        .await;
    assert_eq!(filtered["total"], 1);

    let list: Value = api.get_json("/api/v1/admin/applications?sort=name").await;
    let ana = list["applications"][0]["id"].as_str().unwrap().to_string();
    let detail: Value = api
        .get_json(&format!("/api/v1/admin/applications/{ana}"))
        .await;
    assert_eq!(detail["stage"], "applied");
    assert!(detail["allowed_moves"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m == "rejected"));
    assert!(detail["screenings"].is_array() && detail["events"].is_array());

    // The state machine refuses a jump, with the pages' reason.
    let move_path = format!("/api/v1/admin/applications/{ana}/stage");
    let res = api.post(&move_path, &json!({"to": "hired"})).await;
    assert_eq!(error_of(res).await, (409, "transition_not_allowed".into()));
    let res = api.post(&move_path, &json!({"to": "somewhere"})).await;
    assert_eq!(error_of(res).await, (422, "invalid".into()));
    // A move from a stage the caller no longer sees is refused.
    let res = api
        .post(&move_path, &json!({"to": "rejected", "from": "interview"}))
        .await;
    assert_eq!(error_of(res).await, (409, "stage_changed".into()));
    let res = api
        .post(
            &move_path,
            &json!({"to": "rejected", "from": "applied", "reason": "not a fit"}),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let moved: Value = res.json().await.unwrap();
    assert_eq!(moved["stage"], "rejected");
    // Final: nothing moves a rejected candidate on.
    let res = api.post(&move_path, &json!({"to": "screening"})).await;
    assert_eq!(error_of(res).await, (409, "transition_not_allowed".into()));
    let detail: Value = api
        .get_json(&format!("/api/v1/admin/applications/{ana}"))
        .await;
    let last = detail["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["to_stage"].as_str(), last["reason"].as_str()),
        (Some("rejected"), Some("not a fit"))
    );
    for path in ["/interviews", "/scorecards", "/decision"] {
        let res = api
            .get(&format!("/api/v1/admin/applications/{ana}{path}"))
            .await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
    }
    let qs: Value = api.get_json("/api/v1/admin/questionnaires").await;
    let first = qs["questionnaires"][0]["id"].as_str().unwrap().to_string();
    let q: Value = api
        .get_json(&format!("/api/v1/admin/questionnaires/{first}"))
        .await;
    assert_eq!(q["id"], first.as_str());
    assert!(!q["questions"].as_array().unwrap().is_empty());
}

async fn each_token_is_rate_limited_with_retry_after(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.api_requests_per_minute = 3).await;
    app.sign_up_owner().await;
    let api = Bearer::new(&app, &token_for(&app, OWNER_EMAIL, "read", "30").await);
    let other = Bearer::new(&app, &token_for(&app, OWNER_EMAIL, "read", "30").await);
    for _ in 0..3 {
        assert_eq!(api.get("/api/v1/admin/jobs").await.status().as_u16(), 200);
    }
    let res = api.get("/api/v1/admin/jobs").await;
    let retry: i64 = res
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(error_of(res).await, (429, "rate_limited".into()));
    // Per token: another token is not held back.
    assert_eq!(other.get("/api/v1/admin/jobs").await.status().as_u16(), 200);
}

/// Every route this API adds, as the document must name it.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/v1/jobs"),
    ("get", "/api/v1/jobs/{slug}"),
    ("get", "/api/v1/admin/jobs"),
    ("post", "/api/v1/admin/jobs"),
    ("get", "/api/v1/admin/jobs/{id}"),
    ("put", "/api/v1/admin/jobs/{id}"),
    ("post", "/api/v1/admin/jobs/{id}/publish"),
    ("post", "/api/v1/admin/jobs/{id}/close"),
    ("get", "/api/v1/admin/applications"),
    ("get", "/api/v1/admin/applications/{id}"),
    ("post", "/api/v1/admin/applications/{id}/stage"),
    ("get", "/api/v1/admin/applications/{id}/interviews"),
    ("get", "/api/v1/admin/applications/{id}/scorecards"),
    ("get", "/api/v1/admin/applications/{id}/decision"),
    ("get", "/api/v1/admin/questionnaires"),
    ("get", "/api/v1/admin/questionnaires/{id}"),
    ("get", "/api/v1/admin/jobs.csv"),
    ("get", "/api/v1/admin/jobs/{id}/applications.csv"),
];

async fn the_openapi_document_lists_every_route_and_the_reference_page_keeps_the_csp(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let res = app
        .anonymous()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let doc: Value = res.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in ROUTES {
        let op = &paths
            .get(*path)
            .unwrap_or_else(|| panic!("{path} is documented"))[*method];
        assert!(op.is_object(), "{method} {path} is documented");
        let responses = op["responses"].as_object().unwrap();
        assert!(
            responses.keys().any(|k| k.starts_with('2')),
            "{method} {path}"
        );
        if path.starts_with("/api/v1/admin") {
            for status in ["400", "401", "403", "422", "429"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} documents {status}"
                );
            }
            assert!(responses["429"]["headers"]["Retry-After"].is_object());
            if path.contains('{') {
                assert!(
                    responses.contains_key("404"),
                    "{method} {path} documents 404"
                );
            }
            if *method != "get" {
                assert!(
                    responses.contains_key("409"),
                    "{method} {path} documents 409"
                );
            }
        }
    }
    let count: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert!(count >= ROUTES.len());
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    // Every $ref points at a schema the document has.
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{name} is defined"
        );
    }

    let res = app
        .anonymous()
        .get(app.url("/api/docs"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let csp = res
        .headers()
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"<script src="/static/api-docs.js""#));
    // No inline script or style, and nothing from another site.
    assert!(!html.contains("<script>") && !html.contains("<style") && !html.contains("style="));
    assert!(!html.contains("http://") && !html.contains("https://"));
    for asset in ["/static/api-docs.js", "/static/api-docs.css"] {
        let res = app.anonymous().get(app.url(asset)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{asset}");
        assert!(!res.text().await.unwrap().contains("https://"), "{asset}");
    }
}

async fn session_writes_need_the_csrf_token_and_bearer_requests_set_no_cookie(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    // The pages' session still reads the staff API.
    assert_eq!(app.get("/api/v1/admin/jobs").await.status().as_u16(), 200);
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .json(&job_json("Cookie Job"))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(res).await, (403, "csrf_token_invalid".into()));
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", "forged")
        .json(&job_json("Cookie Job"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(job_count(&app).await, 0);
    let res = app
        .client
        .post(app.url("/api/v1/admin/jobs"))
        .header("x-csrf-token", app.csrf_token().await)
        .json(&job_json("Cookie Job"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);

    // A bearer write needs no cookie and no CSRF token, and gets no cookie.
    let api = Bearer::new(
        &app,
        &token_for(&app, OWNER_EMAIL, "read-write", "30").await,
    );
    let res = api
        .post("/api/v1/admin/jobs", &job_json("Bearer Job"))
        .await;
    assert_eq!(res.status().as_u16(), 201);
    assert!(res.headers().get("set-cookie").is_none());
    let res = api.get("/api/v1/admin/jobs").await;
    assert!(res.headers().get("set-cookie").is_none());
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    assert_eq!(job_count(&app).await, 2);
}

async fn the_command_line_makes_a_token_for_an_existing_account(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let url = database_url(&app, backend);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env("RAPPORT_LOG", "error")
            .output()
            .expect("running rapport")
    };
    let out = run(&[
        "token",
        "create",
        "--email",
        "nobody@example.com",
        "--name",
        "CI",
        "--scope",
        "read-write",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no staff account"));
    let out = run(&[
        "token",
        "create",
        "--email",
        "founder@example.com",
        "--name",
        "CI",
        "--scope",
        "admin",
    ]);
    assert!(!out.status.success());
    let out = run(&[
        "token",
        "create",
        "--email",
        "Founder@example.com",
        "--name",
        "CI",
        "--scope",
        "read-write",
        "--days",
        "7",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(
        token.starts_with("rpt_"),
        "only the token on standard output: {token}"
    );
    let api = Bearer::new(&app, &token);
    let res = api.post("/api/v1/admin/jobs", &job_json("CLI Job")).await;
    assert_eq!(res.status().as_u16(), 201);
}

/// The test app's database, for the command line.
fn database_url(app: &TestApp, backend: Backend) -> String {
    match backend {
        Backend::Sqlite => app.sqlite_url(),
        Backend::Postgres => {
            let (admin, name) = app.pg_database().unwrap();
            let mut url = url::Url::parse(&admin).unwrap();
            url.set_path(&format!("/{name}"));
            url.to_string()
        }
    }
}

/// A CSV download's body, after checking it is one: text/csv, saved as a
/// file, never cached.
async fn csv_download(res: reqwest::Response) -> String {
    assert_eq!(res.status().as_u16(), 200);
    let h = res.headers().clone();
    assert!(
        h["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv; charset=utf-8"),
        "{h:?}"
    );
    assert!(h["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename="));
    assert_eq!(h["cache-control"], "no-store");
    res.text().await.unwrap()
}

/// The CSV's header and rows, each row as column name → cell.
fn csv_rows(body: &str) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), header.len());
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

async fn csv_exports_hold_every_application_of_the_job_and_nothing_else(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_a, slug_a) = app.publish_job(&[("title", "Job A")]).await;
    let (job_b, slug_b) = app.publish_job(&[("title", "Job B")]).await;
    let visitor = app.new_browser();
    let evil = "=HYPERLINK(\"http://evil.example/\",\"x\")";
    for (name, email) in [
        ("Ana Lima", "ana@example.com"),
        ("Bo Berg", "bo@example.com"),
        (evil, "eve@example.com"),
    ] {
        visitor.apply(&slug_a, name, email, None).await;
    }
    visitor
        .apply(&slug_b, "Cy Other", "cy@example.com", None)
        .await;
    let api = Bearer::new(&app, &token_for(&app, OWNER_EMAIL, "read", "30").await);

    let path = format!("/api/v1/admin/jobs/{job_a}/applications.csv");
    let body = csv_download(api.get(&path).await).await;
    assert!(
        body.contains("\r\n") && !body.replace("\r\n", "").contains('\n'),
        "RFC 4180 line ends"
    );
    // The staff page's export, byte for byte: same columns, same cells.
    let page = app
        .get(&format!("/admin/jobs/{job_a}/applications.csv"))
        .await;
    assert_eq!(page.text().await.unwrap(), body);
    let (header, rows) = csv_rows(&body);
    assert_eq!(&header[..4], ["application_id", "name", "email", "stage"]);
    let listed: Value = api
        .get_json(&format!(
            "/api/v1/admin/applications?job_id={job_a}&limit=200"
        ))
        .await;
    let mut want: Vec<String> = listed["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    let mut got: Vec<String> = rows.iter().map(|r| r["application_id"].clone()).collect();
    want.sort();
    got.sort();
    assert_eq!(got.len(), 3);
    assert_eq!(got, want, "every application of the job, once");
    assert!(!body.contains("Cy Other") && !body.contains("cy@example.com"));
    let eve = rows
        .iter()
        .find(|r| r["email"] == "eve@example.com")
        .unwrap();
    assert_eq!(eve["name"], format!("'{evil}"), "kept as text, never run");
    assert_eq!(eve["stage"], "applied");

    let jobs = csv_download(api.get("/api/v1/admin/jobs.csv").await).await;
    let (_, jobs) = csv_rows(&jobs);
    let count = |id: &str| {
        jobs.iter()
            .find(|j| j["job_id"] == id)
            .map(|j| j["applications"].clone())
    };
    assert_eq!(jobs.len(), 2);
    assert_eq!(count(&job_a).as_deref(), Some("3"));
    assert_eq!(count(&job_b).as_deref(), Some("1"));
    assert_eq!(
        jobs.iter().find(|j| j["job_id"] == job_a).unwrap()["title"],
        "Job A"
    );

    // Erased on request: her row's personal data is gone from the export.
    let ana = rows
        .iter()
        .find(|r| r["email"] == "ana@example.com")
        .unwrap()["application_id"]
        .clone();
    let res = app
        .post_form(
            &format!("/admin/applications/{ana}/erase"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let after = csv_download(api.get(&path).await).await;
    assert!(!after.contains("Ana Lima") && !after.contains("ana@example.com"));
    let (_, left) = csv_rows(&after);
    assert_eq!(left.len(), 2);
    // Whatever is kept of her row (an erasure keeps counts) names no one.
    for r in left.iter().filter(|r| r["application_id"] == ana) {
        assert_eq!(
            (
                r["name"].as_str(),
                r["email"].as_str(),
                r["location"].as_str()
            ),
            ("", "", "")
        );
    }
    assert!(after.contains("Bo Berg"));
    assert_eq!(
        error_of(api.get("/api/v1/admin/jobs/nope/applications.csv").await).await,
        (404, "not_found".into())
    );
    let res = app
        .anonymous()
        .get(app.url("/api/v1/admin/jobs.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(res).await, (401, "unauthorized".into()));
}

async fn interviewers_export_only_their_panels_jobs(backend: Backend) {
    let app = spawn_app(backend).await;
    let (on_panel, other, ivy) = two_jobs_and_an_interviewer_on_the_first(&app, "read").await;

    let jobs = csv_download(ivy.get("/api/v1/admin/jobs.csv").await).await;
    let (_, jobs) = csv_rows(&jobs);
    let ids: Vec<&str> = jobs.iter().map(|j| j["job_id"].as_str()).collect();
    assert_eq!(ids, [on_panel.as_str()]);
    let mine = csv_download(
        ivy.get(&format!("/api/v1/admin/jobs/{on_panel}/applications.csv"))
            .await,
    )
    .await;
    let (_, rows) = csv_rows(&mine);
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str()).collect();
    assert_eq!(names, ["Ana Panel"]);
    let res = ivy
        .get(&format!("/api/v1/admin/jobs/{other}/applications.csv"))
        .await;
    assert_eq!(error_of(res).await, (403, "not_on_panel".into()));
}

async fn control_characters_in_an_api_path_are_a_json_not_found(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let api = Bearer::new(&app, &token_for(&app, OWNER_EMAIL, "read", "30").await);
    // Schemathesis found these answered with the HTML "page not found",
    // which the document does not promise.
    for path in [
        "/api/v1/admin/jobs/%1B",
        "/api/v1/admin/applications/a%C2%9E",
    ] {
        let res = api.get(path).await;
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
        assert_eq!(error_of(res).await, (404, "not_found".into()), "{path}");
    }
    // The pages keep their own HTML answer.
    let res = app.get("/admin/jobs/%1B").await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}

async fn ids_with_a_nul_in_the_query_name_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    app.new_browser()
        .apply(&slug, "Ana Lima", "ana@example.com", None)
        .await;
    let api = Bearer::new(&app, &token_for(&app, OWNER_EMAIL, "read", "30").await);
    // Found against PostgreSQL, which fails a query whose text holds NUL
    // (a 500); SQLite found nothing. Either way the id names nothing.
    for job in ["%00", "a%00b"] {
        let res = api
            .get(&format!("/api/v1/admin/applications?job_id={job}"))
            .await;
        assert_eq!(error_of(res).await, (404, "not_found".into()), "{job}");
    }
    for cursor in ["after", "before"] {
        let page: Value = api
            .get_json(&format!(
                "/api/v1/admin/applications?job_id={job_id}&{cursor}=%00"
            ))
            .await;
        assert_eq!(page["total"], 1, "{cursor}: {page}");
        assert_eq!(page["applications"][0]["name"], "Ana Lima", "{cursor}");
    }
}
