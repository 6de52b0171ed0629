//! PDF letters, read back the way a person's tools read them: poppler's pdftotext, pdffonts
//! and pdfinfo (Debian package poppler-utils; .ci/run installs it).

mod common;

use common::marz;
use common::poppler::{poppler, squeeze, text_of};
use std::path::{Path, PathBuf};

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
            "بااحترام",
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
            "The handover will be as follows:",
            "Yours sincerely,",
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
    // The logo belongs to the built-in header, which a letterhead replaces.
    let sender = std::fs::read_to_string(data.join("sender.toml"))
        .unwrap()
        .replace("letterhead = \"letterhead.png\"\n", "");
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

/// A page in shades of grey, row by row.
struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Grey {
    fn of(image: &marz::pdf::PageImage) -> Grey {
        Grey {
            width: image.width as usize,
            height: image.height as usize,
            pixels: image
                .rgba
                .chunks(4)
                .map(|p| ((299 * p[0] as u32 + 587 * p[1] as u32 + 114 * p[2] as u32) / 1000) as u8)
                .collect(),
        }
    }

    /// Page 1 of `pdf` as poppler draws it at `dpi` (pdftoppm's PGM output).
    fn poppler(pdf: &Path, dpi: u32) -> Grey {
        let stem = pdf.with_extension("");
        poppler(
            "pdftoppm",
            &[
                "-gray",
                "-r",
                &dpi.to_string(),
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                pdf.to_str().unwrap(),
                stem.to_str().unwrap(),
            ],
        );
        let data = std::fs::read(stem.with_extension("pgm")).unwrap();
        // "P5\n<width> <height>\n255\n" then one byte a pixel.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while data[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !data[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&data[start..at]).to_string());
        }
        assert_eq!(fields[0], "P5");
        let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        let pixels = data[at + 1..].to_vec();
        assert_eq!(pixels.len(), width * height);
        Grey {
            width,
            height,
            pixels,
        }
    }

    /// Whether the pixel at (x, y) is ink (darker than mid-grey) with no ink-ish pixel
    /// (darker than light grey) on `other` within one pixel: a stroke that one page has and
    /// the other has not. Edges smoothed differently, or drawn a fraction of a pixel apart,
    /// still find their match.
    fn unmatched(&self, other: &Grey, x: usize, y: usize) -> bool {
        if self.pixels[y * self.width + x] >= 128 {
            return false;
        }
        for oy in y.saturating_sub(1)..=(y + 1).min(other.height - 1) {
            for ox in x.saturating_sub(1)..=(x + 1).min(other.width - 1) {
                if other.pixels[oy * other.width + ox] < 192 {
                    return false;
                }
            }
        }
        true
    }

    /// The most unmatched ink pixels (both ways round) in any 24 × 24-pixel tile (at 144
    /// dpi, a glyph or two of the letter's text).
    fn worst_tile(&self, other: &Grey) -> usize {
        let size = 24;
        let (w, h) = (self.width.min(other.width), self.height.min(other.height));
        let mut worst = 0;
        for ty in (0..h - size + 1).step_by(size) {
            for tx in (0..w - size + 1).step_by(size) {
                let mut count = 0;
                for y in ty..ty + size {
                    for x in tx..tx + size {
                        if self.unmatched(other, x, y) || other.unmatched(self, x, y) {
                            count += 1;
                        }
                    }
                }
                worst = worst.max(count);
            }
        }
        worst
    }
}

fn sample_letter(store: &marz::Store, template: &str, client: &str) -> marz::Letter {
    let library = marz::Library::load(None);
    let client = store.load_client(client).unwrap();
    marz::render::render(&marz::render::Draft {
        template: library.get(template, client.language).unwrap(),
        client: &client,
        sender: &store.load_sender().unwrap(),
        values: &std::collections::BTreeMap::new(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        number: "NA/1405/001".to_string(),
    })
    .unwrap()
}

#[test]
fn the_page_preview_is_the_pdf_that_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = marz::Store::open(dir.path().join("data")).unwrap();
    let sender = store.load_sender().unwrap();
    let exporter = marz::export::Exporter::new(store.load_stationery(&sender).unwrap());
    for client in ["sample-reza", "sample-daniel"] {
        let letter = sample_letter(&store, "payment-3", client);
        // One layout gives both the preview's pixels and the PDF's bytes, and those bytes
        // are exactly what export writes.
        let typeset = exporter.typeset(&letter).unwrap();
        let preview = typeset.page_image(0, 2.0).unwrap();
        assert_eq!(
            (preview.width, preview.height),
            (1191, 1684),
            "A4 at 144 dpi"
        );
        let saved = exporter
            .bytes(&letter, marz::export::Format::Pdf, 0)
            .unwrap();
        assert!(
            typeset.pdf().unwrap() == saved,
            "{client}: the preview's PDF differs from the saved one"
        );
        let pdf = dir.path().join(format!("{client}.pdf"));
        std::fs::write(&pdf, &saved).unwrap();

        // The saved PDF as poppler (an independent renderer) draws it has every stroke of
        // the preview where the preview has it, and nothing else…
        let printed = Grey::poppler(&pdf, 144);
        let same = Grey::of(&preview).worst_tile(&printed);
        assert!(
            same <= 4,
            "{client}: preview and PDF differ ({same} pixels in a tile)"
        );

        // …and the comparison sees what a reader would: a page without the stamp, or with
        // another letter number, does not pass for it.
        let unstamped = marz::Letter {
            with_stamp: false,
            ..letter.clone()
        };
        let renumbered = marz::Letter {
            number: letter.number.replace('1', "7").replace('۱', "۷"),
            ..letter.clone()
        };
        for (what, other) in [("no stamp", unstamped), ("another number", renumbered)] {
            let page = exporter
                .typeset(&other)
                .unwrap()
                .page_image(0, 2.0)
                .unwrap();
            let differ = Grey::of(&page).worst_tile(&printed);
            assert!(
                differ >= 12,
                "{client}, {what}: only {differ} pixels differ"
            );
        }
    }
}

/// A word on the page and its box in points from the top left (pdftotext -bbox). Persian
/// words come out in visual order, so they are compared reversed.
struct Word {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn words_of(pdf: &Path) -> Vec<Word> {
    let html = poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| Word {
            text: l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_string(),
            x0: attr(l, "xMin"),
            y0: attr(l, "yMin"),
            x1: attr(l, "xMax"),
            y1: attr(l, "yMax"),
        })
        .collect()
}

/// (page, width, height, encoding) of each image in the PDF, masks left out (pdfimages).
fn images_of(pdf: &Path) -> Vec<(usize, u32, u32, String)> {
    poppler("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|c| c[2] == "image")
        .map(|c| {
            (
                c[0].parse().unwrap(),
                c[3].parse().unwrap(),
                c[4].parse().unwrap(),
                c[8].to_string(),
            )
        })
        .collect()
}

const MM: f64 = 72.0 / 25.4;

#[test]
fn the_sample_letterhead_keeps_the_text_clear_and_the_marks_can_be_left_off() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for (client, pages) in [("sample-reza", 1), ("sample-daniel", 1)] {
        let pdf = dir.path().join(format!("{client}.pdf"));
        render_pdf(&data, &["render", "payment-3", "--client", client], &pdf);
        assert_eq!(pages_of(&pdf), pages);
        // The letterhead, the signature and the stamp, at the sizes of the sample files.
        let sizes: Vec<(u32, u32)> = images_of(&pdf).iter().map(|i| (i.1, i.2)).collect();
        assert_eq!(sizes, [(1240, 1754), (709, 283), (472, 472)], "{client}");
        // The sample letterhead prints its header in the top 34 mm and its footer in the
        // bottom 21 mm; every word of the letter stays inside the text area (45 mm from the
        // top, 30 mm from the bottom, 20 mm from the sides), clear of both. (A word's box
        // is the font's full line height, a few points above its letters.)
        for w in words_of(&pdf) {
            assert!(
                w.y0 >= 45.0 * MM - 5.0 && w.y1 <= (297.0 - 30.0) * MM + 1.0,
                "{client}: «{}» at {:.0}–{:.0} pt from the top",
                w.text,
                w.y0,
                w.y1
            );
            // Justified lines let punctuation hang a little into the margin.
            assert!(
                w.x0 >= 20.0 * MM - 3.0 && w.x1 <= (210.0 - 20.0) * MM + 3.0,
                "{client}: «{}» at {:.0}–{:.0} pt from the left",
                w.text,
                w.x0,
                w.x1
            );
        }
        // The letterhead carries the business's name and contact details, so the built-in
        // header and the contact footer are not printed: the name appears once (under the
        // signature) and the e-mail address not at all.
        let text = text_of(&pdf);
        assert!(!text.contains("maryam@example.com"), "{text}");
        let business = if client == "sample-reza" {
            "استودیوطراحینقشآفرین"
        } else {
            "Naghsh-AfarinDesignStudio"
        };
        assert_eq!(squeeze(&text).matches(business).count(), 1, "{text}");
    }

    // Left off for this letter: only the letterhead remains.
    let pdf = dir.path().join("draft.pdf");
    render_pdf(
        &data,
        &[
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--no-signature",
            "--no-stamp",
        ],
        &pdf,
    );
    let sizes: Vec<(u32, u32)> = images_of(&pdf).iter().map(|i| (i.1, i.2)).collect();
    assert_eq!(sizes, [(1240, 1754)]);
    render_pdf(
        &data,
        &[
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--no-stamp",
        ],
        &pdf,
    );
    let sizes: Vec<(u32, u32)> = images_of(&pdf).iter().map(|i| (i.1, i.2)).collect();
    assert_eq!(sizes, [(1240, 1754), (709, 283)]);
    // A preview (nothing recorded, the PDF on standard output) leaves them off too.
    let before = marz(&data)
        .args(["letters", "list", "--json"])
        .output()
        .unwrap();
    let preview = marz(&data)
        .args([
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--format",
            "pdf",
            "--no-signature",
            "--no-stamp",
        ])
        .output()
        .unwrap();
    assert!(preview.status.success());
    std::fs::write(&pdf, &preview.stdout).unwrap();
    let sizes: Vec<(u32, u32)> = images_of(&pdf).iter().map(|i| (i.1, i.2)).collect();
    assert_eq!(sizes, [(1240, 1754)], "the preview printed a mark left off");
    let after = marz(&data)
        .args(["letters", "list", "--json"])
        .output()
        .unwrap();
    assert_eq!(before.stdout, after.stdout, "a preview records nothing");

    // Without a letterhead the built-in header and footer are back.
    let sender = std::fs::read_to_string(data.join("sender.toml")).unwrap();
    std::fs::write(
        data.join("sender.toml"),
        sender.replace("letterhead = \"letterhead.png\"\n", ""),
    )
    .unwrap();
    render_pdf(
        &data,
        &["render", "payment-3", "--client", "sample-reza"],
        &pdf,
    );
    let text = text_of(&pdf);
    assert!(text.contains("maryam@example.com"), "{text}");
    assert_eq!(
        squeeze(&text).matches("استودیوطراحینقشآفرین").count(),
        2,
        "{text}"
    );
    let sizes: Vec<(u32, u32)> = images_of(&pdf).iter().map(|i| (i.1, i.2)).collect();
    assert_eq!(sizes, [(709, 283), (472, 472)]);
}

/// The bounding box, in points, of the page's pixels that `ink` picks (2 px a point).
fn ink_box(page: &marz::pdf::PageImage, ink: impl Fn(&[u8]) -> bool) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    for (i, p) in page.rgba.chunks(4).enumerate() {
        if ink(p) {
            let (x, y) = (i as u32 % page.width, i as u32 / page.width);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
    }
    assert!(x0 <= x1, "no such ink on the page");
    let pt = |v: u32| v as f64 / 2.0;
    (pt(x0), pt(y0), pt(x1), pt(y1))
}

#[test]
fn signature_and_stamp_sit_above_the_signer_overlapping() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = marz::Store::open(dir.path().join("data")).unwrap();
    let sender = store.load_sender().unwrap();
    let exporter = marz::export::Exporter::new(store.load_stationery(&sender).unwrap());
    // Blue or violet ink, down to half-covered edge pixels: the signature and the stamp;
    // the rest of the page is black, grey, and the letterhead's teal and gold.
    let blue = |p: &[u8]| p[2] as i32 > p[0] as i32 + 30 && p[2] as i32 > p[1] as i32 + 30;
    for (client, name, closing) in [
        ("sample-reza", "رحیمی", "احترام"),
        ("sample-daniel", "Rahimi", "sincerely,"),
    ] {
        let letter = sample_letter(&store, "payment-3", client);
        let pdf = dir.path().join(format!("{client}.pdf"));
        std::fs::write(
            &pdf,
            exporter
                .bytes(&letter, marz::export::Format::Pdf, 0)
                .unwrap(),
        )
        .unwrap();
        let words = words_of(&pdf);
        let find = |text: &str| {
            let reversed: String = text.chars().rev().collect();
            // The last one: «احترام» also ends the greeting.
            words
                .iter()
                .rfind(|w| w.text == text || w.text == reversed)
                .unwrap_or_else(|| panic!("{client}: no «{text}»"))
        };
        let (name, closing) = (find(name), find(closing));
        let page = |signature, stamp| {
            let letter = marz::Letter {
                with_signature: signature,
                with_stamp: stamp,
                ..letter.clone()
            };
            exporter
                .typeset(&letter)
                .unwrap()
                .page_image(0, 2.0)
                .unwrap()
        };
        let sig = ink_box(&page(true, false), blue);
        let stamp = ink_box(&page(false, true), blue);
        // The signature: between the closing and the name, just above the name and over it.
        assert!(
            sig.1 > closing.y1 && sig.3 < name.y0 + 3.0 && name.y0 - sig.3 < 20.0,
            "{client}: signature {sig:?}, closing {:.0}–{:.0}, name {:.0}–{:.0}",
            closing.y0,
            closing.y1,
            name.y0,
            name.y1
        );
        assert!(sig.0 < name.x1 && sig.2 > name.x0, "{client}: {sig:?}");
        // The stamp: round, about the size asked for (32 mm, a little more tilted), over the
        // right-hand part of the signature, clear of the closing line.
        let (w, h) = (stamp.2 - stamp.0, stamp.3 - stamp.1);
        assert!(
            (w - h).abs() < 4.0 && (w - 32.0 * MM).abs() < 4.0,
            "{client}: {stamp:?}"
        );
        assert!(
            stamp.0 < sig.2 && stamp.2 > sig.2 && stamp.0 > (sig.0 + sig.2) / 2.0 - 20.0,
            "{client}: stamp {stamp:?}, signature {sig:?}"
        );
        assert!(
            stamp.1 < sig.3 && stamp.3 > sig.1,
            "{client}: stamp {stamp:?}, signature {sig:?}"
        );
        assert!(
            stamp.1 > closing.y1,
            "{client}: stamp {stamp:?} over the closing"
        );

        // Without them the letter keeps their room: every word stays where it was.
        let bare = marz::Letter {
            with_signature: false,
            with_stamp: false,
            ..letter.clone()
        };
        let bare_pdf = dir.path().join(format!("{client}-bare.pdf"));
        std::fs::write(
            &bare_pdf,
            exporter.bytes(&bare, marz::export::Format::Pdf, 0).unwrap(),
        )
        .unwrap();
        let bare_words = words_of(&bare_pdf);
        let moved: Vec<&str> = bare_words
            .iter()
            .zip(&words)
            .filter(|(a, b)| a.text != b.text || (a.y0 - b.y0).abs() > 0.01)
            .map(|(a, _)| a.text.as_str())
            .collect();
        assert!(moved.is_empty(), "{client}: {moved:?}");
    }
}

#[test]
fn a_missing_or_damaged_image_stops_the_letter_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    marz(&data).args(["clients", "list"]).assert().success();
    let pdf = dir.path().join("x.pdf");
    let run = |extra: &[&str]| {
        marz(&data)
            .args([
                "render",
                "payment-1",
                "--client",
                "sample-reza",
                "--format",
                "pdf",
            ])
            .args(extra)
            .arg("--out")
            .arg(&pdf)
            .output()
            .unwrap()
    };
    std::fs::remove_file(data.join("signature.png")).unwrap();
    let out = run(&[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&*data.join("signature.png").to_string_lossy()),
        "{stderr}"
    );
    assert!(stderr.contains("`signature`"), "{stderr}");
    assert!(!pdf.exists(), "no PDF without the signature");
    // Even a letter sent without the signature keeps its room, so it needs the file.
    let out = run(&["--no-signature"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::copy(data.join("stamp.png"), data.join("signature.png")).unwrap();

    // A stamp file that is not an image, then one that is cut short.
    std::fs::write(data.join("stamp.png"), "<html>not a stamp</html>").unwrap();
    let out = run(&["--no-stamp"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("stamp.png") && stderr.contains("not an image Marz can print"),
        "{stderr}"
    );
    let head = std::fs::read(data.join("letterhead.png")).unwrap();
    std::fs::write(data.join("stamp.png"), &head[..head.len() / 3]).unwrap();
    let out = run(&[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("stamp.png") && stderr.contains("damaged"),
        "{stderr}"
    );

    // Text and e-mail do not print images, so they do not need them.
    marz(&data)
        .args([
            "render",
            "payment-1",
            "--client",
            "sample-reza",
            "--format",
            "text",
        ])
        .assert()
        .success();
}

#[test]
fn a_pdf_letterhead_and_a_jpeg_one_for_the_following_pages() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // A one-page PDF to stand as the letterhead (a letter from the sample workspace
    // itself), and a JPEG of it for the pages after the first.
    let head = dir.path().join("head.pdf");
    render_pdf(
        &data,
        &[
            "render",
            "payment-1",
            "--client",
            "sample-daniel",
            "--no-signature",
            "--no-stamp",
        ],
        &head,
    );
    let jpeg_stem = dir.path().join("next");
    poppler(
        "pdftoppm",
        &[
            "-jpeg",
            "-r",
            "40",
            "-singlefile",
            head.to_str().unwrap(),
            jpeg_stem.to_str().unwrap(),
        ],
    );
    let sender = std::fs::read_to_string(data.join("sender.toml")).unwrap();
    std::fs::write(
        data.join("sender.toml"),
        sender.replace(
            "letterhead = \"letterhead.png\"\n",
            &format!(
                "letterhead = \"{}\"\nletterhead_next = \"{}\"\nmargin_top_mm = 60\n",
                head.display(),
                jpeg_stem.with_extension("jpg").display()
            ),
        ),
    )
    .unwrap();
    let handover: String = (1..=70).map(|i| format!("- Handover item {i}\n")).collect();
    let pdf = dir.path().join("long.pdf");
    render_pdf(
        &data,
        &[
            "render",
            "termination-2",
            "--client",
            "sample-daniel",
            "--set",
            &format!("handover={handover}"),
            "--set",
            "reason=Our studio is narrowing its focus.",
        ],
        &pdf,
    );
    let pages = pages_of(&pdf);
    assert!(pages >= 2, "{pages}");
    let images = images_of(&pdf);
    // Page 1: the PDF letterhead is drawn as a page (its text is text), not a picture;
    // pages 2…: the JPEG, passed through as JPEG.
    assert!(
        !images.iter().any(|i| i.0 == 1 && i.3 == "jpeg"),
        "{images:?}"
    );
    for page in 2..=pages {
        assert!(
            images.iter().any(|i| i.0 == page && i.3 == "jpeg"),
            "{images:?}"
        );
    }
    let first_page = poppler(
        "pdftotext",
        &["-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"],
    );
    assert!(
        first_page.contains("that invoice WD-2026-117"),
        "{first_page}"
    );
    // The owner's top margin: the letter's own words start 60 mm down (the letterhead's
    // words are higher up).
    let words = words_of(&pdf);
    let date = words
        .iter()
        .filter(|w| w.text.starts_with("Date:"))
        .map(|w| w.y0)
        .fold(0.0, f64::max);
    assert!((date - 60.0 * MM).abs() < 6.0, "{date}");
    // Every page of the long letter is numbered, below the text.
    let text = text_of(&pdf);
    assert!(text.contains(&format!("Page {pages} of {pages}")), "{text}");
}

#[test]
fn the_signature_never_stands_on_a_page_without_words_of_the_letter() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pdf = dir.path().join("long.pdf");
    // Lists of several lengths move the page break through the end of the letter.
    for items in (36..=52).step_by(2) {
        let handover: String = (1..=items)
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
        let signed = (1..=pages)
            .map(|p| {
                let p = p.to_string();
                squeeze(&poppler(
                    "pdftotext",
                    &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
                ))
            })
            // termination-2 ends with thanks, so its closing is «با احترام» alone.
            .find(|text| text.contains("بااحترام"))
            .unwrap();
        // The letter's last paragraph («از اعتماد شما …») is on the signature's page.
        assert!(signed.contains("ازاعتمادشما"), "{items} items: {signed}");
    }
}
