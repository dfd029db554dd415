//! Staff pages. Every handler here takes `Staff` or `Owner`, so a request
//! without a session is sent to sign in before anything else happens.

mod applications;
mod highlight;
mod home;
mod jobs;
mod team;

use actix_web::web;

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
            .route("/jobs/{id}/close", web::post().to(jobs::close))
            .route("/jobs/{id}/reopen", web::post().to(jobs::reopen))
            .route("/jobs/{id}/screening", web::post().to(jobs::screening))
            .route(
                "/jobs/{id}/applications",
                web::get().to(applications::table),
            )
            .route("/applications/{id}", web::get().to(applications::detail))
            .route("/applications/{id}/cv", web::get().to(applications::cv))
            .route(
                "/answers/{id}/override",
                web::post().to(applications::override_answer),
            )
            .route("/team", web::get().to(team::page))
            .route("/team/invitations", web::post().to(team::invite))
            .route(
                "/team/invitations/{id}/revoke",
                web::post().to(team::revoke),
            ),
    );
}
