//! The candidate's side of self-scheduling: the times offered, in their
//! own time zone, booked, moved or cancelled through the emailed link.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db;
use crate::db::applications::ApplicationRow;
use crate::domain::application::parse_timezone;
use crate::flows::booking::{self, Booked, Cancelled, Offer};
use crate::flows::pipeline::Mailer;
use crate::i18n::Locale;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::locale;
use crate::web::render::{see_other, Page};
use crate::web::AppState;

/// The offer behind a link, with its candidate's application.
async fn load(state: &AppState, token: &str) -> Result<Option<(Offer, ApplicationRow)>, WebError> {
    let token = token.to_string();
    state
        .db
        .read(move |conn| {
            let Some(offer) = booking::view(conn, &token, db::now())? else {
                return Ok(None);
            };
            Ok(db::applications::find(conn, &offer.offer.application_id)?.map(|app| (offer, app)))
        })
        .await
        .web_context("reading a booking link")
}

/// The language of a page with no application behind it.
fn visitor_locale(req: &HttpRequest) -> Locale {
    locale::choose(req, None, &locale::all(), Locale::ENGLISH)
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
    let Some((offer, app)) = load(state, token).await? else {
        return gone(req, state);
    };
    let locale = super::personal_locale(req, state, &app).await?;
    let tz: Tz = parse_timezone(&offer.candidate_timezone)
        .or_else(|| offer.offer.timezone.parse().ok())
        .unwrap_or(Tz::UTC);
    // The offered times by day, in the candidate's zone.
    let mut days: Vec<Value> = Vec::new();
    let mut current_day = String::new();
    for at in &offer.free {
        let local = at.with_timezone(&tz);
        // "Tuesday 2 March 2027": the language's day, with the year.
        let day = format!("{} {}", locale.weekday_date(&local), local.format("%Y"));
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
                "label": locale.time(&local),
                "booked": offer.booked == Some(*at),
            }));
        }
    }
    let company = crate::web::public::company_name(state).await?;
    let kind = match crate::domain::interview::InterviewKind::parse(&offer.offer.kind) {
        Some(k) => super::status::interview_kind(locale, k),
        None => locale.text("cand-interview-other"),
    };
    let change_until = offer.booked.map(|at| {
        locale.when_in(
            at - chrono::Duration::hours(i64::from(offer.offer.cutoff_hours.max(0))),
            tz,
        )
    });
    Page::new(
        "pages/candidate/booking",
        &locale.text("cand-booking-title"),
    )
    .locale(locale)
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
            "booked": offer.booked.map(|at| locale.when_in(at, tz)),
            "change_until": change_until,
            "can_change": offer.can_change,
            "notice": notice.map(|key| locale.text(key)),
            "problem": problem.map(|key| locale.text(key)),
        }),
    )
}

fn gone(req: &HttpRequest, state: &AppState) -> Result<HttpResponse, WebError> {
    let locale = visitor_locale(req);
    Page::new(
        "pages/candidate/link_gone",
        &locale.text("cand-link-broken"),
    )
    .locale(locale)
    .status(StatusCode::NOT_FOUND)
    .render(req, state, json!({}))
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    // The switch keeps the notice in the address, next to `lang`.
    let said = |name: &str| {
        url::form_urlencoded::parse(req.query_string().as_bytes())
            .any(|(k, v)| k == name && v == "1")
    };
    let notice = if said("booked") {
        Some("cand-booking-notice-booked")
    } else if said("moved") {
        Some("cand-booking-notice-moved")
    } else if said("cancelled") {
        Some("cand-booking-notice-cancelled")
    } else {
        None
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
            Some("cand-booking-problem-choose"),
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
            "cand-booking-problem-not-offered",
        ),
        Booked::Taken => (StatusCode::CONFLICT, "cand-booking-problem-taken"),
        Booked::TooLate => (StatusCode::CONFLICT, "cand-booking-problem-too-late"),
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
                Some("cand-booking-problem-too-late-cancel"),
            )
            .await
        }
    }
}
