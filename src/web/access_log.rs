//! One log line per request. Secret links (`/c/{token}`, `/setup/{token}`,
//! `/invitations/{token}`) are logged by their route, never with the token.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::Error;

/// The path to log: the route pattern when it holds a token, else the path
/// (without the query string, which may carry search terms).
pub fn loggable_path(path: &str, pattern: Option<&str>) -> String {
    match pattern {
        Some(p) if p.contains("{token}") => p.to_string(),
        _ => path.to_string(),
    }
}

pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let method = req.method().to_string();
    let path = loggable_path(req.path(), req.match_pattern().as_deref());
    let res = next.call(req).await;
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    match &res {
        Ok(r) => {
            tracing::info!(%method, %path, status = r.status().as_u16(), elapsed_ms, "request")
        }
        Err(e) => tracing::warn!(%method, %path, error = %e, elapsed_ms, "request failed"),
    }
    res
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn tokens_never_reach_the_log() {
        assert_eq!(loggable_path("/c/abcdef", Some("/c/{token}")), "/c/{token}");
        assert_eq!(
            loggable_path("/setup/xyz", Some("/setup/{token}")),
            "/setup/{token}"
        );
        assert_eq!(
            loggable_path("/jobs/support", Some("/jobs/{slug}")),
            "/jobs/support"
        );
        assert_eq!(loggable_path("/nowhere", None), "/nowhere");
    }
}
