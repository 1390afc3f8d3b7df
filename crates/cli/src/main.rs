//! The `followup` binary. Parses the command line, opens the database, runs one
//! subcommand (each in its own file under `cmd/`) and turns errors into reports and exit
//! codes here and nowhere else.

mod cmd;
mod exit;
mod out;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => exit::report(&err),
    }
}
