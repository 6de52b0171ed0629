//! A letter from the sample workspace, as the benchmarks that need one make it.

use chrono::NaiveDate;
use marz::render::{Draft, render};
use marz::store::{sample_clients, sample_sender};
use marz::{Lang, Letter, Library};
use std::collections::BTreeMap;

/// `template` in `lang` with `values`, from the sample sender to the first sample client of
/// that language, dated 22 November 2026 and numbered `number`.
pub fn sample_letter(
    template: &str,
    lang: Lang,
    values: &BTreeMap<String, String>,
    number: &str,
) -> Letter {
    let library = Library::load(None);
    let client = sample_clients()
        .into_iter()
        .find(|c| c.language == lang)
        .unwrap();
    render(&Draft {
        template: library.get(template, lang).unwrap(),
        client: &client,
        sender: &sample_sender(),
        values,
        date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        number: number.to_string(),
    })
    .unwrap()
}
