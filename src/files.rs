//! Uploaded files (candidates' CVs), kept where every `rapport serve`
//! process can reach them: a local folder by default, an S3-compatible
//! bucket (AWS, MinIO, Garage, …) when several processes run on several
//! machines behind a load balancer.
//!
//! The database stores only a file's key (a generated name such as
//! `01J….pdf`); the same key names the same file in either store, so a
//! folder of CVs written before this module existed stays readable.

use std::sync::Arc;

use actix_web::web::Bytes;
use futures_util::stream::{BoxStream, StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, RetryConfig};
use secrecy::ExposeSecret;

use crate::config::Settings;

/// The store every process shares, cheap to clone.
#[derive(Clone)]
pub struct FileStore {
    inner: Arc<dyn ObjectStore>,
    /// Where the files are, for errors and logs (never with credentials).
    place: Arc<str>,
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{action} {key} in {place}: {source}")]
    Store {
        action: &'static str,
        key: String,
        place: Arc<str>,
        // Boxed: the store's error is large, and results carry it everywhere.
        #[source]
        source: Box<object_store::Error>,
    },
    /// Keys are names this application generated; anything else (a path,
    /// a name from outside) is refused before it reaches a store.
    #[error("{key:?} is not the name of a stored file")]
    InvalidKey { key: String },
    #[error("setting up the file store {place}: {reason}")]
    Config { place: String, reason: String },
}

/// A stored file on its way out, read in pieces rather than held whole.
pub struct Download {
    pub size: u64,
    pub body: BoxStream<'static, Result<Bytes, FileError>>,
}

impl std::fmt::Debug for FileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileStore")
            .field("place", &self.place)
            .finish()
    }
}

impl FileStore {
    /// The store the settings name: `RAPPORT_CV_STORE=s3://bucket/prefix`,
    /// or else the upload folder (created if missing).
    pub fn from_settings(settings: &Settings) -> Result<Self, FileError> {
        match settings
            .cv_store
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Self::local(&settings.upload_dir),
            Some(url) => Self::s3(url, settings),
        }
    }

    /// Files in a folder of this machine.
    pub fn local(dir: &std::path::Path) -> Result<Self, FileError> {
        let place = format!("the folder {}", dir.display());
        let config = |reason: String| FileError::Config {
            place: place.clone(),
            reason,
        };
        std::fs::create_dir_all(dir).map_err(|e| config(format!("creating it: {e}")))?;
        let store = LocalFileSystem::new_with_prefix(dir).map_err(|e| config(e.to_string()))?;
        Ok(Self {
            inner: Arc::new(store),
            place: place.into(),
        })
    }

    /// Files in an S3-compatible bucket. Endpoint, region and keys come from
    /// the settings, or else from the standard `AWS_*` variables.
    fn s3(url: &str, settings: &Settings) -> Result<Self, FileError> {
        let place = redacted(url);
        let config = |reason: String| FileError::Config {
            place: place.clone(),
            reason,
        };
        let parsed = url::Url::parse(url).map_err(|e| config(e.to_string()))?;
        if parsed.scheme() != "s3" {
            return Err(config(
                "only s3://bucket/prefix is understood; leave it unset to keep files in the upload folder".into(),
            ));
        }
        let bucket = parsed
            .host_str()
            .filter(|b| !b.is_empty())
            .ok_or_else(|| config("the URL names no bucket".into()))?;
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(config(
                "put the keys in RAPPORT_S3_ACCESS_KEY_ID and RAPPORT_S3_SECRET_ACCESS_KEY, not in the URL".into(),
            ));
        }
        let prefix = parsed.path().trim_matches('/').to_string();

        // Signing and TLS both use ring, the crypto the rest of the binary
        // already carries, instead of a second C library (aws-lc). Installing
        // it twice is harmless: the first one stays.
        let _ = rustls::crypto::ring::default_provider().install_default();

        let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
        if let Some(endpoint) = non_empty(&settings.s3_endpoint) {
            // Both keys: AWS_ENDPOINT_URL_S3 from the environment would
            // otherwise win over the setting.
            builder = builder
                .with_endpoint(endpoint)
                .with_config(AmazonS3ConfigKey::S3Endpoint, endpoint);
        }
        if let Some(region) = non_empty(&settings.s3_region) {
            builder = builder.with_region(region);
        }
        if let Some(key) = non_empty(&settings.s3_access_key_id) {
            builder = builder.with_access_key_id(key);
        }
        if let Some(secret) = &settings.s3_secret_access_key {
            builder = builder.with_secret_access_key(secret.expose_secret());
        }
        // Self-hosted servers (MinIO, Garage) often listen on plain HTTP
        // inside a private network; an http:// endpoint says so explicitly.
        let endpoint = builder
            .get_config_value(&AmazonS3ConfigKey::S3Endpoint)
            .or_else(|| builder.get_config_value(&AmazonS3ConfigKey::Endpoint));
        if endpoint.is_some_and(|e| e.starts_with("http://")) {
            builder = builder.with_allow_http(true);
        }
        let store = builder
            // A person is waiting on the other end: give up within seconds
            // rather than the default minutes.
            .with_retry(RetryConfig {
                max_retries: 3,
                retry_timeout: std::time::Duration::from_secs(15),
                ..RetryConfig::default()
            })
            .build()
            .map_err(|e| config(e.to_string()))?;
        let inner: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(store)
        } else {
            Arc::new(PrefixStore::new(store, Path::from(prefix.as_str())))
        };
        let place = match prefix.is_empty() {
            true => format!("s3://{bucket}"),
            false => format!("s3://{bucket}/{prefix}"),
        };
        Ok(Self {
            inner,
            place: place.into(),
        })
    }

    /// Where the files are, as people name it.
    pub fn place(&self) -> &str {
        &self.place
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), FileError> {
        let path = path_of(key)?;
        self.inner
            .put(&path, PutPayload::from(bytes))
            .await
            .map_err(|source| self.error("storing", key, source))?;
        Ok(())
    }

    /// The file under `key`, or `None` when there is none.
    pub async fn get(&self, key: &str) -> Result<Option<Download>, FileError> {
        let path = path_of(key)?;
        let found = match self.inner.get(&path).await {
            Ok(found) => found,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(source) => return Err(self.error("reading", key, source)),
        };
        let size = found.meta.size;
        let (key, place) = (key.to_string(), self.place.clone());
        let body = found
            .into_stream()
            .map_err(move |source| FileError::Store {
                action: "reading",
                key: key.clone(),
                place: place.clone(),
                source: Box::new(source),
            })
            .boxed();
        Ok(Some(Download { size, body }))
    }

    /// The whole file under `key`, or `None` when there is none.
    pub async fn read(&self, key: &str) -> Result<Option<Vec<u8>>, FileError> {
        let Some(download) = self.get(key).await? else {
            return Ok(None);
        };
        let chunks: Vec<Bytes> = download.body.try_collect().await?;
        Ok(Some(chunks.concat()))
    }

    /// Deletes the file under `key`; a file already gone is not an error
    /// (S3 does not tell the difference either).
    pub async fn delete(&self, key: &str) -> Result<(), FileError> {
        let path = path_of(key)?;
        match self.inner.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(source) => Err(self.error("deleting", key, source)),
        }
    }

    /// Deletes an erased candidate's CV after the erasure committed. The
    /// row naming it is gone, so a failure is not returned to a caller who
    /// can do nothing with it: the file is an orphan now, and the retention
    /// task's sweep ([`FileStore::cvs_stored_before`]) deletes it later.
    pub async fn delete_erased(&self, key: Option<&str>) {
        let Some(key) = key else { return };
        if let Err(e) = self.delete(key).await {
            tracing::error!(error = %e, "an erased candidate's CV could not be deleted now; the next sweep of orphaned files deletes it");
        }
    }

    /// The CVs stored before `before` (keys made by [`new_cv_key`] only:
    /// anything else in the folder or bucket is not ours to judge).
    pub async fn cvs_stored_before(
        &self,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<String>, FileError> {
        let listed: Vec<object_store::ObjectMeta> = self
            .inner
            .list(None)
            .try_collect()
            .await
            .map_err(|source| self.error("listing", "the stored files", source))?;
        Ok(listed
            .into_iter()
            .filter(|meta| meta.last_modified < before)
            .map(|meta| meta.location.to_string())
            .filter(|key| is_cv_key(key))
            .collect())
    }

    fn error(&self, action: &'static str, key: &str, source: object_store::Error) -> FileError {
        FileError::Store {
            action,
            key: key.to_string(),
            place: self.place.clone(),
            source: Box::new(source),
        }
    }
}

/// A new, unguessable name for an uploaded CV.
pub fn new_cv_key() -> String {
    format!("{}.pdf", uuid::Uuid::new_v4().simple())
}

/// Whether `key` has the shape [`new_cv_key`] gives.
fn is_cv_key(key: &str) -> bool {
    key.strip_suffix(".pdf").is_some_and(|id| {
        id.len() == 32
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The store's URL for messages, without any keys someone put in it.
fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            let _ = parsed.set_username("");
            let _ = parsed.set_password(None);
            parsed.to_string()
        }
        Err(_) => "RAPPORT_CV_STORE".into(),
    }
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The store's path for a key this application generated (an id and an
/// extension): letters, digits and dots, not starting with a dot.
fn path_of(key: &str) -> Result<Path, FileError> {
    let ours = !key.is_empty()
        && key.len() <= 100
        && !key.starts_with('.')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    if !ours {
        return Err(FileError::InvalidKey {
            key: key.chars().take(100).collect(),
        });
    }
    Path::parse(key).map_err(|_| FileError::InvalidKey {
        key: key.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_generated_names_are_keys() {
        assert!(path_of("01HZX3.pdf").is_ok());
        for bad in [
            "",
            ".pdf",
            "../etc/passwd",
            "a/b.pdf",
            "a b.pdf",
            "..",
            "x\\y",
        ] {
            assert!(
                matches!(path_of(bad), Err(FileError::InvalidKey { .. })),
                "{bad:?} must be refused"
            );
        }
    }

    #[test]
    fn only_s3_urls_name_another_store() {
        let mut settings = Settings::defaults();
        settings.cv_store = Some("ftp://bucket/cvs".into());
        let err = FileStore::from_settings(&settings).unwrap_err();
        assert!(err.to_string().contains("only s3://"), "{err}");
        settings.cv_store = Some("s3://key:secret@bucket/cvs".into());
        let err = FileStore::from_settings(&settings).unwrap_err();
        assert!(err.to_string().contains("not in the URL"), "{err}");
        assert!(!err.to_string().contains("secret@"), "{err}");
    }

    #[test]
    fn an_s3_url_names_bucket_and_prefix() {
        let mut settings = Settings::defaults();
        settings.cv_store = Some("s3://hiring/cvs/".into());
        settings.s3_endpoint = Some("http://127.0.0.1:9000".into());
        settings.s3_region = Some("garage".into());
        settings.s3_access_key_id = Some("key".into());
        settings.s3_secret_access_key = Some("secret".to_string().into());
        let store = FileStore::from_settings(&settings).unwrap();
        assert_eq!(store.place(), "s3://hiring/cvs");
    }

    #[tokio::test]
    async fn a_local_folder_keeps_files_under_their_key() {
        let dir = tempfile::tempdir().unwrap();
        let uploads = dir.path().join("uploads");
        let store = FileStore::local(&uploads).unwrap();
        store
            .put("abc.pdf", b"%PDF-1.4 one".to_vec())
            .await
            .unwrap();
        // The same file name as before this module: old CVs stay readable.
        assert_eq!(
            std::fs::read(uploads.join("abc.pdf")).unwrap(),
            b"%PDF-1.4 one"
        );
        std::fs::write(uploads.join("old.pdf"), b"%PDF-1.4 old").unwrap();
        assert_eq!(
            store.read("old.pdf").await.unwrap().as_deref(),
            Some(&b"%PDF-1.4 old"[..])
        );
        assert!(store.read("missing.pdf").await.unwrap().is_none());
        store.delete("abc.pdf").await.unwrap();
        assert!(!uploads.join("abc.pdf").exists());
        // Deleting twice is not an error: erasure may be retried.
        store.delete("abc.pdf").await.unwrap();
    }

    #[tokio::test]
    async fn only_cvs_stored_before_the_cutoff_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::local(dir.path()).unwrap();
        let cv = new_cv_key();
        store.put(&cv, b"%PDF-1.4".to_vec()).await.unwrap();
        // Files Rapport did not name are never candidates for deletion.
        store.put("abc.pdf", b"%PDF-1.4".to_vec()).await.unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"keep me").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub").join(new_cv_key()), b"x").unwrap();

        let soon = chrono::Utc::now() + chrono::Duration::minutes(1);
        assert_eq!(store.cvs_stored_before(soon).await.unwrap(), vec![cv]);
        let earlier = chrono::Utc::now() - chrono::Duration::hours(1);
        assert!(store.cvs_stored_before(earlier).await.unwrap().is_empty());
    }
}
