//! The command line. Every failure becomes one `CliError`, and this is the one place that
//! turns errors into exit codes: 2 for something the user can fix, 1 for a fault of ours.

use chrono::{Local, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};
use marz::email::{Covers, MailOptions};
use marz::export::{self, Format};
use marz::profile::{Client, Sender};
use marz::render::{self, Draft};
use marz::store::{self, HistoryEntry, Store, StoreError};
use marz::template::{InputKind, Library, Template};
use marz::{Lang, Letter, dates, i18n, tone};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "marz",
    version,
    about = "Write the client messages you dread: warm, firm, professional letters in Persian and English.",
    long_about = None,
)]
struct Cli {
    /// The workspace folder (default: $MARZ_DATA_DIR, else the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Language of the letter (default: the client's) and of the listings.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the letter templates.
    Templates {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List, show and import clients.
    #[command(subcommand)]
    Clients(ClientsCommand),
    /// Write a letter from a template for a client.
    Render(RenderArgs),
    /// Write one letter per client into a folder; failures are reported, the rest written.
    Batch(BatchArgs),
    /// Check the tone of a letter: labels, blame, insults, sarcasm, shouting, and
    /// consequences, price increases or endings without their dates and details.
    Check {
        /// The letter as a text file, or - for standard input.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum ClientsCommand {
    /// List every client (unreadable files are reported on stderr).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one client's profile.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Validate a profile file and store it as clients/<id>.toml.
    Import {
        file: PathBuf,
        /// Overwrite an existing client with the same id.
        #[arg(long)]
        replace: bool,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum OutputFormat {
    Text,
    Eml,
    Pdf,
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("recipient").required(true).args(["client", "profile"])))]
struct RenderArgs {
    /// Template id, e.g. payment-3 (see `marz templates`).
    template: String,
    /// Id of a stored client.
    #[arg(long)]
    client: Option<String>,
    /// A client profile file to use without storing it.
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// A form value, NAME=VALUE; repeat for each input.
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = parse_assignment)]
    set: Vec<(String, String)>,
    /// The letter date, YYYY-MM-DD or a Jalali date such as 1405/09/01 (default: today).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// The letter number (default: the next free number in the history).
    #[arg(long)]
    number: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: OutputFormat,
    /// Write to this file (and record the letter in history) instead of stdout.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// A «رونوشت» / cc line; repeat for each.
    #[arg(long, value_name = "TEXT")]
    cc: Vec<String>,
    /// An enclosure to list under «پیوست» / "Enclosures"; repeat for each.
    #[arg(long, value_name = "TEXT")]
    attachment: Vec<String>,
    /// With --format eml: attach the letter as a PDF (named and made like a PDF export);
    /// the body becomes a short cover note from templates/cover/<lang>.tera.
    #[arg(long)]
    attach_pdf: bool,
    /// With --attach-pdf: the body is the letter itself, not the cover note.
    #[arg(long, requires = "attach_pdf")]
    letter_body: bool,
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("recipients").required(true).args(["clients", "all"])))]
struct BatchArgs {
    /// Template id, e.g. price-increase-1.
    template: String,
    /// Client ids, comma separated (the option may repeat).
    #[arg(long, value_name = "ID,ID,…")]
    clients: Vec<String>,
    /// Every client in the workspace.
    #[arg(long)]
    all: bool,
    /// A form value for every letter, NAME=VALUE; repeat for each input.
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = parse_assignment)]
    set: Vec<(String, String)>,
    /// The letter date (default: today).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    #[arg(long, value_enum)]
    format: OutputFormat,
    /// The folder to write one file per client into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// With --format eml: attach the letter as a PDF (named and made like a PDF export);
    /// the body becomes a short cover note from templates/cover/<lang>.tera.
    #[arg(long)]
    attach_pdf: bool,
    /// With --attach-pdf: the body is the letter itself, not the cover note.
    #[arg(long, requires = "attach_pdf")]
    letter_body: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    dates::parse(s).map_err(|e| e.to_string())
}

fn parse_assignment(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!(
            "`{s}` is not NAME=VALUE, e.g. --set amount=12500000"
        )),
    }
}

/// A failure, and whose it is.
enum CliError {
    /// Something the user can fix: exit code 2.
    User(String),
    /// A fault in Marz or the system: exit code 1.
    Internal(String),
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        // The core words the problem (the English interface's sentence); the command line
        // adds what to type to fix it.
        let advice = match &e {
            StoreError::Io { .. } => return CliError::Internal(e.to_string()),
            StoreError::NoClient(_) => Some("run `marz clients list` to see the ids".to_string()),
            StoreError::Exists(_) => Some("or pass --replace to overwrite it".to_string()),
            StoreError::NoSender(_) => {
                Some("create it with at least `name = \"Your name\"` (see the README)".to_string())
            }
            StoreError::NoDataDir => Some("or pass --data-dir DIR".to_string()),
            _ => None,
        };
        CliError::User(advised(&e, advice))
    }
}

/// A problem as the core words it, with the command line's advice after it.
fn advised(problem: &impl std::fmt::Display, advice: Option<String>) -> String {
    match advice {
        Some(advice) => format!("{problem}\n  {advice}"),
        None => problem.to_string(),
    }
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        // No command: the desktop app.
        return finish(open_store(cli.data_dir.as_deref()).and_then(|store| {
            crate::gui::run(store, cli.lang)
                .map_err(|e| CliError::Internal(format!("the window could not be opened: {e}")))
        }));
    };
    if let Command::Check { file, json } = &command {
        // Checking a text needs no workspace.
        return finish(check(file, cli.lang, *json));
    }
    let result = open_store(cli.data_dir.as_deref()).and_then(|store| match command {
        Command::Templates { json } => templates(&store, cli.lang, json),
        Command::Clients(c) => clients(&store, c),
        Command::Render(args) => render_command(&store, cli.lang, args),
        Command::Batch(args) => batch_command(&store, cli.lang, args),
        Command::Check { .. } => unreachable!("handled above"),
    });
    finish(result)
}

fn finish(result: Result<(), CliError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::User(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(CliError::Internal(message)) => {
            eprintln!("internal error: {message}");
            ExitCode::from(1)
        }
    }
}

fn open_store(explicit: Option<&Path>) -> Result<Store, CliError> {
    let dir = store::resolve_data_dir(explicit)?;
    let (store, created) = Store::open(dir)?;
    if created {
        eprintln!(
            "{}",
            i18n::Locale::get(Lang::En).text_with(
                "sample-workspace-created",
                &[("dir", &store.root().display().to_string())]
            )
        );
    }
    Ok(store)
}

fn load_library(store: &Store) -> Library {
    let library = Library::load(Some(&store.root().join("templates")));
    for problem in &library.problems {
        eprintln!("warning: template skipped: {problem}");
    }
    library
}

fn print(text: &str) -> Result<(), CliError> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`marz … | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Internal(format!("writing to stdout: {e}"))),
    }
}

fn to_json(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("plain data serialises");
    text.push('\n');
    text
}

fn templates(store: &Store, lang: Option<Lang>, as_json: bool) -> Result<(), CliError> {
    let library = load_library(store);
    let langs: Vec<Lang> = match lang {
        Some(l) => vec![l],
        None => Lang::ALL.to_vec(),
    };
    let list: Vec<&Template> = langs.iter().flat_map(|&l| library.for_lang(l)).collect();
    if as_json {
        let items: Vec<_> = list
            .iter()
            .map(|t| {
                json!({
                    "id": t.meta.id,
                    "lang": t.lang,
                    "title": t.meta.title,
                    "scenario": t.meta.scenario,
                    "level": t.meta.level,
                    "description": t.meta.description,
                    "subject": t.meta.subject,
                    "inputs": t.meta.inputs,
                    "built_in": t.origin.is_built_in(),
                    "file": t.origin.path(),
                })
            })
            .collect();
        return print(&to_json(&items));
    }
    let mut out = String::new();
    for t in list {
        out.push_str(&format!(
            "{:<20} {:<3} {:<15} {}  {}{}\n",
            t.meta.id,
            t.lang.code(),
            t.meta.scenario.code(),
            t.meta.level.map_or("-".to_string(), |l| l.to_string()),
            t.meta.title,
            if t.origin.is_built_in() {
                ""
            } else {
                "  (yours)"
            }
        ));
    }
    print(&out)
}

fn clients(store: &Store, command: ClientsCommand) -> Result<(), CliError> {
    match command {
        ClientsCommand::List { json } => {
            let list = store.load_clients()?;
            for problem in &list.problems {
                eprintln!("warning: client file skipped: {problem}");
            }
            if json {
                return print(&to_json(&list.clients));
            }
            let mut out = String::new();
            for c in &list.clients {
                let company = c.company.as_deref().unwrap_or("");
                out.push_str(&format!(
                    "{:<24} {:<3} {}{}\n",
                    c.id,
                    c.language.code(),
                    c.name,
                    if company.is_empty() {
                        String::new()
                    } else {
                        format!(" — {company}")
                    }
                ));
            }
            if list.clients.is_empty() {
                out.push_str("No clients yet: add one with `marz clients import FILE`.\n");
            }
            print(&out)
        }
        ClientsCommand::Show { id, json } => {
            let client = store.load_client(&id)?;
            if json {
                print(&to_json(&client))
            } else {
                print(&client.to_toml())
            }
        }
        ClientsCommand::Import { file, replace } => {
            let client = store.import_client(&file, replace)?;
            eprintln!(
                "Imported `{}` ({}) into {}",
                client.id,
                client.name,
                store.client_path(&client.id).display()
            );
            Ok(())
        }
    }
}

fn load_recipient(store: &Store, args: &RenderArgs) -> Result<Client, CliError> {
    if let Some(id) = &args.client {
        return Ok(store.load_client(id)?);
    }
    let path = args
        .profile
        .as_ref()
        .expect("clap requires --client or --profile");
    let text = std::fs::read_to_string(path).map_err(|source| {
        CliError::from(StoreError::Io {
            path: path.clone(),
            source,
        })
    })?;
    Client::from_toml(&text, path).map_err(|e| CliError::User(e.to_string()))
}

fn find_template<'a>(library: &'a Library, id: &str, lang: Lang) -> Result<&'a Template, CliError> {
    if let Some(t) = library.get(id, lang) {
        return Ok(t);
    }
    if let Some(problem) = library.problem_for(id) {
        return Err(CliError::User(format!(
            "template `{id}` could not be loaded: {problem}"
        )));
    }
    let others = library.languages_of(id);
    if others.is_empty() {
        Err(CliError::User(format!(
            "no template `{id}`: run `marz templates` to see the ids"
        )))
    } else {
        let codes: Vec<&str> = others.iter().map(|l| l.code()).collect();
        Err(CliError::User(format!(
            "template `{id}` has no {lang} version (it exists in: {}); pass --lang {}",
            codes.join(", "),
            codes[0]
        )))
    }
}

/// What every letter of a `render` or `batch` shares.
struct LetterJob<'a> {
    store: &'a Store,
    library: &'a Library,
    sender: &'a Sender,
    lang: Option<Lang>,
    template: &'a str,
    values: BTreeMap<String, String>,
    date: NaiveDate,
    number: Option<String>,
    copies: Vec<String>,
    attachments: Vec<String>,
}

impl LetterJob<'_> {
    fn letter_for(&self, client: &Client) -> Result<Letter, CliError> {
        let lang = self.lang.unwrap_or(client.language);
        let template = find_template(self.library, self.template, lang)?;
        let number = self.number.clone().unwrap_or_else(|| {
            self.store
                .next_letter_number(self.sender.letter_prefix.as_deref(), self.date, lang)
        });
        let draft = Draft {
            template,
            client,
            sender: self.sender,
            values: &self.values,
            date: self.date,
            number,
        };
        let mut letter = render::render(&draft).map_err(|e| match e {
            render::RenderError::Input(input) => CliError::User(with_input_hint(template, input)),
            other => CliError::User(other.to_string()),
        })?;
        letter.copies = self.copies.clone();
        letter.attachments = self.attachments.clone();
        Ok(letter)
    }
}

fn values_from(set: &[(String, String)]) -> Result<BTreeMap<String, String>, CliError> {
    let mut values = BTreeMap::new();
    for (name, value) in set {
        if values.insert(name.clone(), value.clone()).is_some() {
            return Err(CliError::User(format!("--set {name}=… is given twice")));
        }
    }
    Ok(values)
}

/// What the command line suggests when the cover note cannot be used.
const LETTER_BODY_ADVICE: &str = "or pass --letter-body to send the letter itself as the body";

fn export_error(e: export::ExportError) -> CliError {
    let advice = match &e {
        export::ExportError::Cover(_) => LETTER_BODY_ADVICE,
        export::ExportError::Write { .. } => "check that the folder exists and is writable",
        export::ExportError::NoRecipient(id) => {
            return CliError::User(advised(
                &e,
                Some(format!(
                    "add `email = \"…\"` to clients/{id}.toml, or pass --format text"
                )),
            ));
        }
        export::ExportError::NoSender => {
            "add `email = \"…\"` to sender.toml, or pass --format text"
        }
        export::ExportError::Pdf(_) => return CliError::Internal(e.to_string()),
    };
    CliError::User(advised(&e, Some(advice.to_string())))
}

fn format_of(format: OutputFormat) -> Format {
    match format {
        OutputFormat::Text => Format::Text,
        OutputFormat::Eml => Format::Eml,
        OutputFormat::Pdf => Format::Pdf,
    }
}

/// How e-mails go out: `--attach-pdf` (only with `--format eml`), `--letter-body`, and the
/// cover notes, the owner's where the workspace has them.
fn mail_options(
    store: &Store,
    format: Format,
    attach_pdf: bool,
    letter_as_body: bool,
) -> Result<MailOptions, CliError> {
    if attach_pdf && format != Format::Eml {
        return Err(CliError::User(
            "--attach-pdf attaches the PDF to an e-mail: add --format eml".to_string(),
        ));
    }
    // The owner's cover notes are read only when one will be the body.
    let covers = if attach_pdf && !letter_as_body {
        Covers::load(Some(&store.root().join("templates")))
            .map_err(|e| CliError::User(advised(&e, Some(LETTER_BODY_ADVICE.to_string()))))?
    } else {
        Covers::built_in()
    };
    Ok(MailOptions {
        attach_pdf,
        letter_as_body,
        covers,
    })
}

/// An exporter with the letterhead logo loaded when (and only when) a PDF needs it.
fn exporter_for(
    store: &Store,
    sender: &Sender,
    format: Format,
    mail: &MailOptions,
) -> Result<export::Exporter, CliError> {
    let logo = if format == Format::Pdf || mail.attach_pdf {
        store.load_logo(sender)?
    } else {
        None
    };
    Ok(export::Exporter::new(logo))
}

fn render_command(store: &Store, lang: Option<Lang>, args: RenderArgs) -> Result<(), CliError> {
    let client = load_recipient(store, &args)?;
    let sender = store.load_sender()?;
    let library = load_library(store);
    let job = LetterJob {
        store,
        library: &library,
        sender: &sender,
        lang,
        template: &args.template,
        values: values_from(&args.set)?,
        date: args.date.unwrap_or_else(|| Local::now().date_naive()),
        number: args.number.clone(),
        copies: args.cc.clone(),
        attachments: args.attachment.clone(),
    };
    let letter = job.letter_for(&client)?;
    let format = format_of(args.format);
    if format == Format::Pdf && args.out.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::User(
            "a PDF is binary and would garble the terminal: pass --out FILE.pdf".to_string(),
        ));
    }
    let mail = mail_options(store, format, args.attach_pdf, args.letter_body)?;
    let exporter = exporter_for(store, &sender, format, &mail)?;
    let timestamp = export::mail_timestamp(job.date, Local::now());
    match &args.out {
        None => {
            let bytes = exporter
                .bytes_with(&letter, format, &mail, timestamp)
                .map_err(export_error)?;
            print_bytes(&bytes)
        }
        Some(path) => {
            exporter
                .write_with(&letter, format, &mail, path, timestamp)
                .map_err(export_error)?;
            record(store, &letter, path)?;
            eprintln!("Wrote {}", path.display());
            Ok(())
        }
    }
}

fn batch_command(store: &Store, lang: Option<Lang>, args: BatchArgs) -> Result<(), CliError> {
    let sender = store.load_sender()?;
    let library = load_library(store);
    if !args.out.is_dir() {
        return Err(CliError::User(format!(
            "{} is not a folder: create it first, or choose an existing one",
            args.out.display()
        )));
    }
    // The recipients: every client, or the ids given. An unreadable client file counts as a
    // failure, reported here; the others are still written.
    let mut failed = 0usize;
    let ids: Vec<String> = if args.all {
        let list = store.load_clients()?;
        for problem in &list.problems {
            eprintln!("failed: {problem}");
            failed += 1;
        }
        list.clients.iter().map(|c| c.id.clone()).collect()
    } else {
        args.clients
            .iter()
            .flat_map(|c| c.split(','))
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    };
    if ids.is_empty() && failed == 0 {
        return Err(CliError::User(
            "no clients to write to: pass --clients ID,ID,… or --all".to_string(),
        ));
    }
    let job = LetterJob {
        store,
        library: &library,
        sender: &sender,
        lang,
        template: &args.template,
        values: values_from(&args.set)?,
        date: args.date.unwrap_or_else(|| Local::now().date_naive()),
        number: None,
        copies: Vec::new(),
        attachments: Vec::new(),
    };
    let format = format_of(args.format);
    let mail = mail_options(store, format, args.attach_pdf, args.letter_body)?;
    let exporter = exporter_for(store, &sender, format, &mail)?;
    let timestamp = export::mail_timestamp(job.date, Local::now());
    let mut written = 0usize;
    for id in &ids {
        let result = store
            .load_client(id)
            .map_err(CliError::from)
            .and_then(|client| job.letter_for(&client))
            .and_then(|letter| {
                let path = args.out.join(export::default_file_name(&letter, format));
                exporter
                    .write_with(&letter, format, &mail, &path, timestamp)
                    .map_err(export_error)?;
                record(store, &letter, &path)?;
                Ok(path)
            });
        match result {
            Ok(path) => {
                written += 1;
                eprintln!("wrote {}", path.display());
            }
            Err(CliError::User(reason) | CliError::Internal(reason)) => {
                failed += 1;
                eprintln!("failed: {id}: {}", reason.replace('\n', " "));
            }
        }
    }
    eprintln!(
        "{written} of {} letters written to {}{}",
        written + failed,
        args.out.display(),
        if failed > 0 {
            format!("; {failed} failed (see above)")
        } else {
            String::new()
        }
    );
    if failed > 0 {
        Err(CliError::User(format!(
            "{failed} letter(s) could not be written; fix the problems listed above and run the batch again for those clients"
        )))
    } else {
        Ok(())
    }
}

/// Adds to an input error how to give the value on the command line, and what kind of
/// value the input takes.
fn with_input_hint(template: &Template, error: render::InputError) -> String {
    let name = match &error {
        render::InputError::Missing { name, .. } | render::InputError::Invalid { name, .. } => {
            name.clone()
        }
        render::InputError::Unknown { .. } => return error.to_string(),
    };
    let takes = template
        .input(&name)
        .map(|spec| match (spec.kind, spec.range) {
            (_, Some([min, max])) => format!("a whole number from {min} to {max}"),
            (InputKind::Money | InputKind::Number, None) => {
                "a number, e.g. 12500000 or ۱۲٬۵۰۰٬۰۰۰".to_string()
            }
            (InputKind::Days, None) => "a whole number of days, e.g. 14".to_string(),
            (InputKind::Date, _) => {
                "a date: 2026-12-01, 1405/09/10, or +7 for a week after the letter date".to_string()
            }
            (InputKind::Choice, _) => {
                let values: Vec<&str> = spec.choices.iter().map(|c| c.value.as_str()).collect();
                format!("one of: {}", values.join(", "))
            }
            (InputKind::Text | InputKind::Multiline, _) => "any text".to_string(),
        });
    let mut advice = format!("pass --set {name}=VALUE");
    if let Some(takes) = takes {
        advice.push_str(&format!("; `{name}` takes {takes}"));
    }
    advised(&error, Some(advice))
}

fn record(store: &Store, letter: &Letter, path: &Path) -> Result<(), CliError> {
    store.record(&HistoryEntry::of(letter, path))?;
    Ok(())
}

fn check(file: &Path, lang: Option<Lang>, as_json: bool) -> Result<(), CliError> {
    let (name, text) = if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| CliError::User(format!("standard input: {e}")))?;
        ("<stdin>".to_string(), text)
    } else {
        let text = std::fs::read_to_string(file).map_err(|e| {
            CliError::User(format!(
                "{}: {e} (give the path of a UTF-8 text file)",
                file.display()
            ))
        })?;
        (file.display().to_string(), text)
    };
    let lang = lang.unwrap_or_else(|| tone::detect_lang(&text));
    let findings = tone::check(&text, lang);
    if as_json {
        let items: Vec<_> = findings
            .iter()
            .map(|f| {
                let (line, column) = marz::profile::line_column(&text, f.span.start);
                json!({
                    "rule": f.rule,
                    "severity": f.severity,
                    "start": f.span.start,
                    "end": f.span.end,
                    "line": line,
                    "column": column,
                    "text": f.text,
                    "replacement": f.replacement,
                    "title": f.rule.title(lang),
                    "advice": f.rule.advice(lang),
                })
            })
            .collect();
        return print(&to_json(&items));
    }
    let mut out = String::new();
    for f in &findings {
        let (line, column) = marz::profile::line_column(&text, f.span.start);
        out.push_str(&format!(
            "{name}:{line}:{column}: {} [{}] {}: «{}»\n    {}\n",
            f.severity.title(lang),
            f.rule.code(),
            f.rule.title(lang),
            f.text.trim(),
            f.rule.advice(lang)
        ));
        if let Some(r) = &f.replacement {
            out.push_str(&format!("    → «{r}»\n"));
        }
    }
    if findings.is_empty() {
        out.push_str(&i18n::Locale::get(lang).text("tone-no-findings"));
        out.push('\n');
    } else {
        out.push_str(&format!("{} finding(s)\n", findings.len()));
    }
    print(&out)
}
