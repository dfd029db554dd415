//! What the HTTP benchmarks share: reading a form's CSRF token, timing a
//! page, and the quantiles of the times.

use std::time::Instant;

/// The CSRF token of the first form on a page.
pub fn csrf(html: &str) -> String {
    let at = html
        .find("name=\"csrf_token\" value=\"")
        .expect("a CSRF token")
        + 25;
    html[at..].split('"').next().unwrap().to_string()
}

pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    rapport::domain::insight::quantile(sorted, p).unwrap_or(f64::NAN)
}

/// `requests` GETs of `url`, one at a time, each checked to answer 200 with
/// `must_contain` in its body (a fast error page must not pass for a fast
/// page); their times in milliseconds, sorted.
pub async fn measure(
    client: &reqwest::Client,
    url: &str,
    must_contain: &str,
    requests: usize,
) -> Vec<f64> {
    let mut times = Vec::new();
    for _ in 0..requests {
        let t = Instant::now();
        let res = client.get(url).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{url}");
        let body = res.text().await.unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(body.contains(must_contain), "{url}: {body}");
    }
    times.sort_by(f64::total_cmp);
    times
}

/// Starts the app on a free port over the SQLite file at `db`, with mail,
/// uploads and the mail poller out of the way, and signs `email` in; the
/// app's address and a client holding the session.
pub async fn serve_signed_in(
    db: &std::path::Path,
    dir: &std::path::Path,
    email: &str,
    password: &str,
) -> (String, reqwest::Client) {
    let mut settings = rapport::config::Settings::defaults();
    settings.listen = "127.0.0.1:0".into();
    settings.database_url = format!("sqlite://{}", db.display());
    settings.base_url = None;
    settings.smtp_url = None;
    settings.mail_dir = dir.join("mail");
    settings.upload_dir = dir.join("uploads");
    settings.questionnaire_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires").into();
    settings.mail_poll_ms = 3_600_000;
    let app = rapport::startup::Application::build(settings)
        .await
        .unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = client
        .get(format!("{base}/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = client
        .post(format!("{base}/login"))
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", &csrf(&login)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "signing in");
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    (base, client)
}
