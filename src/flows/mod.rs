//! What people do, one function each, inside a transaction they are
//! given: the pages, the API and the command line call the same functions.
//! Knows no HTTP.

pub mod api_tokens;
pub mod closing;
pub mod decision;
pub mod erasure;
pub mod import;
pub mod interviews;
pub mod jobs;
pub mod pipeline;
pub mod questionnaires;
pub mod review;
pub mod subject_access;
pub mod webhooks;
