//! Webhooks, for owners: register an endpoint (its secret shown once),
//! change or pause it, rotate its secret, send it a test event, and read
//! its delivery log.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db::{self, webhooks::DeliveryRow, webhooks::EndpointRow};
use crate::domain::webhook::{EndpointSettings, Event};
use crate::domain::FieldError;
use crate::i18n::Message;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

/// Deliveries per page of the log.
const LOG_PAGE: i64 = 25;

#[derive(Deserialize, Default)]
pub struct EndpointForm {
    #[serde(default)]
    url: String,
    #[serde(default)]
    events: Vec<String>,
    #[serde(default)]
    active: Option<String>,
}

impl EndpointForm {
    fn parse(&self) -> Result<EndpointSettings, Vec<FieldError>> {
        EndpointSettings::parse(&self.url, &self.events, self.active.is_some())
    }

    fn of(row: &EndpointRow) -> Self {
        Self {
            url: row.url.clone(),
            events: row
                .events()
                .iter()
                .map(|e| e.as_str().to_string())
                .collect(),
            active: row.is_active().then(|| "yes".into()),
        }
    }
}

fn when(t: chrono::NaiveDateTime) -> String {
    t.format("%-d %b %Y %H:%M:%S UTC").to_string()
}

/// The event checkboxes, ticked as in the form.
fn event_choices(form: &EndpointForm) -> Value {
    Event::SUBSCRIBABLE
        .iter()
        .map(|e| {
            json!({
                "code": e.as_str(),
                "label": super::words(&e.label()),
                "checked": form.events.iter().any(|c| c == e.as_str()),
            })
        })
        .collect()
}

fn endpoint_json(row: &EndpointRow) -> Value {
    json!({
        "id": row.id,
        "url": row.url,
        "active": row.is_active(),
        "events": row.events().iter().map(|e| e.as_str()).collect::<Vec<_>>(),
        "created": when(row.created_at),
    })
}

async fn render_list(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    form: &EndpointForm,
    errors: Option<&[FieldError]>,
) -> Result<HttpResponse, WebError> {
    let endpoints = state
        .db
        .read(db::webhooks::list_endpoints)
        .await
        .web_context("listing webhooks")?;
    let title = super::title("staff-webhooks-title");
    let page = Page::new("pages/admin/webhooks", &title).staff(owner.user(), "webhooks");
    let page = if errors.is_some() {
        page.status(StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        page
    };
    page.render(
        req,
        state,
        json!({
            "endpoints": endpoints.iter().map(endpoint_json).collect::<Vec<_>>(),
            "form": { "url": form.url, "active": form.active.is_some() || errors.is_none() },
            "events": event_choices(form),
            "errors": errors.map(errors_json),
            "deleted": req.query_string().contains("deleted=1"),
        }),
    )
}

pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
) -> Result<HttpResponse, WebError> {
    render_list(&req, &state, &owner, &EndpointForm::default(), None).await
}

/// Registers an endpoint and shows its page with the secret, on this
/// response only.
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    CsrfForm(form): CsrfForm<EndpointForm>,
) -> Result<HttpResponse, WebError> {
    let settings = match form.parse() {
        Ok(s) => s,
        Err(errors) => return render_list(&req, &state, &owner, &form, Some(&errors)).await,
    };
    let owner_id = owner.user().id.clone();
    let row = state
        .db
        .write(move |conn| crate::flows::webhooks::create(conn, &owner_id, &settings))
        .await
        .web_context("registering a webhook")?;
    let shown = Shown {
        secret: Some((row.secret.clone(), "created")),
        ..Shown::default()
    };
    render_endpoint(
        &req,
        &state,
        &owner,
        row,
        &EndpointForm::default(),
        None,
        shown,
    )
    .await
}

#[derive(Default)]
struct Shown {
    /// A secret to show once, and why (created or rotated).
    secret: Option<(String, &'static str)>,
    page: i64,
}

#[derive(Deserialize)]
pub struct LogQuery {
    page: Option<i64>,
}

async fn find(state: &AppState, id: String) -> Result<EndpointRow, WebError> {
    state
        .db
        .read(move |conn| db::webhooks::find_endpoint(conn, &id))
        .await
        .web_context("reading a webhook")?
        .ok_or(WebError::NotFound)
}

/// A delivery's state: its label's key and its badge's tone.
fn status_of(d: &DeliveryRow) -> (&'static str, &'static str) {
    if d.delivered_at.is_some() {
        ("staff-webhook-delivery-delivered", "ok")
    } else if d.gave_up_at.is_some() {
        ("staff-webhook-delivery-given-up", "bad")
    } else if d.attempts > 0 {
        ("staff-webhook-delivery-retrying", "warn")
    } else {
        ("staff-webhook-delivery-waiting", "neutral")
    }
}

async fn render_endpoint(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    row: EndpointRow,
    form: &EndpointForm,
    errors: Option<&[FieldError]>,
    shown: Shown,
) -> Result<HttpResponse, WebError> {
    let (id, page) = (row.id.clone(), shown.page.max(0));
    let (deliveries, attempts) = state
        .db
        .read(move |conn| {
            let deliveries =
                db::webhooks::deliveries_for(conn, &id, LOG_PAGE + 1, page * LOG_PAGE)?;
            let ids: Vec<String> = deliveries.iter().map(|d| d.id.clone()).collect();
            let attempts = db::webhooks::attempts_for(conn, &ids)?;
            Ok((deliveries, attempts))
        })
        .await
        .web_context("reading a webhook's delivery log")?;
    let more = deliveries.len() as i64 > LOG_PAGE;
    let log: Vec<Value> = deliveries
        .iter()
        .take(LOG_PAGE as usize)
        .map(|d| {
            let (status, tone) = status_of(d);
            json!({
                "id": d.id,
                "event": d.event,
                "created": when(d.created_at),
                "status": super::words(&Message::new(status)),
                "tone": tone,
                "next": (d.delivered_at.is_none() && d.gave_up_at.is_none() && d.attempts > 0)
                    .then(|| when(d.next_attempt_at)),
                "attempts": attempts.iter().filter(|a| a.delivery_id == d.id).map(|a| json!({
                    "at": when(a.at),
                    "status": a.status,
                    "ok": a.status.is_some_and(|s| (200..300).contains(&s)),
                    "error": a.error,
                    "ms": a.duration_ms,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    // An invalid form shows what was typed; otherwise what is stored.
    let stored = EndpointForm::of(&row);
    let form = if errors.is_some() { form } else { &stored };
    let status = if errors.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let query = req.query_string();
    Page::new("pages/admin/webhook", &super::title("staff-webhook-title"))
        .staff(owner.user(), "webhooks")
        .status(status)
        .render(
            req,
            state,
            json!({
                "endpoint": endpoint_json(&row),
                "form": { "url": form.url, "active": form.active.is_some() },
                "events": event_choices(form),
                "errors": errors.map(errors_json),
                "secret": shown.secret.as_ref().map(|(s, why)| json!({ "value": s, "created": *why == "created" })),
                "log": log,
                "page": page + 1,
                "newer": (page > 0).then(|| format!("?page={}", page - 1)),
                "older": more.then(|| format!("?page={}", page + 1)),
                "saved": query.contains("saved=1"),
                "tested": query.contains("tested=1"),
            }),
        )
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, WebError> {
    let row = find(&state, id.into_inner()).await?;
    let shown = Shown {
        page: query.page.unwrap_or(0).clamp(0, 10_000),
        ..Shown::default()
    };
    render_endpoint(
        &req,
        &state,
        &owner,
        row,
        &EndpointForm::default(),
        None,
        shown,
    )
    .await
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<EndpointForm>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let settings = match form.parse() {
        Ok(s) => s,
        Err(errors) => {
            let row = find(&state, id).await?;
            let shown = Shown::default();
            return render_endpoint(&req, &state, &owner, row, &form, Some(&errors), shown).await;
        }
    };
    let (owner_id, target) = (owner.user().id.clone(), id.clone());
    let done = state
        .db
        .write(move |conn| crate::flows::webhooks::update(conn, &owner_id, &target, &settings))
        .await
        .web_context("changing a webhook")?;
    if !done {
        return Err(WebError::NotFound);
    }
    Ok(see_other(&format!("/admin/webhooks/{id}?saved=1")))
}

#[derive(Deserialize)]
pub struct Empty {}

/// A new secret, shown on this response only; the old one stops working
/// at once.
pub async fn rotate(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let (owner_id, target) = (owner.user().id.clone(), id.into_inner());
    let lookup = target.clone();
    let secret = state
        .db
        .write(move |conn| crate::flows::webhooks::rotate_secret(conn, &owner_id, &target))
        .await
        .web_context("rotating a webhook secret")?
        .ok_or(WebError::NotFound)?;
    let row = find(&state, lookup).await?;
    let shown = Shown {
        secret: Some((secret, "rotated")),
        ..Shown::default()
    };
    render_endpoint(
        &req,
        &state,
        &owner,
        row,
        &EndpointForm::default(),
        None,
        shown,
    )
    .await
}

pub async fn send_test(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let (owner_id, target) = (owner.user().id.clone(), id.into_inner());
    let back = format!("/admin/webhooks/{target}?tested=1");
    state
        .db
        .write(move |conn| crate::flows::webhooks::send_test(conn, &owner_id, &target))
        .await
        .web_context("queueing a test webhook")?
        .ok_or(WebError::NotFound)?;
    Ok(see_other(&back))
}

pub async fn delete(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let (owner_id, target) = (owner.user().id.clone(), id.into_inner());
    let done = state
        .db
        .write(move |conn| crate::flows::webhooks::delete(conn, &owner_id, &target))
        .await
        .web_context("deleting a webhook")?;
    if !done {
        return Err(WebError::NotFound);
    }
    Ok(see_other("/admin/webhooks?deleted=1"))
}
