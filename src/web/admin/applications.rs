//! Reviewing applications: the per-job table, the candidate's page with
//! every answer's evidence, reviewers' overrides, and the CV download.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::highlight;
use crate::db::applications::{Cursor, ListQuery, Listing, Narrow, Sort};
use crate::db::insight::Scope;
use crate::db::{self, DbError};
use crate::domain::application::Stage;
use crate::domain::job::Job;
use crate::domain::FieldError;
use crate::flows::erasure::{self, Why};
use crate::i18n::Message;
use crate::scoring::AnswerScore;
use crate::web::candidate::flow;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::{Owner, Staff};
use crate::web::AppState;

pub const PER_PAGE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct TableQuery {
    stage: Option<String>,
    /// Got at least as far as this stage (links from insight).
    reached: Option<String>,
    /// Came from this source; "-" for links that carried none.
    source: Option<String>,
    /// Took this screening tier; with `outcome` ("passed", "failed"), passed or failed it.
    tier: Option<u8>,
    outcome: Option<String>,
    /// Answered this screening question.
    answered: Option<String>,
    /// "1": the decided candidates set against their interviews.
    calibrated: Option<String>,
    q: Option<String>,
    sort: Option<String>,
    /// The page after this application (a "next" link).
    after: Option<String>,
    /// The page before this application (a "previous" link).
    before: Option<String>,
    /// "last" for the last page.
    at: Option<String>,
    /// Set after an owner erased a candidate from this list.
    erased: Option<String>,
}

impl TableQuery {
    fn cursor(&self) -> Cursor {
        match (&self.after, &self.before, self.at.as_deref()) {
            (Some(id), _, _) => Cursor::After(id.clone()),
            (None, Some(id), _) => Cursor::Before(id.clone()),
            (None, None, Some("last")) => Cursor::Last,
            _ => Cursor::First,
        }
    }
}

/// A score as a chip: its number and its word, never colour alone.
pub fn score_chip(score: Option<f64>, passed: Option<i32>, pass_mark: u8) -> Value {
    match score {
        None => json!({
            "text": super::words(&Message::new("staff-chip-not-scored")),
            "class": "chip--neutral",
        }),
        Some(s) => {
            let pct = (s * 100.0).round() as i64;
            let (key, class) = if passed == Some(1) {
                ("staff-chip-screen-passed", "chip--ok")
            } else {
                ("staff-chip-screen-below", "chip--bad")
            };
            let text = Message::new(key)
                .count("percent", pct)
                .count("mark", pass_mark);
            json!({ "text": super::words(&text), "class": class, "percent": pct })
        }
    }
}

impl TableQuery {
    fn list(&self) -> ListQuery {
        ListQuery {
            stage: self.stage.as_deref().and_then(Stage::parse),
            search: self
                .q
                .as_deref()
                .map(crate::web::forms::clean_text)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            sort: Sort::parse(self.sort.as_deref().unwrap_or("")),
            cursor: self.cursor(),
            per_page: PER_PAGE,
        }
    }

    fn narrow(&self) -> Narrow {
        Narrow {
            reached: self.reached.as_deref().and_then(Stage::parse),
            source: self.source.as_deref().map(|s| match s {
                "-" => String::new(),
                s => crate::domain::application::clean_source(s),
            }),
            tier: self.tier.map(|t| {
                let passed = match self.outcome.as_deref() {
                    Some("passed") => Some(true),
                    Some("failed") => Some(false),
                    _ => None,
                };
                (t, passed)
            }),
            answered: self.answered.clone().filter(|a| !a.is_empty()),
            calibrated: self.calibrated.as_deref() == Some("1"),
        }
    }
}

/// One page of a list and what its page shows beside the rows.
struct Found {
    listing: Listing,
    writing: std::collections::HashMap<String, f64>,
    counts: Vec<(String, i64)>,
    /// The jobs of the rows, for their titles and pass marks.
    jobs: Vec<Job>,
}

fn find_page(
    conn: &mut db::DbConnection,
    scope: &Scope,
    list: &ListQuery,
    narrow: &Narrow,
) -> Result<Found, DbError> {
    let listing = db::applications::list_narrowed(conn, scope, list, narrow)?;
    let counts = db::applications::stage_counts_in(conn, scope)?;
    let ids: Vec<String> = listing.rows.iter().map(|a| a.id.clone()).collect();
    let writing = db::writing::rates(conn, &ids)?;
    let mut jobs: Vec<Job> = Vec::new();
    for row in &listing.rows {
        if !jobs.iter().any(|j| j.id == row.job_id) {
            jobs.extend(db::jobs::find(conn, &row.job_id)?);
        }
    }
    Ok(Found {
        listing,
        writing,
        counts,
        jobs,
    })
}

/// `/admin/jobs/{id}/applications`: owners see every job's list; an
/// interviewer the lists of the jobs whose panel they are on (the insight
/// pages' figures link here).
pub async fn table(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    query: web::Query<TableQuery>,
) -> Result<HttpResponse, WebError> {
    let job_id = id.into_inner();
    let q = query.into_inner();
    let (list, narrow) = (q.list(), q.narrow());
    let viewer = staff.user.clone();
    let (list_for_db, narrow_for_db) = (list.clone(), narrow.clone());
    let (job, found) = state
        .db
        .read(move |conn| {
            let Some(job) = db::jobs::find(conn, &job_id)? else {
                return Ok(None);
            };
            if !viewer.is_owner() && !db::panels::is_member(conn, &job.id, &viewer.id)? {
                return Ok(Some(Err(())));
            }
            let scope = Scope::Job(job.id.clone());
            let found = find_page(conn, &scope, &list_for_db, &narrow_for_db)?;
            Ok::<_, DbError>(Some(Ok((job, found))))
        })
        .await
        .web_context("listing applications")?
        .ok_or(WebError::NotFound)?
        .map_err(|()| WebError::Forbidden)?;
    let erased = q.erased.is_some();
    render_table(
        &req,
        &state,
        &staff,
        Some(&job),
        (&list, &narrow),
        found,
        erased,
    )
}

/// `/admin/applications`: the applications of every job the person may
/// see (owners every job, interviewers their panels' jobs), with the same
/// filters as a job's list: the insight page across jobs links here.
pub async fn across(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<TableQuery>,
) -> Result<HttpResponse, WebError> {
    let q = query.into_inner();
    let (list, narrow) = (q.list(), q.narrow());
    let scope = if staff.user.is_owner() {
        Scope::All
    } else {
        Scope::PanelOf(staff.user.id.clone())
    };
    let (list_for_db, narrow_for_db) = (list.clone(), narrow.clone());
    let found = state
        .db
        .read(move |conn| find_page(conn, &scope, &list_for_db, &narrow_for_db))
        .await
        .web_context("listing applications across jobs")?;
    let erased = q.erased.is_some();
    render_table(&req, &state, &staff, None, (&list, &narrow), found, erased)
}

/// The applications page, for one job or (without `job`) across jobs.
fn render_table(
    req: &HttpRequest,
    state: &AppState,
    staff: &Staff,
    job: Option<&Job>,
    (list, narrow): (&ListQuery, &Narrow),
    found: Found,
    erased: bool,
) -> Result<HttpResponse, WebError> {
    let Found {
        listing,
        writing,
        counts,
        jobs,
    } = found;
    let Listing {
        rows,
        total,
        has_prev,
        has_next,
    } = listing;
    let stage_key = list.stage.map(|s| s.as_str()).unwrap_or("");
    let sort_key = Sort::ALL
        .iter()
        .find(|(s, _, _)| *s == list.sort)
        .map(|(_, k, _)| *k)
        .unwrap_or("newest");
    let search = list.search.clone().unwrap_or_default();
    let reached_key = narrow.reached.map(|s| s.as_str()).unwrap_or("");
    let source_key = match &narrow.source {
        Some(s) if s.is_empty() => "-".to_string(),
        Some(s) => s.clone(),
        None => String::new(),
    };
    let behind = behind_view(narrow);
    // Page links keep every filter and the sort.
    let link = |at: (&'static str, &str)| {
        let mut params: Vec<(&str, String)> = vec![
            ("stage", stage_key.to_string()),
            ("reached", reached_key.to_string()),
            ("source", source_key.clone()),
            ("q", search.clone()),
            ("sort", sort_key.to_string()),
            (at.0, at.1.to_string()),
        ];
        params.extend(behind.params.iter().map(|(k, v)| (*k, v.clone())));
        format!(
            "?{}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    };
    let all_count: i64 = counts.iter().map(|(_, n)| n).sum();
    let stages: Vec<Value> = std::iter::once(json!({ "key": "", "label": super::words(&Message::new("staff-applications-stage-all")), "count": all_count, "current": stage_key.is_empty() }))
        .chain(Stage::ALL.iter().map(|s| {
            let n = counts.iter().find(|(k, _)| k == s.as_str()).map(|(_, n)| *n).unwrap_or(0);
            json!({ "key": s.as_str(), "label": super::words(&s.label()), "count": n, "current": stage_key == s.as_str() })
        }))
        .collect();
    let owner = staff.user.is_owner();
    let title = match job {
        Some(j) => super::title_with(
            "staff-applications-title-job",
            &[("title", &j.posting.title)],
        ),
        None if owner => super::title("staff-applications-title-all"),
        None => super::title("staff-applications-title-yours"),
    };
    let job_of = |id: &str| jobs.iter().find(|j| j.id == id);
    Page::new("pages/admin/applications", &title)
        .staff(
            &staff.user,
            match (job, owner) {
                // Reached from the insight page across jobs.
                (None, _) => "insight",
                (Some(_), true) => "jobs",
                (Some(_), false) => "home",
            },
        )
        .render(
            req,
            state,
            json!({
                "job": job.map(|j| json!({ "id": j.id, "title": j.posting.title, "slug": j.slug })),
                "rows": rows.iter().map(|a| {
                    let row_job = job_of(&a.job_id);
                    let pass_mark = row_job.map(|j| j.posting.pass_mark.percent()).unwrap_or_default();
                    json!({
                        "id": a.id,
                        "name": a.name,
                        "email": a.email,
                        "job": if job.is_none() { row_job.map(|j| json!({ "id": j.id, "title": j.posting.title })) } else { None },
                        "stage": super::words(&a.stage().label()),
                        "languages": a.languages().iter().map(|l| l.name()).collect::<Vec<_>>().join(", "),
                        "applied_on": a.created_at.format("%-d %b %Y").to_string(),
                        "chip": score_chip(a.screen_score, a.screen_passed, pass_mark),
                        "writing": writing.get(&a.id).map(|r| super::writing_view::rate_words(*r)),
                    })
                }).collect::<Vec<_>>(),
                "total": total,
                "first": has_prev.then(|| link(("at", "first"))),
                "prev": has_prev.then(|| rows.first().map(|a| link(("before", &a.id)))).flatten(),
                "next": has_next.then(|| rows.last().map(|a| link(("after", &a.id)))).flatten(),
                "last": has_next.then(|| link(("at", "last"))),
                "stages": stages,
                "stage": stage_key,
                "q": search,
                "reached": narrow.reached.map(|s| json!({ "key": s.as_str(), "label": super::words(&s.label()) })),
                "source": narrow.source.as_ref().map(|s| if s.is_empty() { super::words(&Message::new("staff-source-none")) } else { s.clone() }),
                "source_key": source_key,
                "behind": behind.text,
                "behind_params": behind.params.iter().map(|(k, v)| json!({ "name": k, "value": v })).collect::<Vec<_>>(),
                "can_manage": owner,
                "notice": erased.then(|| super::words(&Message::new("staff-notice-candidate-erased"))),
                "sorts": Sort::ALL.iter().map(|(s, k, l)| json!({ "value": k, "label": l, "selected": *s == list.sort })).collect::<Vec<_>>(),
            }),
        )
}

/// The figure a list was narrowed to (tier, question, calibration): its
/// words for the banner and its query parameters, kept across pages.
struct Behind {
    text: Option<String>,
    params: Vec<(&'static str, String)>,
}

fn behind_view(narrow: &Narrow) -> Behind {
    let mut words = Vec::new();
    let mut params = Vec::new();
    if let Some((tier, passed)) = narrow.tier {
        params.push(("tier", tier.to_string()));
        let key = match passed {
            Some(true) => {
                params.push(("outcome", "passed".to_string()));
                "staff-behind-tier-passed"
            }
            Some(false) => {
                params.push(("outcome", "failed".to_string()));
                "staff-behind-tier-failed"
            }
            None => "staff-behind-tier-took",
        };
        words.push(Message::new(key).count("tier", tier));
    }
    if let Some(q) = &narrow.answered {
        params.push(("answered", q.clone()));
        words.push(Message::new("staff-behind-answered").arg("question", q));
    }
    if narrow.calibrated {
        params.push(("calibrated", "1".to_string()));
        words.push(Message::new("staff-behind-calibrated"));
    }
    let conditions = words.iter().map(super::words).reduce(|first, second| {
        super::words(
            &Message::new("staff-behind-both")
                .arg("first", first)
                .arg("second", second),
        )
    });
    Behind {
        text: conditions
            .map(|c| super::words(&Message::new("staff-behind-showing").arg("conditions", c))),
        params,
    }
}

pub async fn detail(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    // Owners see every candidate; interviewers those of their panels.
    super::access::application_for(&state, &staff.user, id.clone()).await?;
    render_detail(
        &req,
        &state,
        &staff.user,
        id.into_inner(),
        None,
        StatusCode::OK,
    )
    .await
}

async fn render_detail(
    req: &HttpRequest,
    state: &AppState,
    viewer: &crate::db::users::User,
    app_id: String,
    attempt: Option<OverrideAttempt>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let data = state
        .db
        .read(move |conn| {
            let Some(app) = db::applications::find(conn, &app_id)? else {
                return Ok(None);
            };
            let job = db::jobs::find(conn, &app.job_id)?
                .ok_or_else(|| DbError::Corrupt("application without job".into()))?;
            let events = db::applications::events(conn, &app.id)?;
            let settings = crate::flows::pipeline::stage_settings(conn, &job.id)?;
            let interviews = db::interviews::for_application(conn, &app.id)?;
            let mut interview_people = Vec::new();
            for i in &interviews {
                interview_people.push(db::interviews::interviewers(conn, &i.id)?);
            }
            let panel = db::panels::members(conn, &job.id)?;
            let offers = db::bookings::for_application(conn, &app.id)?;
            let extra = (settings, interviews, interview_people, panel, offers);
            let mut rounds = Vec::new();
            for r in db::screenings::for_application(conn, &app.id)? {
                let loaded = db::questionnaire_versions::load(conn, &r.questionnaire_version_id)?;
                let answers = db::screenings::answers(conn, &r.id)?;
                let ids: Vec<String> = answers.iter().map(|a| a.id.clone()).collect();
                let overrides = db::screenings::overrides_for(conn, &ids)?;
                rounds.push((r, loaded, answers, overrides));
            }

            Ok::<_, DbError>(Some((app, job, events, rounds, extra)))
        })
        .await
        .web_context("reading an application")?;
    let Some((app, job, events, rounds, (settings, interviews, interview_people, panel, offers))) =
        data
    else {
        return Err(WebError::NotFound);
    };
    let moves: Vec<Value> = crate::domain::pipeline::allowed_moves(
        app.stage(),
        crate::domain::pipeline::MoveKind::Manual,
        &settings,
    )
    .iter()
    .map(|s| json!({ "value": s.as_str(), "label": super::words(&s.label()), "is_reject": *s == Stage::Rejected }))
    .collect();
    let interviews_view: Vec<Value> = interviews
        .iter()
        .map(|i| {
            let kind = crate::domain::interview::InterviewKind::parse(&i.kind).map_or_else(
                || super::words(&Message::new("staff-interview-kind-unknown")),
                |k| super::words(&k.label()),
            );
            let utc = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(
                i.starts_at,
                chrono::Utc,
            );
            let when = crate::domain::interview::Schedule::from_stored(
                utc,
                &i.timezone,
                i.duration_minutes.max(0) as u32,
                &i.location,
            )
            .map(|s| s.local_time())
            .unwrap_or_default();
            json!({
                "id": i.id, "kind": kind, "when": when, "location": i.location,
                "utc": utc.to_rfc3339(),
                "cancelled": i.status == crate::db::interviews::CANCELLED,
            })
        })
        .collect();
    let pass_mark = job.posting.pass_mark.percent();
    let team = state
        .db
        .read(db::users::list)
        .await
        .web_context("listing the team")?;
    let name = |id: &str| {
        team.iter()
            .find(|u| u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let review = super::review::application_reviews(state, &job.id, &rounds).await?;
    let rounds_view: Vec<Value> = rounds
        .iter()
        .map(|(r, loaded, answers, overrides)| {
            let result: Option<Value> = r.result.as_deref().and_then(|s| serde_json::from_str(s).ok());
            let qs: Vec<Value> = loaded
                .questionnaire
                .questions_of_tiers(&r.tiers())
                .map(|spec| {
                    let answer = answers.iter().find(|a| a.question_id == spec.id);
                    let score: Option<AnswerScore> = answer.and_then(|a| a.score_detail.as_deref()).and_then(|d| serde_json::from_str(d).ok());
                    let body = answer.map(|a| a.body.clone()).unwrap_or_default();
                    let label_of = |id: &String| spec.rubric.key_points.iter().find(|k| &k.id == id).map(|k| k.label.clone()).unwrap_or_else(|| id.clone());
                    let ovs: Vec<Value> = answer
                        .map(|a| overrides.iter().filter(|o| o.answer_id == a.id).map(|o| json!({
                            "empathy": o.empathy, "curiosity": o.curiosity, "percent": (o.score * 100.0).round() as i64, "reason": o.reason,
                            "author": name(&o.author_id),
                            "at": o.created_at.format("%-d %b %Y %H:%M").to_string(),
                        })).collect())
                        .unwrap_or_default();
                    let attempt = attempt.as_ref().filter(|t| Some(&t.answer_id) == answer.map(|a| &a.id));
                    let form_errors = attempt.map(|t| errors_json(&t.errors));
                    // The latest review counts, for the grades as for the score.
                    let latest = answer.and_then(|a| overrides.iter().find(|o| o.answer_id == a.id));
                    let final_grades = score.as_ref().map(|s| {
                        latest
                            .map(|o| (o.empathy, o.curiosity))
                            .unwrap_or((i32::from(s.empathy.grade), i32::from(s.curiosity.grade)))
                    });
                    let reviews = answer.map(|a| review.view(a, score.as_ref(), spec, &name)).unwrap_or(Value::Null);
                    let final_percent = ovs_first_percent(&ovs)
                        .or(reviews["percent"].as_i64())
                        .or(score.as_ref().map(|s| (s.score * 100.0).round() as i64));
                    json!({
                        "id": spec.id,
                        "tier": spec.tier,
                        "prompt": spec.prompt,
                        "answer_id": answer.map(|a| a.id.clone()),
                        "blank": body.trim().is_empty(),
                        "writing": answer
                            .and_then(|a| a.writing.as_deref())
                            .and_then(|w| serde_json::from_str::<crate::scoring::spelling::Writing>(w).ok())
                            .map(|w| super::writing_view::view(&w)),
                        "segments": score.as_ref().map(|s| highlight::segments(&body, &s.evidence)).unwrap_or_else(|| highlight::segments(&body, &[])),
                        "evidence": score.as_ref().map(|s| s.evidence.iter().map(|e| json!({
                            "dimension": super::words(&e.dimension.label()),
                            "label": e.label,
                            "quote": body.get(e.span.clone()).unwrap_or(""),
                            "weight": format!("{:+.2}", e.weight),
                        })).collect::<Vec<_>>()).unwrap_or_default(),
                        "score": score.as_ref().map(|s| json!({
                            "empathy": s.empathy.grade,
                            "curiosity": s.curiosity.grade,
                            "content": s.content.share.map(|c| (c * 100.0).round() as i64),
                            "covered": s.content.covered.iter().map(label_of).collect::<Vec<_>>(),
                            "missed": s.content.missed.iter().map(|id| match s.content.miss_reasons.get(id) {
                                Some(why) => super::words(&Message::new("staff-application-missed-because").arg("point", label_of(id)).arg("why", why)),
                                None => label_of(id),
                            }).collect::<Vec<_>>(),
                            "required_missed": !s.content.required_missed.is_empty(),
                            "tone": s.tone.iter().map(|t| super::words(&t.label())).collect::<Vec<_>>(),
                            "percent": (s.score * 100.0).round() as i64,
                            "version": s.scorer_version,
                        })),
                        "final": score.as_ref().zip(final_grades).map(|(s, (e, c))| json!({
                            "empathy": e, "curiosity": c,
                            "empathy_changed": e != i32::from(s.empathy.grade),
                            "curiosity_changed": c != i32::from(s.curiosity.grade),
                        })),
                        "form": match (attempt, &final_grades) {
                            // What the person typed, exactly, after a refusal.
                            (Some(t), _) => json!(t.form),
                            (None, Some((e, c))) => json!({ "empathy": e.to_string(), "curiosity": c.to_string(), "percent": final_percent.map(|p| p.to_string()).unwrap_or_default(), "reason": "" }),
                            (None, None) => json!({}),
                        },
                        "overrides": ovs,
                        "reviews": reviews,
                        "final_percent": final_percent,
                        "form_errors": form_errors,
                    })
                })
                .collect();
            json!({
                "tiers": r.tiers().iter().map(u8::to_string).collect::<Vec<_>>().join(", "),
                "questionnaire": loaded.questionnaire.title,
                "version": loaded.questionnaire.version,
                "open": r.is_open(),
                "sent_on": r.sent_at.format("%-d %b %Y").to_string(),
                "result": result.map(|res| json!({
                    "percent": (res["overall"]["share"].as_f64().unwrap_or(0.0) * 100.0).round() as i64,
                    "passed": res["overall"]["passed"],
                    "tiers": res["tiers"].as_array().cloned().unwrap_or_default().iter().map(|t| json!({
                        "tier": t["tier"], "percent": (t["share"].as_f64().unwrap_or(0.0) * 100.0).round() as i64, "passed": t["passed"],
                    })).collect::<Vec<_>>(),
                })),
                "scorer_version": r.scorer_version,
                "questions": qs,
            })
        })
        .collect();
    let interviews_view: Vec<Value> = interviews_view
        .into_iter()
        .zip(&interview_people)
        .map(|(mut v, people)| {
            v["interviewers"] = json!(people
                .iter()
                .map(|p| name(p))
                .collect::<Vec<_>>()
                .join(", "));
            v
        })
        .collect();
    // The cover letter's spelling is cheap: measured on each view.
    let cover_writing = (!app.cover_letter.trim().is_empty()).then(|| {
        let qs: Vec<&crate::domain::questionnaire::Questionnaire> =
            rounds.iter().map(|(_, l, _, _)| &l.questionnaire).collect();
        let known = crate::web::candidate::writing::known_words(&job, &qs, &app.name);
        let w = crate::web::candidate::writing::cover_letter(&app.cover_letter, &known);
        let mut v = super::writing_view::view(&w);
        v["segments"] = json!(super::writing_view::segments(&app.cover_letter, &w));
        v
    });
    Page::new("pages/admin/application", &app.name)
        .staff(viewer, if viewer.is_owner() { "jobs" } else { "home" })
        .status(status)
        .render(
            req,
            state,
            json!({
                "app": {
                    "id": app.id, "name": app.name, "email": app.email, "location": app.location, "timezone": app.timezone,
                    "cover_letter": app.cover_letter, "portfolio_url": app.portfolio_url, "has_cv": app.cv_file.is_some(),
                    "cv_filename": app.cv_filename, "stage": super::words(&app.stage().label()), "stage_code": app.stage().as_str(), "erased": app.erased_at.is_some(),
                    "languages": app.languages().iter().map(|l| json!({"name": l.name(), "fluency": super::words(&l.fluency().label())})).collect::<Vec<_>>(),
                    "applied_on": app.created_at.format("%-d %B %Y").to_string(),
                    "chip": score_chip(app.screen_score, app.screen_passed, pass_mark),
                },
                "cover_writing": cover_writing,
                "job": { "id": job.id, "title": job.posting.title },
                "can_manage": viewer.is_owner(),
                "moves": moves,
                "has_upcoming": interviews.iter().any(|i| i.status == crate::db::interviews::SCHEDULED && i.starts_at > crate::db::now()),
                "interviews": interviews_view,
                "offers": offers.iter().map(|o| json!({
                    "kind": crate::domain::interview::InterviewKind::parse(&o.kind).map_or_else(|| super::words(&Message::new("staff-interview-kind-unknown")), |k| super::words(&k.label())),
                    "sent": o.created_at.format("%-d %b %Y %H:%M UTC").to_string(),
                    "booked": o.interview_id.is_some(),
                })).collect::<Vec<_>>(),
                "can_offer": matches!(app.stage(), Stage::Interview | Stage::FinalConversation),
                "panel": panel.iter().map(|p| json!({ "id": p, "name": name(p) })).collect::<Vec<_>>(),
                "kinds": crate::domain::interview::InterviewKind::ALL.iter().map(|k| json!({ "value": k.as_str(), "label": super::words(&k.label()) })).collect::<Vec<_>>(),
                "events": events.iter().map(|e| json!({
                    "at": e.at.format("%-d %b %Y %H:%M").to_string(), "actor": actor_words(&e.actor, &name),
                    "to": Stage::parse(&e.to_stage).map(|s| super::words(&s.label())).unwrap_or_default(), "reason": e.reason,
                })).collect::<Vec<_>>(),
                "rounds": rounds_view,
            }),
        )
}

/// Who made a move, in words: a person's name, never their id.
fn actor_words(actor: &str, name: &impl Fn(&str) -> String) -> String {
    let said = |key| super::words(&Message::new(key));
    match actor {
        "candidate" => said("staff-history-actor-candidate"),
        "system" => said("staff-history-actor-system"),
        id => {
            let n = name(id);
            if n.is_empty() {
                said("staff-former-team-member")
            } else {
                n
            }
        }
    }
}

fn ovs_first_percent(ovs: &[Value]) -> Option<i64> {
    ovs.first().and_then(|o| o["percent"].as_i64())
}

/// An override that was refused: its answer, why, and what was typed.
struct OverrideAttempt {
    answer_id: String,
    errors: Vec<FieldError>,
    form: OverrideForm,
}

#[derive(Deserialize, serde::Serialize)]
pub struct OverrideForm {
    #[serde(default)]
    empathy: String,
    #[serde(default)]
    curiosity: String,
    #[serde(default)]
    percent: String,
    #[serde(default)]
    reason: String,
}

/// A reviewer's judgement of one answer, kept beside the automatic score.
pub async fn override_answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<OverrideForm>,
) -> Result<HttpResponse, WebError> {
    let answer_id = id.into_inner();
    let lookup = answer_id.clone();
    let (answer, app_id) = state
        .db
        .read(move |conn| {
            let Some(a) = db::screenings::find_answer(conn, &lookup)? else {
                return Ok(None);
            };
            let Some(r) = db::screenings::find(conn, &a.screening_id)? else {
                return Ok(None);
            };
            Ok::<_, DbError>(Some((a, r.application_id)))
        })
        .await
        .web_context("finding an answer")?
        .ok_or(WebError::NotFound)?;
    let mut errors = Vec::new();
    let grade = |s: &str| s.trim().parse::<i32>().ok().filter(|g| (0..=2).contains(g));
    let empathy = grade(&form.empathy);
    if empathy.is_none() {
        errors.push(FieldError::localized(
            "empathy",
            "staff-error-override-empathy",
        ));
    }
    let curiosity = grade(&form.curiosity);
    if curiosity.is_none() {
        errors.push(FieldError::localized(
            "curiosity",
            "staff-error-override-curiosity",
        ));
    }
    let percent = form
        .percent
        .trim()
        .trim_end_matches('%')
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=100.0).contains(p));
    if percent.is_none() {
        errors.push(FieldError::localized(
            "percent",
            "staff-error-override-percent",
        ));
    }
    let reason = form.reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 2000 {
        errors.push(FieldError::of(
            "reason",
            Message::new("staff-error-override-reason").count("max", 2000),
        ));
    }
    if answer.score_detail.is_none() {
        errors.push(FieldError::localized(
            "reason",
            "staff-error-override-not-scored",
        ));
    }
    let (Some(empathy), Some(curiosity), Some(percent), true) =
        (empathy, curiosity, percent, errors.is_empty())
    else {
        return render_detail(
            &req,
            &state,
            owner.user(),
            app_id,
            Some(OverrideAttempt {
                answer_id: answer.id,
                errors,
                form,
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let author = owner.user().id.clone();
    let back = app_id.clone();
    let company = crate::web::public::company_name(&state).await?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    state
        .db
        .write(move |conn| {
            let now = db::now();
            db::screenings::add_override(
                conn,
                db::screenings::NewOverride {
                    answer_id: &answer_id,
                    author_id: &author,
                    empathy,
                    curiosity,
                    score: percent / 100.0,
                    reason: &reason,
                },
                now,
            )?;
            let app = db::applications::find(conn, &app_id)?
                .ok_or_else(|| DbError::Corrupt("application vanished".into()))?;
            let job = db::jobs::find(conn, &app.job_id)?
                .ok_or_else(|| DbError::Corrupt("job vanished".into()))?;
            let ctx = flow::Ctx {
                base_url: &base_url,
                mail_domain: &mail_domain,
                company: &company,
            };
            flow::after_review(conn, &ctx, &job, &author, &app_id, now)?;
            db::audit::record(
                conn,
                Some(&author),
                "answer.overridden",
                ("answer", &answer_id),
                &reason,
                now,
            )
        })
        .await
        .web_context("overriding a score")?;
    Ok(see_other(&format!(
        "/admin/applications/{back}#answer-{}",
        answer.question_id
    )))
}

/// The candidate's CV, for staff only, always as a download.
pub async fn cv(
    state: web::Data<AppState>,
    _owner: Owner,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let app = state
        .db
        .read(move |conn| db::applications::find(conn, &id))
        .await
        .web_context("finding an application")?
        .ok_or(WebError::NotFound)?;
    crate::web::downloads::cv(&state, &app).await
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    confirm: String,
}

/// An owner erases a candidate who asked by other means (an email, a
/// letter): the same erasure as the candidate's own button.
pub async fn erase(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<EraseForm>,
) -> Result<HttpResponse, WebError> {
    if form.confirm != "yes" {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-erase-unconfirmed",
        )));
    }
    let id = id.into_inner();
    let owner_id = owner.user().id.clone();
    let mail_domain = state.mail_domain.clone();
    let done = state
        .db
        .write(move |conn| {
            let why = Why::OwnerOnRequest {
                owner_id: &owner_id,
            };
            erasure::erase(conn, &id, why, &mail_domain, db::now())
        })
        .await
        .web_context("erasing an application")?
        .ok_or(WebError::NotFound)?;
    state.files.delete_erased(done.cv_file.as_deref()).await;
    Ok(see_other(&format!(
        "/admin/jobs/{}/applications?erased=1",
        done.job_id
    )))
}
