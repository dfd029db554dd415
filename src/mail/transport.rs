//! Where emails go: an SMTP server, or `.eml` files in a directory.

use std::path::PathBuf;

use lettre::{FileTransport, Message, SmtpTransport, Transport as _};

use crate::config::Settings;

pub enum Transport {
    Smtp(Box<SmtpTransport>),
    Files(FileTransport, PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("SMTP URL is not valid: {0}")]
    BadUrl(String),
    #[error("creating the mail directory {path}: {source}")]
    Directory {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("SMTP delivery failed: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("writing the email file failed: {0}")]
    File(#[from] lettre::transport::file::Error),
}

impl Transport {
    pub fn from_settings(settings: &Settings) -> Result<Self, TransportError> {
        match settings.smtp_url_for_lettre() {
            Some(url) => {
                let smtp = SmtpTransport::from_url(&url)
                    .map_err(|e| TransportError::BadUrl(e.to_string()))?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .build();
                Ok(Transport::Smtp(Box::new(smtp)))
            }
            None => {
                let dir = settings.mail_dir.clone();
                std::fs::create_dir_all(&dir).map_err(|source| TransportError::Directory {
                    path: dir.clone(),
                    source,
                })?;
                Ok(Transport::Files(FileTransport::new(&dir), dir))
            }
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "SMTP".into(),
            Transport::Files(_, dir) => format!("files in {}", dir.display()),
        }
    }

    /// Delivers one message (blocking).
    pub fn send(&self, message: &Message) -> Result<(), TransportError> {
        match self {
            Transport::Smtp(smtp) => {
                smtp.send(message)?;
            }
            Transport::Files(files, _) => {
                files.send(message)?;
            }
        }
        Ok(())
    }
}
