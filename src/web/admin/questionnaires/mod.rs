//! The questionnaire editor (owners): the list, a form that works without
//! JavaScript (adding and removing rows are submit buttons that draw the
//! form again with everything typed kept), "Try an answer" against the
//! question as it stands, every save a new version, export and import as
//! the same TOML as the files.

use std::collections::HashMap;

use actix_multipart::form::{tempfile::TempFile, text::Text, MultipartForm};
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

mod form;

use form::{check, place, point_rows, EditorForm, LinkRow, Problems};

use super::highlight;
use crate::db::{self, DbError};
use crate::domain::questionnaire::{Part, Problem, QuestionSpec, Questionnaire};
use crate::flows::questionnaires::{self as flow, Saved, Target};
use crate::i18n::Message;
use crate::scoring::authoring::{self, QuestionCheck};
use crate::scoring::{from_domain, Dimension, Scorer};
use crate::web::csrf;
use crate::web::error::{WebContext, WebError};
use crate::web::forms::{clean_text, CsrfForm, MultipartBody};
use crate::web::render::{see_other, Page};
use crate::web::session::Owner;
use crate::web::AppState;

/// The languages a questionnaire can be written in.
const LANGUAGES: [&str; 2] = ["en", "fr"];

/// Largest TOML text an import takes.
const MAX_IMPORT_BYTES: usize = 512 * 1024;

// ------------------------------------------------------------ the views

/// What "Try an answer" shows: the score and its evidence, unsaved.
fn try_view(q: &Questionnaire, spec: &QuestionSpec, answer: &str) -> Value {
    let question = from_domain::question(q, spec);
    let s = Scorer::shared().score(&question, answer);
    let label_of = |id: &String| {
        spec.rubric
            .key_points
            .iter()
            .find(|k| &k.id == id)
            .map(|k| k.label.clone())
            .unwrap_or_else(|| id.clone())
    };
    let quotes_for = |label: &str| -> Vec<String> {
        s.evidence
            .iter()
            .filter(|e| e.dimension == Dimension::Content && e.label.contains(label))
            .filter_map(|e| answer.get(e.span.clone()).map(String::from))
            .collect()
    };
    json!({
        "percent": (s.score * 100.0).round() as i64,
        "empathy": s.empathy.grade,
        "curiosity": s.curiosity.grade,
        "content": s.content.share.map(|c| (c * 100.0).round() as i64),
        "capped": s.capped,
        "covered": s.content.covered.iter().map(|id| {
            let label = label_of(id);
            json!({ "label": label, "words": quotes_for(&label) })
        }).collect::<Vec<_>>(),
        "missed": s.content.missed.iter().map(|id| json!({
            "label": label_of(id),
            "why": s.content.miss_reasons.get(id),
            "required": s.content.required_missed.contains(id),
        })).collect::<Vec<_>>(),
        "tone": s.tone.iter().map(|t| crate::web::admin::words(&t.label())).collect::<Vec<_>>(),
        "segments": highlight::segments(answer, &s.evidence),
        "evidence": s.evidence.iter().map(|e| json!({
            "dimension": crate::web::admin::words(&e.dimension.label()),
            "label": e.label,
            "quote": answer.get(e.span.clone()).unwrap_or(""),
            "weight": format!("{:+.2}", e.weight),
        })).collect::<Vec<_>>(),
    })
}

fn field(name: String, value: &str, errors: &HashMap<&str, Vec<&str>>) -> Value {
    let error = errors.get(name.as_str()).map(|m| m.join(" "));
    json!({ "name": name, "value": value, "error": error })
}

fn link_views(rows: &[LinkRow], prefix: &str, errors: &HashMap<&str, Vec<&str>>) -> Vec<Value> {
    rows.iter()
        .enumerate()
        .map(|(i, l)| {
            let p = format!("{prefix}link-{i}");
            json!({
                "index": i,
                "label": field(format!("{p}-label"), &l.label, errors),
                "url": field(format!("{p}-url"), &l.url, errors),
            })
        })
        .collect()
}

/// Whether the strong exemplars cover each key point and the weak ones
/// miss it, and which key points are too vague, by (question, key point).
fn point_checks(checks: &[QuestionCheck]) -> HashMap<(&str, &str), &authoring::PointCheck> {
    let mut out = HashMap::new();
    for qc in checks {
        for p in &qc.points {
            out.insert((qc.question_id.as_str(), p.key_point_id.as_str()), p);
        }
    }
    out
}

struct EditorView<'a> {
    form: &'a EditorForm,
    /// The stored questionnaire being edited, `None` for a new one.
    id: Option<&'a str>,
    problems: &'a Problems,
    /// The authoring checks of the form as it stands.
    checks: &'a [QuestionCheck],
    /// Warnings (not blocking a save), by field.
    warnings: Vec<(String, String)>,
    /// The question whose "Try an answer" was pressed.
    tried: Option<usize>,
    notice: Option<&'a str>,
}

fn editor_context(v: &EditorView<'_>) -> Value {
    let errors = v.problems.by_field();
    let (q, _) = v.form.to_questionnaire(v.id.unwrap_or("draft"), 1);
    let checks = point_checks(v.checks);
    let warnings_by_field: HashMap<&str, Vec<&str>> = {
        let mut m: HashMap<&str, Vec<&str>> = HashMap::new();
        for (f, w) in &v.warnings {
            m.entry(f.as_str()).or_default().push(w.as_str());
        }
        m
    };
    let questions: Vec<Value> = v
        .form
        .questions
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let p = format!("q-{i}");
            let spec = q.questions.get(i);
            let rows = point_rows(row);
            let points: Vec<Value> = row
                .points
                .iter()
                .enumerate()
                .map(|(j, k)| {
                    let pp = format!("{p}-kp-{j}");
                    let stored = rows
                        .iter()
                        .position(|r| *r == j)
                        .and_then(|n| spec.and_then(|s| s.rubric.key_points.get(n)));
                    let check = stored.and_then(|kp| {
                        spec.and_then(|s| checks.get(&(s.id.as_str(), kp.id.as_str())))
                    });
                    json!({
                        "index": j,
                        "prefix": pp,
                        "id": k.id,
                        "label": field(format!("{pp}-label"), &k.label, &errors),
                        "required": k.required,
                        "examples": field(format!("{pp}-examples"), &k.examples, &errors),
                        "phrasings": field(format!("{pp}-phrasings"), &k.phrasings, &errors),
                        "warnings": warnings_by_field.get(format!("{pp}-label").as_str()),
                        "check": check.map(|c| json!({
                            "strong": c.strong.iter().enumerate().map(|(n, b)| json!({"n": n + 1, "ok": *b})).collect::<Vec<_>>(),
                            "weak": c.weak.iter().enumerate().map(|(n, b)| json!({"n": n + 1, "ok": !*b})).collect::<Vec<_>>(),
                            "strong_all": !c.strong.is_empty() && c.strong.iter().all(|b| *b),
                            "weak_none": c.weak.iter().all(|b| !*b),
                            "has_strong": !c.strong.is_empty(),
                            "has_weak": !c.weak.is_empty(),
                            "vague": c.vague,
                        })),
                    })
                })
                .collect();
            let tried = (v.tried == Some(i)).then(|| {
                spec.map(|s| try_view(&q, s, row.try_answer.trim()))
            });
            json!({
                "index": i,
                "number": i + 1,
                "prefix": p,
                "id": row.id,
                "tier": field(format!("{p}-tier"), &row.tier, &errors),
                "tiers": (1..=3).map(|t| json!({"value": t, "selected": row.tier.trim() == t.to_string()})).collect::<Vec<_>>(),
                "prompt": field(format!("{p}-prompt"), &row.prompt, &errors),
                "minutes": field(format!("{p}-minutes"), &row.minutes, &errors),
                "empathy": field(format!("{p}-empathy"), &row.empathy, &errors),
                "curiosity": field(format!("{p}-curiosity"), &row.curiosity, &errors),
                "content": field(format!("{p}-content"), &row.content, &errors),
                "links": link_views(&row.links, &format!("{p}-"), &errors),
                "points": points,
                "strong": field(format!("{p}-strong"), &row.strong, &errors),
                "weak": field(format!("{p}-weak"), &row.weak, &errors),
                "try": field(format!("{p}-try"), &row.try_answer, &errors),
                "warnings": warnings_by_field.get(format!("{p}-prompt").as_str()),
                "tried": tried.flatten(),
                "try_empty": v.tried == Some(i) && row.try_answer.trim().is_empty(),
            })
        })
        .collect();
    let action = match v.id {
        Some(id) => format!("/admin/questionnaires/{id}"),
        None => "/admin/questionnaires".into(),
    };
    json!({
        "action": action,
        "id": v.id,
        "is_new": v.id.is_none(),
        "title_field": field("title".into(), &v.form.title, &errors),
        "description": field("description".into(), &v.form.description, &errors),
        "language_error": errors.get("language").map(|m| m.join(" ")),
        "languages": LANGUAGES.iter().map(|c| json!({"value": c, "label": crate::web::public::view::language_name(super::STAFF, c), "selected": v.form.language == *c})).collect::<Vec<_>>(),
        "links": link_views(&v.form.links, "", &errors),
        "questions": questions,
        "questions_error": errors.get("add-question").map(|m| m.join(" ")),
        "problems": v.problems.list.iter().map(|(f, m)| json!({"field": if f.is_empty() { "editor" } else { f.as_str() }, "message": m})).collect::<Vec<_>>(),
        "warnings": v.warnings.iter().map(|(f, m)| json!({"field": f, "message": m})).collect::<Vec<_>>(),
        "notice": v.notice,
    })
}

/// The authoring checks of the form as it stands and their warnings
/// (vague key points, exemplars that disagree), placed next to their fields.
fn warnings_for(
    form: &EditorForm,
    q: &Questionnaire,
    source: &str,
) -> (Vec<QuestionCheck>, Vec<(String, String)>) {
    let checks = authoring::check(q);
    let warnings = authoring::warnings_of(&checks, source)
        .iter()
        .map(|p| {
            let (field, message) = place(p, q, form);
            (field, super::words(&message))
        })
        .collect();
    (checks, warnings)
}

async fn versions_context(state: &AppState, id: &str) -> Result<Value, WebError> {
    let qid = id.to_string();
    let (versions, users) = state
        .db
        .read(move |conn| {
            Ok::<_, DbError>((
                db::authored_questionnaires::versions(conn, &qid)?,
                db::users::list(conn)?,
            ))
        })
        .await
        .web_context("listing a questionnaire's versions")?;
    Ok(json!(versions
        .iter()
        .map(|v| json!({
            "version": v.version,
            "saved_on": v.saved_at.format("%-d %b %Y %H:%M").to_string(),
            "by": users.iter().find(|u| u.id == v.saved_by).map(|u| u.name.clone()).unwrap_or_default(),
        }))
        .collect::<Vec<_>>()))
}

#[allow(clippy::too_many_arguments)]
async fn render_editor(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    view: EditorView<'_>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let mut ctx = editor_context(&view);
    if let Some(id) = view.id {
        ctx["versions"] = versions_context(state, id).await?;
    }
    let title = super::title(if view.id.is_some() {
        "staff-questionnaire-editor-title-edit"
    } else {
        "staff-questionnaire-editor-title-new"
    });
    Page::new("pages/admin/questionnaire_editor", &title)
        .staff(owner.user(), "questionnaires")
        .status(status)
        .render(req, state, ctx)
}

// ------------------------------------------------------------ handlers

pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
) -> Result<HttpResponse, WebError> {
    let (latest, users) = state
        .db
        .read(|conn| {
            Ok::<_, DbError>((
                db::authored_questionnaires::latest_all(conn)?,
                db::users::list(conn)?,
            ))
        })
        .await
        .web_context("listing questionnaires")?;
    let own: Vec<Value> = latest
        .iter()
        .map(|v| {
            let q = Questionnaire::parse(&v.source).ok();
            json!({
                "id": v.questionnaire_id,
                "title": q.as_ref().map(|q| q.title.clone()).unwrap_or_else(|| v.questionnaire_id.clone()),
                "language": q.as_ref().and_then(|q| crate::domain::job::language_name(&q.language)),
                "questions": q.as_ref().map(|q| q.questions.len()),
                "version": v.version,
                "saved_on": v.saved_at.format("%-d %b %Y").to_string(),
                "by": users.iter().find(|u| u.id == v.saved_by).map(|u| u.name.clone()).unwrap_or_default(),
            })
        })
        .collect();
    let shipped: Vec<Value> = state
        .questionnaires
        .all()
        .iter()
        .map(|l| {
            let q = &l.questionnaire;
            json!({
                "id": q.id,
                "title": q.title,
                "language": crate::domain::job::language_name(&q.language),
                "questions": q.questions.len(),
                "version": q.version,
            })
        })
        .collect();
    Page::new(
        "pages/admin/questionnaires",
        &super::title("staff-questionnaires-title"),
    )
    .staff(owner.user(), "questionnaires")
    .render(&req, &state, json!({ "own": own, "shipped": shipped }))
}

#[derive(Deserialize)]
pub struct NewQuery {
    from: Option<String>,
}

pub async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, WebError> {
    let form = match &query.from {
        Some(from) => {
            let loaded = state.questionnaires.get(from).ok_or(WebError::NotFound)?;
            let mut form = EditorForm::from_questionnaire(&loaded.questionnaire);
            form.title = super::words(
                &Message::new("staff-questionnaire-copy-title").arg("title", &form.title),
            );
            form
        }
        None => EditorForm::blank(),
    };
    let problems = Problems::default();
    let (q, source, _) = check(&form, "draft", 1);
    let (checks, warnings) = warnings_for(&form, &q, &source);
    render_editor(
        &req,
        &state,
        &owner,
        EditorView {
            form: &form,
            id: None,
            problems: &problems,
            checks: &checks,
            warnings,
            tried: None,
            notice: None,
        },
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct EditQuery {
    version: Option<i32>,
    saved: Option<String>,
    imported: Option<String>,
}

pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    query: web::Query<EditQuery>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let (qid, version) = (id.clone(), query.version);
    let stored = state
        .db
        .read(move |conn| db::authored_questionnaires::find(conn, &qid, version))
        .await
        .web_context("reading a questionnaire")?
        .ok_or(WebError::NotFound)?;
    let q = Questionnaire::parse(&stored.source)
        .map_err(|p| WebError::Internal(format!("stored questionnaire {id}: {:?}", p.first())))?;
    let form = EditorForm::from_questionnaire(&q);
    let notice = if query.saved.is_some() {
        Some("staff-notice-questionnaire-saved")
    } else if query.imported.is_some() {
        Some("staff-notice-questionnaire-imported")
    } else if query.version.is_some() {
        Some("staff-notice-questionnaire-earlier-version")
    } else {
        None
    }
    .map(|key| super::words(&Message::new(key)));
    let problems = Problems::default();
    let (checks, warnings) = warnings_for(&form, &q, &stored.source);
    render_editor(
        &req,
        &state,
        &owner,
        EditorView {
            form: &form,
            id: Some(&id),
            problems: &problems,
            checks: &checks,
            warnings,
            tried: None,
            notice: notice.as_deref(),
        },
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    submit(&req, &state, &owner, None, &pairs).await
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    id: web::Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let qid = id.clone();
    let exists = state
        .db
        .read(move |conn| db::authored_questionnaires::exists(conn, &qid))
        .await
        .web_context("finding a questionnaire")?;
    if !exists {
        return Err(WebError::NotFound);
    }
    submit(&req, &state, &owner, Some(&id), &pairs).await
}

/// One press of a button of the editor: add or remove a row, try an
/// answer, or save.
async fn submit(
    req: &HttpRequest,
    state: &AppState,
    owner: &Owner,
    id: Option<&str>,
    pairs: &[(String, String)],
) -> Result<HttpResponse, WebError> {
    let mut form = EditorForm::from_pairs(pairs);
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.as_str())
        .unwrap_or("save");
    let no_problems = Problems::default();
    if form.apply(action) {
        let (q, source, _) = check(&form, id.unwrap_or("draft"), 1);
        let (checks, warnings) = warnings_for(&form, &q, &source);
        return render_editor(
            req,
            state,
            owner,
            EditorView {
                form: &form,
                id,
                problems: &no_problems,
                checks: &checks,
                warnings,
                tried: None,
                notice: None,
            },
            StatusCode::OK,
        )
        .await;
    }
    let (q, source, problems) = check(&form, id.unwrap_or("draft"), 1);
    let (checks, warnings) = warnings_for(&form, &q, &source);
    if let Some(i) = action
        .strip_prefix("try-")
        .and_then(|i| i.parse::<usize>().ok())
    {
        // Scored as the form stands, problems or not: nothing is saved.
        return render_editor(
            req,
            state,
            owner,
            EditorView {
                form: &form,
                id,
                problems: &problems,
                checks: &checks,
                warnings,
                tried: Some(i),
                notice: None,
            },
            StatusCode::OK,
        )
        .await;
    }
    if !problems.is_empty() {
        return render_editor(
            req,
            state,
            owner,
            EditorView {
                form: &form,
                id,
                problems: &problems,
                checks: &checks,
                warnings,
                tried: None,
                notice: None,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let files = state.questionnaires.clone();
    let target = match id {
        Some(id) => Target::Existing(id.to_string()),
        None => Target::New,
    };
    let actor = owner.user().id.clone();
    let saved = state
        .db
        .write(move |conn| flow::save_version(conn, &files, &q, &target, &actor, db::now()))
        .await
        .web_context("saving a questionnaire")?;
    match saved {
        Saved::Version { id, .. } => Ok(see_other(&format!(
            "/admin/questionnaires/{id}/edit?saved=1"
        ))),
        Saved::Refused(found) => {
            let (q, _) = form.to_questionnaire(id.unwrap_or("draft"), 1);
            let mut problems = Problems::default();
            for p in found {
                let (field, message) = place(&p, &q, &form);
                problems.add(field, message);
            }
            render_editor(
                req,
                state,
                owner,
                EditorView {
                    form: &form,
                    id,
                    problems: &problems,
                    checks: &checks,
                    warnings,
                    tried: None,
                    notice: None,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct ExportQuery {
    version: Option<i32>,
}

/// The TOML of a questionnaire (written in the app, or a file), as a
/// download: the same format `rapport questionnaire check` reads.
pub async fn export(
    state: web::Data<AppState>,
    _owner: Owner,
    id: web::Path<String>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let (qid, version) = (id.clone(), query.version);
    let stored = state
        .db
        .read(move |conn| db::authored_questionnaires::find(conn, &qid, version))
        .await
        .web_context("reading a questionnaire")?;
    let (source, version) = match stored {
        Some(v) => (v.source, v.version),
        None => {
            let l = state.questionnaires.get(&id).ok_or(WebError::NotFound)?;
            (l.source.clone(), l.questionnaire.version as i32)
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("application/toml; charset=utf-8")
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!("{id}-v{version}.toml"))],
        })
        .body(source))
}

fn import_context(
    own: &[(String, String)],
    source: &str,
    target: &str,
    problems: &[Problem],
) -> Value {
    json!({
        "source": source,
        "targets": own.iter().map(|(id, title)| json!({"id": id, "title": title, "selected": target == id})).collect::<Vec<_>>(),
        "problems": problems.iter().map(|p| p.text(super::STAFF)).collect::<Vec<_>>(),
    })
}

async fn own_titles(state: &AppState) -> Result<Vec<(String, String)>, WebError> {
    let latest = state
        .db
        .read(db::authored_questionnaires::latest_all)
        .await
        .web_context("listing questionnaires")?;
    Ok(latest
        .iter()
        .map(|v| {
            let title = Questionnaire::parse(&v.source)
                .map(|q| q.title)
                .unwrap_or_default();
            (v.questionnaire_id.clone(), title)
        })
        .collect())
}

#[derive(Deserialize)]
pub struct ImportQuery {
    into: Option<String>,
}

pub async fn import_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    query: web::Query<ImportQuery>,
) -> Result<HttpResponse, WebError> {
    let own = own_titles(&state).await?;
    Page::new(
        "pages/admin/questionnaire_import",
        &super::title("staff-questionnaire-import-title"),
    )
    .staff(owner.user(), "questionnaires")
    .render(
        &req,
        &state,
        import_context(&own, "", query.into.as_deref().unwrap_or(""), &[]),
    )
}

#[derive(MultipartForm)]
pub struct ImportForm {
    csrf_token: Option<Text<String>>,
    source: Option<Text<String>>,
    target: Option<Text<String>>,
    #[multipart(limit = "512KB")]
    file: Option<TempFile>,
}

/// Imports pasted or uploaded TOML as a new questionnaire or a new version.
pub async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    owner: Owner,
    MultipartBody(form): MultipartBody<ImportForm>,
) -> Result<HttpResponse, WebError> {
    let text = |t: &Option<Text<String>>| t.as_ref().map(|t| clean_text(&t.0)).unwrap_or_default();
    if !csrf::is_valid(&req, &state, &text(&form.csrf_token)) {
        return Err(WebError::Csrf);
    }
    let target_id = text(&form.target);
    let mut source = text(&form.source);
    if let Some(file) = form.file.as_ref().filter(|f| f.size > 0) {
        if file.size > MAX_IMPORT_BYTES {
            return Err(WebError::BadRequest(
                Message::new("staff-error-questionnaire-file-large")
                    .count("kb", (MAX_IMPORT_BYTES / 1024) as i64),
            ));
        }
        let bytes = std::fs::read(file.file.path())
            .map_err(|e| WebError::Internal(format!("reading an upload: {e}")))?;
        source = clean_text(&String::from_utf8_lossy(&bytes));
    }
    let own = own_titles(&state).await?;
    let target = if target_id.is_empty() || target_id == "new" {
        Target::New
    } else if own.iter().any(|(id, _)| *id == target_id) {
        Target::Existing(target_id.clone())
    } else {
        return Err(WebError::BadRequest(Message::new(
            "staff-error-questionnaire-unknown",
        )));
    };
    let problems = if source.trim().is_empty() {
        vec![Problem::new(
            None,
            Message::new("staff-error-questionnaire-import-empty"),
            Message::new("staff-error-questionnaire-import-empty-fix"),
            Part::File,
        )]
    } else {
        let files = state.questionnaires.clone();
        let actor = owner.user().id.clone();
        let text = source.clone();
        let saved = state
            .db
            .write(move |conn| flow::import_toml(conn, &files, &text, &target, &actor, db::now()))
            .await
            .web_context("importing a questionnaire")?;
        match saved {
            Saved::Version { id, .. } => {
                return Ok(see_other(&format!(
                    "/admin/questionnaires/{id}/edit?imported=1"
                )))
            }
            Saved::Refused(p) => p,
        }
    };
    Page::new(
        "pages/admin/questionnaire_import",
        &super::title("staff-questionnaire-import-title"),
    )
    .staff(owner.user(), "questionnaires")
    .status(StatusCode::UNPROCESSABLE_ENTITY)
    .render(
        &req,
        &state,
        import_context(&own, &source, &target_id, &problems),
    )
}
