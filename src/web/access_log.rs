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
    let path = req.path().to_string();
    let res = next.call(req).await;
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    match &res {
        Ok(r) => {
            // The pattern is looked up once the request is routed: then it
            // is an index into the routes. Before, it meant matching the
            // path against every route in turn (a regex each), which cost
            // the public pages as much as the rest of their answer.
            let path = loggable_path(&path, r.request().match_pattern().as_deref());
            tracing::info!(%method, %path, status = r.status().as_u16(), elapsed_ms, "request")
        }
        Err(e) => {
            // The request is gone: keep only the first segment, which is
            // never a token.
            let path = first_segment(&path);
            tracing::warn!(%method, %path, error = %e, elapsed_ms, "request failed")
        }
    }
    res
}

/// `/c/abc` → `/c/…`; a path of one segment as is.
fn first_segment(path: &str) -> String {
    match path.get(1..).and_then(|rest| rest.find('/')) {
        Some(end) => format!("{}/…", &path[..end + 1]),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{first_segment, loggable_path};

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

    #[test]
    fn a_failed_request_logs_its_first_segment_only() {
        assert_eq!(first_segment("/c/secret-token"), "/c/…");
        assert_eq!(first_segment("/invitations/abc/x"), "/invitations/…");
        assert_eq!(first_segment("/jobs"), "/jobs");
        assert_eq!(first_segment("/"), "/");
    }
}
