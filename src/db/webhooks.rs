//! Webhooks: the endpoints owners registered, and a transactional outbox of
//! deliveries like the email one ([`super::outbox`]). An event writes one
//! delivery per subscribed, active endpoint in the transaction of the
//! change that causes it, so a rolled-back change sends nothing and a
//! committed one is never lost; the worker in `crate::webhooks` posts them.

use super::direct::direct;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use serde_json::json;

use super::schema::{applications, jobs, webhook_attempts, webhook_deliveries, webhook_endpoints};
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::domain::application::Stage;
use crate::domain::webhook::{
    envelope, events_from_stored, events_to_stored, EndpointSettings, Event,
};

/// Attempts before a delivery is given up: with the default 30-second
/// base, doubling to at most an hour, the last is about four hours after
/// the first.
pub const MAX_ATTEMPTS: i32 = 10;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointRow {
    pub id: String,
    pub url: String,
    pub events: String,
    pub active: i32,
    /// Kept as is, not hashed: every delivery is signed with it, so the
    /// server must be able to read it back (unlike API tokens, which are
    /// only ever compared).
    pub secret: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl EndpointRow {
    pub fn is_active(&self) -> bool {
        self.active != 0
    }

    pub fn events(&self) -> Vec<Event> {
        events_from_stored(&self.events)
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: String,
    pub endpoint_id: String,
    pub event: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub claimed_by: Option<String>,
    pub delivered_at: Option<NaiveDateTime>,
    pub gave_up_at: Option<NaiveDateTime>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_attempts)]
pub struct AttemptRow {
    pub id: String,
    pub delivery_id: String,
    pub at: NaiveDateTime,
    pub status: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i32,
}

pub fn insert_endpoint(
    conn: &mut DbConnection,
    settings: &EndpointSettings,
    secret: &str,
    created_by: Option<&str>,
    now: NaiveDateTime,
) -> Result<EndpointRow, DbError> {
    let id = new_id();
    diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::id.eq(&id),
            webhook_endpoints::url.eq(settings.url.as_str()),
            webhook_endpoints::events.eq(events_to_stored(&settings.events)),
            webhook_endpoints::active.eq(i32::from(settings.active)),
            webhook_endpoints::secret.eq(secret),
            webhook_endpoints::created_by.eq(created_by),
            webhook_endpoints::created_at.eq(now),
            webhook_endpoints::updated_at.eq(now),
        ))
        .execute(conn)
        .context("storing a webhook endpoint")?;
    find_endpoint(conn, &id)?.ok_or_else(|| DbError::Corrupt("webhook endpoint vanished".into()))
}

/// False when there is no such endpoint.
pub fn update_endpoint(
    conn: &mut DbConnection,
    id: &str,
    settings: &EndpointSettings,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(webhook_endpoints::table.find(id))
        .set((
            webhook_endpoints::url.eq(settings.url.as_str()),
            webhook_endpoints::events.eq(events_to_stored(&settings.events)),
            webhook_endpoints::active.eq(i32::from(settings.active)),
            webhook_endpoints::updated_at.eq(now),
        ))
        .execute_cached(conn)
        .context("changing a webhook endpoint")?;
    Ok(n == 1)
}

pub fn set_secret(
    conn: &mut DbConnection,
    id: &str,
    secret: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(webhook_endpoints::table.find(id))
        .set((
            webhook_endpoints::secret.eq(secret),
            webhook_endpoints::updated_at.eq(now),
        ))
        .execute_cached(conn)
        .context("rotating a webhook secret")?;
    Ok(n == 1)
}

/// Deletes an endpoint with its deliveries and their log.
pub fn delete_endpoint(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    // Explicit rather than relying on ON DELETE CASCADE, which SQLite
    // applies only with foreign keys on.
    let deliveries: Vec<String> = webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(id))
        .select(webhook_deliveries::id)
        .load(conn)
        .context("listing a webhook's deliveries")?;
    diesel::delete(
        webhook_attempts::table.filter(webhook_attempts::delivery_id.eq_any(&deliveries)),
    )
    .execute(conn)
    .context("deleting a webhook's delivery log")?;
    diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::endpoint_id.eq(id)))
        .execute(conn)
        .context("deleting a webhook's deliveries")?;
    let n = diesel::delete(webhook_endpoints::table.find(id))
        .execute(conn)
        .context("deleting a webhook endpoint")?;
    Ok(n == 1)
}

pub fn find_endpoint(conn: &mut DbConnection, id: &str) -> Result<Option<EndpointRow>, DbError> {
    webhook_endpoints::table
        .find(id)
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()
        .context("reading a webhook endpoint")
}

pub fn list_endpoints(conn: &mut DbConnection) -> Result<Vec<EndpointRow>, DbError> {
    webhook_endpoints::table
        .order((
            webhook_endpoints::created_at.asc(),
            webhook_endpoints::id.asc(),
        ))
        .select(EndpointRow::as_select())
        .load(conn)
        .context("listing webhook endpoints")
}

/// Queues one delivery of `event` to an endpoint; returns its id, which is
/// also the payload's `id` and the `Rapport-Webhook-Id` of every attempt.
pub fn queue(
    conn: &mut DbConnection,
    endpoint_id: &str,
    event: Event,
    data: &serde_json::Value,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let id = new_id();
    let body = envelope(&id, event, now, data.clone());
    diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::id.eq(&id),
            webhook_deliveries::endpoint_id.eq(endpoint_id),
            webhook_deliveries::event.eq(event.as_str()),
            webhook_deliveries::payload.eq(body.to_string()),
            webhook_deliveries::created_at.eq(now),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(now),
        ))
        .execute(conn)
        .context("queueing a webhook delivery")?;
    Ok(id)
}

/// Queues `event` for every active endpoint subscribed to it, in the
/// caller's transaction. `data` is built only when someone listens, so an
/// installation without webhooks pays one small query per event. Returns
/// how many deliveries were queued.
pub fn emit(
    conn: &mut DbConnection,
    event: Event,
    now: NaiveDateTime,
    data: impl FnOnce(&mut DbConnection) -> Result<serde_json::Value, DbError>,
) -> Result<usize, DbError> {
    let listeners: Vec<EndpointRow> = direct!(conn, |c| webhook_endpoints::table
        .filter(webhook_endpoints::active.eq(1))
        .select(EndpointRow::as_select())
        .load::<EndpointRow>(c))
    .context("finding webhook endpoints for an event")?
    .into_iter()
    .filter(|e| e.events().contains(&event))
    .collect();
    if listeners.is_empty() {
        return Ok(0);
    }
    let data = data(conn)?;
    for endpoint in &listeners {
        queue(conn, &endpoint.id, event, &data, now)?;
    }
    Ok(listeners.len())
}

/// A job as payloads name it: its id and its public address's slug.
fn job_ref(conn: &mut DbConnection, job_id: &str) -> Result<serde_json::Value, DbError> {
    let slug: Option<String> = direct!(conn, |c| jobs::table
        .find(job_id)
        .select(jobs::slug)
        .first(c))
    .optional()
    .context("reading a job's slug for a webhook")?;
    Ok(json!({ "id": job_id, "slug": slug }))
}

fn job_of(conn: &mut DbConnection, application_id: &str) -> Result<String, DbError> {
    direct!(conn, |c| applications::table
        .find(application_id)
        .select(applications::job_id)
        .first(c))
    .optional()
    .context("reading an application's job for a webhook")?
    .ok_or_else(|| DbError::Corrupt("application vanished".into()))
}

/// Who made a stage change, without naming a person: a staff member's id
/// is a code, the candidate is "candidate".
fn actor_kind(actor: &str) -> &'static str {
    match actor {
        "candidate" => "candidate",
        "panel" => "panel",
        "system" => "system",
        _ => "staff",
    }
}

/// `application.created`: `origin` is "candidate" (applied on the job's
/// page) or "import" (brought in from another tool).
pub fn application_created(
    conn: &mut DbConnection,
    application_id: &str,
    job_id: &str,
    origin: &str,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    emit(conn, Event::ApplicationCreated, now, |conn| {
        Ok(json!({
            "application_id": application_id,
            "job": job_ref(conn, job_id)?,
            "stage": Stage::Applied.as_str(),
            "origin": if origin == "import" { "import" } else { "candidate" },
        }))
    })
}

/// `application.stage_changed`, for every move whoever made it.
pub fn stage_changed(
    conn: &mut DbConnection,
    application_id: &str,
    from: Stage,
    to: Stage,
    actor: &str,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    emit(conn, Event::ApplicationStageChanged, now, |conn| {
        let job_id = job_of(conn, application_id)?;
        Ok(json!({
            "application_id": application_id,
            "job": job_ref(conn, &job_id)?,
            "from": from.as_str(),
            "to": to.as_str(),
            "by": actor_kind(actor),
        }))
    })
}

/// `screen.scored`: the screen's overall score (0 to 1) and whether it
/// passes the job's mark.
pub fn screen_scored(
    conn: &mut DbConnection,
    application_id: &str,
    score: f64,
    passed: bool,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    emit(conn, Event::ScreenScored, now, |conn| {
        let job_id = job_of(conn, application_id)?;
        Ok(json!({
            "application_id": application_id,
            "job": job_ref(conn, &job_id)?,
            "score": (score * 1000.0).round() / 1000.0,
            "passed": passed,
        }))
    })
}

/// `decision.made`: the panel's votes decided; `outcome` is "approved"
/// or "rejected", `stage` where that moved the application.
pub fn decision_made(
    conn: &mut DbConnection,
    application_id: &str,
    job_id: &str,
    outcome: &str,
    stage: Stage,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    emit(conn, Event::DecisionMade, now, |conn| {
        Ok(json!({
            "application_id": application_id,
            "job": job_ref(conn, job_id)?,
            "outcome": outcome,
            "stage": stage.as_str(),
        }))
    })
}

/// `candidate.erased`: ids and why only. The application id no longer
/// leads anywhere; it lets a receiver erase its own copy.
pub fn candidate_erased(
    conn: &mut DbConnection,
    application_id: &str,
    job_id: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    emit(conn, Event::CandidateErased, now, |conn| {
        Ok(json!({
            "application_id": application_id,
            "job": job_ref(conn, job_id)?,
            "reason": reason,
        }))
    })
}

/// Claims up to `limit` due deliveries of active endpoints, leasing them
/// to `worker` until `lease_until`; the same protocol as
/// [`super::outbox::claim_due`] (`SKIP LOCKED` on PostgreSQL). A paused
/// endpoint's deliveries wait until it is active again.
pub fn claim_due(
    conn: &mut DbConnection,
    worker: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> Result<Vec<DeliveryRow>, DbError> {
    let active: Vec<String> = webhook_endpoints::table
        .filter(webhook_endpoints::active.eq(1))
        .select(webhook_endpoints::id)
        .load(conn)
        .context("listing active webhook endpoints")?;
    if active.is_empty() {
        return Ok(Vec::new());
    }
    let due = webhook_deliveries::table
        .filter(webhook_deliveries::delivered_at.is_null())
        .filter(webhook_deliveries::gave_up_at.is_null())
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .filter(
            webhook_deliveries::locked_until
                .is_null()
                .or(webhook_deliveries::locked_until.lt(now)),
        )
        .filter(webhook_deliveries::endpoint_id.eq_any(&active))
        .order(webhook_deliveries::next_attempt_at.asc())
        .limit(limit);
    let rows: Vec<DeliveryRow> = match conn {
        DbConnection::Postgresql(pg) => due
            .select(DeliveryRow::as_select())
            .for_update()
            .skip_locked()
            .load(pg)
            .context("claiming webhook deliveries")?,
        DbConnection::Sqlite(sqlite) => due
            .select(DeliveryRow::as_select())
            .load(sqlite)
            .context("claiming webhook deliveries")?,
    };
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    if !ids.is_empty() {
        diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&ids)))
            .set((
                webhook_deliveries::locked_until.eq(Some(lease_until)),
                webhook_deliveries::claimed_by.eq(Some(worker)),
            ))
            .execute(conn)
            .context("leasing webhook deliveries")?;
    }
    Ok(rows)
}

/// Extends `worker`'s lease just before posting; false when the delivery
/// is no longer this worker's (see [`super::outbox::renew`]).
pub fn renew(
    conn: &mut DbConnection,
    id: &str,
    worker: &str,
    lease_until: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        webhook_deliveries::table
            .find(id)
            .filter(webhook_deliveries::claimed_by.eq(worker))
            .filter(webhook_deliveries::delivered_at.is_null()),
    )
    .set(webhook_deliveries::locked_until.eq(Some(lease_until)))
    .execute_cached(conn)
    .context("renewing the lease on a webhook delivery")?;
    Ok(n == 1)
}

/// What one attempt to post a delivery came to.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub at: NaiveDateTime,
    pub status: Option<u16>,
    pub error: Option<String>,
    pub duration_ms: i64,
    pub delivered: bool,
}

/// Logs an attempt and records its outcome on the delivery: delivered, or
/// to be tried again at `retry_at`, or given up when that was the last
/// attempt allowed. The log keeps every attempt; the delivery changes only
/// while `worker` holds it (another worker's outcome counts otherwise).
pub fn record_attempt(
    conn: &mut DbConnection,
    delivery: &DeliveryRow,
    worker: &str,
    attempt: &Attempt,
    retry_at: NaiveDateTime,
) -> Result<(), DbError> {
    let status = attempt.status.map(i32::from);
    diesel::insert_into(webhook_attempts::table)
        .values((
            webhook_attempts::id.eq(new_id()),
            webhook_attempts::delivery_id.eq(&delivery.id),
            webhook_attempts::at.eq(attempt.at),
            webhook_attempts::status.eq(status),
            webhook_attempts::error.eq(attempt.error.as_deref()),
            webhook_attempts::duration_ms
                .eq(attempt.duration_ms.clamp(0, i64::from(i32::MAX)) as i32),
        ))
        .execute(conn)
        .context("logging a webhook attempt")?;
    let held = webhook_deliveries::table
        .find(&delivery.id)
        .filter(webhook_deliveries::claimed_by.eq(worker))
        .filter(webhook_deliveries::delivered_at.is_null());
    let attempts = delivery.attempts + 1;
    let common = (
        webhook_deliveries::locked_until.eq(None::<NaiveDateTime>),
        webhook_deliveries::claimed_by.eq(None::<String>),
        webhook_deliveries::attempts.eq(attempts),
        webhook_deliveries::last_status.eq(status),
        webhook_deliveries::last_error.eq(attempt.error.as_deref()),
    );
    let update = diesel::update(held);
    let outcome = if attempt.delivered {
        update
            .set((
                common,
                webhook_deliveries::delivered_at.eq(Some(attempt.at)),
            ))
            .execute_cached(conn)
    } else if attempts >= MAX_ATTEMPTS {
        update
            .set((common, webhook_deliveries::gave_up_at.eq(Some(attempt.at))))
            .execute_cached(conn)
    } else {
        update
            .set((common, webhook_deliveries::next_attempt_at.eq(retry_at)))
            .execute_cached(conn)
    };
    outcome.context("recording a webhook delivery's outcome")?;
    Ok(())
}

pub fn find_delivery(conn: &mut DbConnection, id: &str) -> Result<Option<DeliveryRow>, DbError> {
    webhook_deliveries::table
        .find(id)
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
        .context("reading a webhook delivery")
}

/// An endpoint's deliveries, newest first, a page at a time.
pub fn deliveries_for(
    conn: &mut DbConnection,
    endpoint_id: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<DeliveryRow>, DbError> {
    webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.desc(),
        ))
        .limit(limit)
        .offset(offset)
        .select(DeliveryRow::as_select())
        .load(conn)
        .context("listing webhook deliveries")
}

/// Every attempt at these deliveries, newest first.
pub fn attempts_for(
    conn: &mut DbConnection,
    delivery_ids: &[String],
) -> Result<Vec<AttemptRow>, DbError> {
    webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(delivery_ids))
        .order((webhook_attempts::at.desc(), webhook_attempts::id.desc()))
        .select(AttemptRow::as_select())
        .load(conn)
        .context("listing webhook attempts")
}
