//! Response headers that depend on the page: pages about one person (staff
//! pages, a candidate's pages, sign-in and password pages, any page with a
//! form bound to this browser) are never stored by browsers or proxies;
//! HSTS when Rapport is served over https.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpMessage};

use super::AppState;

/// Two years, subdomains included: what browsers' preload lists ask for.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Paths whose pages are about the person asking (or a secret link).
fn is_private_path(path: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "/admin",
        "/api/v1/admin",
        "/c/",
        "/candidate",
        "/login",
        "/logout",
        "/setup/",
        "/invitations/",
        "/password/",
    ];
    if PREFIXES.iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| p.ends_with('/') || rest.is_empty() || rest.starts_with('/'))
    }) {
        return true;
    }
    // The apply form and the lost-link form of a job.
    matches!(
        path.strip_prefix("/jobs/")
            .and_then(|rest| rest.split_once('/')),
        Some((_, "apply" | "link"))
    )
}

/// Answers HEAD wherever GET works (uptime monitors and link checkers use
/// it): the request is routed as a GET, and the HTTP layer sends the
/// response's headers without its body.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

pub async fn page_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let private = is_private_path(req.path());
    let https = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.settings.secure_cookies());
    let mut res = next.call(req).await?;
    let carries_form_token = super::csrf::token_used(&res.request().extensions());
    let headers = res.headers_mut();
    if (private || carries_form_token) && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::is_private_path;

    #[test]
    fn personal_pages_are_private() {
        for p in [
            "/admin",
            "/admin/jobs",
            "/api/v1/admin/jobs",
            "/c/abc",
            "/candidate",
            "/candidate/answers",
            "/login",
            "/setup/x",
            "/invitations/x",
            "/password/forgot",
            "/jobs/support/apply",
            "/jobs/support/link",
        ] {
            assert!(is_private_path(p), "{p}");
        }
        for p in [
            "/",
            "/jobs",
            "/jobs/support",
            "/jobs.atom",
            "/api/v1/jobs",
            "/healthz",
            "/static/app.css",
            "/administrator-jobs",
            "/loginx",
        ] {
            assert!(!is_private_path(p), "{p}");
        }
    }
}
