//! CVs kept in S3-compatible storage: a real S3 server (s3s-fs, serving a
//! temporary folder over HTTP on 127.0.0.1) runs inside the test, and
//! Rapport is configured to it as an operator would configure MinIO or
//! Garage. Everything the candidate and the staff do goes over HTTP.

use std::path::{Path, PathBuf};

use hyper_util::rt::TokioIo;
use rapport::config::Settings;
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;

use crate::helpers::{location, spawn_app_with, Backend, TestApp};
use crate::on_every_backend;

const BUCKET: &str = "hiring";
const PREFIX: &str = "cvs";
const ACCESS_KEY: &str = "rapport-test";
const SECRET_KEY: &str = "rapport-test-secret";

/// An S3 server with one bucket, answering signed requests only.
pub struct S3Server {
    pub endpoint: String,
    root: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl S3Server {
    pub async fn start() -> Self {
        let root = tempfile::tempdir().expect("a folder for the S3 server");
        // s3s-fs keeps a bucket as a folder under its root.
        std::fs::create_dir(root.path().join(BUCKET)).unwrap();
        Self::serve(root).await
    }

    /// The same bucket served again after an outage (on a new port).
    pub async fn restarted(self) -> Self {
        self.task.abort();
        let root = tempfile::tempdir().expect("a folder for the S3 server");
        std::fs::remove_dir(root.path()).unwrap();
        std::fs::rename(self.root.path(), root.path()).unwrap();
        Self::serve(root).await
    }

    async fn serve(root: tempfile::TempDir) -> Self {
        let fs = s3s_fs::FileSystem::new(root.path()).expect("the S3 file system");
        let mut builder = S3ServiceBuilder::new(fs);
        builder.set_auth(SimpleAuth::from_single(ACCESS_KEY, SECRET_KEY));
        let service = builder.build();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        // Open connections are closed too when the server stops: a client
        // keeping one alive must not see through an outage.
        let (stopping, stopped) = tokio::sync::watch::channel(false);
        let task = tokio::spawn(async move {
            let _stopping = stopping;
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    continue;
                };
                let service = service.clone();
                let mut stopped = stopped.clone();
                tokio::spawn(async move {
                    let conn = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(socket), service);
                    tokio::select! {
                        _ = conn => {}
                        _ = stopped.changed() => {}
                    }
                });
            }
        });
        S3Server {
            endpoint,
            root,
            task,
        }
    }

    /// Points the settings at this server, as RAPPORT_CV_STORE,
    /// RAPPORT_S3_ENDPOINT and the keys would.
    pub fn configure(&self, settings: &mut Settings) {
        settings.cv_store = Some(format!("s3://{BUCKET}/{PREFIX}"));
        settings.s3_endpoint = Some(self.endpoint.clone());
        settings.s3_region = Some("us-east-1".into());
        settings.s3_access_key_id = Some(ACCESS_KEY.into());
        settings.s3_secret_access_key = Some(SECRET_KEY.to_string().into());
    }

    /// The objects under the prefix, read from the server's own folder:
    /// (key, bytes), sorted by key.
    pub fn objects(&self) -> Vec<(String, Vec<u8>)> {
        files_in(&self.root.path().join(BUCKET).join(PREFIX))
    }

    /// Stops answering, as a storage outage would.
    pub fn stop(&self) {
        self.task.abort();
    }
}

/// The files directly in a folder (none if it does not exist).
pub fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The app's local upload folder, which an S3-backed app must leave empty.
pub fn local_uploads(app: &TestApp) -> PathBuf {
    app.mail_dir.parent().unwrap().join("uploads")
}

/// The id and stored CV key of the application from `email`.
pub async fn application_of(app: &TestApp, email: &str) -> (String, Option<String>) {
    let email = email.to_string();
    app.db
        .read(move |c| {
            use diesel::prelude::*;
            use rapport::db::schema::applications::dsl as a;
            Ok(a::applications
                .filter(a::email.eq(email))
                .select((a::id, a::cv_file))
                .first::<(String, Option<String>)>(c)?)
        })
        .await
        .unwrap()
}

async fn count_applications(app: &TestApp) -> i64 {
    app.db
        .read(|c| {
            use diesel::prelude::*;
            Ok(rapport::db::schema::applications::table
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap()
}

on_every_backend!(
    cvs_are_stored_read_and_erased_in_s3,
    an_application_is_not_kept_when_its_cv_cannot_be_stored,
    cvs_left_behind_by_an_outage_are_swept_afterwards
);

async fn cvs_are_stored_read_and_erased_in_s3(backend: Backend) {
    let s3 = S3Server::start().await;
    let app = spawn_app_with(backend, |s| s3.configure(s)).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;

    // Applying with a CV puts one object in the bucket, named as the
    // database names it, holding the very bytes sent.
    let pdf = b"%PDF-1.4\n% Ana Lima's CV\n%%EOF\n".to_vec();
    let ana = app.new_browser();
    let res = ana
        .apply(
            &slug,
            "Ana Lima",
            "ana@example.com",
            Some(("Ana Lima CV.pdf", pdf.clone())),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200, "the thank-you page");
    let (app_id, key) = application_of(&app, "ana@example.com").await;
    let key = key.expect("the application names its CV");
    assert_eq!(s3.objects(), vec![(key.clone(), pdf.clone())]);
    assert!(
        files_in(&local_uploads(&app)).is_empty(),
        "nothing kept on the instance's own disk"
    );

    // Staff download it from the store, as an attachment.
    let res = app.get(&format!("/admin/applications/{app_id}/cv")).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers()["content-disposition"].to_str().unwrap(),
        "attachment; filename=\"Ana_Lima_CV.pdf\""
    );
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(
        res.headers()["content-length"].to_str().unwrap(),
        pdf.len().to_string()
    );
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);

    // Applying again with the same address stores nothing new: the second
    // CV is removed from the bucket again.
    let again = app.new_browser();
    let res = again
        .apply(
            &slug,
            "Ana Lima",
            "ana@example.com",
            Some(("second.pdf", b"%PDF-1.4\n% second\n%%EOF\n".to_vec())),
        )
        .await;
    assert_eq!(
        res.status().as_u16(),
        200,
        "the same answer as a first time"
    );
    assert_eq!(count_applications(&app).await, 1);
    assert_eq!(
        s3.objects(),
        vec![(key.clone(), pdf.clone())],
        "no stray object from the duplicate"
    );

    // An application without a CV touches no object.
    let bo = app.new_browser();
    bo.apply(&slug, "Bo Chen", "bo@example.com", None).await;
    assert_eq!(s3.objects().len(), 1);

    // The candidate erases their data: the object goes with it.
    let link = app.candidate_link("ana@example.com").await;
    let res = ana.client.get(&link).send().await.unwrap();
    assert_eq!(location(&res), "/candidate");
    let res = ana
        .post_form("/candidate/erase", &[("confirm", "yes")])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("Your data is erased"));
    assert!(s3.objects().is_empty(), "the CV is deleted from the bucket");
    assert_eq!(
        app.get(&format!("/admin/applications/{app_id}/cv"))
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn an_application_is_not_kept_when_its_cv_cannot_be_stored(backend: Backend) {
    let s3 = S3Server::start().await;
    let app = spawn_app_with(backend, |s| s3.configure(s)).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;
    s3.stop();

    let res = app
        .new_browser()
        .apply(
            &slug,
            "Ana Lima",
            "ana@example.com",
            Some(("cv.pdf", b"%PDF-1.4\n%%EOF\n".to_vec())),
        )
        .await;
    assert_eq!(res.status().as_u16(), 500);
    assert!(res.text().await.unwrap().contains("nothing was changed"));
    assert_eq!(
        count_applications(&app).await,
        0,
        "no application without its CV"
    );
    assert_eq!(app.deliver_mail().await, 0, "and no email about one");
}

/// An erasure during a storage outage commits (the candidate is erased)
/// but cannot delete the CV; neither can a process that died between
/// storing a CV and committing its application. The retention task's sweep
/// deletes such orphans once storage answers again, and only them.
async fn cvs_left_behind_by_an_outage_are_swept_afterwards(backend: Backend) {
    let s3 = S3Server::start().await;
    let app = spawn_app_with(backend, |s| s3.configure(s)).await;
    app.sign_up_owner().await;
    let (_, slug) = app.publish_job(&[]).await;
    let ana = app.new_browser();
    for (browser, name, email) in [
        (&ana, "Ana Lima", "ana@example.com"),
        (&app.new_browser(), "Bo Chen", "bo@example.com"),
    ] {
        let res = browser
            .apply(
                &slug,
                name,
                email,
                Some(("cv.pdf", b"%PDF-1.4\n%%EOF\n".to_vec())),
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
    }
    let (_, bo_cv) = application_of(&app, "bo@example.com").await;
    assert_eq!(s3.objects().len(), 2);

    s3.stop();
    let link = app.candidate_link("ana@example.com").await;
    ana.client.get(&link).send().await.unwrap();
    let res = ana
        .post_form("/candidate/erase", &[("confirm", "yes")])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("Your data is erased"));

    let s3 = s3.restarted().await;
    assert_eq!(s3.objects().len(), 2, "Ana's CV outlived the outage");
    let mut settings = Settings::defaults();
    s3.configure(&mut settings);
    let files = rapport::files::FileStore::from_settings(&settings).unwrap();
    // A CV stored by a process that died before committing, and a file
    // someone else put in the bucket.
    files
        .put(&rapport::files::new_cv_key(), b"%PDF-1.4".to_vec())
        .await
        .unwrap();
    files.put("notes.pdf", b"not ours".to_vec()).await.unwrap();

    let retention = rapport::retention::Retention {
        db: app.db.clone(),
        files,
        mail_domain: "example.com".into(),
        every: std::time::Duration::from_secs(3600),
    };
    let an_hour_ago = chrono::Utc::now() - rapport::retention::ORPHAN_GRACE;
    assert_eq!(
        retention.delete_orphaned_cvs(an_hour_ago).await.unwrap(),
        0,
        "files this young may belong to an application being committed"
    );
    assert_eq!(s3.objects().len(), 4);
    let soon = chrono::Utc::now() + chrono::Duration::minutes(1);
    assert_eq!(retention.delete_orphaned_cvs(soon).await.unwrap(), 2);
    let left: Vec<String> = s3.objects().into_iter().map(|(k, _)| k).collect();
    let mut expected = vec![bo_cv.unwrap(), "notes.pdf".to_string()];
    expected.sort();
    assert_eq!(left, expected, "Bo's CV and the foreign file stay");
}
