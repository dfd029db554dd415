//! Each staff member's weekly hours for interviews, in their own time
//! zone: the times offered to candidates who book themselves.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::db;
use crate::domain::booking::{Window, WindowInput};
use crate::domain::FieldError;
use crate::i18n::Message;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::Staff;
use crate::web::AppState;

/// The days of the week, Monday first (`weekday` 1 to 7), as message keys.
const DAYS: [&str; 7] = [
    "staff-weekday-monday",
    "staff-weekday-tuesday",
    "staff-weekday-wednesday",
    "staff-weekday-thursday",
    "staff-weekday-friday",
    "staff-weekday-saturday",
    "staff-weekday-sunday",
];

fn day_name(key: &'static str) -> String {
    super::words(&Message::new(key))
}

#[derive(Deserialize, Default)]
pub struct WindowForm {
    #[serde(default)]
    weekday: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    #[serde(default)]
    timezone: String,
}

async fn render(
    req: &HttpRequest,
    state: &AppState,
    staff: &Staff,
    form: &WindowForm,
    errors: Option<&[FieldError]>,
) -> Result<HttpResponse, WebError> {
    let user_id = staff.user.id.clone();
    let windows = state
        .db
        .read(move |conn| db::bookings::windows_of(conn, &[user_id]))
        .await
        .web_context("reading your availability")?;
    // The zone of the last window added is the likeliest for the next.
    let timezone = if form.timezone.is_empty() {
        windows
            .iter()
            .max_by_key(|w| w.created_at)
            .map(|w| w.timezone.clone())
            .unwrap_or_default()
    } else {
        form.timezone.clone()
    };
    let title = super::title("staff-availability-title");
    let page = Page::new("pages/admin/availability", &title).staff(&staff.user, "availability");
    let page = match errors {
        Some(_) => page.status(StatusCode::UNPROCESSABLE_ENTITY),
        None => page,
    };
    let hhmm = |m: i32| format!("{:02}:{:02}", m / 60, m % 60);
    page.render(
        req,
        state,
        json!({
            "windows": windows.iter().map(|w| json!({
                "id": w.id,
                "day": DAYS.get((w.weekday - 1).clamp(0, 6) as usize).map(|d| day_name(d)).unwrap_or_default(),
                "starts": hhmm(w.starts_minute),
                "ends": hhmm(w.ends_minute),
                "timezone": w.timezone,
            })).collect::<Vec<_>>(),
            "days": DAYS.iter().enumerate().map(|(i, d)| json!({
                "value": i + 1, "name": day_name(d), "selected": form.weekday == (i + 1).to_string(),
            })).collect::<Vec<_>>(),
            "form": { "starts": form.starts, "ends": form.ends, "timezone": timezone },
            "errors": errors.map(errors_json),
        }),
    )
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, WebError> {
    render(&req, &state, &staff, &WindowForm::default(), None).await
}

pub async fn add(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    CsrfForm(form): CsrfForm<WindowForm>,
) -> Result<HttpResponse, WebError> {
    let window = match Window::parse(&WindowInput {
        weekday: form.weekday.clone(),
        starts: form.starts.clone(),
        ends: form.ends.clone(),
        timezone: form.timezone.clone(),
    }) {
        Ok(w) => w,
        Err(errors) => return render(&req, &state, &staff, &form, Some(&errors)).await,
    };
    let user_id = staff.user.id.clone();
    state
        .db
        .write(move |conn| db::bookings::add_window(conn, &user_id, &window, db::now()))
        .await
        .web_context("adding to your availability")?;
    Ok(see_other("/admin/account/availability"))
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn remove(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let user_id = staff.user.id.clone();
    let removed = state
        .db
        .write(move |conn| db::bookings::remove_window(conn, &user_id, &id))
        .await
        .web_context("removing from your availability")?;
    if !removed {
        return Err(WebError::NotFound);
    }
    Ok(see_other("/admin/account/availability"))
}
