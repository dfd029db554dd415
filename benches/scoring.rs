//! Scoring throughput on ~1 KB answers, one core.
//! `cargo bench --bench scoring`

use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
#[path = "common/workload.rs"]
mod workload;

use rapport::scoring::{Question, Scorer};

/// The speed the product promises, per core.
const TARGET_PER_SECOND: f64 = 20_000.0;

/// Answers per second over at least `min` of wall time, printed with the
/// ratio to [`TARGET_PER_SECOND`] (criterion's own report is per batch).
fn report(name: &str, scorer: &Scorer, pairs: &[(&Question, &str)], min: Duration) {
    let start = Instant::now();
    let mut n = 0usize;
    while start.elapsed() < min {
        for (q, a) in pairs {
            black_box(scorer.score(q, black_box(a)));
        }
        n += pairs.len();
    }
    let per_second = n as f64 / start.elapsed().as_secs_f64();
    println!(
        "{name}: {per_second:.0} answers/s on one core, {:.2} × the {TARGET_PER_SECOND:.0}/s target",
        per_second / TARGET_PER_SECOND
    );
}

fn bench(c: &mut Criterion) {
    let scorer = Scorer::new();
    let answers = workload::answers();
    let questions = workload::generic_questions(&answers);
    let bytes: usize = answers.iter().map(|(_, a)| a.len()).sum();

    let mut g = c.benchmark_group("score");
    g.throughput(Throughput::Elements(answers.len() as u64));
    g.bench_function("answers_1kb", |b| {
        b.iter(|| {
            for (q, (_, a)) in questions.iter().zip(&answers) {
                black_box(scorer.score(q, black_box(a)));
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes_1kb", |b| {
        b.iter(|| {
            for (q, (_, a)) in questions.iter().zip(&answers) {
                black_box(scorer.score(q, black_box(a)));
            }
        })
    });
    // The same answers against questions with plain-language key points
    // (label and an example, no phrasings), compiled once per question.
    let plain = workload::plain_questions(&answers);
    g.throughput(Throughput::Elements(answers.len() as u64));
    g.bench_function("answers_1kb_plain_key_points", |b| {
        b.iter(|| {
            for (q, (_, a)) in plain.iter().zip(&answers) {
                black_box(scorer.score(q, black_box(a)));
            }
        })
    });
    // The same answers against the shipped questions with key points:
    // phrasings first, the plain matcher as a fallback.
    let shipped = workload::shipped_with_key_points();
    let shipped_pairs = workload::shipped_pairs(&answers, &shipped);
    g.throughput(Throughput::Elements(shipped_pairs.len() as u64));
    g.bench_function("answers_1kb_shipped_key_points", |b| {
        b.iter(|| {
            for (q, a) in &shipped_pairs {
                black_box(scorer.score(q, black_box(a)));
            }
        })
    });
    g.finish();

    let generic: Vec<(&Question, &str)> = questions
        .iter()
        .zip(answers.iter().map(|(_, a)| a.as_str()))
        .collect();
    let with_plain: Vec<(&Question, &str)> = plain
        .iter()
        .zip(answers.iter().map(|(_, a)| a.as_str()))
        .collect();
    // Under `--profile-time` (a profiler attached) only the benchmarks run.
    if std::env::args().any(|a| a == "--profile-time") {
        return;
    }
    let min = Duration::from_secs(2);
    report("no key points", &scorer, &generic, min);
    report("plain key points", &scorer, &with_plain, min);
    report("shipped key points", &scorer, &shipped_pairs, min);

    c.bench_function("scorer_new", |b| b.iter(Scorer::new));
}

criterion_group!(benches, bench);
criterion_main!(benches);
