use std::path::PathBuf;
use std::sync::Arc;

use diesel::{Connection, RunQueryDsl};
use rapport::config::Settings;
use rapport::db::Db;
use rapport::mail::worker::MailWorker;
use rapport::startup::{Application, Stopper};
use rapport::webhooks::WebhookWorker;
use reqwest::redirect::Policy;
use reqwest::Response;

pub const OWNER_EMAIL: &str = "founder@example.com";
pub const PASSWORD: &str = "correct horse battery";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    #[allow(dead_code)]
    Postgres,
}

/// Generates, for each listed `async fn name(backend: Backend)`, a module
/// `name` with a test per backend.
#[macro_export]
macro_rules! on_every_backend {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::helpers::Backend::Sqlite).await
                }
                #[cfg(rapport_pg_tests)]
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::helpers::Backend::Postgres).await
                }
            }
        )+
    };
}

/// One browser: its own cookie jar, speaking HTTP to the app.
pub struct Browser {
    pub address: String,
    pub client: reqwest::Client,
}

pub struct TestApp {
    pub address: String,
    pub browser: Browser,
    pub mail_dir: PathBuf,
    pub db: Db,
    pub setup_link: Option<String>,
    pub mail: Arc<MailWorker>,
    /// The webhook worker: tests post due deliveries themselves.
    pub webhooks: Arc<WebhookWorker>,
    /// The settings the app was built with, to start another on its database.
    pub settings: Settings,
    stopper: std::sync::Mutex<Option<Stopper>>,
    /// The `.eml` files in the order `emails` first saw them.
    seen_emails: std::sync::Mutex<Vec<PathBuf>>,
    _dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.pg.take() {
            if let Ok(mut conn) = diesel::PgConnection::establish(&admin_url) {
                let _ =
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                        .execute(&mut conn);
            }
        }
    }
}

/// A new database for one test: a SQLite file in a temporary directory, or
/// a PostgreSQL database created for it.
fn database_for(backend: Backend, dir: &tempfile::TempDir) -> (String, Option<(String, String)>) {
    match backend {
        Backend::Sqlite => (
            format!("sqlite://{}", dir.path().join("rapport.db").display()),
            None,
        ),
        Backend::Postgres => {
            let admin_url = std::env::var("TEST_POSTGRES_URL")
                .expect("TEST_POSTGRES_URL was set at build time and must be set to run");
            let name = format!("rapport_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = diesel::PgConnection::establish(&admin_url)
                .expect("connecting to TEST_POSTGRES_URL");
            diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .expect("creating a test database");
            let mut url = url::Url::parse(&admin_url).expect("TEST_POSTGRES_URL is a URL");
            url.set_path(&format!("/{name}"));
            (url.to_string(), Some((admin_url, name)))
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(backend: Backend, configure: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (database_url, pg) = database_for(backend, &dir);
    let mut settings = Settings::defaults();
    settings.listen = "127.0.0.1:0".into();
    settings.database_url = database_url;
    settings.base_url = None;
    settings.smtp_url = None;
    settings.mail_dir = dir.path().join("mail-outbox");
    settings.upload_dir = dir.path().join("uploads");
    settings.questionnaire_dir =
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires"));
    // Tests deliver mail themselves (deliver_mail), so the worker's own
    // polling stays out of the way.
    settings.mail_poll_ms = 3_600_000;
    settings.mail_retry_base_ms = 1;
    // Likewise webhooks (deliver_webhooks).
    settings.webhook_poll_ms = 3_600_000;
    settings.webhook_retry_base_ms = 1;
    settings.db_pool_size = 4;
    settings.workers = Some(2);
    // Headers may wait for a worker longer than the 5 seconds a real client
    // gets while the whole suite shares two cores; the tests of that limit
    // set their own.
    settings.header_timeout_secs = 60;
    configure(&mut settings);
    let mail_dir = settings.mail_dir.clone();

    let app = Application::build(settings.clone())
        .await
        .expect("the application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.db.clone();
    let setup_link = app.setup_link.clone();
    let mail = app.mail_worker();
    let webhooks = app.webhook_worker();
    let stopper = std::sync::Mutex::new(Some(app.stopper()));
    tokio::spawn(app.run_until_stopped());

    TestApp {
        browser: Browser::new(&address),
        address,
        mail_dir,
        db,
        setup_link,
        mail,
        webhooks,
        settings,
        stopper,
        seen_emails: Default::default(),
        _dir: dir,
        pg,
    }
}

/// The value of the first `<input name="csrf_token">` in a page.
pub fn csrf_from(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(r#"input[name="csrf_token"]"#).unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .map(str::to_string)
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

impl Browser {
    pub fn new(address: &str) -> Self {
        Browser {
            address: address.to_string(),
            client: reqwest::Client::builder()
                .redirect(Policy::none())
                .cookie_store(true)
                // A fresh connection for every request: on a loaded test
                // machine a kept one can sit past the server's keep-alive
                // (its timers run late too), and a request sent as the
                // server closes it is reset.
                .pool_max_idle_per_host(0)
                .build()
                .expect("an HTTP client"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.address, path)
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_text(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("body")
    }

    /// A CSRF token valid for this client's current cookie.
    pub async fn csrf_token(&self) -> String {
        let html = self.get_text("/login").await;
        csrf_from(&html).expect("the sign-in page carries a CSRF token")
    }

    /// Posts a form with a valid CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf_token().await;
        let mut body: Vec<(&str, &str)> = fields.to_vec();
        body.push(("csrf_token", &token));
        self.post_raw(path, &body).await
    }

    /// Posts a form exactly as given (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = serde_html_form::to_string(fields).expect("encodable form");
        self.client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("POST")
    }

    /// Applies to a job through the multipart form, with an optional CV.
    pub async fn apply(
        &self,
        slug: &str,
        name: &str,
        email: &str,
        cv: Option<(&str, Vec<u8>)>,
    ) -> Response {
        let token = self.csrf_token().await;
        let mut form = reqwest::multipart::Form::new()
            .text("csrf_token", token)
            .text("name", name.to_string())
            .text("email", email.to_string())
            .text("languages", "en")
            .text("fluencies", "fluent")
            .text("location", "Lisbon, Portugal")
            .text("cover_letter", "I love helping people.")
            .text("consent", "yes");
        if let Some((filename, bytes)) = cv {
            form = form.part(
                "cv",
                reqwest::multipart::Part::bytes(bytes)
                    .file_name(filename.to_string())
                    .mime_str("application/pdf")
                    .unwrap(),
            );
        }
        let res = self
            .client
            .post(self.url(&format!("/jobs/{slug}/apply")))
            .multipart(form)
            .send()
            .await
            .expect("POST apply");
        // Post/Redirect/Get: a stored application answers with the thank-you page.
        if res.status().as_u16() == 303 {
            return self.get(&location(&res)).await;
        }
        res
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post_form("/login", &[("email", email), ("password", password)])
            .await
    }
}

impl std::ops::Deref for TestApp {
    type Target = Browser;
    fn deref(&self) -> &Browser {
        &self.browser
    }
}

impl TestApp {
    /// The URL of this test's SQLite database (for the command line).
    pub fn sqlite_url(&self) -> String {
        format!("sqlite://{}", self._dir.path().join("rapport.db").display())
    }

    /// The admin URL and name of this test's PostgreSQL database.
    #[cfg_attr(not(rapport_pg_tests), allow(dead_code))]
    pub fn pg_database(&self) -> Option<(String, String)> {
        self.pg.clone()
    }

    /// Another browser on the same app, with cookies of its own.
    pub fn new_browser(&self) -> Browser {
        Browser::new(&self.address)
    }

    /// Creates the owner through the setup link and signs in as them.
    pub async fn sign_up_owner(&self) {
        let link = self
            .setup_link
            .clone()
            .expect("an empty database prints a setup link");
        let html = self.get_text(&link).await;
        let token = csrf_from(&html).expect("setup form has a CSRF token");
        let res = self
            .post_raw(
                &link,
                &[
                    ("company_name", "Glimmer Ratings"),
                    ("company_url", "https://glimmer.example"),
                    ("name", "Fran Founder"),
                    ("email", OWNER_EMAIL),
                    ("password", PASSWORD),
                    ("csrf_token", &token),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "setup should sign the owner in");
    }

    /// Creates a staff account directly in the database.
    pub async fn create_user(&self, email: &str, role: &str) {
        let email = rapport::domain::user::EmailAddress::parse(email).unwrap();
        let role: rapport::domain::user::Role = role.parse().unwrap();
        let hash = rapport::security::password::hash(PASSWORD).unwrap();
        self.db
            .write(move |conn| {
                let name = rapport::domain::user::PersonName::parse("Test Person").unwrap();
                rapport::db::users::insert(conn, &email, &name, role, &hash, rapport::db::now())
            })
            .await
            .expect("creating a user");
    }

    /// A client with no cookies, for anonymous requests.
    pub fn anonymous(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(Policy::none())
            .pool_max_idle_per_host(0)
            .build()
            .unwrap()
    }

    /// Stops the server and its background tasks; the database stays (and
    /// another app can start on it from `settings`).
    pub async fn stop(&self) {
        let stopper = self.stopper.lock().unwrap().take();
        if let Some(stopper) = stopper {
            stopper.stop().await;
        }
    }

    /// Posts every due webhook delivery now, as the worker would.
    pub async fn deliver_webhooks(&self) -> usize {
        self.webhooks.deliver_due().await.expect("webhook delivery")
    }

    /// Delivers every due email now, as the worker would.
    pub async fn deliver_mail(&self) -> usize {
        let worker = self.mail.clone();
        tokio::task::spawn_blocking(move || worker.deliver_due())
            .await
            .unwrap()
            .expect("delivering mail")
    }

    /// The `.eml` files written so far, oldest first. A file keeps the
    /// place it had when first listed, so `emails()[before..]` holds exactly
    /// what came after `before` was taken: on some file systems modification
    /// times are as coarse as the kernel's tick, and files written in one
    /// tick would otherwise sort by their random names, among older ones.
    pub fn emails(&self) -> Vec<String> {
        let mut seen = self.seen_emails.lock().unwrap();
        if let Ok(entries) = std::fs::read_dir(&self.mail_dir) {
            let mut new: Vec<(std::time::SystemTime, PathBuf)> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "eml") && !seen.contains(p))
                .map(|p| (std::fs::metadata(&p).and_then(|m| m.modified()).unwrap(), p))
                .collect();
            new.sort();
            seen.extend(new.into_iter().map(|(_, p)| p));
        }
        seen.iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    /// Creates a job through the editor and returns its id.
    pub async fn create_job(&self, fields: &[(&str, &str)]) -> String {
        let mut form: Vec<(&str, &str)> = valid_job_form();
        for (k, v) in fields {
            form.retain(|(key, _)| key != k);
            form.push((k, v));
        }
        let res = self.post_form("/admin/jobs", &form).await;
        assert_eq!(
            res.status().as_u16(),
            303,
            "creating a job redirects to its editor"
        );
        let loc = location(&res);
        loc.trim_start_matches("/admin/jobs/")
            .split('/')
            .next()
            .unwrap()
            .to_string()
    }

    /// The last personal link emailed to `to` (delivering due mail first).
    pub async fn candidate_link(&self, to: &str) -> String {
        self.link_in_mail(to, "/c/")
            .await
            .expect("a personal link was emailed")
    }

    /// The newest link to this app under `path` (such as `/c/` or
    /// `/book/`) in the emails delivered to `to`.
    pub async fn link_in_mail(&self, to: &str, path: &str) -> Option<String> {
        self.deliver_mail().await;
        let mut found = None;
        for e in self.emails() {
            let e = unfold_qp(&e);
            if !e.contains(&format!("To: {to}")) {
                continue;
            }
            if let Some(start) = e.find(&format!("{}{path}", self.address)) {
                let link: String = e[start..]
                    .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
                    .next()
                    .unwrap()
                    .to_string();
                found = Some(link);
            }
        }
        found
    }

    /// Sets a job's screening to these questionnaires.
    pub async fn set_screening(&self, job_id: &str, questionnaires: &[&str], all_at_once: bool) {
        let mut form: Vec<(&str, &str)> = questionnaires
            .iter()
            .map(|q| ("questionnaires", *q))
            .collect();
        form.push(("answer_days", "14"));
        if all_at_once {
            form.push(("all_tiers_at_once", "yes"));
        }
        let res = self
            .post_form(&format!("/admin/jobs/{job_id}/screening"), &form)
            .await;
        assert_eq!(res.status().as_u16(), 303, "screening settings saved");
    }

    /// The owner's user id (after [`TestApp::sign_up_owner`]).
    pub async fn owner_id(&self) -> String {
        self.db
            .read(rapport::db::users::list)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.email == OWNER_EMAIL)
            .unwrap()
            .id
    }

    /// Puts the owner alone on a job's interview panel.
    pub async fn owner_on_panel(&self, job_id: &str) {
        let owner = self.owner_id().await;
        let res = self
            .post_form(
                &format!("/admin/jobs/{job_id}/pipeline"),
                &[("panel", &owner)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "panel saved");
    }

    /// Creates and publishes a job; returns (id, slug).
    pub async fn publish_job(&self, fields: &[(&str, &str)]) -> (String, String) {
        let id = self.create_job(fields).await;
        let res = self
            .post_form(&format!("/admin/jobs/{id}/publish"), &[("confirm", "yes")])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let id2 = id.clone();
        let job = self
            .db
            .read(move |conn| rapport::db::jobs::find(conn, &id2))
            .await
            .unwrap()
            .unwrap();
        (id, job.slug)
    }
}

/// Decodes quoted-printable soft line breaks and `=3D`, enough to read links in emails.
pub fn unfold_qp(eml: &str) -> String {
    eml.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// A job form that passes validation and draws no advice.
pub fn valid_job_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title", "Customer Support Specialist"),
        ("workplace", "remote"),
        ("remote_regions", "Europe"),
        ("timezone_note", "Overlap 10:00–16:00 CET"),
        ("employment_type", "full_time"),
        ("salary_min", "40000"),
        ("salary_max", "48000"),
        ("salary_currency", "EUR"),
        ("salary_period", "year"),
        ("languages", "en"),
        ("fluencies", "native"),
        ("languages", "fr"),
        ("fluencies", "professional"),
        ("channels", "email"),
        ("channels", "live_chat"),
        ("tools", "Help Scout, WordPress"),
        ("tier1", "70"),
        ("tier2", "20"),
        ("tier3", "10"),
        ("typical_day", "You answer **emails** and chats."),
        ("technical", "Some troubleshooting."),
        ("looking_for", "- Kind\n- Curious"),
        ("company_culture", "A small team."),
        (
            "how_to_apply",
            "Apply with the form and answer the screening questions.",
        ),
        ("pass_mark", "50"),
        ("decision_rule", "unanimous"),
    ]
}

/// Strong exemplar answers shipped with the questionnaire, by question id.
pub fn exemplars(kind: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/generalist-en.exemplars.jsonl"
    ))
    .unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["candidate"] == kind)
        .map(|v| {
            (
                v["question"].as_str().unwrap().to_string(),
                v["answer"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

pub fn round_of(page: &str) -> String {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse(r#"input[name="round"]"#).unwrap();
    doc.select(&sel)
        .next()
        .expect("an open round")
        .value()
        .attr("value")
        .unwrap()
        .to_string()
}

pub fn question_ids(page: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("textarea").unwrap();
    doc.select(&sel)
        .map(|t| {
            t.value()
                .attr("name")
                .unwrap()
                .trim_start_matches("answer-")
                .to_string()
        })
        .collect()
}
