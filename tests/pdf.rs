//! PDF letters, read back the way a person's tools read them: poppler's pdftotext, pdffonts
//! and pdfinfo (Debian package poppler-utils; .ci/run installs it).

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

fn marz(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("marz").unwrap();
    cmd.arg("--data-dir").arg(data).env_remove("MARZ_DATA_DIR");
    cmd
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Process::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed for this test (apt-get install poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// pdftotext's text with the bidi controls it adds around runs removed.
fn text_of(pdf: &Path) -> String {
    poppler("pdftotext", &[pdf.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The text with white space, ZWNJ and colons removed. pdftotext puts the space beside a
/// digit run inside a Persian line on the wrong side of it, moves a label's colon past the
/// value that follows it, and places ZWNJ one letter off (known limits of text extraction
/// from right-to-left PDFs; the pages themselves are right). The words and their order are
/// what a reader needs, so Persian checks compare without those three.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200C}' | ':'))
        .collect()
}

fn pages_of(pdf: &Path) -> usize {
    poppler("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap()
}

fn render_pdf(data: &Path, args: &[&str], out: &Path) {
    let output = marz(data)
        .args(args)
        .args(["--format", "pdf", "--date", "2026-11-22", "--out"])
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Asserts that `needles` appear in `haystack` in this order.
fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle) {
            Some(i) => from += i + needle.len(),
            None => panic!("«{needle}» missing or out of order in:\n{haystack}"),
        }
    }
}

#[test]
fn persian_ultimatum_extracts_in_order_with_embedded_fonts_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("ultimatum.pdf");
    render_pdf(
        &dir.path().join("data"),
        &["render", "payment-3", "--client", "sample-reza"],
        &pdf,
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    let text = squeeze(&text_of(&pdf));
    // Amounts, dates and Latin codes come out right and in reading order; words chosen to
    // avoid the لا ligature, which poppler splits back into two letters (see README).
    assert_in_order(
        &text,
        &[
            "تاریخ۱آذر۱۴۰۵",
            "شمارهNA/۱۴۰۵/۰۰۱",
            "جنابآقایرضااحمدی",
            "موضوعآخرینمهلتپرداختصورتحسابINV-2041",
            "INV-2041بهمبلغ۱۲٬۵۰۰٬۰۰۰تومان(دوازدهمیلیونوپانصدهزارتومان)",
            "حداکثرتا۸آذر۱۴۰۵پرداختفرمایید",
            "باسپاسواحترام",
            "مریمرحیمی",
            "مدیراستودیو",
        ],
    );

    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let vazir: Vec<&str> = fonts.lines().filter(|l| l.contains("Vazirmatn")).collect();
    assert!(!vazir.is_empty(), "{fonts}");
    for line in &vazir {
        // Columns: name type encoding emb sub uni ...; embedded and subset must be "yes".
        let cols: Vec<&str> = line.split_whitespace().collect();
        let yes = cols.iter().filter(|c| **c == "yes").count();
        assert!(yes >= 2, "font not embedded and subset: {line}");
        assert!(
            line.contains('+'),
            "subset fonts carry a tag like ABCDEF+: {line}"
        );
    }

    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("آخرین مهلت پرداخت صورت‌حساب INV-2041"),
        "{info}"
    );
    assert!(
        info.contains("Author:") && info.contains("مریم رحیمی"),
        "{info}"
    );
    assert!(
        info.contains("A4") || info.contains("595.276 x 841.89"),
        "{info}"
    );
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("/Lang(fa)") || raw.contains("/Lang (fa)"),
        "PDF language not set"
    );
}

/// Latin values keep their punctuation inside a Persian letter: `Acme Ltd.` and `(A-12)`
/// read exactly so, in the text, the e-mail and the PDF (the isolates around them are
/// invisible).
#[test]
fn latin_values_stay_whole_in_a_persian_letter() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let profile = dir.path().join("acme.toml");
    std::fs::write(
        &profile,
        "id = \"acme\"\nname = \"John Smith\"\nhonorific = \"mr\"\ntitle = \"CEO\"\ncompany = \"Acme Ltd.\"\nemail = \"john@acme.example\"\n",
    )
    .unwrap();
    let args = [
        "render",
        "payment-1",
        "--profile",
        profile.to_str().unwrap(),
        "--set",
        "invoice=(A-12)",
        "--set",
        "amount=1500000",
        "--set",
        "due_date=1405/08/01",
    ];
    let pdf = dir.path().join("acme.pdf");
    render_pdf(&data, &args, &pdf);

    // pdftotext's reading order: the company reads "Acme Ltd.", not ".Acme Ltd".
    let text = text_of(&pdf);
    assert!(
        text.contains("Acme Ltd.") && !text.contains(".Acme"),
        "{text}"
    );
    // The content stream, in the order the page sets it: each value whole. (The reading
    // order is poppler's own reordering of the line, which hands a closing parenthesis at
    // the end of a Latin run to the Persian text around it; the page itself is right.)
    let raw = poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let lines: Vec<&str> = raw.lines().map(str::trim).collect();
    for value in ["John Smith", "Acme Ltd.", "(A-12)"] {
        assert!(lines.contains(&value), "{value} not whole in:\n{raw}");
    }
    assert_eq!(
        lines.iter().filter(|l| **l == "(A-12)").count(),
        2,
        "subject and body"
    );

    // The plain text and the e-mail carry the same isolated values.
    for format in ["text", "eml"] {
        let out = marz(&data)
            .args(args)
            .args(["--format", format, "--date", "2026-11-22"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let raw = out.stdout;
        let body = if format == "eml" {
            let mail = mail_parser::MessageParser::default().parse(&raw).unwrap();
            assert!(mail.subject().unwrap().contains("\u{2068}(A-12)\u{2069}"));
            mail.body_text(0).unwrap().to_string()
        } else {
            String::from_utf8(raw).unwrap()
        };
        assert!(body.contains("\u{2068}(A-12)\u{2069}"), "{format}: {body}");
        if format == "text" {
            assert!(
                body.contains("جناب آقای \u{2068}John Smith\u{2069}"),
                "{body}"
            );
            assert!(body.contains("\u{2068}Acme Ltd.\u{2069}"), "{body}");
        }
    }
}

/// Numbers in groups typed by the owner read in their own order in a Persian letter: the
/// sample's card number «۶۱۰۴ ۰۰۰۰ ۱۲۳۴ ۵۶۷۸» (not «۵۶۷۸ ۱۲۳۴ ۰۰۰۰ ۶۱۰۴»), and, typed into
/// the form's payment details, a card in Latin digits, a شبا with its IR, a phone with
/// hyphens; an enclosure «فاکتور ۱۴۰۵-۰۳۸ مورخ ۱۴۰۵/۰۸/۱۰» whose numbers sit inside a longer
/// value. A range typed with a hyphen keeps its first number on the right.
#[test]
fn numbers_in_groups_keep_their_order_in_a_persian_letter() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let common = [
        "render",
        "payment-1",
        "--client",
        "sample-reza",
        "--set",
        "invoice=INV-2041",
        "--set",
        "amount=12500000",
        "--set",
        "due_date=1405/09/10",
        "--attachment",
        "فاکتور ۱۴۰۵-۰۳۸ مورخ ۱۴۰۵/۰۸/۱۰",
    ];
    let typed = "payment_details=بانک ملت\nشماره کارت: 6037 9911 2345 6789\nشبا: IR12 0170 0000 0000 1234 5678 90\nتلفن حسابداری: ۰۲۱-۸۸۱۲-۳۴۵۶ (ساعت ۹-۱۷)";
    let with_typed: Vec<&str> = common.iter().copied().chain(["--set", typed]).collect();
    for (args, expected) in [
        (
            &common[..],
            &[
                ("۶۱۰۴ ۰۰۰۰ ۱۲۳۴ ۵۶۷۸", "۵۶۷۸ ۱۲۳۴ ۰۰۰۰ ۶۱۰۴"),
                ("IR00 0120 0000 0000 1234 5678 90", "90 5678"),
                ("۱۴۰۵-۰۳۸", "۰۳۸-۱۴۰۵"),
                ("۱۴۰۵/۰۸/۱۰", "۱۰/۰۸/۱۴۰۵"),
            ][..],
        ),
        (
            &with_typed[..],
            &[
                ("6037 9911 2345 6789", "6789 2345 9911 6037"),
                ("IR12 0170 0000 0000 1234 5678 90", "90 5678"),
                ("۰۲۱-۸۸۱۲-۳۴۵۶", "۳۴۵۶-۸۸۱۲-۰۲۱"),
                // pdftotext gives a run of digits in its order on the page, left to
                // right: a range's first number is on the right.
                ("۱۷-۹", "۹-۱۷"),
            ][..],
        ),
    ] {
        let pdf = dir.path().join(format!("card-{}.pdf", args.len()));
        render_pdf(&data, args, &pdf);
        let text = text_of(&pdf);
        for (right, reversed) in expected {
            assert!(
                text.contains(right) && !text.contains(reversed),
                "{right}:\n{text}"
            );
        }
    }
    // The plain text carries the same holds around the numbers it needs them for.
    let out = marz(&data)
        .args(&with_typed)
        .args(["--date", "2026-11-22"])
        .output()
        .unwrap();
    let plain = String::from_utf8(out.stdout).unwrap();
    for held in ["6037 9911 2345 6789", "۰۲۱-۸۸۱۲-۳۴۵۶", "۱۴۰۵-۰۳۸"] {
        assert!(
            plain.contains(&format!("\u{2066}{held}\u{2069}")),
            "{held}: {plain}"
        );
    }
    // Laid out left to right already (led by IR), or kept whole by the bidi algorithm.
    for free in ["۹-۱۷", "۱۴۰۵/۰۸/۱۰", "0170 0000"] {
        assert!(
            plain.contains(free) && !plain.contains(&format!("\u{2066}{free}")),
            "{free}: {plain}"
        );
    }
}

#[test]
fn english_letter_layout() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("en.pdf");
    render_pdf(
        &dir.path().join("data"),
        &[
            "render",
            "termination-2",
            "--client",
            "sample-daniel",
            "--set",
            "reason=Our studio is narrowing its focus.",
            "--cc",
            "Accounts department",
            "--attachment",
            "Project file list",
        ],
        &pdf,
    );
    let text = text_of(&pdf);
    assert_in_order(
        &text,
        &[
            "22 November 2026",
            "Project file list",
            "Mr Daniel Weber",
            "Subject: End of our working relationship on 22 December 2026",
            "Dear Mr Weber,",
            "The handover steps are:",
            "Kind regards,",
            "Accounts department",
        ],
    );
    assert_eq!(pages_of(&pdf), 1);
    let raw = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        raw.contains("/Lang(en)") || raw.contains("/Lang (en)"),
        "PDF language not set"
    );
    // With nothing enclosed, an English letter leaves the "Enclosures" line out.
    let bare = dir.path().join("bare.pdf");
    render_pdf(
        &dir.path().join("data"),
        &["render", "termination-2", "--client", "sample-daniel"],
        &bare,
    );
    let text = text_of(&bare);
    assert_in_order(&text, &["Ref: NA/", "Mr Daniel Weber"]);
    assert!(!text.contains("Enclosures"), "{text}");
}

#[test]
fn a_long_letter_breaks_across_numbered_pages() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pdf = dir.path().join("long.pdf");
    let handover: String = (1..=70)
        .map(|i| format!("- مورد تحویل شماره {i}: فایل‌های بخش {i} و مستندات آن\n"))
        .collect();
    render_pdf(
        &data,
        &[
            "render",
            "termination-2",
            "--client",
            "sample-nazanin",
            "--set",
            &format!("handover={handover}"),
        ],
        &pdf,
    );
    let pages = pages_of(&pdf);
    assert!(pages >= 2, "{pages} pages");
    let text = squeeze(&text_of(&pdf));
    // The footer numbers every page in Persian digits: «صفحه ۱ از N» … «صفحه N از N».
    let total: String = pages
        .to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap())
        .collect();
    for page in 1..=pages {
        let n: String = page
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap())
            .collect();
        assert!(
            text.contains(&format!("صفحه{n}از{total}")),
            "page {page}:\n{text}"
        );
    }
    assert_in_order(
        &text,
        &[
            "شماره1فایل",
            "شماره2فایل",
            "شماره69فایل",
            "شماره70فایل",
            // The letter ends with thanks, so its closing does not repeat them.
            "بااحترام",
        ],
    );
}

#[test]
fn hostile_values_print_literally() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("hostile.toml");
    std::fs::write(
        &profile,
        "id = \"hostile\"\nname = \"#set page(width: 1cm) *bold* {{ x }}\"\nlanguage = \"en\"\ncompany = \"]) #panic(\\\"no\\\") //\"\n",
    )
    .unwrap();
    let pdf = dir.path().join("hostile.pdf");
    render_pdf(
        &dir.path().join("data"),
        &[
            "render",
            "payment-1",
            "--profile",
            profile.to_str().unwrap(),
            "--set",
            "invoice=$x$ #y",
            "--set",
            "amount=10",
            "--set",
            "due_date=2026-11-01",
        ],
        &pdf,
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("#set page(width: 1cm) *bold* {{ x }}"),
        "{text}"
    );
    assert!(text.contains("]) #panic(\"no\") //"), "{text}");
    assert!(text.contains("$x$ #y"), "{text}");
    assert!(
        poppler("pdfinfo", &[pdf.to_str().unwrap()]).contains("595.276 x 841.89"),
        "page stayed A4"
    );
}

#[test]
fn logo_and_invocation_from_the_sender() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    marz(&data).args(["clients", "list"]).assert().success();
    // A tiny SVG logo, and the invocation line.
    std::fs::write(
        data.join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\"><rect width=\"40\" height=\"40\" fill=\"#3a6\"/></svg>",
    )
    .unwrap();
    let sender = std::fs::read_to_string(data.join("sender.toml")).unwrap();
    std::fs::write(
        data.join("sender.toml"),
        format!("{sender}logo = \"logo.svg\"\ninvocation = \"به نام خدا\"\n"),
    )
    .unwrap();
    let pdf = dir.path().join("logo.pdf");
    render_pdf(
        &data,
        &["render", "payment-1", "--client", "sample-reza"],
        &pdf,
    );
    let text = text_of(&pdf);
    assert!(text.trim_start().starts_with("به نام خدا"), "{text}");

    std::fs::write(
        data.join("sender.toml"),
        format!("{sender}logo = \"missing.png\"\n"),
    )
    .unwrap();
    marz(&data)
        .args([
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--format",
            "pdf",
            "--out",
        ])
        .arg(dir.path().join("x.pdf"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing.png"));
}

#[test]
fn batch_writes_one_file_per_client_and_reports_failures() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    marz(&data).args(["clients", "list"]).assert().success();
    std::fs::write(
        data.join("clients/broken.toml"),
        "id = \"broken\"\nname = [\n",
    )
    .unwrap();
    std::fs::write(
        data.join("clients/plain.toml"),
        "id = \"plain\"\nname = \"Plain\"\nlanguage = \"en\"\n",
    )
    .unwrap();
    let result = marz(&data)
        .args([
            "batch",
            "payment-3",
            "--all",
            "--format",
            "pdf",
            "--date",
            "2026-11-22",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("broken.toml:2"), "{stderr}");
    assert!(
        stderr.contains("failed: plain:") && stderr.contains("invoice"),
        "{stderr}"
    );
    assert!(stderr.contains("3 of 5 letters written"), "{stderr}");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "payment-3_sample-daniel_2026-11-22.pdf",
            "payment-3_sample-nazanin_2026-11-22.pdf",
            "payment-3_sample-reza_2026-11-22.pdf",
        ]
    );
    for f in &files {
        assert!(pages_of(f) >= 1);
    }
    // Each letter got its own number.
    let numbers: Vec<String> = files
        .iter()
        .map(|f| text_of(f))
        .filter_map(|t| {
            t.lines()
                .find(|l| l.contains("/1405/") || l.contains("/2026/") || l.contains("/۱۴۰۵/"))
                .map(str::to_string)
        })
        .collect();
    assert_eq!(numbers.len(), 3, "{numbers:?}");

    // Text batch for chosen clients, all succeed.
    let out2 = dir.path().join("out2");
    std::fs::create_dir(&out2).unwrap();
    marz(&data)
        .args([
            "batch",
            "payment-1",
            "--clients",
            "sample-reza,sample-nazanin",
            "--format",
            "text",
            "--out",
        ])
        .arg(&out2)
        .assert()
        .success();
    assert_eq!(std::fs::read_dir(&out2).unwrap().count(), 2);

    marz(&data)
        .args([
            "batch",
            "payment-1",
            "--all",
            "--format",
            "text",
            "--out",
            "/no/such/folder",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("/no/such/folder"));
}
