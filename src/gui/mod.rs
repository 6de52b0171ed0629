//! The desktop app. Each screen owns its State, Message, update and view and tells this
//! module what happened through an Event; this module does the file work (through the core
//! library) in `Task`s so that the window never waits on it.

mod caret;
mod clients;
pub mod compose;
mod editor;
mod focus;
#[cfg_attr(not(test), allow(dead_code))]
pub mod offscreen;
mod settings;
mod theme;

use iced::keyboard::{self, Key};
use iced::widget::{button, column, container, operation, text};
use iced::{Element, Length, Subscription, Task, window};
use marz::export::{self, Exporter, Format};
use marz::i18n::Locale;
use marz::profile::Sender;
use marz::store::{ClientList, HistoryEntry, Settings, Store};
use marz::{Lang, Letter, Library};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Set to a folder to save exports there without a dialog (for scripted runs, or desktops
/// without a file-chooser portal).
pub const EXPORT_DIR_ENV: &str = "MARZ_EXPORT_DIR";

/// How long a success notice stays; problems stay until dismissed.
const NOTICE_LIFETIME: Duration = Duration::from_secs(8);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Compose,
    Clients,
    Settings,
}

pub struct App {
    store: Store,
    library: Library,
    clients: ClientList,
    sender: Option<Sender>,
    ui: Lang,
    screen: Screen,
    compose: compose::State,
    client_screen: clients::State,
    settings: settings::State,
    /// The last outcome to tell the owner about: (success, text).
    notice: Option<(bool, String)>,
    /// When the notice appeared: a success goes away by itself after `NOTICE_LIFETIME`.
    notice_since: Option<Instant>,
    /// The next free letter number per letter language. Counting it reads `history/`, so it
    /// is computed when the history or the sender changes, never in `view`.
    numbers: BTreeMap<Lang, String>,
    exporter: Arc<Exporter>,
    /// Where exports go without a save dialog (`MARZ_EXPORT_DIR`), if anywhere.
    export_dir: Option<PathBuf>,
    /// Set by `MARZ_EXIT_AFTER_FIRST_FRAME` for the start-up benchmark: frames seen so far.
    measure_start: Option<u32>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Nav(Screen),
    Clients(clients::Message),
    Compose(compose::Message),
    Settings(settings::Message),
    Shortcut(Shortcut),
    Exported(Result<Option<PathBuf>, String>),
    Imported(Result<Option<String>, String>),
    Dismiss,
    /// Once a second while a success notice shows.
    NoticeTick,
    Frame,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    NewClient,
    Search,
    Save,
    Export,
    Copy,
    /// Tab (`true`) and Shift+Tab (`false`).
    NextField(bool),
}

/// Opens the desktop app on `store`; `ui` overrides the remembered interface language.
pub fn run(store: Store, ui: Option<Lang>) -> iced::Result {
    let icon = app_icon();
    iced::application(move || App::new(store.clone(), ui), App::update, App::view)
        .title(App::title)
        .theme(|_: &App| theme::theme())
        .subscription(App::subscription)
        .font(theme::VAZIRMATN_REGULAR)
        .font(theme::VAZIRMATN_BOLD)
        .default_font(theme::FONT)
        .window(window::Settings {
            size: iced::Size::new(1200.0, 800.0),
            min_size: Some(iced::Size::new(900.0, 600.0)),
            icon,
            ..window::Settings::default()
        })
        .run()
}

fn app_icon() -> Option<window::Icon> {
    let decoder = png::Decoder::new(std::io::Cursor::new(include_bytes!(
        "../../assets/icon.png"
    )));
    let mut reader = decoder.read_info().ok()?;
    let mut buffer = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buffer).ok()?;
    buffer.truncate(info.buffer_size());
    window::icon::from_rgba(buffer, info.width, info.height).ok()
}

fn shortcut(event: keyboard::Event) -> Option<Message> {
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    if let Key::Named(keyboard::key::Named::Tab) = key.as_ref() {
        return Some(Message::Shortcut(Shortcut::NextField(!modifiers.shift())));
    }
    if !modifiers.command() {
        return None;
    }
    let Key::Character(c) = key.as_ref() else {
        return None;
    };
    let s = match c {
        "n" | "N" => Shortcut::NewClient,
        "f" | "F" => Shortcut::Search,
        "s" | "S" => Shortcut::Save,
        "e" | "E" => Shortcut::Export,
        "c" | "C" => Shortcut::Copy,
        _ => return None,
    };
    Some(Message::Shortcut(s))
}

impl App {
    pub fn new(store: Store, ui: Option<Lang>) -> Self {
        let settings = store.load_settings();
        let mut app = App {
            library: Library::load(Some(&store.root().join("templates"))),
            clients: ClientList::default(),
            sender: None,
            ui: ui.unwrap_or(settings.ui_language),
            screen: Screen::Compose,
            compose: compose::State::new(chrono::Local::now().date_naive()),
            client_screen: clients::State::new(ui.unwrap_or(settings.ui_language)),
            settings: settings::State::default(),
            notice: None,
            notice_since: None,
            numbers: BTreeMap::new(),
            exporter: Arc::new(Exporter::default()),
            export_dir: std::env::var_os(EXPORT_DIR_ENV).map(PathBuf::from),
            store,
            measure_start: std::env::var_os("MARZ_EXIT_AFTER_FIRST_FRAME").map(|_| 0),
        };
        app.reload();
        // Start with a client who is written to in the interface's language, if there is one.
        let first = app
            .clients
            .clients
            .iter()
            .find(|c| c.language == app.ui)
            .or(app.clients.clients.first());
        app.compose.client = first.map(|c| c.id.clone());
        app.refresh_compose();
        app
    }

    /// Reads clients and the sender again, reporting what cannot be read.
    fn reload(&mut self) {
        match self.store.load_clients() {
            Ok(list) => self.clients = list,
            Err(e) => self.notice = Some((false, e.to_string())),
        }
        match self.store.load_sender() {
            Ok(s) => {
                self.exporter = Arc::new(match self.store.load_stationery(&s) {
                    Ok(stationery) => Exporter::new(stationery),
                    Err(e) => {
                        self.notice = Some((false, e.to_string()));
                        Exporter::unusable_for_pdf(e)
                    }
                });
                self.sender = Some(s);
            }
            Err(e) => {
                self.sender = None;
                self.notice = Some((false, e.to_string()));
            }
        }
        self.settings.load(self.sender.as_ref(), self.ui);
        self.count_numbers();
    }

    fn count_numbers(&mut self) {
        let prefix = self
            .sender
            .as_ref()
            .and_then(|s| s.letter_prefix.as_deref());
        self.numbers = Lang::ALL
            .into_iter()
            .map(|lang| {
                let n = self
                    .store
                    .next_letter_number(prefix, self.compose.date, lang);
                (lang, n)
            })
            .collect();
    }

    fn compose_context(&self) -> compose::Context<'_> {
        self.compose_context_for(&self.compose)
    }

    fn compose_context_for(&self, compose: &compose::State) -> compose::Context<'_> {
        let lang = compose
            .client
            .as_ref()
            .and_then(|id| self.clients.clients.iter().find(|c| &c.id == id))
            .map_or(Lang::Fa, |c| c.language);
        compose::Context {
            library: &self.library,
            clients: &self.clients,
            sender: self.sender.as_ref(),
            number: self.numbers.get(&lang).cloned().unwrap_or_default(),
        }
    }

    /// Runs `f` on the compose screen with a context borrowed from the rest of the app.
    fn with_compose<R>(
        &mut self,
        f: impl FnOnce(&mut compose::State, &compose::Context) -> R,
    ) -> R {
        let date = self.compose.date;
        let mut compose = std::mem::replace(&mut self.compose, compose::State::new(date));
        let ctx = self.compose_context_for(&compose);
        let result = f(&mut compose, &ctx);
        self.compose = compose;
        result
    }

    fn refresh_compose(&mut self) {
        self.with_compose(|compose, ctx| compose.refresh(ctx));
    }

    /// The letter as the compose screen shows it now (for benches/gui.rs).
    #[allow(dead_code)]
    pub fn letter(&self) -> Option<&marz::Letter> {
        self.compose.letter.as_ref()
    }

    fn title(&self) -> String {
        Locale::get(self.ui).text("window-title")
    }

    fn subscription(&self) -> Subscription<Message> {
        let mut all = vec![keyboard::listen().filter_map(shortcut)];
        if self.measure_start.is_some() {
            all.push(window::frames().map(|_| Message::Frame));
        }
        if matches!(self.notice, Some((true, _))) {
            all.push(Subscription::run(ticks));
        }
        Subscription::batch(all)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let before = self.notice.clone();
        let task = self.handle(message);
        if self.notice != before {
            self.notice_since = self.notice.as_ref().map(|_| Instant::now());
        }
        task
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Nav(screen) => {
                self.screen = screen;
                Task::none()
            }
            Message::Dismiss => {
                self.notice = None;
                Task::none()
            }
            Message::NoticeTick => {
                let old = self
                    .notice_since
                    .is_some_and(|t| t.elapsed() >= NOTICE_LIFETIME);
                if old && matches!(self.notice, Some((true, _))) {
                    self.notice = None;
                }
                Task::none()
            }
            Message::Frame => {
                let Some(frames) = self.measure_start.as_mut() else {
                    return Task::none();
                };
                *frames += 1;
                // The second frame event comes after the first frame was drawn.
                if *frames < 2 {
                    return Task::none();
                }
                let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default(); // not interface text
                let rss = status.lines().find(|l| l.starts_with("VmRSS:")); // not interface text
                eprintln!("first frame drawn; {}", rss.unwrap_or_default());
                iced::exit()
            }
            Message::Clients(m) => {
                // A form that opens is ready to type into.
                let opens_form = matches!(m, clients::Message::New | clients::Message::Edit(_));
                let event = self.client_screen.update(m, &self.clients);
                match event {
                    Some(e) => self.on_clients_event(e),
                    None if opens_form && self.client_screen.form.is_some() => {
                        operation::focus(clients::NAME_ID)
                    }
                    None => Task::none(),
                }
            }
            Message::Compose(m) => {
                // "Edit text" puts the caret in the body, ready to type.
                let edits = matches!(m, compose::Message::EditText);
                let event = self.with_compose(|compose, ctx| compose.update(m, ctx));
                match event {
                    Some(e) => self.on_compose_event(e),
                    None if edits && self.compose.editor.is_some() => {
                        operation::focus(compose::BODY_ID)
                    }
                    None => Task::none(),
                }
            }
            Message::Settings(m) => match self.settings.update(m) {
                Some(settings::Event::Save(sender)) => {
                    match self.store.save_sender(&sender) {
                        Ok(()) => {
                            self.notice = Some((true, self.tr("settings-saved")));
                            self.reload();
                            self.refresh_compose();
                        }
                        Err(e) => self.notice = Some((false, e.to_string())),
                    }
                    Task::none()
                }
                Some(settings::Event::UiLanguage(lang)) => {
                    self.ui = lang;
                    self.settings.set_lang(lang);
                    self.client_screen.set_lang(lang);
                    if let Err(e) = self.store.save_settings(&Settings { ui_language: lang }) {
                        self.notice = Some((false, e.to_string()));
                    }
                    Task::none()
                }
                Some(settings::Event::OpenDataDir) => {
                    if let Err(e) = open::that_detached(self.store.root()) {
                        self.notice = Some((false, e.to_string()));
                    }
                    Task::none()
                }
                None => Task::none(),
            },
            Message::Shortcut(s) => self.on_shortcut(s),
            Message::Exported(result) => {
                self.notice = Some(match result {
                    Ok(Some(path)) => (
                        true,
                        Locale::get(self.ui).text_with(
                            "export-saved",
                            &[("path", &theme::ltr_value(&path.to_string_lossy()))],
                        ),
                    ),
                    Ok(None) => (true, self.tr("export-cancelled")),
                    Err(reason) => (
                        false,
                        Locale::get(self.ui).text_with("export-failed", &[("reason", &reason)]),
                    ),
                });
                // An export took a number from the history.
                self.count_numbers();
                self.refresh_compose();
                Task::none()
            }
            Message::Imported(result) => {
                match result {
                    Ok(Some(name)) => {
                        self.notice = Some((
                            true,
                            Locale::get(self.ui).text_with("clients-imported", &[("name", &name)]),
                        ));
                        self.reload();
                    }
                    Ok(None) => {}
                    Err(e) => self.notice = Some((false, e)),
                }
                Task::none()
            }
        }
    }

    fn tr(&self, key: &str) -> String {
        Locale::get(self.ui).text(key)
    }

    fn on_shortcut(&mut self, s: Shortcut) -> Task<Message> {
        match (s, self.screen) {
            (Shortcut::NextField(forward), _) => focus::next(self.ui.is_rtl(), forward),
            (Shortcut::NewClient, _) => {
                self.screen = Screen::Clients;
                self.update(Message::Clients(clients::Message::New))
            }
            (Shortcut::Search, _) => {
                self.screen = Screen::Clients;
                operation::focus(clients::SEARCH_ID)
            }
            (Shortcut::Save, Screen::Clients) => {
                self.update(Message::Clients(clients::Message::Save))
            }
            (Shortcut::Save, Screen::Settings) => {
                self.update(Message::Settings(settings::Message::Save))
            }
            (Shortcut::Save | Shortcut::Export, Screen::Compose) => {
                self.update(Message::Compose(compose::Message::Export(Format::Pdf)))
            }
            (Shortcut::Copy, Screen::Compose) => {
                self.update(Message::Compose(compose::Message::Copy))
            }
            _ => Task::none(),
        }
    }

    fn on_clients_event(&mut self, event: clients::Event) -> Task<Message> {
        match event {
            clients::Event::Save { client, replace } => {
                let replacing = replace.is_some();
                let result = self.store.save_client(&client, replacing).and_then(|()| {
                    // A changed id means a new file; the old one goes to the trash.
                    match replace {
                        Some(old) if old != client.id => self.store.trash_client(&old).map(|_| ()),
                        _ => Ok(()),
                    }
                });
                match result {
                    Ok(()) => {
                        self.notice = Some((true, self.tr("clients-saved")));
                        self.reload();
                        self.client_screen.saved(&client.id);
                        self.refresh_compose();
                    }
                    Err(e) => self.notice = Some((false, e.to_string())),
                }
                Task::none()
            }
            clients::Event::Delete(id) => {
                match self.store.trash_client(&id) {
                    Ok(path) => {
                        self.notice = Some((
                            true,
                            Locale::get(self.ui).text_with(
                                "clients-deleted",
                                &[("path", &theme::ltr_value(&path.to_string_lossy()))],
                            ),
                        ));
                        self.client_screen.selected = None;
                        if self.compose.client.as_deref() == Some(id.as_str()) {
                            self.compose.client = None;
                        }
                        self.reload();
                        self.refresh_compose();
                    }
                    Err(e) => self.notice = Some((false, e.to_string())),
                }
                Task::none()
            }
            clients::Event::Import => {
                let store = self.store.clone();
                Task::perform(
                    async move {
                        let Some(file) = rfd::AsyncFileDialog::new()
                            .add_filter("TOML", &["toml"])
                            .pick_file()
                            .await
                        else {
                            return Ok(None);
                        };
                        store
                            .import_client(file.path(), false)
                            .map(|c| Some(c.name))
                            .map_err(|e| e.to_string())
                    },
                    Message::Imported,
                )
            }
            clients::Event::Compose(id) => {
                self.compose.write_to(id);
                self.screen = Screen::Compose;
                self.refresh_compose();
                Task::none()
            }
        }
    }

    fn on_compose_event(&mut self, event: compose::Event) -> Task<Message> {
        match event {
            compose::Event::Copy(text) => {
                self.notice = Some((true, self.tr("export-copied")));
                iced::clipboard::write(text)
            }
            compose::Event::Mail(url) => {
                if let Err(e) = open::that_detached(&url) {
                    self.notice = Some((false, e.to_string()));
                }
                Task::none()
            }
            compose::Event::Export(letter, format) => {
                let exporter = self.exporter.clone();
                let store = self.store.clone();
                let dir = self.export_dir.clone();
                Task::perform(
                    export_letter(exporter, store, *letter, format, dir),
                    Message::Exported,
                )
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let l = Locale::get(self.ui);
        let nav_button = |screen: Screen, key: &str| {
            button(theme::line(self.ui, l.text(key)))
                .width(Length::Fill)
                .padding(10)
                .style(if self.screen == screen {
                    button::primary
                } else {
                    button::text
                })
                .on_press(Message::Nav(screen))
        };
        let sidebar = container(
            column![
                container(text(l.text("app-name")).font(theme::BOLD).size(26))
                    .width(Length::Fill)
                    .align_x(theme::start(self.ui))
                    .padding(8),
                nav_button(Screen::Compose, "nav-compose"),
                nav_button(Screen::Clients, "nav-clients"),
                nav_button(Screen::Settings, "nav-settings"),
            ]
            .spacing(6)
            .padding(12),
        )
        .width(210)
        .height(Length::Fill)
        .style(theme::sidebar);

        let body: Element<'_, Message> = match self.screen {
            Screen::Compose => self
                .compose
                .view(self.ui, &self.compose_context())
                .map(Message::Compose),
            Screen::Clients => self
                .client_screen
                .view(self.ui, &self.clients)
                .map(Message::Clients),
            Screen::Settings => self
                .settings
                .view(self.ui, self.store.root())
                .map(Message::Settings),
        };
        let mut main = column![]
            .align_x(theme::start(self.ui))
            .spacing(10)
            .padding(16);
        if let Some((ok, message)) = &self.notice {
            main = main.push(
                button(theme::line(self.ui, message.clone()))
                    .width(Length::Fill)
                    .style(if *ok { button::success } else { button::danger })
                    .on_press(Message::Dismiss),
            );
        }
        main = main.push(body);
        theme::row_dir(
            self.ui,
            vec![sidebar.into(), main.width(Length::Fill).into()],
        )
        .height(Length::Fill)
        .into()
    }
}

/// A message a second, from a thread that ends when the subscription is dropped (the
/// thread-pool executor has no timers).
fn ticks() -> impl iced::futures::Stream<Item = Message> {
    use iced::futures::{SinkExt, StreamExt};
    let (mut sender, receiver) = iced::futures::channel::mpsc::channel(1);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            if iced::futures::executor::block_on(sender.send(())).is_err() {
                break;
            }
        }
    });
    receiver.map(|()| Message::NoticeTick)
}

/// Asks where to save (or saves in `dir`), writes the file atomically, and records the
/// letter in the history. `Ok(None)` means the owner cancelled.
async fn export_letter(
    exporter: Arc<Exporter>,
    store: Store,
    letter: Letter,
    format: Format,
    dir: Option<PathBuf>,
) -> Result<Option<PathBuf>, String> {
    let name = export::default_file_name(&letter, format);
    let path = match dir {
        Some(dir) => dir.join(&name),
        None => match rfd::AsyncFileDialog::new()
            .set_file_name(&name)
            .add_filter(format.extension(), &[format.extension()])
            .save_file()
            .await
        {
            Some(handle) => handle.path().to_path_buf(),
            None => return Ok(None),
        },
    };
    let timestamp = chrono::Local::now().timestamp();
    exporter
        .write(&letter, format, &path, timestamp)
        .map_err(|e| e.to_string())?;
    store
        .record(&HistoryEntry::of(&letter, &path))
        .map_err(|e| e.to_string())?;
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use marz::Lang;
    use marz::i18n::Locale;

    /// The string literals of a Rust source, outside comments and its test module.
    fn literals(source: &str) -> Vec<String> {
        let code = source
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or(source);
        // A line marked `// not interface text` (a file path, a backend name) is skipped.
        let code: String = code
            .lines()
            .filter(|l| !l.ends_with("// not interface text"))
            .map(|l| format!("{l}\n"))
            .collect();
        let code = code.as_str();
        let mut found = Vec::new();
        let mut chars = code.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '/' if chars.peek() == Some(&'/') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                // Character literals such as '"' or '\u{200F}'.
                '\'' => {
                    let ahead: String = chars.clone().take(12).collect();
                    if let Some(end) = ahead.find('\'')
                        && (end == 1 || ahead.starts_with('\\'))
                    {
                        for _ in 0..=end {
                            chars.next();
                        }
                    }
                }
                '"' => {
                    let mut literal = String::new();
                    let consumed = code.len() - chars.clone().map(char::len_utf8).sum::<usize>();
                    // Diagnostics on stderr are for developers, not the interface.
                    let diagnostic = code[..consumed - 1].trim_end().ends_with("eprintln!(");
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => {
                                literal.push(c);
                                literal.extend(chars.next());
                            }
                            '"' => break,
                            _ => literal.push(c),
                        }
                    }
                    if !diagnostic {
                        found.push(literal);
                    }
                }
                _ => {}
            }
        }
        found
    }

    /// Whether a literal is allowed in the GUI: a Fluent key (or a key pattern such as
    /// "scenario-{}"), punctuation around placeholders, or an identifier (a field name, a
    /// font family, a file extension) that is never shown as a sentence.
    fn allowed(literal: &str, keys: &[String]) -> bool {
        let mut bare = String::new();
        let mut depth = 0;
        let unescaped = literal.replace("\\n", "\n").replace("\\t", "\t");
        for c in unescaped.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => bare.push(c),
                _ => {}
            }
        }
        let is_key_pattern = literal.contains('{') && keys.iter().any(|k| k.starts_with(&bare));
        keys.iter().any(|k| k == literal)
            || is_key_pattern
            || !bare.chars().any(char::is_alphabetic)
            || bare.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            || bare.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            // A file the code includes.
            || (literal.starts_with("../") && !literal.contains(' '))
            || ["Vazirmatn", "Marz"].contains(&literal)
    }

    #[test]
    fn no_interface_text_is_written_in_the_code() {
        let keys = Locale::get(Lang::En).keys().to_vec();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/gui");
        let mut offenders = Vec::new();
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            for literal in literals(&source) {
                checked += 1;
                if !allowed(&literal, &keys) {
                    offenders.push(format!("{}: \"{literal}\"", path.display()));
                }
            }
        }
        assert!(
            checked > 50,
            "only {checked} literals found: is the scan broken?"
        );
        assert!(
            offenders.is_empty(),
            "text not from locales/:\n{}",
            offenders.join("\n")
        );
    }

    /// Runs a task the way the runtime would: its messages go back into the app and, given
    /// a window-less screen, widget operations (focus) run on the screen's last frame.
    fn run(
        app: &mut super::App,
        mut screen: Option<&mut super::offscreen::Offscreen>,
        task: iced::Task<super::Message>,
    ) {
        use iced::futures::StreamExt;
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            return;
        };
        for action in iced::futures::executor::block_on(stream.collect::<Vec<_>>()) {
            match action {
                iced_runtime::Action::Output(message) => {
                    let next = app.update(message);
                    if let Some(screen) = screen.as_deref_mut() {
                        screen.frame(app);
                    }
                    run(app, screen.as_deref_mut(), next);
                }
                iced_runtime::Action::Widget(mut operation) => {
                    if let Some(screen) = screen.as_deref_mut() {
                        screen.operate(app, operation.as_mut());
                    }
                }
                _ => {}
            }
        }
    }

    fn send(app: &mut super::App, message: super::Message) {
        let task = app.update(message);
        run(app, None, task);
    }

    /// `send`, with the frame drawn before the resulting task runs on it.
    fn send_on(
        app: &mut super::App,
        screen: &mut super::offscreen::Offscreen,
        message: super::Message,
    ) {
        let task = app.update(message);
        screen.frame(app);
        run(app, Some(screen), task);
    }

    #[test]
    fn new_client_and_edit_text_put_the_caret_where_the_owner_types_next() {
        use super::offscreen::Offscreen;
        use super::{App, Message, Shortcut, clients, compose};
        use iced::advanced::widget::Id;
        use marz::store::Store;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = App::new(store, None);
        let mut screen = Offscreen::new(1200.0, 800.0);
        screen.frame(&app);
        assert_eq!(screen.focused_id(&app), None);

        send_on(
            &mut app,
            &mut screen,
            Message::Compose(compose::Message::EditText),
        );
        assert_eq!(screen.focused_id(&app), Some(Id::new(compose::BODY_ID)));

        send_on(
            &mut app,
            &mut screen,
            Message::Shortcut(Shortcut::NewClient),
        );
        assert_eq!(screen.focused_id(&app), Some(Id::new(clients::NAME_ID)));

        send_on(&mut app, &mut screen, Message::Shortcut(Shortcut::Search));
        assert_eq!(screen.focused_id(&app), Some(Id::new(clients::SEARCH_ID)));
    }

    #[test]
    fn a_success_notice_goes_away_after_a_while_and_a_problem_stays() {
        use super::{App, Message, NOTICE_LIFETIME};
        use marz::store::Store;
        use std::time::Instant;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = App::new(store, None);
        let _ = app.update(Message::Exported(Ok(None)));
        assert!(matches!(app.notice, Some((true, _))));
        let _ = app.update(Message::NoticeTick);
        assert!(app.notice.is_some(), "still there just after it appeared");
        app.notice_since = Some(Instant::now() - NOTICE_LIFETIME);
        let _ = app.update(Message::NoticeTick);
        assert_eq!(app.notice, None);

        let _ = app.update(Message::Exported(Err("the disk is full".into())));
        assert!(matches!(&app.notice, Some((false, text)) if text.contains("the disk is full")));
        app.notice_since = Some(Instant::now() - NOTICE_LIFETIME * 2);
        let _ = app.update(Message::NoticeTick);
        assert!(app.notice.is_some(), "a problem stays until dismissed");
        let _ = app.update(Message::Dismiss);
        assert_eq!(app.notice, None);
    }

    /// The owner's whole path through the app, by its messages: add a client, write them a
    /// final payment notice, edit the body, export text and .eml, switch the language.
    #[test]
    fn add_a_client_write_an_ultimatum_edit_it_export_and_switch_language() {
        use super::{App, Message, Screen, clients, compose, settings};
        use crate::gui::editor::typing;
        use iced::widget::text_editor::{Action, Edit, Motion};
        use marz::export::Format;
        use marz::store::Store;
        use std::sync::Arc;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = App::new(store.clone(), None);
        assert_eq!(app.ui, Lang::Fa, "Persian is the default interface");
        let exports = dir.path().join("exports");
        std::fs::create_dir(&exports).unwrap();
        app.export_dir = Some(exports.clone());

        // A new client; the name holds template and markup syntax, which must stay text.
        send(&mut app, Message::Shortcut(super::Shortcut::NewClient));
        assert_eq!(app.screen, Screen::Clients);
        let name = "شرکت نوین {{ x }} #۱ <b>";
        for (field, value) in [
            (clients::Field::Id, "novin"),
            (clients::Field::Name, name),
            (clients::Field::Email, "pay@novin.example"),
        ] {
            for action in typing(value) {
                send(
                    &mut app,
                    Message::Clients(clients::Message::Field(field, action)),
                );
            }
        }
        send(&mut app, Message::Shortcut(super::Shortcut::Save));
        let saved = std::fs::read_to_string(store.client_path("novin")).unwrap();
        assert!(saved.contains("pay@novin.example"), "{saved}");
        assert!(app.clients.clients.iter().any(|c| c.name == name));

        // Write to them: the final payment notice, with an invoice code and an amount.
        send(
            &mut app,
            Message::Clients(clients::Message::WriteTo("novin".into())),
        );
        assert_eq!(app.screen, Screen::Compose);
        let compose = |m| Message::Compose(m);
        send(
            &mut app,
            compose(compose::Message::Scenario(marz::Scenario::Payment)),
        );
        send(
            &mut app,
            compose(compose::Message::Template("payment-3".into())),
        );
        for (input, value) in [("invoice", "INV-77"), ("amount", "۴۵۰۰۰۰۰")] {
            for action in typing(value) {
                send(
                    &mut app,
                    compose(compose::Message::Input(input.into(), action)),
                );
            }
        }
        let letter = app.letter().expect("a preview").clone();
        assert_eq!(letter.template, "payment-3");
        assert!(letter.subject.contains("INV-77"), "{}", letter.subject);
        assert!(
            letter.body.contains("چهار میلیون و پانصد هزار"),
            "{}",
            letter.body
        );

        // Edit the body: a sentence of the owner's own at the end.
        let own = "رسید پرداخت را برای ما بفرستید.";
        send(&mut app, compose(compose::Message::EditText));
        send(
            &mut app,
            compose(compose::Message::Body(Action::Move(Motion::DocumentEnd))),
        );
        send(
            &mut app,
            compose(compose::Message::Body(Action::Edit(Edit::Paste(Arc::new(
                format!("\n\n{own}"),
            ))))),
        );
        assert!(app.letter().unwrap().body.ends_with(own));

        // Export as plain text and as .eml; each lands in the folder and in the history.
        send(&mut app, compose(compose::Message::Export(Format::Text)));
        send(&mut app, compose(compose::Message::Export(Format::Eml)));
        let (ok, notice) = app.notice.clone().expect("the export is reported");
        assert!(ok, "{notice}");
        let file = |ext: &str| {
            let found: Vec<_> = std::fs::read_dir(&exports)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect();
            assert_eq!(found.len(), 1, "one .{ext} in {found:?}");
            found[0].clone()
        };
        let txt = file("txt");
        assert!(
            txt.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("payment-3_novin_"),
            "{txt:?}"
        );
        let text = std::fs::read_to_string(&txt).unwrap();
        for expected in [name, "INV-77", "چهار میلیون و پانصد هزار", own] {
            assert!(text.contains(expected), "{expected:?} missing from\n{text}");
        }
        let raw = std::fs::read(file("eml")).unwrap();
        let mail = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let to = mail.to().unwrap().first().unwrap();
        assert_eq!(to.address(), Some("pay@novin.example"));
        assert_eq!(to.name(), Some(name), "the name goes in literally");
        assert!(mail.subject().unwrap().contains("INV-77"));
        let body = mail.body_text(0).unwrap();
        assert!(body.contains(own) && body.contains("INV-77"), "{body}");
        let history = store.history();
        assert_eq!(history.len(), 2, "{history:?}");
        assert!(history.iter().all(|h| h.client == "novin"));

        // Switch to English: the interface follows at once and the choice is remembered.
        send(&mut app, Message::Nav(Screen::Settings));
        send(
            &mut app,
            Message::Settings(settings::Message::UiLanguage(Lang::En)),
        );
        assert_eq!(app.ui, Lang::En);
        assert_eq!(app.title(), Locale::get(Lang::En).text("window-title"));
        assert_ne!(app.title(), Locale::get(Lang::Fa).text("window-title"));
        let again = App::new(store, None);
        assert_eq!(again.ui, Lang::En, "the language is remembered");
    }

    #[test]
    fn the_scan_catches_text_and_lets_keys_through() {
        let keys = vec!["clients-save".to_string(), "scenario-payment".to_string()];
        let source = "fn f() {\n    // \"a comment\"\n    text(\"Save client\");\n    l.text(\"clients-save\");\n    format!(\"scenario-{}\", x);\n    let q = '\"';\n    format!(\"{} — «{}»\", a, b);\n    eprintln!(\"for developers {}\", x);\n    open(\"/etc/x\"); // not interface text\n}\n#[cfg(test)]\nmod tests { \"in a test\" }";
        let found = literals(source);
        assert_eq!(
            found,
            ["Save client", "clients-save", "scenario-{}", "{} — «{}»"]
        );
        let bad: Vec<&String> = found.iter().filter(|l| !allowed(l, &keys)).collect();
        assert_eq!(bad, ["Save client"]);
        assert!(!allowed("ذخیره", &keys), "Persian text is text too");
    }
}
