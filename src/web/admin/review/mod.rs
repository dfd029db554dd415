//! Review mode's pages (issue 10): the owner's settings, the reviewer's
//! question-by-question queue with calibration first, and the agreement
//! page. No page here shows who a candidate is: no name, email, CV,
//! cover letter, languages or application link; names in answers are masked.

mod agreement;

pub use agreement::agreement;

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db::{self, reviews::ReviewRow, DbError};
use crate::domain::answer_review::{self, Grades, ReviewSettings};
use crate::domain::job::Job;
use crate::domain::FieldError;
use crate::flows::review::{self as flow, Refused, ReviewQuestion};
use crate::i18n::Message;
use crate::scoring::AnswerScore;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::CsrfForm;
use crate::web::render::{errors_json, see_other, Page};
use crate::web::session::{Owner, Staff};
use crate::web::AppState;

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    enabled: String,
    #[serde(default)]
    reviews_needed: String,
    #[serde(default)]
    auto_weight: String,
    #[serde(default)]
    reviewers: Vec<String>,
}

/// The owner turns review mode on or off and chooses the reviewers.
pub async fn settings(
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<HttpResponse, WebError> {
    let job_id = id.into_inner();
    let settings = ReviewSettings::parse(
        form.enabled == "yes",
        &form.reviews_needed,
        &form.auto_weight,
    )
    .map_err(|errors| {
        // Every problem on one line, each in the page's words.
        let all = errors.into_iter().map(|f| f.words).reduce(|first, second| {
            Message::new("staff-error-one-then-another")
                .arg("first", super::words(&first))
                .arg("second", super::words(&second))
        });
        WebError::BadRequest(all.unwrap_or_else(|| Message::new("staff-error-review-settings")))
    })?;
    let actor = owner.user().id.clone();
    let jid = job_id.clone();
    let outcome = state
        .db
        .write(move |conn| {
            let Some(job) = db::jobs::find(conn, &jid)? else {
                return Ok(None);
            };
            let now = db::now();
            Ok::<_, DbError>(Some(flow::change_settings(
                conn,
                &actor,
                &job,
                &settings,
                &form.reviewers,
                now,
            )?))
        })
        .await
        .web_context("saving review settings")?;
    match outcome {
        None => Err(WebError::NotFound),
        Some(Err(_)) => Err(WebError::BadRequest(Message::new(
            "staff-error-reviewers-not-team",
        ))),
        Some(Ok(())) => Ok(see_other(&format!(
            "/admin/jobs/{job_id}/edit?saved=1#review-title"
        ))),
    }
}

/// The review section of the job editor.
pub async fn editor_context(state: &AppState, job: &Job) -> Result<Value, WebError> {
    let job_id = job.id.clone();
    let (users, chosen, settings) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::users::list(conn)?,
                db::reviews::reviewers(conn, &job_id)?,
                db::reviews::settings(conn, &job_id)?,
            ))
        })
        .await
        .web_context("reading review settings")?;
    Ok(json!({
        "settings": settings,
        "team": users.iter().map(|u| json!({ "id": u.id, "name": u.name, "role": u.role.as_str(), "checked": chosen.contains(&u.id) })).collect::<Vec<_>>(),
    }))
}

/// What a reviewer's pages need, read in one go.
struct Board {
    job: Job,
    settings: ReviewSettings,
    questions: Vec<ReviewQuestion>,
    reviews: Vec<ReviewRow>,
    calibrations: Vec<(String, String)>,
    /// (id, name) of the team, for reviewers' names.
    team: Vec<(String, String)>,
    /// Each application's name, by id, to mask it in answers.
    names: HashMap<String, String>,
    /// Positions in `reviews` of each answer's reviews.
    by_answer: HashMap<String, Vec<usize>>,
}

/// Reads the job's review board for `user`, refusing anyone who is not a
/// chosen reviewer while review mode is on.
async fn board(state: &AppState, user_id: &str, job_id: String) -> Result<Board, WebError> {
    let uid = user_id.to_string();
    let found = state
        .db
        .read(move |conn| {
            let Some(job) = db::jobs::find(conn, &job_id)? else {
                return Ok(None);
            };
            if let Err(why) = flow::may_review(conn, &job.id, &uid)? {
                return Ok(Some(Err(why)));
            }
            let settings = db::reviews::settings(conn, &job.id)?;
            let questions = flow::job_questions(conn, &job.id)?;
            let ids: Vec<String> = questions
                .iter()
                .flat_map(|q| q.answers.iter().map(|a| a.id.clone()))
                .collect();
            let reviews = db::reviews::for_answers(conn, &ids)?;
            let calibrations = db::reviews::calibrations(conn, &job.id, &uid)?;
            let team = db::users::list(conn)?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect();
            let names = db::reviews::applicant_names(conn, &job.id)?;
            Ok::<_, DbError>(Some(Ok(Board {
                job,
                settings,
                questions,
                reviews,
                calibrations,
                team,
                names,
                by_answer: HashMap::new(),
            })))
        })
        .await
        .web_context("reading the review board")?;
    match found {
        None => Err(WebError::NotFound),
        Some(Err(_)) => Err(WebError::Forbidden),
        Some(Ok(mut b)) => {
            for (i, r) in b.reviews.iter().enumerate() {
                b.by_answer.entry(r.answer_id.clone()).or_default().push(i);
            }
            Ok(b)
        }
    }
}

impl Board {
    fn name_of(&self, id: &str) -> String {
        self.team
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| super::words(&Message::new("staff-former-team-member")))
    }

    /// The answer with its author's name masked: a reply signed "Ana"
    /// would otherwise undo the anonymity.
    fn masked(&self, application_id: &str, text: &str) -> String {
        let Some(name) = self.names.get(application_id) else {
            return text.to_string();
        };
        mask_name(text, name)
    }

    /// The reviews of an answer, oldest first.
    fn of_answer<'a>(&'a self, answer: &str) -> impl Iterator<Item = &'a ReviewRow> + 'a {
        self.by_answer
            .get(answer)
            .into_iter()
            .flatten()
            .map(|&i| &self.reviews[i])
    }

    fn mine<'a>(&'a self, user: &str, answer: &str) -> Option<&'a ReviewRow> {
        self.of_answer(answer).find(|r| r.reviewer_id == user)
    }

    fn review_count(&self, answer: &str) -> usize {
        self.of_answer(answer).count()
    }
}

/// Replaces each word of the name (3 letters or more), whole words only,
/// case-insensitively, with "[candidate]".
fn mask_name(text: &str, name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3)
        .map(regex::escape)
        .collect();
    if words.is_empty() {
        return text.to_string();
    }
    match regex::RegexBuilder::new(&format!(r"\b(?:{})\b", words.join("|")))
        .case_insensitive(true)
        .build()
    {
        Ok(re) => {
            let mask = super::words(&Message::new("staff-review-masked-name"));
            re.replace_all(text, regex::NoExpand(&mask)).into_owned()
        }
        Err(_) => text.to_string(),
    }
}

/// The reviewer's list of questions with their progress.
pub async fn overview(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let b = board(&state, &staff.user.id, id.into_inner()).await?;
    let me = &staff.user.id;
    let n = usize::from(b.settings.reviews_needed);
    let questions: Vec<Value> = b
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mine = q.answers.iter().filter(|a| b.mine(me, &a.id).is_some()).count();
            let done = q.answers.iter().filter(|a| b.review_count(&a.id) >= n).count();
            json!({
                "id": q.spec.id, "number": i + 1, "prompt": crate::web::markdown::plain_excerpt(&q.spec.prompt, 140),
                "mine": mine, "total": q.answers.len(), "team_done": done,
                "finished": mine == q.answers.len(),
            })
        })
        .collect();
    let next = questions
        .iter()
        .find(|q| q["finished"] == false)
        .map(|q| q["id"].clone());
    Page::new(
        "pages/admin/review/overview",
        &super::title("staff-title-review"),
    )
    .staff(&staff.user, "home")
    .render(
        &req,
        &state,
        json!({
            "job": { "id": b.job.id, "title": b.job.posting.title },
            "questions": questions,
            "next": next,
            "needed": n,
            "is_owner": staff.user.is_owner(),
        }),
    )
}

/// A refused review form: which answer, why and what was typed.
struct Attempt {
    answer_id: String,
    errors: Vec<FieldError>,
    form: GradeForm,
}

#[derive(Deserialize, serde::Serialize, Clone, Default)]
pub struct GradeForm {
    #[serde(default)]
    empathy: String,
    #[serde(default)]
    curiosity: String,
    #[serde(default)]
    covered: Vec<String>,
    #[serde(default)]
    note: String,
}

/// One question: calibration first, then the next answer to grade in the
/// reviewer's own order, the graded ones with the scorer's view, and the
/// other reviewers' grades once the reviewer finished the question.
pub async fn question(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (job_id, qid) = path.into_inner();
    let b = board(&state, &staff.user.id, job_id).await?;
    render_question(&req, &state, &staff, &b, &qid, None, StatusCode::OK)
}

fn grade_view(g: &Grades, q: &ReviewQuestion) -> Value {
    let label = |id: &String| q.spec.key_point_label(id);
    json!({
        "empathy": g.empathy, "curiosity": g.curiosity,
        "covered": g.covered.iter().map(label).collect::<Vec<_>>(),
    })
}

fn auto_view(
    auto: &AnswerScore,
    q: &ReviewQuestion,
    body: &str,
    mask: &dyn Fn(&str) -> String,
) -> Value {
    let label = |id: &String| q.spec.key_point_label(id);
    json!({
        "empathy": auto.empathy.grade, "curiosity": auto.curiosity.grade,
        "covered": auto.content.covered.iter().map(label).collect::<Vec<_>>(),
        "missed": auto.content.missed.iter().map(label).collect::<Vec<_>>(),
        "percent": (auto.score * 100.0).round() as i64,
        "evidence": auto.evidence.iter().map(|e| json!({
            "dimension": crate::web::admin::words(&e.dimension.label()), "label": e.label,
            "quote": mask(body.get(e.span.clone()).unwrap_or("")),
        })).collect::<Vec<_>>(),
    })
}

fn key_points_view(q: &ReviewQuestion, checked: &[String]) -> Vec<Value> {
    q.spec
        .rubric
        .key_points
        .iter()
        .map(|k| json!({ "id": k.id, "label": k.label, "required": k.required, "checked": checked.contains(&k.id) }))
        .collect()
}

fn render_question(
    req: &HttpRequest,
    state: &AppState,
    staff: &Staff,
    b: &Board,
    qid: &str,
    attempt: Option<Attempt>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let me = &staff.user.id;
    let Some((index, q)) = b
        .questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.spec.id == qid)
    else {
        return Err(WebError::NotFound);
    };
    let guide = crate::web::markdown::to_safe_html(answer_review::GUIDE);
    let prompt = crate::web::markdown::to_safe_html_literal(&q.spec.prompt);
    let common = json!({
        "job": { "id": b.job.id, "title": b.job.posting.title },
        "question": { "id": q.spec.id, "number": index + 1, "prompt_html": prompt, "tier": q.spec.tier },
        "question_count": b.questions.len(),
        "guide_html": guide,
    });
    let calibration = b.calibrations.iter().find(|(id, _)| id == qid);
    if q.has_exemplars() && calibration.is_none() {
        let exemplars: Vec<Value> = q
            .exemplars()
            .iter()
            .enumerate()
            .map(|(i, (_, text, _))| json!({ "index": i, "number": i + 1, "text": text, "key_points": key_points_view(q, &[]) }))
            .collect();
        let mut ctx = common;
        ctx["calibrate"] = json!(true);
        ctx["exemplars"] = json!(exemplars);
        ctx["errors"] = attempt
            .map(|a| errors_json(&a.errors))
            .unwrap_or(Value::Null);
        return Page::new(
            "pages/admin/review/question",
            &super::title("staff-title-calibrate"),
        )
        .staff(&staff.user, "home")
        .status(status)
        .render(req, state, ctx);
    }
    let calibration_view = calibration.and_then(|(_, json)| {
        let items: Vec<answer_review::CalibrationItem> = serde_json::from_str(json).ok()?;
        Some(json!({
            "summary": crate::web::admin::words(&answer_review::calibration_summary(&items)),
            "items": items.iter().map(|i| json!({
                "kind": super::words(&Message::new(if i.kind == answer_review::ExemplarKind::Strong { "staff-review-exemplar-strong" } else { "staff-review-exemplar-weak" })),
                "yours": grade_view(&i.yours, q), "agreed": grade_view(&i.agreed, q), "exact": i.distance() == 0,
            })).collect::<Vec<_>>(),
        }))
    });
    let mut ordered: Vec<&flow::ReviewAnswer> = q.answers.iter().collect();
    ordered.sort_by_key(|a| answer_review::order_key(me, &a.id));
    let graded = ordered
        .iter()
        .filter(|a| b.mine(me, &a.id).is_some())
        .count();
    let finished = graded == ordered.len();
    let next = ordered.iter().find(|a| b.mine(me, &a.id).is_none());
    let attempt_form = |answer_id: &str| {
        attempt
            .as_ref()
            .filter(|t| t.answer_id == answer_id)
            .map(|t| (errors_json(&t.errors), t.form.clone()))
    };
    let next_view = next.map(|a| {
        let (errors, form) = attempt_form(&a.id).unwrap_or((Value::Null, GradeForm::default()));
        json!({
            "id": a.id, "body": b.masked(&a.application_id, &a.body),
            "number": graded + 1,
            "key_points": key_points_view(q, &form.covered),
            "form": form, "errors": errors,
        })
    });
    let graded_view: Vec<Value> = ordered
        .iter()
        .filter_map(|a| {
            let mine = b.mine(me, &a.id)?;
            let body = b.masked(&a.application_id, &a.body);
            let mask = |s: &str| b.masked(&a.application_id, s);
            let others: Vec<Value> = if finished {
                b.of_answer(&a.id)
                    .filter(|r| &r.reviewer_id != me)
                    .map(|r| {
                        let mut v = grade_view(&r.grades(), q);
                        v["author"] = json!(b.name_of(&r.reviewer_id));
                        v["note"] = json!(r.note);
                        v
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let (errors, form) = attempt_form(&a.id).unwrap_or((
                Value::Null,
                GradeForm {
                    empathy: mine.empathy.to_string(),
                    curiosity: mine.curiosity.to_string(),
                    covered: mine.grades().covered,
                    note: mine.note.clone(),
                },
            ));
            Some(json!({
                "id": a.id, "body": body,
                "mine": grade_view(&mine.grades(), q), "note": mine.note,
                "auto": a.auto.as_ref().map(|s| auto_view(s, q, &a.body, &mask)),
                "others": others,
                "key_points": key_points_view(q, &form.covered),
                "form": form, "errors": errors,
                "open": attempt.as_ref().is_some_and(|t| t.answer_id == a.id),
            }))
        })
        .collect();
    let next_question = b
        .questions
        .iter()
        .skip(index + 1)
        .chain(b.questions.iter().take(index))
        .find(|q| q.answers.iter().any(|a| b.mine(me, &a.id).is_none()))
        .map(|q| q.spec.id.clone());
    let mut ctx = common;
    ctx["calibration"] = json!(calibration_view);
    ctx["progress"] = json!({ "graded": graded, "total": ordered.len() });
    ctx["next"] = json!(next_view);
    ctx["graded"] = json!(graded_view);
    ctx["finished"] = json!(finished);
    ctx["next_question"] = json!(next_question);
    ctx["errors"] = attempt
        .as_ref()
        .map(|a| errors_json(&a.errors))
        .unwrap_or(Value::Null);
    Page::new(
        "pages/admin/review/question",
        &super::title("staff-title-review"),
    )
    .staff(&staff.user, "home")
    .status(status)
    .render(req, state, ctx)
}

/// A reviewer grades one answer (or changes their grades of it).
pub async fn grade(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<GradeForm>,
) -> Result<HttpResponse, WebError> {
    let (job_id, qid, answer_id) = path.into_inner();
    let b = board(&state, &staff.user.id, job_id.clone()).await?;
    let Some(q) = b.questions.iter().find(|q| q.spec.id == qid).cloned() else {
        return Err(WebError::NotFound);
    };
    if !q.answers.iter().any(|a| a.id == answer_id) {
        return Err(WebError::NotFound);
    }
    let note = form.note.trim().to_string();
    let parsed = Grades::parse(
        &form.empathy,
        &form.curiosity,
        &form.covered,
        &q.key_point_ids(),
    )
    .and_then(|g| {
        if note.chars().count() > 2000 {
            Err(vec![FieldError::of(
                "note",
                Message::new("staff-error-review-note-long").count("max", 2000),
            )])
        } else {
            Ok(g)
        }
    });
    let grades = match parsed {
        Ok(g) => g,
        Err(errors) => {
            let attempt = Attempt {
                answer_id,
                errors,
                form,
            };
            return render_question(
                &req,
                &state,
                &staff,
                &b,
                &qid,
                Some(attempt),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let company = crate::web::public::company_name(&state).await?;
    let base_url = state.base_url();
    let mail_domain = state.mail_domain.clone();
    let reviewer = staff.user.id.clone();
    let job = b.job.clone();
    let aid = answer_id.clone();
    let outcome = state
        .db
        .write(move |conn| {
            let ctx = crate::web::candidate::flow::Ctx {
                base_url: &base_url,
                mail_domain: &mail_domain,
                company: &company,
            };
            flow::submit_review(
                conn,
                &ctx,
                &job,
                &reviewer,
                &q,
                &aid,
                &grades,
                &note,
                db::now(),
            )
        })
        .await
        .web_context("saving a review")?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/admin/jobs/{}/review/{qid}#answer-{answer_id}",
            b.job.id
        ))),
        Err(Refused::NotCalibrated) => {
            Ok(see_other(&format!("/admin/jobs/{}/review/{qid}", b.job.id)))
        }
        Err(Refused::NoAnswer) => Err(WebError::NotFound),
        Err(_) => Err(WebError::Forbidden),
    }
}

#[derive(Deserialize)]
pub struct CalibrationForm {
    #[serde(default)]
    empathy: Vec<String>,
    #[serde(default)]
    curiosity: Vec<String>,
    /// "index:key point id" for each ticked key point.
    #[serde(default)]
    covered: Vec<String>,
}

/// A reviewer's grades of the question's exemplars, compared on the next page.
pub async fn calibrate(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<CalibrationForm>,
) -> Result<HttpResponse, WebError> {
    let (job_id, qid) = path.into_inner();
    let b = board(&state, &staff.user.id, job_id).await?;
    let Some(q) = b.questions.iter().find(|q| q.spec.id == qid).cloned() else {
        return Err(WebError::NotFound);
    };
    let kps = q.key_point_ids();
    let count = q.exemplars().len();
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for i in 0..count {
        let covered: Vec<String> = form
            .covered
            .iter()
            .filter_map(|c| c.split_once(':'))
            .filter(|(n, _)| n.parse::<usize>().ok() == Some(i))
            .map(|(_, k)| k.to_string())
            .collect();
        let e = form.empathy.get(i).map(String::as_str).unwrap_or("");
        let c = form.curiosity.get(i).map(String::as_str).unwrap_or("");
        match Grades::parse(e, c, &covered, &kps) {
            Ok(g) => all.push(g),
            Err(errs) => {
                errors.extend(errs.into_iter().map(|f| {
                    let which = Message::new("staff-error-review-exemplar")
                        .count("number", i as i64 + 1)
                        .arg("problem", super::words(&f.words));
                    FieldError::of(f.field, which)
                }));
            }
        }
    }
    if !errors.is_empty() {
        let attempt = Attempt {
            answer_id: String::new(),
            errors,
            form: GradeForm::default(),
        };
        return render_question(
            &req,
            &state,
            &staff,
            &b,
            &qid,
            Some(attempt),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let reviewer = staff.user.id.clone();
    let jid = b.job.id.clone();
    let outcome = state
        .db
        .write(move |conn| flow::submit_calibration(conn, &jid, &reviewer, &q, all, db::now()))
        .await
        .web_context("saving a calibration")?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/admin/jobs/{}/review/{qid}#calibration",
            b.job.id
        ))),
        Err(_) => Err(WebError::Forbidden),
    }
}

/// Review mode's part of the application page: every review with its
/// author and the answer's combined score in words.
pub struct AppReviews {
    settings: ReviewSettings,
    reviews: Vec<ReviewRow>,
}

type Round = (
    db::screenings::Screening,
    crate::questionnaires::Loaded,
    Vec<db::screenings::Answer>,
    Vec<db::screenings::Override>,
);

pub async fn application_reviews(
    state: &AppState,
    job_id: &str,
    rounds: &[Round],
) -> Result<AppReviews, WebError> {
    let ids: Vec<String> = rounds
        .iter()
        .flat_map(|r| r.2.iter().map(|a| a.id.clone()))
        .collect();
    let job_id = job_id.to_string();
    let (settings, reviews) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::reviews::settings(conn, &job_id)?,
                db::reviews::for_answers(conn, &ids)?,
            ))
        })
        .await
        .web_context("reading answer reviews")?;
    Ok(AppReviews { settings, reviews })
}

impl AppReviews {
    pub fn view(
        &self,
        answer: &db::screenings::Answer,
        auto: Option<&AnswerScore>,
        spec: &crate::domain::questionnaire::QuestionSpec,
        name: &impl Fn(&str) -> String,
    ) -> Value {
        let mine: Vec<&ReviewRow> = self
            .reviews
            .iter()
            .filter(|r| r.answer_id == answer.id)
            .collect();
        if !self.settings.enabled && mine.is_empty() {
            return Value::Null;
        }
        let label = |id: &String| spec.key_point_label(id);
        let combined = auto.map(|s| flow::combined_score(s, Some(spec), &mine, &self.settings));
        let kps: Vec<String> = spec
            .rubric
            .key_points
            .iter()
            .map(|k| k.id.clone())
            .collect();
        let required: Vec<String> = spec
            .rubric
            .key_points
            .iter()
            .filter(|k| k.required)
            .map(|k| k.id.clone())
            .collect();
        json!({
            "enabled": self.settings.enabled,
            "list": mine.iter().map(|r| {
                let g = r.grades();
                let n = name(&r.reviewer_id);
                let author = if n.is_empty() { super::words(&Message::new("staff-former-team-member")) } else { n };
                let percent = auto.map(|s| (g.score(s.weights, &kps, &required) * 100.0).round() as i64);
                json!({
                    "author": author,
                    "empathy": g.empathy, "curiosity": g.curiosity,
                    "covered": g.covered.iter().map(label).collect::<Vec<_>>(),
                    "note": r.note,
                    "percent": percent,
                })
            }).collect::<Vec<_>>(),
            "formula": combined.as_ref().filter(|_| self.settings.enabled).map(|c| crate::web::admin::words(&c.words)),
            "percent": combined.filter(|_| self.settings.enabled).map(|c| (c.score * 100.0).round() as i64),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::mask_name;

    #[test]
    fn names_are_masked_whole_words_only() {
        assert_eq!(
            mask_name("Best, ANA. Anatomy of Lima's reply", "Ana Lima"),
            "Best, [candidate]. Anatomy of [candidate]'s reply"
        );
        assert_eq!(mask_name("Hi Jo", "Jo Li"), "Hi Jo");
    }
}
