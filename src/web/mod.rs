//! HTTP: handlers grouped by audience, plus sessions, CSRF, errors and
//! page rendering. Handlers parse input into domain types, call the rules,
//! persist through `db`, and render a template.

pub mod access_log;
pub mod admin;
pub mod api;
pub mod assets;
pub mod auth;
pub mod candidate;
pub mod csrf;
pub mod downloads;
pub mod error;
pub mod forms;
pub mod headers;
pub mod limits;
pub mod locale;
pub mod markdown;
pub mod public;
pub mod render;
pub mod session;
pub mod timeouts;

use actix_web::web;

use crate::config::Settings;
use crate::db::Db;

/// What every handler can reach.
pub struct AppState {
    pub db: Db,
    pub settings: Settings,
    /// Key for CSRF tokens, shared by every process through the database.
    pub secret: Vec<u8>,
    /// Domain used in Message-IDs.
    pub mail_domain: String,
    /// The questionnaires jobs can use.
    pub questionnaires: crate::questionnaires::Library,
    /// Uploaded CVs: a local folder, or a bucket every instance shares.
    pub files: crate::files::FileStore,
    /// The company as last read from the database, for pages that do not
    /// read it themselves (thank-you and error pages); every read refreshes it.
    pub company: std::sync::RwLock<Option<public::view::Company>>,
    /// The public pages, rendered once per change.
    pub public: public::cache::PublicCache,
}

impl AppState {
    pub fn base_url(&self) -> String {
        self.settings.base_url()
    }

    /// The company as last read (see `public::load_company`).
    pub fn known_company(&self) -> Option<public::view::Company> {
        self.company.read().ok().and_then(|c| c.clone())
    }
}

/// The largest form or JSON body accepted (job descriptions are long, but
/// not this long).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Routes are tried in order, each dynamic one a regex: the public
    // pages and the public API, which take most of the traffic, come first.
    // No two groups share an address, so the order changes nothing else.
    cfg.configure(public::routes)
        .configure(api::routes)
        .configure(auth::routes)
        .configure(candidate::routes)
        .configure(admin::routes)
        .configure(assets::routes);
}
