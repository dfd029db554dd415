//! The vocabulary of Rapport: validated types for the things the product
//! talks about. Nothing here does I/O; everything here can be trusted once
//! constructed ("parse, don't validate").

pub mod agreement;
pub mod answer_review;
pub mod api_token;
pub mod application;
pub mod decision;
pub mod import;
pub mod insight;
pub mod interview;
pub mod job;
pub mod job_review;
pub mod pipeline;
pub mod questionnaire;
pub mod scorecard;
pub mod screening;
pub mod user;
pub mod webhook;

/// A problem with one field of some input, phrased for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}
