//! `rapport import candidates --job SLUG FILE.csv`: checks every line,
//! reports each problem with its line number, and (unless it is a dry run)
//! stores the good lines in chunks, with a progress bar on a terminal.

use std::io::Write;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};

use crate::db::{self, Db};
use crate::domain::import::{self, Line};
use crate::flows::import::{import_candidates, Imported, CHUNK};
use crate::i18n::Message;

pub struct Options<'a> {
    pub job_slug: &'a str,
    pub mapping: &'a [String],
    pub dry_run: bool,
    /// Import the good lines even when others have problems.
    pub skip_invalid: bool,
    pub progress: bool,
}

/// What an import did, for its caller and its tests.
#[derive(Debug, PartialEq, Eq)]
pub struct Report {
    pub lines: usize,
    pub problems: usize,
    pub imported: Option<Imported>,
}

pub fn run(
    db: &Db,
    csv: &[u8],
    opts: &Options<'_>,
    out: &mut impl Write,
) -> anyhow::Result<Report> {
    let english =
        |problems: Vec<Message>| problems.iter().map(Message::english).collect::<Vec<_>>();
    let given =
        import::parse_mapping(opts.mapping).map_err(|p| anyhow::anyhow!(english(p).join("\n")))?;
    let (headers, mapping, lines) = import::read(csv, &given).map_err(|p| {
        anyhow::anyhow!(
            "the file cannot be imported:\n  {}",
            english(p).join("\n  ")
        )
    })?;
    let slug = opts.job_slug.to_string();
    let job = db
        .write_blocking(move |conn| db::jobs::find_by_slug(conn, &slug))?
        .with_context(|| format!("no job has the address {:?}", opts.job_slug))?;
    writeln!(out, "Job: {} ({})", job.posting.title, job.slug)?;
    for (field, header) in mapping.describe(&headers) {
        writeln!(out, "  {field:<14} ← {header}")?;
    }
    let problems = report_problems(&lines, out)?;
    let good = import::ready(&lines);
    writeln!(
        out,
        "{} lines: {} ready, {} with problems.",
        lines.len(),
        good.len(),
        problems
    )?;
    let mut report = Report {
        lines: lines.len(),
        problems,
        imported: None,
    };
    if opts.dry_run {
        writeln!(out, "Dry run: nothing was stored.")?;
        return Ok(report);
    }
    if problems > 0 && !opts.skip_invalid {
        bail!("nothing was stored: fix the lines above, or pass --skip-invalid to import the {} good ones", good.len());
    }
    let bar = if opts.progress {
        ProgressBar::new(good.len() as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} candidates ({eta} left)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    let mut done = Imported::default();
    for chunk in good.chunks(CHUNK) {
        let (job_id, chunk_owned) = (job.id.clone(), chunk.to_vec());
        done += db.write_blocking(move |conn| {
            import_candidates(conn, &job_id, None, &chunk_owned, db::now())
        })?;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    writeln!(
        out,
        "Imported {} candidates; {} were already there for this job and were left as they are.",
        done.added, done.already
    )?;
    report.imported = Some(done);
    Ok(report)
}

/// Prints each line's problems ("line 4: email: …") and returns how many
/// lines have any.
pub fn report_problems(lines: &[Line], out: &mut impl Write) -> std::io::Result<usize> {
    let mut bad = 0;
    for line in lines {
        if let Err(errors) = &line.parsed {
            bad += 1;
            for e in errors {
                writeln!(out, "line {}: {}: {}", line.number, e.field, e.message)?;
            }
        }
    }
    Ok(bad)
}
