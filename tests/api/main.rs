//! Integration tests: one binary, the real application on port 0, real HTTP.
//! Every test runs on SQLite and, when TEST_POSTGRES_URL is set at build
//! time, on PostgreSQL too (each test in a database of its own).

mod helpers;
mod import;
mod smtp;

mod applications;
mod auth;
mod booking;
mod cv_store;
mod data_rights;
mod health;
mod i18n_emails;
mod i18n_pages;
mod insight;
mod instances;
mod jobs;
mod keypoints;
mod mail;
mod pipeline;
mod planned_flows;
mod public;
mod public_cache;
mod questionnaire_editor;
mod rest_api;
mod review;
mod scoring;
mod security;
mod spelling;
mod staff_lists;
mod trust_auth;
mod trust_candidate;
mod trust_edge;
mod trust_mail;
mod trust_pipeline;
mod webhooks;
