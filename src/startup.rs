//! Building the application: database, migrations, secrets, mail worker and
//! HTTP server, bound to the configured address (port 0 in tests).

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress, DefaultHeaders};
use actix_web::{web, App, HttpServer};
use anyhow::Context;

use crate::config::Settings;
use crate::db::{self, DatabaseUrl, Db};
use crate::files::FileStore;
use crate::mail::transport::Transport;
use crate::mail::worker::MailWorker;
use crate::security::token;
use crate::web::{csrf, error::WebError, AppState, MAX_BODY_BYTES};
use crate::webhooks::WebhookWorker;

/// How long the setup link printed at start works.
const SETUP_LINK_LIFETIME: chrono::Duration = chrono::Duration::hours(24);

pub struct Application {
    port: u16,
    server: Server,
    /// The one-time link to create the owner account, when there is none yet.
    pub setup_link: Option<String>,
    pub db: Db,
    mail: Arc<MailWorker>,
    webhooks: Arc<WebhookWorker>,
    /// The background tasks, ended by [`Stopper::stop`].
    tasks: Vec<tokio::task::AbortHandle>,
}

/// Stops a running application: the HTTP server and its background tasks
/// (for tests that restart on the same database, and a graceful exit).
pub struct Stopper {
    server: actix_web::dev::ServerHandle,
    tasks: Vec<tokio::task::AbortHandle>,
}

impl Stopper {
    pub async fn stop(self) {
        for task in &self.tasks {
            task.abort();
        }
        self.server.stop(true).await;
    }
}

/// Opens the database named in the settings and applies pending migrations.
pub fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let url = DatabaseUrl::parse(&settings.database_url).context("reading DATABASE_URL")?;
    let db = Db::connect(&url, settings.db_pool_size)
        .with_context(|| format!("opening the database {}", url.redacted()))?;
    let applied = db.migrate().context("migrating the database")?;
    if applied > 0 {
        tracing::info!(applied, database = %url.redacted(), "database migrated");
    }
    Ok(db)
}

/// A fresh setup link, replacing any earlier unused one, if no account exists.
pub fn issue_setup_link(db: &Db, base_url: &str) -> anyhow::Result<Option<String>> {
    db.write_blocking(|conn| {
        if db::users::count(conn)? > 0 {
            return Ok(None);
        }
        let raw = token::random_token();
        let now = db::now();
        db::setup_tokens::replace(
            conn,
            &token::hash_token(&raw),
            now,
            now + SETUP_LINK_LIFETIME,
        )?;
        Ok(Some(format!("{base_url}/setup/{raw}")))
    })
    .context("creating the setup link")
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = open_database(&settings)?;
        let secret = db
            .write_blocking(|conn| {
                db::settings::get_or_init(conn, db::settings::APP_SECRET, token::random_token)
            })
            .context("reading the application secret")?;

        let listener = TcpListener::bind(&settings.listen)
            .with_context(|| format!("listening on {}", settings.listen))?;
        let port = listener.local_addr()?.port();
        let mut settings = settings;
        if settings.base_url.is_none() {
            // With port 0 the real port is known only now.
            let host = settings
                .listen
                .rsplit_once(':')
                .map(|(h, _)| h)
                .unwrap_or("127.0.0.1");
            settings.base_url = Some(format!("http://{host}:{port}"));
        }
        let base_url = settings.base_url();
        let setup_link = issue_setup_link(&db, &base_url)?;
        if let Some(link) = &setup_link {
            tracing::warn!("No account exists yet. Open {link} to create the owner account (the link works once, for 24 hours).");
        }

        let transport = Transport::from_settings(&settings).context("setting up email delivery")?;
        let mail_from = settings.mail_from();
        let worker = MailWorker {
            db: db.clone(),
            transport: Arc::new(transport),
            from: mail_from,
            poll: settings.mail_poll(),
            retry_base: settings.mail_retry_base(),
            id: db::new_id(),
            lease: settings.mail_lease(),
        };
        let worker = Arc::new(worker);
        let mut tasks = vec![tokio::spawn(worker.clone().run()).abort_handle()];
        let webhooks = Arc::new(WebhookWorker {
            db: db.clone(),
            client: crate::webhooks::client().context("setting up webhook delivery")?,
            poll: settings.webhook_poll(),
            retry_base: settings.webhook_retry_base(),
            id: db::new_id(),
        });
        tasks.push(tokio::spawn(webhooks.clone().run()).abort_handle());

        let mail_domain = settings.mail_domain();
        let workers = settings.workers;
        let header_timeout = settings.header_timeout();
        let questionnaires = crate::questionnaires::Library::load(&settings.questionnaire_dir);
        tracing::info!(count = questionnaires.all().len(), "questionnaires loaded");
        let files = FileStore::from_settings(&settings).context("opening the CV store")?;
        tracing::info!(place = files.place(), "CVs are kept in");
        let retention = tokio::spawn(
            crate::retention::Retention {
                db: db.clone(),
                files: files.clone(),
                mail_domain: mail_domain.clone(),
                // Data is kept for months: an hourly look is on time.
                every: std::time::Duration::from_secs(3600),
            }
            .run(),
        );
        tasks.push(retention.abort_handle());
        let state = web::Data::new(AppState {
            db: db.clone(),
            settings,
            secret: secret.into_bytes(),
            mail_domain,
            questionnaires,
            files,
            company: Default::default(),
            public: Default::default(),
        });
        if let Err(e) = crate::web::public::load_company(&state).await {
            tracing::warn!(error = %e, "could not read the company's name yet");
        }
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(crate::web::timeouts::body_deadline))
                .wrap(from_fn(crate::web::headers::head_as_get))
                .wrap(from_fn(crate::web::error::pages_with_company))
                .wrap(from_fn(csrf::ensure_cookie))
                .wrap(
                    DefaultHeaders::new()
                        .add(("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
                        .add(("X-Content-Type-Options", "nosniff"))
                        .add(("Referrer-Policy", "same-origin"))
                        .add(("X-Frame-Options", "DENY")),
                )
                .wrap(from_fn(crate::web::headers::page_headers))
                .wrap(Compress::default())
                .wrap(from_fn(crate::web::public::redirect_former_addresses))
                .wrap(from_fn(crate::web::forms::refuse_control_characters_in_path))
                .wrap(from_fn(crate::web::access_log::log_request))
                .app_data(state.clone())
                .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
                .configure(crate::web::routes)
                .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(WebError::NotFound) }))
        })
        .client_request_timeout(header_timeout)
        .listen(listener)?;
        if let Some(n) = workers {
            server = server.workers(n.max(1));
        }
        Ok(Self {
            port,
            server: server.run(),
            setup_link,
            db,
            mail: worker,
            webhooks,
            tasks,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The mail worker, so tests and tools can deliver due emails now.
    pub fn mail_worker(&self) -> Arc<MailWorker> {
        self.mail.clone()
    }

    /// The webhook worker, so tests and tools can post due deliveries now.
    pub fn webhook_worker(&self) -> Arc<WebhookWorker> {
        self.webhooks.clone()
    }

    /// What stops this application once it runs.
    pub fn stopper(&self) -> Stopper {
        Stopper {
            server: self.server.handle(),
            tasks: self.tasks.clone(),
        }
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
