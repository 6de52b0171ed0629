//! The command line. Every failure becomes one `CliError`, and this is the one place that
//! turns errors into exit codes: 2 for something the user can fix, 1 for a fault of ours.

use chrono::{Local, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};
use marz::email::{Covers, MailOptions};
use marz::export::{self, Format};
use marz::profile::{Client, Sender};
use marz::register::{
    self, Destination, Filter, Plan, Register, RegisterError, SendError, SendRequest, Status,
    ThreadPick, Typeset,
};
use marz::render;
use marz::stationery::ImageError;
use marz::store::{self, Store, StoreError};
use marz::template::{InputKind, Library, Scenario, Template};
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
    /// The register of letters that left: list, search, show, void, resolve, export.
    #[command(subcommand)]
    Letters(LettersCommand),
    /// Open threads whose follow-up date has passed, and the letter to send next.
    Next {
        /// Only this client's threads.
        #[arg(long)]
        client: Option<String>,
        /// The day to look from (default: today), YYYY-MM-DD or 1405/09/01.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
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

#[derive(Subcommand, Debug)]
enum LettersCommand {
    /// The register, newest first.
    List {
        /// Only letters to this client.
        #[arg(long)]
        client: Option<String>,
        /// Words of the text, subject, number or client name (ی/ي, ک/ك, ZWNJ and spacing
        /// ignored).
        #[arg(long)]
        search: Option<String>,
        /// Only this scenario (payment, respect, …).
        #[arg(long, value_parser = parse_scenario)]
        scenario: Option<Scenario>,
        /// Only letters with this status: sent, void or resolved.
        #[arg(long)]
        status: Option<Status>,
        /// Only the letters of this thread.
        #[arg(long)]
        thread: Option<i64>,
        /// At most this many letters.
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// One letter exactly as it left; with --out, written to a file again under its own number.
    Show {
        /// The letter number (any digits), or id:N.
        number: String,
        #[arg(long)]
        json: bool,
        /// Write the letter to this file again (the register is not changed); `-` is
        /// standard output.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// [default: from --out's extension (.pdf, .eml), else text]
        #[arg(long, value_enum)]
        format: Option<OutputFormat>,
    },
    /// Mark a letter sent by mistake as void; it keeps its number.
    Void {
        number: String,
        /// Why it is void.
        #[arg(long)]
        reason: String,
    },
    /// Mark the letter's thread resolved (paid, settled, ended).
    Resolve {
        number: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Write the whole register as CSV.
    Export { file: PathBuf },
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
    /// A number for a preview (without --out); exported letters take theirs from the register.
    #[arg(long)]
    number: Option<String>,
    /// Continue this thread (when the client has several open in the scenario).
    #[arg(long, value_name = "ID", conflicts_with_all = ["reply_to", "new_thread"])]
    thread: Option<i64>,
    /// Follow this letter: cite it and continue its thread.
    #[arg(long, value_name = "NUMBER", conflicts_with = "new_thread")]
    reply_to: Option<String>,
    /// Start a new thread even when one is open.
    #[arg(long)]
    new_thread: bool,
    /// [default: from --out's extension (.pdf, .eml), else text]
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Write to this file and record the letter in the register; `-` is standard output,
    /// a preview as without --out (nothing is recorded).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// A «رونوشت» / cc line; repeat for each.
    #[arg(long, value_name = "TEXT")]
    cc: Vec<String>,
    /// An enclosure to list under «پیوست» / "Enclosures"; repeat for each.
    #[arg(long, value_name = "TEXT")]
    attachment: Vec<String>,
    #[command(flatten)]
    mail: MailArgs,
    #[command(flatten)]
    marks: MarkArgs,
    /// Also send the PDF to the default printer (needs --format pdf and --out, so the
    /// letter is kept and recorded first).
    #[arg(long, requires = "out")]
    print: bool,
}

/// How an e-mail carries the letter.
#[derive(Args, Debug, Clone, Copy)]
struct MailArgs {
    /// With --format eml: attach the letter as a PDF (named and made like a PDF export);
    /// the body becomes a short cover note from templates/cover/<lang>.tera.
    #[arg(long)]
    attach_pdf: bool,
    /// With --attach-pdf: the body is the letter itself, not the cover note.
    #[arg(long, requires = "attach_pdf")]
    letter_body: bool,
}

/// Leaving the owner's signature or stamp image off a PDF letter.
#[derive(Args, Debug, Clone, Copy)]
struct MarkArgs {
    /// Leave the signature image off (a draft for review, an e-mailed copy).
    #[arg(long)]
    no_signature: bool,
    /// Leave the stamp (مهر) off.
    #[arg(long)]
    no_stamp: bool,
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
    #[command(flatten)]
    mail: MailArgs,
    #[command(flatten)]
    marks: MarkArgs,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

fn parse_scenario(s: &str) -> Result<Scenario, String> {
    Scenario::ALL
        .into_iter()
        .find(|sc| sc.code() == s)
        .ok_or_else(|| {
            let codes: Vec<&str> = Scenario::ALL.iter().map(|sc| sc.code()).collect();
            format!("`{s}` is not a scenario: use one of {}", codes.join(", "))
        })
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
#[derive(Clone)]
enum CliError {
    /// Something the user can fix: exit code 2.
    User(String),
    /// A fault in Marz or the system: exit code 1.
    Internal(String),
}

impl From<ImageError> for CliError {
    fn from(e: ImageError) -> Self {
        // The core names the image and the file; the command line names the line of
        // sender.toml to change.
        let field = e.field();
        let advice = match &e {
            ImageError::Missing { .. } => {
                format!(
                    "put the file there, or correct or remove the `{field}` line of sender.toml"
                )
            }
            ImageError::Unreadable { .. } => {
                format!("check the file's permissions, or remove the `{field}` line of sender.toml")
            }
            ImageError::Unsupported { .. } | ImageError::Damaged { .. } => {
                format!("point the `{field}` line of sender.toml at a PNG or JPEG file")
            }
        };
        CliError::User(advised(&e, Some(advice)))
    }
}

impl From<marz::print::PrintError> for CliError {
    fn from(e: marz::print::PrintError) -> Self {
        use marz::print::PrintError;
        let advice = match &e {
            PrintError::NoPrintingSystem { .. } => Some("install CUPS (the `cups` package)"),
            PrintError::NotRunning { .. } => Some("start CUPS, e.g. `sudo systemctl start cups`"),
            PrintError::NoDefaultPrinter => Some("or run `lpoptions -d PRINTER`"),
            PrintError::Refused { .. } | PrintError::Failed { .. } => None,
        };
        CliError::User(advised(&e, advice.map(str::to_string)))
    }
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

impl From<RegisterError> for CliError {
    fn from(e: RegisterError) -> Self {
        // The core words the problem; the command line adds which command or flag helps.
        let e = match e {
            RegisterError::Export(export) => return export_error(export),
            other => other,
        };
        let advice = match &e {
            RegisterError::Sqlite { .. } | RegisterError::Io { .. } => {
                return CliError::Internal(e.to_string());
            }
            RegisterError::Export(_) => None,
            RegisterError::NoLetter(_) => Some("`marz letters list` shows the numbers"),
            RegisterError::Ambiguous { .. } => {
                Some("name one by its id, e.g. `marz letters show id:N`")
            }
            RegisterError::NoReason => Some("pass --reason TEXT"),
            RegisterError::Void(_) => Some("pass --reply-to with a letter that was sent"),
            RegisterError::NoThread(_) => {
                Some("`marz letters list --json` shows each letter's thread")
            }
            RegisterError::OtherClient { .. } => {
                Some("check --thread or --reply-to, or leave them out to let Marz pick")
            }
            RegisterError::Resolved { .. } => {
                Some("leave out --thread and --reply-to, or pass --new-thread")
            }
            RegisterError::TextOnly(_) => Some("pass --format text"),
            RegisterError::Corrupt { .. }
            | RegisterError::Newer { .. }
            | RegisterError::AlreadyVoid { .. } => None,
        };
        CliError::User(advised(&e, advice.map(str::to_string)))
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
        Command::Letters(c) => letters(&store, c),
        Command::Next { client, date, json } => next(&store, client, date, json),
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
    library: &'a Library,
    sender: &'a Sender,
    lang: Option<Lang>,
    template: &'a str,
    values: BTreeMap<String, String>,
    date: NaiveDate,
    copies: Vec<String>,
    attachments: Vec<String>,
    thread: ThreadPick,
    /// How e-mails go out (`--attach-pdf`, `--letter-body`).
    mail: MailOptions,
    /// `--no-signature`, `--no-stamp`.
    marks: MarkArgs,
}

impl<'a> LetterJob<'a> {
    fn plan<'c>(&self, register: &Register, client: &'c Client) -> Result<Plan<'c>, CliError>
    where
        'a: 'c,
    {
        let lang = self.lang.unwrap_or(client.language);
        let template = find_template(self.library, self.template, lang)?;
        let mut plan = register.plan(
            template,
            client,
            self.sender,
            &self.values,
            self.date,
            self.thread,
        )?;
        plan.copies = self.copies.clone();
        plan.attachments = self.attachments.clone();
        Ok(plan)
    }

    /// The planned letter under `number`, with the signature and stamp as asked.
    fn render(&self, plan: &Plan, number: &str) -> Result<Letter, render::RenderError> {
        let mut letter = plan.render(number)?;
        self.mark(&mut letter);
        Ok(letter)
    }

    fn mark(&self, letter: &mut Letter) {
        letter.with_signature = !self.marks.no_signature;
        letter.with_stamp = !self.marks.no_stamp;
    }

    /// What `Register::send` needs for a letter of `plan`.
    fn request(&self, plan: &Plan, destination: Destination, timestamp: i64) -> SendRequest {
        SendRequest {
            mail: self.mail.clone(),
            ..plan.request(destination, timestamp)
        }
    }

    /// Exports one client's letter through the register.
    fn send(
        &self,
        register: &mut Register,
        exporter: &export::Exporter,
        client: &Client,
        destination: Destination,
    ) -> Result<register::Sent, CliError> {
        let plan = self.plan(register, client)?;
        let timestamp = export::mail_timestamp(self.date, Local::now());
        let request = self.request(&plan, destination, timestamp);
        register
            .send(exporter, self.library, request, |number| {
                self.render(&plan, number)
            })
            .map_err(|e| send_error(plan.template, e))
    }
}

fn render_error(template: &Template, e: render::RenderError) -> CliError {
    match e {
        render::RenderError::Input(input) => CliError::User(with_input_hint(template, input)),
        other => CliError::User(other.to_string()),
    }
}

fn send_error(template: &Template, e: SendError) -> CliError {
    match e {
        SendError::Render(r) => render_error(template, r),
        SendError::Export(x) => export_error(x),
        SendError::Register(r) => r.into(),
        SendError::Print(p) => p.into(),
        SendError::NotSaved { ref number, .. } => {
            let advice = format!("write it again with `marz letters show {number} --out FILE`");
            CliError::User(advised(&e, Some(advice)))
        }
    }
}

/// Opens the register, telling the owner what the first open took over from `history/`.
fn open_register(store: &Store) -> Result<Register, CliError> {
    let register = store.register()?;
    if let Some(takeover) = register.takeover() {
        for (path, reason) in &takeover.skipped {
            eprintln!(
                "warning: {} could not be read and was not imported (it is left as it is): {reason}",
                path.display()
            );
        }
        eprintln!(
            "Imported {} letter(s) from history/ into {} (the files stay where they are).",
            takeover.imported,
            register.path().display()
        );
    }
    Ok(register)
}

/// The thread the options name.
fn thread_pick(register: &Register, args: &RenderArgs) -> Result<ThreadPick, CliError> {
    Ok(if let Some(id) = args.thread {
        ThreadPick::Thread(id)
    } else if let Some(number) = &args.reply_to {
        ThreadPick::ReplyTo(register.find(number)?.id)
    } else if args.new_thread {
        ThreadPick::New
    } else {
        ThreadPick::Auto
    })
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
        export::ExportError::Image(image) => return CliError::from(image.clone()),
    };
    CliError::User(advised(&e, Some(advice.to_string())))
}

/// The format asked for, else the one `--out`'s extension names (`letter.pdf` is a PDF, not
/// text under a PDF's name), else text.
fn chosen_format(format: Option<OutputFormat>, out: Option<&Path>) -> Format {
    if let Some(format) = format {
        return format_of(format);
    }
    let extension = out
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("pdf") => Format::Pdf,
        Some("eml") => Format::Eml,
        _ => Format::Text,
    }
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
fn mail_options(store: &Store, format: Format, mail: MailArgs) -> Result<MailOptions, CliError> {
    let MailArgs {
        attach_pdf,
        letter_body: letter_as_body,
    } = mail;
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

/// An exporter with the owner's letterhead, signature, stamp and logo loaded when (and
/// only when) a PDF is made (a PDF export or one attached to an e-mail). All are loaded
/// even for --no-signature or --no-stamp: the letter keeps their room, so its pages are
/// those of the copy with them.
fn exporter_for(
    store: &Store,
    sender: &Sender,
    format: Format,
    mail: &MailOptions,
) -> Result<export::Exporter, CliError> {
    if format != Format::Pdf && !mail.attach_pdf {
        return Ok(export::Exporter::default());
    }
    Ok(export::Exporter::new(store.load_stationery(sender)?))
}

fn render_command(store: &Store, lang: Option<Lang>, args: RenderArgs) -> Result<(), CliError> {
    let client = load_recipient(store, &args)?;
    let sender = store.load_sender()?;
    let library = load_library(store);
    let mut register = open_register(store)?;
    let format = chosen_format(args.format, args.out.as_deref());
    let job = LetterJob {
        library: &library,
        sender: &sender,
        lang,
        template: &args.template,
        values: values_from(&args.set)?,
        date: args.date.unwrap_or_else(|| Local::now().date_naive()),
        copies: args.cc.clone(),
        attachments: args.attachment.clone(),
        thread: thread_pick(&register, &args)?,
        mail: mail_options(store, format, args.mail)?,
        marks: args.marks,
    };
    if args.print && format != Format::Pdf {
        return Err(CliError::User(
            "--print prints PDF letters: add --format pdf".to_string(),
        ));
    }
    // `--out -` is standard output: the same preview as no `--out`, nothing recorded.
    let out = args.out.as_ref().filter(|p| !is_stdout(p));
    if args.print && out.is_none() {
        return Err(CliError::User(
            "--print prints a letter saved to a file: pass --out FILE.pdf".to_string(),
        ));
    }
    if format == Format::Pdf && out.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::User(
            "a PDF is binary and would garble the terminal: pass --out FILE.pdf".to_string(),
        ));
    }
    let exporter = exporter_for(store, &sender, format, &job.mail)?;
    tell_date_notes(&job.plan(&register, &client)?);
    match out {
        None => {
            // A preview: the number the letter would get now, nothing recorded.
            let plan = job.plan(&register, &client)?;
            let mut letter = register
                .preview(&plan, args.number.as_deref())
                .map_err(|e| send_error(plan.template, e))?;
            job.mark(&mut letter);
            let bytes = exporter
                .bytes_with(
                    &letter,
                    format,
                    &job.mail,
                    export::mail_timestamp(job.date, Local::now()),
                )
                .map_err(export_error)?;
            print_bytes(&bytes)
        }
        Some(path) => {
            if args.number.is_some() {
                return Err(CliError::User(
                    "--number is for previews: an exported letter takes the next number from the register (to write a recorded letter again, use `marz letters show NUMBER --out FILE`)".to_string(),
                ));
            }
            let destination = Destination::File {
                path: path.clone(),
                format,
            };
            let sent = job.send(&mut register, &exporter, &client, destination)?;
            eprintln!("Wrote {} ({})", path.display(), describe_sent(&sent));
            if args.print {
                print_saved(path, &sent.letter)?;
            }
            Ok(())
        }
    }
}

/// Says on stderr which dates the client is asked to act by fall on their weekend or a
/// public holiday, or leave them little time: allowed (the owner may mean it), but worth a
/// second look before sending.
fn tell_date_notes(plan: &Plan) {
    let reader = match plan.template.lang {
        Lang::Fa => "a reader in Iran",
        Lang::En => "an English-speaking reader",
    };
    for (spec, date, note) in render::date_notes(&plan.draft("")) {
        let day = format!(
            "{} {}",
            dates::weekday(date, Lang::En),
            dates::format(date, Lang::En)
        );
        let what = match note {
            render::DateNote::DayOff(dates::DayOff::Weekend) => {
                format!("is {day}, a weekend day for {reader}; a working day may suit better")
            }
            render::DateNote::DayOff(dates::DayOff::Holiday) => {
                format!("is {day}, a public holiday for {reader}; a working day may suit better")
            }
            render::DateNote::Soon(0) => format!(
                "is {day}, the letter's own date; the client may not read the letter in time"
            ),
            render::DateNote::Soon(days) => format!(
                "is {day}, only {days} day{} after the letter date; the client may have too \
                 little time to act",
                if days == 1 { "" } else { "s" }
            ),
        };
        eprintln!("note: `{}` {what}", spec.name);
    }
}

/// `-` as a path: standard output.
fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Sends the PDF just saved at `path` to the default printer: the very bytes saved.
fn print_saved(path: &Path, letter: &Letter) -> Result<(), CliError> {
    let saved = |e: CliError| match e {
        CliError::User(m) | CliError::Internal(m) => CliError::User(format!(
            "{m}\n  the letter is saved and recorded as {}",
            path.display()
        )),
    };
    let bytes = std::fs::read(path).map_err(|source| {
        saved(CliError::from(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }))
    })?;
    let title = export::default_file_name(letter, Format::Pdf);
    let job = marz::print::print_pdf(&bytes, &title).map_err(|e| saved(e.into()))?;
    eprintln!(
        "Sent to the printer{}",
        job.id.map(|id| format!(" (job {id})")).unwrap_or_default()
    );
    Ok(())
}

/// "letter NA/1405/002, thread 3, further to NA/1405/001".
fn describe_sent(sent: &register::Sent) -> String {
    let mut text = format!("letter {}, thread {}", sent.number, sent.thread);
    if let Some(reference) = &sent.letter.reference {
        text.push_str(&format!(", further to {}", reference.number));
    }
    text
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
    let mut register = open_register(store)?;
    let format = format_of(args.format);
    let job = LetterJob {
        library: &library,
        sender: &sender,
        lang,
        template: &args.template,
        values: values_from(&args.set)?,
        date: args.date.unwrap_or_else(|| Local::now().date_naive()),
        copies: Vec::new(),
        attachments: Vec::new(),
        thread: ThreadPick::Auto,
        mail: mail_options(store, format, args.mail)?,
        marks: args.marks,
    };
    let exporter = exporter_for(store, &sender, format, &job.mail)?;
    // One Date header for the whole batch, so that an e-mail made ahead is the one sent.
    let timestamp = export::mail_timestamp(job.date, Local::now());
    // Numbering stays one sequential step; typesetting does not. (1) In order, each letter
    // is planned and made with the number it will get if every letter before it is sent
    // (the register's next numbers, read once per series). (2) The letters are typeset on
    // every core, a chunk ahead of (3): in order, each is sent through the register, which
    // takes its real number in its transaction and writes the file typeset ahead only if
    // the letter is unchanged; one made with another number (a letter before it failed, or
    // another process took a number) is typeset again there.
    let clients: Vec<(&String, Result<Client, CliError>)> = ids
        .iter()
        .map(|id| (id, store.load_client(id).map_err(CliError::from)))
        .collect();
    let mut upcoming = BTreeMap::new();
    let mut drafts: Vec<(&String, Result<Made, CliError>)> = Vec::new();
    for (id, client) in &clients {
        let draft = (|| {
            let client = client.as_ref().map_err(CliError::clone)?;
            let plan = job.plan(&register, client)?;
            let lang = plan.template.lang;
            let numbers = match upcoming.entry(lang) {
                std::collections::btree_map::Entry::Occupied(numbers) => numbers.into_mut(),
                std::collections::btree_map::Entry::Vacant(slot) => slot.insert(
                    register
                        .peek_numbers(sender.letter_prefix.as_deref(), job.date, lang)?
                        .peekable(),
                ),
            };
            let number = numbers.peek().expect("the numbers never run out");
            let letter = job
                .render(&plan, number)
                .map_err(|e| render_error(plan.template, e))?;
            // The next letter of the series is predicted one higher only if this one is made.
            numbers.next();
            Ok(Made { client, letter })
        })();
        drafts.push((id, draft));
    }
    let mut written = 0usize;
    export::in_order(
        drafts,
        |(_, made)| {
            made.as_ref()
                .ok()
                .map(|made| exporter.bytes_with(&made.letter, format, &job.mail, timestamp))
        },
        |(id, made), bytes| {
            let result = made.and_then(|made| {
                let bytes = bytes
                    .expect("every letter made is typeset")
                    .map_err(export_error)?;
                // Planned again: an earlier letter of the batch may have opened the thread
                // this one continues (a client named twice).
                let plan = job.plan(&register, made.client)?;
                let path = args.out.join(export::file_name(
                    job.template,
                    &made.client.id,
                    job.date,
                    format,
                ));
                let destination = Destination::File {
                    path: path.clone(),
                    format,
                };
                let ahead = Typeset {
                    letter: made.letter,
                    bytes,
                };
                register
                    .send_typeset(
                        &exporter,
                        job.library,
                        job.request(&plan, destination, timestamp),
                        |number| job.render(&plan, number),
                        Some(ahead),
                    )
                    .map(|sent| (path, sent))
                    .map_err(|e| send_error(plan.template, e))
            });
            match result {
                Ok((path, sent)) => {
                    written += 1;
                    eprintln!("wrote {} ({})", path.display(), describe_sent(&sent));
                }
                Err(CliError::User(reason) | CliError::Internal(reason)) => {
                    failed += 1;
                    eprintln!("failed: {id}: {}", reason.replace('\n', " "));
                }
            }
        },
    );
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

/// A letter of a batch, made before its number is taken (with the number predicted).
struct Made<'c> {
    client: &'c Client,
    letter: Letter,
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

fn letters(store: &Store, command: LettersCommand) -> Result<(), CliError> {
    let mut register = open_register(store)?;
    match command {
        LettersCommand::List {
            client,
            search,
            scenario,
            status,
            thread,
            limit,
            json,
        } => {
            let filter = Filter {
                client,
                scenario,
                status,
                thread,
                search,
            };
            let page = register.list(&filter, 0, limit.unwrap_or(usize::MAX))?;
            if json {
                return print(&to_json(&page.entries));
            }
            let mut out = String::new();
            for e in &page.entries {
                out.push_str(&format!(
                    "{:<16} {}  {:<20} {:<18} {:<8} thread {:<5} {}\n",
                    e.number,
                    e.date,
                    e.client,
                    e.template,
                    e.status.code(),
                    e.thread,
                    // Isolates keep a subject's Latin codes in place in a laid-out letter; a
                    // terminal table shows them as stray boxes or zero-width gaps, so the
                    // listing prints the subject's words only (--json keeps it as recorded).
                    e.subject
                        .chars()
                        .filter(|c| !marz::bidi::is_direction_mark(*c))
                        .collect::<String>()
                ));
            }
            if page.entries.is_empty() {
                out.push_str(if filter == Filter::default() {
                    "No letters yet: a letter is recorded when it is exported (marz render … --out FILE).\n"
                } else {
                    "No letter matches.\n"
                });
            } else if page.entries.len() < page.total {
                out.push_str(&format!(
                    "({} of {} shown)\n",
                    page.entries.len(),
                    page.total
                ));
            }
            print(&out)
        }
        LettersCommand::Show {
            number,
            json,
            out,
            format,
        } => {
            let entry = register.find(&number)?;
            if let Some(path) = out {
                let format = chosen_format(format, Some(&path));
                let sender = store.load_sender()?;
                let exporter = exporter_for(store, &sender, format, &MailOptions::default())?;
                if is_stdout(&path) {
                    if format == Format::Pdf && std::io::stdout().is_terminal() {
                        return Err(CliError::User(
                            "a PDF is binary and would garble the terminal: pass --out FILE.pdf"
                                .to_string(),
                        ));
                    }
                    let bytes = register.bytes_again(
                        &exporter,
                        entry.id,
                        format,
                        export::mail_timestamp(entry.date, Local::now()),
                    )?;
                    return print_bytes(&bytes);
                }
                register.export_again(
                    &exporter,
                    entry.id,
                    format,
                    &path,
                    export::mail_timestamp(entry.date, Local::now()),
                )?;
                eprintln!(
                    "Wrote {} (letter {}, as recorded)",
                    path.display(),
                    entry.number
                );
                return Ok(());
            }
            let record = register.record(entry.id)?;
            if json {
                return print(&to_json(&record));
            }
            let e = &record.entry;
            let mut head = vec![
                format!("number:    {}", e.number),
                format!("date:      {}", e.date),
                format!("client:    {} ({})", e.client, e.addressee),
                format!(
                    "template:  {} ({}{}, {})",
                    e.template,
                    e.scenario.map_or("?", Scenario::code),
                    e.level.map(|l| format!(", level {l}")).unwrap_or_default(),
                    e.lang.code()
                ),
                format!("status:    {}", e.status.code()),
                format!("thread:    {}", e.thread),
            ];
            if let Some(f) = e.follow_up {
                head.push(format!("follow-up: {f}"));
            }
            head.push(format!(
                "sent as:   {}{}",
                e.sent_as,
                e.path
                    .as_deref()
                    .map(|p| format!(" {p}"))
                    .unwrap_or_default()
            ));
            if let Some(reason) = &record.void_reason {
                head.push(format!("void:      {reason}"));
            }
            if let Some(on) = record.resolved_on {
                head.push(format!(
                    "resolved:  {on}{}",
                    record
                        .resolution_note
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                ));
            }
            print(&format!("{}\n\n{}", head.join("\n"), record.text))
        }
        LettersCommand::Void { number, reason } => {
            let entry = register.find(&number)?;
            let entry = register.void(entry.id, &reason)?;
            eprintln!(
                "Letter {} is void ({}); it keeps its number, which is not given again.",
                entry.number,
                reason.trim()
            );
            Ok(())
        }
        LettersCommand::Resolve { number, note } => {
            let entry = register.find(&number)?;
            let today = Local::now().date_naive();
            let thread = register.resolve(entry.id, note.as_deref(), today)?;
            eprintln!(
                "Thread {} ({}, {}{}) is resolved.",
                thread.id,
                thread.client,
                thread.scenario.map_or("?", Scenario::code),
                if thread.matter.is_empty() {
                    String::new()
                } else {
                    format!(" {}", thread.matter)
                }
            );
            Ok(())
        }
        LettersCommand::Export { file } => {
            let count = register.export_csv(&file)?;
            eprintln!("Wrote {count} letter(s) to {}", file.display());
            Ok(())
        }
    }
}

fn next(
    store: &Store,
    client: Option<String>,
    date: Option<NaiveDate>,
    as_json: bool,
) -> Result<(), CliError> {
    let register = open_register(store)?;
    if let Some(id) = &client {
        // A typo would otherwise look like "nothing is due" (a deleted client's letters
        // still count).
        let known = Filter {
            client: Some(id.clone()),
            ..Filter::default()
        };
        if let Err(e) = store.load_client(id)
            && register.list(&known, 0, 1)?.total == 0
        {
            return Err(e.into());
        }
    }
    let today = date.unwrap_or_else(|| Local::now().date_naive());
    let due = register.due(today, client.as_deref())?;
    if as_json {
        return print(&to_json(&due));
    }
    let mut out = String::new();
    for d in &due {
        out.push_str(&format!(
            "{:>4} day(s) overdue  {:<20} {} {} of {} (follow-up {})  → {}  [thread {}]\n",
            d.overdue_days,
            d.client,
            d.last_number,
            d.last_template,
            d.last_date,
            d.follow_up,
            d.suggest,
            d.thread
        ));
    }
    if due.is_empty() {
        out.push_str(&format!("Nothing is overdue on {today}.\n"));
    }
    print(&out)
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
                    "hint": f.hint,
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
        if let Some(h) = &f.hint {
            out.push_str(&format!("    {h}\n"));
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
