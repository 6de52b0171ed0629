//! The `marz` binary: the command line, and (with no command) the desktop app.

mod cli;
mod gui;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
