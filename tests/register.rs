//! The register through the command line: many processes at once, processes killed mid-export,
//! the `letters` and `next` commands, threads and the «پیرو» line in text, e-mail and PDF.

mod common;

use common::marz;
use common::poppler::{squeeze, text_of};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::Duration;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_marz"))
}

/// A workspace with the sample sender and clients (and no register yet).
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    marz(&data).args(["clients", "list"]).assert().success();
    assert!(!data.join("register.sqlite3").exists());
    (dir, data)
}

fn json(data: &Path, args: &[&str]) -> Value {
    let out = marz(data).args(args).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn letters(data: &Path) -> Vec<Value> {
    json(data, &["letters", "list"]).as_array().unwrap().clone()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = marz(data).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail with exit code 2; returns its stderr.
fn fails(data: &Path, args: &[&str]) -> String {
    let out = marz(data).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    stderr
}

/// The text without direction marks: a Persian letter isolates its values (U+2068 …
/// U+2069), which the checks below read past.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10).unwrap(),
            _ => c,
        })
        .collect()
}

/// The sequence part of a number: `NA/۱۴۰۵/۰۰۷` → 7.
fn seq(number: &str) -> u32 {
    ascii_digits(number)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn spawn_export(data: &Path, out: &Path, format: &str, invoice: &str) -> Child {
    Process::new(bin())
        .arg("--data-dir")
        .arg(data)
        .env_remove("MARZ_DATA_DIR")
        .args([
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--date",
            "2026-11-22",
            "--set",
        ])
        .arg(format!("invoice={invoice}"))
        .args(["--format", format, "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn twenty_processes_exporting_at_once_get_twenty_distinct_numbers_one_to_twenty() {
    let (dir, data) = workspace();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // All start before any finishes; the register does not exist yet, so they also race to
    // create it.
    let children: Vec<(PathBuf, Child)> = (1..=20)
        .map(|i| {
            let path = out.join(format!("letter-{i}.txt"));
            let child = spawn_export(&data, &path, "text", &format!("INV-{i}"));
            (path, child)
        })
        .collect();
    for (path, child) in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let list = letters(&data);
    assert_eq!(list.len(), 20);
    let mut seqs: Vec<u32> = list
        .iter()
        .map(|l| seq(l["number"].as_str().unwrap()))
        .collect();
    seqs.sort();
    assert_eq!(seqs, (1..=20).collect::<Vec<_>>());
    // Each file carries the number its record has.
    for l in &list {
        let path = l["path"].as_str().unwrap();
        let text = plain(&std::fs::read_to_string(path).unwrap());
        let number = l["number"].as_str().unwrap();
        assert!(text.contains(&format!("شماره: {number}\n")), "{path}");
    }
}

/// A small deterministic generator, for kill delays.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn processes_killed_mid_export_leave_numbers_unique_and_gap_free() {
    let (dir, data) = workspace();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mut random = Lcg(12);
    // How long one export takes here, alone: kills are spread over 0–1.5 times that, which
    // with four at once lands anywhere from start-up to after the commit.
    let started = std::time::Instant::now();
    let warm = spawn_export(&data, &out.join("warm.pdf"), "pdf", "W");
    assert!(warm.wait_with_output().unwrap().status.success());
    let alone = started.elapsed().as_millis() as u64;
    let (mut killed, mut finished) = (0, 0);
    let mut killed_paths = Vec::new();
    let mut round = 0;
    // Rounds of four at once; two of each round are killed (SIGKILL).
    while round < 12 {
        let mut children: Vec<(Child, Option<u64>, PathBuf)> = (0..4)
            .map(|k| {
                let i = round * 4 + k;
                let path = out.join(format!("letter-{i}.pdf"));
                let delay = (k % 2 == 0).then(|| random.next(alone * 3 / 2 + 1));
                let child = spawn_export(&data, &path, "pdf", &format!("INV-{i}"));
                (child, delay, path)
            })
            .collect();
        let start = std::time::Instant::now();
        for (child, delay, path) in children.iter_mut() {
            if let Some(ms) = delay {
                let at = Duration::from_millis(*ms);
                if let Some(rest) = at.checked_sub(start.elapsed()) {
                    std::thread::sleep(rest);
                }
                if child.try_wait().unwrap().is_none() {
                    child.kill().unwrap();
                    killed += 1;
                    killed_paths.push(path.display().to_string());
                }
            }
        }
        for (mut child, _, _) in children {
            if child.wait().unwrap().success() {
                finished += 1;
            }
        }
        round += 1;
    }
    assert!(
        killed >= 6,
        "only {killed} processes were killed before they ended"
    );
    let list = letters(&data);
    let mut seqs: Vec<u32> = list
        .iter()
        .map(|l| seq(l["number"].as_str().unwrap()))
        .collect();
    seqs.sort();
    assert_eq!(
        seqs,
        (1..=list.len() as u32).collect::<Vec<_>>(),
        "unique and without gaps"
    );
    assert!(list.len() >= finished, "every finished export is recorded");
    // No file without a record: every letter PDF in the folder is one the register has.
    let recorded: Vec<String> = list
        .iter()
        .map(|l| l["path"].as_str().unwrap().to_string())
        .collect();
    let files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    for f in &files {
        assert!(
            recorded.contains(&f.display().to_string()),
            "{} has no record",
            f.display()
        );
    }
    // The register still works after all that: the next number follows on.
    let next = out.join("after.txt");
    marz(&data)
        .args([
            "render",
            "payment-1",
            "--client",
            "sample-nazanin",
            "--date",
            "2026-11-22",
            "--out",
        ])
        .arg(&next)
        .assert()
        .success();
    let list = letters(&data);
    assert_eq!(
        seq(list[0]["number"].as_str().unwrap()) as usize,
        list.len()
    );
    let killed_recorded = killed_paths.iter().filter(|p| recorded.contains(p)).count();
    let killed_with_file = killed_paths
        .iter()
        .filter(|p| Path::new(p).exists())
        .count();
    eprintln!(
        "{killed} killed ({killed_recorded} of them after their record, {killed_with_file} after their file), {finished} finished; {} recorded in all, {} files",
        list.len(),
        files.len()
    );
}

/// Waits until `what` holds, at most 20 seconds.
fn wait_for(what: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !what() {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Temporary files with something written in them.
fn written_temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".marz-"))
        .filter(|e| e.metadata().unwrap().len() > 0)
        .count()
}

#[test]
fn a_process_killed_at_each_point_of_an_export_leaves_a_record_or_nothing() {
    let (dir, data) = workspace();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let paused = |point: &str, path: &Path, invoice: &str| {
        let mut cmd = Process::new(bin());
        cmd.arg("--data-dir")
            .arg(&data)
            .env("MARZ_TEST_PAUSE", format!("{point}:20000"))
            .args([
                "render",
                "payment-1",
                "--client",
                "sample-reza",
                "--date",
                "2026-11-22",
            ])
            .arg("--set")
            .arg(format!("invoice={invoice}"))
            .arg("--out")
            .arg(path)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd.spawn().unwrap()
    };
    let register = data.join("register.sqlite3");

    // 1. Killed holding the write lock, its number taken but nothing written: another
    //    export that was waiting for the lock gets that number.
    let mut a = paused("locked", &out.join("a.txt"), "A");
    wait_for(|| register.exists());
    std::thread::sleep(Duration::from_millis(500));
    let b = spawn_export(&data, &out.join("b.txt"), "text", "B");
    std::thread::sleep(Duration::from_millis(300));
    a.kill().unwrap();
    a.wait().unwrap();
    assert!(b.wait_with_output().unwrap().status.success());
    let list = letters(&data);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["number"], "NA/۱۴۰۵/۰۰۱");
    assert!(list[0]["path"].as_str().unwrap().ends_with("b.txt"));

    // 2. Killed with the file written beside its target, before the record: nothing is
    //    recorded and no file appears (a temporary file may stay behind).
    let mut c = paused("staged", &out.join("c.txt"), "C");
    wait_for(|| written_temp_files(&out) > 0);
    c.kill().unwrap();
    c.wait().unwrap();
    assert!(!out.join("c.txt").exists());
    assert_eq!(letters(&data).len(), 1);

    // 3. Killed after the commit, before the file was put in place: the letter is recorded
    //    (the number stays its own) and can be written again from the register.
    let mut d = paused("committed", &out.join("d.txt"), "D");
    wait_for(|| letters(&data).len() == 2);
    d.kill().unwrap();
    d.wait().unwrap();
    assert!(!out.join("d.txt").exists());
    let list = letters(&data);
    assert_eq!(list[0]["number"], "NA/۱۴۰۵/۰۰۲");
    let again = out.join("d-again.txt");
    ok(
        &data,
        &[
            "letters",
            "show",
            "NA/1405/002",
            "--out",
            again.to_str().unwrap(),
        ],
    );
    let shown = json(&data, &["letters", "show", "NA/1405/002"]);
    // Written as a text export is: the recorded text with each line's direction mark.
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        marz::bidi::anchor_lines(shown["text"].as_str().unwrap(), marz::Lang::Fa)
    );

    // The next export follows on with no gap.
    assert!(
        spawn_export(&data, &out.join("e.txt"), "text", "E")
            .wait()
            .unwrap()
            .success()
    );
    let numbers: Vec<String> = letters(&data)
        .iter()
        .map(|l| l["number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(numbers, ["NA/۱۴۰۵/۰۰۳", "NA/۱۴۰۵/۰۰۲", "NA/۱۴۰۵/۰۰۱"]);
}

#[test]
fn letters_list_show_void_resolve_and_export() {
    let (dir, data) = workspace();
    let file = |name: &str| dir.path().join(name);
    let render = |template: &str, client: &str, date: &str, out: &Path, extra: &[&str]| {
        let mut cmd = marz(&data);
        cmd.args(["render", template, "--client", client, "--date", date])
            .args(extra)
            .arg("--out")
            .arg(out);
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stderr).unwrap()
    };
    assert!(ok(&data, &["letters", "list"]).contains("No letters yet"));
    render(
        "payment-1",
        "sample-reza",
        "2026-11-01",
        &file("a.txt"),
        &[],
    );
    render(
        "payment-1",
        "sample-daniel",
        "2026-11-02",
        &file("b.txt"),
        &[],
    );
    render(
        "payment-1",
        "sample-nazanin",
        "2026-11-03",
        &file("c.txt"),
        &[],
    );
    let list = letters(&data);
    assert_eq!(list.len(), 3);
    for field in [
        "number",
        "date",
        "client",
        "template",
        "scenario",
        "level",
        "lang",
        "subject",
        "status",
        "thread",
        "follow_up",
    ] {
        assert!(list[0].get(field).is_some(), "{field} in {}", list[0]);
    }
    // Newest first.
    assert_eq!(list[0]["client"], "sample-nazanin");
    assert_eq!(list[0]["date"], "2026-11-03");
    assert_eq!(list[0]["level"], 1);
    assert_eq!(list[0]["scenario"], "payment");
    assert_eq!(list[0]["status"], "sent");
    // payment-1: `follow_up_days = 7`.
    assert_eq!(list[0]["follow_up"], "2026-11-10");
    assert_eq!(list[1]["number"], "NA/2026/001");
    assert_eq!(list[2]["number"], "NA/۱۴۰۵/۰۰۱");

    // Filters: client, and search with Arabic letter forms.
    let reza = json(&data, &["letters", "list", "--client", "sample-reza"]);
    assert_eq!(reza.as_array().unwrap().len(), 1);
    let found = json(&data, &["letters", "list", "--search", "شركت آرمان"]);
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["client"], "sample-reza");
    let found = json(&data, &["letters", "list", "--search", "Weber"]);
    assert_eq!(found[0]["client"], "sample-daniel");

    // show: the text as written to the file, without the direction marks a text file gives
    // its lines; any digits for the number.
    let shown = json(&data, &["letters", "show", "NA/1405/001"]);
    assert_eq!(
        marz::bidi::anchor_lines(shown["text"].as_str().unwrap(), marz::Lang::Fa),
        std::fs::read_to_string(file("a.txt")).unwrap()
    );
    assert_eq!(shown["inputs"]["invoice"], "INV-2041");
    let plain = ok(&data, &["letters", "show", "na/۱۴۰۵/۰۰۱"]);
    assert!(plain.contains("status:    sent"), "{plain}");
    assert!(plain.ends_with(shown["text"].as_str().unwrap()));
    let e = fails(&data, &["letters", "show", "NA/1405/099"]);
    assert!(
        e.contains("NA/1405/099") && e.contains("marz letters list"),
        "{e}"
    );

    // Export again under the same number, as PDF: nothing new is recorded.
    ok(
        &data,
        &[
            "letters",
            "show",
            "NA/2026/001",
            "--format",
            "pdf",
            "--out",
            file("again.pdf").to_str().unwrap(),
        ],
    );
    let again = text_of(&file("again.pdf"));
    assert!(again.contains("NA/2026/001"), "{again}");
    assert_eq!(letters(&data).len(), 3);

    // void: a reason is needed; the letter stays with its number.
    let e = fails(&data, &["letters", "void", "NA/2026/001", "--reason", " "]);
    assert!(e.contains("reason"), "{e}");
    ok(
        &data,
        &["letters", "void", "NA/2026/001", "--reason", "wrong client"],
    );
    let e = fails(&data, &["letters", "void", "NA/2026/001", "--reason", "x"]);
    assert!(
        e.contains("already void") && e.contains("wrong client"),
        "{e}"
    );
    let list = letters(&data);
    assert_eq!(list.len(), 3);
    assert_eq!(list[1]["status"], "void");
    let voids = json(&data, &["letters", "list", "--status", "void"]);
    assert_eq!(voids.as_array().unwrap().len(), 1);
    // The voided number is not given again.
    render(
        "payment-1",
        "sample-daniel",
        "2026-11-04",
        &file("d.txt"),
        &[],
    );
    assert_eq!(letters(&data)[0]["number"], "NA/2026/002");

    // resolve closes the thread: its letters show resolved, `next` no longer lists it.
    let due = json(&data, &["next", "--date", "2027-01-01"]);
    assert_eq!(due.as_array().unwrap().len(), 3, "{due}");
    ok(
        &data,
        &[
            "letters",
            "resolve",
            "NA/1405/001",
            "--note",
            "paid in full",
        ],
    );
    let e = fails(&data, &["letters", "resolve", "NA/1405/001"]);
    assert!(e.contains("resolved"), "{e}");
    let shown = json(&data, &["letters", "show", "NA/1405/001"]);
    assert_eq!(shown["status"], "resolved");
    assert_eq!(shown["resolution_note"], "paid in full");
    let due = json(&data, &["next", "--date", "2027-01-01"]);
    assert_eq!(due.as_array().unwrap().len(), 2, "{due}");
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .all(|d| d["client"] != "sample-reza")
    );

    // The register as CSV.
    let csv_path = file("register.csv");
    marz(&data)
        .args(["letters", "export"])
        .arg(&csv_path)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(lines[0].starts_with("\u{FEFF}number,date,client"));
    assert!(lines[1].starts_with("NA/۱۴۰۵/۰۰۱,2026-11-01,sample-reza"));
    assert!(lines[1].contains(",resolved,"));
    assert!(lines[2].contains(",void,") && lines[2].contains("wrong client"));
}

#[test]
fn next_lists_what_is_overdue_on_a_date() {
    let (dir, data) = workspace();
    let out = dir.path().join("p.txt");
    ok(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-nazanin",
            "--date",
            "1405/09/01",
            "--set",
            "new_deadline=1405/09/10",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    // The deadline is 10 Azar 1405 = 1 December 2026: nothing is due that day.
    let due = json(&data, &["next", "--date", "2026-12-01"]);
    assert_eq!(due, serde_json::json!([]));
    assert!(ok(&data, &["next", "--date", "2026-12-01"]).contains("Nothing is overdue"));
    let due = json(&data, &["next", "--date", "1405/09/15"]);
    let d = &due[0];
    assert_eq!(d["client"], "sample-nazanin");
    assert_eq!(d["last_number"], "NA/۱۴۰۵/۰۰۱");
    assert_eq!(d["last_template"], "payment-2");
    assert_eq!(d["follow_up"], "2026-12-01");
    assert_eq!(d["overdue_days"], 5);
    assert_eq!(d["suggest"], "payment-3");
    assert!(d["thread"].is_number());
    let text = ok(&data, &["next", "--date", "1405/09/15"]);
    assert!(
        text.contains("5 day(s) overdue") && text.contains("payment-3"),
        "{text}"
    );
    assert_eq!(
        json(
            &data,
            &["next", "--date", "2026-12-06", "--client", "sample-reza"]
        ),
        serde_json::json!([])
    );
    let e = fails(&data, &["next", "--client", "nobody"]);
    assert!(e.contains("nobody"), "{e}");
}

#[test]
fn render_picks_the_thread_and_refuses_what_would_be_wrong() {
    let (dir, data) = workspace();
    let out = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let base = ["--client", "sample-reza", "--date", "2026-11-22"];
    for (invoice, name) in [("INV-1", "a.txt"), ("INV-2", "b.txt")] {
        let mut args = vec!["render", "payment-1"];
        args.extend(base);
        let set = format!("invoice={invoice}");
        let path = out(name);
        args.extend(["--set", &set, "--out", &path]);
        ok(&data, &args);
    }
    let list = letters(&data);
    let (t_a, t_b) = (list[1]["thread"].clone(), list[0]["thread"].clone());
    assert_ne!(t_a, t_b);
    // By default a payment-2 is about the client's fact, INV-2041: no thread is open for it,
    // so the letter starts one and cites nothing.
    let preview = plain(&ok(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--date",
            "2026-11-30",
        ],
    ));
    assert!(!preview.contains("پیرو نامه"), "{preview}");
    // --thread picks INV-1's thread: the invoice comes from it and the letter cites it.
    let thread = t_a.to_string();
    let preview = plain(&ok(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--date",
            "2026-11-30",
            "--thread",
            &thread,
        ],
    ));
    assert!(
        preview.contains("پیرو نامه شماره NA/۱۴۰۵/۰۰۱ مورخ ۱ آذر ۱۴۰۵"),
        "{preview}"
    );
    assert!(preview.contains("INV-1 "), "{preview}");
    // --reply-to names the letter, in any digits.
    let preview = plain(&ok(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--date",
            "2026-11-30",
            "--reply-to",
            "NA/1405/002",
        ],
    ));
    assert!(
        preview.contains("پیرو نامه شماره NA/۱۴۰۵/۰۰۲ مورخ"),
        "{preview}"
    );
    assert!(preview.contains("INV-2 "), "{preview}");
    // The preview showed the next number and recorded nothing.
    assert!(preview.contains("شماره: NA/۱۴۰۵/۰۰۳"), "{preview}");
    assert_eq!(letters(&data).len(), 2);
    // Exported, the letter is in that thread.
    let path = out("c.txt");
    ok(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--date",
            "2026-11-30",
            "--reply-to",
            "NA/1405/002",
            "--out",
            &path,
        ],
    );
    assert_eq!(letters(&data)[0]["thread"], t_b);
    let shown = json(&data, &["letters", "show", "NA/1405/003"]);
    assert_eq!(shown["reference"]["number"], "NA/۱۴۰۵/۰۰۲");
    assert_eq!(shown["inputs"]["invoice"], "INV-2");

    // Mistakes exit with 2 and say what to do.
    let e = fails(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-nazanin",
            "--thread",
            &thread,
        ],
    );
    assert!(
        e.contains("sample-reza") && e.contains("sample-nazanin"),
        "{e}"
    );
    let e = fails(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--reply-to",
            "NA/1405/777",
        ],
    );
    assert!(e.contains("NA/1405/777"), "{e}");
    let e = fails(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--thread",
            "999",
        ],
    );
    assert!(e.contains("999"), "{e}");
    let e = fails(
        &data,
        &[
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--number",
            "X/1",
            "--out",
            &out("x.txt"),
        ],
    );
    assert!(e.contains("--number") && e.contains("letters show"), "{e}");
    ok(&data, &["letters", "resolve", "NA/1405/001"]);
    let e = fails(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--thread",
            &thread,
        ],
    );
    assert!(e.contains("resolved"), "{e}");
}

#[test]
fn batch_records_every_letter_and_continues_each_clients_thread() {
    let (dir, data) = workspace();
    let first = dir.path().join("first");
    let second = dir.path().join("second");
    std::fs::create_dir(&first).unwrap();
    std::fs::create_dir(&second).unwrap();
    for (template, date, out) in [
        ("payment-1", "2026-11-01", &first),
        ("payment-2", "2026-11-20", &second),
    ] {
        marz(&data)
            .args([
                "batch", template, "--all", "--format", "text", "--date", date, "--out",
            ])
            .arg(out)
            .assert()
            .success();
    }
    let list = letters(&data);
    assert_eq!(list.len(), 6);
    let by_client: BTreeMap<String, Vec<&Value>> = list.iter().fold(BTreeMap::new(), |mut m, l| {
        m.entry(l["client"].as_str().unwrap().to_string())
            .or_default()
            .push(l);
        m
    });
    for (client, letters) in &by_client {
        let (p2, p1) = (letters[0], letters[1]);
        assert_eq!(p2["thread"], p1["thread"], "{client}");
        let text = std::fs::read_to_string(p2["path"].as_str().unwrap()).unwrap();
        let number = p1["number"].as_str().unwrap();
        assert!(
            text.contains(number),
            "{client} cites its own first letter:\n{text}"
        );
        for other in by_client.keys().filter(|c| *c != client) {
            let theirs = by_client[other][1]["number"].as_str().unwrap();
            assert!(
                !text.contains(&format!(" {theirs} ")),
                "{client} cites {other}'s letter"
            );
        }
    }
}

fn position(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("«{needle}» missing from:\n{haystack}"))
}

#[test]
fn the_further_to_line_in_text_email_and_pdf_in_both_languages() {
    let (dir, data) = workspace();
    let path = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    for (client, date) in [
        ("sample-reza", "2026-11-01"),
        ("sample-daniel", "2026-11-01"),
    ] {
        ok(
            &data,
            &[
                "render",
                "payment-1",
                "--client",
                client,
                "--date",
                date,
                "--format",
                "pdf",
                "--out",
                &path(&format!("{client}-1.pdf")),
            ],
        );
        for format in ["pdf", "text", "eml"] {
            let ext = if format == "text" { "txt" } else { format };
            ok(
                &data,
                &[
                    "render",
                    "payment-2",
                    "--client",
                    client,
                    "--date",
                    "2026-11-20",
                    "--format",
                    format,
                    "--out",
                    &path(&format!("{client}-2.{ext}")),
                ],
            );
        }
    }
    // Each export is a letter of the thread, so the .pdf cites the first letter, the .txt
    // the .pdf and the .eml the .txt.
    // Persian: the body's first line, right after the greeting.
    let fa_line = |n: &str, date: &str| format!("پیرو نامه شماره NA/۱۴۰۵/{n} مورخ {date}");
    let first = squeeze(&text_of(Path::new(&path("sample-reza-1.pdf"))));
    assert!(
        !first.contains(&squeeze("پیرو نامه")),
        "a first letter cites nothing"
    );
    let pdf = squeeze(&text_of(Path::new(&path("sample-reza-2.pdf"))));
    let at = position(&pdf, &squeeze(&fa_line("۰۰۱", "۱۰ آبان ۱۴۰۵")));
    assert!(position(&pdf, &squeeze("موضوع")) < position(&pdf, &squeeze("احترام")));
    assert!(position(&pdf, &squeeze("احترام")) < at);
    assert!(at < position(&pdf, &squeeze("صورت‌حساب شماره")));
    let text = std::fs::read_to_string(path("sample-reza-2.txt")).unwrap();
    // The number is isolated in the Persian sentence, so its slashes keep their order.
    assert!(
        text.contains("\nپیرو نامه شماره \u{2068}NA/۱۴۰۵/۰۰۲\u{2069} مورخ ۲۹ آبان ۱۴۰۵\n"),
        "{text:?}"
    );
    let text = plain(&text);
    let line = fa_line("۰۰۲", "۲۹ آبان ۱۴۰۵");
    assert!(
        text.contains(&format!(
            "INV-2041\n\nبا سلام و احترام\n\n{line}\nصورت‌حساب شماره"
        )),
        "{text}"
    );
    let raw = std::fs::read(path("sample-reza-2.eml")).unwrap();
    let mail = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let line = fa_line("۰۰۳", "۲۹ آبان ۱۴۰۵");
    let body = mail.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        body.contains("\nپیرو نامه شماره \u{2068}NA/۱۴۰۵/۰۰۳\u{2069} مورخ"),
        "{body:?}"
    );
    let body = plain(&body);
    assert!(
        body.contains(&format!("\n\nبا سلام و احترام\n\n{line}\n")),
        "{body}"
    );
    let html = mail.body_html(0).unwrap().replace("&#x2F;", "/");
    assert!(
        html.contains(">پیرو نامه شماره \u{2068}NA/۱۴۰۵/۰۰۳\u{2069} مورخ ۲۹ آبان ۱۴۰۵</p>"),
        "{html}"
    );

    // English.
    let en_line = |n: &str, date: &str| format!("Further to our letter ref NA/2026/{n} of {date}");
    let first = text_of(Path::new(&path("sample-daniel-1.pdf")));
    assert!(!first.contains("Further to"), "{first}");
    let pdf = text_of(Path::new(&path("sample-daniel-2.pdf")));
    let at = position(&pdf, &en_line("001", "1 November 2026"));
    assert!(
        position(&pdf, "Subject:") < position(&pdf, "Dear Mr Weber")
            && position(&pdf, "Dear Mr Weber") < at,
        "{pdf}"
    );
    let text = std::fs::read_to_string(path("sample-daniel-2.txt")).unwrap();
    let line = en_line("002", "20 November 2026");
    assert!(
        text.contains(&format!("\nDear Mr Weber,\n\n{line}\n")),
        "{text}"
    );
    let raw = std::fs::read(path("sample-daniel-2.eml")).unwrap();
    let mail = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let line = en_line("003", "20 November 2026");
    let body = mail.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        body.contains(&format!("\nDear Mr Weber,\n\n{line}\n")),
        "{body}"
    );
}

#[test]
fn a_damaged_register_is_named_and_left_as_it_is() {
    let (_dir, data) = workspace();
    let path = data.join("register.sqlite3");
    let garbage = "not a database ".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let e = fails(&data, &["letters", "list"]);
    assert!(
        e.contains("register.sqlite3") && e.contains("left untouched"),
        "{e}"
    );
    let e = fails(
        &data,
        &[
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--out",
            data.join("x.txt").to_str().unwrap(),
        ],
    );
    assert!(e.contains("register.sqlite3"), "{e}");
    assert!(!data.join("x.txt").exists());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), garbage);
}

#[test]
fn history_is_taken_over_on_the_first_run() {
    let (_dir, data) = workspace();
    let history = data.join("history");
    std::fs::create_dir(&history).unwrap();
    std::fs::write(
        history.join("20261101-090000.000-NA-1405-012.toml"),
        "number = \"NA/۱۴۰۵/۰۱۲\"\ndate = \"2026-11-01\"\nclient = \"sample-reza\"\ntemplate = \"payment-1\"\nlang = \"fa\"\nsubject = \"یادآوری\"\ntext = \"متن نامه\"\n",
    )
    .unwrap();
    let out = marz(&data)
        .args(["letters", "list", "--json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Imported 1 letter(s) from history/"),
        "{stderr}"
    );
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["number"], "NA/۱۴۰۵/۰۱۲");
    assert_eq!(list[0]["sent_as"], "history");
    let preview = ok(
        &data,
        &[
            "render",
            "payment-2",
            "--client",
            "sample-reza",
            "--set",
            "invoice=INV-9",
            "--date",
            "2026-11-22",
        ],
    );
    assert!(
        preview.contains("NA/۱۴۰۵/۰۱۳"),
        "numbering continues:\n{preview}"
    );
    // Said once only.
    let out = marz(&data).args(["letters", "list"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Imported"));
    assert!(
        history
            .join("20261101-090000.000-NA-1405-012.toml")
            .exists()
    );
}
