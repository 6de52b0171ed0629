//! What the integration tests that drive the `marz` binary share: running it on a data
//! folder, the `render` call most of them start from, and reading what it answered.

// Each test crate compiles its own copy and uses only some of these.
#![allow(dead_code)]

pub mod poppler;

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The binary on the data folder `data`, whatever `MARZ_DATA_DIR` the environment holds.
pub fn marz(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("marz").unwrap();
    cmd.arg("--data-dir").arg(data).env_remove("MARZ_DATA_DIR");
    cmd
}

/// `marz render TEMPLATE --client CLIENT`; the caller adds the other options.
pub fn render(data: &Path, template: &str, client: &str) -> Command {
    let mut cmd = marz(data);
    cmd.args(["render", template, "--client", client]);
    cmd
}

/// Runs the command, asserts it succeeded (showing its stderr if not) and returns its output.
pub fn succeeded(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `marz ARGS` on `data`, which must succeed.
pub fn run(data: &Path, args: &[&str]) -> Output {
    succeeded(marz(data).args(args))
}

/// Runs the command, asserts it stopped with exit code 2 (the user's error) and that its
/// stderr says `needle`; returns the stderr.
pub fn refuses(cmd: &mut Command, needle: &str) -> String {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{cmd:?}: {stderr}");
    assert!(stderr.contains(needle), "«{needle}» missing in: {stderr}");
    stderr
}

/// The JSON a command printed.
pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every letter in the register, newest first, from `marz letters list --json`.
pub fn letters(data: &Path) -> Vec<Value> {
    let list = json(&run(data, &["letters", "list", "--json"]));
    list.as_array().unwrap().clone()
}

/// Makes the sample workspace (sender and clients) in `data`, as a first run does.
pub fn samples(data: &Path) {
    run(data, &["clients", "list"]);
}

/// Writes `text` to `path` (its folder must exist) and returns the path.
pub fn write_file(path: PathBuf, text: impl AsRef<[u8]>) -> PathBuf {
    std::fs::write(&path, text).unwrap();
    path
}
