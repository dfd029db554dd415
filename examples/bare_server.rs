//! The ceiling for the load benchmark (benches/load/run.sh): a bare
//! actix-web handler answering fixed bytes from memory, one worker, no
//! middleware, no database. Rapport's public pages are measured against it.
//!
//! Usage: bare_server ADDRESS MANIFEST
//! where each line of MANIFEST is `PATH<TAB>FILE<TAB>CONTENT-TYPE`: the
//! request path (query included) and the file holding the bytes to answer.

use std::collections::HashMap;
use std::sync::Arc;

use actix_web::web::Bytes;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};

type Pages = Arc<HashMap<String, (Bytes, String)>>;

fn load(manifest: &str) -> std::io::Result<HashMap<String, (Bytes, String)>> {
    let text = std::fs::read_to_string(manifest)?;
    let mut pages = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.splitn(3, '\t');
        let (Some(path), Some(file), Some(content_type)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(std::io::Error::other(format!("bad manifest line: {line}")));
        };
        let bytes = std::fs::read(file)?;
        pages.insert(
            path.to_string(),
            (Bytes::from(bytes), content_type.to_string()),
        );
    }
    Ok(pages)
}

async fn answer(req: HttpRequest, pages: web::Data<Pages>) -> HttpResponse {
    let key = match req.query_string() {
        "" => req.path().to_string(),
        q => format!("{}?{q}", req.path()),
    };
    match pages.get(&key) {
        Some((body, content_type)) => HttpResponse::Ok()
            .content_type(content_type.as_str())
            .body(body.clone()),
        None => HttpResponse::NotFound().finish(),
    }
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(address), Some(manifest)) = (args.next(), args.next()) else {
        eprintln!("usage: bare_server ADDRESS MANIFEST");
        std::process::exit(2);
    };
    let pages: Pages = Arc::new(load(&manifest)?);
    eprintln!("bare_server: {} pages on {address}", pages.len());
    HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(pages.clone()))
            .default_service(web::to(answer))
    })
    .workers(1)
    .bind(address)?
    .run()
    .await
}
