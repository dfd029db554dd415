//! The OpenAPI 3.1 document, generated from the handlers' annotations, and
//! a reference page that renders it in the browser.
//!
//! The page is a small script of ours served from the binary like every
//! other asset: the UI crates either download at build time
//! (utoipa-swagger-ui) or load their JavaScript from a CDN or inline
//! (utoipa-redoc, -scalar, -rapidoc), which the strict CSP
//! (`script-src 'self'`) and "no third-party request" rule out.

use actix_web::http::header::{self, HeaderValue};
use actix_web::HttpResponse;
use once_cell::sync::Lazy;
use serde::Serialize;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::{ResponseBuilder, Responses};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, ObjectBuilder, Ref, Type};
use utoipa::{Modify, OpenApi, ToSchema};

use super::{applications, export, jobs, reads, view, webhooks};

/// Every error: `{"error": {"code", "message", "fields"}}`.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable: not_found, unauthorized, token_revoked, token_expired,
    /// owner_only, read_only_token, not_on_panel, csrf_token_invalid,
    /// bad_request, payload_too_large, unsupported_media_type, invalid,
    /// job_not_open, transition_not_allowed, stage_changed, rate_limited,
    /// internal.
    pub code: String,
    /// For people.
    pub message: String,
    /// With `invalid`: each field and what is wrong with it; empty otherwise.
    pub fields: Vec<FieldProblem>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Rapport API",
        description = "Jobs, applications and the hiring pipeline of a Rapport instance. Staff resources under /api/v1/admin take a personal API token (Authorization: Bearer rpt_…; made on /admin/account/tokens or with `rapport token create`) or a signed-in browser's session (whose writes carry X-CSRF-Token). Times are UTC, ISO 8601; enums are stable codes; errors are {\"error\": {\"code\", \"message\", \"fields\"}}.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        super::open_jobs,
        super::open_job,
        jobs::list,
        jobs::read,
        jobs::create,
        jobs::update,
        jobs::publish,
        jobs::close,
        export::jobs_csv,
        export::applications_csv,
        applications::list,
        applications::read,
        applications::move_stage,
        reads::interviews,
        reads::scorecards,
        reads::decision,
        reads::questionnaires,
        reads::questionnaire,
        webhooks::list,
        webhooks::create,
        webhooks::read,
        webhooks::update,
        webhooks::delete,
        webhooks::rotate,
        webhooks::send_test,
        webhooks::deliveries,
    ),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem, view::ApiJob)),
    modifiers(&StandardResponses),
    tags(
        (name = "public", description = "Open jobs, for job boards (no authentication, cached)"),
        (name = "jobs", description = "Staff jobs"),
        (name = "applications", description = "Applications and their pipeline"),
        (name = "interviews"), (name = "scorecards"), (name = "decisions"), (name = "questionnaires"),
        (name = "webhooks", description = "Webhook endpoints and their delivery log (owners)"),
    )
)]
pub struct ApiDoc;

/// Adds what every operation shares, so no handler can forget it: the
/// security schemes, and the error responses each kind of route can give.
struct StandardResponses;

fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

fn add(responses: &mut Responses, status: &str, response: utoipa::openapi::Response) {
    responses
        .responses
        .entry(status.to_string())
        .or_insert(response.into());
}

fn staff_errors(op: &mut Operation, write: bool, has_path_id: bool, has_body: bool) {
    let r = &mut op.responses;
    add(
        r,
        "400",
        error_response("The request could not be read (bad_request)"),
    );
    add(
        r,
        "401",
        error_response("No valid token or session (unauthorized, token_revoked, token_expired)"),
    );
    add(
        r,
        "403",
        error_response(
            "Not allowed (owner_only, read_only_token, not_on_panel, csrf_token_invalid)",
        ),
    );
    if has_path_id {
        add(r, "404", error_response("No such resource (not_found)"));
    }
    if write {
        add(
            r,
            "409",
            error_response(
                "Does not fit where the resource stands (job_not_open, transition_not_allowed, stage_changed)",
            ),
        );
    }
    if has_body {
        add(
            r,
            "413",
            error_response("The body is too large (payload_too_large)"),
        );
        add(
            r,
            "415",
            error_response("Send application/json (unsupported_media_type)"),
        );
    }
    add(
        r,
        "422",
        error_response("Some fields are not valid (invalid): see fields"),
    );
    let limited = ResponseBuilder::new()
        .description(
            "Too many requests with this token (rate_limited): retry after Retry-After seconds",
        )
        .header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(ObjectBuilder::new().schema_type(Type::Integer))
                .description(Some("Seconds to wait"))
                .build(),
        )
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build();
    add(r, "429", limited);
    op.security = Some(vec![
        SecurityRequirement::new("bearer", Vec::<String>::new()),
        SecurityRequirement::new("session", Vec::<String>::new()),
    ]);
}

impl Modify for StandardResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal API token (rpt_…)"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "rapport_session",
                "The pages' session; writes also need X-CSRF-Token",
            ))),
        );
        for (path, item) in openapi.paths.paths.iter_mut() {
            let staff = path.starts_with("/api/v1/admin");
            let has_id = path.contains('{');
            let ops = [
                (&mut item.get, false),
                (&mut item.post, true),
                (&mut item.put, true),
                (&mut item.delete, true),
                (&mut item.patch, true),
            ];
            for (op, write) in ops {
                let Some(op) = op.as_mut() else { continue };
                if staff {
                    let has_body = op.request_body.is_some();
                    staff_errors(op, write, has_id, has_body);
                } else if has_id {
                    add(
                        &mut op.responses,
                        "404",
                        error_response("No such open job (not_found)"),
                    );
                }
            }
        }
    }
}

static SPEC: Lazy<String> = Lazy::new(|| {
    ApiDoc::openapi()
        .to_json()
        .expect("the OpenAPI document serialises")
});

/// The OpenAPI document, as JSON.
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(SPEC.as_str())
}

/// The reference page: a shell whose script (`/static/api-docs.js`) reads
/// the document and lists every operation.
pub async fn page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        ))
        .body(PAGE)
}

const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport API reference</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="stylesheet" href="/static/api-docs.css">
<script src="/static/api-docs.js" defer></script>
</head>
<body>
<main class="api-docs" id="api-docs" data-spec="/api/v1/openapi.json">
<h1>Rapport API reference</h1>
<p>The machine-readable document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<noscript><p>This page lists the operations with a script; without it, read the document above.</p></noscript>
</main>
</body>
</html>
"#;
