// Integration tests run on PostgreSQL too when TEST_POSTGRES_URL is set at
// build time: the `rapport_pg_tests` cfg compiles those tests in. Without
// it they do not exist (rather than passing without checking anything).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(rapport_pg_tests)");
    println!("cargo::rerun-if-env-changed=TEST_POSTGRES_URL");
    println!("cargo::rerun-if-changed=migrations");
    if std::env::var("TEST_POSTGRES_URL").is_ok_and(|v| !v.trim().is_empty()) {
        println!("cargo::rustc-cfg=rapport_pg_tests");
    }
}
