//! Staff pages. Every handler here takes `Staff` or `Owner`, so a request
//! without a session is sent to sign in before anything else happens.

mod access;
mod applications;
mod availability;
mod charts;
mod closing;
mod company;
mod decision;
mod emails;
mod highlight;
mod home;
mod import;
mod insight;
mod interviews;
mod jobs;
mod pipeline;
mod questionnaires;
mod review;
mod team;
mod tokens;
mod webhooks;
mod writing_view;

use actix_web::web;
use fluent_bundle::FluentArgs;

use crate::i18n::{Locale, Message};

/// The applications' CSV and its formula guard, which the API's export
/// shares so both give the same columns.
pub(crate) use insight::{export_bytes, neutralise};

/// The language of staff pages (only English for now): one place to
/// change when staff choose theirs.
pub(crate) const STAFF: Locale = Locale::ENGLISH;

/// Words decided in code (a notice, an error, a label), as a staff page
/// shows them.
pub(crate) fn words(message: &Message) -> String {
    message.text(STAFF)
}

/// A staff page's title, from the same `staff-` messages as the staff
/// templates.
pub(crate) fn title(key: &str) -> String {
    STAFF.text(key)
}

/// A staff page's title with values in it, e.g. the job's title.
pub(crate) fn title_with(key: &str, values: &[(&str, &str)]) -> String {
    let args: FluentArgs = values.iter().map(|(name, value)| (*name, *value)).collect();
    STAFF.text_with(key, Some(&args))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/admin")
            .route("", web::get().to(home::home))
            .route("/jobs", web::get().to(jobs::list))
            .route("/jobs", web::post().to(jobs::create))
            .route("/jobs/new", web::get().to(jobs::new_form))
            .route("/jobs/{id}/edit", web::get().to(jobs::edit_form))
            .route("/jobs/{id}", web::post().to(jobs::update))
            .route("/jobs/{id}/preview", web::get().to(jobs::preview))
            .route("/jobs/{id}/publish", web::post().to(jobs::publish))
            .route("/jobs/{id}/close", web::get().to(closing::confirm_page))
            .route("/jobs/{id}/close", web::post().to(closing::close))
            .route("/jobs/{id}/reopen", web::post().to(jobs::reopen))
            .route("/jobs/{id}/address", web::post().to(jobs::change_address))
            .route("/jobs/{id}/screening", web::post().to(jobs::screening))
            .route(
                "/jobs/{id}/applications",
                web::get().to(applications::table),
            )
            .configure(insight_routes)
            .route("/applications", web::get().to(applications::across))
            .route("/applications/{id}", web::get().to(applications::detail))
            .route("/applications/{id}/cv", web::get().to(applications::cv))
            .route(
                "/applications/{id}/erase",
                web::post().to(applications::erase),
            )
            .route("/jobs/{id}/retention", web::post().to(jobs::retention))
            .route("/jobs/{id}/import", web::get().to(import::form))
            .route("/jobs/{id}/import", web::post().to(import::import))
            .route(
                "/answers/{id}/override",
                web::post().to(applications::override_answer),
            )
            .route(
                "/jobs/{id}/review-settings",
                web::post().to(review::settings),
            )
            .route("/jobs/{id}/review", web::get().to(review::overview))
            .route("/jobs/{id}/review/{q}", web::get().to(review::question))
            .route(
                "/jobs/{id}/review/{q}/calibration",
                web::post().to(review::calibrate),
            )
            .route(
                "/jobs/{id}/review/{q}/answers/{a}",
                web::post().to(review::grade),
            )
            .route("/jobs/{id}/agreement", web::get().to(review::agreement))
            .route("/jobs/{id}/board", web::get().to(pipeline::board))
            .route("/jobs/{id}/bulk", web::post().to(pipeline::bulk))
            .route("/jobs/{id}/pipeline", web::post().to(pipeline::settings))
            .route(
                "/applications/{id}/move",
                web::post().to(pipeline::move_application),
            )
            .route(
                "/applications/{id}/interviews",
                web::post().to(interviews::schedule),
            )
            .route(
                "/applications/{id}/booking-offers",
                web::post().to(interviews::offer_times),
            )
            .route(
                "/applications/{id}/scorecard",
                web::post().to(interviews::submit_scorecard),
            )
            .route("/applications/{id}/decision", web::get().to(decision::page))
            .route("/applications/{id}/vote", web::post().to(decision::vote))
            .route("/applications/{id}/offer", web::post().to(decision::offer))
            .route(
                "/applications/{id}/offer-answer",
                web::post().to(decision::offer_answer),
            )
            .route(
                "/applications/{id}/rejection-email",
                web::post().to(decision::rejection_email),
            )
            .route("/interviews/{id}", web::get().to(interviews::kit_page))
            .route("/interviews/{id}", web::post().to(interviews::reschedule))
            .route(
                "/interviews/{id}/cancel",
                web::post().to(interviews::cancel),
            )
            .route("/kits", web::get().to(interviews::kits))
            .route("/jobs/{id}/emails/{kind}", web::get().to(emails::page))
            .route("/jobs/{id}/emails/{kind}", web::post().to(emails::save))
            .route("/kits/{kind}", web::post().to(interviews::save_kit))
            .route("/questionnaires", web::get().to(questionnaires::list))
            .route("/questionnaires", web::post().to(questionnaires::create))
            .route(
                "/questionnaires/new",
                web::get().to(questionnaires::new_form),
            )
            .route(
                "/questionnaires/import",
                web::get().to(questionnaires::import_form),
            )
            .route(
                "/questionnaires/import",
                web::post().to(questionnaires::import),
            )
            .route(
                "/questionnaires/{id}/edit",
                web::get().to(questionnaires::edit_form),
            )
            .route(
                "/questionnaires/{id}/export.toml",
                web::get().to(questionnaires::export),
            )
            .route(
                "/questionnaires/{id}",
                web::post().to(questionnaires::update),
            )
            .route("/company", web::get().to(company::page))
            .route("/company", web::post().to(company::save))
            .route("/account/availability", web::get().to(availability::page))
            .route("/account/availability", web::post().to(availability::add))
            .route(
                "/account/availability/{id}/remove",
                web::post().to(availability::remove),
            )
            .route("/account/tokens", web::get().to(tokens::page))
            .route("/account/tokens", web::post().to(tokens::create))
            .route(
                "/account/tokens/{id}/revoke",
                web::post().to(tokens::revoke),
            )
            .configure(webhook_routes)
            .route("/team", web::get().to(team::page))
            .route("/team/invitations", web::post().to(team::invite))
            .route(
                "/team/invitations/{id}/revoke",
                web::post().to(team::revoke),
            ),
    );
}

/// Insight pages and the CSV export (issue 10, items 4 to 6).
fn insight_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/insight", web::get().to(insight::across))
        .route("/jobs/{id}/insight", web::get().to(insight::job))
        .route(
            "/jobs/{id}/applications.csv",
            web::get().to(insight::export_csv),
        );
}

/// Webhook endpoints and their delivery log (issue 12, item 4).
fn webhook_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/webhooks", web::get().to(webhooks::list))
        .route("/webhooks", web::post().to(webhooks::create))
        .route("/webhooks/{id}", web::get().to(webhooks::page))
        .route("/webhooks/{id}", web::post().to(webhooks::update))
        .route("/webhooks/{id}/rotate", web::post().to(webhooks::rotate))
        .route("/webhooks/{id}/test", web::post().to(webhooks::send_test))
        .route("/webhooks/{id}/delete", web::post().to(webhooks::delete));
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::templates::staff_only;

    #[test]
    fn titles_come_from_the_staff_messages() {
        assert_eq!(title("staff-jobs-title"), "Jobs");
        assert_eq!(
            title_with("staff-board-title", &[("title", "Support <Lead>")]),
            "Board: Support <Lead>"
        );
        assert_eq!(
            title_with(
                "staff-title-interview",
                &[("kind", "Phone screen"), ("name", "Ada")]
            ),
            "Phone screen: Ada"
        );
    }

    fn templates_under(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                templates_under(&path, found);
            } else if path.extension().is_some_and(|e| e == "hbs") {
                found.push(path);
            }
        }
    }

    /// Staff pages may stay in English, but their words come from the
    /// messages: none are left in the markup, its attributes or the
    /// values given to partials.
    #[test]
    fn staff_templates_hold_no_words_of_their_own() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut files = Vec::new();
        templates_under(&root, &mut files);
        let remove = regex::Regex::new(
            r"(?s)\{\{!--.*?--\}\}|<script.*?</script>|<svg.*?</svg>|\{\{\{.*?\}\}\}|\{\{.*?\}\}|<[^>]*>",
        )
        .unwrap();
        let attribute = regex::Regex::new(
            r#"\b(?:placeholder|aria-label|title|alt|label|hint)="([^"{]*[A-Za-z]{2}[^"{]*)""#,
        )
        .unwrap();
        let words = regex::Regex::new(r"[A-Za-z]{2}").unwrap();
        let mut left = Vec::new();
        let mut checked = 0;
        for path in files {
            let name = path.strip_prefix(&root).unwrap().to_string_lossy();
            let name = name.trim_end_matches(".hbs").replace('\\', "/");
            // The candidate emails' editor belongs to the email templates.
            if !staff_only(&name) || name == "pages/admin/email_template" {
                continue;
            }
            checked += 1;
            let source = std::fs::read_to_string(&path).unwrap();
            for c in attribute.captures_iter(&source) {
                left.push(format!("{name}: {}", &c[1]));
            }
            for text in remove.replace_all(&source, "\n").lines() {
                let text = text.trim();
                // Paths such as `/jobs/` are addresses, not words.
                if words.is_match(text) && !text.starts_with('/') {
                    left.push(format!("{name}: {text}"));
                }
            }
        }
        assert!(checked > 30, "found the staff templates ({checked})");
        assert!(left.is_empty(), "words outside the messages: {left:#?}");
    }
}
