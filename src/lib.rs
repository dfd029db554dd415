//! Rapport: a self-hosted hiring pipeline for customer-support teams.

pub mod domain;
