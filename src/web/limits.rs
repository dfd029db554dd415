//! Limits on actions that send email to an address someone types in (a
//! candidate's link sent again, a staff password reset), so nobody can
//! flood a mailbox or mint links in bulk. Counted in the database through
//! `db::rate_limits`, so they hold across processes. Callers answer the
//! same page whether or not the limit was reached.

use actix_web::HttpRequest;
use chrono::{Duration, NaiveDateTime};

use super::AppState;
use crate::db::{self, DbConnection, DbError};

/// Emails of one kind per address typed into the form, per window.
pub const EMAILS_PER_ADDRESS: i64 = 3;
/// Requests of one kind per client address, per window.
pub const REQUESTS_PER_CLIENT: i64 = 20;
pub const EMAIL_WINDOW: Duration = Duration::hours(1);

/// Where the request came from: the peer, or `X-Forwarded-For` when
/// Rapport is told it sits behind its own proxy.
pub fn client_ip(req: &HttpRequest, state: &AppState) -> String {
    let info = req.connection_info();
    let ip = if state.settings.trust_proxy {
        info.realip_remote_addr().map(str::to_string)
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    ip.unwrap_or_else(|| "unknown".into())
}

/// Counts one email of `kind` to `email` asked for from `client`; false
/// when either limit is reached (and then nothing is counted). Call it
/// first in the action's transaction, before looking the address up, so
/// the answer and its timing do not depend on whether the address is known.
pub fn may_email(
    conn: &mut DbConnection,
    kind: &str,
    email: &str,
    client: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let client_key = format!("{kind}-client:{client}");
    let Some(client_hit) =
        db::rate_limits::try_take(conn, &client_key, REQUESTS_PER_CLIENT, EMAIL_WINDOW, now)?
    else {
        return Ok(false);
    };
    let email_key = format!("{kind}-email:{}", email.trim().to_lowercase());
    match db::rate_limits::try_take(conn, &email_key, EMAILS_PER_ADDRESS, EMAIL_WINDOW, now)? {
        Some(_) => Ok(true),
        None => {
            client_hit.release(conn)?;
            Ok(false)
        }
    }
}
