//! The command line end to end: every command, its output and its exit code.

mod common;

use assert_cmd::Command;
use common::{json, marz, refuses, render, run, samples, succeeded, write_file};
use predicates::prelude::*;
use std::path::Path;

fn workspace() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn strip_bidi(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

#[test]
fn help_lists_the_commands() {
    let dir = workspace();
    marz(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("render").and(predicate::str::contains("clients")));
}

#[test]
fn first_run_creates_samples_and_lists_them() {
    let dir = workspace();
    let data = dir.path().join("new");
    marz(&data)
        .args(["clients", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sample-reza"))
        .stdout(predicate::str::contains("رضا احمدی"))
        .stdout(predicate::str::contains("sample-daniel"))
        .stderr(predicate::str::contains("sample workspace"));
    // The second run finds them and says nothing about samples.
    marz(&data)
        .args(["clients", "list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("sample").not());
}

#[test]
fn data_dir_comes_from_the_environment_too() {
    let dir = workspace();
    let data = dir.path().join("env-data");
    Command::cargo_bin("marz")
        .unwrap()
        .env("MARZ_DATA_DIR", &data)
        .args(["clients", "list"])
        .assert()
        .success();
    assert!(data.join("sender.toml").exists());
}

#[test]
fn clients_list_json_and_show() {
    let dir = workspace();
    let list = json(&run(dir.path(), &["clients", "list", "--json"]));
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&"sample-nazanin"));

    let c = json(&run(
        dir.path(),
        &["clients", "show", "sample-daniel", "--json"],
    ));
    assert_eq!(c["language"], "en");
    assert_eq!(c["currency"], "eur");

    marz(dir.path())
        .args(["clients", "show", "sample-reza"])
        .assert()
        .success()
        .stdout(predicate::str::contains("honorific = \"mr\""));

    refuses(
        marz(dir.path()).args(["clients", "show", "nobody"]),
        "no client with the id “nobody”",
    );
}

#[test]
fn a_corrupt_client_file_is_reported_and_others_still_list() {
    let dir = workspace();
    samples(dir.path());
    let bad = dir.path().join("clients/broken.toml");
    std::fs::write(&bad, "id = \"broken\"\nname = [\n").unwrap();
    marz(dir.path())
        .args(["clients", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sample-reza"))
        .stderr(predicate::str::contains("broken.toml:2"));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "id = \"broken\"\nname = [\n"
    );
    refuses(
        marz(dir.path()).args(["clients", "show", "broken"]),
        "broken.toml",
    );
}

#[test]
fn import_validates_then_stores() {
    let dir = workspace();
    let file = write_file(
        dir.path().join("new-client.toml"),
        "id = \"ali\"\nname = \"علي رضايي\"\nhonorific = \"mr\"\nemail = \"ali@example.com\"\n",
    );
    let data = dir.path().join("data");
    marz(&data)
        .args(["clients", "import"])
        .arg(&file)
        .assert()
        .success();
    let stored = std::fs::read_to_string(data.join("clients/ali.toml")).unwrap();
    assert!(
        stored.contains("علی رضایی"),
        "normalised on import: {stored}"
    );

    // Again: refused without --replace, accepted with it.
    refuses(
        marz(&data).args(["clients", "import"]).arg(&file),
        "--replace",
    );
    marz(&data)
        .args(["clients", "import", "--replace"])
        .arg(&file)
        .assert()
        .success();

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "id = \"x\"\nname = \"X\"\nhonorific = \"dr\"\n").unwrap();
    refuses(
        marz(&data).args(["clients", "import"]).arg(&bad),
        "bad.toml:3",
    );
    assert!(!data.join("clients/x.toml").exists());

    marz(&data)
        .args(["clients", "import", "/no/such/file.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("/no/such/file.toml"));
}

#[test]
fn templates_table_and_json() {
    let dir = workspace();
    marz(dir.path())
        .args(["templates"])
        .assert()
        .success()
        .stdout(predicate::str::contains("payment-3"))
        .stdout(predicate::str::contains("آخرین مهلت پرداخت"))
        .stdout(predicate::str::contains("Final notice"));
    let list = json(&run(dir.path(), &["templates", "--json", "--lang", "fa"]));
    let p3 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "payment-3")
        .unwrap();
    assert_eq!(p3["level"], 3);
    assert_eq!(p3["scenario"], "payment");
    let names: Vec<&str> = p3["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "invoice",
            "amount",
            "due_date",
            "deadline",
            "consequence",
            "late_fee",
            "fee_clause",
            "payment_details"
        ]
    );
    assert!(list.as_array().unwrap().iter().all(|t| t["lang"] == "fa"));
}

#[test]
fn render_the_persian_ultimatum_for_a_sample_client() {
    let dir = workspace();
    let out =
        succeeded(render(dir.path(), "payment-3", "sample-reza").args(["--date", "2026-11-22"]));
    let text = strip_bidi(&String::from_utf8(out.stdout).unwrap());
    for expected in [
        "تاریخ: ۱ آذر ۱۴۰۵",
        "شماره: NA/۱۴۰۵/۰۰۱",
        "جناب آقای رضا احمدی",
        "مدیرعامل محترم شرکت بازرگانی آرمان‌تجارت",
        "موضوع: آخرین مهلت پرداخت صورت‌حساب INV-2041",
        "با سلام و احترام",
        "۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان)",
        "۸ آذر ۱۴۰۵",
        "مریم رحیمی",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in:\n{text}");
    }
    assert!(!text.contains("{{"));
}

#[test]
fn render_with_values_language_and_jalali_date() {
    let dir = workspace();
    let out = succeeded(render(dir.path(), "payment-3", "sample-reza").args([
        "--lang",
        "en",
        "--date",
        "۱۴۰۵/۰۹/۰۱",
        "--set",
        "amount=۳٬۰۰۰٬۰۰۰",
        "--set",
        "deadline=2026-12-15",
        "--set",
        "consequence=legal",
    ]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Date: 22 November 2026"), "{text}");
    assert!(
        text.contains("3,000,000 tomans (three million tomans)"),
        "{text}"
    );
    assert!(text.contains("by 15 December 2026"), "{text}");
    assert!(text.contains("legal proceedings"), "{text}");
    // A Persian name in an English letter is isolated, so it keeps its place in the line.
    assert!(text.contains("Dear Mr \u{2068}احمدی\u{2069},"), "{text}");
}

#[test]
fn render_from_a_profile_file() {
    let dir = workspace();
    let profile = write_file(
        dir.path().join("one-off.toml"),
        "id = \"guest\"\nname = \"{{ sender.name }} <b>#set</b>\"\nlanguage = \"en\"\n",
    );
    let out = succeeded(
        marz(&dir.path().join("data"))
            .args(["render", "payment-1", "--profile"])
            .arg(&profile)
            .args([
                "--set",
                "invoice={% raw %}",
                "--set",
                "amount=10",
                "--set",
                "due_date=2026-11-01",
            ]),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("{{ sender.name }} <b>#set</b>"), "{text}");
    assert!(text.contains("invoice {% raw %} for 10 tomans"), "{text}");
}

#[test]
fn render_user_errors_exit_2_with_a_fix() {
    let dir = workspace();
    // `render TEMPLATE --client CLIENT EXTRA…`, and what the refusal must say.
    let cases: [(&str, &str, &[&str], &str); 8] = [
        ("nope", "sample-reza", &[], "marz templates"),
        ("payment-3", "ghost", &[], "marz clients list"),
        // A previous reminder dated before the invoice was due.
        (
            "payment-2",
            "sample-daniel",
            &[
                "--date",
                "2026-11-22",
                "--set",
                "due_date=2026-11-10",
                "--set",
                "reminded_on=2026-11-01",
            ],
            "Date of the previous reminder (optional): 1 November 2026 is earlier than “Original due date”",
        ),
        (
            "payment-3",
            "sample-reza",
            &["--set", "amount=lots"],
            "`amount`",
        ),
        (
            "payment-3",
            "sample-reza",
            &["--set", "colour=red"],
            "has no input “colour”",
        ),
        (
            "payment-3",
            "sample-reza",
            &["--set", "consequence=jail"],
            "pause, terminate, legal",
        ),
        (
            "payment-1",
            "sample-daniel",
            &["--set", "due_date=soon"],
            "not a date",
        ),
        (
            "payment-3",
            "sample-reza",
            &["--date", "2026-02-30"],
            "2026-02-30",
        ),
    ];
    for (template, client, extra, needle) in cases {
        refuses(render(dir.path(), template, client).args(extra), needle);
    }
    refuses(marz(dir.path()).args(["render", "payment-3"]), "--client");
    // A missing required input names it and says how to give it.
    write_file(
        dir.path().join("clients/plain.toml"),
        "id = \"plain\"\nname = \"Plain\"\n",
    );
    refuses(
        &mut render(dir.path(), "payment-3", "plain"),
        "--set invoice=VALUE",
    );
}

#[test]
fn missing_sender_is_explained() {
    let dir = workspace();
    samples(dir.path());
    std::fs::remove_file(dir.path().join("sender.toml")).unwrap();
    refuses(
        &mut render(dir.path(), "payment-3", "sample-reza"),
        "sender.toml is missing",
    );
}

#[test]
fn user_templates_override_and_report_syntax_errors() {
    let dir = workspace();
    samples(dir.path());
    let fa = dir.path().join("templates/fa");
    std::fs::create_dir_all(&fa).unwrap();
    write_file(
        fa.join("thanks.tera"),
        "+++\nid = \"thanks\"\ntitle = \"تشکر\"\nscenario = \"follow-up\"\nlevel = 1\nsubject = \"سپاس\"\ndescription = \"d\"\n+++\nسپاس از {{ client.name }}\n",
    );
    write_file(
        fa.join("broken.tera"),
        "+++\nid = \"broken\"\ntitle = \"x\"\nscenario = \"follow-up\"\nlevel = 1\nsubject = \"s\"\ndescription = \"d\"\n+++\nline\n{% if %}\n",
    );
    render(dir.path(), "thanks", "sample-nazanin")
        .assert()
        .success()
        .stdout(predicate::function(|out: &str| {
            strip_bidi(out).contains("سپاس از نازنین کریمی")
        }))
        .stderr(predicate::str::contains("broken.tera:10"));
    refuses(
        &mut render(dir.path(), "broken", "sample-nazanin"),
        "broken.tera:10",
    );
    refuses(
        &mut render(dir.path(), "thanks", "sample-daniel"),
        "--lang fa",
    );
}

#[test]
fn out_writes_the_file_and_records_it_in_the_register() {
    let dir = workspace();
    let out_file = dir.path().join("letter.txt");
    render(dir.path(), "payment-1", "sample-nazanin")
        .args(["--date", "2026-11-22", "--out"])
        .arg(&out_file)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let text = std::fs::read_to_string(&out_file).unwrap();
    assert!(text.contains("سرکار خانم \u{2068}نازنین کریمی\u{2069}"));
    assert!(text.contains("\u{2068}NA/۱۴۰۵/۰۰۱\u{2069}"));
    // The next letter gets the next number.
    let out = render(dir.path(), "payment-2", "sample-nazanin")
        .args(["--date", "2026-11-22"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("NA/۱۴۰۵/۰۰۲")
    );
    // The preview recorded nothing: one letter in the register.
    let list = json(&run(dir.path(), &["letters", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["number"], "NA/۱۴۰۵/۰۰۱");
    assert!(!dir.path().join("history").exists());
    // The table prints the recorded subject's words without its invisible direction marks.
    let subject = list[0]["subject"].as_str().unwrap();
    assert!(
        subject.contains('\u{2068}'),
        "the invoice number is isolated: {subject}"
    );
    let table = String::from_utf8(run(dir.path(), &["letters", "list"]).stdout).unwrap();
    let plain: String = subject
        .chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect();
    assert!(table.contains(&plain), "{table}");
    assert!(!table.contains('\u{2068}'), "{table}");

    refuses(
        render(dir.path(), "payment-1", "sample-nazanin").args(["--out", "/no/such/dir/x.txt"]),
        "/no/such/dir/x.txt",
    );
}

/// Without --format, the file's extension names the format: `letter.pdf` is a PDF and
/// `letter.eml` an e-mail, not text under their names; an explicit --format still wins.
#[test]
fn out_takes_its_format_from_the_extension_unless_one_is_given() {
    let dir = workspace();
    let export = |name: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        render(dir.path(), "payment-1", "sample-nazanin")
            .args(["--date", "2026-11-22"])
            .args(extra)
            .arg("--out")
            .arg(&path)
            .assert()
            .success();
        std::fs::read(&path).unwrap()
    };
    assert!(export("letter.pdf", &[]).starts_with(b"%PDF"));
    assert!(export("LETTER.PDF", &[]).starts_with(b"%PDF"));
    let eml = String::from_utf8(export("letter.eml", &[])).unwrap();
    assert!(eml.contains("MIME-Version: 1.0"), "{eml}");
    let text = String::from_utf8(export("letter.txt", &[])).unwrap();
    assert!(text.contains("نازنین کریمی"), "{text}");
    let forced = String::from_utf8(export("notes.pdf", &["--format", "text"])).unwrap();
    assert!(forced.contains("نازنین کریمی"), "{forced}");
    let list = json(&run(dir.path(), &["letters", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 5, "{list}");
}

/// `--out -` is standard output: the preview, with no file named "-" and nothing recorded;
/// `letters show NUMBER --out -` prints the recorded letter.
#[test]
fn out_dash_is_standard_output() {
    let dir = workspace();
    let work = tempfile::tempdir().unwrap();
    let preview = succeeded(
        render(dir.path(), "payment-1", "sample-nazanin")
            .args(["--date", "2026-11-22"])
            .current_dir(work.path()),
    );
    let dashed = succeeded(
        render(dir.path(), "payment-1", "sample-nazanin")
            .args(["--date", "2026-11-22", "--out", "-"])
            .current_dir(work.path()),
    );
    assert!(!dashed.stdout.is_empty());
    assert_eq!(dashed.stdout, preview.stdout);
    assert!(!work.path().join("-").exists());
    assert!(letters(dir.path()).is_empty(), "nothing recorded");
    refuses(
        render(dir.path(), "payment-1", "sample-nazanin")
            .args(["--format", "pdf", "--out", "-", "--print"])
            .current_dir(work.path()),
        "--out FILE.pdf",
    );

    let file = dir.path().join("letter.txt");
    render(dir.path(), "payment-1", "sample-nazanin")
        .args(["--date", "2026-11-22", "--out"])
        .arg(&file)
        .assert()
        .success();
    let shown = succeeded(
        marz(dir.path())
            .args(["letters", "show", "NA/1405/001", "--out", "-"])
            .current_dir(work.path()),
    );
    assert_eq!(shown.stdout, std::fs::read(&file).unwrap());
    assert!(!work.path().join("-").exists());
}

#[test]
fn eml_parses_back_with_a_mail_parser() {
    let dir = workspace();
    let path = dir.path().join("ultimatum.eml");
    render(dir.path(), "payment-3", "sample-reza")
        .args(["--format", "eml", "--date", "2026-11-22", "--out"])
        .arg(&path)
        .assert()
        .success();
    let raw = std::fs::read(&path).unwrap();
    // Headers are 7-bit: non-ASCII text is encoded (RFC 2047).
    let header_end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n" || w == b"\n\n\n\n")
        .unwrap_or(raw.len());
    assert!(raw[..header_end].is_ascii(), "headers must be encoded");
    let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
    // The invoice code is isolated in the subject as in the letter.
    assert_eq!(
        message.subject(),
        Some("آخرین مهلت پرداخت صورت‌حساب \u{2068}INV-2041\u{2069}")
    );
    let to = message.to().unwrap().first().unwrap();
    assert_eq!(to.address(), Some("reza.ahmadi@example.com"));
    assert_eq!(to.name(), Some("جناب آقای رضا احمدی"));
    let from = message.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("maryam@example.com"));
    assert!(message.date().is_some());
    let body = message.body_text(0).unwrap();
    // As in the letter: the recipient block and the subject line, then the greeting; each
    // value isolated once, as in the letter.
    assert!(
        body.starts_with(
            "جناب آقای \u{2068}رضا احمدی\u{2069}\n\u{2068}مدیرعامل\u{2069} محترم \u{2068}شرکت بازرگانی آرمان‌تجارت\u{2069}\n\nموضوع: آخرین مهلت پرداخت صورت‌حساب \u{2068}INV-2041\u{2069}\n\nبا سلام و احترام\n"
        ),
        "{body}"
    );
    assert!(body.contains("۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان)"));
    // A line that is only a value starts with a right-to-left mark (see email::letter_body).
    assert!(body.contains("با احترام\n\u{200F}\u{2068}مریم رحیمی\u{2069}"));
}

#[test]
fn english_letters_are_signed_with_the_english_names_of_sender_toml() {
    let dir = workspace();
    let path = dir.path().join("reminder.eml");
    render(dir.path(), "payment-1", "sample-daniel")
        .args(["--format", "eml", "--out"])
        .arg(&path)
        .assert()
        .success();
    let raw = std::fs::read(&path).unwrap();
    let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let from = message.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Maryam Rahimi"));
    let body = message.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(body.contains("Maryam Rahimi\nStudio Director"), "{body}");
    assert!(body.contains("Tehran"), "{body}");
    assert!(
        !body.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{body}"
    );
    // The sample sender.toml says so, where the owner can edit it.
    let sender = std::fs::read_to_string(dir.path().join("sender.toml")).unwrap();
    assert!(
        sender.contains("\nname_en = \"Maryam Rahimi\"\n"),
        "{sender}"
    );
}

#[test]
fn eml_without_an_address_says_what_to_add() {
    let dir = workspace();
    samples(dir.path());
    write_file(
        dir.path().join("clients/plain.toml"),
        "id = \"plain\"\nname = \"Plain\"\n[facts]\ninvoice = \"A-1\"\namount = \"5\"\n",
    );
    refuses(
        render(dir.path(), "payment-3", "plain").args(["--format", "eml"]),
        "clients/plain.toml",
    );
}

#[test]
fn check_reports_findings_with_positions_and_json() {
    let dir = workspace();
    let file = write_file(
        dir.path().join("draft.txt"),
        "Hi Sara,\n\nYou always pay late and this is STUPID!!!\n\nKind regards,\nMaryam\n",
    );
    marz(dir.path())
        .args(["check"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("draft.txt:3:5:"))
        .stdout(predicate::str::contains("[absolute]"))
        .stdout(predicate::str::contains("[insult]"))
        .stdout(predicate::str::contains("[shouting]"));
    let findings = json(&succeeded(
        marz(dir.path()).args(["check", "--json"]).arg(&file),
    ));
    let text = std::fs::read_to_string(&file).unwrap();
    for f in findings.as_array().unwrap() {
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], f["text"].as_str().unwrap());
    }
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "shouting" && f["replacement"] == ".")
    );

    // Persian, from stdin, with the language detected from the script.
    marz(dir.path())
        .args(["check", "-"])
        .write_stdin("با سلام\n\nشما بي‌ادب هستید.\n\nبا سپاس\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("برچسب زدن به شخص"));

    // A rendered built-in letter has nothing to report.
    let letter = dir.path().join("letter.txt");
    render(&dir.path().join("data"), "payment-3", "sample-reza")
        .args(["--out"])
        .arg(&letter)
        .assert()
        .success();
    marz(dir.path())
        .args(["check"])
        .arg(&letter)
        .assert()
        .success()
        .stdout(predicate::str::contains("لحن نامه مشکلی ندارد"));

    refuses(
        marz(dir.path()).args(["check", "/no/such/letter.txt"]),
        "/no/such/letter.txt",
    );
}

#[test]
fn batch_numbers_stay_consecutive_when_a_letter_in_the_middle_cannot_be_written() {
    let dir = workspace();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::create_dir_all(data.join("clients")).unwrap();
    write_file(
        data.join("sender.toml"),
        "name = \"مریم\"\nletter_prefix = \"NA\"\n",
    );
    let ids: Vec<String> = (1..=20).map(|i| format!("c{i:02}")).collect();
    for id in &ids {
        std::fs::write(
            data.join(format!("clients/{id}.toml")),
            format!("id = \"{id}\"\nname = \"مشتری {id}\"\n"),
        )
        .unwrap();
    }
    // Letter 5's file name is taken by a folder, so it fails after the letters are made:
    // the letters after it were made with numbers one too high and must be made again.
    std::fs::create_dir(out.join("payment-1_c05_2026-11-22.txt")).unwrap();
    // payment-1 as text files in `out` to every client, with the invoice's own values.
    let batch = |out: &Path, [invoice, amount, due_date]: [&str; 3]| {
        marz(&data)
            .args(["batch", "payment-1", "--all", "--format", "text"])
            .args(["--date", "2026-11-22", "--set", invoice, "--set", amount])
            .args(["--set", due_date, "--out"])
            .arg(out)
            .output()
            .unwrap()
    };
    let result = batch(
        &out,
        ["invoice=INV-7", "amount=1000", "due_date=2026-12-01"],
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    // Reported in the clients' order, one line each.
    let reported: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("wrote ") || l.starts_with("failed: "))
        .collect();
    assert_eq!(reported.len(), 20, "{stderr}");
    for (line, id) in reported.iter().zip(&ids) {
        if id == "c05" {
            assert!(line.starts_with("failed: c05:"), "{line}");
        } else {
            assert!(
                line.starts_with("wrote ") && line.contains(&format!("_{id}_")),
                "{line}"
            );
        }
    }
    // Nineteen letters, numbered 001…019 in the clients' order, each number once, and
    // each file carrying the number its history record has.
    let digits = |n: usize| -> String {
        format!("{n:03}")
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap())
            .collect()
    };
    let mut n = 0;
    for id in ids.iter().filter(|id| *id != "c05") {
        n += 1;
        let text =
            std::fs::read_to_string(out.join(format!("payment-1_{id}_2026-11-22.txt"))).unwrap();
        let number = format!("NA/۱۴۰۵/{}", digits(n));
        assert!(text.contains(&number), "{id} should be {number}:\n{text}");
    }
    // The register recorded the same nineteen, each number once, on its client.
    let recorded = letters(&data);
    assert_eq!(recorded.len(), 19, "{recorded:?}");
    n = 0;
    for id in ids.iter().filter(|id| *id != "c05") {
        n += 1;
        let number = format!("NA/۱۴۰۵/{}", digits(n));
        let hits: Vec<_> = recorded.iter().filter(|(num, _)| *num == number).collect();
        assert_eq!(hits.len(), 1, "{number}: {recorded:?}");
        assert_eq!(&hits[0].1, id, "{number}");
    }
    assert!(data.join("register.sqlite3").exists());
    assert!(!data.join("history").exists());

    // A second batch of all twenty, after the first: twenty distinct numbers that go on
    // from the first batch's last (020…039), each file carrying the number recorded for it.
    let out2 = dir.path().join("out2");
    std::fs::create_dir(&out2).unwrap();
    let result = batch(
        &out2,
        ["invoice=INV-8", "amount=2000", "due_date=2026-12-15"],
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(stderr.contains("20 of 20 letters written"), "{stderr}");
    let recorded = letters(&data);
    assert_eq!(recorded.len(), 39);
    let distinct: std::collections::HashSet<_> = recorded.iter().map(|(n, _)| n).collect();
    assert_eq!(distinct.len(), 39, "a number was given twice: {recorded:?}");
    for (i, id) in ids.iter().enumerate() {
        let number = format!("NA/۱۴۰۵/{}", digits(20 + i));
        let text =
            std::fs::read_to_string(out2.join(format!("payment-1_{id}_2026-11-22.txt"))).unwrap();
        assert!(text.contains(&number), "{id} should be {number}:\n{text}");
        assert!(
            recorded.iter().any(|(n, c)| *n == number && c == id),
            "{number} is not recorded for {id}"
        );
    }
}

/// Every letter in the register as (number, client id), from `marz letters list --json`.
fn letters(data: &Path) -> Vec<(String, String)> {
    common::letters(data)
        .iter()
        .map(|e| {
            (
                e["number"].as_str().unwrap().to_string(),
                e["client"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A folder holding a stand-in for CUPS's `lp` that keeps what it is sent.
#[cfg(unix)]
fn fake_printing_system(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let lp = dir.join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\n/bin/cat > {}\necho 'request id is Office-7 (1 file(s))'\n",
            dir.join("printed.pdf").display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn print_sends_the_saved_pdf_to_the_default_printer() {
    let dir = workspace();
    let data = dir.path().join("data");
    let printing = dir.path().join("cups");
    std::fs::create_dir(&printing).unwrap();
    fake_printing_system(&printing);
    let pdf = dir.path().join("letter.pdf");
    let print = |path: &Path, extra: &[&str]| {
        render(&data, "payment-1", "sample-reza")
            .env("PATH", path)
            .args(extra)
            .output()
            .unwrap()
    };
    let out = print(
        &printing,
        &["--format", "pdf", "--print", "--out", pdf.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("Sent to the printer (job Office-7)"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(printing.join("printed.pdf")).unwrap(),
        std::fs::read(&pdf).unwrap(),
        "the printer got the saved letter"
    );

    // No printing system: the letter is saved and recorded, and the message says so.
    let nothing = dir.path().join("empty");
    std::fs::create_dir(&nothing).unwrap();
    let second = dir.path().join("second.pdf");
    let out = print(
        &nothing,
        &[
            "--format",
            "pdf",
            "--print",
            "--out",
            second.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no printing system"), "{stderr}");
    assert!(stderr.contains("second.pdf") && second.exists(), "{stderr}");
    assert_eq!(letters(&data).len(), 2, "both letters are recorded");

    // Printing needs a PDF and a file to keep.
    let out = print(
        &printing,
        &["--format", "text", "--print", "--out", "x.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format pdf"));
    let out = print(&printing, &["--format", "pdf", "--print"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
}
