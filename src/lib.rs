//! Rapport: a self-hosted hiring pipeline for customer-support teams.
//!
//! Layers, top to bottom: `web` (HTTP) → `flows` (what people do) → `mail`
//! → `db` → `domain`.
//! `domain` knows nothing of I/O; nothing below `web` knows about HTTP.
//! Beside `db`, `files` keeps uploaded CVs (a folder or S3-compatible storage).

pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod demo_insight;
pub mod domain;
pub mod files;
pub mod flows;
pub mod i18n;
pub mod mail;
pub mod questionnaires;
pub mod retention;
pub mod scoring;
pub mod security;
pub mod startup;
pub mod telemetry;
pub mod templates;
pub mod web;
pub mod webhooks;
