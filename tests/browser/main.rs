//! End-to-end tests in a real browser: headless Chromium driven through
//! chromedriver (WebDriver), against the real application on port 0.
//!
//! Every page visited is checked with axe-core (WCAG 2.0, 2.1 and 2.2, A and
//! AA: zero violations), for console errors, and for sideways scrolling at a
//! phone's width (390 px) and a desktop's (1280 px). Screenshots of the key
//! pages go to target/browser-screenshots/.
//!
//! Needs `chromium` and `chromedriver` on the PATH (Debian: `apt-get install
//! chromium chromium-driver`); without them the test fails and says so,
//! unless RAPPORT_SKIP_BROWSER_TESTS=1 is set.

#[allow(dead_code)]
#[path = "../api/helpers.rs"]
mod helpers;

mod axe;
mod driver;
mod hire;

use std::sync::Arc;

use driver::{Driver, Page};

/// Everything a test needs: the app, a driver and the checker's source.
pub struct World {
    pub app: helpers::TestApp,
    driver: Driver,
    chromium: std::path::PathBuf,
    axe: Arc<String>,
}

impl World {
    /// `None` when the browser tests are skipped on purpose.
    pub async fn start() -> Option<World> {
        let (chromium, driver) = driver::tools()?;
        let axe = Arc::new(axe::source().await);
        let app = helpers::spawn_app(helpers::Backend::Sqlite).await;
        Some(World {
            app,
            driver: Driver::start(&driver),
            chromium,
            axe,
        })
    }

    /// A new browser window with cookies of its own.
    pub async fn window(&self) -> Page {
        Page::open(&self.driver, &self.chromium, self.axe.clone()).await
    }

    pub fn url(&self, path: &str) -> String {
        self.app.url(path)
    }
}

/// Fails with every fault the pages showed, one per line.
pub fn assert_no_faults(faults: &[String], pages: usize) {
    assert!(
        faults.is_empty(),
        "{} fault(s) on the {pages} pages checked:\n  - {}",
        faults.len(),
        faults.join("\n  - ")
    );
}

/// The checks themselves find faults: a page with an image without a text
/// alternative, a box wider than a phone and a script error fails all three.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_checks_find_planted_faults() {
    let Some(world) = World::start().await else {
        return;
    };
    let mut page = world.window().await;
    page.goto(
        "data:text/html,<!doctype html><html lang=en><title>Faults</title><main>\
         <img src=x.png><div style='width:600px'>wide</div>\
         <script>console.error('planted')</script></main></html>",
    )
    .await;
    page.check(None).await;
    let faults = page.close().await.join("\n");
    assert!(
        faults.contains("image-alt"),
        "axe missed the image: {faults}"
    );
    assert!(
        faults.contains("scrolls sideways"),
        "missed the overflow: {faults}"
    );
    assert!(
        faults.contains("planted"),
        "missed the console error: {faults}"
    );
}
