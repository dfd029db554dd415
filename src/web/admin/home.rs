use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use crate::web::error::WebError;
use crate::web::render::{see_other, Page};
use crate::web::session::Staff;
use crate::web::AppState;

/// Owners land on their jobs; interviewers on their own page.
pub async fn home(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, WebError> {
    if staff.user.is_owner() {
        return Ok(see_other("/admin/jobs"));
    }
    Page::new("pages/admin/home", "Your work")
        .staff(&staff.user, "home")
        .render(&req, &state, json!({}))
}
