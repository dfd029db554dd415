//! axe-core, the accessibility checker, from the npm registry: a pinned
//! version whose tarball must match the registry's published integrity hash,
//! downloaded once and kept under target/.

use std::io::Read;

use base64::Engine;
use sha2::{Digest, Sha512};

const VERSION: &str = "4.14.1";
/// `dist.integrity` of axe-core@4.14.1 in the npm registry.
const INTEGRITY: &str =
    "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";

fn verified(tarball: &[u8]) -> bool {
    let digest = Sha512::digest(tarball);
    let got = format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    got == INTEGRITY
}

/// The source of `axe.min.js`.
pub async fn source() -> String {
    let cache = super::driver::target_dir().join("browser-cache");
    let file = cache.join(format!("axe-core-{VERSION}.tgz"));
    let tarball = match std::fs::read(&file) {
        Ok(bytes) if verified(&bytes) => bytes,
        _ => {
            let url = format!("https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz");
            // curl rather than the test's HTTP client: it trusts the system's
            // certificate store, which some networks' proxies require.
            let out = std::process::Command::new("curl")
                .args(["--fail", "--silent", "--show-error", "--location", &url])
                .output()
                .unwrap_or_else(|e| panic!("running curl to download {url}: {e}"));
            assert!(
                out.status.success(),
                "downloading {url}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let bytes = out.stdout;
            assert!(
                verified(&bytes),
                "{url} does not match its pinned integrity {INTEGRITY}"
            );
            std::fs::create_dir_all(&cache).expect("the browser-test cache folder");
            std::fs::write(&file, &bytes).expect("caching the axe-core tarball");
            bytes
        }
    };
    file_in_tarball(&tarball, "package/axe.min.js").expect("axe.min.js in the axe-core tarball")
}

/// One file of a gzipped tar archive (ustar headers, as npm writes them).
fn file_in_tarball(tgz: &[u8], wanted: &str) -> Option<String> {
    let mut tar = Vec::new();
    flate2::read::GzDecoder::new(tgz)
        .read_to_end(&mut tar)
        .ok()?;
    let mut at = 0;
    while at + 512 <= tar.len() {
        let header = &tar[at..at + 512];
        if header.iter().all(|&b| b == 0) {
            return None;
        }
        let field = |from: usize, to: usize| {
            let raw = &header[from..to];
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            String::from_utf8_lossy(&raw[..end]).to_string()
        };
        let name = field(0, 100);
        let prefix = field(345, 500);
        let full = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        let size = usize::from_str_radix(field(124, 136).trim(), 8).ok()?;
        let body = at + 512;
        if full == wanted {
            return String::from_utf8(tar.get(body..body + size)?.to_vec()).ok();
        }
        at = body + size.div_ceil(512) * 512;
    }
    None
}
