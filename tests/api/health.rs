use crate::helpers::{spawn_app, Backend};
use crate::on_every_backend;

on_every_backend!(healthz_answers_200_with_the_database_up, healthz_answers_503_when_the_database_is_gone);

async fn healthz_answers_200_with_the_database_up(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["database"], "reachable");
}

async fn healthz_answers_503_when_the_database_is_gone(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    match backend {
        Backend::Sqlite => {
            // Corrupt the file in place: every statement now fails to read it.
            let path = app.mail_dir.parent().unwrap().join("rapport.db");
            let len = std::fs::metadata(&path).unwrap().len() as usize;
            std::fs::write(&path, vec![0xAB; len.max(4096)]).unwrap();
            let _ = std::fs::remove_file(path.with_extension("db-wal"));
        }
        Backend::Postgres => {
            let (admin, name) = app.pg_database().unwrap();
            use diesel::{Connection, RunQueryDsl};
            let mut conn = diesel::PgConnection::establish(&admin).unwrap();
            diesel::sql_query(format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                .execute(&mut conn)
                .unwrap();
        }
    }
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 503);
}
