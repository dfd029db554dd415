//! The command line: `rapport` (serve), `migrate`, `user add`, `token create`,
//! `demo`, `score`, `score-eval`, `questionnaire check` and `import candidates`.

pub mod import;
mod rescore;
mod score;

use std::io::Read;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::db;
use crate::domain::user::{EmailAddress, NewPassword, PersonName, Role};
use crate::security::password;
use crate::startup::{open_database, Application};

#[derive(Parser)]
#[command(
    name = "rapport",
    version,
    about = "A self-hosted hiring pipeline for customer-support teams"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        action: TokenAction,
    },
    /// Load a sample company with two published support jobs.
    Demo,
    /// Score answers (JSON Lines: {"question": id, "answer": text, "candidate": optional}) against a questionnaire.
    Score {
        #[arg(long)]
        questionnaire: std::path::PathBuf,
        #[arg(long)]
        answers: std::path::PathBuf,
        /// Pass mark in percent: a result passes when it is above it.
        #[arg(long, default_value_t = 50)]
        pass_mark: u8,
        #[arg(long)]
        json: bool,
    },
    /// Measure agreement with human labels: empathy and curiosity grades (the format of shared/eval/answers.jsonl) and key-point labels ({"questionnaire", "question", "answer", "key_points": {id: "covered"|"not_covered"}, "negated": [id]}).
    ScoreEval {
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// A questionnaire file the key-point labels may refer to, beside the installed ones (repeatable).
        #[arg(long = "questionnaire")]
        questionnaires: Vec<std::path::PathBuf>,
        #[arg(long)]
        json: bool,
        /// Print every disagreement with its evidence or miss reason.
        #[arg(long)]
        show_misses: bool,
    },
    /// Score stored answers again with this scorer and show what moved.
    Rescore {
        /// Store the new scores (otherwise only report).
        #[arg(long)]
        apply: bool,
    },
    /// Work with questionnaire files.
    Questionnaire {
        #[command(subcommand)]
        action: QuestionnaireAction,
    },
    /// Bring data in from another tool.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
}

#[derive(Subcommand)]
pub enum ImportWhat {
    /// Candidates from a CSV file (headers on the first line) into one job. Columns named name, email, languages ("en:native; fr"), location, timezone, cover_letter, portfolio_url, source are found by themselves; map others with --map. Reruns skip anyone already there.
    Candidates {
        /// The job's address (the end of its public link).
        #[arg(long)]
        job: String,
        file: std::path::PathBuf,
        /// field=Header, e.g. --map email="E-mail address" (repeatable).
        #[arg(long = "map")]
        mapping: Vec<String>,
        /// Check every line and report problems; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good lines even when some have problems.
        #[arg(long)]
        skip_invalid: bool,
    },
}

#[derive(Subcommand)]
pub enum QuestionnaireAction {
    /// Check files and report every problem with its line and a fix.
    Check {
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum TokenAction {
    /// Make a token for an existing staff account and print it (only once).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// read or read-write.
        #[arg(long, default_value = "read")]
        scope: String,
        /// Days until it expires (1 to 365).
        #[arg(long, default_value_t = crate::domain::api_token::DEFAULT_DAYS)]
        days: i64,
    },
}

#[derive(Subcommand)]
pub enum UserAction {
    /// Create a staff account; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "interviewer")]
        role: String,
        /// Read the password from standard input (required: passwords never go on the command line).
        #[arg(long)]
        password_stdin: bool,
    },
}

pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // Held until the command returns, so every log line is written.
    let _log = crate::telemetry::init(&cli.settings.log);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.settings),
        Command::Migrate => {
            open_database(&cli.settings)?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::User {
            action:
                UserAction::Add {
                    email,
                    name,
                    role,
                    password_stdin,
                },
        } => add_user(&cli.settings, &email, &name, &role, password_stdin),
        Command::Token {
            action:
                TokenAction::Create {
                    email,
                    name,
                    scope,
                    days,
                },
        } => create_token(&cli.settings, &email, &name, &scope, days),
        Command::Score {
            questionnaire,
            answers,
            pass_mark,
            json,
        } => score::score(&questionnaire, &answers, pass_mark, json),
        Command::ScoreEval {
            files,
            questionnaires,
            json,
            show_misses,
        } => {
            let library = crate::questionnaires::Library::load(&cli.settings.questionnaire_dir);
            score::score_eval(&files, &library, &questionnaires, json, show_misses)
        }
        Command::Questionnaire {
            action: QuestionnaireAction::Check { files },
        } => score::check(&files),
        Command::Import {
            what:
                ImportWhat::Candidates {
                    job,
                    file,
                    mapping,
                    dry_run,
                    skip_invalid,
                },
        } => {
            let csv =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let db = open_database(&cli.settings)?;
            let opts = import::Options {
                job_slug: &job,
                mapping: &mapping,
                dry_run,
                skip_invalid,
                progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
            };
            import::run(&db, &csv, &opts, &mut std::io::stdout().lock()).map(|_| ())
        }
        Command::Rescore { apply } => {
            let db = open_database(&cli.settings)?;
            rescore::run(&db, apply)
        }
        Command::Demo => {
            let db = open_database(&cli.settings)?;
            let library = crate::questionnaires::Library::load(&cli.settings.questionnaire_dir);
            let report = crate::demo::load(&db, &library, &cli.settings.base_url())?;
            println!("{report}");
            Ok(())
        }
    }
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings).await?;
        tracing::info!(port = app.port(), "Rapport is listening");
        app.run_until_stopped().await.context("running the server")
    })
}

fn create_token(
    settings: &Settings,
    email: &str,
    name: &str,
    scope: &str,
    days: i64,
) -> anyhow::Result<()> {
    let new = crate::domain::api_token::NewToken::parse(name, scope, &days.to_string()).map_err(
        |errors| {
            anyhow::Error::msg(
                errors
                    .iter()
                    .map(|e| format!("--{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        },
    )?;
    let email = EmailAddress::parse(email).map_err(anyhow::Error::msg)?;
    let db = open_database(settings)?;
    let made = db.write_blocking(|conn| {
        let Some(user) = db::users::find_by_email(conn, email.as_str())? else {
            return Ok(None);
        };
        crate::flows::api_tokens::create(conn, &user.id, &new).map(Some)
    })?;
    match made {
        Some((raw, row)) => {
            eprintln!(
                "Token \"{}\" ({}) for {email}, expires {} UTC. It is shown only this once:",
                row.name,
                row.scope().as_str(),
                row.expires_at.format("%Y-%m-%d %H:%M")
            );
            println!("{raw}");
            Ok(())
        }
        None => bail!("no staff account has the email {email}"),
    }
}

fn add_user(
    settings: &Settings,
    email: &str,
    name: &str,
    role: &str,
    password_stdin: bool,
) -> anyhow::Result<()> {
    if !password_stdin {
        bail!("pass --password-stdin and give the password on standard input");
    }
    let email = EmailAddress::parse(email).map_err(anyhow::Error::msg)?;
    let name = PersonName::parse(name).map_err(anyhow::Error::msg)?;
    let role: Role = role.parse().map_err(anyhow::Error::msg)?;
    let mut raw = String::new();
    std::io::stdin()
        .read_to_string(&mut raw)
        .context("reading the password from standard input")?;
    let pw = NewPassword::parse(raw.trim_end_matches(['\n', '\r'])).map_err(anyhow::Error::msg)?;
    let hash = password::hash(pw.expose())?;
    let db = open_database(settings)?;
    let user = db.write_blocking(|conn| {
        if db::users::find_by_email(conn, email.as_str())?.is_some() {
            return Ok(None);
        }
        let now = db::now();
        let user = db::users::insert(conn, &email, &name, role, &hash, now)?;
        db::audit::record(
            conn,
            None,
            "account.created_cli",
            ("user", &user.id),
            role.as_str(),
            now,
        )?;
        Ok(Some(user))
    })?;
    match user {
        Some(u) => {
            println!("Created {} <{}> as {}.", u.name, u.email, u.role);
            Ok(())
        }
        None => bail!("an account with the email {email} already exists"),
    }
}
