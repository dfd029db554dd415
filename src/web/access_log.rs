//! One log line per request. Secret links (`/c/{token}`, `/setup/{token}`,
//! `/invitations/{token}`) are logged by their route, never with the token.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::Error;

/// The path to log: the route pattern when it holds a token, else the path
/// (without the query string, which may carry search terms).
pub fn loggable_path<'a>(path: &'a str, pattern: Option<&'a str>) -> &'a str {
    match pattern {
        Some(p) if p.contains("{token}") => p,
        _ => path,
    }
}

pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    // A response carries its request, so its path is read there; only a
    // failed call loses the request, and it logs the first segment, kept
    // here (short: the whole path was copied twice before).
    let method = req.method().clone();
    let first = first_segment(req.path()).to_string();
    let res = next.call(req).await;
    // Whole microseconds: formatting a float per line cost more than it told.
    let elapsed_us = started.elapsed().as_micros() as u64;
    match &res {
        Ok(r) => {
            // The pattern is looked up once the request is routed: then it
            // is an index into the routes. Before, it meant matching the
            // path against every route in turn (a regex each), which cost
            // the public pages as much as the rest of their answer.
            let request = r.request();
            let pattern = request.match_pattern();
            let path = loggable_path(request.path(), pattern.as_deref());
            tracing::info!(%method, %path, status = r.status().as_u16(), elapsed_us, "request")
        }
        Err(e) => {
            // The request is gone: keep only the first segment, which is
            // never a token.
            tracing::warn!(%method, path = %first, error = %e, elapsed_us, "request failed")
        }
    }
    res
}

/// `/c/abc` → `/c/…`; a path of one segment as is. Written only when
/// logged.
fn first_segment(path: &str) -> FirstSegment<'_> {
    match path.get(1..).and_then(|rest| rest.find('/')) {
        Some(end) => FirstSegment(&path[..end + 1], "/…"),
        None => FirstSegment(path, ""),
    }
}

struct FirstSegment<'a>(&'a str, &'static str);

impl std::fmt::Display for FirstSegment<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.0, self.1)
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
        assert_eq!(first_segment("/c/secret-token").to_string(), "/c/…");
        assert_eq!(
            first_segment("/invitations/abc/x").to_string(),
            "/invitations/…"
        );
        assert_eq!(first_segment("/jobs").to_string(), "/jobs");
        assert_eq!(first_segment("/").to_string(), "/");
    }
}
