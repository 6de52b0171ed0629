//! The desktop app. Each screen owns its State, Message, update and view: `update` takes
//! the workspace (what the screens share) and returns a `Task` and, for the app to act on,
//! an `Event`. The app holds the workspace, does the file work through the core library in
//! `Task`s so that the window never waits on it, and never reaches into a screen's state.

mod caret;
mod clients;
pub mod compose;
mod editor;
mod focus;
// Window-less frames for tests (the GUI benchmark includes the file itself).
#[cfg(test)]
pub mod offscreen;
mod settings;
pub(crate) mod theme;
pub mod workspace;

use iced::keyboard::{self, Key};
use iced::widget::{button, column, container, text};
use iced::{Element, Length, Subscription, Task, window};
use marz::export::Format;
use marz::i18n::{Locale, Problem};
use marz::store::{Settings, StoreError};
use marz::{Lang, Store};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use workspace::{ExportFailure, Workspace, export_letter};

/// Set to a folder to save exports there without a dialog (for scripted runs, or desktops
/// without a file-chooser portal).
pub const EXPORT_DIR_ENV: &str = "MARZ_EXPORT_DIR";

/// The application id: the X11 WM_CLASS and the Wayland app id, matching
/// `assets/marz.desktop` (`StartupWMClass=marz`) so that docks show Marz's icon.
pub const APP_ID: &str = "marz";

/// How long a success notice stays; problems stay until dismissed.
const NOTICE_LIFETIME: Duration = Duration::from_secs(8);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Compose,
    Clients,
    Settings,
}

impl Screen {
    /// The navigation, in order, with each screen's label.
    const NAV: [(Screen, &'static str); 3] = [
        (Screen::Compose, "nav-compose"),
        (Screen::Clients, "nav-clients"),
        (Screen::Settings, "nav-settings"),
    ];
}

pub struct App {
    workspace: Workspace,
    ui: Lang,
    screen: Screen,
    compose: compose::State,
    clients: clients::State,
    settings: settings::State,
    /// The last outcome to tell the owner about: (success, text).
    notice: Option<(bool, String)>,
    /// When the notice appeared: a success goes away by itself after `NOTICE_LIFETIME`.
    notice_since: Option<Instant>,
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
    Exported(Result<Option<PathBuf>, Arc<ExportFailure>>),
    Imported(Result<Option<String>, Arc<StoreError>>),
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
        .window(window_settings(icon))
        .run()
}

fn window_settings(icon: Option<window::Icon>) -> window::Settings {
    window::Settings {
        size: iced::Size::new(1200.0, 800.0),
        min_size: Some(iced::Size::new(900.0, 600.0)),
        icon,
        #[cfg(target_os = "linux")]
        platform_specific: window::settings::PlatformSpecific {
            application_id: APP_ID.to_string(),
            ..Default::default()
        },
        ..window::Settings::default()
    }
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
        let ui = ui.unwrap_or(store.load_settings().ui_language);
        let (workspace, problems) = Workspace::open(store, chrono::Local::now().date_naive());
        // Start with a client who is written to in the interface's language, if there is one.
        let first = workspace
            .clients
            .clients
            .iter()
            .find(|c| c.language == ui)
            .or(workspace.clients.clients.first())
            .map(|c| c.id.clone());
        let mut settings = settings::State::default();
        settings.load(workspace.sender(), ui);
        let mut app = App {
            compose: compose::State::new(first, &workspace),
            clients: clients::State::new(ui),
            settings,
            workspace,
            ui,
            screen: Screen::Compose,
            notice: None,
            notice_since: None,
            export_dir: std::env::var_os(EXPORT_DIR_ENV).map(PathBuf::from),
            measure_start: std::env::var_os("MARZ_EXIT_AFTER_FIRST_FRAME").map(|_| 0),
        };
        app.tell_problems(problems);
        app
    }

    /// The letter the compose screen shows now, complete or not (for tests and
    /// benches/gui.rs).
    #[allow(dead_code)]
    pub fn letter(&self) -> Option<&marz::Letter> {
        self.compose.preview().letter()
    }

    /// Shows the first of `problems`, if any, worded in the interface language.
    fn tell_problems(&mut self, problems: Vec<StoreError>) {
        if let Some(first) = problems.first() {
            self.fail(first);
        }
    }

    fn fail(&mut self, problem: &(impl Problem + ?Sized)) {
        self.notice = Some((false, Locale::get(self.ui).problem(problem)));
    }

    fn succeed(&mut self, text: String) {
        self.notice = Some((true, text));
    }

    /// After the workspace changed on disk: read it again and show every screen the result.
    fn reload(&mut self) {
        let problems = self.workspace.reload();
        self.tell_problems(problems);
        self.settings.load(self.workspace.sender(), self.ui);
        self.compose.refresh(&self.workspace);
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
            Message::Frame => self.frame_drawn(),
            Message::Clients(m) => {
                let answer = self.clients.update(m, &self.workspace);
                self.act(answer, Message::Clients, Self::on_clients_event)
            }
            Message::Compose(m) => {
                let answer = self.compose.update(m, &self.workspace);
                self.act(answer, Message::Compose, Self::on_compose_event)
            }
            Message::Settings(m) => {
                let answer = self.settings.update(m);
                self.act(answer, Message::Settings, Self::on_settings_event)
            }
            Message::Shortcut(s) => self.on_shortcut(s),
            Message::Exported(result) => {
                match result {
                    Ok(Some(path)) => self.succeed(Locale::get(self.ui).text_with(
                        "export-saved",
                        &[("path", &theme::ltr_value(&path.to_string_lossy()))],
                    )),
                    Ok(None) => self.succeed(self.tr("export-cancelled")),
                    Err(failure) => self.fail(failure.as_ref()),
                }
                // An export took a number from the history.
                self.workspace.count_numbers();
                self.compose.refresh(&self.workspace);
                Task::none()
            }
            Message::Imported(result) => {
                match result {
                    Ok(Some(name)) => {
                        self.succeed(
                            Locale::get(self.ui).text_with("clients-imported", &[("name", &name)]),
                        );
                        self.reload();
                    }
                    Ok(None) => {}
                    Err(e) => self.fail(e.as_ref()),
                }
                Task::none()
            }
        }
    }

    /// A screen's answer: its task goes to the runtime, and its event (if any) is acted on.
    fn act<M: Send + 'static, E>(
        &mut self,
        (task, event): (Task<M>, Option<E>),
        wrap: fn(M) -> Message,
        on_event: fn(&mut Self, E) -> Task<Message>,
    ) -> Task<Message> {
        let task = task.map(wrap);
        match event {
            Some(e) => Task::batch([task, on_event(self, e)]),
            None => task,
        }
    }

    /// For the start-up benchmark: the second frame event comes after the first frame was
    /// drawn.
    fn frame_drawn(&mut self) -> Task<Message> {
        let Some(frames) = self.measure_start.as_mut() else {
            return Task::none();
        };
        *frames += 1;
        if *frames < 2 {
            return Task::none();
        }
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default(); // not interface text
        let rss = status.lines().find(|l| l.starts_with("VmRSS:")); // not interface text
        eprintln!("first frame drawn; {}", rss.unwrap_or_default());
        iced::exit()
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
                self.update(Message::Clients(clients::Message::FocusSearch))
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

    fn on_settings_event(&mut self, event: settings::Event) -> Task<Message> {
        match event {
            settings::Event::Save(sender) => match self.workspace.store.save_sender(&sender) {
                Ok(()) => {
                    self.succeed(self.tr("settings-saved"));
                    self.reload();
                }
                Err(e) => self.fail(&e),
            },
            settings::Event::UiLanguage(lang) => {
                self.ui = lang;
                self.settings.set_lang(lang);
                self.clients.set_lang(lang);
                let settings = Settings { ui_language: lang };
                if let Err(e) = self.workspace.store.save_settings(&settings) {
                    self.fail(&e);
                }
            }
            settings::Event::OpenDataDir => {
                let root = self.workspace.store.root().to_path_buf();
                if open::that_detached(&root).is_err() {
                    let shown = theme::ltr_value(&root.to_string_lossy());
                    self.fail_with("open-failed", &[("target", &shown)]);
                }
            }
        }
        Task::none()
    }

    /// A problem of the app itself (not of the core), by its message id.
    fn fail_with(&mut self, key: &str, args: &[(&str, &str)]) {
        self.notice = Some((false, Locale::get(self.ui).text_with(key, args)));
    }

    fn on_clients_event(&mut self, event: clients::Event) -> Task<Message> {
        match event {
            clients::Event::Save { client, replace } => {
                let store = &self.workspace.store;
                let replacing = replace.is_some();
                let result = store.save_client(&client, replacing).and_then(|()| {
                    // A changed id means a new file; the old one goes to the trash.
                    match replace {
                        Some(old) if old != client.id => store.trash_client(&old).map(|_| ()),
                        _ => Ok(()),
                    }
                });
                match result {
                    Ok(()) => {
                        self.succeed(self.tr("clients-saved"));
                        self.reload();
                        self.clients.saved(&client.id);
                    }
                    Err(e) => self.fail(&e),
                }
                Task::none()
            }
            clients::Event::Delete(id) => {
                match self.workspace.store.trash_client(&id) {
                    Ok(path) => {
                        self.succeed(Locale::get(self.ui).text_with(
                            "clients-deleted",
                            &[("path", &theme::ltr_value(&path.to_string_lossy()))],
                        ));
                        self.clients.deleted(&id);
                        self.reload();
                        self.compose.forget(&id, &self.workspace);
                    }
                    Err(e) => self.fail(&e),
                }
                Task::none()
            }
            clients::Event::Import => {
                let store = self.workspace.store.clone();
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
                            .map_err(Arc::new)
                    },
                    Message::Imported,
                )
            }
            clients::Event::Compose(id) => {
                self.compose.write_to(id, &self.workspace);
                self.screen = Screen::Compose;
                Task::none()
            }
        }
    }

    fn on_compose_event(&mut self, event: compose::Event) -> Task<Message> {
        match event {
            compose::Event::Copy(text) => {
                self.succeed(self.tr("export-copied"));
                iced::clipboard::write(text)
            }
            compose::Event::Mail(url) => {
                if open::that_detached(&url).is_err() {
                    self.fail_with("open-mail-failed", &[]);
                }
                Task::none()
            }
            compose::Event::Export(letter, format) => Task::perform(
                export_letter(
                    self.workspace.exporter(),
                    self.workspace.store.clone(),
                    *letter,
                    format,
                    self.export_dir.clone(),
                ),
                Message::Exported,
            ),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let l = Locale::get(self.ui);
        let mut nav = column![
            container(text(l.text("app-name")).font(theme::BOLD).size(26))
                .width(Length::Fill)
                .align_x(theme::start(self.ui))
                .padding(8),
        ]
        .spacing(6)
        .padding(12);
        for (screen, key) in Screen::NAV {
            nav = nav.push(
                button(theme::line(self.ui, l.text(key)))
                    .width(Length::Fill)
                    .padding(10)
                    .style(if self.screen == screen {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Nav(screen)),
            );
        }
        let sidebar = container(nav)
            .width(210)
            .height(Length::Fill)
            .style(theme::sidebar);

        let ws = &self.workspace;
        let body: Element<'_, Message> = match self.screen {
            Screen::Compose => self.compose.view(self.ui, ws).map(Message::Compose),
            Screen::Clients => self
                .clients
                .view(self.ui, &ws.clients)
                .map(Message::Clients),
            Screen::Settings => self
                .settings
                .view(self.ui, ws.store.root())
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

    /// The Latin words of a Persian text once the values it names are taken out (an
    /// acronym such as PDF is not English).
    pub(crate) fn latin_words_besides(text: &str, values: &[&str]) -> Vec<String> {
        let mut rest = marz::bidi::strip(text);
        let mut values: Vec<String> = values.iter().map(|v| marz::bidi::strip(v)).collect();
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        for v in values.iter().filter(|v| !v.is_empty()) {
            rest = rest.replace(v.as_str(), " ");
        }
        rest.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty() && *w != "PDF")
            .map(str::to_string)
            .collect()
    }

    /// A workspace with the sample sender and clients, dated 22 November 2026.
    pub(crate) fn sample_workspace() -> (tempfile::TempDir, super::Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let (store, created) = marz::Store::open(dir.path().join("data")).unwrap();
        assert!(created);
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let (ws, problems) = super::Workspace::open(store, date);
        assert!(problems.is_empty(), "{problems:?}");
        (dir, ws)
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

        let full = super::ExportFailure::Export(marz::export::ExportError::Write {
            path: "/media/usb/letter.pdf".into(),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        });
        let _ = app.update(Message::Exported(Err(std::sync::Arc::new(full))));
        assert!(
            matches!(&app.notice, Some((false, text)) if text.contains("جایی برای نوشتن")),
            "{:?}",
            app.notice
        );
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
        assert!(app.workspace.clients.clients.iter().any(|c| c.name == name));

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

    /// Switching situation or client shows that situation's or client's letter at once:
    /// never the previous one, and nothing leaves until it is complete; switching back
    /// brings the first letter and what was typed for it back.
    #[test]
    fn a_switch_never_leaves_the_previous_letter_on_screen_or_lets_it_leave() {
        use super::{App, Message, Shortcut, compose};
        use crate::gui::editor::typing;
        use marz::export::Format;
        use marz::{Client, Scenario, Store};

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        store
            .save_client(&Client::new("plain", "Acme Ltd."), false)
            .unwrap();
        let mut app = App::new(store, Some(Lang::Fa));
        let exports = dir.path().join("exports");
        std::fs::create_dir(&exports).unwrap();
        app.export_dir = Some(exports.clone());
        let files = || std::fs::read_dir(&exports).unwrap().count();
        let compose = |app: &mut App, m: compose::Message| send(app, Message::Compose(m));
        let plain = |app: &App| marz::bidi::strip(&app.letter().unwrap().to_text());
        let complete = |app: &App| app.compose.preview().complete().is_some();

        compose(&mut app, compose::Message::Client("sample-reza".into()));
        compose(&mut app, compose::Message::Scenario(Scenario::Payment));
        compose(&mut app, compose::Message::Template("payment-1".into()));
        for action in typing("(A-12)") {
            compose(&mut app, compose::Message::Input("invoice".into(), action));
        }
        assert!(complete(&app));
        let payment = app.letter().unwrap().clone();
        assert!(plain(&app).contains("(A-12)"), "{}", plain(&app));

        // The price increase, with nothing filled in: its own placeholders, never the
        // payment reminder, and nothing can leave.
        compose(
            &mut app,
            compose::Message::Scenario(Scenario::PriceIncrease),
        );
        let shown = plain(&app);
        assert_eq!(app.letter().unwrap().template, "price-increase-1");
        for placeholder in ["[خدمت]", "[نرخ فعلی]", "[نرخ تازه]"] {
            assert!(shown.contains(placeholder), "{placeholder} in {shown}");
        }
        assert!(
            !shown.contains("(A-12)") && !shown.contains("صورت‌حساب"),
            "{shown}"
        );
        assert!(!complete(&app));
        for m in [
            Message::Compose(compose::Message::Export(Format::Pdf)),
            Message::Compose(compose::Message::Export(Format::Text)),
            Message::Shortcut(Shortcut::Export),
            Message::Compose(compose::Message::Copy),
        ] {
            send(&mut app, m);
        }
        assert_eq!(files(), 0, "nothing was exported");
        assert_eq!(app.notice, None, "nothing was copied either");

        // Back: the payment reminder and its typed invoice.
        compose(&mut app, compose::Message::Scenario(Scenario::Payment));
        assert_eq!(app.letter(), Some(&payment));
        assert!(complete(&app));

        // A client without facts: their own letter with placeholders, not Reza's.
        compose(&mut app, compose::Message::Client("plain".into()));
        let shown = plain(&app);
        assert!(
            shown.contains("Acme Ltd.") && !shown.contains("رضا"),
            "{shown}"
        );
        assert!(shown.contains("[شماره صورت‌حساب]") && !shown.contains("(A-12)"));
        assert!(!complete(&app));
        send(&mut app, Message::Shortcut(Shortcut::Export));
        assert_eq!(files(), 0);

        // Back to Reza: the same letter again, and now it can leave.
        compose(&mut app, compose::Message::Client("sample-reza".into()));
        assert_eq!(app.letter(), Some(&payment));
        compose(&mut app, compose::Message::Export(Format::Text));
        assert_eq!(files(), 1);
        let saved = std::fs::read_dir(&exports)
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let saved = std::fs::read_to_string(saved.path()).unwrap();
        assert_eq!(saved, payment.to_text());
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
