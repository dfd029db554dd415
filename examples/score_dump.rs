//! Scores every development and evaluation answer the repository knows
//! and prints a digest of the full output, so a change meant to be a pure
//! speed-up can be shown to leave every scored byte identical.
//!
//! `cargo run --release --example score_dump [-- --full]`: one digest per
//! file (and for the answers `benches/scoring.rs` measures) and one
//! overall; `--full` prints every score as a JSON line too (diff two runs
//! to see what moved). `-- --work generic|plain|shipped N` instead scores
//! that bench workload N times and prints nothing: run it under
//! `valgrind --tool=callgrind` for an instruction count that does not
//! depend on the machine's load.

use std::path::{Path, PathBuf};

#[path = "../benches/common/workload.rs"]
mod workload;

use rapport::domain::questionnaire::Questionnaire;
use rapport::scoring::eval::{parse_eval_jsonl, EvalRecord};
use rapport::scoring::{from_domain, Question, Scorer};
use sha2::{Digest, Sha256};

fn questionnaire(path: &Path) -> Questionnaire {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Questionnaire::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

fn work(kind: &str, n: usize) {
    let scorer = Scorer::new();
    let answers = workload::answers();
    let generic = workload::generic_questions(&answers);
    let plain = workload::plain_questions(&answers);
    let shipped = workload::shipped_with_key_points();
    let pairs: Vec<(&Question, &str)> = match kind {
        "generic" => generic
            .iter()
            .zip(answers.iter().map(|(_, a)| a.as_str()))
            .collect(),
        "plain" => plain
            .iter()
            .zip(answers.iter().map(|(_, a)| a.as_str()))
            .collect(),
        "shipped" => workload::shipped_pairs(&answers, &shipped),
        _ => panic!("--work generic|plain|shipped N"),
    };
    // Once outside the count's loop: per-question compilation is paid once.
    for (q, a) in &pairs {
        std::hint::black_box(scorer.score(q, a));
    }
    for _ in 0..n {
        for (q, a) in &pairs {
            std::hint::black_box(scorer.score(q, std::hint::black_box(a)));
        }
    }
    println!("{} answers scored", n * pairs.len());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--work") {
        let kind = args.get(i + 1).map(String::as_str).unwrap_or("");
        let n = args.get(i + 2).and_then(|n| n.parse().ok()).unwrap_or(100);
        return work(kind, n);
    }
    let full = args.iter().any(|a| a == "--full");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut qpaths: Vec<PathBuf> = std::fs::read_dir(root.join("questionnaires"))
        .expect("questionnaires/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    qpaths.extend(
        std::fs::read_dir(root.join("tests/fixtures/keypoints-dev"))
            .expect("tests/fixtures/keypoints-dev")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml")),
    );
    qpaths.push(root.join("tests/fixtures/plain-questionnaire.toml"));
    qpaths.sort();
    let mut sets: Vec<(String, Vec<Question>)> = Vec::new();
    for p in &qpaths {
        if p.exists() {
            let q = questionnaire(p);
            sets.push((q.id.clone(), from_domain::questions(&q)));
        }
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [
        "tests/fixtures",
        "tests/fixtures/keypoints-dev",
        "tests/fixtures/graded-dev",
    ] {
        let mut fs: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("fixture dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        fs.sort();
        files.extend(fs);
    }
    let shared = PathBuf::from("/work/shared/eval/answers.jsonl");
    if shared.exists() {
        files.push(shared);
    }

    let scorer = Scorer::new();
    let mut all = Sha256::new();
    let mut total = 0usize;
    // The bench's own work first.
    {
        let answers = workload::answers();
        let generic = workload::generic_questions(&answers);
        let plain = workload::plain_questions(&answers);
        let shipped = workload::shipped_with_key_points();
        let mut pairs: Vec<(&Question, &str)> = Vec::new();
        pairs.extend(generic.iter().zip(answers.iter().map(|(_, a)| a.as_str())));
        pairs.extend(plain.iter().zip(answers.iter().map(|(_, a)| a.as_str())));
        // Every shipped question against every answer, not only the bench's pairs.
        for q in &shipped {
            for (_, a) in &answers {
                pairs.push((q, a.as_str()));
            }
        }
        let mut h = Sha256::new();
        for (q, a) in &pairs {
            let line = format!(
                "bench/{}\t{}\n",
                q.id,
                serde_json::to_string(&scorer.score(q, a)).expect("json")
            );
            if full {
                print!("{line}");
            }
            h.update(line.as_bytes());
        }
        let d = h.finalize();
        println!("{} {:x} bench workload", pairs.len(), d);
        all.update(d);
        total += pairs.len();
    }
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        // A file of another shape (`plain-keypoints.jsonl`: question,
        // key point, answer) is scored against the question of that id.
        let records = parse_eval_jsonl(&text).unwrap_or_else(|_| {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                    let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                    let qid = field("question");
                    let set = sets
                        .iter()
                        .find(|(_, qs)| qs.iter().any(|q| q.id == qid))
                        .unwrap_or_else(|| panic!("{}: no question {qid}", file.display()));
                    EvalRecord::KeyPoints(rapport::scoring::eval::LabelledAnswer {
                        id: qid.clone(),
                        questionnaire: set.0.clone(),
                        question: qid,
                        lang: None,
                        answer: field("answer"),
                        key_points: Default::default(),
                        negated: vec![],
                    })
                })
                .collect()
        });
        let mut h = Sha256::new();
        let mut n = 0usize;
        let mut emit = |tag: &str, s: &rapport::scoring::AnswerScore| {
            let line = format!("{tag}\t{}\n", serde_json::to_string(s).expect("json"));
            if full {
                print!("{line}");
            }
            h.update(line.as_bytes());
            n += 1;
        };
        for r in &records {
            match r {
                EvalRecord::Graded(g) => {
                    for lang in [Some(g.lang), None] {
                        let q = Question::generic(g.id.clone(), g.question.clone(), g.tier, lang);
                        emit(&g.id, &scorer.score(&q, &g.answer));
                    }
                }
                EvalRecord::KeyPoints(l) => {
                    // Its own question, and every other question of its
                    // questionnaire (more key points seen per answer).
                    let Some((_, qs)) = sets.iter().find(|(id, _)| *id == l.questionnaire) else {
                        panic!("{}: unknown questionnaire {}", l.id, l.questionnaire);
                    };
                    for q in qs {
                        emit(&format!("{}/{}", l.id, q.id), &scorer.score(q, &l.answer));
                    }
                }
            }
        }
        let d = h.finalize();
        println!(
            "{} {:x} {}",
            n,
            d,
            file.strip_prefix(&root).unwrap_or(file).display()
        );
        all.update(d);
        total += n;
    }
    println!("{total} {:x} ALL", all.finalize());
}
