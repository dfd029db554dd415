//! A candidate's copy of everything held about them (GDPR article 15 and
//! 20): their application, its history, every round of questions with the
//! answers and how they were scored and reviewed, interviews, scorecards,
//! the decision, and the emails sent to them — as one JSON document.
//! What identifies the staff (their ids) and storage internals are left
//! out; nothing about any other candidate is read.

use serde_json::{json, Value};

use crate::db::{self, DbConnection, DbError};
use crate::i18n::Message;

/// Keys that name a member of staff or a storage detail, not the candidate.
const NOT_THEIRS: &[&str] = &[
    "author_id",
    "voter_id",
    "reviewer_id",
    "created_by",
    "sent_by",
    "actor",
    "cv_file",
    "screen_rank",
    "claimed_by",
    "locked_until",
    "payload",
    "message_id",
    "attempts",
    "next_attempt_at",
    "last_error",
];

/// Everything held about the candidate of this application, or `None`
/// when there is no such application (erased, or never was).
pub fn everything_held(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Option<Value>, DbError> {
    let Some(app) = db::applications::find(conn, application_id)? else {
        return Ok(None);
    };
    let job = db::jobs::find(conn, &app.job_id)?;
    let mut rounds = Vec::new();
    for round in db::screenings::for_application(conn, &app.id)? {
        let answers = db::screenings::answers(conn, &round.id)?;
        let ids: Vec<String> = answers.iter().map(|a| a.id.clone()).collect();
        let overrides = db::screenings::overrides_for(conn, &ids)?;
        let reviews = db::reviews::for_answers(conn, &ids)?;
        let answers: Vec<Value> = answers
            .into_iter()
            .map(|a| {
                let mine = |id: &str| id == a.id;
                let mut answer = with_json_fields(json!(a), &["score_detail", "writing"]);
                answer["score_changes_by_staff"] = json!(overrides
                    .iter()
                    .filter(|o| mine(&o.answer_id))
                    .collect::<Vec<_>>());
                answer["reviews_by_staff"] = json!(reviews
                    .iter()
                    .filter(|r| mine(&r.answer_id))
                    .collect::<Vec<_>>());
                answer
            })
            .collect();
        let mut round = with_json_fields(json!(round), &["result"]);
        round["answers"] = json!(answers);
        rounds.push(round);
    }
    let emails = db::outbox::to_recipient(conn, &app.email)?;
    let mut all = json!({
        "about": Message::new("cand-export-about").text(app.locale()),
        "exported_at": db::now(),
        "job": job.map(|j| json!({ "title": j.posting.title, "address": j.slug, "closed_at": j.closed_at })),
        "retention_months": db::jobs::retention(conn, &app.job_id)?.get(),
        "history": db::applications::events(conn, &app.id)?,
        "screening_rounds": rounds,
        "interviews": db::interviews::for_application(conn, &app.id)?,
        "scorecards": db::scorecards::for_application(conn, &app.id)?,
        "votes": db::decisions::for_application(conn, &app.id)?,
        "offer": db::decisions::offer_for(conn, &app.id)?,
        "emails_to_you": emails,
        "application": app,
    });
    strip(&mut all);
    Ok(Some(all))
}

/// Some columns hold JSON as text (a score's evidence, a round's result):
/// the copy gives them as JSON, not as strings to parse again.
fn with_json_fields(mut value: Value, keys: &[&str]) -> Value {
    for key in keys {
        if let Some(Value::String(text)) = value.get(*key) {
            if let Ok(parsed) = serde_json::from_str::<Value>(text) {
                value[*key] = parsed;
            }
        }
    }
    value
}

fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|k, _| !NOT_THEIRS.contains(&k.as_str()));
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}
