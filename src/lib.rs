//! Marz: the GUI-free core. Profiles and their store, templates and rendering, Persian text,
//! dates and numbers, and export. The binary (`src/main.rs`) is the CLI and the desktop app.

pub mod bidi;
pub mod dates;
pub mod email;
pub mod export;
pub mod fsutil;
pub mod i18n;
pub mod lang;
pub mod letter;
pub mod mail_app;
pub mod money;
pub mod numbers;
pub mod pdf;
pub mod persian;
pub mod print;
pub mod profile;
pub mod register;
pub mod render;
pub mod shape;
pub mod stationery;
pub mod store;
pub mod template;
pub mod tone;

pub use lang::Lang;
pub use letter::Letter;
pub use profile::{Client, Honorific, Sender};
pub use store::Store;
pub use template::{Library, Scenario, Template};
