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
