//! Chromium through chromedriver, and the checks every visited page must pass.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// Set to skip the browser tests on a machine without Chromium (printed loudly).
pub const SKIP_VAR: &str = "RAPPORT_SKIP_BROWSER_TESTS";

pub const PHONE: (u32, u32) = (390, 844);

/// How long to wait for something that must happen (a page after a click,
/// an autosave): generous, for a debug build on a busy machine; a wait ends
/// as soon as the thing happens.
const PATIENCE: Duration = Duration::from_secs(60);
pub const DESKTOP: (u32, u32) = (1280, 900);

/// Where the run's screenshots go; CI keeps the folder as an artifact.
pub fn screenshot_dir() -> PathBuf {
    target_dir().join("browser-screenshots")
}

/// `target/`, found from the temporary folder cargo gives integration tests.
pub fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR lies inside the target folder")
        .to_path_buf()
}

/// Writes to the terminal even while the test harness captures output
/// (it captures the print macros only): a skip must never go unnoticed.
pub fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The browser and its driver, or `None` when the developer opted out.
/// Missing programs fail the test: a browser test that silently passes
/// without a browser would hide every fault it exists to find.
pub fn tools() -> Option<(PathBuf, PathBuf)> {
    if std::env::var(SKIP_VAR).is_ok_and(|v| !v.is_empty() && v != "0") {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            say(&format!(
                "\n**********************************************************************\n\
                 ** BROWSER TESTS SKIPPED because {SKIP_VAR} is set.\n\
                 ** Nothing was checked in a browser: layout, accessibility and script\n\
                 ** errors are untested in this run.\n\
                 **********************************************************************\n"
            ))
        });
        return None;
    }
    let chromium = on_path(&["chromium", "chromium-browser", "google-chrome"]);
    let driver = on_path(&["chromedriver"]);
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        (c, d) => panic!(
            "the browser tests need Chromium and chromedriver on the PATH \
             (found chromium: {}, chromedriver: {}).\n\
             Install them on Debian or Ubuntu with:\n    \
             sudo apt-get update && sudo apt-get install -y chromium chromium-driver\n\
             or skip these tests explicitly with {SKIP_VAR}=1 (they are then reported as skipped).",
            c.is_some(),
            d.is_some()
        ),
    }
}

/// A chromedriver process on a port of its own, ended when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
}

impl Driver {
    pub fn start(driver: &Path) -> Driver {
        let mut child = Command::new(driver)
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", driver.display()));
        // chromedriver picks a free port itself and says which on stdout.
        let stdout = child.stdout.take().expect("chromedriver's stdout");
        let mut port = None;
        for line in BufReader::new(stdout).lines() {
            let line = line.expect("reading chromedriver's output");
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                port = rest.trim_end_matches('.').trim().parse::<u16>().ok();
                break;
            }
        }
        let port = port.expect("chromedriver did not say which port it listens on");
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser window (a Chromium with its own profile and cookies).
pub struct Page {
    pub client: Client,
    driver_url: String,
    session: String,
    axe: std::sync::Arc<String>,
    /// Every fault found on any page, reported together at the end.
    pub faults: Vec<String>,
    pub pages_checked: usize,
}

impl Page {
    pub async fn open(driver: &Driver, chromium: &Path, axe: std::sync::Arc<String>) -> Page {
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-dev-shm-usage",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    format!("--window-size={},{}", DESKTOP.0, DESKTOP.1),
                ],
            },
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .expect("a Chromium session through chromedriver");
        let session = client
            .session_id()
            .await
            .expect("the session id")
            .expect("a session");
        Page {
            client,
            driver_url: driver.url.clone(),
            session,
            axe,
            faults: vec![],
            pages_checked: 0,
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("opening {url}: {e}"));
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("the current URL");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("running a script: {e}\n{script}"))
    }

    pub async fn resize(&self, (w, h): (u32, u32)) {
        self.client
            .set_window_size(w, h)
            .await
            .expect("resizing the window");
        // The window is a little larger than its viewport: grow it until
        // the viewport itself is the size asked for.
        let inner = self
            .js("return [window.innerWidth, window.innerHeight]", vec![])
            .await;
        let iw = inner[0].as_u64().unwrap_or(w as u64) as u32;
        let ih = inner[1].as_u64().unwrap_or(h as u64) as u32;
        if (iw, ih) != (w, h) {
            self.client
                .set_window_size(w + w.saturating_sub(iw), h + h.saturating_sub(ih))
                .await
                .expect("resizing the window");
        }
    }

    /// Sets form fields by name, in order; a name given twice fills the
    /// second field of that name. Checkboxes and radios are ticked by value.
    pub async fn fill(&self, form: &str, fields: &[(&str, &str)]) {
        let pairs: Vec<Value> = fields.iter().map(|(k, v)| json!([k, v])).collect();
        let missing = self
            .js(
                r#"
                const form = document.querySelector(arguments[0]);
                if (!form) return ["no form " + arguments[0]];
                const seen = {}; const missing = [];
                for (const [name, value] of arguments[1]) {
                  const all = Array.from(form.querySelectorAll('[name="' + name + '"]'));
                  if (all.length && (all[0].type === "checkbox" || all[0].type === "radio")) {
                    const box = all.find(e => e.value === value);
                    if (box) { box.checked = true; } else { missing.push(name + "=" + value); }
                    continue;
                  }
                  const i = seen[name] || 0; seen[name] = i + 1;
                  const el = all[i];
                  if (!el) { missing.push(name); continue; }
                  el.value = value;
                  el.dispatchEvent(new Event("input", { bubbles: true }));
                  el.dispatchEvent(new Event("change", { bubbles: true }));
                }
                return missing;
                "#,
                vec![json!(form), Value::Array(pairs)],
            )
            .await;
        assert_eq!(missing, json!([]), "fields not found in {form}");
    }

    async fn find_or_fail(
        &self,
        locator: Locator<'_>,
        what: &str,
    ) -> fantoccini::elements::Element {
        match self.client.find(locator).await {
            Ok(element) => element,
            Err(e) => {
                let text: String = self.text().await.chars().take(2000).collect();
                panic!(
                    "no {what} on {}: {e}\n--- the page says:\n{text}",
                    self.path().await
                )
            }
        }
    }

    /// Types into a field key by key (a file input takes the file's path).
    pub async fn type_into(&self, css: &str, text: &str) {
        self.find_or_fail(Locator::Css(css), css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }

    /// Sets a long text at once (typing it key by key adds nothing).
    pub async fn set_value(&self, css: &str, text: &str) {
        let found = self
            .js(
                "const e = document.querySelector(arguments[0]); if (!e) return false; \
                 e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true })); return true;",
                vec![json!(css), json!(text)],
            )
            .await;
        assert_eq!(found, json!(true), "no {css} on {}", self.path().await);
    }

    pub async fn click_css(&self, css: &str) {
        self.find_or_fail(Locator::Css(css), css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// Clicks the button with this text, as a person would, and waits for
    /// the page it leads to.
    pub async fn click_button(&self, text: &str) {
        let xpath = format!("//button[normalize-space()='{text}']");
        let button = self
            .find_or_fail(Locator::XPath(&xpath), &format!("button “{text}”"))
            .await;
        self.mark_page().await;
        button
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking “{text}”: {e}"));
        self.wait_for_new_page(&format!("the page after “{text}”"))
            .await;
    }

    /// Follows a link (by its text, or a CSS selector) and waits for the page.
    pub async fn click_link(&self, text: &str) {
        self.follow(Locator::LinkText(text), &format!("link “{text}”"))
            .await;
    }

    pub async fn follow(&self, locator: Locator<'_>, what: &str) {
        let link = self.find_or_fail(locator, what).await;
        self.mark_page().await;
        link.click()
            .await
            .unwrap_or_else(|e| panic!("clicking {what}: {e}"));
        self.wait_for_new_page(&format!("the page after {what}"))
            .await;
    }

    /// Marks the current document, so that its replacement can be told apart.
    async fn mark_page(&self) {
        self.js("window.__rapportOldPage = true;", vec![]).await;
    }

    /// Waits until the marked document has been replaced and the new one
    /// has loaded. A click that submits a form returns before the browser
    /// has the answer; reading the page then would read the old one.
    async fn wait_for_new_page(&self, what: &str) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            // While the documents change over, a script may find no page
            // to run in: that is an answer of "not yet".
            let ready = self
                .client
                .execute(
                    "return !window.__rapportOldPage && document.readyState === 'complete'",
                    vec![],
                )
                .await;
            if matches!(ready, Ok(Value::Bool(true))) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("timed out waiting for {what}");
    }

    pub async fn text(&self) -> String {
        self.js("return document.body.innerText", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits (without a fixed delay) until the script returns true.
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if self.js(script, vec![]).await == json!(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("timed out waiting for {what} on {}", self.path().await);
    }

    /// The browser's console entries at error level since the last call.
    async fn console_errors(&self) -> Vec<String> {
        let res = reqwest::Client::new()
            .post(format!(
                "{}/session/{}/se/log",
                self.driver_url, self.session
            ))
            .json(&json!({ "type": "browser" }))
            .send()
            .await
            .expect("reading the browser log");
        let body: Value = res.json().await.expect("the browser log as JSON");
        body["value"]
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Tells the page the reader prefers a dark (or light) scheme, and
    /// reduced motion (transitions then take no time).
    async fn colour_scheme(&self, scheme: &str) {
        let res = reqwest::Client::new()
            .post(format!(
                "{}/session/{}/goog/cdp/execute",
                self.driver_url, self.session
            ))
            .json(&json!({
                "cmd": "Emulation.setEmulatedMedia",
                "params": { "features": [
                    { "name": "prefers-color-scheme", "value": scheme },
                    { "name": "prefers-reduced-motion", "value": "reduce" },
                ] },
            }))
            .send()
            .await
            .expect("switching the colour scheme");
        assert!(res.status().is_success(), "switching the colour scheme");
        // Colours change through CSS transitions, which advance only with
        // the page's frames: wait until every one has finished, so that no
        // check reads a colour halfway.
        self.client
            .execute_async(
                r#"
                const done = arguments[arguments.length - 1];
                const settle = () => {
                  const running = document.getAnimations()
                    .filter(a => a instanceof CSSTransition && a.playState === "running");
                  if (running.length === 0) { done(true); return; }
                  Promise.all(running.map(a => a.finished.catch(() => null))).then(settle);
                };
                requestAnimationFrame(() => requestAnimationFrame(settle));
                "#,
                vec![],
            )
            .await
            .expect("waiting for the colours to settle");
    }

    async fn axe_violations(&self) -> Vec<String> {
        self.axe_run(
            r#"{ "runOnly": { "type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, "resultTypes": ["violations"] }"#,
        )
        .await
    }

    async fn axe_run(&self, options: &str) -> Vec<String> {
        // Half a megabyte of script: sent once per page, not once per run.
        if self.js("return !!window.axe", vec![]).await != json!(true) {
            let loaded = self
                .js(&format!("{}\nreturn !!window.axe;", self.axe), vec![])
                .await;
            assert_eq!(loaded, json!(true), "axe-core did not load");
        }
        let result = self
            .client
            .execute_async(
                r#"
                const done = arguments[arguments.length - 1];
                axe.run(document, arguments[0]).then(r => done(r.violations.map(v =>
                  v.id + " (" + v.impact + "): " + v.help + "\n" +
                  v.nodes.slice(0, 5).map(n => "      " + n.target.join(" ") + "  " +
                    (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 300)).join("\n")
                ))).catch(e => done(["axe failed: " + e]));
                "#,
                vec![serde_json::from_str(options).expect("axe options as JSON")],
            )
            .await
            .expect("running axe");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Checks the page at a phone's and a desktop's width: no accessibility
    /// violation, no horizontal scrolling, no console error. With a name,
    /// screenshots of both widths are saved.
    pub async fn check(&mut self, screenshot: Option<&str>) {
        let path = self.path().await;
        self.colour_scheme("light").await;
        for (size, label) in [(PHONE, "phone"), (DESKTOP, "desktop")] {
            self.resize(size).await;
            let widths = self
                .js(
                    "return [document.documentElement.scrollWidth, window.innerWidth]",
                    vec![],
                )
                .await;
            let (scroll, inner) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
            if scroll > inner {
                let culprits = self
                    .js(
                        r##"const w = window.innerWidth; return Array.from(document.querySelectorAll("body *"))
                             .filter(e => e.getBoundingClientRect().right > w + 1)
                             .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
                               (e.className && e.className.baseVal === undefined ? "." + String(e.className).split(" ").join(".") : "") +
                               " (right edge " + Math.round(e.getBoundingClientRect().right) + ")")"##,
                        vec![],
                    )
                    .await;
                self.faults.push(format!(
                    "{path} at {label} width: scrolls sideways ({scroll} px wide in a {inner} px window): {culprits}"
                ));
            }
            for v in self.axe_violations().await {
                self.faults.push(format!("{path} at {label} width: {v}"));
            }
            if let Some(name) = screenshot {
                let png = self.client.screenshot().await.expect("a screenshot");
                let dir = screenshot_dir();
                std::fs::create_dir_all(&dir).expect("the screenshot folder");
                std::fs::write(dir.join(format!("{name}-{label}.png")), png)
                    .expect("saving a screenshot");
            }
        }
        // The dark scheme has colours of its own: their contrast too.
        self.colour_scheme("dark").await;
        for v in self
            .axe_run(r#"{ "runOnly": { "type": "rule", "values": ["color-contrast"] }, "resultTypes": ["violations"] }"#)
            .await
        {
            self.faults.push(format!("{path} in the dark scheme: {v}"));
        }
        self.colour_scheme("light").await;
        for e in self.console_errors().await {
            self.faults.push(format!("{path}: console error: {e}"));
        }
        self.pages_checked += 1;
    }

    pub async fn close(self) -> Vec<String> {
        let faults = self.faults;
        let _ = self.client.close().await;
        faults
    }
}
