//! The agreement page: how far reviewers agree with each other and with
//! the scorer, per question and per reviewer, each reviewer's leniency and
//! the answers people and scorer disagree about most.

use std::collections::HashMap;

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::db::{self, reviews::ReviewRow, DbError};
use crate::domain::agreement::{self, Bootstrap, Method, Metric, Statistic, UnitGrades, MIN_UNITS};
use crate::flows::review::{self as flow, ReviewQuestion};
use crate::i18n::Message;
use crate::web::admin::words;
use crate::web::error::{WebContext, WebError};
use crate::web::render::Page;
use crate::web::session::Staff;
use crate::web::AppState;

/// A statistic as the page says it.
fn stat(s: &Statistic) -> Value {
    match s {
        Statistic::Estimated(e) => json!({
            "value": format!("{:.2}", e.value),
            "interval": e.interval.map(|i| interval(format!("{:.2}", i.low), format!("{:.2}", i.high))),
            "units": e.units,
        }),
        Statistic::NotEnoughData { units, needed } => json!({
            "missing": words(
                &Message::new("staff-agreement-too-few")
                    .count("units", *units as i64)
                    .count("needed", *needed as i64),
            ),
        }),
        Statistic::NoVariation { units } => json!({
            "missing": words(&Message::new("staff-agreement-same-grades").count("units", *units as i64)),
        }),
    }
}

/// "0.41 to 0.73": a statistic's interval.
fn interval(low: String, high: String) -> String {
    words(
        &Message::new("staff-agreement-interval")
            .arg("low", low)
            .arg("high", high),
    )
}

fn method_name(m: Method) -> String {
    words(&Message::new(match m {
        Method::QuadraticKappa => "staff-agreement-method-kappa",
        Method::KrippendorffAlpha { .. } => "staff-agreement-method-alpha",
    }))
}

#[derive(Clone, Copy)]
enum Dim {
    Empathy,
    Curiosity,
}

fn grade_of(r: &ReviewRow, d: Dim) -> u8 {
    let g = r.grades();
    match d {
        Dim::Empathy => g.empathy,
        Dim::Curiosity => g.curiosity,
    }
}

/// One row per answer of the question: the reviewers' grades in `raters`
/// order, then the scorer's in the last slot.
fn table(
    q: &ReviewQuestion,
    by_answer: &HashMap<&str, Vec<&ReviewRow>>,
    raters: &[String],
    d: Dim,
) -> Vec<Vec<Option<u8>>> {
    q.answers
        .iter()
        .map(|a| {
            let reviews = by_answer.get(a.id.as_str());
            let mut row: Vec<Option<u8>> = raters
                .iter()
                .map(|r| {
                    reviews
                        .and_then(|rs| rs.iter().find(|x| &x.reviewer_id == r))
                        .map(|x| grade_of(x, d))
                })
                .collect();
            row.push(a.auto.as_ref().map(|s| match d {
                Dim::Empathy => s.empathy.grade,
                Dim::Curiosity => s.curiosity.grade,
            }));
            row
        })
        .collect()
}

pub async fn agreement(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let job_id = id.into_inner();
    let uid = staff.user.id.clone();
    let owner = staff.user.is_owner();
    let found = state
        .db
        .read(move |conn| {
            let Some(job) = db::jobs::find(conn, &job_id)? else {
                return Ok(None);
            };
            if !owner && flow::may_review(conn, &job.id, &uid)?.is_err() {
                return Ok(Some(Err(())));
            }
            let questions = flow::job_questions(conn, &job.id)?;
            let ids: Vec<String> = questions
                .iter()
                .flat_map(|q| q.answers.iter().map(|a| a.id.clone()))
                .collect();
            let reviews = db::reviews::for_answers(conn, &ids)?;
            let chosen = db::reviews::reviewers(conn, &job.id)?;
            let team: Vec<(String, String)> = db::users::list(conn)?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect();
            let names = db::reviews::applicant_names(conn, &job.id)?;
            let settings = db::reviews::settings(conn, &job.id)?;
            let reviewing = flow::may_review(conn, &job.id, &uid)?.is_ok();
            Ok::<_, DbError>(Some(Ok((
                job,
                questions,
                reviews,
                chosen,
                team,
                names,
                (settings, reviewing),
            ))))
        })
        .await
        .web_context("reading reviews for agreement")?;
    let (job, questions, reviews, chosen, team, names, (settings, reviewing)) = match found {
        None => return Err(WebError::NotFound),
        Some(Err(())) => return Err(WebError::Forbidden),
        Some(Ok(x)) => x,
    };
    // Raters: the chosen reviewers, then anyone who reviewed and left the list.
    let mut raters = chosen.clone();
    for r in &reviews {
        if !raters.contains(&r.reviewer_id) {
            raters.push(r.reviewer_id.clone());
        }
    }
    let name = |id: &str| {
        team.iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| words(&Message::new("staff-former-team-member")))
    };
    // Each answer's reviews, so a table is one pass over the answers.
    let mut by_answer: HashMap<&str, Vec<&ReviewRow>> = HashMap::new();
    for r in &reviews {
        by_answer.entry(r.answer_id.as_str()).or_default().push(r);
    }
    let boot = Bootstrap::default();
    let scorer = raters.len();
    let dims = [Dim::Empathy, Dim::Curiosity];
    let mut pooled: [Vec<Vec<Option<u8>>>; 2] = [Vec::new(), Vec::new()];
    let per_question: Vec<Value> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let tables: Vec<Vec<Vec<Option<u8>>>> =
                dims.iter().map(|d| table(q, &by_answer, &raters, *d)).collect();
            for (p, t) in pooled.iter_mut().zip(&tables) {
                p.extend(t.iter().cloned());
            }
            let between: Vec<Value> = tables
                .iter()
                .map(|t| {
                    let people: Vec<Vec<Option<u8>>> =
                        t.iter().map(|row| row[..scorer].to_vec()).collect();
                    let a = agreement::agreement_between(&people, Metric::Interval, &boot);
                    let mut v = stat(&a.statistic);
                    v["method"] = json!(method_name(a.method));
                    v
                })
                .collect();
            let vs_scorer: Vec<Value> = raters
                .iter()
                .enumerate()
                .map(|(r, id)| {
                    json!({
                        "name": name(id),
                        "dims": tables.iter().map(|t| stat(&agreement::kappa_statistic(&agreement::paired_grades(t, r, scorer), &boot))).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let reviewed = q
                .answers
                .iter()
                .filter(|a| by_answer.contains_key(a.id.as_str()))
                .count();
            json!({
                "number": i + 1,
                "prompt": crate::web::markdown::plain_excerpt(&q.spec.prompt, 120),
                "answers": q.answers.len(),
                "reviewed": reviewed,
                "between": between,
                "vs_scorer": vs_scorer,
            })
        })
        .collect();
    let leniency: Vec<Vec<agreement::Leniency>> = pooled
        .iter()
        .map(|p| agreement::leniency(p, &boot))
        .collect();
    let per_reviewer: Vec<Value> = raters
        .iter()
        .enumerate()
        .map(|(r, id)| {
            json!({
                "name": name(id),
                "count": reviews.iter().filter(|x| &x.reviewer_id == id).count(),
                "vs_scorer": pooled.iter().map(|p| stat(&agreement::kappa_statistic(&agreement::paired_grades(p, r, scorer), &boot))).collect::<Vec<_>>(),
                "leniency": leniency.iter().map(|l| l.get(r).map(|x| leniency_view(&x.difference)).unwrap_or(Value::Null)).collect::<Vec<_>>(),
            })
        })
        .collect();
    // Disagreement on empathy + curiosity together (0–4).
    let mut units = Vec::new();
    let mut where_: Vec<(usize, usize)> = Vec::new();
    for (qi, q) in questions.iter().enumerate() {
        for (ai, a) in q.answers.iter().enumerate() {
            let people: Vec<Option<u8>> = raters
                .iter()
                .map(|r| {
                    reviews
                        .iter()
                        .find(|x| x.answer_id == a.id && &x.reviewer_id == r)
                        .map(|x| {
                            let g = x.grades();
                            g.empathy + g.curiosity
                        })
                })
                .collect();
            units.push(UnitGrades {
                people,
                scorer: a.auto.as_ref().map(|s| s.empathy.grade + s.curiosity.grade),
            });
            where_.push((qi, ai));
        }
    }
    let disagreements: Vec<Value> = agreement::most_disagreement(&units)
        .into_iter()
        .filter(|d| d.scorer_gap.is_some())
        .take(5)
        .map(|d| {
            let (qi, ai) = where_[d.unit];
            let q = &questions[qi];
            let a = &q.answers[ai];
            let app_name = names
                .get(&a.application_id)
                .map(String::as_str)
                .unwrap_or("");
            let mask = |s: &str| super::mask_name(s, app_name);
            json!({
                "question": qi + 1,
                "body": mask(&a.body),
                "gap": d.scorer_gap.map(|g| format!("{g:.1}")),
                "spread": d.people_spread,
                "auto": a.auto.as_ref().map(|s| json!({
                    "empathy": s.empathy.grade, "curiosity": s.curiosity.grade,
                    "percent": (s.score * 100.0).round() as i64,
                    "evidence": s.evidence.iter().map(|e| json!({
                        "dimension": crate::web::admin::words(&e.dimension.label()), "label": e.label,
                        "quote": mask(a.body.get(e.span.clone()).unwrap_or("")),
                    })).collect::<Vec<_>>(),
                })),
                "people": by_answer.get(a.id.as_str()).into_iter().flatten().map(|r| json!({
                    "name": name(&r.reviewer_id), "empathy": r.empathy, "curiosity": r.curiosity, "note": r.note,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Page::new("pages/admin/review/agreement", &super::super::title("staff-title-agreement"))
        .staff(
            &staff.user,
            if staff.user.is_owner() {
                "jobs"
            } else {
                "home"
            },
        )
        .render(
            &req,
            &state,
            json!({
                "job": { "id": job.id, "title": job.posting.title },
                "enabled": settings.enabled,
                // Owners who do not review go back to the job's settings.
                "back": if reviewing { format!("/admin/jobs/{}/review", job.id) } else { format!("/admin/jobs/{}/edit#review-title", job.id) },
                "back_label": words(&Message::new(if reviewing { "staff-agreement-back-review" } else { "staff-agreement-back-settings" })),
                "questions": per_question,
                "reviewers": per_reviewer,
                "disagreements": disagreements,
                "min_units": MIN_UNITS,
                "review_count": reviews.len(),
            }),
        )
}

fn leniency_view(s: &Statistic) -> Value {
    match s {
        Statistic::Estimated(e) => json!({
            "value": format!("{:+.2}", e.value),
            "interval": e.interval.map(|i| interval(format!("{:+.2}", i.low), format!("{:+.2}", i.high))),
        }),
        other => stat(other),
    }
}
