//! Secrets: password hashes, random tokens stored hashed, and the keyed
//! hashes that bind CSRF tokens to a browser.

pub mod password;
pub mod token;
pub mod webhook;
