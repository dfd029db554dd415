//! Questions from a questionnaire file, as the scorer sees them.

use super::types::{KeyPoint, Lang, Question, Rubric, Tier, Weights};
use crate::domain::questionnaire::{QuestionSpec, Questionnaire};

/// The scorer's view of one question of a checked questionnaire.
pub fn question(questionnaire: &Questionnaire, spec: &QuestionSpec) -> Question {
    let rubric = &spec.rubric;
    let has_rubric = !rubric.key_points.is_empty()
        || rubric.weights.is_some()
        || !rubric.exemplars.strong.is_empty();
    Question {
        id: spec.id.clone(),
        prompt: spec.prompt.clone(),
        // A checked questionnaire has tiers 1–3; fall back to the simplest.
        tier: Tier::new(spec.tier).unwrap_or(Tier::ONE),
        lang: Lang::from_code(&questionnaire.language),
        rubric: has_rubric.then(|| Rubric {
            key_points: rubric
                .key_points
                .iter()
                .map(|k| KeyPoint {
                    id: k.id.clone(),
                    label: k.label.clone(),
                    phrasings: k.phrasings.clone(),
                    required: k.required,
                    examples: k.examples.clone(),
                })
                .collect(),
            weights: rubric
                .weights
                .map(|w| Weights {
                    empathy: w.empathy,
                    curiosity: w.curiosity,
                    content: w.content,
                })
                .unwrap_or_default(),
            exemplars: rubric.exemplars.strong.clone(),
            compiled: Default::default(),
        }),
    }
}

/// Every question of the questionnaire, in order.
pub fn questions(questionnaire: &Questionnaire) -> Vec<Question> {
    questionnaire
        .questions
        .iter()
        .map(|q| question(questionnaire, q))
        .collect()
}
