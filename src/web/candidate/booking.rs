//! The candidate's side of self-scheduling: the times offered, in their
//! own time zone, booked, moved or cancelled through the emailed link.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db;
use crate::domain::application::parse_timezone;
use crate::flows::booking::{self, Booked, Cancelled, Offer};
use crate::flows::pipeline::Mailer;
use crate::mail::candidate::when_in;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{see_other, Page};
use crate::web::AppState;

async fn load(state: &AppState, token: &str) -> Result<Option<Offer>, WebError> {
    let token = token.to_string();
    state
        .db
        .read(move |conn| booking::view(conn, &token, db::now()))
        .await
        .web_context("reading a booking link")
}

/// The page behind the link; `notice` says what just happened, `problem`
/// why the last request was refused.
async fn render(
    req: &HttpRequest,
    state: &AppState,
    token: &str,
    status: StatusCode,
    notice: Option<&str>,
    problem: Option<&str>,
) -> Result<HttpResponse, WebError> {
    let Some(offer) = load(state, token).await? else {
        return gone(req, state);
    };
    let tz: Tz = parse_timezone(&offer.candidate_timezone)
        .or_else(|| offer.offer.timezone.parse().ok())
        .unwrap_or(Tz::UTC);
    // The offered times by day, in the candidate's zone.
    let mut days: Vec<Value> = Vec::new();
    let mut current_day = String::new();
    for at in &offer.free {
        let local = at.with_timezone(&tz);
        let day = local.format("%A %-d %B %Y").to_string();
        if day != current_day {
            days.push(json!({ "day": day, "times": [] }));
            current_day = day;
        }
        if let Some(times) = days
            .last_mut()
            .and_then(|d| d.get_mut("times"))
            .and_then(Value::as_array_mut)
        {
            times.push(json!({
                "value": at.to_rfc3339(),
                "id": format!("t{}", at.timestamp()),
                "label": local.format("%H:%M").to_string(),
                "booked": offer.booked == Some(*at),
            }));
        }
    }
    let company = crate::web::public::company_name(state).await?;
    let kind = crate::domain::interview::InterviewKind::parse(&offer.offer.kind)
        .map(|k| k.for_candidate())
        .unwrap_or("Interview");
    let change_until = offer.booked.map(|at| {
        when_in(
            at - chrono::Duration::hours(i64::from(offer.offer.cutoff_hours.max(0))),
            tz,
        )
    });
    Page::new("pages/candidate/booking", "Choose a time")
        .status(status)
        .render(
            req,
            state,
            json!({
                "token": token,
                "company": { "name": company },
                "kind": kind,
                "minutes": offer.offer.duration_minutes,
                "location": offer.offer.location,
                "timezone": tz.name(),
                "days": days,
                "booked": offer.booked.map(|at| when_in(at, tz)),
                "change_until": change_until,
                "can_change": offer.can_change,
                "notice": notice,
                "problem": problem,
            }),
        )
}

fn gone(req: &HttpRequest, state: &AppState) -> Result<HttpResponse, WebError> {
    Page::new("pages/candidate/link_gone", "This link does not work")
        .status(StatusCode::NOT_FOUND)
        .render(req, state, json!({}))
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let notice = match req.query_string() {
        "booked=1" => Some("Your interview is booked: the invitation is on its way to your inbox."),
        "moved=1" => Some("Your interview is moved: the updated invitation is on its way."),
        "cancelled=1" => Some("Your booking is cancelled. You can choose another time below."),
        _ => None,
    };
    render(&req, &state, &token, StatusCode::OK, notice, None).await
}

#[derive(Deserialize)]
pub struct BookForm {
    #[serde(default)]
    at: String,
}

fn mailer_parts(state: &AppState) -> (String, String) {
    (state.base_url(), state.mail_domain.clone())
}

pub async fn book(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<BookForm>,
) -> Result<HttpResponse, WebError> {
    let token = token.into_inner();
    let Ok(at) = DateTime::parse_from_rfc3339(form.at.trim()).map(|t| t.with_timezone(&Utc)) else {
        return render(
            &req,
            &state,
            &token,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some("Choose one of the times below."),
        )
        .await;
    };
    let company = crate::web::public::company_name(&state).await?;
    let (base_url, mail_domain) = mailer_parts(&state);
    let t = token.clone();
    let outcome = state
        .db
        .write(move |conn| {
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            booking::book(conn, &mailer, &t, at, db::now())
        })
        .await
        .web_context("booking an interview")?;
    let (status, problem) = match outcome {
        Booked::Booked => return Ok(see_other(&format!("/book/{token}?booked=1"))),
        Booked::Moved => return Ok(see_other(&format!("/book/{token}?moved=1"))),
        Booked::Unchanged => return Ok(see_other(&format!("/book/{token}"))),
        Booked::NoSuchLink => return gone(&req, &state),
        Booked::NotOffered => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "That time is not one of those offered any more. Choose one of the times below.",
        ),
        Booked::Taken => (
            StatusCode::CONFLICT,
            "Sorry, someone booked that time a moment before you. The times below are still free: choose another one.",
        ),
        Booked::TooLate => (
            StatusCode::CONFLICT,
            "Your interview is too close to change here now. Reply to the invitation email and we will sort it out with you.",
        ),
    };
    render(&req, &state, &token, status, None, Some(problem)).await
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, WebError> {
    let token = token.into_inner();
    let company = crate::web::public::company_name(&state).await?;
    let (base_url, mail_domain) = mailer_parts(&state);
    let t = token.clone();
    let outcome = state
        .db
        .write(move |conn| {
            let mailer = Mailer {
                company: &company,
                base_url: &base_url,
                mail_domain: &mail_domain,
            };
            booking::cancel(conn, &mailer, &t, db::now())
        })
        .await
        .web_context("cancelling a booking")?;
    match outcome {
        Cancelled::Cancelled => Ok(see_other(&format!("/book/{token}?cancelled=1"))),
        Cancelled::NothingBooked => Ok(see_other(&format!("/book/{token}"))),
        Cancelled::NoSuchLink => gone(&req, &state),
        Cancelled::TooLate => {
            render(
                &req,
                &state,
                &token,
                StatusCode::CONFLICT,
                None,
                Some("Your interview is too close to cancel here now. Reply to the invitation email and we will sort it out with you."),
            )
            .await
        }
    }
}
