//! A large workspace for the benchmarks: 10,000 clients and 10,000 letters, the letters
//! as `history/*.toml` files (as an existing workspace's would be), taken over on the first
//! open of the register.

use chrono::NaiveDate;
use marz::render::{Draft, render};
use marz::store::Store;
use marz::{Client, Honorific, Lang, Library};
use std::collections::BTreeMap;
use std::path::Path;

pub const CLIENTS: usize = 10_000;
pub const LETTERS: usize = 10_000;

const FIRST: [&str; 8] = [
    "رضا",
    "نازنین",
    "علی",
    "مریم",
    "سارا",
    "حمید",
    "لیلا",
    "کاوه",
];
const LAST: [&str; 8] = [
    "احمدی",
    "کریمی",
    "رستمی",
    "نوری",
    "صالحی",
    "مرادی",
    "کاظمی",
    "یزدانی",
];

fn client(i: usize) -> Client {
    let mut c = Client::new(
        &format!("client-{i:05}"),
        &format!("{} {} {i}", FIRST[i % 8], LAST[(i / 8) % 8]),
    );
    c.honorific = if i.is_multiple_of(2) {
        Honorific::Mr
    } else {
        Honorific::Ms
    };
    c.company = Some(format!("شرکت نمونه {i}"));
    c.email = Some(format!("c{i}@example.com"));
    if i.is_multiple_of(5) {
        c.language = Lang::En;
        c.name = format!("Client Number {i}");
    }
    c
}

/// A letter as the old `history/*.toml` kept it.
#[derive(serde::Serialize)]
struct HistoryEntry {
    number: String,
    date: &'static str,
    client: String,
    template: &'static str,
    lang: &'static str,
    subject: String,
    text: String,
}

/// A workspace with the sample sender, `CLIENTS` clients and `LETTERS` letters in history/.
pub fn big_workspace(root: &Path) -> Store {
    let (store, _) = Store::open(root).unwrap();
    let library = Library::load(None);
    let sender = store.load_sender().unwrap();
    let clients: Vec<Client> = (0..CLIENTS).map(client).collect();
    for c in &clients {
        std::fs::write(store.client_path(&c.id), c.to_toml()).unwrap();
    }
    let history = root.join("history");
    std::fs::create_dir_all(&history).unwrap();
    let templates = [
        "payment-1",
        "payment-2",
        "payment-3",
        "respect-1",
        "scope-1",
    ];
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let (mut fa, mut en) = (0, 0);
    for i in 0..LETTERS {
        let client = &clients[(i * 7) % CLIENTS];
        let id = templates[i % templates.len()];
        let template = library.get(id, client.language).unwrap();
        let values: BTreeMap<String, String> = [
            ("invoice", format!("INV-{i}")),
            ("amount", format!("{}", 1_000_000 + i * 1000)),
            ("due_date", "2026-11-01".to_string()),
            ("incident", format!("جلسه {i}")),
            ("incident_date", "2026-11-01".to_string()),
            ("behaviour", "صدای بلند".to_string()),
            ("staff", "سارا".to_string()),
            ("request", format!("طراحی صفحه {i}")),
            ("contract_scope", "طراحی لوگو".to_string()),
            ("price", "5000000".to_string()),
            ("days", "7".to_string()),
        ]
        .into_iter()
        .filter(|(name, _)| template.input(name).is_some())
        .map(|(n, v)| (n.to_string(), v))
        .collect();
        let (n, year) = match client.language {
            Lang::Fa => {
                fa += 1;
                (fa, "۱۴۰۵")
            }
            Lang::En => {
                en += 1;
                (en, "2026")
            }
        };
        let number = marz::numbers::localize_digits(&format!("NA/{year}/{n:03}"), client.language);
        let letter = render(&Draft {
            template,
            client,
            sender: &sender,
            values: &values,
            date,
            number,
        })
        .unwrap();
        let entry = HistoryEntry {
            number: letter.number.clone(),
            date: "2026-11-22",
            client: client.id.clone(),
            template: id,
            lang: client.language.code(),
            subject: letter.subject.clone(),
            text: letter.to_text(),
        };
        std::fs::write(
            history.join(format!("{i:06}.toml")),
            toml::to_string(&entry).unwrap(),
        )
        .unwrap();
    }
    store
}
