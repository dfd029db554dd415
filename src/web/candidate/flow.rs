//! What happens when a candidate applies, opens a round of questions and
//! submits it. Each function runs on the caller's connection inside one
//! transaction: the change, its history and the emails it causes commit
//! together or not at all.

use std::sync::Arc;

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

use crate::db::applications::{ApplicationRow, StageMove, StoredCv};
use crate::db::job_screening::ScreeningSettings;
use crate::db::screenings::Screening;
use crate::db::{self, DbConnection, DbError};
use crate::domain::application::{NewApplication, Stage};
use crate::domain::job::Job;
use crate::domain::screening;
use crate::flows::questionnaires::Version;
use crate::i18n::Locale;
use crate::mail::{self, EmailKind};
use crate::questionnaires::{Library, Loaded};
use crate::scoring::spelling::Writing;
use crate::scoring::{
    from_domain, questionnaire_result, screen_result, AnswerScore, Scorer, ScreenResult, Tier,
    SCORER_VERSION,
};
use crate::security::token;

use super::writing::CoverLetterCheck;

/// What the flow needs to know about the instance.
pub struct Ctx<'a> {
    pub base_url: &'a str,
    pub mail_domain: &'a str,
    pub company: &'a str,
}

#[derive(Serialize)]
struct CandidateEmail<'a> {
    name: &'a str,
    job_title: &'a str,
    company: &'a str,
    link: Option<String>,
    expires_on: Option<String>,
    tiers: Option<String>,
    /// The candidate applied again with the same address: nothing new was
    /// created and this is their existing application's link.
    again: bool,
    /// The link opens screening questions (otherwise the status page).
    questions: bool,
    /// The application's language: the email is written in it.
    locale: crate::i18n::Locale,
}

/// At most this many personal links are emailed per application in
/// `LINK_WINDOW_MINUTES`, so repeating a form cannot flood a mailbox.
pub const MAX_LINKS_PER_WINDOW: i64 = 3;
pub const LINK_WINDOW_MINUTES: i64 = 15;

/// The questionnaire a candidate gets: the first of the job's that is in
/// one of their languages, else the job's first.
pub fn pick_questionnaire<'a>(
    settings: &ScreeningSettings,
    library: &'a Library,
    languages: &[String],
) -> Option<&'a Loaded> {
    let available: Vec<&Loaded> = settings
        .questionnaire_ids
        .iter()
        .filter_map(|id| library.get(id))
        .collect();
    available
        .iter()
        .find(|l| languages.contains(&l.questionnaire.language))
        .or(available.first())
        .copied()
}

/// The tiers this job screens that the questionnaire has questions for.
fn screened_tiers(job: &Job, loaded: &Loaded) -> Vec<u8> {
    job.posting
        .tier_mix
        .screened_tiers()
        .into_iter()
        .filter(|t| loaded.questionnaire.questions.iter().any(|q| q.tier == *t))
        .collect()
}

/// A new personal link for an application.
fn new_link(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    application_id: &str,
    days: i32,
    now: NaiveDateTime,
) -> Result<(String, NaiveDateTime), DbError> {
    let raw = token::random_token();
    let expires = now + Duration::days(i64::from(days.max(1)));
    db::candidate_access::create_link(
        conn,
        application_id,
        &token::hash_token(&raw),
        now,
        expires,
    )?;
    Ok((format!("{}/c/{raw}", ctx.base_url), expires))
}

pub enum Applied {
    New(ApplicationRow),
    /// This address already applied: the existing application, which was
    /// emailed a fresh personal link (unless too many were sent just now).
    Duplicate(ApplicationRow),
}

/// Whether applying with these languages starts screening questions: the
/// same answer for a first and a repeated application, so the thank-you
/// page cannot tell them apart.
pub fn has_questions(
    job: &Job,
    settings: &ScreeningSettings,
    library: &Library,
    languages: &[String],
) -> bool {
    pick_questionnaire(settings, library, languages).is_some_and(|loaded| {
        !screening::first_round(&screened_tiers(job, loaded), settings.all_tiers_at_once).is_empty()
    })
}

/// Stores an application, starts its first round of questions when the job
/// has a questionnaire, and queues the confirmation email; everything,
/// the cover letter's spelling too, in the caller's transaction (see
/// [`plan_apply`] for the pages' way, with the work done before it).
#[allow(clippy::too_many_arguments)]
pub fn apply(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    library: &Library,
    new: &NewApplication,
    cv: Option<StoredCv>,
    now: NaiveDateTime,
) -> Result<Applied, DbError> {
    let cover_letter = cover_letter_of(job, new);
    apply_with(
        conn,
        ctx,
        job,
        settings,
        library,
        new,
        cv,
        &cover_letter,
        Locale::ENGLISH,
        now,
    )
}

/// A new application's cover letter spelling: no questionnaire sent yet,
/// so the words known are the job's and the candidate's name.
fn cover_letter_of(job: &Job, new: &NewApplication) -> Writing {
    CoverLetterCheck::new(job, new.name.as_str(), &new.cover_letter, &[]).writing
}

/// What applying works out before its write transaction, from reads: the
/// job's screening, the questionnaires it picks from and the cover
/// letter's spelling. SQLite has one writer, so whatever is computed
/// inside the write transaction makes every other candidate wait.
pub struct ApplyPlan {
    settings: ScreeningSettings,
    stamp: Vec<(String, i32)>,
    library: Library,
    cover_letter: Writing,
    /// The language of the form the candidate applied with.
    page_locale: Locale,
}

impl ApplyPlan {
    /// The language of the form the candidate applied with: theirs, unless
    /// the questionnaire they get is in another (English by default).
    pub fn in_language(mut self, locale: Locale) -> Self {
        self.page_locale = locale;
        self
    }
}

/// Reads and computes an [`ApplyPlan`] (no transaction needed: what can
/// change before the write is checked again there).
pub fn plan_apply(
    conn: &mut DbConnection,
    files: &Library,
    job: &Job,
    new: &NewApplication,
) -> Result<ApplyPlan, DbError> {
    let settings = db::job_screening::get(conn, &job.id)?;
    // The stamp before the library: a save in between makes the stamp
    // older than the library, and the write then rebuilds it.
    let stamp = crate::flows::questionnaires::library_stamp(conn)?;
    let library = crate::flows::questionnaires::library(conn, files)?;
    Ok(ApplyPlan {
        settings,
        stamp,
        library,
        cover_letter: cover_letter_of(job, new),
        page_locale: Locale::ENGLISH,
    })
}

/// [`apply`] in the write transaction from a plan: the screening settings
/// and the latest questionnaire versions are read again, and when either
/// changed since the plan, the library is built again here, so the
/// candidate gets what the job asks for at the moment they are stored.
/// Returns whether questions were (or, for a repeat, would be) sent.
#[allow(clippy::too_many_arguments)]
pub fn apply_planned(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    files: &Library,
    plan: ApplyPlan,
    new: &NewApplication,
    cv: Option<StoredCv>,
    now: NaiveDateTime,
) -> Result<(Applied, bool), DbError> {
    let settings = db::job_screening::get(conn, &job.id)?;
    let stamp = crate::flows::questionnaires::library_stamp(conn)?;
    let library = if settings == plan.settings && stamp == plan.stamp {
        plan.library
    } else {
        crate::flows::questionnaires::library(conn, files)?
    };
    let languages: Vec<String> = new.languages.iter().map(|l| l.code.clone()).collect();
    let questions = has_questions(job, &settings, &library, &languages);
    let applied = apply_with(
        conn,
        ctx,
        job,
        &settings,
        &library,
        new,
        cv,
        &plan.cover_letter,
        plan.page_locale,
        now,
    )?;
    Ok((applied, questions))
}

#[allow(clippy::too_many_arguments)]
fn apply_with(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    library: &Library,
    new: &NewApplication,
    cv: Option<StoredCv>,
    cover_letter: &Writing,
    page_locale: Locale,
    now: NaiveDateTime,
) -> Result<Applied, DbError> {
    let langs: Vec<String> = new.languages.iter().map(|l| l.code.clone()).collect();
    let picked = pick_questionnaire(settings, library, &langs);
    // The candidate's language from now on (pages and emails, this
    // confirmation first): their questionnaire's, else their form's.
    let locale = picked
        .and_then(|l| Locale::parse(&l.questionnaire.language))
        .unwrap_or(page_locale);
    let Some(mut app) = db::applications::insert_in(conn, &job.id, new, cv, locale, now)? else {
        let existing = db::applications::find_by_job_email(conn, &job.id, new.email.as_str())?
            .ok_or_else(|| DbError::Corrupt("duplicate application vanished".into()))?;
        // Whoever applied gets the same answer; the real applicant gets
        // their own link by email, so only they learn they had applied.
        send_link(conn, ctx, job, settings, &existing, true, now)?;
        return Ok(Applied::Duplicate(existing));
    };
    // The cover letter's spelling, for the table before any screen.
    super::writing::store(conn, &app.id, std::slice::from_ref(cover_letter))?;
    let mut email = CandidateEmail {
        name: new.name.as_str(),
        job_title: &job.posting.title,
        company: ctx.company,
        link: None,
        expires_on: None,
        tiers: None,
        again: false,
        questions: false,
        locale: app.locale(),
    };
    if let Some(loaded) = picked {
        let tiers = screened_tiers(job, loaded);
        let round = screening::first_round(&tiers, settings.all_tiers_at_once);
        if !round.is_empty() {
            let version = db::questionnaire_versions::ensure(conn, loaded, now)?;
            db::screenings::create(conn, &app.id, &version, &round, now)?;
            let moved = db::applications::move_stage(
                conn,
                &app.id,
                Stage::Applied,
                Stage::Screening,
                "system",
                "screening questions sent",
                now,
            )?;
            // The row as it now is, without reading it again.
            if moved {
                app.stage = Stage::Screening.as_str().to_string();
                app.updated_at = now;
            }
            email.questions = true;
        }
    }
    // Every applicant gets a personal link: to the questions when there
    // are some, and always to the status page promised by the consent
    // (where they can withdraw or erase their data).
    let (link, expires) = new_link(conn, ctx, &app.id, settings.answer_days, now)?;
    email.link = Some(link);
    // The language as stored with the application, read when queued.
    email.locale = app.locale();
    email.expires_on = Some(crate::mail::candidate::day_for_candidate(
        expires,
        &new.timezone,
        email.locale,
    ));
    mail::queue(
        conn,
        EmailKind::ApplicationReceived,
        &app.email,
        &email,
        ctx.mail_domain,
    )?;
    Ok(Applied::New(app))
}

/// Sends a fresh personal link to an application's candidate.
pub fn resend_link(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    app: &ApplicationRow,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    send_link(conn, ctx, job, settings, app, false, now)
}

/// Emails a fresh personal link. For a repeated application (`again`),
/// not when `MAX_LINKS_PER_WINDOW` were already minted for this
/// application in the last minutes: the earlier emails are on their way,
/// and re-posting the form must not flood the applicant's mailbox. (The
/// "send my link again" form has limits of its own at its edge.)
fn send_link(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    app: &ApplicationRow,
    again: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    if app.erased_at.is_some() {
        return Ok(());
    }
    let since = now - Duration::minutes(LINK_WINDOW_MINUTES);
    if again
        && db::candidate_access::links_created_since(conn, &app.id, since)? >= MAX_LINKS_PER_WINDOW
    {
        return Ok(());
    }
    let (link, expires) = new_link(conn, ctx, &app.id, settings.answer_days, now)?;
    let email = CandidateEmail {
        name: &app.name,
        job_title: &job.posting.title,
        company: ctx.company,
        link: Some(link),
        expires_on: Some(crate::mail::candidate::day_for_candidate(
            expires,
            &app.timezone,
            app.locale(),
        )),
        tiers: None,
        again,
        questions: false,
        locale: app.locale(),
    };
    mail::queue(
        conn,
        EmailKind::CandidateLink,
        &app.email,
        &email,
        ctx.mail_domain,
    )?;
    Ok(())
}

/// The latest round of an application, if any.
pub fn current_round(
    conn: &mut DbConnection,
    application_id: &str,
) -> Result<Option<Screening>, DbError> {
    Ok(db::screenings::for_application(conn, application_id)?.pop())
}

pub enum Submitted {
    /// Scored; `next_round` when the next tier's questions were sent.
    Scored { passed: bool, next_round: bool },
    /// This round was already submitted: nothing changed.
    AlreadySubmitted,
}

/// The scores that count for one round's `answers`: the latest reviewer
/// override, else the automatic one.
fn round_final_scores(
    conn: &mut DbConnection,
    job_id: &str,
    round: &Screening,
    answers: &[db::screenings::Answer],
) -> Result<Vec<(Tier, f64)>, DbError> {
    let ids: Vec<String> = answers.iter().map(|a| a.id.clone()).collect();
    let overrides = db::screenings::overrides_for(conn, &ids)?;
    // In review mode people's reviews combine with the automatic score.
    let reviews = crate::flows::review::reviews_counting(conn, job_id, &ids)?;
    let version = match &reviews {
        Some(_) => Some(crate::flows::questionnaires::version(
            conn,
            &round.questionnaire_version_id,
        )?),
        None => None,
    };
    let mut out = Vec::new();
    for a in answers {
        let auto: Option<AnswerScore> = a
            .score_detail
            .as_deref()
            .and_then(|d| serde_json::from_str(d).ok());
        let Some(auto) = auto else { continue };
        let combined = reviews.as_ref().map(|(settings, by_answer)| {
            let spec = version.as_ref().and_then(|v| {
                v.loaded
                    .questionnaire
                    .questions
                    .iter()
                    .find(|q| q.id == a.question_id)
            });
            let mine: Vec<&crate::db::reviews::ReviewRow> = by_answer
                .get(&a.id)
                .map(|v| v.iter().collect())
                .unwrap_or_default();
            crate::flows::review::combined_score(&auto, spec, &mine, settings).score
        });
        // An owner's override is the last word, over reviews too.
        let score = overrides
            .iter()
            .find(|o| o.answer_id == a.id)
            .map(|o| o.score)
            .or(combined)
            .unwrap_or(auto.score);
        out.push((auto.tier, score));
    }
    Ok(out)
}

/// The scores that count for a round whose answers were all created in
/// this transaction: no override or review can name them yet, so only
/// whether the job is in review mode is read, and the scores come from
/// the plan rather than from the rows just written.
fn fresh_round_scores(
    conn: &mut DbConnection,
    job_id: &str,
    plan: &SubmitPlan,
) -> Result<Vec<(Tier, f64)>, DbError> {
    let settings = db::reviews::settings(conn, job_id)?;
    if !settings.enabled {
        return Ok(plan
            .answers
            .iter()
            .map(|a| (a.tier, a.score_read))
            .collect());
    }
    // Review mode combines each automatic score, as stored, with no
    // review yet: the detail is read back exactly as a later recompute will.
    let questions = &plan.version.loaded.questionnaire.questions;
    let mut out = Vec::new();
    for a in &plan.answers {
        let Ok(auto) = serde_json::from_str::<AnswerScore>(&a.detail) else {
            continue;
        };
        let spec = questions.iter().find(|q| q.id == a.question_id);
        let score = crate::flows::review::combined_score(&auto, spec, &[], &settings).score;
        out.push((auto.tier, score));
    }
    Ok(out)
}

/// What a submission has just worked out, so the screen is recomputed
/// without reading it back: the cover letter's spelling (used while the
/// rounds' versions are the ones it was checked against) and the round
/// just closed, unless drafts of it were updated.
struct JustSubmitted<'a> {
    cover_letter: &'a CoverLetterCheck,
    round: Option<FreshRound<'a>>,
    /// The job's screening settings, as the submission read them.
    settings: &'a ScreeningSettings,
    /// The screen is over: the application moves from screening to review
    /// in the write that stores its result (its row and indexes change
    /// once, not twice).
    to_review: bool,
}

/// A round whose answers were all created by its submission.
struct FreshRound<'a> {
    id: &'a str,
    scores: Vec<(Tier, f64)>,
    writings: Vec<Writing>,
    /// The round's result as planned, kept when the screen has no answer
    /// of it (nothing to recompute it from).
    planned_result: &'a str,
}

/// Recomputes an application's screen from every submitted round,
/// overrides included, with [`screen_result`], and stores it everywhere it
/// is shown: each round's result and the application's screen score.
pub fn recompute_screen(
    conn: &mut DbConnection,
    application_id: &str,
    pass_mark: f64,
    now: NaiveDateTime,
) -> Result<ScreenResult, DbError> {
    recompute_screen_with(conn, application_id, pass_mark, None, now)
}

/// [`recompute_screen`], with the round just submitted taken from its
/// plan (see [`JustSubmitted`]). Each round's answers are read once, for
/// their scores and their spelling.
fn recompute_screen_with(
    conn: &mut DbConnection,
    application_id: &str,
    pass_mark: f64,
    just: Option<&JustSubmitted<'_>>,
    now: NaiveDateTime,
) -> Result<ScreenResult, DbError> {
    let rounds = db::screenings::for_application(conn, application_id)?;
    let app = db::applications::find(conn, application_id)?;
    let job_id = app.as_ref().map(|a| a.job_id.as_str()).unwrap_or_default();
    let fresh_round = just.and_then(|j| j.round.as_ref());
    let mut scores = Vec::new();
    let mut writings: Vec<Writing> = Vec::new();
    for round in rounds.iter().filter(|r| !r.is_open()) {
        if let Some(f) = fresh_round.filter(|f| f.id == round.id) {
            scores.push(f.scores.clone());
            writings.extend_from_slice(&f.writings);
            continue;
        }
        let answers = db::screenings::answers(conn, &round.id)?;
        scores.push(round_final_scores(conn, job_id, round, &answers)?);
        writings.extend(answers.iter().filter_map(|a| {
            a.writing
                .as_deref()
                .and_then(|w| serde_json::from_str::<Writing>(w).ok())
        }));
    }
    let result = screen_result(&scores, pass_mark);
    // Spelling counts in the overall score only with the job's weight.
    let result = match &app {
        Some(app) => {
            let cover_letter = just.map(|j| j.cover_letter);
            let writing_rate =
                super::writing::refresh_from(conn, app, &rounds, cover_letter, writings)?;
            let weight = match just {
                Some(j) => j.settings.writing_weight,
                None => db::job_screening::get(conn, &app.job_id)?.writing_weight,
            };
            crate::scoring::with_writing(
                result,
                writing_rate.map(crate::scoring::spelling::score_for_rate),
                f64::from(weight) / 100.0,
            )
        }
        None => result,
    };
    // The round just submitted gets its result and scorer version in one
    // write: the recomputed result, or the planned one when there is
    // nothing to recompute it from.
    let mut just_stored = false;
    let submitted = rounds.iter().filter(|r| !r.is_open());
    for (round, round_result) in submitted.zip(&result.rounds) {
        let fresh = fresh_round.filter(|f| f.id == round.id);
        let json = if round_result.overall.answered == 0 {
            match fresh {
                Some(f) => f.planned_result.to_string(),
                None => continue,
            }
        } else {
            serde_json::to_string(round_result).map_err(|e| DbError::Corrupt(e.to_string()))?
        };
        if fresh.is_some() {
            db::screenings::store_result(conn, &round.id, &json, SCORER_VERSION)?;
            just_stored = true;
        } else if round.result.as_deref() != Some(json.as_str()) {
            db::screenings::update_result(conn, &round.id, &json)?;
        }
    }
    if let Some(f) = fresh_round.filter(|_| !just_stored) {
        db::screenings::store_result(conn, f.id, f.planned_result, SCORER_VERSION)?;
    }
    let to_review = just.filter(|j| j.to_review).map(|_| StageMove {
        from: Stage::Screening,
        to: Stage::ScreenReview,
        actor: "system",
        reason: if result.passed {
            "screen passed — awaiting review"
        } else {
            "screen below the pass mark — awaiting review"
        },
    });
    db::applications::set_screen_result_moving(
        conn,
        application_id,
        result.overall.overall.share,
        result.passed,
        to_review.as_ref(),
        now,
    )?;
    Ok(result)
}

/// Opens the round of `tiers` and emails the candidate a link to it.
#[allow(clippy::too_many_arguments)]
fn send_next_round(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    app: &ApplicationRow,
    questionnaire_version_id: &str,
    tiers: &[u8],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    db::screenings::create(conn, &app.id, questionnaire_version_id, tiers, now)?;
    let (link, expires) = new_link(conn, ctx, &app.id, settings.answer_days, now)?;
    let email = CandidateEmail {
        name: &app.name,
        job_title: &job.posting.title,
        company: ctx.company,
        link: Some(link),
        expires_on: Some(crate::mail::candidate::day_for_candidate(
            expires,
            &app.timezone,
            app.locale(),
        )),
        tiers: Some(
            tiers
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        again: false,
        questions: false,
        locale: app.locale(),
    };
    mail::queue(
        conn,
        EmailKind::ScreeningNextRound,
        &app.email,
        &email,
        ctx.mail_domain,
    )?;
    Ok(())
}

/// After a reviewer changed a score: the screen is recomputed, and when
/// the latest round now passes and the job screens a further tier, that
/// tier is sent, exactly as if the round had passed on submission. Only
/// while the candidate is still being screened (Screening or Screen
/// review): once staff moved them on, rejected them or they left, nothing
/// is sent. Returns the tiers sent, if any.
pub fn after_review(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    actor: &str,
    application_id: &str,
    now: NaiveDateTime,
) -> Result<Option<Vec<u8>>, DbError> {
    db::applications::lock(conn, application_id)?;
    let pass_mark = f64::from(job.posting.pass_mark.percent()) / 100.0;
    let result = recompute_screen(conn, application_id, pass_mark, now)?;
    let Some(app) = db::applications::find(conn, application_id)? else {
        return Ok(None);
    };
    let stage = app.stage();
    if !matches!(stage, Stage::Screening | Stage::ScreenReview) {
        return Ok(None);
    }
    let Some(latest) = db::screenings::for_application(conn, application_id)?.pop() else {
        return Ok(None);
    };
    let latest_passed = result.rounds.last().is_some_and(|r| r.overall.passed);
    if latest.is_open() || !latest_passed {
        return Ok(None);
    }
    let version = crate::flows::questionnaires::version(conn, &latest.questionnaire_version_id)?;
    let screened = screened_tiers(job, &version.loaded);
    let Some(next) = screening::next_round(&screened, &latest.tiers(), true) else {
        return Ok(None);
    };
    let settings = db::job_screening::get(conn, &job.id)?;
    send_next_round(
        conn,
        ctx,
        job,
        &settings,
        &app,
        &latest.questionnaire_version_id,
        &next,
        now,
    )?;
    if stage == Stage::ScreenReview {
        let tiers = |t: &[u8]| t.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
        db::applications::move_stage(
            conn,
            &app.id,
            Stage::ScreenReview,
            Stage::Screening,
            actor,
            &format!(
                "tier {} passed after review — tier {} sent",
                tiers(&latest.tiers()),
                tiers(&next)
            ),
            now,
        )?;
    }
    Ok(Some(next))
}

/// Submits a round with its final answers: scores every answer with the
/// exact questionnaire version the candidate saw, stores scores and
/// result, then either sends the next tier or ends the screen; all in the
/// caller's transaction (the pages score first: [`plan_submit`]).
#[allow(clippy::too_many_arguments)]
pub fn submit(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    app: &ApplicationRow,
    round: &Screening,
    final_answers: &[(String, String)],
    now: NaiveDateTime,
) -> Result<Submitted, DbError> {
    let plan = plan_submit(conn, job, app, round.clone(), final_answers)?;
    submit_planned(conn, ctx, job, settings, app, &plan, now)
}

/// One answer as it will be stored, scored and checked.
struct ScoredAnswer {
    question_id: String,
    body: String,
    tier: Tier,
    score: f64,
    /// `score` as a read of the stored detail gives it back (JSON need not
    /// round-trip a float exactly): what a later recompute will use.
    score_read: f64,
    detail: String,
    writing: Writing,
    writing_json: String,
}

/// A round's answers scored and spell-checked before the write
/// transaction, with the questionnaire version the round was sent with
/// (a round's version never changes, and a version's text never does).
pub struct SubmitPlan {
    round: Screening,
    version: Arc<Version>,
    answers: Vec<ScoredAnswer>,
    result: String,
    passed: bool,
    cover_letter: CoverLetterCheck,
}

/// Scores `round`'s answers and checks their spelling, from reads only:
/// the write ([`submit_planned`]) decides whether they are stored.
pub fn plan_submit(
    conn: &mut DbConnection,
    job: &Job,
    app: &ApplicationRow,
    round: Screening,
    final_answers: &[(String, String)],
) -> Result<SubmitPlan, DbError> {
    let version = crate::flows::questionnaires::version(conn, &round.questionnaire_version_id)?;
    let rounds = db::screenings::for_application(conn, &app.id)?;
    let versions = super::writing::version_ids(&rounds)
        .iter()
        .map(|id| crate::flows::questionnaires::version(conn, id))
        .collect::<Result<Vec<_>, _>>()?;
    let questionnaire = &version.loaded.questionnaire;
    let scorer = Scorer::shared();
    let pass_mark = f64::from(job.posting.pass_mark.percent()) / 100.0;
    let known = super::writing::known_for(job, std::slice::from_ref(&version), &app.name);
    // Usually every round has this round's version: the same known words.
    let cover_letter = if versions.len() == 1 && versions[0].id == version.id {
        CoverLetterCheck::with_known(&versions, &app.cover_letter, &known)
    } else {
        CoverLetterCheck::new(job, &app.name, &app.cover_letter, &versions)
    };
    let mut answers = Vec::new();
    let mut round_scores = Vec::new();
    for spec in questionnaire.questions_of_tiers(&round.tiers()) {
        // A question left blank counts, with nothing to earn.
        let body = final_answers
            .iter()
            .find(|(q, _)| *q == spec.id)
            .map(|(_, b)| b.as_str())
            .unwrap_or("");
        let fresh;
        let question = match version.question(&spec.id) {
            Some(q) => q,
            None => {
                fresh = from_domain::question(questionnaire, spec);
                &fresh
            }
        };
        let score = scorer.score(question, body);
        let corrupt = |e: serde_json::Error| DbError::Corrupt(e.to_string());
        let detail = serde_json::to_string(&score).map_err(corrupt)?;
        let score_read = serde_json::to_string(&score.score)
            .and_then(|s| serde_json::from_str(&s))
            .map_err(corrupt)?;
        let lang = super::writing::lang_of(body, score.lang);
        let writing = crate::scoring::spelling::check(body, lang, &known);
        let writing_json = serde_json::to_string(&writing).map_err(corrupt)?;
        round_scores.push((score.tier, score.score));
        answers.push(ScoredAnswer {
            question_id: spec.id.clone(),
            body: body.to_string(),
            tier: score.tier,
            score: score.score,
            score_read,
            detail,
            writing,
            writing_json,
        });
    }
    let result = questionnaire_result(&round_scores, pass_mark);
    let passed = result.overall.passed;
    let result = serde_json::to_string(&result).map_err(|e| DbError::Corrupt(e.to_string()))?;
    Ok(SubmitPlan {
        round,
        version,
        answers,
        result,
        passed,
        cover_letter,
    })
}

/// Stores a planned submission in the write transaction, once: the round
/// is closed only if it is still open (a double click, a retry or a second
/// tab finds it submitted and changes nothing).
pub fn submit_planned(
    conn: &mut DbConnection,
    ctx: &Ctx<'_>,
    job: &Job,
    settings: &ScreeningSettings,
    app: &ApplicationRow,
    plan: &SubmitPlan,
    now: NaiveDateTime,
) -> Result<Submitted, DbError> {
    let round = &plan.round;
    if round.application_id != app.id || !db::screenings::mark_submitted(conn, &round.id, now)? {
        return Ok(Submitted::AlreadySubmitted);
    }
    let tiers = round.tiers();
    let pass_mark = f64::from(job.posting.pass_mark.percent()) / 100.0;
    let rows: Vec<db::screenings::ScoredAnswer<'_>> = plan
        .answers
        .iter()
        .map(|a| db::screenings::ScoredAnswer {
            question_id: &a.question_id,
            body: &a.body,
            score: a.score,
            detail: &a.detail,
            writing: &a.writing_json,
        })
        .collect();
    let (_, all_new) = db::screenings::write_scored_answers(conn, &round.id, &rows, now)?;
    let passed = plan.passed;
    // Drafts saved earlier were updated in place: something may refer to
    // them, so their round is read back like any other.
    let round_now = if all_new {
        Some(FreshRound {
            id: &round.id,
            scores: fresh_round_scores(conn, &app.job_id, plan)?,
            writings: plan.answers.iter().map(|a| a.writing.clone()).collect(),
            planned_result: &plan.result,
        })
    } else {
        db::screenings::store_result(conn, &round.id, &plan.result, SCORER_VERSION)?;
        None
    };
    let screened = screened_tiers(job, &plan.version.loaded);
    let next = screening::next_round(&screened, &tiers, passed);
    let just = JustSubmitted {
        cover_letter: &plan.cover_letter,
        round: round_now,
        settings,
        to_review: next.is_none(),
    };
    let just = Some(&just);

    if let Some(next) = next {
        send_next_round(
            conn,
            ctx,
            job,
            settings,
            app,
            &round.questionnaire_version_id,
            &next,
            now,
        )?;
        // The rounds so far are the screen so far: the summary shows them.
        recompute_screen_with(conn, &app.id, pass_mark, just, now)?;
        return Ok(Submitted::Scored {
            passed,
            next_round: true,
        });
    }

    // Moved to review in the same write as its screen result.
    let screen_passed = recompute_screen_with(conn, &app.id, pass_mark, just, now)?.passed;
    if settings.auto_decide && !screen_passed {
        db::applications::move_stage(
            conn,
            &app.id,
            Stage::ScreenReview,
            Stage::Rejected,
            "system",
            "automatic decline: screen below the pass mark",
            now,
        )?;
        let email = CandidateEmail {
            name: &app.name,
            job_title: &job.posting.title,
            company: ctx.company,
            link: None,
            expires_on: None,
            tiers: None,
            again: false,
            questions: false,
            locale: app.locale(),
        };
        mail::queue(
            conn,
            EmailKind::ScreenDeclined,
            &app.email,
            &email,
            ctx.mail_domain,
        )?;
    }
    Ok(Submitted::Scored {
        passed: screen_passed,
        next_round: false,
    })
}
