//! The webhook delivery worker: claims due deliveries (queued in the
//! transaction of their event, see `db::webhooks`), posts each signed to
//! its endpoint, logs every attempt, and backs off exponentially like the
//! mail worker. A 2xx answer is delivered; anything else, a refused
//! connection or a timeout is tried again, up to
//! [`db::webhooks::MAX_ATTEMPTS`] attempts. Delivery is at-least-once: a
//! crash between posting and recording posts again, with the same
//! `Rapport-Webhook-Id`, so receivers de-duplicate on it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use object_store_reqwest as http;

use crate::db::webhooks::{Attempt, DeliveryRow};
use crate::db::{self, Db, DbError};
use crate::mail::worker::backoff;
use crate::security::webhook::{sign, ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER};

/// How long a receiver has to answer. Short: a receiver should queue the
/// event and answer at once, not work while Rapport waits.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How long a claim reserves a delivery: longer than one post may take,
/// so a slow receiver is not posted to twice by two workers.
const LEASE: Duration = Duration::from_secs(30);
const BATCH: i64 = 20;
/// The longest error text kept in the log.
const MAX_ERROR_CHARS: usize = 300;

pub struct WebhookWorker {
    pub db: Db,
    pub client: http::Client,
    pub poll: Duration,
    pub retry_base: Duration,
    /// This worker's name on the rows it claims; new at every start.
    pub id: String,
}

fn later(now: NaiveDateTime, d: Duration) -> NaiveDateTime {
    now + chrono::Duration::from_std(d).unwrap_or(chrono::Duration::hours(1))
}

/// The HTTP client deliveries go out with: rustls with ring (the crypto
/// the rest of the binary already uses), no redirects followed (a
/// receiver answers where it was registered), a short timeout.
pub fn client() -> Result<http::Client, http::Error> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    http::Client::builder()
        .timeout(TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .redirect(http::redirect::Policy::none())
        .user_agent(concat!("Rapport-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
}

impl WebhookWorker {
    /// Runs until the task is dropped.
    pub async fn run(self: Arc<Self>) {
        tracing::info!("webhook worker started");
        loop {
            match self.deliver_due().await {
                Ok(0) => {}
                Ok(n) => tracing::debug!(tried = n, "webhook batch done"),
                Err(e) => tracing::warn!(error = %e, "webhook worker could not read its queue"),
            }
            tokio::time::sleep(self.poll).await;
        }
    }

    /// Posts every due delivery once; returns how many it tried.
    pub async fn deliver_due(&self) -> Result<usize, DbError> {
        let now = db::now();
        let worker = self.id.clone();
        let rows = self
            .db
            .write(move |conn| {
                db::webhooks::claim_due(conn, &worker, now, later(now, LEASE), BATCH)
            })
            .await?;
        let mut tried = 0;
        for row in rows {
            // Renewed just before posting: if the batch's lease ran out and
            // another worker took this delivery, that worker posts it.
            let (id, worker) = (row.id.clone(), self.id.clone());
            let renewed = self
                .db
                .write(move |conn| {
                    if !db::webhooks::renew(conn, &id, &worker, later(db::now(), LEASE))? {
                        return Ok(None);
                    }
                    let delivery = db::webhooks::find_delivery(conn, &id)?;
                    let endpoint = match &delivery {
                        Some(d) => db::webhooks::find_endpoint(conn, &d.endpoint_id)?,
                        None => None,
                    };
                    Ok(endpoint.map(|e| (e.url, e.secret)))
                })
                .await;
            let (url, secret) = match renewed {
                Ok(Some(target)) => target,
                Ok(None) => continue,
                Err(e) => {
                    tracing::warn!(delivery = %row.id, error = %e, "could not renew the claim on a webhook delivery; left for later");
                    continue;
                }
            };
            tried += 1;
            let attempt = self.post(&row, &url, &secret).await;
            if !attempt.delivered {
                tracing::warn!(delivery = %row.id, attempts = row.attempts + 1, status = ?attempt.status, error = ?attempt.error, "webhook not delivered");
            }
            let retry_at = later(attempt.at, backoff(self.retry_base, row.attempts));
            let worker = self.id.clone();
            let delivery = row.clone();
            let recorded = self
                .db
                .write(move |conn| {
                    db::webhooks::record_attempt(conn, &delivery, &worker, &attempt, retry_at)
                })
                .await;
            if let Err(e) = recorded {
                // The lease expires and the delivery is tried again: nothing is lost.
                tracing::error!(delivery = %row.id, error = %e, "could not record a webhook attempt");
            }
        }
        Ok(tried)
    }

    /// One signed POST of a delivery's payload, as stored.
    async fn post(&self, row: &DeliveryRow, url: &str, secret: &str) -> Attempt {
        let timestamp = chrono::Utc::now().timestamp();
        let signature = sign(secret, timestamp, &row.payload);
        let started = Instant::now();
        let sent = self
            .client
            .post(url)
            .header("Content-Type", "application/json")
            .header(ID_HEADER, &row.id)
            .header(TIMESTAMP_HEADER, timestamp.to_string())
            .header(SIGNATURE_HEADER, signature)
            .body(row.payload.clone())
            .send()
            .await;
        let duration_ms = started.elapsed().as_millis().min(i64::MAX as u128) as i64;
        let at = db::now();
        match sent {
            Ok(res) => {
                let status = res.status();
                Attempt {
                    at,
                    status: Some(status.as_u16()),
                    error: (!status.is_success()).then(|| format!("answered {status}")),
                    duration_ms,
                    delivered: status.is_success(),
                }
            }
            Err(e) => Attempt {
                at,
                status: None,
                error: Some(describe(&e)),
                duration_ms,
                delivered: false,
            },
        }
    }
}

/// Why a post got no answer, in a few words for the delivery log.
fn describe(e: &http::Error) -> String {
    let text = if e.is_timeout() {
        format!("no answer within {} seconds", TIMEOUT.as_secs())
    } else if e.is_connect() {
        format!("could not connect: {}", root_cause(e))
    } else {
        root_cause(e)
    };
    text.chars().take(MAX_ERROR_CHARS).collect()
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
