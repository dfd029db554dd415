//! The answers and questions `benches/scoring.rs` measures, shared with
//! `examples/score_dump.rs` (which digests the same work's output and runs
//! it a fixed number of times for instruction counts).
#![allow(dead_code)]

use rapport::domain::questionnaire::Questionnaire;
use rapport::scoring::{from_domain, KeyPoint, Lang, Question, Rubric, Tier};

/// The shipped questionnaires' questions (phrasings, plain fallback).
pub fn shipped_questions() -> Vec<Question> {
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

pub fn answers() -> Vec<(Lang, String)> {
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

/// The generic question (no key points) for each answer.
pub fn generic_questions(answers: &[(Lang, String)]) -> Vec<Question> {
    answers
        .iter()
        .map(|(l, _)| Question::generic("q", "It doesn't work.", Tier::TWO, Some(*l)))
        .collect()
}

/// The same answers against questions with plain-language key points
/// (label and an example, no phrasings), compiled once per question.
pub fn plain_questions(answers: &[(Lang, String)]) -> Vec<Question> {
    answers
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
        .collect()
}

/// The shipped questions that have key points.
pub fn shipped_with_key_points() -> Vec<Question> {
    shipped_questions()
        .into_iter()
        .filter(|q| q.rubric.as_ref().is_some_and(|r| !r.key_points.is_empty()))
        .collect()
}

/// The same answers against the shipped questions with key points:
/// phrasings first, the plain matcher as a fallback.
pub fn shipped_pairs<'a>(
    answers: &'a [(Lang, String)],
    shipped: &'a [Question],
) -> Vec<(&'a Question, &'a str)> {
    answers
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
        .collect()
}
