//! Webhook endpoints through the API, for owners: the same flows as the
//! Webhooks page (`flows::webhooks`), the same validation
//! (`EndpointSettings::parse`). The secret appears only in the answer that
//! creates or rotates it.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::jobs::iso;
use super::{json, ApiError, Caller};
use crate::db::{self, webhooks::EndpointRow};
use crate::domain::webhook::EndpointSettings;
use crate::web::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/webhooks", web::get().to(list))
        .route("/admin/webhooks", web::post().to(create))
        .route("/admin/webhooks/{id}", web::get().to(read))
        .route("/admin/webhooks/{id}", web::put().to(update))
        .route("/admin/webhooks/{id}", web::delete().to(delete))
        .route("/admin/webhooks/{id}/rotate-secret", web::post().to(rotate))
        .route("/admin/webhooks/{id}/test", web::post().to(send_test))
        .route("/admin/webhooks/{id}/deliveries", web::get().to(deliveries));
}

/// A registered endpoint (its secret is never shown again).
#[derive(Serialize, ToSchema)]
pub struct ApiWebhook {
    pub id: String,
    pub url: String,
    /// Event codes: application.created, application.stage_changed,
    /// screen.scored, decision.made, candidate.erased.
    pub events: Vec<String>,
    /// False: paused (nothing is queued for it).
    pub active: bool,
    /// UTC, ISO 8601.
    pub created_at: String,
    /// UTC, ISO 8601.
    pub updated_at: String,
}

impl ApiWebhook {
    fn new(row: &EndpointRow) -> Self {
        Self {
            id: row.id.clone(),
            url: row.url.clone(),
            events: row
                .events()
                .iter()
                .map(|e| e.as_str().to_string())
                .collect(),
            active: row.is_active(),
            created_at: iso(row.created_at),
            updated_at: iso(row.updated_at),
        }
    }
}

/// An endpoint with its signing secret: only in the answer that creates
/// the endpoint or rotates its secret.
#[derive(Serialize, ToSchema)]
pub struct ApiWebhookWithSecret {
    #[serde(flatten)]
    pub webhook: ApiWebhook,
    /// whsec_…: verify each delivery's Rapport-Webhook-Signature with it.
    pub secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApiWebhookList {
    pub webhooks: Vec<ApiWebhook>,
}

/// An endpoint's settings, as the page's form takes them.
#[derive(Deserialize, ToSchema)]
pub struct WebhookBody {
    /// https:// or http://, without user name or password.
    pub url: String,
    /// At least one event code.
    pub events: Vec<String>,
    /// Default true.
    #[serde(default)]
    pub active: Option<bool>,
}

impl WebhookBody {
    fn parse(&self) -> Result<EndpointSettings, ApiError> {
        let url = crate::web::forms::clean_text(&self.url);
        EndpointSettings::parse(&url, &self.events, self.active.unwrap_or(true))
            .map_err(ApiError::Invalid)
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn find(state: &AppState, id: String) -> Result<EndpointRow, ApiError> {
    state
        .db
        .read(move |conn| db::webhooks::find_endpoint(conn, &id))
        .await?
        .ok_or_else(not_found)
}

/// Every webhook endpoint (owners).
#[utoipa::path(get, path = "/api/v1/admin/webhooks", tag = "webhooks",
    responses((status = 200, description = "Every endpoint", body = ApiWebhookList)))]
pub async fn list(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.owner()?;
    let rows = state.db.read(db::webhooks::list_endpoints).await?;
    Ok(json(
        StatusCode::OK,
        &ApiWebhookList {
            webhooks: rows.iter().map(ApiWebhook::new).collect(),
        },
    ))
}

/// Registers an endpoint (owners, read-write); the answer carries its
/// secret, this once.
#[utoipa::path(post, path = "/api/v1/admin/webhooks", tag = "webhooks",
    request_body = WebhookBody,
    responses((status = 201, description = "The new endpoint with its secret; Location names it", body = ApiWebhookWithSecret,
        headers(("Location" = String, description = "/api/v1/admin/webhooks/{id}")))))]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    web::Json(body): web::Json<WebhookBody>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let settings = body.parse()?;
    let owner_id = caller.user.id.clone();
    let row = state
        .db
        .write(move |conn| crate::flows::webhooks::create(conn, &owner_id, &settings))
        .await?;
    let mut res = json(
        StatusCode::CREATED,
        &ApiWebhookWithSecret {
            webhook: ApiWebhook::new(&row),
            secret: row.secret.clone(),
        },
    );
    res.headers_mut().insert(
        header::LOCATION,
        header::HeaderValue::from_str(&format!("/api/v1/admin/webhooks/{}", row.id))
            .expect("ids are ASCII"),
    );
    Ok(res)
}

#[utoipa::path(get, path = "/api/v1/admin/webhooks/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses((status = 200, description = "The endpoint", body = ApiWebhook)))]
pub async fn read(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.owner()?;
    let row = find(&state, id.into_inner()).await?;
    Ok(json(StatusCode::OK, &ApiWebhook::new(&row)))
}

/// Replaces an endpoint's settings (owners, read-write); `active: false`
/// pauses it.
#[utoipa::path(put, path = "/api/v1/admin/webhooks/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    request_body = WebhookBody,
    responses((status = 200, description = "The saved endpoint", body = ApiWebhook)))]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    web::Json(body): web::Json<WebhookBody>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let settings = body.parse()?;
    let (owner_id, target) = (caller.user.id.clone(), id.into_inner());
    let row = state
        .db
        .write(move |conn| {
            if !crate::flows::webhooks::update(conn, &owner_id, &target, &settings)? {
                return Ok(None);
            }
            db::webhooks::find_endpoint(conn, &target)
        })
        .await?
        .ok_or_else(not_found)?;
    Ok(json(StatusCode::OK, &ApiWebhook::new(&row)))
}

/// Deletes an endpoint with its deliveries and their log (owners, read-write).
#[utoipa::path(delete, path = "/api/v1/admin/webhooks/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let (owner_id, target) = (caller.user.id.clone(), id.into_inner());
    let done = state
        .db
        .write(move |conn| crate::flows::webhooks::delete(conn, &owner_id, &target))
        .await?;
    if !done {
        return Err(not_found());
    }
    Ok(HttpResponse::NoContent().finish())
}

/// A new signing secret (owners, read-write), in this answer only; the old
/// one stops signing at once.
#[utoipa::path(post, path = "/api/v1/admin/webhooks/{id}/rotate-secret", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses((status = 200, description = "The endpoint with its new secret", body = ApiWebhookWithSecret)))]
pub async fn rotate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let (owner_id, target) = (caller.user.id.clone(), id.into_inner());
    let rotated = state
        .db
        .write(move |conn| {
            let Some(secret) = crate::flows::webhooks::rotate_secret(conn, &owner_id, &target)?
            else {
                return Ok(None);
            };
            Ok(db::webhooks::find_endpoint(conn, &target)?.map(|row| (row, secret)))
        })
        .await?
        .ok_or_else(not_found)?;
    Ok(json(
        StatusCode::OK,
        &ApiWebhookWithSecret {
            webhook: ApiWebhook::new(&rotated.0),
            secret: rotated.1,
        },
    ))
}

#[derive(Serialize, ToSchema)]
pub struct QueuedDelivery {
    /// The delivery's id: its Rapport-Webhook-Id.
    pub delivery_id: String,
}

/// Queues a `ping` to this endpoint (owners, read-write), like the page's
/// "Send test event" button.
#[utoipa::path(post, path = "/api/v1/admin/webhooks/{id}/test", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses((status = 202, description = "Queued; it appears in the deliveries once sent", body = QueuedDelivery)))]
pub async fn send_test(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.owner_write()?;
    let (owner_id, target) = (caller.user.id.clone(), id.into_inner());
    let delivery_id = state
        .db
        .write(move |conn| crate::flows::webhooks::send_test(conn, &owner_id, &target))
        .await?
        .ok_or_else(not_found)?;
    Ok(json(StatusCode::ACCEPTED, &QueuedDelivery { delivery_id }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    /// At most this many (1 to 100, default 50), newest first.
    pub limit: Option<u32>,
    /// Skip this many of the newest (default 0).
    pub offset: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiAttempt {
    /// UTC, ISO 8601.
    pub at: String,
    /// The HTTP status the receiver answered; null when it did not.
    pub status: Option<i32>,
    /// Why it failed, when it did.
    pub error: Option<String>,
    pub duration_ms: i32,
}

#[derive(Serialize, ToSchema)]
pub struct ApiDelivery {
    /// Its Rapport-Webhook-Id and the payload's id.
    pub id: String,
    pub event: String,
    /// delivered, retrying, waiting or given_up.
    pub status: String,
    /// UTC, ISO 8601.
    pub created_at: String,
    /// UTC, ISO 8601; while it is retrying.
    pub next_attempt_at: Option<String>,
    /// Every attempt, newest first.
    pub attempts: Vec<ApiAttempt>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiDeliveryList {
    pub deliveries: Vec<ApiDelivery>,
}

/// The endpoint's delivery log (owners), newest first.
#[utoipa::path(get, path = "/api/v1/admin/webhooks/{id}/deliveries", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id"), DeliveryQuery),
    responses((status = 200, description = "Deliveries with every attempt", body = ApiDeliveryList)))]
pub async fn deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<DeliveryQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.owner()?;
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 100));
    let offset = i64::from(query.offset.unwrap_or(0));
    let endpoint = find(&state, id.into_inner()).await?;
    let (rows, attempts) = state
        .db
        .read(move |conn| {
            let rows = db::webhooks::deliveries_for(conn, &endpoint.id, limit, offset)?;
            let ids: Vec<String> = rows.iter().map(|d| d.id.clone()).collect();
            let attempts = db::webhooks::attempts_for(conn, &ids)?;
            Ok((rows, attempts))
        })
        .await?;
    let deliveries = rows
        .iter()
        .map(|d| {
            let status = if d.delivered_at.is_some() {
                "delivered"
            } else if d.gave_up_at.is_some() {
                "given_up"
            } else if d.attempts > 0 {
                "retrying"
            } else {
                "waiting"
            };
            ApiDelivery {
                id: d.id.clone(),
                event: d.event.clone(),
                status: status.to_string(),
                created_at: iso(d.created_at),
                next_attempt_at: (status == "retrying").then(|| iso(d.next_attempt_at)),
                attempts: attempts
                    .iter()
                    .filter(|a| a.delivery_id == d.id)
                    .map(|a| ApiAttempt {
                        at: iso(a.at),
                        status: a.status,
                        error: a.error.clone(),
                        duration_ms: a.duration_ms,
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(json(StatusCode::OK, &ApiDeliveryList { deliveries }))
}
