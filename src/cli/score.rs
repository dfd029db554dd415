//! `rapport score`, `rapport score-eval` and `rapport questionnaire check`:
//! the scorer and the questionnaire checker from the command line.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use serde::Deserialize;
use serde_json::json;

use crate::domain::questionnaire::Questionnaire;
use crate::scoring::eval::{
    evaluate, evaluate_key_points, parse_eval_jsonl, Agreement, EvalRecord, KeyPointFigures,
    KeyPointReport,
};
use crate::scoring::{from_domain, questionnaire_result, AnswerScore, Question, Scorer, Tier};

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Reads and checks a questionnaire, failing with every problem listed.
pub fn load_questionnaire(path: &Path) -> anyhow::Result<Questionnaire> {
    let text = read(path)?;
    Questionnaire::parse(&text).map_err(|problems| {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("  {}: {p}", path.display()))
            .collect();
        anyhow::anyhow!(
            "{} has {} problem(s):\n{}",
            path.display(),
            problems.len(),
            list.join("\n")
        )
    })
}

/// `rapport questionnaire check FILE…`: prints every problem and warning
/// (the same the editor shows, from `scoring::authoring`); fails if any
/// file has problems. Warnings alone do not fail.
pub fn check(files: &[std::path::PathBuf]) -> anyhow::Result<()> {
    use crate::scoring::authoring;
    let mut failed = 0;
    for path in files {
        let text = read(path)?;
        match Questionnaire::parse(&text).and_then(|q| {
            let problems = authoring::problems(&q, &text);
            if problems.is_empty() {
                Ok(q)
            } else {
                Err(problems)
            }
        }) {
            Ok(q) => {
                let tiers: BTreeMap<u8, usize> =
                    q.questions.iter().fold(BTreeMap::new(), |mut m, x| {
                        *m.entry(x.tier).or_default() += 1;
                        m
                    });
                let tiers: Vec<String> = tiers
                    .iter()
                    .map(|(t, n)| format!("tier {t}: {n}"))
                    .collect();
                println!(
                    "{}: ok — {} v{}, {} questions ({})",
                    path.display(),
                    q.id,
                    q.version,
                    q.questions.len(),
                    tiers.join(", ")
                );
                for w in authoring::warnings(&q, &text) {
                    println!("{}: warning: {w}", path.display());
                }
            }
            Err(problems) => {
                failed += 1;
                for p in problems {
                    println!("{}: {p}", path.display());
                }
            }
        }
    }
    if failed > 0 {
        bail!("{failed} file(s) have problems");
    }
    Ok(())
}

#[derive(Deserialize)]
struct AnswerLine {
    question: String,
    answer: String,
    #[serde(default)]
    candidate: Option<String>,
}

/// `rapport score`: scores answers (JSON Lines: question, answer, optional
/// candidate) against a questionnaire.
pub fn score(
    questionnaire: &Path,
    answers: &Path,
    pass_mark: u8,
    as_json: bool,
) -> anyhow::Result<()> {
    let q = load_questionnaire(questionnaire)?;
    let questions = from_domain::questions(&q);
    let text = read(answers)?;
    let scorer = Scorer::new();
    let mut by_candidate: BTreeMap<String, Vec<AnswerScore>> = BTreeMap::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let a: AnswerLine = serde_json::from_str(line).with_context(|| {
            format!(
                "{} line {}: expected {{\"question\": …, \"answer\": …}}",
                answers.display(),
                i + 1
            )
        })?;
        let question = questions
            .iter()
            .find(|x| x.id == a.question)
            .with_context(|| {
                format!(
                    "{} line {}: no question '{}' in {}",
                    answers.display(),
                    i + 1,
                    a.question,
                    q.id
                )
            })?;
        by_candidate
            .entry(a.candidate.unwrap_or_else(|| "answers".into()))
            .or_default()
            .push(scorer.score(question, &a.answer));
    }
    let pass = f64::from(pass_mark) / 100.0;
    let mut out = Vec::new();
    for (candidate, scores) in &by_candidate {
        let shares: Vec<(Tier, f64)> = scores.iter().map(|s| (s.tier, s.score)).collect();
        let result = questionnaire_result(&shares, pass);
        if as_json {
            out.push(json!({ "candidate": candidate, "answers": scores, "result": result }));
            continue;
        }
        println!("{candidate}");
        println!(
            "  {:<20} {:>4} {:>8} {:>9} {:>7} {:>6}  flags",
            "question", "tier", "empathy", "curiosity", "content", "score"
        );
        for s in scores {
            let flags: Vec<String> = s
                .tone
                .iter()
                .map(|f| format!("{f:?}").to_lowercase())
                .collect();
            println!(
                "  {:<20} {:>4} {:>8} {:>9} {:>7} {:>5.0}%  {}",
                s.question_id,
                s.tier,
                s.empathy.grade,
                s.curiosity.grade,
                s.content
                    .share
                    .map(|c| format!("{:.0}%", c * 100.0))
                    .unwrap_or_else(|| "—".into()),
                s.score * 100.0,
                flags.join(", ")
            );
        }
        for t in &result.tiers {
            println!(
                "  tier {}: {:.0}% of the maximum over {} answer(s) — {}",
                t.tier,
                t.result.share * 100.0,
                t.result.answered,
                if t.result.passed {
                    "passed"
                } else {
                    "below the pass mark"
                }
            );
        }
        println!(
            "  overall: {:.0}% — {} (pass mark: more than {pass_mark}%)\n",
            result.overall.share * 100.0,
            if result.overall.passed {
                "passed"
            } else {
                "below the pass mark"
            }
        );
    }
    if as_json {
        println!("{}", serde_json::to_string_pretty(&out)?);
    }
    Ok(())
}

fn matrix(a: &Agreement) -> String {
    let rows: Vec<String> = a
        .confusion
        .iter()
        .enumerate()
        .map(|(h, row)| format!("    human {h}: {:>3} {:>3} {:>3}", row[0], row[1], row[2]))
        .collect();
    format!("    scorer:    0   1   2\n{}", rows.join("\n"))
}

/// `rapport score-eval`: agreement with human labels, per file: empathy
/// and curiosity grades (generic detectors), and key-point labels scored
/// against their questionnaire (installed, or given with `--questionnaire`).
pub fn score_eval(
    files: &[std::path::PathBuf],
    library: &crate::questionnaires::Library,
    extra: &[std::path::PathBuf],
    as_json: bool,
    show_misses: bool,
) -> anyhow::Result<()> {
    // Files given on the command line win over installed questionnaires.
    let mut questionnaires: BTreeMap<String, Vec<Question>> = BTreeMap::new();
    for l in library.all() {
        questionnaires.insert(
            l.questionnaire.id.clone(),
            from_domain::questions(&l.questionnaire),
        );
    }
    for path in extra {
        let q = load_questionnaire(path)?;
        questionnaires.insert(q.id.clone(), from_domain::questions(&q));
    }
    let scorer = Scorer::new();
    for file in files {
        let records = parse_eval_jsonl(&read(file)?)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        let mut graded = Vec::new();
        let mut labelled = Vec::new();
        for r in records {
            match r {
                EvalRecord::Graded(g) => graded.push(g),
                EvalRecord::KeyPoints(l) => labelled.push(l),
            }
        }
        if graded.is_empty() && labelled.is_empty() {
            bail!("{} has no graded or labelled answers", file.display());
        }
        let report = (!graded.is_empty()).then(|| evaluate(&scorer, &graded));
        let kp_report = if labelled.is_empty() {
            None
        } else {
            Some(
                evaluate_key_points(&scorer, &labelled, |qn, id| {
                    questionnaires.get(qn)?.iter().find(|q| q.id == id)
                })
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?,
            )
        };
        if as_json {
            let dim =
                |a: &Agreement| json!({ "qwk": a.qwk, "exact": a.exact, "confusion": a.confusion });
            let mut out = json!({ "file": file.display().to_string(), "n": graded.len() });
            if let Some(r) = &report {
                out["empathy"] = dim(&r.empathy);
                out["curiosity"] = dim(&r.curiosity);
                if show_misses {
                    out["misses"] = json!(r.misses);
                }
            }
            if let Some(k) = &kp_report {
                let mut v = json!(k);
                if !show_misses {
                    v.as_object_mut().map(|o| o.remove("errors"));
                }
                out["key_points"] = v;
            }
            println!("{out}");
            continue;
        }
        if files.len() > 1 {
            println!("== {}", file.display());
        }
        if let Some(report) = &report {
            print_graded(report, &graded, show_misses);
        }
        if let Some(k) = &kp_report {
            print_key_points(k, show_misses);
        }
    }
    Ok(())
}

fn print_graded(
    report: &crate::scoring::eval::EvalReport,
    graded: &[crate::scoring::eval::GradedAnswer],
    show_misses: bool,
) {
    println!(
        "{} graded answers, scorer {}",
        report.n,
        crate::scoring::SCORER_VERSION
    );
    for (name, a) in [
        ("empathy", &report.empathy),
        ("curiosity", &report.curiosity),
    ] {
        println!(
            "{name}: quadratic-weighted kappa {:.3}, exact agreement {:.1}%",
            a.qwk,
            a.exact * 100.0
        );
        println!("{}", matrix(a));
    }
    if show_misses {
        let answers: BTreeMap<&str, &str> = graded
            .iter()
            .map(|g| (g.id.as_str(), g.answer.as_str()))
            .collect();
        println!("\n{} disagreement(s)", report.misses.len());
        for m in &report.misses {
            let answer = answers.get(m.id.as_str()).copied().unwrap_or("");
            println!(
                "\n{} {:?}: human {}, scorer {}",
                m.id, m.dimension, m.human, m.scorer
            );
            println!("  answer: {answer}");
            for e in &m.score.evidence {
                let quote = answer.get(e.span.clone()).unwrap_or("");
                println!(
                    "  {:+.2} {:?}/{:?} {}: “{}”",
                    e.weight, e.dimension, e.kind, e.label, quote
                );
            }
        }
    }
}

fn figures_line(name: &str, f: &KeyPointFigures) -> String {
    let c = &f.counts;
    format!(
        "  {name}: precision {:.3}, recall {:.3}, F1 {:.3} ({} credited right, {} wrongly, {} missed, {} rightly not); negated or wrong credited: {} of {}",
        f.precision,
        f.recall,
        f.f1,
        c.true_positives,
        c.false_positives,
        c.false_negatives,
        c.true_negatives,
        c.negated_credited,
        c.negated
    )
}

fn print_key_points(k: &KeyPointReport, show_misses: bool) {
    let pairs = {
        let c = &k.overall.counts;
        c.true_positives + c.false_positives + c.false_negatives + c.true_negatives
    };
    println!(
        "key points: {} labelled answers, {pairs} (answer, key point) pairs, scorer {}",
        k.answers,
        crate::scoring::SCORER_VERSION
    );
    println!("{}", figures_line("all", &k.overall));
    if k.questionnaires.len() > 1 {
        for (id, f) in &k.questionnaires {
            println!("{}", figures_line(id, f));
        }
    }
    if show_misses {
        let credits = k.errors.iter().filter(|e| e.false_credit).count();
        println!(
            "\n{credits} false credit(s), {} missed key point(s)",
            k.errors.len() - credits
        );
        for e in &k.errors {
            println!(
                "\n{} {}/{} {}: {}{}",
                e.id,
                e.questionnaire,
                e.question,
                e.key_point,
                if e.false_credit {
                    "credited, labelled not covered"
                } else {
                    "missed, labelled covered"
                },
                if e.negated { " (negated or wrong)" } else { "" }
            );
            if !e.detail.is_empty() {
                println!(
                    "  {}: {}",
                    if e.false_credit { "evidence" } else { "reason" },
                    e.detail
                );
            }
            println!("  answer: {}", e.answer.replace('\n', " "));
        }
    }
}
