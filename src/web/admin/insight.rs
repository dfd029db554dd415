//! Insight pages (issue 10, items 4 and 5): how hiring goes, per job and
//! across jobs. Owners see every job; interviewers the jobs whose panel
//! they are on. Figures come from a stored snapshot (see `db::insight`),
//! refreshed in the background once it is older than [`FRESH_FOR_MINUTES`].

use std::collections::HashSet;
use std::sync::Mutex;

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use once_cell::sync::Lazy;
use serde_json::{json, Value};

use super::charts::{self, Bar};
use crate::db::{self, insight::Scope, DbError};
use crate::domain::agreement::MIN_UNITS;
use crate::domain::insight::{Correlation, Insight, Spread};
use crate::i18n::Message;
use crate::web::error::{WebContext, WebError};
use crate::web::render::Page;
use crate::web::session::Staff;
use crate::web::AppState;

/// Figures older than this are served once more and recomputed behind.
pub const FRESH_FOR_MINUTES: i64 = 5;

/// Up to this many applications, figures never computed before are
/// computed while the person waits (well under a second); beyond, in the
/// background, and the page says they are on their way.
const COMPUTE_INLINE_UP_TO: i64 = 20_000;

/// Scopes being recomputed by this process, so a burst of views starts
/// one computation, not one each.
static REFRESHING: Lazy<Mutex<HashSet<String>>> = Lazy::new(|| Mutex::new(HashSet::new()));

async fn compute_and_store(
    state: &AppState,
    scope: Scope,
) -> Result<(NaiveDateTime, Insight), DbError> {
    let s = scope.clone();
    // The signature is read first: a change made while the figures are
    // computed makes the next view recompute them.
    let (signature, figures) = state
        .db
        .read(move |c| {
            let signature = db::insight::signature(c, &s)?;
            Ok((signature, db::insight::compute(c, &s)?))
        })
        .await?;
    let at = db::now();
    let stored = figures.clone();
    state
        .db
        .write(move |c| db::insight::store_snapshot(c, &scope, &stored, &signature, at))
        .await?;
    Ok((at, figures))
}

fn refresh_in_background(state: &web::Data<AppState>, scope: Scope) {
    let key = scope.key();
    {
        let mut running = REFRESHING.lock().unwrap_or_else(|p| p.into_inner());
        if !running.insert(key.clone()) {
            return;
        }
    }
    let state = state.clone();
    actix_web::rt::spawn(async move {
        if let Err(e) = compute_and_store(&state, scope).await {
            tracing::warn!(error = %e, "refreshing insight figures");
        }
        REFRESHING
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&key);
    });
}

/// The figures of a scope and when they were computed; `None` while a
/// first computation runs in the background.
///
/// A view reads the snapshot and the data's [`db::insight::Signature`]
/// (two indexed reads). Figures whose data changed since are recomputed:
/// while the person waits up to [`COMPUTE_INLINE_UP_TO`] applications,
/// behind the page beyond (the page then shows the previous figures with
/// their time). Figures older than [`FRESH_FOR_MINUTES`] are recomputed
/// behind the page too, for changes the signature does not see
/// (scorecards, reviews).
pub async fn figures(
    state: &web::Data<AppState>,
    scope: Scope,
) -> Result<Option<(NaiveDateTime, Insight)>, WebError> {
    let s = scope.clone();
    let (stored, signature) = state
        .db
        .read(move |c| {
            Ok((
                db::insight::snapshot(c, &s)?,
                db::insight::signature(c, &s)?,
            ))
        })
        .await
        .web_context("reading insight figures")?;
    match stored {
        Some(snap) if snap.signature == signature.as_str() => {
            if db::now() - snap.computed_at > chrono::Duration::minutes(FRESH_FOR_MINUTES) {
                refresh_in_background(state, scope);
            }
            Ok(Some((snap.computed_at, snap.figures)))
        }
        stale if signature.applications > COMPUTE_INLINE_UP_TO => {
            refresh_in_background(state, scope);
            Ok(stale.map(|s| (s.computed_at, s.figures)))
        }
        _ => compute_and_store(state, scope)
            .await
            .map(Some)
            .web_context("computing insight figures"),
    }
}

/// The first `max` characters, cut at a word, with an ellipsis if cut.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

fn percent(x: f64) -> String {
    super::words(
        &Message::new("staff-insight-percent").count("percent", (x * 100.0).round() as i64),
    )
}

fn days(d: f64) -> String {
    if d < 1.0 {
        super::words(&Message::new("staff-insight-hours").count("hours", (d * 24.0).round() as i64))
    } else {
        super::words(&Message::new("staff-insight-days").arg("days", format!("{d:.1}")))
    }
}

fn spread_json(s: &Option<Spread>) -> Value {
    match s {
        Some(s) => json!({ "n": s.n, "median": days(s.median), "p90": days(s.p90) }),
        None => Value::Null,
    }
}

/// How far an item separates strong from weak candidates, in words.
fn separation(r: Option<f64>) -> String {
    let key = match r {
        None => "staff-insight-separation-unknown",
        Some(r) if r >= 0.3 => "staff-insight-separation-well",
        Some(r) if r >= 0.1 => "staff-insight-separation-weak",
        Some(_) => "staff-insight-separation-none",
    };
    super::words(&Message::new(key))
}

fn correlation_json(c: &Correlation) -> Value {
    let units = c.units as i64;
    let text = match (c.value, c.needed) {
        (Some(v), _) => match (c.low, c.high) {
            (Some(l), Some(h)) => Message::new("staff-insight-correlation-interval")
                .arg("rho", format!("{v:.2}"))
                .arg("low", format!("{l:.2}"))
                .arg("high", format!("{h:.2}"))
                .count("units", units),
            _ => Message::new("staff-insight-correlation")
                .arg("rho", format!("{v:.2}"))
                .count("units", units),
        },
        (None, Some(needed)) => Message::new("staff-insight-correlation-too-few")
            .count("units", units)
            .count("needed", needed as i64),
        (None, None) => Message::new("staff-insight-correlation-same-grades").count("units", units),
    };
    json!({ "text": super::words(&text), "estimated": c.value.is_some() })
}

/// "as of 14:02 UTC, 3 minutes ago".
fn freshness(at: NaiveDateTime) -> String {
    let minutes = (db::now() - at).num_minutes().max(0);
    let ago = match minutes {
        0 => Message::new("staff-insight-ago-now"),
        m if m < 120 => Message::new("staff-insight-ago-minutes").count("minutes", m),
        m => Message::new("staff-insight-ago-hours").count("hours", m / 60),
    };
    super::words(
        &Message::new("staff-insight-as-of")
            .arg("at", at.format("%-d %b %Y %H:%M"))
            .arg("ago", super::words(&ago)),
    )
}

/// The page's view of the figures. Each figure links to the applications
/// behind it: the job's list (`job`, its owner and panel may open it), or
/// the list across the jobs the viewer may see, which counts what the
/// figures across jobs count.
fn view(figures: &Insight, at: NaiveDateTime, job: Option<&str>) -> Value {
    let base = match job {
        Some(id) => format!("/admin/jobs/{id}/applications"),
        None => "/admin/applications".to_string(),
    };
    let list = |query: &str| format!("{base}?{query}");
    let has_data = figures.applications > 0;

    let funnel: Vec<Value> = figures
        .funnel
        .iter()
        .map(|s| {
            json!({
                "label": super::words(&s.stage.label()),
                "reached": s.reached,
                "conversion": s.conversion.map(percent),
                "link": list(&format!("reached={}", s.stage.as_str())),
            })
        })
        .collect();
    let funnel_svg = charts::bars(
        &figures
            .funnel
            .iter()
            .map(|s| Bar {
                label: super::words(&s.stage.label()),
                value: s.reached as f64,
                second: None,
                text: s.reached.to_string(),
            })
            .collect::<Vec<_>>(),
        None,
    );

    let timed: Vec<_> = figures
        .stage_times
        .iter()
        .filter_map(|t| t.spread.map(|s| (t.stage, s)))
        .collect();
    let times: Vec<Value> = figures
        .stage_times
        .iter()
        .map(|t| json!({ "label": super::words(&t.stage.label()), "spread": spread_json(&t.spread), "link": list(&format!("stage={}", t.stage.as_str())) }))
        .collect();
    let times_svg = (!timed.is_empty()).then(|| {
        charts::bars(
            &timed
                .iter()
                .map(|(stage, s)| Bar {
                    label: super::words(&stage.label()),
                    value: s.median,
                    second: Some(s.p90),
                    text: super::words(
                        &Message::new("staff-insight-times-bar")
                            .arg("median", format!("{:.1}", s.median))
                            .arg("p90", format!("{:.1}", s.p90)),
                    ),
                })
                .collect::<Vec<_>>(),
            None,
        )
    });

    let tiers: Vec<Value> = figures
        .tiers
        .iter()
        .map(|t| {
            json!({
                "tier": t.tier, "rounds": t.rounds, "passed": t.passed,
                "failed": t.rounds - t.passed, "rate": percent(t.rate()),
                "link": list(&format!("tier={}", t.tier)),
                "passed_link": list(&format!("tier={}&outcome=passed", t.tier)),
                "failed_link": list(&format!("tier={}&outcome=failed", t.tier)),
            })
        })
        .collect();
    let tiers_svg = (!figures.tiers.is_empty()).then(|| {
        charts::bars(
            &figures
                .tiers
                .iter()
                .map(|t| Bar {
                    label: super::words(
                        &Message::new("staff-insight-tier-bar").count("tier", t.tier),
                    ),
                    value: t.rate(),
                    second: None,
                    text: percent(t.rate()),
                })
                .collect::<Vec<_>>(),
            Some(1.0),
        )
    });

    let sources: Vec<Value> = figures
        .sources
        .iter()
        .map(|s| {
            json!({
                "label": if s.source.is_empty() { super::words(&Message::new("staff-source-none")) } else { s.source.clone() },
                "applied": s.applied,
                "screen_passed": s.screen_passed,
                "hired": s.hired,
                "link": list(&format!("source={}", if s.source.is_empty() { "-" } else { s.source.as_str() })),
            })
        })
        .collect();
    let sources_svg = (!figures.sources.is_empty()).then(|| {
        charts::bars(
            &figures
                .sources
                .iter()
                .take(12)
                .map(|s| Bar {
                    label: if s.source.is_empty() {
                        super::words(&Message::new("staff-insight-source-none-bar"))
                    } else {
                        s.source.chars().take(22).collect()
                    },
                    value: s.applied as f64,
                    second: None,
                    text: s.applied.to_string(),
                })
                .collect::<Vec<_>>(),
            None,
        )
    });

    let items: Vec<Value> = figures
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            json!({
                "number": i + 1,
                "question": it.question,
                "prompt": short(&it.prompt, 140),
                "tier": it.tier,
                "answers": it.answers,
                "mean": percent(it.mean),
                "item_rest": it.item_rest.map(|r| format!("{r:.2}")),
                "separation": separation(it.item_rest),
                "uncovered": it.uncovered,
                "link": list(&serde_urlencoded::to_string([("answered", &it.question)]).unwrap_or_default()),
            })
        })
        .collect();
    let items_svg = (!figures.items.is_empty()).then(|| {
        charts::bars(
            &figures
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| Bar {
                    label: super::words(
                        &Message::new("staff-insight-item-bar")
                            .count("number", i as i64 + 1)
                            .count("tier", it.tier),
                    ),
                    value: it.mean,
                    second: None,
                    text: percent(it.mean),
                })
                .collect::<Vec<_>>(),
            Some(1.0),
        )
    });

    let cal = &figures.calibration;
    let scatter = |pick: fn(&crate::domain::insight::CalibrationPoint) -> (f64, f64),
                   (screen, interview): (&'static str, &'static str)| {
        (!cal.points.is_empty()).then(|| {
            charts::scatter(
                &cal.points
                    .iter()
                    .map(|p| {
                        let (x, y) = pick(p);
                        (x, y, p.hired)
                    })
                    .collect::<Vec<_>>(),
                (0.0, 2.0, &super::words(&Message::new(screen))),
                (1.0, 4.0, &super::words(&Message::new(interview))),
            )
        })
    };
    let hired = cal.points.iter().filter(|p| p.hired).count();

    json!({
        "has_data": has_data,
        "applications": figures.applications,
        "fresh": freshness(at),
        "fresh_minutes": FRESH_FOR_MINUTES,
        "funnel": funnel,
        "funnel_svg": funnel_svg,
        "times": times,
        "times_svg": times_svg,
        "time_to_hire": spread_json(&figures.time_to_hire),
        "tiers": tiers,
        "tiers_svg": tiers_svg,
        "sources": sources,
        "sources_svg": sources_svg,
        "items": items,
        "items_svg": items_svg,
        "calibration": {
            "points": cal.points.len(),
            "hired": hired,
            "rejected": cal.points.len() - hired,
            "needed": MIN_UNITS,
            "empathy": correlation_json(&cal.empathy),
            "curiosity": correlation_json(&cal.curiosity),
            "empathy_svg": scatter(
                |p| (p.auto_empathy, p.interview_empathy),
                ("staff-insight-axis-screen-empathy", "staff-insight-axis-interview-empathy"),
            ),
            "curiosity_svg": scatter(
                |p| (p.auto_curiosity, p.interview_curiosity),
                ("staff-insight-axis-screen-curiosity", "staff-insight-axis-interview-curiosity"),
            ),
            "link": list("calibrated=1"),
            "hired_link": list("stage=hired&calibrated=1"),
            "rejected_link": list("stage=rejected&calibrated=1"),
        },
        "jobs": figures.jobs.iter().map(|j| json!({ "id": j.job_id, "title": j.title, "applied": j.applied, "hired": j.hired })).collect::<Vec<_>>(),
    })
}

/// `/admin/insight`: across every job the person may see.
pub async fn across(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, WebError> {
    let scope = if staff.user.is_owner() {
        Scope::All
    } else {
        Scope::PanelOf(staff.user.id.clone())
    };
    let found = figures(&state, scope).await?;
    let mut ctx = match &found {
        Some((at, f)) => view(f, *at, None),
        None => json!({ "computing": true }),
    };
    ctx["across"] = json!(true);
    ctx["owner"] = json!(staff.user.is_owner());
    Page::new(
        "pages/admin/insight",
        &super::title("staff-insight-title-all"),
    )
    .staff(&staff.user, "insight")
    .render(&req, &state, ctx)
}

/// `/admin/jobs/{id}/insight`: one job, for its owner or panel.
pub async fn job(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let job_id = id.into_inner();
    let user_id = staff.user.id.clone();
    let jid = job_id.clone();
    let (job, on_panel) = state
        .db
        .read(move |c| {
            let Some(job) = db::jobs::find(c, &jid)? else {
                return Ok(None);
            };
            let on_panel = db::panels::is_member(c, &job.id, &user_id)?;
            Ok::<_, DbError>(Some((job, on_panel)))
        })
        .await
        .web_context("finding a job")?
        .ok_or(WebError::NotFound)?;
    let owner = staff.user.is_owner();
    if !owner && !on_panel {
        return Err(WebError::Forbidden);
    }
    let found = figures(&state, Scope::Job(job.id.clone())).await?;
    let mut ctx = match &found {
        Some((at, f)) => view(f, *at, Some(job.id.as_str())),
        None => json!({ "computing": true }),
    };
    ctx["job"] = json!({ "id": job.id, "title": job.posting.title });
    ctx["owner"] = json!(owner);
    let title = super::title_with("staff-insight-title-job", &[("title", &job.posting.title)]);
    Page::new("pages/admin/insight", &title)
        .staff(&staff.user, "insight")
        .render(&req, &state, ctx)
}

/// A text cell that a spreadsheet would run as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) is given a leading
/// apostrophe, which spreadsheets show as text (OWASP's advice on CSV
/// injection). Numbers and dates are written by us and never need it.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn iso(at: Option<&NaiveDateTime>) -> String {
    at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

fn decimal(x: Option<f64>, places: usize) -> String {
    x.map(|v| format!("{v:.places$}")).unwrap_or_default()
}

/// The export as CSV bytes (RFC 4180: comma-separated, CRLF line ends,
/// fields quoted when needed; UTF-8 with a header row).
pub fn export_bytes(
    rows: &[db::export::ExportRow],
    extra_headers: &[String],
) -> Result<Vec<u8>, csv::Error> {
    use crate::domain::application::Stage;
    let dated: Vec<Stage> = Stage::ALL.to_vec();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = [
        "application_id",
        "name",
        "email",
        "stage",
        "source",
        "languages",
        "location",
        "applied_at",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(dated.iter().map(|s| format!("entered_{}", s.as_str())));
    header.extend(
        [
            "screen_score_percent",
            "screen_passed",
            "screen_empathy_0_2",
            "screen_curiosity_0_2",
            "screen_key_points_covered_percent",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    header.extend(extra_headers.iter().map(|h| neutralise(h)));
    w.write_record(&header)?;
    for r in rows {
        let a = &r.app;
        let erased = a.erased_at.is_some();
        let mut rec: Vec<String> = vec![
            a.id.clone(),
            if erased {
                String::new()
            } else {
                neutralise(&a.name)
            },
            if erased {
                String::new()
            } else {
                neutralise(&a.email)
            },
            a.stage().as_str().to_string(),
            neutralise(&a.source),
            neutralise(
                &a.languages()
                    .iter()
                    .map(|l| l.code.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            if erased {
                String::new()
            } else {
                neutralise(&a.location)
            },
            iso(Some(&a.created_at)),
        ];
        rec.extend(dated.iter().map(|s| iso(r.entered.get(s))));
        rec.push(decimal(a.screen_score.map(|s| s * 100.0), 0));
        rec.push(
            match a.screen_passed {
                Some(1) => "yes",
                Some(_) => "no",
                None => "",
            }
            .to_string(),
        );
        rec.push(decimal(r.empathy, 2));
        rec.push(decimal(r.curiosity, 2));
        rec.push(decimal(r.key_points.map(|k| k * 100.0), 0));
        rec.extend(r.extra.iter().map(|c| neutralise(c)));
        w.write_record(&rec)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// `/admin/jobs/{id}/applications.csv`: owners only, like the table it
/// mirrors (it carries every candidate's contact details).
pub async fn export_csv(
    state: web::Data<AppState>,
    owner: crate::web::session::Owner,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let _ = owner;
    let job_id = id.into_inner();
    let (job, rows, headers) = state
        .db
        .read(move |c| {
            let Some(job) = db::jobs::find(c, &job_id)? else {
                return Ok(None);
            };
            let (rows, headers) = db::export::rows(c, &job.id)?;
            Ok::<_, DbError>(Some((job, rows, headers)))
        })
        .await
        .web_context("exporting applications")?
        .ok_or(WebError::NotFound)?;
    let bytes = export_bytes(&rows, &headers)
        .map_err(|e| WebError::Internal(format!("writing the CSV export: {e}")))?;
    let file = format!(
        "{}-applications-{}.csv",
        job.slug,
        db::now().format("%Y-%m-%d")
    );
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("Ana = 1"), "Ana = 1");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn long_prompts_are_cut_at_a_word() {
        assert_eq!(short("short", 140), "short");
        assert_eq!(short("one two three", 9), "one two…");
    }

    #[test]
    fn separation_words() {
        assert_eq!(separation(None), "not enough answers yet");
        assert_eq!(separation(Some(0.5)), "separates well");
        assert_eq!(separation(Some(0.2)), "separates weakly");
        assert_eq!(separation(Some(-0.3)), "does not separate");
    }
}
