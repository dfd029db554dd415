//! Settings, from the command line or the environment, every one with a
//! default so that `cargo run` needs no configuration at all.

use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    /// Address and port to listen on.
    #[arg(
        long,
        env = "RAPPORT_LISTEN",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub listen: String,

    /// postgres://user:pass@host/db, sqlite://path or a file path.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://rapport.db",
        global = true
    )]
    pub database_url: String,

    /// The public address people use to reach Rapport, for links in emails
    /// and feeds (default: http:// plus the listen address). Cookies are
    /// marked Secure when it starts with https://.
    #[arg(long, env = "RAPPORT_BASE_URL", global = true)]
    pub base_url: Option<String>,

    /// smtp://user:pass@host:port (STARTTLS; add ?tls=none for a local
    /// relay without TLS) or smtps://… (implicit TLS). Unset: emails are
    /// written as .eml files to the mail directory.
    #[arg(long, env = "RAPPORT_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<SecretString>,

    /// Sender of every email (default: `Rapport <rapport@HOST>`, HOST being
    /// the base URL's host name).
    #[arg(long, env = "RAPPORT_MAIL_FROM", global = true)]
    pub mail_from: Option<String>,

    /// Where emails are written when no SMTP server is configured.
    #[arg(
        long,
        env = "RAPPORT_MAIL_DIR",
        default_value = "mail-outbox",
        global = true
    )]
    pub mail_dir: PathBuf,

    /// Folder of questionnaire files (*.toml); when it does not exist the
    /// questionnaires shipped in the binary are used.
    #[arg(
        long,
        env = "RAPPORT_QUESTIONNAIRE_DIR",
        default_value = "questionnaires",
        global = true
    )]
    pub questionnaire_dir: PathBuf,

    /// Folder where uploaded CVs are kept (outside anything served), unless
    /// RAPPORT_CV_STORE names S3-compatible storage.
    #[arg(
        long,
        env = "RAPPORT_UPLOAD_DIR",
        default_value = "data/uploads",
        global = true
    )]
    pub upload_dir: PathBuf,

    /// Where uploaded CVs are kept: unset for the upload folder, or
    /// s3://bucket/prefix for S3-compatible storage that several instances
    /// share. Endpoint, region and keys below, or the standard AWS_*
    /// variables.
    #[arg(long, env = "RAPPORT_CV_STORE", global = true)]
    pub cv_store: Option<String>,

    /// S3 endpoint for storage other than AWS (MinIO, Garage, …), e.g.
    /// http://10.0.0.5:9000; an http:// endpoint allows plain HTTP.
    #[arg(long, env = "RAPPORT_S3_ENDPOINT", global = true)]
    pub s3_endpoint: Option<String>,

    /// S3 region (default: AWS_REGION, or us-east-1).
    #[arg(long, env = "RAPPORT_S3_REGION", global = true)]
    pub s3_region: Option<String>,

    /// S3 access key id (default: AWS_ACCESS_KEY_ID).
    #[arg(long, env = "RAPPORT_S3_ACCESS_KEY_ID", global = true)]
    pub s3_access_key_id: Option<String>,

    /// S3 secret access key (default: AWS_SECRET_ACCESS_KEY).
    #[arg(
        long,
        env = "RAPPORT_S3_SECRET_ACCESS_KEY",
        global = true,
        hide_env_values = true
    )]
    pub s3_secret_access_key: Option<SecretString>,

    /// How often the mail worker looks for emails to send, in milliseconds.
    #[arg(
        long,
        env = "RAPPORT_MAIL_POLL_MS",
        default_value_t = 1000,
        global = true
    )]
    pub mail_poll_ms: u64,

    /// First retry delay after a failed delivery, in milliseconds; it doubles
    /// with each failure, up to an hour.
    #[arg(
        long,
        env = "RAPPORT_MAIL_RETRY_BASE_MS",
        default_value_t = 30_000,
        global = true
    )]
    pub mail_retry_base_ms: u64,

    /// How long the mail worker reserves an email it is about to send, in
    /// milliseconds; renewed before each send. If a process dies, the
    /// emails it had claimed go out from another process after at most this.
    /// Keep it above the SMTP timeout (20 s) so a slow delivery is not sent
    /// twice.
    #[arg(
        long,
        env = "RAPPORT_MAIL_LEASE_MS",
        default_value_t = 30_000,
        global = true
    )]
    pub mail_lease_ms: u64,

    /// How often the webhook worker looks for deliveries to post, in
    /// milliseconds.
    #[arg(
        long,
        env = "RAPPORT_WEBHOOK_POLL_MS",
        default_value_t = 1000,
        global = true
    )]
    pub webhook_poll_ms: u64,

    /// First retry delay after a failed webhook delivery, in milliseconds;
    /// it doubles with each failure, up to an hour (10 attempts in all).
    #[arg(
        long,
        env = "RAPPORT_WEBHOOK_RETRY_BASE_MS",
        default_value_t = 30_000,
        global = true
    )]
    pub webhook_retry_base_ms: u64,

    /// Database connections in the pool (and blocking database calls at once).
    #[arg(long, env = "RAPPORT_DB_POOL_SIZE", default_value_t = 8, global = true)]
    pub db_pool_size: u32,

    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "RAPPORT_WORKERS", global = true)]
    pub workers: Option<usize>,

    /// Seconds a client may take to send a request's headers.
    #[arg(
        long,
        env = "RAPPORT_HEADER_TIMEOUT_SECS",
        default_value_t = 5,
        global = true
    )]
    pub header_timeout_secs: u64,

    /// Seconds a client may pause while sending a request body (a form, an
    /// upload); the whole body must arrive within ten such pauses.
    #[arg(
        long,
        env = "RAPPORT_BODY_TIMEOUT_SECS",
        default_value_t = 30,
        global = true
    )]
    pub body_timeout_secs: u64,

    /// Take the client address from X-Forwarded-For (only behind a proxy you run).
    #[arg(
        long,
        env = "RAPPORT_TRUST_PROXY",
        default_value_t = false,
        global = true
    )]
    pub trust_proxy: bool,

    /// Requests one API token may make per minute (then 429 with Retry-After).
    #[arg(
        long,
        env = "RAPPORT_API_REQUESTS_PER_MINUTE",
        default_value_t = 120,
        global = true
    )]
    pub api_requests_per_minute: i64,

    /// Log filter, e.g. info or rapport=debug.
    #[arg(long, env = "RAPPORT_LOG", default_value = "info", global = true)]
    pub log: String,
}

impl Settings {
    /// Defaults, as if nothing were set (for tests and tools).
    pub fn defaults() -> Self {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Only {
            #[command(flatten)]
            s: Settings,
        }
        Only::parse_from(["rapport"]).s
    }

    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.listen))
            .trim_end_matches('/')
            .to_string()
    }

    /// The host name emails come from and Message-IDs end with: the base
    /// URL's, or `localhost` when that is an IP address (an address like
    /// `rapport@127.0.0.1` is not one mail servers accept).
    pub fn mail_domain(&self) -> String {
        match url::Url::parse(&self.base_url())
            .ok()
            .and_then(|u| u.host().map(|h| h.to_owned()))
        {
            Some(url::Host::Domain(d)) if !d.is_empty() => d,
            _ => "localhost".into(),
        }
    }

    /// The sender of every email.
    pub fn mail_from(&self) -> String {
        match self.mail_from.as_deref().map(str::trim) {
            Some(from) if !from.is_empty() => from.to_string(),
            _ => format!("Rapport <rapport@{}>", self.mail_domain()),
        }
    }

    pub fn secure_cookies(&self) -> bool {
        self.base_url().starts_with("https://")
    }

    pub fn header_timeout(&self) -> Duration {
        Duration::from_secs(self.header_timeout_secs.max(1))
    }

    pub fn body_timeout(&self) -> Duration {
        Duration::from_secs(self.body_timeout_secs.max(1))
    }

    pub fn mail_poll(&self) -> Duration {
        Duration::from_millis(self.mail_poll_ms.max(10))
    }

    pub fn mail_lease(&self) -> Duration {
        Duration::from_millis(self.mail_lease_ms.max(100))
    }

    pub fn mail_retry_base(&self) -> Duration {
        Duration::from_millis(self.mail_retry_base_ms.max(1))
    }

    pub fn webhook_poll(&self) -> Duration {
        Duration::from_millis(self.webhook_poll_ms.max(10))
    }

    pub fn webhook_retry_base(&self) -> Duration {
        Duration::from_millis(self.webhook_retry_base_ms.max(1))
    }

    /// The SMTP URL as lettre understands it, with STARTTLS required unless
    /// the URL says otherwise.
    pub fn smtp_url_for_lettre(&self) -> Option<String> {
        let raw = self.smtp_url.as_ref()?.expose_secret().to_string();
        let Ok(mut url) = url::Url::parse(&raw) else {
            return Some(raw);
        };
        if url.scheme() == "smtp" {
            let tls = url
                .query_pairs()
                .find(|(k, _)| k == "tls")
                .map(|(_, v)| v.to_string());
            let others: Vec<(String, String)> = url
                .query_pairs()
                .filter(|(k, _)| k != "tls")
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            url.set_query(None);
            let mut pairs = others;
            match tls.as_deref() {
                Some("none") => {}
                Some(other) => pairs.push(("tls".into(), other.into())),
                None => pairs.push(("tls".into(), "required".into())),
            }
            if !pairs.is_empty() {
                url.query_pairs_mut().extend_pairs(pairs);
            }
        }
        Some(url.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_defaults_to_starttls_and_can_be_plain() {
        let mut s = Settings::defaults();
        s.smtp_url = Some("smtp://u:p@mail.example.com:587".to_string().into());
        assert_eq!(
            s.smtp_url_for_lettre().unwrap(),
            "smtp://u:p@mail.example.com:587?tls=required"
        );
        s.smtp_url = Some("smtp://127.0.0.1:2525?tls=none".to_string().into());
        assert_eq!(s.smtp_url_for_lettre().unwrap(), "smtp://127.0.0.1:2525");
        s.smtp_url = Some("smtps://u:p@mail.example.com".to_string().into());
        assert_eq!(
            s.smtp_url_for_lettre().unwrap(),
            "smtps://u:p@mail.example.com"
        );
    }

    #[test]
    fn mail_comes_from_the_base_urls_host() {
        let mut s = Settings::defaults();
        assert_eq!(s.mail_from(), "Rapport <rapport@localhost>");
        s.base_url = Some("https://jobs.glimmer.example/".into());
        assert_eq!(s.mail_from(), "Rapport <rapport@jobs.glimmer.example>");
        assert_eq!(s.mail_domain(), "jobs.glimmer.example");
        s.mail_from = Some("Glimmer jobs <jobs@glimmer.example>".into());
        assert_eq!(s.mail_from(), "Glimmer jobs <jobs@glimmer.example>");
        s.base_url = Some("http://[::1]:8080".into());
        s.mail_from = None;
        assert_eq!(s.mail_from(), "Rapport <rapport@localhost>");
    }

    #[test]
    fn defaults_need_nothing() {
        let s = Settings::defaults();
        assert_eq!(s.listen, "127.0.0.1:8080");
        assert_eq!(s.database_url, "sqlite://rapport.db");
        assert_eq!(s.base_url(), "http://127.0.0.1:8080");
        assert!(!s.secure_cookies());
    }
}
