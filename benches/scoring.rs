//! Scoring throughput on ~1 KB answers, one core.
//! `cargo bench --bench scoring`

use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rapport::domain::questionnaire::Questionnaire;
use rapport::scoring::{from_domain, KeyPoint, Lang, Question, Rubric, Scorer, Tier};

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

/// The shipped questionnaires' questions (phrasings, plain fallback).
fn shipped_questions() -> Vec<Question> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    let mut out = Vec::new();
    for name in [
        "generalist-en.toml",
        "generalist-fr.toml",
        "technical-en.toml",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("shipped questionnaire");
        let q = Questionnaire::parse(&text).expect("shipped questionnaire parses");
        out.extend(from_domain::questions(&q));
    }
    out
}

fn answers() -> Vec<(Lang, String)> {
    let en = [
        "Hi, I'm sorry it's not working yet, that's frustrating when you just want it live on your blog. Let's sort it out together. ",
        "What do you see right now, an error message, a blank area, or nothing at all? Which theme and WordPress version are you on? ",
        "Did it stop working after an update or has it never shown up? A screenshot of the page would help a lot. ",
        "Rich snippets need to be rendered server-side, so you'd use our API from your backend and add schema.org markup. ",
        "If it's PHP I can point you to our SDK, otherwise I can walk you through the raw API calls. Have a great day! ",
    ];
    let fr = [
        "Bonjour, je suis désolé pour ce ralentissement, je comprends que ce soit pénible pour vous et vos visiteurs. ",
        "Pour trouver la cause, pourriez-vous me dire quelle page est la plus lente, depuis quand exactement, et quelles autres extensions sont actives ? ",
        "Si vous avez un rapport d'un outil comme PageSpeed, n'hésitez pas à me l'envoyer. Je m'en occupe tout de suite. ",
        "Notre extension met en cache les notes chaque jour, ce qui évite de surcharger l’API. Bonne journée ! ",
    ];
    let build = |parts: &[&str], rot: usize| {
        let mut s = String::new();
        let mut i = rot;
        while s.len() < 1000 {
            s.push_str(parts[i % parts.len()]);
            i += 1;
        }
        s
    };
    let mut out = Vec::new();
    for rot in 0..4 {
        out.push((Lang::En, build(&en, rot)));
        out.push((Lang::Fr, build(&fr, rot)));
    }
    out
}

fn bench(c: &mut Criterion) {
    let scorer = Scorer::new();
    let answers = answers();
    let questions: Vec<Question> = answers
        .iter()
        .map(|(l, _)| Question::generic("q", "It doesn't work.", Tier::TWO, Some(*l)))
        .collect();
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
    let plain: Vec<Question> = answers
        .iter()
        .map(|(l, _)| {
            let mut q = Question::generic("q", "It doesn't work.", Tier::TWO, Some(*l));
            let kp = |id: &str, label: &str, example: &str| KeyPoint {
                id: id.into(),
                label: label.into(),
                phrasings: vec![],
                required: true,
                examples: vec![example.into()],
            };
            q.rubric = Some(Rubric {
                key_points: match l {
                    Lang::En => vec![
                        kp("ssr", "Says rich snippets must be rendered server-side with schema.org markup", "Use our API from your backend"),
                        kp("version", "Asks which WordPress version and theme they use", "Which theme are you on?"),
                        kp("refund", "Says an unused plan can be refunded within 30 days", "You get your money back within 30 days"),
                    ],
                    Lang::Fr => vec![
                        kp("cache", "Dit que l'extension met les notes en cache chaque jour", "Le cache évite de surcharger l'API"),
                        kp("page", "Demande quelle page est la plus lente et depuis quand", "Depuis quand est-ce lent ?"),
                        kp("rembourse", "Dit qu'un forfait inutilisé est remboursé sous 30 jours", "Remboursement sous trente jours"),
                    ],
                },
                ..Rubric::default()
            });
            q
        })
        .collect();
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
    let shipped: Vec<Question> = shipped_questions()
        .into_iter()
        .filter(|q| q.rubric.as_ref().is_some_and(|r| !r.key_points.is_empty()))
        .collect();
    let shipped_pairs: Vec<(&Question, &str)> = answers
        .iter()
        .enumerate()
        .flat_map(|(i, (l, a))| {
            shipped
                .iter()
                .filter(move |q| q.lang == Some(*l))
                .skip(i)
                .step_by(3)
                .map(move |q| (q, a.as_str()))
        })
        .collect();
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
