//! The job-post review: advice drawn from PRODUCT.md step 3, each item with
//! why it matters. Advice never blocks publishing; it informs.

use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

use super::job::{JobPosting, SalaryPeriod};

/// One piece of advice about a job post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// Stable identifier, for tests and for linking help.
    pub code: &'static str,
    /// The field the advice is about, so the editor can show it there.
    pub field: &'static str,
    pub title: String,
    pub why: &'static str,
}

/// Words that make a support title read as condescending or vague, in
/// English and French. Matched as whole words, case-insensitively.
const HYPE_WORDS: &[&str] = &[
    "superstar",
    "super star",
    "rockstar",
    "rock star",
    "ninja",
    "hero",
    "heroes",
    "guru",
    "wizard",
    "jedi",
    "unicorn",
    "champion",
    "happiness",
    "magician",
    "samurai",
    "evangelist",
    "superhero",
    "super-héros",
    "super héros",
    "héros",
    "heros",
    "héroïne",
    "magicien",
    "magicienne",
    "gourou",
    "licorne",
    "sorcier",
    "sorcière",
    "star",
    "as du support",
    "bonheur",
];

static HYPE: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives = HYPE_WORDS
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])({alternatives})(?:$|[^\p{{L}}])"
    ))
    .expect("hype pattern compiles")
});

/// A title with no word saying what the job is reads as vague.
static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)support|success|service|care|help|engineer|specialist|agent|representative|advocate|technician|assistance|client|relation|conseill|chargé|technicien|ingénieur|spécialiste").expect("role pattern compiles")
});

/// A bullet line in Markdown: `-`, `*`, `+` or `1.`.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?:[-*+]|\d+[.)])\s+\S").expect("bullet pattern compiles")
});

/// Words in "how to apply" that give a candidate a concrete next step.
static NEXT_STEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(apply|applying|answer|questionnaire|questions|send|cover letter|portfolio|cv|résumé|resume|postuler|postulez|candidature|répondez|répondre|envoyez|lettre de motivation|click|cliquez|form|formulaire)\b").expect("next-step pattern compiles")
});

/// More bullets than this in "who we are looking for" reads as a wall of requirements.
pub const MAX_REQUIREMENT_BULLETS: usize = 8;

/// Reviews a job post and returns advice, most important first.
pub fn review(job: &JobPosting) -> Vec<Advice> {
    let mut advice = Vec::new();

    if let Some(m) = HYPE.captures(&job.title).and_then(|c| c.get(1)) {
        advice.push(Advice {
            code: "title_hype",
            field: "title",
            title: format!(
                "The title uses “{}”. Say what the job is instead, like “Customer Support Specialist”.",
                m.as_str()
            ),
            why: "Titles like “support superstar” or “happiness hero” read as condescending and blur the role; good candidates search for and trust plain titles.",
        });
    } else if !ROLE_WORD.is_match(&job.title) {
        advice.push(Advice {
            code: "title_vague",
            field: "title",
            title: "The title does not say this is a support job.".into(),
            why: "A clear title aligned with the role is how the right people find the post and recognise themselves in it.",
        });
    }

    for (field, heading, text) in job.sections.headed() {
        if text.trim().is_empty() {
            let (why, skip) = match field {
                "typical_day" => ("A summary of a typical day lets candidates picture the work and decide whether it is for them.", false),
                "technical" => ("Say whether the job involves troubleshooting or actual coding, so candidates can judge the technical side honestly.", job.tier_mix.tier2 + job.tier_mix.tier3 == 0),
                "looking_for" => ("Describe the person you want in a few lines, so they recognise themselves.", false),
                "company_culture" => ("Good candidates look for good people, room to grow, ownership and a culture they share: tell them who you are.", false),
                _ => ("Clear next steps (answer the screening questions, send a cover letter, a portfolio link…) turn interest into applications.", false),
            };
            if !skip {
                advice.push(Advice {
                    code: "missing_section",
                    field,
                    title: format!("The section “{heading}” is empty."),
                    why,
                });
            }
        }
    }

    let bullets = BULLET.find_iter(&job.sections.looking_for).count();
    if bullets > MAX_REQUIREMENT_BULLETS {
        advice.push(Advice {
            code: "requirements_wall",
            field: "looking_for",
            title: format!(
                "“Who we are looking for” lists {bullets} items; keep it to the few that really matter (at most {MAX_REQUIREMENT_BULLETS})."
            ),
            why: "Long lists of every imaginable skill discourage good people, who apply only when they tick every box.",
        });
    }

    match &job.salary {
        None => advice.push(Advice {
            code: "no_salary",
            field: "salary",
            title: "No salary is given.".into(),
            why: "A decent salary is one of the first things good candidates look for; a range builds trust and saves everyone's time.",
        }),
        Some(s) if s.period == SalaryPeriod::Year && s.max > s.min.saturating_mul(2) && s.min > 0 => {
            advice.push(Advice {
                code: "salary_range_wide",
                field: "salary",
                title: "The salary range is very wide (the top is more than twice the bottom).".into(),
                why: "A range that wide says little; candidates read it as the bottom figure.",
            })
        }
        Some(_) => {}
    }

    if !job.sections.how_to_apply.trim().is_empty()
        && !NEXT_STEP.is_match(&job.sections.how_to_apply)
    {
        advice.push(Advice {
            code: "no_next_step",
            field: "how_to_apply",
            title: "“How to apply” does not say what to do next.".into(),
            why: "Say exactly what happens: apply with the form, answer the screening questions, what you will read and when they will hear back.",
        });
    }

    if job.channels.is_empty() {
        advice.push(Advice {
            code: "no_channels",
            field: "channels",
            title: "No support channels are chosen.".into(),
            why: "Live chat, email and phone are different jobs; candidates need to know which ones they will work in.",
        });
    }
    if job.tools.is_empty() {
        advice.push(Advice {
            code: "no_tools",
            field: "tools",
            title: "No tools or platforms are named.".into(),
            why: "Naming the help desk, chat and platforms you use helps candidates with experience in a similar ecosystem find you.",
        });
    }

    advice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::job::{JobInput, JobPosting};

    fn complete() -> JobPosting {
        JobPosting::parse(&JobInput {
            title: "Customer Support Specialist".into(),
            workplace: "remote".into(),
            employment_type: "full_time".into(),
            languages: vec!["en".into()],
            fluencies: vec!["fluent".into()],
            channels: vec!["email".into()],
            tools: "Help Scout, WordPress".into(),
            tier1: "70".into(),
            tier2: "20".into(),
            tier3: "10".into(),
            salary_min: "40000".into(),
            salary_max: "50000".into(),
            salary_currency: "EUR".into(),
            typical_day: "You answer emails.".into(),
            technical: "Some debugging.".into(),
            looking_for: "- Kind\n- Curious".into(),
            company_culture: "Small team.".into(),
            how_to_apply: "Apply with the form and answer the screening questions.".into(),
            ..Default::default()
        })
        .expect("valid")
    }

    fn codes(job: &JobPosting) -> Vec<&'static str> {
        review(job).into_iter().map(|a| a.code).collect()
    }

    #[test]
    fn a_complete_post_gets_no_advice() {
        assert!(codes(&complete()).is_empty(), "{:?}", review(&complete()));
    }

    #[test]
    fn hype_titles_are_flagged_in_english_and_french() {
        for title in [
            "Support Superstar",
            "Happiness Hero",
            "Customer Support Ninja",
            "Rockstar support agent",
            "Support Guru",
            "Help Desk Wizard",
            "Super-héros du support client",
            "Magicienne du service client",
            "Gourou du support",
        ] {
            let mut job = complete();
            job.title = title.into();
            assert_eq!(codes(&job), vec!["title_hype"], "{title}");
        }
    }

    #[test]
    fn plain_titles_pass_even_when_they_contain_hype_letters() {
        for title in [
            "Customer Support Specialist",
            "Chargé de support client",
            "Support Engineer (Heroku, Starter plan)",
            "Technical Support Engineer – Chemistry products",
        ] {
            let mut job = complete();
            job.title = title.into();
            assert!(codes(&job).is_empty(), "{title}: {:?}", codes(&job));
        }
    }

    #[test]
    fn vague_titles_are_flagged() {
        let mut job = complete();
        job.title = "Join our team!".into();
        assert_eq!(codes(&job), vec!["title_vague"]);
    }

    #[test]
    fn missing_sections_salary_channels_and_tools_are_flagged() {
        let mut job = complete();
        job.sections.typical_day.clear();
        job.salary = None;
        job.channels.clear();
        job.tools.clear();
        assert_eq!(
            codes(&job),
            vec!["missing_section", "no_salary", "no_channels", "no_tools"]
        );
    }

    #[test]
    fn a_wall_of_requirements_is_flagged() {
        let mut job = complete();
        job.sections.looking_for = (1..=12).map(|i| format!("- skill {i}\n")).collect();
        assert_eq!(codes(&job), vec!["requirements_wall"]);
    }

    #[test]
    fn how_to_apply_needs_a_next_step() {
        let mut job = complete();
        job.sections.how_to_apply = "We look forward to meeting you.".into();
        assert_eq!(codes(&job), vec!["no_next_step"]);
        job.sections.how_to_apply = "Postulez via le formulaire.".into();
        assert!(codes(&job).is_empty());
    }
}
