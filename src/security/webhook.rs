//! Signing webhook deliveries, and checking a signature as a receiver
//! would: `v1=` and the hex HMAC-SHA256, keyed with the endpoint's secret,
//! of `{timestamp}.{body}`. The timestamp is in the signed text, so an old
//! delivery replayed later fails the receiver's freshness check.

use super::token::{constant_time_eq, sign as hmac_hex};

pub const ID_HEADER: &str = "Rapport-Webhook-Id";
pub const TIMESTAMP_HEADER: &str = "Rapport-Webhook-Timestamp";
pub const SIGNATURE_HEADER: &str = "Rapport-Webhook-Signature";

/// How far a receiver should accept a timestamp from its own clock.
pub const DEFAULT_TOLERANCE_SECS: i64 = 300;

/// The `Rapport-Webhook-Signature` value for `body` sent at `timestamp`
/// (unix seconds).
pub fn sign(secret: &str, timestamp: i64, body: &str) -> String {
    format!(
        "v1={}",
        hmac_hex(secret.as_bytes(), &format!("{timestamp}.{body}"))
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// The timestamp is not a number.
    BadTimestamp,
    /// Too old (a replay) or too far in the future.
    Stale,
    /// No `v1=` signature matches.
    BadSignature,
}

/// Checks a delivery the way a receiver should: the timestamp within
/// `tolerance_secs` of `now` (unix seconds), and one of the signatures in
/// the header (several, space-separated, are allowed for a future key
/// change) matching.
pub fn verify(
    secret: &str,
    timestamp: &str,
    signature_header: &str,
    body: &str,
    now: i64,
    tolerance_secs: i64,
) -> Result<(), Rejected> {
    let ts: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| Rejected::BadTimestamp)?;
    if (now - ts).abs() > tolerance_secs {
        return Err(Rejected::Stale);
    }
    let expected = sign(secret, ts, body);
    if signature_header
        .split_whitespace()
        .any(|s| constant_time_eq(s, &expected))
    {
        Ok(())
    } else {
        Err(Rejected::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"id":"d1","type":"ping","created_at":"2026-12-03T09:00:00Z","data":{}}"#;

    #[test]
    fn a_signed_body_verifies_with_its_secret() {
        let sig = sign("whsec_abc", 1_800_000_000, BODY);
        assert!(sig.starts_with("v1="));
        assert_eq!(sig.len(), 3 + 64);
        assert_eq!(
            verify("whsec_abc", "1800000000", &sig, BODY, 1_800_000_010, 300),
            Ok(())
        );
    }

    #[test]
    fn the_known_answer_matches_openssl() {
        // printf '%s' '1.{}' | openssl dgst -sha256 -hmac key
        assert_eq!(
            sign("key", 1, "{}"),
            "v1=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224"
        );
    }

    #[test]
    fn a_wrong_secret_or_a_changed_body_fails() {
        let sig = sign("whsec_abc", 1_800_000_000, BODY);
        assert_eq!(
            verify("whsec_other", "1800000000", &sig, BODY, 1_800_000_000, 300),
            Err(Rejected::BadSignature)
        );
        let changed = BODY.replace("ping", "pong");
        assert_eq!(
            verify(
                "whsec_abc",
                "1800000000",
                &sig,
                &changed,
                1_800_000_000,
                300
            ),
            Err(Rejected::BadSignature)
        );
        // The timestamp is signed too: moving it breaks the signature.
        assert_eq!(
            verify("whsec_abc", "1800000001", &sig, BODY, 1_800_000_000, 300),
            Err(Rejected::BadSignature)
        );
    }

    #[test]
    fn a_stale_or_garbled_timestamp_fails() {
        let sig = sign("whsec_abc", 1_800_000_000, BODY);
        assert_eq!(
            verify("whsec_abc", "1800000000", &sig, BODY, 1_800_000_301, 300),
            Err(Rejected::Stale)
        );
        assert_eq!(
            verify("whsec_abc", "1800000000", &sig, BODY, 1_799_999_000, 300),
            Err(Rejected::Stale)
        );
        assert_eq!(
            verify("whsec_abc", "soon", &sig, BODY, 1_800_000_000, 300),
            Err(Rejected::BadTimestamp)
        );
    }
}
