//! E-mails as a mail program receives them: each .eml the CLI writes is parsed back with a
//! real MIME parser (mail-parser), its HTML with an XML parser (roxmltree), and the attached
//! PDF read with poppler's pdftotext.

mod common;

use common::{json, letters, refuses, render, run, succeeded, write_file};
use mail_parser::{Message, MessageParser, MimeHeaders};
use std::path::{Path, PathBuf};

/// Writes `template` for `client` as an .eml with `extra` options and returns its bytes.
fn eml(data: &Path, template: &str, client: &str, extra: &[&str]) -> Vec<u8> {
    let path = data.join(format!("{template}-{client}-{}.eml", extra.len()));
    succeeded(
        render(data, template, client)
            .args(["--date", "2026-11-22", "--format", "eml", "--out"])
            .arg(&path)
            .args(extra),
    );
    std::fs::read(&path).unwrap()
}

/// Writes payment-1 for the one-off client in `profile` as an .eml at `path`, with the
/// `invoice`, `amount` and `due_date` given in `set` and `extra` options; returns its bytes.
fn eml_from_profile(
    data: &Path,
    profile: &Path,
    set: &[&str],
    extra: &[&str],
    path: &Path,
) -> Vec<u8> {
    let mut cmd = common::marz(data);
    cmd.args(["render", "payment-1", "--profile"]).arg(profile);
    for value in set {
        cmd.args(["--set", value]);
    }
    succeeded(
        cmd.args(["--format", "eml"])
            .args(extra)
            .arg("--out")
            .arg(path),
    );
    std::fs::read(path).unwrap()
}

fn parse(raw: &[u8]) -> Message<'_> {
    MessageParser::default().parse(raw).expect("a MIME message")
}

/// The bidi isolates (U+2066–U+2069) and direction marks (U+200E, U+200F) are invisible;
/// they are not part of what is read.
fn strip_bidi(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .collect()
}

/// Text as a reader sees it: words separated by single spaces.
fn words(s: &str) -> String {
    strip_bidi(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The plain text part with its own markup (the `- ` of list items) taken out.
fn plain_words(plain: &str) -> String {
    let lines: Vec<&str> = plain
        .lines()
        .map(|l| l.trim_start().strip_prefix("- ").unwrap_or(l))
        .collect();
    words(&lines.join("\n"))
}

/// `plain_words` that keeps the isolates (only the marks that anchor a plain line go).
fn plain_words_keeping_isolates(plain: &str) -> Vec<String> {
    plain
        .lines()
        .map(|l| l.trim_start_matches(['\u{200E}', '\u{200F}']))
        .map(|l| l.trim_start().strip_prefix("- ").unwrap_or(l))
        .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// The HTML as an XML tree (the `<!DOCTYPE html>` is allowed).
fn xml(html: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, options)
}

/// The text of the HTML's `<body>`, as an XML parser reads it (entities decoded, tags gone).
fn html_body_text(html: &str) -> String {
    let doc = xml(html).expect("the HTML part is well-formed");
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name("body"))
        .expect("a <body>");
    let mut text = String::new();
    for node in body.descendants() {
        if node.is_text() {
            text.push_str(node.text().unwrap());
        } else if node.has_tag_name("br") {
            text.push('\n');
        }
    }
    text
}

/// The text inside an element.
fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The headers' bytes (before the first empty line).
fn header_block(raw: &[u8]) -> &[u8] {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end with an empty line");
    &raw[..end]
}

/// What every e-mail Marz writes must be, whatever its language and body.
fn assert_well_formed(raw: &[u8]) {
    assert!(
        raw.is_ascii(),
        "the message is 7-bit: every part is encoded"
    );
    for (i, line) in raw.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // RFC 5322 2.1.1: at most 998 characters, and lines should be at most 78.
        assert!(
            line.len() <= 78,
            "line {} has {} characters",
            i + 1,
            line.len()
        );
    }
    let headers = std::str::from_utf8(header_block(raw)).unwrap();
    assert!(headers.contains("\r\nX-Unsent: 1\r\n"), "{headers}");
}

/// A Persian subject and names travel as RFC 2047 encoded words.
fn assert_encoded_headers(raw: &[u8]) {
    let headers = std::str::from_utf8(header_block(raw)).unwrap();
    for field in [
        "Subject: =?utf-8?",
        "\r\nTo: =?utf-8?B?",
        "From: =?utf-8?B?",
    ] {
        assert!(headers.contains(field), "{field} in {headers}");
    }
}

/// The two parts of a letter's e-mail and what they must share.
struct Parts {
    plain: String,
    html: String,
}

fn parts(message: &Message) -> Parts {
    assert_eq!(message.text_body_count(), 1);
    assert_eq!(message.html_body_count(), 1);
    let text_part = message.text_part(0).unwrap();
    let html_part = message.html_part(0).unwrap();
    let ctype = |p: &mail_parser::MessagePart| {
        let c = p.content_type().unwrap();
        format!("{}/{}", c.ctype(), c.subtype().unwrap_or(""))
    };
    assert_eq!(ctype(text_part), "text/plain");
    assert_eq!(ctype(html_part), "text/html");
    // The two forms of one body sit side by side in a multipart/alternative.
    let alternative = message
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|c| c.ctype() == "multipart"))
        .expect("a multipart");
    let c = alternative.content_type().unwrap();
    let subtype = c.subtype().unwrap();
    assert!(
        subtype == "alternative" || subtype == "mixed",
        "multipart/{subtype}"
    );
    assert!(message.parts.iter().any(|p| {
        p.content_type()
            .is_some_and(|c| c.ctype() == "multipart" && c.subtype() == Some("alternative"))
    }));
    Parts {
        plain: text_part.text_contents().unwrap().replace("\r\n", "\n"),
        html: html_part.text_contents().unwrap().to_string(),
    }
}

/// Offline, as is: nothing fetched, run or tracked.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for needle in [
        "<script", "<img", "<link", "<iframe", "<object", "<style", "src=", "href=", "url(",
        "@import", "http:", "https:",
    ] {
        assert!(!lower.contains(needle), "the HTML contains `{needle}`");
    }
    let doc = xml(html).unwrap();
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            assert!(!attr.name().starts_with("on"), "event handler {attr:?}");
        }
    }
}

/// `<html>`, `<body>` and the letter's `<div>` all carry the letter's direction and language.
fn assert_direction(html: &str, dir: &str, lang: &str) {
    let doc = xml(html).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    assert_eq!(root.attribute("dir"), Some(dir));
    assert_eq!(root.attribute("lang"), Some(lang));
    let body = doc.descendants().find(|n| n.has_tag_name("body")).unwrap();
    assert_eq!(body.attribute("dir"), Some(dir));
    let letter = body.children().find(|n| n.is_element()).unwrap();
    assert_eq!(letter.attribute("dir"), Some(dir));
    assert_eq!(letter.attribute("lang"), Some(lang));
    let style = letter.attribute("style").unwrap();
    let align = if dir == "rtl" { "right" } else { "left" };
    assert!(style.contains(&format!("direction:{dir}")), "{style}");
    assert!(style.contains(&format!("text-align:{align}")), "{style}");
    let fonts = style
        .split(';')
        .find_map(|d| d.trim().strip_prefix("font-family:"))
        .unwrap();
    let fonts: Vec<&str> = fonts.split(',').map(str::trim).collect();
    assert_eq!(fonts.first(), Some(&"Vazirmatn"), "{fonts:?}");
    assert!(fonts.contains(&"Tahoma"), "{fonts:?}");
    assert_eq!(fonts.last(), Some(&"sans-serif"), "{fonts:?}");
}

#[test]
fn a_persian_letter_has_a_plain_and_a_right_to_left_html_part_saying_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let raw = eml(dir.path(), "payment-3", "sample-reza", &[]);
    assert_well_formed(&raw);
    assert_encoded_headers(&raw);
    let message = parse(&raw);
    assert_eq!(message.attachment_count(), 0);
    let Parts { plain, html } = parts(&message);
    assert!(html.contains("<html dir=\"rtl\" lang=\"fa\">"), "{html}");
    assert_direction(&html, "rtl", "fa");
    assert_self_contained(&html);

    // The plain text: the letter from the recipient block to the contact details.
    let raw_plain = plain.clone();
    let plain = strip_bidi(&plain);
    for expected in [
        "جناب آقای رضا احمدی\nمدیرعامل محترم شرکت بازرگانی آرمان‌تجارت\n\nموضوع: آخرین مهلت پرداخت صورت‌حساب INV-2041\n\nبا سلام و احترام\n\n",
        "۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان)",
        "۸ آذر ۱۴۰۵",
        "با احترام\nمریم رحیمی\nمدیر استودیو\n",
        "تلفن: ۰۲۱-۸۸۷۷۶۶۵۵",
    ] {
        assert!(
            plain.contains(expected),
            "«{expected}» missing in:\n{plain}"
        );
    }
    // The HTML says exactly the same, word for word.
    assert_eq!(words(&html_body_text(&html)), plain_words(&plain));

    // Laid out as the letter: the recipient's name and the subject line in bold, each value
    // isolated once (by the core, the same U+2068…U+2069 as in the plain text: the HTML
    // adds no <bdi>), the signature a block of its own.
    let doc = xml(&html).unwrap();
    let bold: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("b"))
        .map(|n| strip_bidi(&text_of(n)))
        .collect();
    assert_eq!(
        bold,
        [
            "جناب آقای رضا احمدی",
            "موضوع: آخرین مهلت پرداخت صورت‌حساب INV-2041",
            "مریم رحیمی"
        ]
    );
    assert!(!doc.descendants().any(|n| n.has_tag_name("bdi")), "{html}");
    let html_text = html_body_text(&html);
    for value in [
        "رضا احمدی",
        "INV-2041",
        "۰۲۱-۸۸۷۷۶۶۵۵",
        "maryam@example.com",
        "مریم رحیمی",
    ] {
        let isolated = format!("\u{2068}{value}\u{2069}");
        assert!(
            html_text.contains(&isolated),
            "{value} not isolated in {html_text:?}"
        );
        assert!(
            raw_plain.contains(&isolated),
            "{value} not isolated in {raw_plain:?}"
        );
        let twice = format!("\u{2068}{isolated}\u{2069}");
        assert!(!html_text.contains(&twice) && !raw_plain.contains(&twice));
    }
    // The same isolates in both parts, in the same places.
    let isolates = |t: &str| -> String {
        t.chars()
            .filter(|c| matches!(c, '\u{2068}' | '\u{2069}'))
            .collect()
    };
    assert_eq!(isolates(&html_text), isolates(&raw_plain));
    assert_eq!(
        html_text
            .replace(['\u{200E}', '\u{200F}'], "")
            .split_whitespace()
            .collect::<Vec<_>>(),
        plain_words_keeping_isolates(&raw_plain)
    );
    // The closing and signature: a block on the left, the end side of a Persian page, its
    // lines aligned to the right among themselves.
    let signature = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("div")
                && n.attribute("style")
                    .is_some_and(|s| s.contains("display:inline-block"))
        })
        .expect("a signature block");
    let outer = signature
        .parent_element()
        .unwrap()
        .attribute("style")
        .unwrap();
    assert!(outer.contains("text-align:left"), "{outer}");
    assert!(
        signature
            .attribute("style")
            .unwrap()
            .contains("text-align:right"),
        "{signature:?}"
    );
    let signed = text_of(signature).trim().to_string();
    assert!(signed.starts_with("با احترام"), "{signed}");
    assert!(signed.contains("مریم رحیمی"), "{signed}");
    // Paragraphs as paragraphs: every paragraph of the body is one <p>.
    let paragraphs: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(text_of)
        .collect();
    assert!(
        paragraphs
            .iter()
            .any(|p| p == "خواهشمندیم کل این مبلغ را حداکثر تا ۸ آذر ۱۴۰۵ پرداخت فرمایید."),
        "{paragraphs:?}"
    );
}

#[test]
fn an_english_letter_is_left_to_right_and_says_the_same_in_both_parts() {
    let dir = tempfile::tempdir().unwrap();
    let raw = eml(dir.path(), "payment-1", "sample-daniel", &[]);
    assert_well_formed(&raw);
    let message = parse(&raw);
    let Parts { plain, html } = parts(&message);
    assert!(html.contains("<html dir=\"ltr\" lang=\"en\">"), "{html}");
    assert_direction(&html, "ltr", "en");
    assert_self_contained(&html);
    assert!(plain.contains("Dear Mr Weber,"), "{plain}");
    assert!(plain.contains("Kind regards,\nMaryam Rahimi\n"), "{plain}");
    assert_eq!(words(&html_body_text(&html)), plain_words(&plain));
    assert_eq!(
        message.header_raw("Content-Language").map(str::trim),
        Some("en")
    );
}

#[test]
fn the_date_header_is_the_cores_mail_date_for_the_letter_date() {
    // A letter dated 2026-11-22 (not today) is dated nine in the morning of that day, local
    // time, as `export::mail_timestamp` says for the CLI and the app alike.
    let dir = tempfile::tempdir().unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for extra in [&[][..], &["--attach-pdf"][..]] {
        let raw = eml(dir.path(), "payment-1", "sample-daniel", extra);
        let message = parse(&raw);
        let sent = message.date().expect("a Date header").to_timestamp();
        if date == chrono::Local::now().date_naive() {
            // Today's letter carries the time it was written: not comparable to the second.
            continue;
        }
        assert_eq!(
            sent,
            marz::export::mail_timestamp(date, chrono::Local::now()),
            "{extra:?}"
        );
        let local = chrono::DateTime::from_timestamp(sent, 0)
            .unwrap()
            .with_timezone(&chrono::Local);
        assert_eq!(local.date_naive(), date);
        assert_eq!(local.format("%H:%M").to_string(), "09:00");
    }
}

/// A card number and a phone in groups, typed into a Persian letter, reach both parts of
/// the e-mail held left to right (LRI … PDI), the same as in the text and the PDF; the شبا,
/// led by its IR, needs no hold.
#[test]
fn numbers_in_groups_are_held_in_both_parts_of_a_persian_e_mail() {
    let dir = tempfile::tempdir().unwrap();
    let details = "payment_details=بانک ملت\nشماره کارت: 6037 9911 2345 6789\nشبا: IR12 0170 0000 0000 1234 5678 90\nتلفن: ۰۲۱-۸۸۱۲-۳۴۵۶";
    let raw = eml(dir.path(), "payment-1", "sample-reza", &["--set", details]);
    let message = parse(&raw);
    let Parts { plain, html } = parts(&message);
    let html = html_body_text(&html);
    for part in [&plain, &html] {
        for held in ["6037 9911 2345 6789", "۰۲۱-۸۸۱۲-۳۴۵۶"] {
            assert!(
                part.contains(&format!("\u{2066}{held}\u{2069}")),
                "{held}: {part}"
            );
        }
        assert!(part.contains("IR12 0170 0000 0000 1234 5678 90"), "{part}");
        assert!(!part.contains("\u{2066}IR12"), "{part}");
    }
}

#[test]
fn hostile_values_are_text_in_both_parts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let profile = write_file(
        dir.path().join("hostile.toml"),
        "id = \"hostile\"\nname = \"<b>x</b>\"\nhonorific = \"ms\"\ncompany = \"{{ y }}\"\ntitle = \"<script>alert(1)</script>\"\nemail = \"h@example.com\"\nlanguage = \"fa\"\n",
    );
    let path = dir.path().join("hostile.eml");
    let raw = eml_from_profile(
        &data,
        &profile,
        &[
            "invoice=&amp; \"q\" 'a' </p>",
            "amount=10",
            "due_date=2026-11-01",
        ],
        &[],
        &path,
    );
    assert_well_formed(&raw);
    let message = parse(&raw);
    assert_eq!(
        message.to().unwrap().first().unwrap().address(),
        Some("h@example.com")
    );
    let Parts { plain, html } = parts(&message);
    // In the markup, escaped: no tag a client or the owner typed survives as a tag.
    assert!(!html.contains("<b>x</b>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("</p> "), "{html}");
    assert!(html.contains("&lt;b&gt;x&lt;&#x2F;b&gt;"), "{html}");
    assert!(html.contains("&amp;amp;"), "{html}");
    // Read back, literally the values, the same as the plain text.
    let text = html_body_text(&html);
    let plain = strip_bidi(&plain);
    for literal in [
        "سرکار خانم <b>x</b>",
        "{{ y }}",
        "<script>alert(1)</script>",
        "&amp; \"q\" 'a' </p>",
    ] {
        assert!(strip_bidi(&text).contains(literal), "«{literal}» in {text}");
        assert!(plain.contains(literal), "«{literal}» in {plain}");
    }
    assert_eq!(words(&text), plain_words(&plain));
    assert_self_contained(&html);

    // The cover note too: its values are data, escaped in the HTML, literal in the text.
    let raw = eml_from_profile(
        &data,
        &profile,
        &[
            "invoice={{ sender.name }} &amp; <i>",
            "amount=10",
            "due_date=2026-11-01",
        ],
        &["--attach-pdf"],
        &path,
    );
    assert_well_formed(&raw);
    let message = parse(&raw);
    let Parts { plain, html } = parts(&message);
    let plain = strip_bidi(&plain);
    let text = strip_bidi(&html_body_text(&html));
    for literal in ["سرکار خانم <b>x</b>", "{{ sender.name }} &amp; <i>"] {
        assert!(plain.contains(literal), "«{literal}» in {plain}");
        assert!(text.contains(literal), "«{literal}» in {text}");
    }
    assert!(!html.contains("<i>") && !html.contains("<b>x"), "{html}");
    assert_eq!(words(&text), plain_words(&plain));
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed (apt-get install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Persian words as pdftotext gives them back: without bidi marks, white space and ZWNJ
/// (see tests/pdf.rs for why).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200C}' | ':' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// How many letters the register holds.
fn recorded(data: &Path) -> usize {
    letters(data).len()
}

fn attachment(message: &Message) -> (String, String, Vec<u8>) {
    assert_eq!(message.attachment_count(), 1);
    let part = message.attachment(0).unwrap();
    let c = part.content_type().unwrap();
    (
        part.attachment_name().unwrap().to_string(),
        format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")),
        part.contents().to_vec(),
    )
}

#[test]
fn attach_pdf_sends_a_persian_cover_note_and_the_same_pdf_an_export_writes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let raw = eml(data, "payment-3", "sample-reza", &["--attach-pdf"]);
    // One letter, one record: the e-mail and its attachment are the same letter.
    assert_eq!(recorded(data), 1);
    assert_well_formed(&raw);
    assert_encoded_headers(&raw);
    let message = parse(&raw);
    let (name, ctype, pdf) = attachment(&message);
    assert_eq!(name, "payment-3_sample-reza_2026-11-22.pdf");
    assert_eq!(ctype, "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");

    // The same bytes as a PDF export of the same letter (written again from the register,
    // under its own number).
    let exported = data.join("exported.pdf");
    run(
        data,
        &[
            "letters",
            "show",
            "NA/1405/001",
            "--format",
            "pdf",
            "--out",
            exported.to_str().unwrap(),
        ],
    );
    assert!(
        std::fs::read(&exported).unwrap() == pdf,
        "the attachment differs from the export"
    );

    // The PDF is the letter.
    let text = squeeze(&pdftotext(&pdf));
    for expected in [
        "جنابآقایرضااحمدی",
        "۱۲٬۵۰۰٬۰۰۰تومان(دوازدهمیلیونوپانصدهزارتومان)",
        "۸آذر۱۴۰۵",
        "NA/۱۴۰۵/۰۰۱",
    ] {
        assert!(
            text.contains(expected),
            "«{expected}» missing in the PDF:\n{text}"
        );
    }

    // The body is the cover note, right to left, in both parts.
    let Parts { plain, html } = parts(&message);
    assert_direction(&html, "rtl", "fa");
    assert_self_contained(&html);
    let plain_read = strip_bidi(&plain);
    for expected in [
        "جناب آقای رضا احمدی\nبا سلام و احترام\n",
        "نامه شماره NA/۱۴۰۵/۰۰۱ مورخ ۱ آذر ۱۴۰۵ به پیوست",
        "موضوع: آخرین مهلت پرداخت صورت‌حساب INV-2041",
        "payment-3_sample-reza_2026-11-22.pdf",
        "با احترام\nمریم رحیمی",
    ] {
        assert!(
            plain_read.contains(expected),
            "«{expected}» missing in:\n{plain}"
        );
    }
    assert!(
        !plain_read.contains("دوازده میلیون"),
        "the letter is in the PDF, not the body"
    );
    // A Latin value inside a Persian line is isolated, so its slashes stay with it.
    assert!(plain.contains("\u{2068}NA/۱۴۰۵/۰۰۱\u{2069}"), "{plain}");
    // A line that is a value by itself stays isolated (so `Acme Ltd.` would keep its full
    // stop in the HTML's right-to-left paragraph), and starts with a right-to-left mark so a
    // plain-text reader still lays it out right to left.
    assert!(
        plain.contains("\n\u{200F}\u{2068}مریم رحیمی\u{2069}\n"),
        "{plain}"
    );
    // Values the letter isolated already are not isolated again.
    assert!(!plain.contains("\u{2068}\u{2068}"), "{plain:?}");
    assert_eq!(words(&html_body_text(&html)), plain_words(&plain));
}

#[test]
fn attach_pdf_in_english_and_letter_body_keeps_the_letter_as_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let raw = eml(data, "payment-1", "sample-daniel", &["--attach-pdf"]);
    assert_well_formed(&raw);
    let message = parse(&raw);
    let (name, _, pdf) = attachment(&message);
    assert_eq!(name, "payment-1_sample-daniel_2026-11-22.pdf");
    let text = words(&pdftotext(&pdf));
    assert!(text.contains("Dear Mr Weber,"), "{text}");
    assert!(text.contains("WD-2026-117"), "{text}");
    let Parts { plain, html } = parts(&message);
    assert_direction(&html, "ltr", "en");
    let plain_read = strip_bidi(&plain);
    assert!(plain_read.starts_with("Dear Mr Weber,\n\nPlease find attached our letter NA/2026/001 of 22 November 2026.\nSubject: Payment reminder for invoice WD-2026-117\nAttachment: payment-1_sample-daniel_2026-11-22.pdf\n"), "{plain}");
    assert_eq!(words(&html_body_text(&html)), plain_words(&plain));

    // --letter-body: the letter is the body, and the PDF is still attached.
    let raw = eml(
        data,
        "payment-1",
        "sample-daniel",
        &["--attach-pdf", "--letter-body"],
    );
    assert_well_formed(&raw);
    let message = parse(&raw);
    attachment(&message);
    let Parts { plain, .. } = parts(&message);
    assert!(plain.starts_with("Mr Daniel Weber\n"), "{plain}");
    assert!(!plain.contains("Please find attached"), "{plain}");
    assert_eq!(recorded(data), 2);
}

#[test]
fn batch_attaches_each_letter_in_its_own_language() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    run(
        &data,
        &[
            "batch",
            "payment-1",
            "--clients",
            "sample-reza,sample-daniel",
            "--date",
            "2026-11-22",
            "--format",
            "eml",
            "--attach-pdf",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    for (client, dir_attr, greeting) in [
        ("sample-reza", "rtl", "با سلام و احترام"),
        ("sample-daniel", "ltr", "Dear Mr Weber,"),
    ] {
        let raw = std::fs::read(out.join(format!("payment-1_{client}_2026-11-22.eml"))).unwrap();
        assert_well_formed(&raw);
        let message = parse(&raw);
        let (name, _, pdf) = attachment(&message);
        assert_eq!(name, format!("payment-1_{client}_2026-11-22.pdf"));
        assert!(pdf.starts_with(b"%PDF-"));
        let Parts { plain, html } = parts(&message);
        assert!(html.contains(&format!("dir=\"{dir_attr}\"")));
        assert!(plain.contains(greeting), "{plain}");
    }
    assert_eq!(recorded(&data), 2);
}

#[test]
fn the_owners_cover_note_is_used_and_a_broken_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    run(data, &["clients", "list"]);
    let cover = data.join("templates/cover");
    std::fs::create_dir_all(&cover).unwrap();
    write_file(
        cover.join("fa.tera"),
        "پیوست: {{ attachment }} برای {{ recipient }}\n",
    );
    let raw = eml(data, "payment-1", "sample-nazanin", &["--attach-pdf"]);
    let message = parse(&raw);
    let plain = strip_bidi(&parts(&message).plain);
    assert!(
        plain.contains(
            "پیوست: payment-1_sample-nazanin_2026-11-22.pdf برای سرکار خانم نازنین کریمی"
        ),
        "{plain}"
    );

    // A cover note that does not compile names its file and line, and nothing is written.
    std::fs::write(cover.join("fa.tera"), "خط اول\n{{ attachment ) }}\n").unwrap();
    let path = data.join("not-written.eml");
    let attach = || {
        let mut cmd = render(data, "payment-1", "sample-nazanin");
        cmd.args(["--format", "eml", "--attach-pdf", "--out"])
            .arg(&path);
        cmd
    };
    refuses(&mut attach(), "templates/cover/fa.tera:2:");
    assert!(!path.exists());
    // A value the note does not have is named.
    std::fs::write(cover.join("fa.tera"), "{{ amount }}\n").unwrap();
    let stderr = refuses(&mut attach(), "amount");
    assert!(stderr.contains("fa.tera"), "{stderr}");
    assert!(!path.exists());
}

#[test]
fn attach_pdf_needs_an_e_mail() {
    let dir = tempfile::tempdir().unwrap();
    refuses(
        render(dir.path(), "payment-1", "sample-reza").arg("--attach-pdf"),
        "--format eml",
    );
    refuses(
        render(dir.path(), "payment-1", "sample-reza").args(["--format", "eml", "--letter-body"]),
        "--attach-pdf",
    );
}

#[test]
fn long_subjects_and_names_are_folded_within_the_line_limit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let profile = dir.path().join("long.toml");
    let long_name = "نام ".repeat(60);
    std::fs::write(
        &profile,
        format!("id = \"long\"\nname = \"{long_name}\"\nemail = \"long@example.com\"\n[facts]\ninvoice = \"{}\"\n", "INV-".repeat(80)),
    )
    .unwrap();
    let path: PathBuf = dir.path().join("long.eml");
    let raw = eml_from_profile(
        &data,
        &profile,
        &["amount=10", "due_date=2026-11-01"],
        &["--attach-pdf"],
        &path,
    );
    assert_well_formed(&raw);
    let message = parse(&raw);
    assert!(message.subject().unwrap().contains(&"INV-".repeat(80)));
    assert_eq!(
        message.to().unwrap().first().unwrap().name().map(str::trim),
        Some(long_name.trim())
    );
}

/// Whether a line's first strong letter outside isolates is right to left, as a plain-text
/// view that takes a paragraph's direction from its first letter decides (UAX #9, P2–P3);
/// `None` for a line with no strong letter outside isolates.
fn reads_right_to_left(line: &str) -> Option<bool> {
    use unicode_bidi::{BidiClass, bidi_class};
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => depth += 1,
            '\u{2069}' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ => match bidi_class(c) {
                BidiClass::R | BidiClass::AL => return Some(true),
                BidiClass::L => return Some(false),
                _ => {}
            },
        }
    }
    None
}

#[test]
fn a_persian_text_export_reads_right_to_left_line_by_line_as_the_plain_part_does() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let txt = data.join("letter.txt");
    succeeded(
        render(data, "payment-3", "sample-reza")
            .args(["--date", "2026-11-22", "--format", "text", "--out"])
            .arg(&txt),
    );
    let text = std::fs::read_to_string(&txt).unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        assert_eq!(reads_right_to_left(line), Some(true), "{line:?}");
    }
    // The register keeps the letter's own text: the marks are the file's only difference,
    // one at the start of each line that needed it, and some did (the letter number's line
    // starts with its Latin prefix, the signature's name is an isolated value).
    let record = json(&run(data, &["letters", "show", "NA/1405/001", "--json"]));
    let kept = record["text"].as_str().unwrap();
    let marked: Vec<&str> = text.lines().collect();
    let plain: Vec<&str> = kept.lines().collect();
    assert_eq!(marked.len(), plain.len());
    let mut needed = 0;
    for (m, p) in marked.iter().zip(&plain) {
        if m != p {
            assert_eq!(m.strip_prefix('\u{200F}'), Some(*p));
            assert_ne!(reads_right_to_left(p), Some(true), "{p:?} was marked");
            needed += 1;
        }
    }
    assert!(needed >= 2, "{needed} lines marked:\n{text}");

    // The e-mail's plain part marks the same lines the same way.
    let raw = eml(data, "payment-3", "sample-reza", &[]);
    let message = parse(&raw);
    let part = message.body_text(0).unwrap().replace("\r\n", "\n");
    let mut shared = 0;
    for line in part.lines().filter(|l| !l.trim().is_empty()) {
        let bare = line.strip_prefix('\u{200F}').unwrap_or(line);
        if let Some(i) = plain.iter().position(|p| *p == bare) {
            assert_eq!(marked[i], line, "{bare:?}");
            shared += 1;
        }
    }
    assert!(shared >= 5, "{shared} lines shared:\n{part}");
}
