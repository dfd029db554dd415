//! The scorer against the graded answers, through the real command line.

use std::process::Command;

fn rapport(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .output()
        .expect("running rapport");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const EVAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/eval-answers.jsonl"
);

/// The floors of the scoring issue, on shared/eval/answers.jsonl (copied
/// into tests/fixtures so the suite does not depend on a sibling folder).
#[test]
fn score_eval_meets_the_agreement_floors() {
    let (ok, stdout, stderr) = rapport(&["score-eval", EVAL, "--json"]);
    assert!(ok, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON object");
    assert_eq!(report["n"], 47);
    let curiosity = report["curiosity"]["qwk"].as_f64().unwrap();
    let empathy = report["empathy"]["qwk"].as_f64().unwrap();
    assert!(curiosity >= 0.90, "curiosity QWK {curiosity:.3}");
    assert!(empathy >= 0.85, "empathy QWK {empathy:.3}");
    assert!(report["empathy"]["exact"].as_f64().unwrap() <= 1.0);
}

/// Answers graded for this project with other questions, to watch
/// generalisation (looser floors: it was used while tuning too).
#[test]
fn the_scorer_generalises_to_other_questions() {
    let extra = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extra-answers.jsonl"
    );
    let (ok, stdout, stderr) = rapport(&["score-eval", extra, "--json"]);
    assert!(ok, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert!(report["curiosity"]["qwk"].as_f64().unwrap() >= 0.85);
    assert!(report["empathy"]["qwk"].as_f64().unwrap() >= 0.80);
}

#[test]
fn score_eval_shows_misses_with_their_evidence() {
    let (ok, stdout, _) = rapport(&["score-eval", EVAL, "--show-misses"]);
    assert!(ok);
    assert!(stdout.contains("quadratic-weighted kappa"));
    assert!(stdout.contains("disagreement(s)"));
}

#[test]
fn bad_input_files_get_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": 1}\n").unwrap();
    let (ok, _, stderr) = rapport(&["score-eval", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(stderr.contains("line 1"), "{stderr}");
}

#[test]
fn score_scores_answers_against_a_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("mini.toml");
    std::fs::write(
        &q,
        r#"
id = "mini-en"
title = "Mini screen"
language = "en"
version = 1

[[questions]]
id = "comments"
tier = 1
prompt = "I added your app to my website but I only see the rating. How can users leave comments?"
[questions.rubric]
weights = { empathy = 0.3, curiosity = 0.3, content = 0.4 }
[[questions.rubric.key_points]]
id = "no-comments"
label = "Says there is no comment feature"
phrasings = ["no comment feature", "only (ratings|stars)"]
required = true
"#,
    )
    .unwrap();
    let answers = dir.path().join("answers.jsonl");
    std::fs::write(
        &answers,
        concat!(
            r#"{"candidate": "warm", "question": "comments", "answer": "Hi Sam, thanks for asking! Our widget has no comment feature: visitors can only leave ratings. I know that's not what you hoped. Could you tell me what you'd like visitors to say? If it's reviews, I'd be glad to suggest a way."}"#,
            "\n",
            r#"{"candidate": "cold", "question": "comments", "answer": "Read the docs."}"#,
            "\n"
        ),
    )
    .unwrap();
    let (ok, stdout, stderr) = rapport(&[
        "score",
        "--questionnaire",
        q.to_str().unwrap(),
        "--answers",
        answers.to_str().unwrap(),
        "--json",
    ]);
    assert!(ok, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let by = |name: &str| {
        out.as_array()
            .unwrap()
            .iter()
            .find(|c| c["candidate"] == name)
            .unwrap()
            .clone()
    };
    let warm = by("warm");
    let cold = by("cold");
    assert_eq!(warm["result"]["overall"]["passed"], true);
    assert_eq!(cold["result"]["overall"]["passed"], false);
    assert_eq!(warm["answers"][0]["content"]["covered"][0], "no-comments");
    assert_eq!(
        warm["answers"][0]["scorer_version"],
        rapport::scoring::SCORER_VERSION
    );

    let (ok, stdout, stderr) = rapport(&["questionnaire", "check", q.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(!stdout.contains("warning"), "{stdout}");

    // A key point too vague to check is a warning, with its line: the
    // file still passes.
    let original = std::fs::read_to_string(&q).unwrap();
    let vague = format!(
        "{original}\n[[questions.rubric.key_points]]\nid = \"be-nice\"\nlabel = \"Is helpful and polite\"\n"
    );
    std::fs::write(&q, vague).unwrap();
    let (ok, stdout, stderr) = rapport(&["questionnaire", "check", q.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("warning: line")
            && stdout.contains("'be-nice'")
            && stdout.contains("too vague"),
        "{stdout}"
    );
    std::fs::write(&q, original).unwrap();

    // A phrasing richer than the matcher uses is reported with its line.
    let rich = std::fs::read_to_string(&q).unwrap().replace(
        r#""no comment feature","#,
        r#""(a|b|c|d) (e|f|g|h) (i|j|k|l) (m|n|o|p) [q]","#,
    );
    std::fs::write(&q, rich).unwrap();
    let (ok, stdout, _) = rapport(&["questionnaire", "check", q.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        stdout.contains("line 16") && stdout.contains("more than 64 alternatives"),
        "{stdout}"
    );
}

/// A changed scorer re-scores stored answers and shows what moved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rescore_shows_what_moved_and_applies_it() {
    let app = crate::helpers::spawn_app(crate::helpers::Backend::Sqlite).await;
    let library = rapport::questionnaires::Library::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires"
    )));
    rapport::demo::load(&app.db, &library, &app.address).unwrap();
    // Pretend one answer was scored by an older scorer that saw it differently.
    let answer_id = app
        .db
        .write(|c| {
            use diesel::prelude::*;
            use rapport::db::schema::answers;
            let (id, detail): (String, String) = answers::table
                .filter(answers::score_detail.is_not_null())
                .select((answers::id, answers::score_detail.assume_not_null()))
                .first(c)?;
            let mut v: serde_json::Value = serde_json::from_str(&detail).unwrap();
            v["scorer_version"] = "2000.1.1".into();
            v["empathy"]["grade"] = 0.into();
            v["score"] = 0.01.into();
            diesel::update(answers::table.find(&id))
                .set((
                    answers::score_detail.eq(v.to_string()),
                    answers::score.eq(0.01),
                ))
                .execute(c)?;
            Ok(id)
        })
        .await
        .unwrap();
    let db_url = format!(
        "sqlite://{}",
        app.mail_dir.parent().unwrap().join("rapport.db").display()
    );
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rapport"))
            .args(args)
            .env("DATABASE_URL", &db_url)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let report = run(&["rescore"]);
    assert!(report.contains("1 moved"), "{report}");
    assert!(report.contains("2000.1.1"));
    assert!(report.contains("Nothing was changed"));
    run(&["rescore", "--apply"]);
    let id = answer_id.clone();
    let stored = app
        .db
        .read(move |c| rapport::db::screenings::find_answer(c, &id))
        .await
        .unwrap()
        .unwrap();
    let detail: serde_json::Value =
        serde_json::from_str(stored.score_detail.as_deref().unwrap()).unwrap();
    assert_eq!(detail["scorer_version"], rapport::scoring::SCORER_VERSION);
    assert!(stored.score.unwrap() > 0.01);
    assert!(run(&["rescore"]).contains("0 moved"));
}

/// Every shipped questionnaire's rubric separates its strong and weak
/// exemplars: each strong answer scores well above its weak one, the strong
/// set passes and the weak set fails.
#[test]
fn shipped_questionnaires_separate_strong_from_weak_exemplars() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let exemplars = path.with_extension("exemplars.jsonl");
        let (ok, stdout, stderr) = rapport(&[
            "score",
            "--questionnaire",
            path.to_str().unwrap(),
            "--answers",
            exemplars.to_str().unwrap(),
            "--json",
        ]);
        assert!(ok, "{}: {stderr}", path.display());
        let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let by = |name: &str| {
            out.as_array()
                .unwrap()
                .iter()
                .find(|c| c["candidate"] == name)
                .unwrap()
                .clone()
        };
        let (strong, weak) = (by("strong"), by("weak"));
        assert_eq!(
            strong["result"]["overall"]["passed"],
            true,
            "{}",
            path.display()
        );
        assert_eq!(
            weak["result"]["overall"]["passed"],
            false,
            "{}",
            path.display()
        );
        for s in strong["answers"].as_array().unwrap() {
            let q = s["question_id"].as_str().unwrap();
            let w = weak["answers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|w| w["question_id"] == q)
                .expect("a weak exemplar per question");
            let (s, w) = (s["score"].as_f64().unwrap(), w["score"].as_f64().unwrap());
            assert!(
                s >= w + 0.3,
                "{}: {q} strong {s:.2} vs weak {w:.2}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} questions checked");
}
