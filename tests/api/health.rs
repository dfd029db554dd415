use crate::helpers::{spawn_app, Backend};
use crate::on_every_backend;

on_every_backend!(healthz_answers_200_with_the_database_up);

async fn healthz_answers_200_with_the_database_up(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["database"], "reachable");
}

/// A database server that goes away is the case a health check is for; an
/// embedded SQLite file has no such failure to provoke, so this one runs on
/// PostgreSQL.
#[cfg(rapport_pg_tests)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_answers_503_when_postgres_is_gone() {
    let app = spawn_app(Backend::Postgres).await;
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    let (admin, name) = app.pg_database().unwrap();
    use diesel::{Connection, RunQueryDsl};
    let mut conn = diesel::PgConnection::establish(&admin).unwrap();
    diesel::sql_query(format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .execute(&mut conn)
        .unwrap();
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 503);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["database"], "unreachable");
}
