//! The command line: argument definitions and the dispatch from a command to the library
//! and a renderer. Output is built whole before anything is printed, so a failure leaves
//! nothing partial on stdout.

use crate::render::Format;
use clap::{Parser, Subcommand, ValueEnum};

/// Parse Ofsted children's-services reports and see which recommendations persist.
#[derive(Debug, Parser)]
#[command(name = "ofsted-diff", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "Examples:
  ofsted-diff old_report.txt new_report.txt
  ofsted-diff parse report.txt --format json | jq '.judgements'
  ofsted-diff validate reports/*.txt
  ofsted-diff timeline luton_*.txt";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse documents into the typed model (kind, council, dates, judgements,
    /// recommendations, findings).
    #[command(after_help = "Examples:
  ofsted-diff parse report.txt
  ofsted-diff parse report.txt --format json | jq '.recommendations[].text'
  ofsted-diff parse reports/ --format csv > grades.csv")]
    Parse {
        /// Files to parse (`-` for stdin).
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format (default: table on a terminal, json in a pipe).
        #[arg(long, short, value_enum)]
        format: Option<Format>,
    },
    /// Check each document has what its kind must carry; exit 1 if any does not.
    #[command(after_help = "Examples:
  ofsted-diff validate report.txt
  ofsted-diff validate reports/*.txt || echo 'some reports need a look'")]
    Validate {
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Compare an older document with a newer one (the default command).
    #[command(after_help = "Examples:
  ofsted-diff diff luton_2020.txt luton_2022.txt
  ofsted-diff luton_2020.txt luton_2022.txt --format markdown > briefing.md
  ofsted-diff diff old.txt new.txt --format json | jq '.recommendations[] | select(.status == \"persists\")'")]
    Diff {
        /// The older document.
        old: String,
        /// The newer document.
        new: String,
        /// Output format: table, json, markdown or csv.
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Show why each status was given: practice areas, scores, sentences.
        #[arg(long)]
        explain: bool,
        /// Exit 1 when a recommendation persists or a judgement declined.
        #[arg(long)]
        exit_code: bool,
    },
    /// Follow judgements and recommendations across documents about one council.
    #[command(after_help = "Examples:
  ofsted-diff timeline luton_2016.txt luton_2020.txt luton_2022.txt luton_2026.txt
  ofsted-diff timeline reports/luton_* --format json")]
    Timeline {
        #[arg(required = true, num_args = 2..)]
        files: Vec<String>,
        /// Output format: table, json or markdown.
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Allow documents about different councils.
        #[arg(long)]
        force: bool,
    },
}

/// Subcommand names, for treating `ofsted-diff OLD NEW` as `ofsted-diff diff OLD NEW`.
pub const SUBCOMMANDS: [&str; 5] = ["parse", "validate", "diff", "timeline", "help"];

/// Insert `diff` when the first argument is not a subcommand or a top-level flag.
pub fn with_default_command(mut args: Vec<String>) -> Vec<String> {
    let Some(first) = args.get(1) else {
        return args;
    };
    let top_level_flag = matches!(first.as_str(), "-h" | "--help" | "-V" | "--version")
        || first.starts_with("--color");
    if !SUBCOMMANDS.contains(&first.as_str()) && !top_level_flag {
        args.insert(1, "diff".to_string());
    }
    args
}
