//! Writes a sample letter's Typst template and input JSON to a folder, so that the same
//! letter can be typeset by another Typst front end (the typst CLI, or PyPI's `typst`) and
//! timed against Marz's embedded engine:
//!
//! ```sh
//! cargo run --release --example typst_inputs -- /tmp/letter
//! ```

use chrono::NaiveDate;
use marz::pdf::{template_input, template_source};
use marz::render::{Draft, render};
use marz::store::{sample_clients, sample_sender};
use marz::{Lang, Library};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "typst-letter".into()),
    );
    std::fs::create_dir_all(&dir).expect("create the output folder");
    let library = Library::load(None);
    let client = sample_clients()
        .into_iter()
        .find(|c| c.language == Lang::Fa)
        .unwrap();
    let letter = render(&Draft {
        template: library.get("payment-3", Lang::Fa).unwrap(),
        client: &client,
        sender: &sample_sender(),
        values: &BTreeMap::new(),
        date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        number: "NA/1405/001".to_string(),
    })
    .unwrap();
    std::fs::write(dir.join("letter.typ"), template_source()).unwrap();
    std::fs::write(
        dir.join("letter.json"),
        template_input(&letter, marz::stationery::PageLayout::PLAIN),
    )
    .unwrap();
    println!("wrote {}/letter.typ and letter.json", dir.display());
}
