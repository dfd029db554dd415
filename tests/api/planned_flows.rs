//! Applying and submitting with the work done before the write
//! transaction (`plan_apply` / `plan_submit`): what changed in between is
//! checked again in the write, so a plan never stores stale choices.

use rapport::db::{self, job_screening::ScreeningSettings, DbError};
use rapport::domain::application::{ApplicationInput, NewApplication};
use rapport::flows::questionnaires::{self as questionnaires, Saved, Target};
use rapport::questionnaires::Library;
use rapport::web::candidate::flow::{self, Applied, Ctx, Submitted};

use crate::helpers::{exemplars, spawn_app, Backend};
use crate::on_every_backend;

on_every_backend!(
    a_version_saved_after_the_plan_is_the_one_sent,
    a_plan_for_a_round_submitted_meanwhile_stores_nothing,
);

fn files() -> Library {
    Library::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires"
    )))
}

const CTX: Ctx<'static> = Ctx {
    base_url: "http://localhost",
    mail_domain: "localhost",
    company: "Glimmer Ratings",
};

fn candidate(email: &str) -> NewApplication {
    NewApplication::parse(&ApplicationInput {
        name: "Ana Lima".into(),
        email: email.into(),
        languages: vec!["en".into()],
        fluencies: vec!["fluent".into()],
        location: "Lisbon".into(),
        cover_letter: "I have recieved many tickets and I love helping people.".into(),
        consent: "yes".into(),
        ..Default::default()
    })
    .unwrap()
}

async fn a_version_saved_after_the_plan_is_the_one_sent(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, _) = app.publish_job(&[]).await;
    let files = files();
    // An owner's questionnaire (version 1), which the job screens with.
    let (f, jid) = (files.clone(), job_id.clone());
    let own_id = app
        .db
        .write(move |conn| {
            let owner = db::users::list(conn)?.remove(0).id;
            let mut q = f.get("generalist-en").unwrap().questionnaire.clone();
            q.title = "Our own questions".into();
            let Saved::Version { id, version: 1 } =
                questionnaires::save_version(conn, &f, &q, &Target::New, &owner, db::now())?
            else {
                panic!("version 1 saved")
            };
            let settings = ScreeningSettings {
                questionnaire_ids: vec![id.clone()],
                all_tiers_at_once: true,
                ..Default::default()
            };
            db::job_screening::set(conn, &jid, &settings, db::now())?;
            Ok::<_, DbError>(id)
        })
        .await
        .unwrap();

    // The plan is made while version 1 is the latest...
    let (f, jid, new) = (files.clone(), job_id.clone(), candidate("ana@example.com"));
    let (job, plan) = app
        .db
        .read(move |conn| {
            let job = db::jobs::find(conn, &jid)?.unwrap();
            let plan = flow::plan_apply(conn, &f, &job, &new)?;
            Ok::<_, DbError>((job, plan))
        })
        .await
        .unwrap();
    // ...then the owner saves version 2 before the application is stored.
    let (f, id) = (files.clone(), own_id.clone());
    app.db
        .write(move |conn| {
            let owner = db::users::list(conn)?.remove(0).id;
            let mut q = f.get("generalist-en").unwrap().questionnaire.clone();
            q.title = "Our own questions".into();
            q.questions[0].prompt = "A changed first question?".into();
            let saved = questionnaires::save_version(
                conn,
                &f,
                &q,
                &Target::Existing(id),
                &owner,
                db::now(),
            )?;
            assert!(matches!(saved, Saved::Version { version: 2, .. }));
            Ok::<_, DbError>(())
        })
        .await
        .unwrap();

    let (f, new) = (files.clone(), candidate("ana@example.com"));
    let version = app
        .db
        .write(move |conn| {
            let (applied, questions) =
                flow::apply_planned(conn, &CTX, &job, &f, plan, &new, None, db::now())?;
            assert!(questions, "the job sends questions");
            let Applied::New(a) = applied else {
                panic!("a new application")
            };
            let round = flow::current_round(conn, &a.id)?.expect("a round was sent");
            questionnaires::version(conn, &round.questionnaire_version_id)
        })
        .await
        .unwrap();
    let q = &version.loaded.questionnaire;
    assert_eq!(q.id, own_id);
    assert_eq!(q.version, 2, "the latest version at the moment of storing");
    assert_eq!(q.questions[0].prompt, "A changed first question?");
}

async fn a_plan_for_a_round_submitted_meanwhile_stores_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, _) = app.publish_job(&[]).await;
    app.set_screening(&job_id, &["generalist-en"], true).await;
    let files = files();
    let jid = job_id.clone();
    let (job, application, round) = app
        .db
        .write(move |conn| {
            let job = db::jobs::find(conn, &jid)?.unwrap();
            let settings = db::job_screening::get(conn, &jid)?;
            let Applied::New(a) = flow::apply(
                conn,
                &CTX,
                &job,
                &settings,
                &files,
                &candidate("ana@example.com"),
                None,
                db::now(),
            )?
            else {
                panic!("a new application")
            };
            let round = flow::current_round(conn, &a.id)?.unwrap();
            Ok::<_, DbError>((job, a, round))
        })
        .await
        .unwrap();

    // Two tabs plan their submissions of different texts, then both write.
    let strong = exemplars("strong");
    let weak = exemplars("weak");
    let (j, a, r, s, w) = (
        job.clone(),
        application.clone(),
        round.clone(),
        strong.clone(),
        weak.clone(),
    );
    let (first, second) = app
        .db
        .read(move |conn| {
            let first = flow::plan_submit(conn, &j, &a, r.clone(), &s)?;
            let second = flow::plan_submit(conn, &j, &a, r, &w)?;
            Ok::<_, DbError>((first, second))
        })
        .await
        .unwrap();
    let (j, a) = (job.clone(), application.clone());
    let outcomes = app
        .db
        .write(move |conn| {
            let settings = db::job_screening::get(conn, &j.id)?;
            let one = flow::submit_planned(conn, &CTX, &j, &settings, &a, &first, db::now())?;
            let two = flow::submit_planned(conn, &CTX, &j, &settings, &a, &second, db::now())?;
            Ok::<_, DbError>((one, two))
        })
        .await
        .unwrap();
    assert!(matches!(outcomes.0, Submitted::Scored { .. }));
    assert!(matches!(outcomes.1, Submitted::AlreadySubmitted));

    // The first tab's answers, each once, scored and spell-checked.
    let (rid, aid) = (round.id.clone(), application.id.clone());
    let qvid = round.questionnaire_version_id.clone();
    let tiers = round.tiers();
    let (stored, asked, planned_rate, full_rate) = app
        .db
        .write(move |conn| {
            let stored = db::screenings::answers(conn, &rid)?;
            let asked = questionnaires::version(conn, &qvid)?
                .loaded
                .questionnaire
                .questions_of_tiers(&tiers)
                .count();
            let planned = db::writing::rates(conn, std::slice::from_ref(&aid))?;
            // The rate stored from the plan is the one a full recount gives.
            let full = rapport::web::candidate::writing::refresh(conn, &aid)?;
            Ok::<_, DbError>((stored, asked, planned.get(&aid).copied(), full))
        })
        .await
        .unwrap();
    assert!(asked > 0);
    assert_eq!(stored.len(), asked, "every question once");
    for a in &stored {
        let body = strong
            .iter()
            .find(|(q, _)| *q == a.question_id)
            .map_or("", |(_, b)| b.as_str());
        assert_eq!(a.body, body);
        assert!(a.score.is_some() && a.score_detail.is_some() && a.writing.is_some());
    }
    assert!(planned_rate.is_some());
    assert_eq!(planned_rate, full_rate);
}
