//! The job-post review: advice drawn from PRODUCT.md step 3, each item with
//! why it matters. Advice never blocks publishing; it informs. The phrases
//! it looks for are data, in data/job_review.toml.

use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

use super::job::{JobPosting, SalaryPeriod};
use crate::i18n::{Locale, Message};

/// One piece of advice about a job post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// Stable identifier, for tests and for linking help.
    pub code: &'static str,
    /// The field the advice is about, so the editor can show it there.
    pub field: &'static str,
    pub title: Words,
    pub why: Words,
}

/// The words of a piece of advice: a message of the translation files, or
/// a sentence kept next to its phrases in data/job_review.toml (written for
/// owners in English, like the phrase lists it explains).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Message(Message),
    Data(String),
}

impl Words {
    /// The words in `locale`; data sentences exist in English only.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Words::Message(m) => m.text(locale),
            Words::Data(t) => t.clone(),
        }
    }

    pub fn english(&self) -> String {
        self.text(Locale::ENGLISH)
    }
}

impl From<Message> for Words {
    fn from(m: Message) -> Self {
        Words::Message(m)
    }
}

/// The phrase lists and their reasons, kept as data (data/job_review.toml).
const DATA: &str = include_str!("../../data/job_review.toml");

#[derive(Deserialize)]
struct Data {
    max_requirement_bullets: usize,
    negations: Vec<String>,
    title_hype: Family,
    role_words: Family,
    next_step: Family,
    body: Vec<BodyFamily>,
}

#[derive(Deserialize)]
struct Family {
    why: String,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
}

#[derive(Deserialize)]
struct BodyFamily {
    code: String,
    title: String,
    #[serde(flatten)]
    family: Family,
}

/// A family of phrases, compiled: whole words first, then patterns. The
/// first group of each expression is the phrase found.
struct Phrases {
    why: String,
    expressions: Vec<Regex>,
}

impl Phrases {
    fn compile(family: &Family) -> Phrases {
        let mut expressions = Vec::new();
        if !family.words.is_empty() {
            let alternatives = family
                .words
                .iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|");
            // Whole words: no letter or digit may touch either end.
            expressions.push(
                Regex::new(&format!(
                    r"(?i)(?:^|[^\p{{L}}\p{{N}}])({alternatives})(?:$|[^\p{{L}}\p{{N}}])"
                ))
                .expect("the review's word lists compile"),
            );
        }
        for p in &family.patterns {
            expressions
                .push(Regex::new(&format!("(?i)({p})")).expect("the review's patterns compile"));
        }
        Phrases {
            why: family.why.clone(),
            expressions,
        }
    }

    /// The first phrase of the family in `text` that no negation just
    /// before it turns around ("no degree required" asks for none).
    fn find<'t>(&self, text: &'t str, negation: Option<&Regex>) -> Option<&'t str> {
        self.expressions.iter().find_map(|re| {
            re.captures_iter(text)
                .filter_map(|c| c.get(1))
                .find(|m| {
                    let before = &text[..m.start()];
                    let from = before
                        .char_indices()
                        .rev()
                        .nth(24)
                        .map(|(i, _)| i)
                        .unwrap_or(0);
                    !negation.is_some_and(|n| n.is_match(&before[from..]))
                })
                .map(|m| m.as_str().trim())
        })
    }
}

struct Review {
    max_requirement_bullets: usize,
    negation: Regex,
    title_hype: Phrases,
    role_words: Phrases,
    next_step: Phrases,
    body: Vec<(String, String, Phrases)>,
}

static REVIEW: LazyLock<Review> = LazyLock::new(|| {
    let data: Data = toml::from_str(DATA).expect("data/job_review.toml is valid");
    let negations = data
        .negations
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Review {
        max_requirement_bullets: data.max_requirement_bullets,
        negation: Regex::new(&format!(
            r"(?i)(?:^|[^\p{{L}}])(?:{negations})(?:$|[^\p{{L}}])"
        ))
        .expect("the review's negations compile"),
        title_hype: Phrases::compile(&data.title_hype),
        role_words: Phrases::compile(&data.role_words),
        next_step: Phrases::compile(&data.next_step),
        body: data
            .body
            .iter()
            .map(|b| (b.code.clone(), b.title.clone(), Phrases::compile(&b.family)))
            .collect(),
    }
});

/// A bullet line: Markdown's `-`, `*`, `+` or `1.`, and the `•`, `–`, `▪`
/// of text pasted from a word processor.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?:(?:[-*+–—]|\d+[.)])\s+|[•·▪◦]\s*)\S").expect("bullet pattern compiles")
});

/// The most bullet points the requirement sections may have before they
/// read as a wall of requirements.
pub fn max_requirement_bullets() -> usize {
    REVIEW.max_requirement_bullets
}

/// Reviews a job post and returns advice, most important first.
pub fn review(job: &JobPosting) -> Vec<Advice> {
    let mut advice = Vec::new();
    let data = |t: &str| Words::Data(t.to_string());
    let said = |key: &'static str| Words::Message(Message::new(key));

    let review = &*REVIEW;
    if let Some(found) = review.title_hype.find(&job.title, None) {
        advice.push(Advice {
            code: "title_hype",
            field: "title",
            title: Message::new("staff-advice-title-hype")
                .arg("found", found)
                .into(),
            why: data(&review.title_hype.why),
        });
    } else if review.role_words.find(&job.title, None).is_none() {
        advice.push(Advice {
            code: "title_vague",
            field: "title",
            title: said("staff-advice-title-vague"),
            why: data(&review.role_words.why),
        });
    }

    for (field, heading, text) in job.sections.headed() {
        if text.trim().is_empty() {
            let (why, skip) = match field {
                "typical_day" => ("staff-advice-missing-typical-day-why", false),
                "technical" => (
                    "staff-advice-missing-technical-why",
                    job.tier_mix.tier2 + job.tier_mix.tier3 == 0,
                ),
                "looking_for" => ("staff-advice-missing-looking-for-why", false),
                "company_culture" => ("staff-advice-missing-company-culture-why", false),
                _ => ("staff-advice-missing-how-to-apply-why", false),
            };
            if !skip {
                advice.push(Advice {
                    code: "missing_section",
                    field,
                    title: Message::new("staff-advice-missing-section")
                        .arg("heading", &heading)
                        .into(),
                    why: said(why),
                });
            }
        }
    }

    // One piece of advice per phrase family, at the first section using it.
    for (code, title, phrases) in &review.body {
        let found = job
            .sections
            .headed()
            .into_iter()
            .find_map(|(field, heading, text)| {
                phrases
                    .find(text, Some(&review.negation))
                    .map(|m| (field, heading, m))
            });
        if let Some((field, heading, phrase)) = found {
            advice.push(Advice {
                code,
                field,
                title: Words::Data(
                    title
                        .replace("{section}", &heading.english())
                        .replace("{match}", phrase),
                ),
                why: data(&phrases.why),
            });
        }
    }

    let looking_for = BULLET.find_iter(&job.sections.looking_for).count();
    let technical = BULLET.find_iter(&job.sections.technical).count();
    let max = review.max_requirement_bullets;
    if looking_for + technical > max {
        // The advice points at the section with more bullets, and names
        // every section that has some.
        let field = if technical > looking_for {
            "technical"
        } else {
            "looking_for"
        };
        let title = if looking_for == 0 {
            "staff-advice-requirements-wall-technical"
        } else if technical == 0 {
            "staff-advice-requirements-wall-looking-for"
        } else {
            "staff-advice-requirements-wall-both"
        };
        advice.push(Advice {
            code: "requirements_wall",
            field,
            title: Message::new(title)
                .count("n", (looking_for + technical) as i64)
                .count("max", max as i64)
                .into(),
            why: said("staff-advice-requirements-wall-why"),
        });
    }

    match &job.salary {
        None => advice.push(Advice {
            code: "no_salary",
            field: "salary",
            title: said("staff-advice-no-salary"),
            why: said("staff-advice-no-salary-why"),
        }),
        Some(s)
            if s.period == SalaryPeriod::Year && s.max > s.min.saturating_mul(2) && s.min > 0 =>
        {
            advice.push(Advice {
                code: "salary_range_wide",
                field: "salary",
                title: said("staff-advice-salary-range-wide"),
                why: said("staff-advice-salary-range-wide-why"),
            })
        }
        Some(_) => {}
    }

    if !job.sections.how_to_apply.trim().is_empty()
        && review
            .next_step
            .find(&job.sections.how_to_apply, None)
            .is_none()
    {
        advice.push(Advice {
            code: "no_next_step",
            field: "how_to_apply",
            title: said("staff-advice-no-next-step"),
            why: data(&review.next_step.why),
        });
    }

    if job.channels.is_empty() {
        advice.push(Advice {
            code: "no_channels",
            field: "channels",
            title: said("staff-advice-no-channels"),
            why: said("staff-advice-no-channels-why"),
        });
    }
    if job.tools.is_empty() {
        advice.push(Advice {
            code: "no_tools",
            field: "tools",
            title: said("staff-advice-no-tools"),
            why: said("staff-advice-no-tools-why"),
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
        // Pasted bullets, and requirements split over two sections.
        let mut job = complete();
        job.sections.looking_for = (1..=5).map(|i| format!("• skill {i}\n")).collect();
        job.sections.technical = (1..=5).map(|i| format!("{i}. tool {i}\n")).collect();
        assert_eq!(codes(&job), vec!["requirements_wall"]);
        assert_eq!(
            review(&job)[0].title.english(),
            "“Who we are looking for” and “The technical side” list 10 requirements; keep them to the few that really matter (at most 8)."
        );
        // Eight is fine.
        let mut job = complete();
        job.sections.looking_for = (1..=max_requirement_bullets())
            .map(|i| format!("- skill {i}\n"))
            .collect();
        assert!(codes(&job).is_empty());
    }

    /// The advice codes for a post whose "who we are looking for" says `text`.
    fn codes_for_body(text: &str) -> Vec<&'static str> {
        let mut job = complete();
        job.sections.looking_for = text.into();
        codes(&job)
    }

    #[test]
    fn hype_words_in_the_body_are_flagged() {
        for text in [
            "You are a support rockstar.",
            "We need a true ninja of customer care.",
            "A help desk guru who loves people.",
            "Our next support hero!",
            "Be the wizard our users deserve.",
            "A Superstar with customers.",
            "Vous êtes un vrai gourou du support.",
        ] {
            assert_eq!(codes_for_body(text), vec!["body_hype"], "{text}");
        }
        let mut job = complete();
        job.sections.company_culture = "A team of rock stars.".into();
        let advice = review(&job);
        assert_eq!(advice[0].field, "company_culture");
        let title = advice[0].title.english();
        assert!(title.contains("rock stars"), "{title}");
        assert!(!advice[0].why.english().is_empty());
    }

    #[test]
    fn work_hard_play_hard_is_flagged() {
        for text in [
            "We work hard, play hard.",
            "Work hard and play hard!",
            "We WORK HARD & PLAY HARD.",
            "On travaille dur et on s’amuse dur.",
        ] {
            assert_eq!(codes_for_body(text), vec!["work_hard_play_hard"], "{text}");
        }
    }

    #[test]
    fn years_of_experience_demands_are_flagged() {
        for text in [
            "5+ years in customer support.",
            "- 3 years of experience with Zendesk",
            "At least two years in a support role.",
            "Minimum of 4 yrs in SaaS.",
            "2-3 years of SaaS support experience.",
            "Five years of support experience.",
            "3 ans d’expérience minimum.",
            "Au moins 2 ans dans le support.",
        ] {
            assert_eq!(codes_for_body(text), vec!["years_of_experience"], "{text}");
        }
    }

    #[test]
    fn degree_requirements_are_flagged() {
        for text in [
            "A degree in computer science.",
            "Bachelor's degree required.",
            "BA/BS or equivalent.",
            "A university degree.",
            "Bac+3 minimum.",
            "Diplôme d’une école de commerce.",
        ] {
            assert_eq!(codes_for_body(text), vec!["degree_required"], "{text}");
        }
    }

    #[test]
    fn plain_posts_draw_no_false_alarm() {
        for text in [
            "No degree required: we care about how you write to people.",
            "You don't need 5+ years: we train you.",
            "Pas besoin de diplôme.",
            "Experience in retail, a front desk or a restaurant counts.",
            "You grow with us: in two years you may lead the team.",
            "We use Heroku and answer in a plain style.",
            "You will master our product in a week.",
            "Our customers leave 5-star ratings.",
            "Kind, patient and curious.",
        ] {
            assert!(
                codes_for_body(text).is_empty(),
                "{text}: {:?}",
                codes_for_body(text)
            );
        }
    }

    #[test]
    fn every_family_in_the_data_file_has_a_reason() {
        let review = &*REVIEW;
        assert!(review.max_requirement_bullets > 0);
        for (code, title, phrases) in &review.body {
            assert!(!code.is_empty() && !title.is_empty() && !phrases.why.is_empty());
            assert!(!phrases.expressions.is_empty(), "{code}");
        }
        let codes: Vec<&str> = review.body.iter().map(|(c, _, _)| c.as_str()).collect();
        for expected in [
            "body_hype",
            "work_hard_play_hard",
            "years_of_experience",
            "degree_required",
        ] {
            assert!(codes.contains(&expected), "{expected}");
        }
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
