//! The stylesheet and scripts, embedded in the binary.

use actix_web::{http::header, web, HttpResponse};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "static/"]
struct Assets;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/{path:.*}", web::get().to(asset))
        // Browsers ask for it at the root whatever the page declares.
        .route(
            "/favicon.ico",
            web::get().to(|| serve("favicon.ico".to_string())),
        );
}

async fn asset(path: web::Path<String>) -> HttpResponse {
    serve(path.into_inner()).await
}

async fn serve(path: String) -> HttpResponse {
    match Assets::get(&path) {
        Some(file) => {
            let mime = match path.rsplit('.').next() {
                Some("css") => "text/css; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                Some("ico") => "image/x-icon",
                _ => "application/octet-stream",
            };
            let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..8]));
            HttpResponse::Ok()
                .content_type(mime)
                .insert_header((header::ETAG, etag))
                .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
                .body(file.data.into_owned())
        }
        None => HttpResponse::NotFound().finish(),
    }
}
