//! CSV exports for spreadsheets and other tools: the jobs the caller sees,
//! and one job's applications in the very columns of the staff page's
//! export (`/admin/jobs/{id}/applications.csv`), written by the same
//! function with the same guard against formulas. An interviewer's token
//! exports only their panels' jobs, as the JSON resources give them.

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use super::jobs::{iso, visible_job, visible_jobs};
use super::{ApiError, Caller};
use crate::db::{self, DbError};
use crate::domain::job::Job;
use crate::web::admin::{export_bytes, neutralise};
use crate::web::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/jobs.csv", web::get().to(jobs_csv)).route(
        "/admin/jobs/{id}/applications.csv",
        web::get().to(applications_csv),
    );
}

const CSV_TYPE: &str = "text/csv; charset=utf-8; header=present";

/// A download: never kept by a cache (it carries candidates' contact
/// details), saved under `file` by a browser.
fn attachment(file: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(CSV_TYPE)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes)
}

fn written(e: csv::Error) -> ApiError {
    ApiError::Export(format!("writing the CSV export: {e}"))
}

/// The jobs as CSV rows (RFC 4180, CRLF, a header row), each with how many
/// applications it has.
fn jobs_bytes(jobs: &[(Job, i64)]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record([
        "job_id",
        "slug",
        "title",
        "status",
        "workplace",
        "location",
        "employment_type",
        "created_at",
        "published_at",
        "closed_at",
        "close_reason",
        "pass_mark_percent",
        "decision_rule",
        "applications",
    ])?;
    for (job, applications) in jobs {
        let p = &job.posting;
        w.write_record([
            job.id.clone(),
            job.slug.clone(),
            neutralise(&p.title),
            job.status.as_str().to_string(),
            p.workplace.as_str().to_string(),
            neutralise(&p.location),
            p.employment_type.as_str().to_string(),
            iso(job.created_at),
            job.published_at.map(iso).unwrap_or_default(),
            job.closed_at.map(iso).unwrap_or_default(),
            job.close_reason
                .map(|r| r.as_str().to_string())
                .unwrap_or_default(),
            p.pass_mark.percent().to_string(),
            p.decision_rule.as_str().to_string(),
            applications.to_string(),
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The jobs the caller may see, as CSV: every job for owners, their
/// panels' jobs for interviewers.
#[utoipa::path(get, path = "/api/v1/admin/jobs.csv", tag = "jobs",
    responses((status = 200, description = "The jobs the caller may see, one row each (RFC 4180, UTF-8, CRLF, a header row): job_id, slug, title, status, workplace, location, employment_type, created_at, published_at, closed_at, close_reason, pass_mark_percent, decision_rule, applications. Cells a spreadsheet would run as a formula start with an apostrophe.",
        content_type = "text/csv", body = String,
        headers(("Content-Disposition" = String, description = "attachment; filename=\"jobs-YYYY-MM-DD.csv\""),
            ("Cache-Control" = String, description = "no-store")))))]
pub async fn jobs_csv(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let jobs = visible_jobs(&state, &caller).await?;
    let counted = state
        .db
        .read(move |conn| {
            let mut out = Vec::with_capacity(jobs.len());
            for job in jobs {
                let n = db::applications::stage_counts(conn, &job.id)?
                    .iter()
                    .map(|(_, n)| n)
                    .sum();
                out.push((job, n));
            }
            Ok::<_, DbError>(out)
        })
        .await?;
    let bytes = jobs_bytes(&counted).map_err(written)?;
    let file = format!("jobs-{}.csv", db::now().format("%Y-%m-%d"));
    Ok(attachment(&file, bytes))
}

/// Every application of one job, oldest first, in the staff page's export
/// columns: owners any job, interviewers their panels' jobs. An erased
/// candidate's name, email and location are never in it.
#[utoipa::path(get, path = "/api/v1/admin/jobs/{id}/applications.csv", tag = "applications",
    params(("id" = String, Path, description = "The job's id")),
    responses((status = 200, description = "The job's applications, one row each (RFC 4180, UTF-8, CRLF, a header row), the columns of the staff page's export: application_id, name, email, stage, source, languages, location, applied_at, entered_<stage> for each stage, screen_score_percent, screen_passed, screen_empathy_0_2, screen_curiosity_0_2, screen_key_points_covered_percent, then review columns. Cells a spreadsheet would run as a formula start with an apostrophe.",
        content_type = "text/csv", body = String,
        headers(("Content-Disposition" = String, description = "attachment; filename=\"<slug>-applications-YYYY-MM-DD.csv\""),
            ("Cache-Control" = String, description = "no-store")))))]
pub async fn applications_csv(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let job = visible_job(&state, &caller, id.into_inner()).await?;
    let job_id = job.id.clone();
    let (rows, headers) = state
        .db
        .read(move |conn| db::export::rows(conn, &job_id))
        .await?;
    let bytes = export_bytes(&rows, &headers).map_err(written)?;
    let file = format!(
        "{}-applications-{}.csv",
        job.slug,
        db::now().format("%Y-%m-%d")
    );
    Ok(attachment(&file, bytes))
}
