//! Sending a PDF letter to the system's printer, through CUPS's `lp` (Linux, macOS and the
//! BSDs have it wherever printing is set up). The PDF goes to `lp` on its standard input,
//! so no temporary file is left behind.

use crate::i18n::{Locale, Problem};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a letter could not be printed. Each kind has its own fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// `program` (lp) is not installed.
    NoPrintingSystem {
        program: String,
    },
    /// The print service does not answer; `message` is its own (English) account.
    NotRunning {
        message: String,
    },
    NoDefaultPrinter,
    Refused {
        message: String,
    },
    Failed {
        program: String,
        reason: String,
    },
}

impl Problem for PrintError {
    fn key(&self) -> &'static str {
        match self {
            PrintError::NoPrintingSystem { .. } => "error-print-no-system",
            PrintError::NotRunning { .. } => "error-print-not-running",
            PrintError::NoDefaultPrinter => "error-print-no-printer",
            PrintError::Refused { .. } => "error-print-refused",
            PrintError::Failed { .. } => "error-print-failed",
        }
    }

    fn args(&self, _: &Locale) -> Vec<(&'static str, String)> {
        match self {
            PrintError::NoPrintingSystem { program } => vec![("program", program.clone())],
            PrintError::NotRunning { message } | PrintError::Refused { message } => {
                vec![("detail", message.clone())]
            }
            PrintError::NoDefaultPrinter => Vec::new(),
            PrintError::Failed { program, reason } => {
                vec![("program", program.clone()), ("detail", reason.clone())]
            }
        }
    }
}

crate::i18n::english_display!(PrintError);
impl std::error::Error for PrintError {}

#[cfg(test)]
impl PrintError {
    /// One of each kind of printing problem.
    pub(crate) fn samples() -> Vec<Self> {
        let all = vec![
            PrintError::NoPrintingSystem {
                program: "lp".into(),
            },
            PrintError::NotRunning {
                message: "lp: Error - Scheduler not responding.".into(),
            },
            PrintError::NoDefaultPrinter,
            PrintError::Refused {
                message: "lp: Error - The printer or class does not exist.".into(),
            },
            PrintError::Failed {
                program: "/usr/bin/lp".into(),
                reason: "Permission denied (os error 13)".into(),
            },
        ];
        for e in &all {
            match e {
                PrintError::NoPrintingSystem { .. }
                | PrintError::NotRunning { .. }
                | PrintError::NoDefaultPrinter
                | PrintError::Refused { .. }
                | PrintError::Failed { .. } => {}
            }
        }
        all
    }
}

/// A print job the printing system accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    /// The job's id as `lp` reports it («Office-42»), when it does.
    pub id: Option<String>,
}

/// The system's default printer, reached through an `lp` program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printer {
    program: PathBuf,
}

impl Default for Printer {
    fn default() -> Self {
        Printer::system()
    }
}

impl Printer {
    /// `lp` from the `PATH`.
    pub fn system() -> Printer {
        Printer {
            program: PathBuf::from("lp"),
        }
    }

    /// Another program that takes `lp`'s arguments (tests use a stand-in).
    pub fn with_program(program: impl AsRef<Path>) -> Printer {
        Printer {
            program: program.as_ref().to_path_buf(),
        }
    }

    /// Sends `pdf` to the default printer; `title` names the job in the printer's queue.
    pub fn print_pdf(&self, pdf: &[u8], title: &str) -> Result<PrintJob, PrintError> {
        let program = self.program.display().to_string();
        let mut child = Command::new(&self.program)
            .arg("-t")
            .arg(title)
            // lp reads the file from standard input when none is named.
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // CUPS translates its messages; the kinds below are told apart in English.
            .env("LC_ALL", "C")
            .env("LANG", "C")
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => PrintError::NoPrintingSystem {
                    program: program.clone(),
                },
                _ => PrintError::Failed {
                    program: program.clone(),
                    reason: e.to_string(),
                },
            })?;
        let written = child.stdin.take().expect("stdin was piped").write_all(pdf);
        let output = child.wait_with_output().map_err(|e| PrintError::Failed {
            program: program.clone(),
            reason: e.to_string(),
        })?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            return Err(classify(stderr.trim(), stdout.trim()));
        }
        // lp exiting well without having read the whole letter would be a lost page.
        if let Err(e) = written {
            return Err(PrintError::Failed {
                program,
                reason: format!("the letter could not be handed over: {e}"),
            });
        }
        Ok(PrintJob {
            id: job_id(&stdout),
        })
    }
}

/// Sends `pdf` to the system's default printer (see `Printer::print_pdf`).
pub fn print_pdf(pdf: &[u8], title: &str) -> Result<PrintJob, PrintError> {
    Printer::system().print_pdf(pdf, title)
}

/// The kind of failure from `lp`'s message (CUPS words: "No default destination",
/// "Scheduler not responding", "Unable to connect to server").
fn classify(stderr: &str, stdout: &str) -> PrintError {
    let message = if stderr.is_empty() { stdout } else { stderr };
    let lower = message.to_lowercase();
    if lower.contains("no default destination") {
        PrintError::NoDefaultPrinter
    } else if lower.contains("scheduler not responding")
        || lower.contains("unable to connect")
        || lower.contains("connection refused")
    {
        PrintError::NotRunning {
            message: message.to_string(),
        }
    } else {
        PrintError::Refused {
            message: if message.is_empty() {
                "no reason given".to_string()
            } else {
                message.to_string()
            },
        }
    }
}

/// The id in "request id is Office-42 (1 file(s))".
fn job_id(stdout: &str) -> Option<String> {
    let rest = stdout.split("request id is ").nth(1)?;
    let id = rest.split_whitespace().next()?;
    Some(id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lp_messages_are_told_apart() {
        assert_eq!(
            classify("lp: Error - No default destination.", ""),
            PrintError::NoDefaultPrinter
        );
        assert!(matches!(
            classify("lp: Error - Scheduler not responding.", ""),
            PrintError::NotRunning { .. }
        ));
        assert!(matches!(
            classify("lp: Unable to connect to server.", ""),
            PrintError::NotRunning { .. }
        ));
        assert_eq!(
            classify("lp: Error - The printer or class does not exist.", ""),
            PrintError::Refused {
                message: "lp: Error - The printer or class does not exist.".to_string()
            }
        );
        assert_eq!(
            job_id("request id is Office-42 (1 file(s))\n"),
            Some("Office-42".to_string())
        );
        assert_eq!(job_id(""), None);
    }

    /// A stand-in for `lp`: a shell script that records what it was given.
    #[cfg(unix)]
    fn fake_lp(dir: &Path, script: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("lp");
        std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[cfg(unix)]
    #[test]
    fn the_pdf_reaches_lp_whole_with_its_title() {
        let dir = tempfile::tempdir().unwrap();
        let got = dir.path().join("got.pdf");
        let args = dir.path().join("args");
        let lp = fake_lp(
            dir.path(),
            &format!(
                "echo \"$@|$LC_ALL\" > {}\ncat > {}\necho 'request id is Office-42 (1 file(s))'",
                args.display(),
                got.display()
            ),
        );
        let pdf: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let job = Printer::with_program(&lp)
            .print_pdf(&pdf, "payment-3_sample-reza_2026-11-22.pdf")
            .unwrap();
        assert_eq!(job.id.as_deref(), Some("Office-42"));
        assert_eq!(std::fs::read(&got).unwrap(), pdf);
        assert_eq!(
            std::fs::read_to_string(&args).unwrap().trim(),
            "-t payment-3_sample-reza_2026-11-22.pdf|C"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_missing_printer_or_system_is_its_own_kind() {
        let dir = tempfile::tempdir().unwrap();
        let no_default = fake_lp(
            dir.path(),
            "cat > /dev/null\necho 'lp: Error - No default destination.' >&2\nexit 1",
        );
        assert_eq!(
            Printer::with_program(&no_default).print_pdf(b"%PDF-", "x"),
            Err(PrintError::NoDefaultPrinter)
        );
        let none = dir.path().join("no-such-lp");
        let e = Printer::with_program(&none)
            .print_pdf(b"%PDF-", "x")
            .unwrap_err();
        assert_eq!(
            e,
            PrintError::NoPrintingSystem {
                program: none.display().to_string()
            }
        );
        assert!(e.to_string().contains("no printing system"), "{e}");
    }
}
