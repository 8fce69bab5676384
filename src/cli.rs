//! The command line: argument definitions, and the dispatch from a command to the library
//! and a renderer.
//!
//! Output policy: `json`, `table` and `markdown` output is built whole before anything is
//! printed, so a failure leaves nothing on stdout. `jsonl` and `csv` output of `parse` is
//! streamed in argument order while later files are still being parsed; every path is
//! checked (exists, is a file, opens) before the first line is printed, and if a document
//! still fails later (empty, not text) the run stops there with exit code 2, leaving only
//! complete lines or rows for the documents before it.

mod batch;

pub use batch::{expand, ordered_map, Inputs};

use crate::extract::Fields;
use crate::model::{Change, Diff, Document, Status, Timeline};
use crate::render::{self, style::Style, Format};
use crate::{diff, parse_path, parse_path_with, validate};
use anyhow::{anyhow, bail, Context, Result};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// `--version`: the crate version and the git commit it was built from.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("OFSTED_DIFF_COMMIT"),
    ")"
);

/// Parse Ofsted children's-services reports and see which recommendations persist.
#[derive(Debug, Parser)]
#[command(name = "ofsted-diff", version = VERSION, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// When to colour the output: auto colours a terminal only, and honours NO_COLOR and
    /// CLICOLOR_FORCE.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "Examples:
  ofsted-diff fixtures/seeds/luton_2016_inspection.txt fixtures/seeds/luton_2022_monitoring.txt
  ofsted-diff parse fixtures/seeds/luton_2016_inspection.txt -f json | jq .judgements
  ofsted-diff parse reports/ --format csv > grades.csv
  ofsted-diff validate fixtures/seeds/*.txt
  ofsted-diff completions bash > /etc/bash_completion.d/ofsted-diff";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaOf {
    /// One document of `parse --format json` (several files give an array of these).
    Parse,
    /// The output of `diff --format json`.
    Diff,
    /// The output of `timeline --format json`.
    Timeline,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse documents into the typed model (kind, council, dates, judgements,
    /// recommendations, findings).
    #[command(
        after_help = "Files are parsed in parallel and printed in argument order. \
Directories are walked for .txt and .md files. jsonl and csv stream: every path is checked \
before the first line is printed, and a document that fails to parse stops the run with \
exit code 2 after the complete lines before it.

Examples:
  ofsted-diff parse fixtures/seeds/luton_2016_inspection.txt
  ofsted-diff parse fixtures/seeds/luton_2016_inspection.txt -f json | jq .recommendations
  ofsted-diff parse fixtures/seeds/ --format csv > grades.csv
  ofsted-diff parse reports/ --format jsonl --jobs 2 | jq -c '[.source, .kind]'"
    )]
    Parse {
        /// Files or directories to parse (`-` for stdin).
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format (default: table on a terminal, json in a pipe).
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Documents parsed at once (default: the number of cores).
        #[arg(long, short, value_parser = clap::value_parser!(u32).range(1..=1024))]
        jobs: Option<u32>,
    },
    /// Check each document has what its kind must carry; exit 1 if any does not.
    #[command(after_help = "Examples:
  ofsted-diff validate fixtures/seeds/luton_2016_inspection.txt
  ofsted-diff validate reports/ || echo 'some reports need a look'")]
    Validate {
        /// Files or directories to check.
        #[arg(required = true)]
        files: Vec<String>,
        /// Documents parsed at once (default: the number of cores).
        #[arg(long, short, value_parser = clap::value_parser!(u32).range(1..=1024))]
        jobs: Option<u32>,
    },
    /// Compare an older document with a newer one (the default command).
    #[command(after_help = "Examples:
  ofsted-diff fixtures/seeds/luton_2016_inspection.txt fixtures/seeds/luton_2022_monitoring.txt
  ofsted-diff diff luton_2020.txt luton_2022.txt --format markdown > briefing.md
  ofsted-diff diff old.txt new.txt -f json | jq '.recommendations[].status'
  ofsted-diff diff old.txt new.txt --exit-code || echo 'something persists'")]
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
  ofsted-diff timeline fixtures/seeds/luton_2016_inspection.txt fixtures/seeds/luton_2022_news.txt")]
    Timeline {
        #[arg(required = true, num_args = 2..)]
        files: Vec<String>,
        /// Output format: table, json, jsonl or markdown.
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Allow documents about different councils.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script.
    #[command(after_help = "Examples:
  ofsted-diff completions bash > ~/.local/share/bash-completion/completions/ofsted-diff
  ofsted-diff completions zsh > ~/.zfunc/_ofsted-diff
  ofsted-diff completions fish > ~/.config/fish/completions/ofsted-diff.fish
  ofsted-diff completions powershell >> $PROFILE")]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a directory.
    #[command(after_help = "Examples:
  ofsted-diff man | man -l -
  ofsted-diff man --out-dir /usr/local/share/man/man1")]
    Man {
        /// Write ofsted-diff.1 and ofsted-diff-<command>.1 into this directory.
        #[arg(long)]
        out_dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of a command's JSON output.
    #[command(after_help = "Examples:
  ofsted-diff schema parse > document.schema.json
  ofsted-diff schema diff | jq '.properties | keys'")]
    Schema {
        /// Which output to describe.
        #[arg(value_enum)]
        of: SchemaOf,
    },
}

/// Insert `diff` when the first argument is not a subcommand or a top-level flag, so that
/// `ofsted-diff OLD NEW` means `ofsted-diff diff OLD NEW`.
pub fn with_default_command(mut args: Vec<String>) -> Vec<String> {
    let Some(first) = args.get(1) else {
        return args;
    };
    let command = Cli::command();
    let is_subcommand = first == "help" || command.find_subcommand(first).is_some();
    let top_level_flag = matches!(first.as_str(), "-h" | "--help" | "-V" | "--version")
        || first.starts_with("--color");
    if !is_subcommand && !top_level_flag {
        args.insert(1, "diff".to_string());
    }
    args
}

/// The `--color` value among `args`, read before clap parses them so that clap's own help
/// and error messages follow it too.
pub fn color_in_args(args: &[String]) -> Option<ColorChoice> {
    let mut value = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--color" {
            value = it.next().map(String::as_str);
        } else if let Some(v) = a.strip_prefix("--color=") {
            value = Some(v);
        }
    }
    ColorChoice::from_str(value?, true).ok()
}

/// Whether to write colour escapes, by these rules in order: `--color always|never`;
/// then a non-empty `NO_COLOR` turns colour off; a `CLICOLOR_FORCE` other than empty or
/// `0` turns it on; otherwise colour only a terminal, and not when `TERM=dumb` or
/// `CLICOLOR=0`.
pub fn color_enabled(
    choice: ColorChoice,
    is_terminal: bool,
    env: &dyn Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                is_terminal
                    && env("TERM").as_deref() != Some("dumb")
                    && env("CLICOLOR").as_deref() != Some("0")
            }
        }
    }
}

/// What the process is connected to; decides defaults, colour and the progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    pub stdout: bool,
    pub stderr: bool,
}

impl Terminal {
    pub fn detect() -> Self {
        use std::io::IsTerminal;
        Terminal {
            stdout: std::io::stdout().is_terminal(),
            stderr: std::io::stderr().is_terminal(),
        }
    }
}

fn env_var(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
}

/// The style for output to stdout.
pub fn style(choice: ColorChoice, terminal: Terminal) -> Style {
    let color = color_enabled(choice, terminal.stdout, &env_var);
    let width = env_var("COLUMNS")
        .and_then(|c| c.trim().parse().ok())
        .or_else(|| {
            terminal
                .stdout
                .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
                .flatten()
        })
        .unwrap_or(100);
    Style { color, width }
}

fn default_format(format: Option<Format>, terminal: Terminal) -> Format {
    format.unwrap_or(if terminal.stdout {
        Format::Table
    } else {
        Format::Json
    })
}

fn jobs(requested: Option<u32>) -> usize {
    requested
        .map(|j| j as usize)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
}

/// Run the command, writing its output to `out`; returns the exit code. Warnings about the
/// run itself (skipped files) go to stderr.
pub fn run(cli: &Cli, terminal: Terminal, out: &mut dyn Write) -> Result<u8> {
    let style = style(cli.color, terminal);
    match &cli.command {
        Command::Parse {
            files,
            format,
            jobs: j,
        } => parse(
            files,
            default_format(*format, terminal),
            jobs(*j),
            terminal,
            &style,
            out,
        ),
        Command::Validate { files, jobs: j } => validate_all(files, jobs(*j), terminal, out),
        Command::Diff {
            old,
            new,
            format,
            explain,
            exit_code,
        } => {
            let (old_doc, new_doc) = parse_pair(old, new)?;
            let mut d = diff::diff(&old_doc, &new_doc);
            if !explain {
                d.recommendations
                    .iter_mut()
                    .for_each(|r| r.explanation = None);
            }
            let text = match default_format(*format, terminal) {
                Format::Json => render::json(&d),
                Format::Jsonl => render::json_line(&d),
                Format::Table => render::diff::table(&d, &style),
                Format::Markdown => render::diff::markdown(&d),
                Format::Csv => render::diff::csv(&d),
            };
            out.write_all(text.as_bytes())?;
            Ok(u8::from(*exit_code && flagged(&d)))
        }
        Command::Timeline {
            files,
            format,
            force,
        } => {
            let format = default_format(*format, terminal);
            if format == Format::Csv {
                bail!("timeline has no csv format: use table, json, jsonl or markdown");
            }
            let docs = parse_all(files, jobs(None))?;
            if !force {
                check_one_council(&docs)?;
            }
            let t = diff::timeline(&docs);
            let text = match format {
                Format::Json => render::json(&t),
                Format::Jsonl => render::json_line(&t),
                Format::Table | Format::Csv => render::diff::timeline_table(&t, &style),
                Format::Markdown => render::diff::timeline_markdown(&t),
            };
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "ofsted-diff", out);
            Ok(0)
        }
        Command::Man { out_dir } => {
            let mut cmd = Cli::command().disable_help_subcommand(true);
            cmd.build();
            match out_dir {
                Some(dir) => write_man_pages(&cmd, dir)?,
                None => man_page(&cmd, out)?,
            }
            Ok(0)
        }
        Command::Schema { of } => {
            out.write_all(schema(*of).as_bytes())?;
            Ok(0)
        }
    }
}

/// The man page of `cmd`: clap_mangen's sections, then the notes and the examples that end
/// its `--help`, the examples kept one per line.
fn man_page(cmd: &clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    use clap_mangen::roff::{roman, Roff};
    let after = cmd
        .get_after_help()
        .map(|s| s.to_string())
        .unwrap_or_default();
    let (notes, examples) = match after.split_once("Examples:") {
        Some((notes, examples)) => (notes.trim(), examples.trim_matches('\n')),
        None => (after.trim(), ""),
    };
    let has_options = cmd.get_arguments().any(|a| !a.is_hide_set());
    let has_subcommands = cmd.get_subcommands().any(|s| !s.is_hide_set());
    let man = clap_mangen::Man::new(cmd.clone().after_help(None::<&'static str>));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if has_options {
        man.render_options_section(out)?;
    }
    if has_subcommands {
        man.render_subcommands_section(out)?;
    }
    let mut roff = Roff::new();
    if !notes.is_empty() {
        roff.control("SH", ["NOTES"]).text([roman(notes)]);
    }
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]).control("nf", []);
        for line in examples.lines() {
            roff.text([roman(line.trim())]);
        }
        roff.control("fi", []);
    }
    roff.to_writer(out)?;
    // clap_mangen's version section needs a version; subcommands have none.
    if cmd.get_version().is_some() || cmd.get_long_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// Write `ofsted-diff.1` and one `ofsted-diff-<command>.1` per subcommand into `dir`.
fn write_man_pages(cmd: &clap::Command, dir: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_man_pages(sub, dir)?;
    }
    let name = cmd.get_display_name().unwrap_or_else(|| cmd.get_name());
    let path = dir.join(format!("{name}.1"));
    let mut file = std::fs::File::create(&path)
        .map(std::io::BufWriter::new)
        .with_context(|| format!("{}: cannot write the man page", path.display()))?;
    man_page(cmd, &mut file)
        .and_then(|_| file.flush())
        .with_context(|| format!("{}: cannot write the man page", path.display()))
}

/// The JSON Schema (draft 2020-12) of a command's JSON output, pretty-printed. It
/// describes what is written (a field printed as `null` is required, a field left out
/// when empty is optional) and allows fields added later, as CONTRACT.md does.
pub fn schema(of: SchemaOf) -> String {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let schema = match of {
        SchemaOf::Parse => generator.root_schema_for::<Document>(),
        SchemaOf::Diff => generator.root_schema_for::<Diff>(),
        SchemaOf::Timeline => generator.root_schema_for::<Timeline>(),
    };
    let mut value = schema.to_value();
    add_date_patterns(&mut value);
    render::json(&value)
}

/// Fields that hold a date, which CONTRACT.md fixes as ISO `YYYY-MM-DD`.
const DATE_FIELDS: [&str; 5] = [
    "published",
    "inspection_start",
    "inspection_end",
    "document_date",
    "date",
];

/// Give every date field of every object in `schema` the ISO date pattern.
fn add_date_patterns(schema: &mut serde_json::Value) {
    use serde_json::Value;
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    if let (true, Value::Object(p)) = (DATE_FIELDS.contains(&name.as_str()), prop) {
                        p.insert(
                            "pattern".into(),
                            Value::String(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$".into()),
                        );
                    }
                }
            }
            map.values_mut().for_each(add_date_patterns);
        }
        Value::Array(items) => items.iter_mut().for_each(add_date_patterns),
        _ => {}
    }
}

fn flagged(d: &Diff) -> bool {
    d.recommendations
        .iter()
        .any(|r| r.status == Status::Persists)
        || d.judgements.iter().any(|j| j.change == Change::Declined)
}

/// Expand the arguments and say once on stderr what the directory walks skipped.
fn inputs(args: &[String]) -> Result<Inputs> {
    let inputs = expand(args)?;
    if let Some(w) = inputs.skipped_warning() {
        eprintln!("ofsted-diff: warning: {w}");
    }
    Ok(inputs)
}

/// The error for a worker that panicked on `files[i]`.
fn worker_error(files: &[String], i: usize, panic: String) -> anyhow::Error {
    let file = files.get(i).map_or("a file", String::as_str);
    anyhow!("{file}: internal error while parsing it (please report this): {panic}")
}

/// Parse OLD and NEW side by side: a diff is two parses and a comparison, and the parses
/// are most of its time. OLD's findings are not read (the diff compares OLD's
/// recommendations with NEW's findings), and OLD's thread then loads the taxonomy that the
/// comparison needs.
fn parse_pair(old: &str, new: &str) -> Result<(Document, Document)> {
    side_by_side(
        &[old.to_string(), new.to_string()],
        || {
            let doc = parse_path_with(old, Fields::WITHOUT_FINDINGS)?;
            std::panic::catch_unwind(diff::load_taxonomy).map_err(|p| {
                anyhow!(
                    "internal error loading the practice-area taxonomy (please report this): {}",
                    batch::panic_message(p.as_ref())
                )
            })?;
            Ok(doc)
        },
        || parse_path_with(new, Fields::FOR_COMPARISON),
    )
}

/// Run `first` on a thread of its own and `second` on this one, as the work on `files[0]`
/// and `files[1]`. As in a batch, a panic is an internal error naming its file, and the
/// first's failure is reported before the second's.
fn side_by_side<A: Send, B>(
    files: &[String; 2],
    first: impl FnOnce() -> Result<A> + Send,
    second: impl FnOnce() -> Result<B>,
) -> Result<(A, B)> {
    let caught = |i: usize, p: Box<dyn std::any::Any + Send>| {
        worker_error(files, i, batch::panic_message(p.as_ref()))
    };
    let (a, b) = std::thread::scope(|scope| {
        let job = scope.spawn(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(first)));
        let b = std::panic::catch_unwind(std::panic::AssertUnwindSafe(second));
        let a = job.join().unwrap_or_else(Err);
        (a, b)
    });
    let a = a.map_err(|p| caught(0, p))??;
    let b = b.map_err(|p| caught(1, p))??;
    Ok((a, b))
}

/// Parse every file of a timeline in parallel, in order, for comparison (findings without
/// their polarity); the first failure is the error.
fn parse_all(files: &[String], jobs: usize) -> Result<Vec<Document>> {
    let mut docs = Vec::with_capacity(files.len());
    let mut quiet = Progress::new(files.len(), false);
    for_each_ordered(
        files,
        jobs,
        &mut quiet,
        |f| parse_path_with(f, Fields::FOR_COMPARISON),
        |doc| {
            docs.push(doc);
            Ok(())
        },
    )?;
    Ok(docs)
}

/// Run `work` over `files` on `jobs` threads and hand each result, in argument order, to
/// `emit`, ticking `progress`; stop at the first error (a file that cannot be read, a
/// worker that panicked, output that cannot be written) and return it.
fn for_each_ordered<R: Send>(
    files: &[String],
    jobs: usize,
    progress: &mut Progress,
    work: impl Fn(&String) -> Result<R> + Sync,
    mut emit: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let mut failure = None;
    ordered_map(files, jobs, work, |i, r| {
        progress.tick();
        let done = match r {
            Ok(Ok(value)) => emit(value),
            Ok(Err(e)) => Err(e),
            Err(p) => Err(worker_error(files, i, p)),
        };
        match done {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failure = Some(e);
                ControlFlow::Break(())
            }
        }
    });
    progress.finish();
    failure.map_or(Ok(()), Err)
}

fn parse(
    args: &[String],
    format: Format,
    jobs: usize,
    terminal: Terminal,
    style: &Style,
    out: &mut dyn Write,
) -> Result<u8> {
    let files = inputs(args)?.files;
    let streamed = matches!(format, Format::Jsonl | Format::Csv);
    // Streamed output on a terminal shows its own progress; elsewhere draw a bar.
    let mut progress = Progress::new(
        files.len(),
        terminal.stderr && !(streamed && terminal.stdout),
    );
    if !streamed {
        let mut docs = Vec::with_capacity(files.len());
        for_each_ordered(
            &files,
            jobs,
            &mut progress,
            |f| parse_path(f),
            |doc| {
                docs.push(doc);
                Ok(())
            },
        )?;
        let text = match (format, docs.as_slice()) {
            (Format::Json, [doc]) => render::json(doc),
            (Format::Markdown, _) => docs
                .iter()
                .map(render::document::markdown)
                .collect::<Vec<_>>()
                .join("\n"),
            (Format::Table, _) => docs
                .iter()
                .map(|d| render::document::table(d, style))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => render::json(&docs),
        };
        out.write_all(text.as_bytes())?;
        return Ok(0);
    }
    let render_one = |f: &String| -> Result<String> {
        let doc = parse_path(f)?;
        Ok(match format {
            Format::Csv => render::document::csv_record(&doc),
            _ => render::json_line(&doc),
        })
    };
    let mut first = true;
    for_each_ordered(&files, jobs, &mut progress, render_one, |line| {
        if std::mem::take(&mut first) && format == Format::Csv {
            out.write_all(render::document::csv_header().as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
        Ok(())
    })?;
    Ok(0)
}

fn validate_all(
    args: &[String],
    jobs: usize,
    terminal: Terminal,
    out: &mut dyn Write,
) -> Result<u8> {
    let files = inputs(args)?.files;
    let mut progress = Progress::new(files.len(), terminal.stderr && !terminal.stdout);
    let mut invalid = false;
    let check = |f: &String| -> Result<String> {
        let doc = parse_path(f)?;
        let problems = validate::problems(&doc);
        Ok(if problems.is_empty() {
            format!("OK      {f} ({})\n", doc.kind.as_str())
        } else {
            format!(
                "INVALID {f} ({}): {}\n",
                doc.kind.as_str(),
                problems.join("; ")
            )
        })
    };
    for_each_ordered(&files, jobs, &mut progress, check, |line| {
        invalid |= line.starts_with("INVALID");
        out.write_all(line.as_bytes())?;
        Ok(())
    })?;
    Ok(u8::from(invalid))
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

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and only once
/// the batch has run for half a second (short batches never show it).
struct Progress {
    total: usize,
    done: usize,
    enabled: bool,
    started: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    const DELAY: Duration = Duration::from_millis(500);
    const EVERY: Duration = Duration::from_millis(100);

    fn new(total: usize, enabled: bool) -> Self {
        Progress {
            total,
            done: 0,
            enabled: enabled && total > 1,
            started: Instant::now(),
            drawn: None,
        }
    }

    fn tick(&mut self) {
        self.done += 1;
        if !self.enabled || self.started.elapsed() < Self::DELAY {
            return;
        }
        if self.drawn.is_some_and(|t| t.elapsed() < Self::EVERY) && self.done < self.total {
            return;
        }
        self.drawn = Some(Instant::now());
        const WIDTH: usize = 30;
        let filled = WIDTH * self.done / self.total.max(1);
        eprint!(
            "\r\x1b[K[{}{}] {}/{} documents",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            self.done,
            self.total
        );
    }

    fn finish(&mut self) {
        if self.drawn.is_some() {
            eprint!("\r\x1b[K");
            self.drawn = None;
        }
    }
}

/// Whether `e` is a write to a closed pipe (`| head`), which ends the run quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_parse_that_panics_is_an_internal_error_naming_its_file() {
        let files = ["old.txt".to_string(), "new.txt".to_string()];
        let err = side_by_side(&files, || Ok(1), || -> Result<u8> { panic!("boom") })
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "new.txt: internal error while parsing it (please report this): boom"
        );
        // OLD's failure comes first, even when NEW panics.
        let err = side_by_side(
            &files,
            || -> Result<u8> { Err(anyhow!("old.txt: no such file")) },
            || -> Result<u8> { panic!("boom") },
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "old.txt: no such file");
        let err = side_by_side(&files, || -> Result<u8> { panic!("bang") }, || Ok(2))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("old.txt: internal error"), "{err}");
        assert_eq!(side_by_side(&files, || Ok(1), || Ok(2)).unwrap(), (1, 2));
    }

    fn env_of<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn color_follows_flag_then_no_color_then_clicolor_force_then_terminal() {
        let none = env_of(&[]);
        assert!(color_enabled(ColorChoice::Auto, true, &none));
        assert!(!color_enabled(ColorChoice::Auto, false, &none));
        assert!(color_enabled(ColorChoice::Always, false, &none));
        assert!(!color_enabled(ColorChoice::Never, true, &none));
        let no_color = env_of(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]);
        assert!(!color_enabled(ColorChoice::Auto, true, &no_color));
        assert!(color_enabled(ColorChoice::Always, true, &no_color));
        let empty_no_color = env_of(&[("NO_COLOR", "")]);
        assert!(color_enabled(ColorChoice::Auto, true, &empty_no_color));
        let force = env_of(&[("CLICOLOR_FORCE", "1")]);
        assert!(color_enabled(ColorChoice::Auto, false, &force));
        let force_zero = env_of(&[("CLICOLOR_FORCE", "0")]);
        assert!(!color_enabled(ColorChoice::Auto, false, &force_zero));
        let dumb = env_of(&[("TERM", "dumb")]);
        assert!(!color_enabled(ColorChoice::Auto, true, &dumb));
        let clicolor_off = env_of(&[("CLICOLOR", "0")]);
        assert!(!color_enabled(ColorChoice::Auto, true, &clicolor_off));
    }

    #[test]
    fn color_flag_is_read_before_clap() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            color_in_args(&args(&["ofsted-diff", "--color", "never", "--help"])),
            Some(ColorChoice::Never)
        );
        assert_eq!(
            color_in_args(&args(&["ofsted-diff", "parse", "--color=always", "x.txt"])),
            Some(ColorChoice::Always)
        );
        assert_eq!(
            color_in_args(&args(&["ofsted-diff", "parse", "x.txt"])),
            None
        );
    }

    #[test]
    fn a_file_pair_means_diff_but_subcommands_stay() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            with_default_command(args(&["ofsted-diff", "old.txt", "new.txt"])),
            args(&["ofsted-diff", "diff", "old.txt", "new.txt"])
        );
        for sub in ["parse", "completions", "man", "schema", "help", "--version"] {
            assert_eq!(
                with_default_command(args(&["ofsted-diff", sub])),
                args(&["ofsted-diff", sub])
            );
        }
    }

    #[test]
    fn version_names_the_commit() {
        assert!(VERSION.starts_with(env!("CARGO_PKG_VERSION")));
        assert!(VERSION.contains("(commit "));
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}
