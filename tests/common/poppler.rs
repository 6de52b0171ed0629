//! Reading a PDF back with poppler-utils (pdftotext, pdfinfo…), as the PDF and register
//! tests do; .ci/run installs the package.

use std::path::Path;
use std::process::Command;

/// A poppler tool's standard output; the test fails, naming the tool, if it is missing or
/// refuses the file.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
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
pub fn text_of(pdf: &Path) -> String {
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
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200C}' | ':'))
        .collect()
}
