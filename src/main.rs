//! The thin binary: parse arguments, run, exit with the contract's code.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

use clap::{CommandFactory, FromArgMatches};
use ofsted_diff::cli::{self, color_in_args, with_default_command, Cli, ColorChoice, Terminal};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = with_default_command(std::env::args().collect());
    // clap colours its own help and errors; make it follow --color as well.
    let clap_color = match color_in_args(&args) {
        Some(ColorChoice::Always) => clap::ColorChoice::Always,
        Some(ColorChoice::Never) => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    };
    let parsed = Cli::command()
        .color(clap_color)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
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
    let terminal = Terminal::detect();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let result = cli::run(&cli, terminal, &mut stdout)
        .and_then(|code| stdout.flush().map(|_| code).map_err(Into::into));
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Lines already streamed stay whole: flush them before the message.
            let _ = stdout.flush();
            eprintln!("ofsted-diff: {e:#}");
            ExitCode::from(2)
        }
    }
}
