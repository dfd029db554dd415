//! Files a person takes away: a CV (to staff, or back to the candidate who
//! sent it) and a candidate's copy of their data. Never cached, always an
//! attachment, so a browser saves rather than renders them.

use actix_web::body::SizedStream;
use actix_web::http::header;
use actix_web::HttpResponse;

use super::error::WebError;
use super::AppState;
use crate::db::applications::ApplicationRow;
use crate::files::FileError;

/// The application's CV, streamed from the store as it arrives.
pub async fn cv(state: &AppState, app: &ApplicationRow) -> Result<HttpResponse, WebError> {
    let (Some(file), Some(name)) = (&app.cv_file, &app.cv_filename) else {
        return Err(WebError::NotFound);
    };
    // The store refuses any key that is not a name it gave out, so a
    // stored value that is a path from outside reads nothing.
    let download = match state.files.get(file).await {
        Ok(Some(download)) => download,
        Ok(None) | Err(FileError::InvalidKey { .. }) => return Err(WebError::NotFound),
        Err(source) => {
            return Err(WebError::Files {
                context: "reading a CV",
                source,
            })
        }
    };
    Ok(
        attachment(HttpResponse::Ok().content_type("application/pdf"), name)
            // Never held whole in memory.
            .body(SizedStream::new(download.size, download.body)),
    )
}

/// A JSON document to save as `name`.
pub fn json(value: &serde_json::Value, name: &str) -> HttpResponse {
    let body = serde_json::to_vec_pretty(value).unwrap_or_default();
    attachment(HttpResponse::Ok().content_type("application/json"), name).body(body)
}

fn attachment<'a>(
    res: &'a mut actix_web::HttpResponseBuilder,
    name: &str,
) -> &'a mut actix_web::HttpResponseBuilder {
    // The header carries ASCII only; the name is a hint to the browser.
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    res.insert_header((
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{ascii}\""),
    ))
    .insert_header((header::CACHE_CONTROL, "private, no-store"))
}
