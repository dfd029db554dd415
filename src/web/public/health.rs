use actix_web::{web, HttpResponse};

use crate::web::AppState;

/// 200 when the database answers, 503 otherwise.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    if state.db.is_reachable().await {
        HttpResponse::Ok().json(serde_json::json!({ "status": "ok", "database": "reachable" }))
    } else {
        HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({ "status": "unavailable", "database": "unreachable" }))
    }
}
