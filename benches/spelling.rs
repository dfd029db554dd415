//! Spelling cost per ~1 KB answer, one core (measured once per answer at
//! submission, outside the scorer's loop). `cargo bench --bench spelling`

use std::collections::HashSet;
use std::time::Instant;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rapport::scoring::spelling::check;
use rapport::scoring::Lang;

fn text(parts: &[&str]) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 1000 {
        s.push_str(parts[i % parts.len()]);
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let en = text(&[
        "Hi, I'm sorry it's not working yet, that's frustrating when you just want it live on your blog. ",
        "What do you see right now, an eror message, a blank area, or nothing at all? ",
        "Rich snippets need to be rendered server-side, so you'd use our API from your backend. ",
    ]);
    let fr = text(&[
        "Bonjour, je suis désolé pour ce ralentissement, je comprends que ce soit pénible pour vous. ",
        "Pourriez-vous me dire quelle page est la plus lente, depuis quand exactement ? ",
        "Notre extension met en cache les notes chaque jour, ce qui évite de surcharger l’API. ",
    ]);
    let known = HashSet::new();
    for (lang, t) in [(Lang::En, &en), (Lang::Fr, &fr)] {
        let start = Instant::now();
        black_box(check(t, lang, &known));
        eprintln!(
            "first {} check (dictionary load): {:?}",
            lang.code(),
            start.elapsed()
        );
    }
    let mut g = c.benchmark_group("spelling");
    g.throughput(Throughput::Elements(2));
    g.bench_function("answers_1kb", |b| {
        b.iter(|| {
            black_box(check(black_box(&en), Lang::En, &known));
            black_box(check(black_box(&fr), Lang::Fr, &known));
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
