//! Cuts off clients that stop sending a request body (a multipart upload
//! without its closing boundary, a slow-drip attack): each request holds a
//! connection and a worker's attention, so a body must keep arriving. The
//! request's headers have their own limit (`HttpServer::client_request_timeout`).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{web, Error, HttpMessage, HttpResponse};
use futures_util::Stream;
use tokio::time::{Instant, Sleep};

use super::AppState;
use crate::templates;

/// However steadily it arrives, a body must be complete within this many
/// pauses' worth of time.
const TOTAL_PAUSES: u32 = 10;

/// A request body that fails once the client pauses longer than `pause`,
/// or once `pause × TOTAL_PAUSES` has passed since the request started.
struct TimedBody {
    inner: Payload,
    pause: Duration,
    deadline: Instant,
    timer: Pin<Box<Sleep>>,
    timed_out: Arc<AtomicBool>,
}

impl Stream for TimedBody {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let Poll::Ready(item) = Pin::new(&mut this.inner).poll_next(cx) {
            let next = (Instant::now() + this.pause).min(this.deadline);
            this.timer.as_mut().reset(next);
            return Poll::Ready(item);
        }
        if this.timer.as_mut().poll(cx).is_ready() {
            this.timed_out.store(true, Ordering::SeqCst);
            return Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the request body stopped arriving",
            )))));
        }
        Poll::Pending
    }
}

/// Gives every request body a deadline (the `body_timeout_secs` setting);
/// a request whose body did not arrive in time is answered 408 and its
/// connection closed.
pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let pause = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.settings.body_timeout())
        .unwrap_or(Duration::from_secs(30));
    let timed_out = Arc::new(AtomicBool::new(false));
    match req.take_payload() {
        Payload::None => {}
        inner => {
            let now = Instant::now();
            let body = TimedBody {
                inner,
                pause,
                deadline: now + pause * TOTAL_PAUSES,
                timer: Box::pin(tokio::time::sleep_until(now + pause)),
                timed_out: timed_out.clone(),
            };
            req.set_payload(Payload::Stream {
                payload: Box::pin(body),
            });
        }
    }
    let res = next.call(req).await?;
    if !timed_out.load(Ordering::SeqCst) {
        return Ok(res.map_into_left_body());
    }
    tracing::info!(path = %res.request().path(), "request body timed out");
    let locale = super::error::error_page_locale(res.request());
    let title = locale.text("error-timeout-title");
    let message = locale.text("error-timeout-body");
    let body = templates::html()
        .render(
            "pages/error",
            &serde_json::json!({
                "title": title,
                "message": message,
                "lang": locale.code(),
                "locale": locale.code(),
            }),
        )
        .unwrap_or_else(|_| format!("<!doctype html><title>{title}</title><h1>{title}</h1>"));
    let timeout = HttpResponse::RequestTimeout()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONNECTION, "close"))
        .body(body);
    Ok(res.into_response(timeout).map_into_right_body())
}
