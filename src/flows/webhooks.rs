//! An owner's webhook endpoints: register one (its secret shown once),
//! change or pause it, rotate its secret, delete it, send it a test event.
//! The page and the API call these alike.

use serde_json::json;

use crate::db::{self, webhooks::EndpointRow, DbConnection, DbError};
use crate::domain::webhook::{EndpointSettings, Event};
use crate::security::token;

/// Every secret starts with this, so people and secret scanners can tell
/// it apart from an API token.
pub const SECRET_PREFIX: &str = "whsec_";

fn new_secret() -> String {
    format!("{SECRET_PREFIX}{}", token::random_token())
}

/// Registers an endpoint; returns it with its secret (which the page shows
/// once: later pages only offer to rotate it).
pub fn create(
    conn: &mut DbConnection,
    owner_id: &str,
    settings: &EndpointSettings,
) -> Result<EndpointRow, DbError> {
    let now = db::now();
    let row = db::webhooks::insert_endpoint(conn, settings, &new_secret(), Some(owner_id), now)?;
    db::audit::record(
        conn,
        Some(owner_id),
        "webhook.created",
        ("webhook", &row.id),
        &row.url,
        now,
    )?;
    Ok(row)
}

/// False when there is no such endpoint.
pub fn update(
    conn: &mut DbConnection,
    owner_id: &str,
    id: &str,
    settings: &EndpointSettings,
) -> Result<bool, DbError> {
    let now = db::now();
    let done = db::webhooks::update_endpoint(conn, id, settings, now)?;
    if done {
        let state = if settings.active { "active" } else { "paused" };
        db::audit::record(
            conn,
            Some(owner_id),
            "webhook.changed",
            ("webhook", id),
            &format!("{} ({state})", settings.url),
            now,
        )?;
    }
    Ok(done)
}

/// A new secret for the endpoint, returned to be shown once. Deliveries
/// still waiting are signed with it when they go.
pub fn rotate_secret(
    conn: &mut DbConnection,
    owner_id: &str,
    id: &str,
) -> Result<Option<String>, DbError> {
    let now = db::now();
    let secret = new_secret();
    if !db::webhooks::set_secret(conn, id, &secret, now)? {
        return Ok(None);
    }
    db::audit::record(
        conn,
        Some(owner_id),
        "webhook.secret_rotated",
        ("webhook", id),
        "",
        now,
    )?;
    Ok(Some(secret))
}

pub fn delete(conn: &mut DbConnection, owner_id: &str, id: &str) -> Result<bool, DbError> {
    let now = db::now();
    let done = db::webhooks::delete_endpoint(conn, id)?;
    if done {
        db::audit::record(
            conn,
            Some(owner_id),
            "webhook.deleted",
            ("webhook", id),
            "",
            now,
        )?;
    }
    Ok(done)
}

/// Queues a `ping` to this endpoint only, whatever it subscribes to;
/// returns the delivery's id, or `None` when there is no such endpoint.
pub fn send_test(
    conn: &mut DbConnection,
    owner_id: &str,
    id: &str,
) -> Result<Option<String>, DbError> {
    if db::webhooks::find_endpoint(conn, id)?.is_none() {
        return Ok(None);
    }
    let now = db::now();
    let _ = owner_id;
    let data = json!({ "endpoint_id": id });
    db::webhooks::queue(conn, id, Event::Ping, &data, now).map(Some)
}
