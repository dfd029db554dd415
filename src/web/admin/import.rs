//! The job's "Import candidates" page (owners): the same checks and the
//! same import as `rapport import candidates`, from a CSV file chosen in
//! the browser. "Check" is the dry run; "Import" stores the good lines.

use actix_multipart::form::{tempfile::TempFile, text::Text, MultipartForm};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::db;
use crate::domain::import::{self, MAX_IMPORT_BYTES};
use crate::domain::job::Job;
use crate::flows::import::{import_candidates, Imported, CHUNK};
use crate::i18n::Message;
use crate::web::csrf;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::{clean_text, MultipartBody};
use crate::web::render::Page;
use crate::web::session::Owner;
use crate::web::AppState;

fn render(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    job: &Job,
    status: StatusCode,
    outcome: Value,
) -> Result<HttpResponse, WebError> {
    let title = super::title_with("staff-title-job-import", &[("title", &job.posting.title)]);
    let mut ctx = json!({
        "job": { "id": job.id, "title": job.posting.title, "slug": job.slug },
        "max_mb": MAX_IMPORT_BYTES / (1024 * 1024),
    });
    if let (Some(base), Value::Object(extra)) = (ctx.as_object_mut(), outcome) {
        base.extend(extra);
    }
    Page::new("pages/admin/job_import", &title)
        .staff(owner.user(), "jobs")
        .status(status)
        .render(req, state, ctx)
}

pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let job = super::jobs::load(&state, id.into_inner()).await?;
    render(&req, &state, &owner, &job, StatusCode::OK, json!({}))
}

#[derive(MultipartForm)]
pub struct ImportForm {
    csrf_token: Option<Text<String>>,
    /// `field=Header` per line.
    mapping: Option<Text<String>>,
    skip_invalid: Option<Text<String>>,
    /// "check" (the dry run) or "import".
    action: Option<Text<String>>,
    #[multipart(limit = "21MB")]
    file: Option<TempFile>,
}

pub async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    MultipartBody(form): MultipartBody<ImportForm>,
) -> Result<HttpResponse, WebError> {
    let text = |t: &Option<Text<String>>| t.as_ref().map(|t| clean_text(&t.0)).unwrap_or_default();
    if !csrf::is_valid(&req, &state, &text(&form.csrf_token)) {
        return Err(WebError::Csrf);
    }
    let job = super::jobs::load(&state, id.into_inner()).await?;
    let mapping_text = text(&form.mapping);
    let skip_invalid = text(&form.skip_invalid) == "yes";
    let storing = text(&form.action) == "import";
    let refuse = |problems: Vec<String>| {
        render(
            &req,
            &state,
            &owner,
            &job,
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "mapping": mapping_text, "skip_invalid": skip_invalid, "file_problems": problems }),
        )
    };
    let Some(file) = form.file.as_ref().filter(|f| f.size > 0) else {
        return refuse(vec![super::words(&Message::new(
            "staff-error-import-no-file",
        ))]);
    };
    let bytes = std::fs::read(file.file.path())
        .map_err(|e| WebError::Internal(format!("reading an upload: {e}")))?;
    let pairs: Vec<String> = mapping_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let read = import::parse_mapping(&pairs).and_then(|given| import::read(&bytes, &given));
    let (headers, mapping, lines) = match read {
        Ok(read) => read,
        Err(problems) => return refuse(problems.iter().map(super::words).collect()),
    };
    let problems: Vec<Value> = lines
        .iter()
        .filter_map(|l| Some((l.number, l.parsed.as_ref().err()?)))
        .flat_map(|(n, errors)| {
            errors
                .iter()
                .map(move |e| json!({ "line": n, "field": e.field, "message": e.message }))
        })
        .collect();
    let bad = lines.iter().filter(|l| l.parsed.is_err()).count();
    let good = import::ready(&lines);
    let mut imported: Option<Imported> = None;
    if storing && (bad == 0 || skip_invalid) {
        let mut done = Imported::default();
        for chunk in good.chunks(CHUNK) {
            let (job_id, by, chunk) = (job.id.clone(), owner.user().id.clone(), chunk.to_vec());
            done += state
                .db
                .write(move |conn| import_candidates(conn, &job_id, Some(&by), &chunk, db::now()))
                .await
                .web_context("importing candidates")?;
        }
        imported = Some(done);
    }
    let status = if storing && imported.is_none() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(
        &req,
        &state,
        &owner,
        &job,
        status,
        json!({
            "mapping": mapping_text,
            "skip_invalid": skip_invalid,
            "report": {
                "columns": mapping.describe(&headers).into_iter().map(|(f, h)| json!({ "field": f, "header": h })).collect::<Vec<_>>(),
                "lines": lines.len(),
                "ready": good.len(),
                "bad": bad,
                "problems": problems,
                "refused": storing && imported.is_none(),
                "imported": imported.map(|i| json!({ "added": i.added, "already": i.already })),
            },
        }),
    )
}
