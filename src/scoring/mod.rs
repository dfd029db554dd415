//! The rubric scoring engine: pure and deterministic, no I/O.
//!
//! Build one [`Scorer`] (all patterns are compiled in its constructor; use
//! [`Scorer::shared`] for a process-wide instance) and call
//! [`Scorer::score`] for each answer. Combine answers with
//! [`questionnaire_result`]; measure agreement with human grades with
//! [`eval::evaluate`].

pub mod authoring;
pub mod content;
pub mod curiosity;
pub mod empathy;
pub mod eval;
pub mod from_domain;
pub mod lang;
pub mod plain;
pub mod spelling;
pub mod text;
pub mod tone;
pub mod types;
pub mod verdict;

use std::sync::OnceLock;

pub use types::{
    AnswerScore, ContentScore, Dimension, DimensionScore, Evidence, EvidenceKind, KeyPoint, Lang,
    LangSource, Question, Rubric, Tier, ToneFlag, Weights,
};
pub use verdict::with_writing;
pub use verdict::{
    questionnaire_result, screen_result, QuestionnaireResult, ScreenResult, ShareResult,
    TierResult, DEFAULT_PASS_MARK, REQUIRED_MISS_CAP,
};

/// Version of the scoring rules, recorded in every [`AnswerScore`] so a
/// changed scorer can re-score stored answers and show what moved.
pub const SCORER_VERSION: &str = "2026.12.10";

/// Longest answer scored, in bytes; longer answers are scored on their
/// first `MAX_ANSWER_BYTES` (cut on a char boundary) to bound the work.
pub const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// The scoring engine. Cheap to share (`&Scorer` is `Sync`), costly to
/// build: build it once.
pub struct Scorer {
    tone: tone::ToneDetector,
    empathy: empathy::EmpathyDetector,
    curiosity: curiosity::CuriosityDetector,
}

impl Default for Scorer {
    fn default() -> Self {
        Self::new()
    }
}

impl Scorer {
    /// Compiles every pattern.
    pub fn new() -> Scorer {
        Scorer {
            tone: tone::ToneDetector::new(),
            empathy: empathy::EmpathyDetector::new(),
            curiosity: curiosity::CuriosityDetector::new(),
        }
    }

    /// A process-wide scorer, built on first use.
    pub fn shared() -> &'static Scorer {
        static SCORER: OnceLock<Scorer> = OnceLock::new();
        SCORER.get_or_init(Scorer::new)
    }

    /// Scores one answer to `question`.
    pub fn score(&self, question: &Question, answer: &str) -> AnswerScore {
        let answer = truncate(answer, MAX_ANSWER_BYTES);
        let (lang, lang_source) = match question.lang {
            Some(l) => (Some(l), LangSource::Question),
            None => match lang::detect(answer) {
                Some(l) => (Some(l), LangSource::Detected),
                None => (None, LangSource::Undetermined),
            },
        };
        let langs: &[Lang] = match lang {
            Some(Lang::En) => &[Lang::En],
            Some(Lang::Fr) => &[Lang::Fr],
            None => &[Lang::En, Lang::Fr],
        };
        let folded = text::Folded::new(answer);

        let tone = self.tone.detect(answer, &folded, langs);
        let cur = self.curiosity.detect(&folded, langs, &tone.rhetorical);
        let first_probe = cur.evidence.first().map(|e| e.span.clone());
        let need_probe = cur
            .evidence
            .iter()
            .any(|e| e.kind == EvidenceKind::ProbeNeed && e.weight >= curiosity::OPEN_NEED_WEIGHT);
        let emp = self.empathy.detect(
            &folded,
            langs,
            cur.score.grade,
            first_probe,
            need_probe,
            tone.put_down,
        );

        let key_points: &[KeyPoint] = question
            .rubric
            .as_ref()
            .map(|r| r.key_points.as_slice())
            .unwrap_or(&[]);
        let plain_lang = lang.unwrap_or(Lang::En);
        let compiled = question.rubric.as_ref().and_then(|r| {
            r.key_points.iter().any(plain::uses_plain).then(|| {
                r.compiled.slots[plain_lang as usize]
                    .get_or_init(|| {
                        std::sync::Arc::new(plain::compile(
                            &r.key_points,
                            &question.prompt,
                            plain_lang,
                        ))
                    })
                    .clone()
            })
        });
        let (content, content_ev) = content::coverage(
            &folded,
            key_points,
            compiled.as_deref().map(|c| (c, plain_lang)),
            &emp.evidence,
        );

        let mut evidence = tone.evidence;
        if let Some(b) = self.tone.brush_off(&folded, emp.raw, cur.total) {
            evidence.push(b);
        }
        let mut flags: Vec<ToneFlag> = evidence
            .iter()
            .filter_map(|e| tone::flag_of(e.kind))
            .collect();
        flags.sort();
        flags.dedup();

        let weights = verdict::effective_weights(
            question
                .rubric
                .as_ref()
                .map(|r| r.weights)
                .unwrap_or(Weights::GENERIC),
            !key_points.is_empty(),
        );
        let (score, penalty, capped) =
            verdict::combine(weights, emp.score.score, cur.score.score, &content, &flags);

        evidence.extend(emp.evidence);
        evidence.extend(cur.evidence);
        evidence.extend(content_ev);
        evidence.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(a.span.end.cmp(&b.span.end))
        });

        AnswerScore {
            scorer_version: SCORER_VERSION.to_string(),
            question_id: question.id.clone(),
            tier: question.tier,
            lang,
            lang_source,
            empathy: emp.score,
            curiosity: cur.score,
            content,
            tone: flags,
            weights,
            penalty,
            capped,
            score,
            evidence,
        }
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(lang: Option<Lang>) -> Question {
        Question::generic(
            "q1",
            "I installed your plugin and it doesn't work.",
            Tier::TWO,
            lang,
        )
    }

    fn check_spans(answer: &str, s: &AnswerScore) {
        for e in &s.evidence {
            assert!(
                e.span.start <= e.span.end && e.span.end <= answer.len(),
                "{e:?}"
            );
            assert!(
                answer.is_char_boundary(e.span.start) && answer.is_char_boundary(e.span.end),
                "{e:?}"
            );
        }
        assert!((0.0..=1.0).contains(&s.score));
        assert!((0.0..=1.0).contains(&s.empathy.score) && (0.0..=1.0).contains(&s.curiosity.score));
        assert!(s.empathy.grade <= 2 && s.curiosity.grade <= 2);
    }

    /// A question whose one key point is `label`, in plain form.
    fn with_key_point(lang: Lang, label: &str) -> Question {
        with_key_points(Some(lang), &[label])
    }

    /// A question with these key points, in plain form.
    fn with_key_points(lang: Option<Lang>, labels: &[&str]) -> Question {
        let mut q = q(lang);
        q.rubric = Some(Rubric {
            key_points: labels
                .iter()
                .enumerate()
                .map(|(i, label)| KeyPoint {
                    id: format!("kp{i}"),
                    label: label.to_string(),
                    phrasings: vec![],
                    required: i == 0,
                    examples: vec![],
                })
                .collect(),
            ..Rubric::default()
        });
        q
    }

    #[test]
    fn a_key_point_naming_an_act_of_empathy_is_met_by_the_act_en_fr() {
        let sc = Scorer::new();
        let covered = |q: &Question, answer: &str| sc.score(q, answer).content.covered.len() == 1;
        let en = with_key_point(
            Lang::En,
            "Acknowledges the customer's frustration and apologises for the bad surprise",
        );
        // The acts in words of the answer's own: no word of the label.
        let s = sc.score(
            &en,
            "I'm really sorry, I can imagine how annoying it is to find your history gone.",
        );
        assert_eq!(s.content.covered.len(), 1);
        // The evidence names the act's words, not "I".
        assert!(
            s.evidence.iter().any(|e| e.kind == EvidenceKind::KeyPoint
                && e.label.ends_with("(matched: sorry, imagine)")),
            "{:?}",
            s.evidence
        );
        assert!(!covered(
            &en,
            "I won't apologise: the 30-day limit is on the pricing page."
        ));
        assert!(!covered(&en, "Free accounts keep 30 days of readings."));
        // Saying sorry for their trouble acknowledges it too, as the
        // people who label answers read it.
        assert!(covered(
            &en,
            "Sorry for the confusion! Free accounts keep 30 days of readings."
        ));
        let fr = with_key_point(
            Lang::Fr,
            "Reconnaît la frustration du client et s'excuse pour la mauvaise surprise",
        );
        assert!(covered(
            &fr,
            "Je suis vraiment désolée, je comprends à quel point c'est frustrant."
        ));
        assert!(!covered(
            &fr,
            "Je ne vais pas m'excuser : la limite est indiquée sur la page des tarifs."
        ));
        assert!(!covered(
            &fr,
            "Les comptes gratuits gardent 30 jours de relevés."
        ));
        assert!(covered(
            &fr,
            "Désolée pour la confusion ! Les comptes gratuits gardent 30 jours de relevés."
        ));
    }

    #[test]
    fn a_label_that_starts_with_an_act_is_met_by_the_act_en_fr() {
        let sc = Scorer::new();
        let covered = |q: &Question, answer: &str| sc.score(q, answer).content.covered.len() == 1;
        let en = with_key_point(
            Lang::En,
            "Acknowledges the time pressure of tomorrow's release",
        );
        // The act in words of the answer's own, no other word of the label.
        assert!(covered(
            &en,
            "So sorry about the late-night trouble, let's fix it fast. Export the file as MP3."
        ));
        assert!(!covered(&en, "Export the file as MP3 and upload it again."));
        assert!(!covered(
            &en,
            "I won't apologise: the limit is on the pricing page."
        ));
        // A label naming two acts is not met by one of them.
        let two = with_key_point(
            Lang::En,
            "Acknowledges the customer's frustration and apologises for the bad surprise",
        );
        assert!(!covered(
            &two,
            "I can imagine how annoying it is. Free accounts keep 30 days of readings."
        ));
        let fr = with_key_point(
            Lang::Fr,
            "Reconnaît la pression de la sortie prévue demain matin",
        );
        assert!(covered(
            &fr,
            "Vraiment désolée pour cette soirée compliquée, on va régler ça vite. Exportez le fichier en MP3."
        ));
        assert!(!covered(
            &fr,
            "Exportez le fichier en MP3 et envoyez-le de nouveau."
        ));
        assert!(!covered(
            &fr,
            "Je ne vais pas m'excuser : la limite est indiquée sur la page des tarifs."
        ));
    }

    #[test]
    fn a_label_that_reassures_is_met_by_reassurance_en_fr() {
        let sc = Scorer::new();
        let covered = |q: &Question, answer: &str| sc.score(q, answer).content.covered.len() == 1;
        // (language, the act's label, reassurance, no reassurance,
        //  "reassures that ..." which asks for what follows, not the act)
        let cases = [
            (
                Lang::En,
                "Reassures the worried customer about the sponsors",
                "Please don't panic, this is really common.",
                "Your stats are updated once a day.",
                "Reassures that the orders already placed are safe",
                "Don't worry, I'll look into it.",
            ),
            (
                Lang::Fr,
                "Rassure la cliente inquiète pour son week-end",
                "Pas de panique, ça arrive souvent.",
                "Les statistiques sont mises à jour chaque jour.",
                "Rassure que les commandes déjà passées sont bien enregistrées",
                "Pas de panique, je regarde ça.",
            ),
        ];
        for (lang, act, reassured, not_reassured, that, reassured_only) in cases {
            let q = with_key_point(lang, act);
            assert!(covered(&q, reassured), "{reassured}");
            assert!(!covered(&q, not_reassured), "{not_reassured}");
            let that = with_key_point(lang, that);
            assert!(!covered(&that, reassured_only), "{reassured_only}");
        }
        // Generic sympathy acknowledges too.
        let ack = with_key_point(Lang::En, "Acknowledges the time pressure of the release");
        assert!(covered(
            &ack,
            "I'm so sorry you're dealing with this. Export the file as MP3."
        ));
    }

    #[test]
    fn traps_en() {
        let sc = Scorer::new();
        let s = sc.score(
            &q(Some(Lang::En)),
            "Thanks for your patience, but you should have read the docs.",
        );
        assert_eq!(s.empathy.grade, 0);
        assert!(s.tone.contains(&ToneFlag::Blame));
        let s = sc.score(&q(Some(Lang::En)), "Did you even read the docs?");
        assert_eq!((s.empathy.grade, s.curiosity.grade), (0, 0));
        assert!(s.tone.contains(&ToneFlag::Rhetorical));
        let s = sc.score(&q(Some(Lang::En)), "Please send me the URL.");
        assert_eq!(s.curiosity.grade, 1);
    }

    #[test]
    fn traps_fr() {
        let sc = Scorer::new();
        let s = sc.score(
            &q(Some(Lang::Fr)),
            "Merci de votre patience, mais il fallait lire la doc.",
        );
        assert_eq!(s.empathy.grade, 0);
        let s = sc.score(
            &q(Some(Lang::Fr)),
            "Avez-vous seulement lu la documentation ?",
        );
        assert_eq!((s.empathy.grade, s.curiosity.grade), (0, 0));
        let s = sc.score(
            &q(Some(Lang::Fr)),
            "Pourriez-vous m'envoyer une capture d'écran ?",
        );
        assert_eq!(s.curiosity.grade, 1);
        let s = sc.score(&q(Some(Lang::Fr)), "Envoyez-moi l'URL.");
        assert_eq!(s.curiosity.grade, 1);
    }

    #[test]
    fn great_answer_scores_high_and_cold_answer_low() {
        let sc = Scorer::new();
        let great = "Hi, I'm sorry it's not working yet, that's frustrating. Which page should it appear on, \
                     and which WordPress version are you on? A screenshot would help a lot.";
        let s = sc.score(&q(Some(Lang::En)), great);
        assert_eq!((s.empathy.grade, s.curiosity.grade), (2, 2));
        assert!(s.score > 0.8, "{}", s.score);
        assert_eq!(s.scorer_version, SCORER_VERSION);
        check_spans(great, &s);
        let cold = sc.score(&q(Some(Lang::En)), "Read the FAQ: https://example.com/faq");
        assert!(cold.score < 0.1 && cold.tone.contains(&ToneFlag::BrushOff));
    }

    #[test]
    fn generalisation_traps() {
        let sc = Scorer::new();
        // politeness then a put-down
        let s = sc.score(
            &q(Some(Lang::En)),
            "Thanks for your message, but the bug must be on your end. Which browser?",
        );
        assert_eq!(s.empathy.grade, 0);
        let s = sc.score(
            &q(Some(Lang::Fr)),
            "Merci de votre patience, mais il fallait mettre à jour avant. Quel navigateur ?",
        );
        assert_eq!(s.empathy.grade, 0);
        // acronyms are not shouting
        let a = "I'm sorry the score dropped, that's stressful. Which metrics fell (FCP, LCP, TTFB), and since when?";
        let s = sc.score(&q(Some(Lang::En)), a);
        assert!(!s.tone.contains(&ToneFlag::Shouting));
        assert_eq!((s.empathy.grade, s.curiosity.grade), (2, 2));
        check_spans(a, &s);
        // courtesy and good questions: empathy 1, curiosity 2
        let a = "Hi, thanks for reaching out! Which page is it on, which browser, and since when?";
        let s = sc.score(&q(Some(Lang::En)), a);
        assert_eq!((s.empathy.grade, s.curiosity.grade), (1, 2));
        let a = "Bonjour, merci pour votre message. Sur quelle page, avec quel navigateur, et depuis quand ?";
        let s = sc.score(&q(Some(Lang::Fr)), a);
        assert_eq!((s.empathy.grade, s.curiosity.grade), (1, 2));
    }

    #[test]
    fn rubric_key_points_and_cap() {
        let mut question = q(Some(Lang::En));
        question.rubric = Some(Rubric {
            key_points: vec![
                KeyPoint {
                    id: "url".into(),
                    label: "asks for the page URL".into(),
                    phrasings: vec!["page url | link to the page".into()],
                    required: false,
                    examples: vec![],
                },
                KeyPoint {
                    id: "theme".into(),
                    label: "suggests testing with a default theme".into(),
                    phrasings: vec!["default theme".into()],
                    required: true,
                    examples: vec![],
                },
            ],
            weights: Weights {
                empathy: 0.3,
                curiosity: 0.3,
                content: 0.4,
            },
            exemplars: vec![],
            ..Default::default()
        });
        let answer = "Hi, sorry for the trouble! Could you send me the page URL and tell me since when it happens?";
        let s = Scorer::new().score(&question, answer);
        assert_eq!(s.content.covered, ["url"]);
        assert_eq!(s.content.required_missed, ["theme"]);
        assert!(s.score <= REQUIRED_MISS_CAP && s.capped);
        check_spans(answer, &s);
    }

    #[test]
    fn language_fallback() {
        let sc = Scorer::new();
        let s = sc.score(&q(None), "Merci !");
        assert_eq!((s.lang, s.lang_source), (None, LangSource::Undetermined));
        assert_eq!(s.empathy.grade, 1);
        let long = "Bonjour, je suis désolé pour ce souci. Pourriez-vous me dire quelle page est concernée et depuis quand ?";
        let s = sc.score(&q(None), long);
        assert_eq!(
            (s.lang, s.lang_source),
            (Some(Lang::Fr), LangSource::Detected)
        );
        assert_eq!(s.curiosity.grade, 2);
    }

    #[test]
    fn serde_round_trip() {
        let s = Scorer::shared().score(&q(Some(Lang::En)), "Sorry! Which page?");
        let json = serde_json::to_string(&s).unwrap();
        let back: AnswerScore = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert!(json.contains("\"lang\":\"en\""));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let sc = Scorer::shared();
        let huge = "Sorry, which page? ".repeat(10_000);
        for text in [
            "",
            " ",
            "?",
            "\u{0}",
            "é\u{301}\u{301}\u{301}",
            "\u{301}leading combining",
            "مرحبا، ما هي الصفحة؟ شكرا",
            "שלום! 🎉🎉 which page?? \u{202e}reversed\u{202c}",
            "İSTANBUL ǅ ß ﬁ ＡＢＣ？",
            "👩‍👩‍👧‍👦 thanks!!!",
            &huge,
        ] {
            for lang in [None, Some(Lang::En), Some(Lang::Fr)] {
                let s = sc.score(&q(lang), text);
                check_spans(text, &s);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn spans_within_answer_on_char_boundaries(text in "\\PC{0,300}") {
            let s = Scorer::shared().score(&q(None), &text);
            check_spans(&text, &s);
        }

        #[test]
        fn spans_ok_on_support_like_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("Désolé pour ce souci, "), Just("I’m SO sorry! "), Just("Which page? "),
                    Just("Pourriez-vous m’envoyer une capture d’écran ? "), Just("did you even read the docs?"),
                    Just("İ"), Just("ß"), Just("🎉"), Just("\u{301}"), Just("\u{202e}"), Just("ǅ"), Just(" "),
                    Just("https://x.com/a "), Just("THANKS FOR NOTHING!!! "), Just("e\u{301}"),
                ],
                0..40,
            ),
            lang in prop_oneof![Just(None), Just(Some(Lang::En)), Just(Some(Lang::Fr))],
        ) {
            let text: String = parts.concat();
            let s = Scorer::shared().score(&q(lang), &text);
            check_spans(&text, &s);
        }

        /// Key points with every kind of specific (offers, acts of empathy,
        /// advice against, units of time, numbers with a fraction) on text
        /// made of their pieces: no panic, and evidence on char boundaries.
        #[test]
        fn key_point_rules_hold_on_any_mix(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("The Studio plan "), Just("the Clinic or Pro plan, "), Just("l'offre Pro "),
                    Just("8.0 "), Just("8.2"), Just("4,99 € "), Just("60 requests per hour "),
                    Just("par minute "), Just(" - "), Just("wi-fi "), Just("I'm so sorry. "),
                    Just("I can imagine how annoying that is. "), Just("Don't share the password. "),
                    Just("Désolée, je comprends. "), Just("Settings > Billing "), Just("30 days. "),
                    Just("İ"), Just("🎉"), Just("e\u{301}"), Just("."), Just(" "), Just("?"),
                ],
                0..40,
            ),
            lang in prop_oneof![Just(None), Just(Some(Lang::En)), Just(Some(Lang::Fr))],
        ) {
            let q = with_key_points(lang, &[
                "Says SMS reminders need the Studio plan ($29/month)",
                "Acknowledges the frustration and apologises for the bad surprise",
                "Advises against sharing the password and offers a personal login",
                "Explains the limit is 60 requests per minute and PHP 8.0 or later",
            ]);
            let text: String = parts.concat();
            let s = Scorer::shared().score(&q, &text);
            check_spans(&text, &s);
        }
    }
    #[test]
    fn curt_requests_are_curiosity_not_brush_offs() {
        let sc = Scorer::new();
        let a = "Send the checkout URL, the gateway logs, the order ID.";
        let s = sc.score(&q(Some(Lang::En)), a);
        assert_eq!(s.curiosity.grade, 2);
        assert!(!s.tone.contains(&ToneFlag::BrushOff));
        check_spans(a, &s);
        let a = "Forward the rejection notice.";
        let s = sc.score(&q(Some(Lang::En)), a);
        assert_eq!(s.curiosity.grade, 1);
        assert!(s.tone.is_empty());
        let a = "Joignez le fichier exporté et l’identifiant de commande.";
        let s = sc.score(&q(Some(Lang::Fr)), a);
        assert_eq!(s.curiosity.grade, 2);
        assert!(s.tone.is_empty());
        check_spans(a, &s);
        // a sarcastic suggestion is a put-down, not a probe
        let s = sc.score(
            &q(Some(Lang::En)),
            "Thanks. Perhaps try a hosting plan from this century?",
        );
        assert_eq!((s.empathy.grade, s.curiosity.grade), (0, 0));
    }

    #[test]
    fn thanks_then_put_down_is_zero() {
        let sc = Scorer::new();
        for a in [
            "Merci pour votre retour, mais la procédure est détaillée dans notre centre d'aide.",
            "Merci de votre patience, même si vous auriez pu chercher un peu.",
            "Merci beaucoup, alors que c'est indiqué en toutes lettres sur la facture.",
            "Merci pour le signalement, mais vous avez mal renseigné la clé.",
            "Bonjour, c'est pourtant expliqué partout.",
        ] {
            let s = sc.score(&q(Some(Lang::Fr)), a);
            assert_eq!(s.empathy.grade, 0, "{a}");
            assert!(
                s.tone.contains(&ToneFlag::Sarcasm) || s.tone.contains(&ToneFlag::Blame),
                "{a}"
            );
            check_spans(a, &s);
        }
        for a in [
            "Thanks for asking, but it's all spelled out in the manual.",
            "Thank you, even though the answer is on our help center.",
        ] {
            let s = sc.score(&q(Some(Lang::En)), a);
            assert_eq!(s.empathy.grade, 0, "{a}");
        }
        // a contrast that is not a put-down stays courteous
        for (a, l) in [
            (
                "Merci pour votre message, mais je crains que l'option ne soit pas disponible.",
                Lang::Fr,
            ),
            (
                "Merci ! C'est possible, mais un peu technique : je vous envoie le guide.",
                Lang::Fr,
            ),
            ("Thanks, but don't worry, nothing was lost.", Lang::En),
        ] {
            let s = sc.score(&q(Some(l)), a);
            assert!(s.empathy.grade >= 1, "{a}");
            assert!(s.tone.is_empty(), "{a}");
        }
    }
}
