//! The thin binary: parse arguments, run, print, exit with the contract's code.

use anyhow::{bail, Result};
use clap::Parser;
use ofsted_diff::cli::{with_default_command, Cli, ColorChoice, Command};
use ofsted_diff::model::{Change, Document, Status};
use ofsted_diff::render::{self, style::Style, Format};
use ofsted_diff::{diff, parse_path, validate};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = with_default_command(std::env::args().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(&cli) {
        Ok((output, code)) => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(output.as_bytes())
                .and_then(|_| stdout.flush())
                .is_err()
            {
                // A closed pipe (`| head`) is not an error worth a message.
                return ExitCode::SUCCESS;
            }
            ExitCode::from(code)
        }
        Err(e) => {
            eprintln!("ofsted-diff: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn style(choice: ColorChoice) -> Style {
    let terminal = std::io::stdout().is_terminal();
    let env_off = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let env_force = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !env_off && (terminal || env_force),
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    Style { color, width }
}

fn default_format(format: Option<Format>) -> Format {
    format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    })
}

/// Run the command; returns what to print and the exit code.
fn run(cli: &Cli) -> Result<(String, u8)> {
    let style = style(cli.color);
    match &cli.command {
        Command::Parse { files, format } => {
            let docs = files
                .iter()
                .map(|f| parse_path(f))
                .collect::<Result<Vec<Document>>>()?;
            let out = match default_format(*format) {
                Format::Json if docs.len() == 1 => render::json(&docs[0]),
                Format::Json => render::json(&docs),
                Format::Jsonl => docs.iter().map(render::json_line).collect(),
                Format::Table => docs
                    .iter()
                    .map(|d| render::document::table(d, &style))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Format::Markdown => docs
                    .iter()
                    .map(render::document::markdown)
                    .collect::<Vec<_>>()
                    .join("\n"),
                Format::Csv => render::document::csv(&docs),
            };
            Ok((out, 0))
        }
        Command::Validate { files } => {
            let mut out = String::new();
            let mut failed = false;
            for f in files {
                let doc = parse_path(f)?;
                let problems = validate::problems(&doc);
                if problems.is_empty() {
                    out.push_str(&format!("OK      {f} ({})\n", doc.kind.as_str()));
                } else {
                    failed = true;
                    out.push_str(&format!(
                        "INVALID {f} ({}): {}\n",
                        doc.kind.as_str(),
                        problems.join("; ")
                    ));
                }
            }
            Ok((out, u8::from(failed)))
        }
        Command::Diff {
            old,
            new,
            format,
            explain,
            exit_code,
        } => {
            let old_doc = parse_path(old)?;
            let new_doc = parse_path(new)?;
            let mut d = diff::diff(&old_doc, &new_doc);
            if !explain {
                d.recommendations
                    .iter_mut()
                    .for_each(|r| r.explanation = None);
            }
            let out = match default_format(*format) {
                Format::Json | Format::Jsonl => render::json(&d),
                Format::Table => render::diff::table(&d, &style),
                Format::Markdown => render::diff::markdown(&d),
                Format::Csv => render::diff::csv(&d),
            };
            let flagged = d
                .recommendations
                .iter()
                .any(|r| r.status == Status::Persists)
                || d.judgements.iter().any(|j| j.change == Change::Declined);
            Ok((out, u8::from(*exit_code && flagged)))
        }
        Command::Timeline {
            files,
            format,
            force,
        } => {
            let docs = files
                .iter()
                .map(|f| parse_path(f))
                .collect::<Result<Vec<Document>>>()?;
            if !force {
                check_one_council(&docs)?;
            }
            let t = diff::timeline(&docs);
            let out = match default_format(*format) {
                Format::Json | Format::Jsonl => render::json(&t),
                Format::Table | Format::Csv => render::diff::timeline_table(&t, &style),
                Format::Markdown => render::diff::timeline_markdown(&t),
            };
            Ok((out, 0))
        }
    }
}

/// Refuse a timeline of documents about different councils.
fn check_one_council(docs: &[Document]) -> Result<()> {
    let key = |d: &Document| d.local_authority.as_deref().map(|s| s.to_lowercase());
    let Some(first) = docs.iter().find(|d| key(d).is_some()) else {
        return Ok(());
    };
    for d in docs {
        if key(d).is_some() && key(d) != key(first) {
            bail!(
                "{}: is about {}, but {} is about {} (use --force to put them in one timeline)",
                d.source,
                d.local_authority.as_deref().unwrap_or("?"),
                first.source,
                first.local_authority.as_deref().unwrap_or("?")
            );
        }
    }
    Ok(())
}
