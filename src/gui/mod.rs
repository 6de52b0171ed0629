//! The desktop app. Each screen owns its State, Message, update and view: `update` takes
//! the workspace (what the screens share) and returns a `Task` and, for the app to act on,
//! an `Event`. The app holds the workspace, does the file work through the core library in
//! `Task`s so that the window never waits on it, and never reaches into a screen's state.

mod caret;
mod client_pick;
mod clients;
pub mod compose;
mod editor;
mod findings;
mod fit;
mod focus;
pub mod letters;
// Window-less frames for tests (the GUI benchmark includes the file itself).
#[cfg(test)]
pub mod offscreen;
pub mod page_preview;
mod settings;
pub(crate) mod theme;
pub mod workspace;

use iced::keyboard::{self, Key};
use iced::widget::{button, column, container, text};
use iced::{Element, Length, Subscription, Task, window};
use marz::export::ExportError;
use marz::export::Format;
use marz::i18n::{Locale, Problem};
use marz::mail_app::{Desktop, MailAppError, MailOpened, SystemDesktop};
use marz::register::{Destination, RegisterError, SendError, Takeover};
use marz::store::{ClientList, Settings, StoreError};
use marz::{Lang, Store};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use workspace::{
    Mailed, Trouble, Workspace, export_again, export_letter, mail_letter, open_register,
    print_letter, record_sent, save_draft,
};

/// Set to a folder to save exports there without a dialog (for scripted runs, or desktops
/// without a file-chooser portal).
pub const EXPORT_DIR_ENV: &str = "MARZ_EXPORT_DIR";

/// Set to an image file to take it instead of asking with a file dialog when the owner
/// chooses a letterhead, signature or stamp (for scripted runs: dialogs cannot be driven
/// under Xvfb).
pub const PICK_FILE_ENV: &str = "MARZ_PICK_FILE";

/// Set to a program that takes `lp`'s arguments to print through it instead of `lp` (for
/// scripted runs and tests).
pub const PRINT_COMMAND_ENV: &str = "MARZ_PRINT_COMMAND";

/// The application id: the X11 WM_CLASS and the Wayland app id, matching
/// `assets/marz.desktop` (`StartupWMClass=marz`) so that docks show Marz's icon.
pub const APP_ID: &str = "marz";

/// How long a success notice stays; problems stay until dismissed.
const NOTICE_LIFETIME: Duration = Duration::from_secs(8);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Compose,
    Letters,
    Clients,
    Settings,
}

impl Screen {
    /// The navigation, in order, with each screen's label.
    const NAV: [(Screen, &'static str); 4] = [
        (Screen::Compose, "nav-compose"),
        (Screen::Letters, "nav-letters"),
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
    letters: letters::State,
    settings: settings::State,
    /// The last outcome to tell the owner about: (success, text).
    notice: Option<(bool, String)>,
    /// When the notice appeared: a success goes away by itself after `NOTICE_LIFETIME`.
    notice_since: Option<Instant>,
    /// Where exports go without a save dialog (`MARZ_EXPORT_DIR`), if anywhere.
    export_dir: Option<PathBuf>,
    /// What opens e-mails (the real desktop, or a test's), and where their drafts go.
    desktop: Arc<dyn Desktop + Send + Sync>,
    drafts: PathBuf,
    /// A letter recorded for the mail program that could not open it: the ways left to
    /// send it, under the notice.
    fallback: Option<Fallback>,
    /// Where «چاپ» sends letters: `lp`, or `MARZ_PRINT_COMMAND`.
    printer: marz::print::Printer,
    /// The image file to take without a dialog (`MARZ_PICK_FILE`), if any.
    pick_file: Option<PathBuf>,
    /// Set by `MARZ_EXIT_AFTER_FIRST_FRAME` for the start-up benchmark: frames seen so far.
    measure_start: Option<u32>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Nav(Screen),
    Clients(clients::Message),
    Compose(compose::Message),
    Letters(letters::Message),
    Settings(settings::Message),
    Shortcut(Shortcut),
    Exported(Result<Option<PathBuf>, Arc<SendError>>),
    Mailed(Result<Arc<Mailed>, Arc<SendError>>),
    /// The fallback's buttons: save the draft .eml, copy the letter's text.
    SaveDraft,
    CopyDraft,
    DraftSaved(Result<Option<PathBuf>, Arc<ExportError>>),
    /// The register is ready (opened, and `history/` taken over on its first open).
    RegisterOpened(Result<Option<Takeover>, Arc<RegisterError>>),
    /// The clients were read (see `App::boot`).
    ClientsLoaded(Result<Arc<ClientList>, Arc<StoreError>>),
    /// A copied letter was recorded (as it is returned, with its number).
    Copied(Result<Box<marz::Letter>, Arc<SendError>>),
    /// A recorded letter was written to a file again.
    ExportedAgain(Result<Option<PathBuf>, Arc<RegisterError>>),
    Printed(Result<(), Arc<SendError>>),
    /// An image chosen in the settings: the sender as saved, `None` if cancelled.
    ImageSet(
        marz::stationery::ImageRole,
        Result<Option<Box<marz::profile::Sender>>, Arc<marz::store::ImageChangeError>>,
    ),
    Imported(Result<Option<String>, Arc<StoreError>>),
    Dismiss,
    /// Once a second while a success notice shows.
    NoticeTick,
    Frame,
}

/// A recorded letter the mail program did not take: its draft and its text.
#[derive(Debug, Clone, PartialEq)]
struct Fallback {
    eml: Option<PathBuf>,
    text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    NewClient,
    Search,
    Save,
    Export,
    Copy,
    Print,
    /// Tab (`true`) and Shift+Tab (`false`).
    NextField(bool),
}

/// Opens the desktop app on `store`; `ui` overrides the remembered interface language.
pub fn run(store: Store, ui: Option<Lang>) -> iced::Result {
    let icon = app_icon();
    iced::application(move || App::boot(store.clone(), ui), App::update, App::view)
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
        "p" | "P" => Shortcut::Print,
        _ => return None,
    };
    Some(Message::Shortcut(s))
}

impl App {
    /// The app with the whole workspace read (for tests and benches; `boot` reads the
    /// clients and the register in tasks).
    #[allow(dead_code)]
    pub fn new(store: Store, ui: Option<Lang>) -> Self {
        App::start(store, ui, true)
    }

    fn start(store: Store, ui: Option<Lang>, with_clients: bool) -> Self {
        let ui = ui.unwrap_or(store.load_settings().ui_language);
        let today = chrono::Local::now().date_naive();
        let (workspace, problems) = if with_clients {
            Workspace::open(store, today)
        } else {
            Workspace::open_without_clients(store, today)
        };
        let first = first_client(&workspace, ui);
        let mut settings = settings::State::default();
        settings.load(workspace.sender(), ui);
        let mut app = App {
            compose: compose::State::new(first, &workspace),
            clients: clients::State::new(ui),
            letters: letters::State::new(ui),
            settings,
            workspace,
            ui,
            screen: Screen::Compose,
            notice: None,
            notice_since: None,
            export_dir: std::env::var_os(EXPORT_DIR_ENV).map(PathBuf::from),
            desktop: Arc::new(SystemDesktop),
            drafts: marz::mail_app::drafts_dir(),
            fallback: None,
            printer: std::env::var_os(PRINT_COMMAND_ENV).map_or_else(
                marz::print::Printer::system,
                marz::print::Printer::with_program,
            ),
            pick_file: std::env::var_os(PICK_FILE_ENV).map(PathBuf::from),
            measure_start: std::env::var_os("MARZ_EXIT_AFTER_FIRST_FRAME").map(|_| 0),
        };
        app.tell_problems(problems);
        app
    }

    /// The app and the tasks that read the clients and open the register away from the
    /// window's thread: 10,000 client files take half a second, and the first open of a
    /// workspace imports `history/`; neither may hold up the first frame.
    pub fn boot(store: Store, ui: Option<Lang>) -> (Self, Task<Message>) {
        let app = App::start(store, ui, false);
        let clients = Task::perform(
            workspace::load_clients(app.workspace.store.clone()),
            Message::ClientsLoaded,
        );
        // The clients first: the register's arrival then preselects the first client's
        // thread.
        let task = clients.chain(app.open_register());
        (app, task)
    }

    /// Opens the register in a `Task` (see `boot`).
    pub fn open_register(&self) -> Task<Message> {
        Task::perform(
            open_register(self.workspace.store.clone()),
            Message::RegisterOpened,
        )
    }

    /// The letter the compose screen shows now, complete or not (for tests and
    /// benches/gui.rs).
    #[allow(dead_code)]
    pub fn letter(&self) -> Option<&marz::Letter> {
        self.compose.preview().letter()
    }

    /// The clients arrived (see `boot`): compose starts on the first one.
    fn clients_loaded(&mut self, result: Result<Arc<ClientList>, Arc<StoreError>>) {
        match result.map(Arc::into_inner) {
            Ok(Some(list)) => self.workspace.clients = list,
            Ok(None) => {}
            Err(e) => self.fail(e.as_ref()),
        }
        if let Some(first) = first_client(&self.workspace, self.ui) {
            self.compose.start_with(first, &self.workspace);
        }
        self.clients.refresh(&self.workspace);
    }

    /// Whether the compose screen's page preview shows the letter on screen now (for
    /// benches/gui.rs).
    #[allow(dead_code)]
    pub fn page_is_current(&self) -> bool {
        self.compose.page_is_current()
    }

    /// Shows the first of `problems`, if any, worded in the interface language.
    fn tell_problems(&mut self, problems: Vec<Trouble>) {
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
    fn reload(&mut self) -> Task<Message> {
        let problems = self.workspace.reload();
        self.tell_problems(problems);
        self.settings.load(self.workspace.sender(), self.ui);
        let task = self.register_changed();
        Task::batch([self.settings_thumbnails(), task])
    }

    /// After a letter was recorded, voided or resolved (here or by another process):
    /// the next numbers, the compose screen's thread and the lists are read again.
    fn register_changed(&mut self) -> Task<Message> {
        if let Err(e) = self.workspace.count_numbers() {
            self.fail(&e);
        }
        self.compose.register_changed(&self.workspace);
        self.letters.refresh(&self.workspace);
        self.clients.refresh(&self.workspace);
        self.compose_page()
    }

    /// The compose screen's page preview asked for the letter on screen now (when shown).
    fn compose_page(&mut self) -> Task<Message> {
        self.compose
            .page_task(&self.workspace, false)
            .map(Message::Compose)
    }

    /// After an image was chosen or removed: the workspace read again (its stationery), the
    /// settings' images and the compose screen's page follow; typed settings are kept.
    fn images_changed(&mut self, sender: &marz::profile::Sender) -> Task<Message> {
        let problems = self.workspace.reload();
        self.tell_problems(problems);
        self.settings.images_changed(sender);
        Task::batch([self.settings_thumbnails(), self.refresh_compose()])
    }

    fn settings_thumbnails(&mut self) -> Task<Message> {
        self.settings
            .thumbnails(&self.workspace.exporter())
            .map(Message::Settings)
    }

    /// An image's name as the settings screen labels it.
    fn image_name(&self, role: marz::stationery::ImageRole) -> String {
        settings::IMAGES
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, key)| self.tr(key))
            .unwrap_or_default()
    }

    /// The compose screen's letter built again (new numbers, a new sender or stationery),
    /// and its page preview asked for it.
    fn refresh_compose(&mut self) -> Task<Message> {
        self.compose.refresh(&self.workspace);
        self.compose
            .page_task(&self.workspace, false)
            .map(Message::Compose)
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
                if screen == Screen::Letters {
                    self.letters.refresh(&self.workspace);
                }
                if screen == Screen::Settings {
                    return self.settings_thumbnails();
                }
                Task::none()
            }
            Message::ImageSet(role, result) => match result {
                Ok(Some(sender)) => {
                    let name = self.image_name(role);
                    self.succeed(
                        Locale::get(self.ui).text_with("settings-image-saved", &[("image", &name)]),
                    );
                    self.images_changed(&sender)
                }
                Ok(None) => Task::none(),
                Err(e) => {
                    self.fail(e.as_ref());
                    Task::none()
                }
            },
            Message::Dismiss => {
                self.notice = None;
                self.fallback = None;
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
            Message::Letters(m) => {
                let answer = self.letters.update(m, &self.workspace);
                self.act(answer, Message::Letters, Self::on_letters_event)
            }
            Message::Settings(m) => {
                let answer = self.settings.update(m);
                self.act(answer, Message::Settings, Self::on_settings_event)
            }
            Message::Shortcut(s) => self.on_shortcut(s),
            Message::Exported(result) => {
                let exported = result.is_ok();
                match result {
                    Ok(Some(path)) => self.succeed(self.saved_at("export-saved", &path)),
                    Ok(None) => self.succeed(self.tr("export-cancelled")),
                    Err(failure) => self.fail(failure.as_ref()),
                }
                // An export took a number from the register (or another process did): the
                // preview shows the next one. (The export opened the register if the start-up
                // task had not yet.)
                let attached =
                    self.workspace.register().is_some() || self.workspace.attach_register().is_ok();
                if let Err(e) = self.workspace.count_numbers()
                    && exported
                    && attached
                {
                    self.fail(&e);
                }
                self.compose.register_changed(&self.workspace);
                self.letters.refresh(&self.workspace);
                self.clients.refresh(&self.workspace);
                self.compose_page()
            }
            Message::ClientsLoaded(result) => {
                self.clients_loaded(result);
                self.compose_page()
            }
            Message::RegisterOpened(result) => {
                match result {
                    Ok(takeover) => {
                        if let Err(e) = self.workspace.attach_register() {
                            self.fail(&e);
                        } else if let Some(t) = takeover {
                            self.tell_takeover(&t);
                        }
                    }
                    Err(e) => self.fail(e.as_ref()),
                }
                self.compose.register_opened(&self.workspace);
                self.letters.refresh(&self.workspace);
                self.clients.refresh(&self.workspace);
                self.compose_page()
            }
            Message::Copied(result) => match result {
                Ok(letter) => {
                    let page = self.register_changed();
                    self.succeed(self.tr("export-copied"));
                    // Marked as a text export is, so the lines keep their direction.
                    Task::batch([
                        page,
                        iced::clipboard::write(marz::export::plain_text(&letter)),
                    ])
                }
                Err(e) => {
                    self.fail(e.as_ref());
                    Task::none()
                }
            },
            Message::ExportedAgain(result) => {
                match result {
                    Ok(Some(path)) => self.succeed(self.saved_at("letters-exported-again", &path)),
                    Ok(None) => self.succeed(self.tr("export-cancelled")),
                    Err(e) => self.fail(e.as_ref()),
                }
                Task::none()
            }
            Message::Mailed(result) => self.on_mailed(result),
            Message::SaveDraft => {
                let Some(eml) = self.fallback.as_ref().and_then(|f| f.eml.clone()) else {
                    return Task::none();
                };
                Task::perform(
                    save_draft(eml, self.export_dir.clone()),
                    Message::DraftSaved,
                )
            }
            Message::CopyDraft => {
                let Some(fallback) = self.fallback.take() else {
                    return Task::none();
                };
                self.succeed(self.tr("export-copied"));
                iced::clipboard::write(fallback.text)
            }
            Message::DraftSaved(result) => {
                match result {
                    Ok(Some(path)) => {
                        self.fallback = None;
                        self.succeed(self.saved_at("export-saved", &path));
                    }
                    Ok(None) => {}
                    Err(e) => self.fail(e.as_ref()),
                }
                Task::none()
            }
            Message::Printed(result) => match result {
                Ok(()) => {
                    self.succeed(self.tr("print-sent"));
                    self.register_changed()
                }
                Err(failure) => {
                    self.fail(failure.as_ref());
                    self.refresh_compose()
                }
            },
            Message::Imported(result) => {
                match result {
                    Ok(Some(name)) => {
                        self.succeed(
                            Locale::get(self.ui).text_with("clients-imported", &[("name", &name)]),
                        );
                        return self.reload();
                    }
                    Ok(None) => {}
                    Err(e) => self.fail(e.as_ref()),
                }
                Task::none()
            }
        }
    }

    /// What came of «باز کردن در برنامه رایانامه». The letter was recorded unless `result`
    /// is an error; a mail program that did not open leaves the notice and the ways left
    /// to send the recorded letter.
    fn on_mailed(&mut self, result: Result<Arc<Mailed>, Arc<SendError>>) -> Task<Message> {
        let mailed = match result {
            Ok(mailed) => mailed,
            Err(e) => {
                self.fail(e.as_ref());
                return Task::none();
            }
        };
        let l = Locale::get(self.ui);
        let number = theme::ltr_value(&mailed.number);
        match &mailed.opened {
            Ok(MailOpened::Draft { .. }) => {
                self.succeed(l.text_with("mail-opened", &[("number", &number)]))
            }
            Ok(opened @ MailOpened::Mailto { .. }) => match opened.attach_by_hand() {
                // An instruction the owner must follow: it stays until dismissed.
                Some(pdf) => {
                    let path = theme::ltr_value(&pdf.to_string_lossy());
                    self.notice = Some((
                        false,
                        l.text_with(
                            "mail-opened-attach-by-hand",
                            &[("number", &number), ("path", &path)],
                        ),
                    ));
                }
                None => self.succeed(l.text_with("mail-opened-link", &[("number", &number)])),
            },
            Err(e) => {
                // The core's wording of a missing mail program suggests a PDF export, which
                // here would record the letter again: the app words it with its own ways.
                let told = match e {
                    MailAppError::NoMailProgram { .. } => {
                        l.text_with("mail-not-opened", &[("number", &number)])
                    }
                    MailAppError::Export(e) => l.text_with(
                        "mail-not-written",
                        &[("number", &number), ("reason", &l.problem(e))],
                    ),
                };
                self.notice = Some((false, told));
                self.fallback = Some(Fallback {
                    eml: mailed.eml.clone(),
                    text: mailed.text.clone(),
                });
            }
        }
        // The letter took a number: the preview shows the next one, the lists the letter.
        self.register_changed()
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

    /// After a letter was voided or its thread resolved: the owner is told `told` (or why
    /// it failed), and the screens show the register as it now is.
    fn letter_changed(
        &mut self,
        told: Result<String, marz::register::RegisterError>,
    ) -> Task<Message> {
        match told {
            Ok(text) => {
                self.succeed(text);
                let page = self.register_changed();
                self.letters.done(&self.workspace);
                page
            }
            Err(e) => {
                self.fail(&e);
                Task::none()
            }
        }
    }

    /// The message `key`, which names the file saved at `path`.
    fn saved_at(&self, key: &str, path: &std::path::Path) -> String {
        let path = theme::ltr_value(&path.to_string_lossy());
        Locale::get(self.ui).text_with(key, &[("path", &path)])
    }

    fn on_shortcut(&mut self, s: Shortcut) -> Task<Message> {
        match (s, self.screen) {
            (Shortcut::NextField(forward), _) => focus::next(self.ui.is_rtl(), forward),
            (Shortcut::NewClient, _) => {
                self.screen = Screen::Clients;
                self.update(Message::Clients(clients::Message::New))
            }
            (Shortcut::Search, Screen::Letters) => {
                letters::State::focus_search().map(Message::Letters)
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
            (Shortcut::Print, Screen::Compose) => {
                self.update(Message::Compose(compose::Message::Print))
            }
            _ => Task::none(),
        }
    }

    fn on_settings_event(&mut self, event: settings::Event) -> Task<Message> {
        match event {
            settings::Event::Save(sender) => match self.workspace.store.save_sender(&sender) {
                Ok(()) => {
                    self.succeed(self.tr("settings-saved"));
                    return self.reload();
                }
                Err(e) => self.fail(&e),
            },
            settings::Event::UiLanguage(lang) => {
                self.ui = lang;
                self.settings.set_lang(lang);
                self.clients.set_lang(lang);
                self.letters.set_lang(lang);
                self.compose.set_lang(lang);
                let settings = Settings { ui_language: lang };
                if let Err(e) = self.workspace.store.save_settings(&settings) {
                    self.fail(&e);
                }
            }
            settings::Event::PickImage(role) => {
                let store = self.workspace.store.clone();
                let given = self.pick_file.clone();
                let kinds = self.tr("settings-images");
                return Task::perform(
                    async move {
                        let path = match given {
                            Some(path) => path,
                            None => match rfd::AsyncFileDialog::new()
                                .add_filter(
                                    kinds,
                                    &["png", "jpg", "jpeg", "pdf", "svg", "webp", "gif"],
                                )
                                .pick_file()
                                .await
                            {
                                Some(file) => file.path().to_path_buf(),
                                None => return Ok(None),
                            },
                        };
                        store
                            .set_image(role, &path)
                            .map(|s| Some(Box::new(s)))
                            .map_err(Arc::new)
                    },
                    move |result| Message::ImageSet(role, result),
                );
            }
            settings::Event::RemoveImage(role) => match self.workspace.store.remove_image(role) {
                Ok(sender) => {
                    let name = self.image_name(role);
                    self.succeed(
                        Locale::get(self.ui)
                            .text_with("settings-image-removed", &[("image", &name)]),
                    );
                    return self.images_changed(&sender);
                }
                Err(e) => self.fail(&e),
            },
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
                        let task = self.reload();
                        self.clients.saved(&client.id);
                        self.clients.refresh(&self.workspace);
                        task
                    }
                    Err(e) => {
                        self.fail(&e);
                        Task::none()
                    }
                }
            }
            clients::Event::Delete(id) => match self.workspace.store.trash_client(&id) {
                Ok(path) => {
                    self.succeed(self.saved_at("clients-deleted", &path));
                    self.clients.deleted(&id);
                    let reloaded = self.reload();
                    self.compose.forget(&id, &self.workspace);
                    let page = self.compose.page_task(&self.workspace, false);
                    Task::batch([reloaded, page.map(Message::Compose)])
                }
                Err(e) => {
                    self.fail(&e);
                    Task::none()
                }
            },
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
            clients::Event::OpenLetter(id) => {
                self.screen = Screen::Letters;
                self.letters.show(id, &self.workspace);
                Task::none()
            }
            clients::Event::Compose(id) => {
                self.compose.write_to(id, &self.workspace);
                self.screen = Screen::Compose;
                self.compose
                    .page_task(&self.workspace, false)
                    .map(Message::Compose)
            }
        }
    }

    fn on_compose_event(&mut self, event: compose::Event) -> Task<Message> {
        // A new letter leaves: the last one's fallback is no longer what is on screen.
        self.fallback = None;
        match event {
            // Copied and mailed letters are recorded first: the clipboard and the mail app
            // get the letter under the number the register gave it.
            compose::Event::Copy(letter) => self.copy(*letter),
            compose::Event::Export(letter, format, mailing) => Task::perform(
                export_letter(self.job(), *letter, format, mailing),
                Message::Exported,
            ),
            compose::Event::Print(letter) => Task::perform(
                print_letter(self.job(), *letter, self.printer.clone()),
                Message::Printed,
            ),
            compose::Event::Mail(letter, mailing) => Task::perform(
                mail_letter(
                    self.job(),
                    *letter,
                    mailing,
                    self.drafts.clone(),
                    self.desktop.clone(),
                ),
                |result| Message::Mailed(result.map(Arc::new)),
            ),
        }
    }

    /// What a letter leaving compose needs: the export folder and the thread compose showed.
    fn job(&self) -> workspace::ExportJob {
        let mut job = self.workspace.export_job(self.export_dir.clone());
        job.thread = self.compose.thread_pick();
        job
    }

    /// Records a copied letter; the clipboard then gets it under the number it was given.
    fn copy(&mut self, letter: marz::Letter) -> Task<Message> {
        Task::perform(
            record_sent(self.job(), letter, Destination::Clipboard),
            |r| Message::Copied(r.map(Box::new)),
        )
    }

    /// Says how many letters were taken over from `history/`, and which files could not be.
    fn tell_takeover(&mut self, t: &Takeover) {
        let l = Locale::get(self.ui);
        let mut text = l.text_with("letters-taken-over", &[("count", &l.number(t.imported))]);
        if let Some((path, _)) = t.skipped.first() {
            text.push(' ');
            text.push_str(&l.text_with(
                "letters-takeover-skipped",
                &[
                    ("count", &l.number(t.skipped.len())),
                    ("path", &theme::ltr_value(&path.to_string_lossy())),
                ],
            ));
            self.notice = Some((false, text));
        } else {
            self.succeed(text);
        }
    }

    fn on_letters_event(&mut self, event: letters::Event) -> Task<Message> {
        match event {
            letters::Event::ExportAgain(entry, format) => Task::perform(
                export_again(
                    self.workspace.export_job(self.export_dir.clone()),
                    *entry,
                    format,
                ),
                Message::ExportedAgain,
            ),
            letters::Event::Void { id, reason } => {
                let result = self
                    .workspace
                    .register_mut()
                    .and_then(|r| r.void(id, &reason));
                let told = result.map(|entry| {
                    Locale::get(self.ui).text_with(
                        "letters-voided",
                        &[("number", &marz::bidi::in_text(&entry.number, self.ui))],
                    )
                });
                self.letter_changed(told)
            }
            letters::Event::Resolve { id, note } => {
                let date = self.workspace.date;
                let note = Some(note.as_str()).filter(|n| !n.trim().is_empty());
                let result = self
                    .workspace
                    .register_mut()
                    .and_then(|r| r.resolve(id, note, date));
                let told = result.map(|_| self.tr("letters-resolved"));
                self.letter_changed(told)
            }
            letters::Event::WriteNext(due) => {
                self.compose.write_next(&due, &self.workspace);
                self.screen = Screen::Compose;
                self.compose_page()
            }
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
            Screen::Letters => self.letters.view(self.ui, ws).map(Message::Letters),
            Screen::Clients => self.clients.view(self.ui, ws).map(Message::Clients),
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
        if let Some(fallback) = &self.fallback {
            let mut ways = Vec::new();
            if fallback.eml.is_some() {
                ways.push(
                    button(text(l.text("mail-save-draft")))
                        .style(button::primary)
                        .on_press(Message::SaveDraft)
                        .into(),
                );
            }
            ways.push(
                button(text(l.text("mail-copy-text")))
                    .style(button::secondary)
                    .on_press(Message::CopyDraft)
                    .into(),
            );
            main = main.push(theme::row_dir(self.ui, ways).spacing(8));
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

/// The client compose starts with: one written to in the interface's language, if there is
/// one.
fn first_client(ws: &Workspace, ui: Lang) -> Option<String> {
    let all = &ws.clients.clients;
    all.iter()
        .find(|c| c.language == ui)
        .or(all.first())
        .map(|c| c.id.clone())
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
        // Each action is handled as it comes, as the runtime does: an operation's task ends
        // only once the operation (which holds its channel) is done and dropped.
        let mut stream = std::pin::pin!(stream);
        while let Some(action) = iced::futures::executor::block_on(stream.next()) {
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
                        // An operation may ask for another once it has seen the tree.
                        loop {
                            screen.operate(app, operation.as_mut());
                            match operation.finish() {
                                iced::advanced::widget::operation::Outcome::Chain(next) => {
                                    operation = next;
                                }
                                _ => break,
                            }
                        }
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

    /// The app as it starts, with its start-up task (the register opened) run.
    pub(crate) fn booted(store: marz::Store, ui: Option<Lang>) -> super::App {
        let (mut app, task) = super::App::boot(store, ui);
        run(&mut app, None, task);
        app
    }

    pub(crate) fn send(app: &mut super::App, message: super::Message) {
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
        use super::{Message, Shortcut, clients, compose};
        use iced::advanced::widget::Id;
        use marz::store::Store;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = super::tests::booted(store, None);
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

    /// In a two-page letter, a click on a finding's words selects them in the body and
    /// scrolls the letter to them.
    #[test]
    fn a_click_on_flagged_words_selects_them_and_scrolls_the_letter_to_them() {
        use super::offscreen::{Offscreen, pixel};
        use super::{App, Message, compose};
        use iced::widget::text_editor::{Action, Edit};
        use marz::store::Store;
        use std::sync::Arc;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = App::new(store, Some(Lang::Fa));
        let mut screen = Offscreen::new(1200.0, 800.0);
        screen.frame(&app);
        send_on(
            &mut app,
            &mut screen,
            Message::Compose(compose::Message::EditText),
        );
        let body = app.letter().unwrap().body.clone();
        let long = format!("{body}\n\n{body}\n\n{body}\nراستش را بخواهید، مشکل از شماست.");
        for action in [
            Action::SelectAll,
            Action::Edit(Edit::Paste(Arc::new(long))),
            Action::Move(iced::widget::text_editor::Motion::DocumentStart),
        ] {
            send_on(
                &mut app,
                &mut screen,
                Message::Compose(compose::Message::Body(action.into())),
            );
        }
        // Reddish pixels: the line under flagged words, or the words in the list.
        let size = screen.size();
        let red_rows = |shot: &[u8], field: iced::Rectangle| {
            (field.y.max(0.0) as u32..((field.y + field.height) as u32).min(size.height))
                .filter(|&y| {
                    (field.x as u32..(field.x + field.width) as u32).any(|x| {
                        let c = pixel(shot, size, x, y);
                        c.r > c.g + 0.3 && c.r > c.b + 0.25
                    })
                })
                .count()
        };
        let field = screen.focused_bounds(&app).expect("the body has the focus");
        // The sheet shows the body's first lines; the flagged words, at its end, are out of
        // view.
        let visible = iced::Rectangle {
            y: 70.0,
            height: 470.0,
            ..field
        };
        let before = red_rows(&screen.screenshot(&app), visible);
        assert_eq!(before, 0, "nothing flagged in view yet");
        let blame = (0..10)
            .find(|&i| app.compose.finding_text(i).as_deref() == Some("مشکل از شماست"))
            .expect("the blame is listed");
        send_on(
            &mut app,
            &mut screen,
            Message::Compose(compose::Message::Show(blame)),
        );
        let shot = screen.screenshot(&app);
        let field = screen
            .focused_bounds(&app)
            .expect("the body keeps the focus");
        assert!(
            red_rows(&shot, visible) > 0,
            "the flagged words are in view after the click (body at {field:?})"
        );
        assert_eq!(
            app.compose.selected_text(&app.workspace).as_deref(),
            Some("مشکل از شماست")
        );
    }

    #[test]
    fn a_success_notice_goes_away_after_a_while_and_a_problem_stays() {
        use super::{Message, NOTICE_LIFETIME};
        use marz::store::Store;
        use std::time::Instant;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = super::tests::booted(store, None);
        let _ = app.update(Message::Exported(Ok(None)));
        assert!(matches!(app.notice, Some((true, _))));
        let _ = app.update(Message::NoticeTick);
        assert!(app.notice.is_some(), "still there just after it appeared");
        app.notice_since = Some(Instant::now() - NOTICE_LIFETIME);
        let _ = app.update(Message::NoticeTick);
        assert_eq!(app.notice, None);

        let full = marz::register::SendError::Export(marz::export::ExportError::Write {
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

    /// A desktop that opens what it is told it has a program for, and lists what it was asked.
    #[derive(Default)]
    struct FakeDesktop {
        eml: bool,
        mailto: bool,
        asked: std::sync::Mutex<Vec<String>>,
    }

    impl FakeDesktop {
        /// A desktop with a program for drafts (`eml`) and for `mailto:` links as given.
        fn opening(eml: bool, mailto: bool) -> std::sync::Arc<Self> {
            std::sync::Arc::new(FakeDesktop {
                eml,
                mailto,
                ..FakeDesktop::default()
            })
        }
    }

    /// The numbers of the letters the letters screen lists, in its order.
    fn listed_numbers(app: &super::App) -> Vec<&str> {
        let entries = app.letters.entries();
        entries.iter().map(|e| e.number.as_str()).collect()
    }

    /// Every letter in the store's register, newest first.
    fn recorded(store: &marz::Store) -> Vec<marz::register::Entry> {
        let filter = marz::register::Filter::default();
        store.register().unwrap().list_all(&filter).unwrap()
    }

    impl marz::mail_app::Desktop for FakeDesktop {
        fn open_file(&self, path: &std::path::Path) -> Result<(), marz::mail_app::DesktopError> {
            let target = path.display().to_string();
            self.asked.lock().unwrap().push(target.clone());
            match self.eml {
                true => Ok(()),
                false => Err(marz::mail_app::DesktopError::NoHandler { target }),
            }
        }
        fn open_url(&self, url: &str) -> Result<(), marz::mail_app::DesktopError> {
            self.asked.lock().unwrap().push(url.to_string());
            match self.mailto {
                true => Ok(()),
                false => Err(marz::mail_app::DesktopError::NoHandler {
                    target: "mailto:".into(),
                }),
            }
        }
    }

    /// Copy and mail both go through the register, each once: one row per letter that
    /// leaves, in the thread compose showed, and the mail notice's fallback copy adds none.
    #[test]
    fn a_copied_and_a_mailed_letter_are_each_recorded_once() {
        use super::{Message, compose};
        use marz::store::Store;
        use std::sync::Arc;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = booted(store.clone(), Some(Lang::Fa));
        app.drafts = dir.path().join("drafts");
        app.desktop = FakeDesktop::opening(true, false);
        let rows = || recorded(&store);
        assert!(app.compose.preview().complete().is_some());
        assert!(rows().is_empty());

        send(&mut app, Message::Compose(compose::Message::Copy));
        let after_copy = rows();
        assert_eq!(after_copy.len(), 1, "{:?}", app.notice);
        assert_eq!(after_copy[0].sent_as, "clipboard");

        send(&mut app, Message::Compose(compose::Message::Mail));
        let after_mail = rows();
        assert_eq!(after_mail.len(), 2, "{:?}", app.notice);
        assert_eq!(after_mail[0].sent_as, "mail");
        assert_ne!(after_mail[0].number, after_mail[1].number);
        // The second letter continues the thread the first one opened, as compose showed.
        assert_eq!(after_mail[0].thread, after_mail[1].thread);

        // No mail program: recorded once more, and copying the fallback records nothing.
        app.desktop = Arc::new(FakeDesktop::default());
        send(&mut app, Message::Compose(compose::Message::Mail));
        assert_eq!(rows().len(), 3);
        assert!(app.fallback.is_some());
        send(&mut app, Message::CopyDraft);
        assert_eq!(rows().len(), 3);
    }

    /// «باز کردن در برنامه رایانامه»: each letter mailed is recorded once, with its number;
    /// the PDF goes attached when asked; with no mail program the owner is told, and the
    /// draft can be saved (without a second record) or the text copied.
    #[test]
    fn each_letter_mailed_is_recorded_once_and_no_mail_program_leaves_ways_to_send_it() {
        use super::{App, Message, compose};
        use marz::store::Store;
        use std::sync::Arc;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = App::new(store.clone(), Some(Lang::Fa));
        let exports = dir.path().join("exports");
        std::fs::create_dir(&exports).unwrap();
        app.export_dir = Some(exports.clone());
        app.drafts = dir.path().join("drafts");
        let desktop = FakeDesktop::opening(true, false);
        app.desktop = desktop.clone();
        let compose = |m| Message::Compose(m);
        let letters = || recorded(&store);
        assert!(app.compose.preview().complete().is_some());
        let client = app.letter().unwrap().client.clone();
        assert!(letters().is_empty());

        // With the PDF attached: the draft opens, one letter is recorded, as mailed.
        send(&mut app, compose(compose::Message::AttachPdf(true)));
        send(&mut app, compose(compose::Message::Mail));
        let sent = letters();
        assert_eq!(sent.len(), 1, "{:?}", app.notice);
        assert_eq!(sent[0].sent_as, "mail");
        assert_eq!(sent[0].client, client);
        let (ok, notice) = app.notice.clone().expect("the owner is told");
        assert!(ok && notice.contains(&sent[0].number), "{notice}");
        assert_eq!(app.fallback, None);
        let asked = desktop.asked.lock().unwrap().clone();
        assert_eq!(asked.len(), 1, "{asked:?}");
        use mail_parser::MimeHeaders;
        let raw = std::fs::read(&asked[0]).unwrap();
        let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
        assert_eq!(message.attachment_count(), 1);
        let pdf = message.attachment(0).unwrap();
        assert!(pdf.contents().starts_with(b"%PDF-"));
        // The body is the cover note, naming the attached file, and the draft carries the
        // number the register gave.
        let body = message.body_text(0).unwrap();
        let name = pdf.attachment_name().unwrap();
        assert!(body.contains(name), "{body}");
        assert!(marz::bidi::strip(&body).contains(&marz::bidi::strip(&sent[0].number)));

        // Only a mailto: link opens, which carries no file: the PDF is written beside the
        // draft, and the notice, which stays, names it to be attached by hand.
        app.desktop = FakeDesktop::opening(false, true);
        send(&mut app, compose(compose::Message::Mail));
        assert_eq!(letters().len(), 2);
        let (ok, notice) = app.notice.clone().expect("the owner is told");
        assert!(!ok, "{notice}");
        let pdf = std::fs::read_dir(&app.drafts)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "pdf"))
            .expect("the PDF to attach");
        assert!(notice.contains(&*pdf.to_string_lossy()), "{notice}");
        assert_eq!(app.fallback, None);

        // No mail program at all: the third letter is recorded, and the owner is told so
        // in Persian, with the ways left to send it.
        app.desktop = Arc::new(FakeDesktop::default());
        send(&mut app, compose(compose::Message::Mail));
        let sent = letters();
        assert_eq!(sent.len(), 3);
        let mut numbers: Vec<&str> = sent.iter().map(|e| e.number.as_str()).collect();
        numbers.sort();
        numbers.dedup();
        assert_eq!(numbers.len(), 3, "{numbers:?}");
        let (ok, notice) = app.notice.clone().expect("the owner is told");
        assert!(!ok, "{notice}");
        assert!(notice.contains("برنامه رایانامه"), "{notice}");
        let numbers: Vec<&str> = sent.iter().map(|e| e.number.as_str()).collect();
        assert!(numbers.iter().any(|n| notice.contains(n)), "{notice}");
        let latin = latin_words_besides(&notice, &numbers);
        assert!(latin.is_empty(), "{latin:?} in «{notice}»");
        let fallback = app.fallback.clone().expect("ways to send it");
        let eml = fallback.eml.clone().expect("the draft was written");
        // The text to copy is the letter recorded last, as a text export writes it.
        let latest = sent.iter().max_by_key(|e| e.id).unwrap();
        assert!(notice.contains(&latest.number), "{notice}");
        let record = store.register().unwrap().record(latest.id).unwrap();
        assert_eq!(
            fallback.text,
            marz::bidi::anchor_lines(&record.text, Lang::Fa)
        );
        // Saving the draft copies it as is: no second record, no new number.
        send(&mut app, Message::SaveDraft);
        let saved = exports.join(eml.file_name().unwrap());
        assert_eq!(std::fs::read(&saved).unwrap(), std::fs::read(&eml).unwrap());
        assert_eq!(letters().len(), 3);
        assert_eq!(app.fallback, None);
        assert!(matches!(&app.notice, Some((true, _))), "{:?}", app.notice);

        // A letter that cannot be e-mailed (the client has no address) is not recorded.
        let mut reza = store.load_client(&client).unwrap();
        reza.email = None;
        store.save_client(&reza, true).unwrap();
        let _ = app.update(Message::Nav(super::Screen::Compose));
        let task = app.reload();
        run(&mut app, None, task);
        send(&mut app, compose(compose::Message::Mail));
        assert_eq!(letters().len(), 3);
        assert!(matches!(&app.notice, Some((false, _))), "{:?}", app.notice);
        assert_eq!(app.fallback, None);
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
        let mut app = super::tests::booted(store.clone(), None);
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
                    Message::Clients(clients::Message::Field(field, action.into())),
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
                    compose(compose::Message::Input(input.into(), action.into())),
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
            compose(compose::Message::Body(
                Action::Move(Motion::DocumentEnd).into(),
            )),
        );
        send(
            &mut app,
            compose(compose::Message::Body(
                Action::Edit(Edit::Paste(Arc::new(format!("\n\n{own}")))).into(),
            )),
        );
        assert!(app.letter().unwrap().body.ends_with(own));

        // Export as plain text and as .eml; each lands in the folder and in the register.
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
        let register = store.register().unwrap();
        let sent = register.list_all(&Default::default()).unwrap();
        assert_eq!(sent.len(), 2, "{sent:?}");
        assert!(sent.iter().all(|h| h.client == "novin"));
        // The register numbered them: the preview showed the first number, the text file
        // carries it, the e-mail took the next, and the preview now shows the one after.
        let (eml, text_entry) = (&sent[0], &sent[1]);
        assert_eq!(text_entry.number, letter.number);
        assert!(
            marz::bidi::strip(&text).contains(&format!("شماره: {}\n", text_entry.number)),
            "{text}"
        );
        assert_eq!(text_entry.path.as_deref(), Some(txt.to_str().unwrap()));
        assert_ne!(eml.number, text_entry.number);
        let recorded = register.record(text_entry.id).unwrap().text;
        assert!(
            recorded.contains(own),
            "the owner's edit is what was recorded"
        );
        let next = register
            .peek_number(Some("NA"), app.workspace.date, Lang::Fa)
            .unwrap();
        assert_eq!(app.letter().unwrap().number, next);
        assert!(![&eml.number, &text_entry.number].contains(&&next));

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
        let mut app = super::tests::booted(store, Some(Lang::Fa));
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
            compose(
                &mut app,
                compose::Message::Input("invoice".into(), action.into()),
            );
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
        assert_eq!(saved, marz::export::plain_text(&payment));
    }

    /// The register in the app, by its messages: a letter that leaves is recorded; the next
    /// level of its thread is preselected, pre-filled from it and cites it exactly as it is
    /// recorded; "new thread" cites nothing; a copy is recorded; the letters screen lists
    /// newest first and finds what is typed; an opened letter is exported again under its own
    /// number, voided only with a reason, and its thread resolved; a due follow-up opens
    /// compose on the suggested letter of that thread.
    /// The payment details (three lines in sender.toml) leave with a first reminder as
    /// three lines, come back from the register into the next letter's form as three
    /// lines, and the preview lays out exactly the letter's lines: one text per line, each
    /// ending at the right edge of the sheet.
    #[test]
    fn the_payment_details_stay_lines_from_the_register_to_the_form_and_the_preview() {
        use super::offscreen::Offscreen;
        use super::{Message, compose};
        use chrono::NaiveDate;
        use marz::export::Format;
        use marz::register::Filter;
        use marz::{Scenario, Store};

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = booted(store.clone(), Some(Lang::Fa));
        let exports = dir.path().join("exports");
        std::fs::create_dir(&exports).unwrap();
        app.export_dir = Some(exports);
        app.workspace.date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let compose = |app: &mut super::App, m| send(app, Message::Compose(m));
        let details: Vec<String> = app
            .workspace
            .sender()
            .and_then(|s| s.payment_details.clone())
            .expect("the sample sender has payment details")
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(details.len(), 3, "{details:?}");
        let lines_of = |letter: &marz::Letter| -> Vec<String> {
            letter.body.lines().map(marz::bidi::strip).collect()
        };
        let has_details = |letter: &marz::Letter| {
            let lines = lines_of(letter);
            lines.windows(3).any(|w| w == details.as_slice())
        };

        compose(&mut app, compose::Message::Client("sample-reza".into()));
        compose(&mut app, compose::Message::Scenario(Scenario::Payment));
        compose(&mut app, compose::Message::Template("payment-2".into()));
        assert!(has_details(app.letter().unwrap()), "{:#?}", app.letter());
        compose(&mut app, compose::Message::Export(Format::Text));
        let register = store.register().unwrap();
        let first = register.list_all(&Filter::default()).unwrap()[0].clone();
        let recorded = register.record(first.id).unwrap();
        assert_eq!(recorded.inputs["payment_details"], details.join("\n"));

        // The next level, filled from the register: still three lines.
        compose(&mut app, compose::Message::Scenario(Scenario::Respect));
        compose(&mut app, compose::Message::Scenario(Scenario::Payment));
        let letter = app.letter().unwrap().clone();
        assert_eq!(letter.template, "payment-3");
        assert!(letter.reference.is_some(), "it continues the thread");
        assert!(has_details(&letter), "{:#?}", lines_of(&letter));

        // The preview, at two widths: each line of the body is one text on the sheet, and
        // the lines of a paragraph end at the same right edge.
        for width in [1200.0, 900.0] {
            let mut screen = Offscreen::new(width, 800.0);
            screen.frame(&app);
            let texts = screen.texts(&app);
            let shown = |line: &str| {
                texts
                    .iter()
                    .filter(|(_, t)| marz::bidi::strip(t) == line)
                    .map(|(bounds, _)| *bounds)
                    .collect::<Vec<_>>()
            };
            let mut rights = Vec::new();
            let mut last_y = 0.0;
            for line in &details {
                let found = shown(line);
                assert_eq!(found.len(), 1, "{line} at {width}: {texts:#?}");
                assert!(found[0].y > last_y, "{line} below the line before");
                last_y = found[0].y;
                rights.push(found[0].x + found[0].width);
            }
            let first_line = lines_of(&letter)
                .into_iter()
                .find(|l| !l.is_empty())
                .unwrap();
            let body_right = shown(&first_line)[0];
            for right in rights {
                assert!(
                    (right - (body_right.x + body_right.width)).abs() < 1.0,
                    "at {width}: {right} vs {body_right:?}"
                );
            }
        }
    }

    #[test]
    fn letters_leave_through_the_register_and_the_next_one_cites_the_last() {
        use super::{Message, Screen, client_pick, compose, letters};
        use crate::gui::editor::typing;
        use chrono::NaiveDate;
        use marz::export::Format;
        use marz::register::{Filter, Status, ThreadPick};
        use marz::{Scenario, Store};

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = booted(store.clone(), Some(Lang::Fa));
        assert!(
            app.workspace.register().is_some(),
            "the start-up task opened it"
        );
        let exports = dir.path().join("exports");
        std::fs::create_dir(&exports).unwrap();
        app.export_dir = Some(exports.clone());
        app.workspace.date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let compose = |app: &mut super::App, m| send(app, Message::Compose(m));
        let register = || store.register().unwrap();
        let all = || register().list_all(&Filter::default()).unwrap();

        // A first reminder, with an amount the client's file does not hold.
        compose(&mut app, compose::Message::Client("sample-reza".into()));
        compose(&mut app, compose::Message::Scenario(Scenario::Payment));
        compose(&mut app, compose::Message::Template("payment-1".into()));
        for action in typing("۹۹۰۰۰۰۰") {
            compose(
                &mut app,
                compose::Message::Input("amount".into(), action.into()),
            );
        }
        assert_eq!(app.letter().unwrap().reference, None, "nothing to cite yet");
        compose(&mut app, compose::Message::Export(Format::Text));
        let first = all();
        assert_eq!(first.len(), 1, "{first:?}");
        let first = first[0].clone();

        // Back to payment later: the next level is chosen, filled from the first letter,
        // and the preview cites it.
        compose(&mut app, compose::Message::Scenario(Scenario::Respect));
        compose(&mut app, compose::Message::Scenario(Scenario::Payment));
        let second = app.letter().unwrap().clone();
        assert_eq!(second.template, "payment-2");
        let cited = second.reference.clone().expect("it cites the first letter");
        assert_eq!(cited.number, first.number);
        assert_eq!(cited.date, first.date);
        let shown = marz::bidi::strip(&second.to_text());
        assert!(
            shown.contains(&format!("پیرو نامه شماره {}", first.number)),
            "{shown}"
        );
        assert!(shown.contains("نه میلیون و نهصد هزار"), "{shown}");
        assert_eq!(app.compose.thread_pick(), ThreadPick::Thread(first.thread));
        compose(&mut app, compose::Message::Export(Format::Text));
        let now = all();
        assert_eq!(now.len(), 2);
        let recorded = register().record(now[0].id).unwrap();
        assert_eq!(recorded.entry.thread, first.thread, "the same thread");
        assert_eq!(recorded.entry.template, "payment-2");
        assert_eq!(
            recorded.text,
            second.clone().renumbered(&recorded.entry.number).to_text(),
            "what the preview showed is what was recorded"
        );

        // A new thread instead: nothing cited; copied, and the copy recorded.
        compose(&mut app, compose::Message::NewThread(true));
        assert_eq!(app.letter().unwrap().reference, None);
        assert_eq!(app.compose.thread_pick(), ThreadPick::New);
        compose(&mut app, compose::Message::Copy);
        let now = all();
        assert_eq!(now.len(), 3);
        assert_eq!(now[0].sent_as, "clipboard");
        assert_ne!(now[0].thread, first.thread);
        assert!(matches!(app.notice, Some((true, _))), "{:?}", app.notice);

        // The letters screen: newest first, searched as typed (Arabic letter forms too).
        send(&mut app, Message::Nav(Screen::Letters));
        let ids: Vec<i64> = app.letters.entries().iter().map(|e| e.id).collect();
        assert_eq!(ids, now.iter().map(|e| e.id).collect::<Vec<_>>());
        assert!(ids.windows(2).all(|w| w[0] > w[1]), "{ids:?}");
        for action in typing(&marz::persian::to_ascii_digits(&first.number)) {
            send(
                &mut app,
                Message::Letters(letters::Message::Search(action.into())),
            );
        }
        let found = listed_numbers(&app);
        assert!(found.contains(&first.number.as_str()), "{found:?}");
        assert!(found.len() < 3, "{found:?}");
        for action in typing("") {
            send(
                &mut app,
                Message::Letters(letters::Message::Search(action.into())),
            );
        }
        send(
            &mut app,
            Message::Letters(letters::Message::Status(Some(Status::Sent))),
        );
        assert_eq!(app.letters.entries().len(), 3);
        // The client filter is a search, not a list of every client.
        let pick = |m| Message::Letters(letters::Message::Picker(m));
        send(&mut app, pick(client_pick::Message::Toggle));
        for action in typing("كريمي") {
            send(&mut app, pick(client_pick::Message::Search(action.into())));
        }
        send(
            &mut app,
            pick(client_pick::Message::Pick(Some("sample-nazanin".into()))),
        );
        assert!(
            app.letters.entries().is_empty(),
            "no letter went to Nazanin"
        );
        send(&mut app, pick(client_pick::Message::Toggle));
        send(&mut app, pick(client_pick::Message::Pick(None)));
        assert_eq!(app.letters.entries().len(), 3);

        // The first letter opened: its text as recorded; saved again under its own number.
        send(&mut app, Message::Letters(letters::Message::Open(first.id)));
        let opened = app.letters.opened().unwrap().clone();
        assert_eq!(opened.entry.number, first.number);
        let before = std::fs::read_dir(&exports).unwrap().count();
        let next = app.workspace.next_number(Lang::Fa);
        std::fs::remove_dir_all(&exports).unwrap();
        std::fs::create_dir(&exports).unwrap();
        send(
            &mut app,
            Message::Letters(letters::Message::ExportAgain(Format::Text)),
        );
        let again: Vec<_> = std::fs::read_dir(&exports).unwrap().collect();
        assert_eq!(again.len(), 1, "{before} before");
        let text = std::fs::read_to_string(again[0].as_ref().unwrap().path()).unwrap();
        // A text file marks its lines' direction (`export::plain_text`); the words are the record's.
        assert_eq!(text, marz::bidi::anchor_lines(&opened.text, Lang::Fa));
        assert_eq!(all().len(), 3, "nothing new recorded");
        assert_eq!(app.workspace.next_number(Lang::Fa), next, "no number taken");

        // Void: not without a reason; then with one, and it keeps its number.
        send(&mut app, Message::Letters(letters::Message::AskVoid));
        send(&mut app, Message::Letters(letters::Message::ConfirmVoid));
        assert_eq!(
            register().record(first.id).unwrap().entry.status,
            Status::Sent
        );
        for action in typing("برای مشتری دیگری بود") {
            send(
                &mut app,
                Message::Letters(letters::Message::Reason(action.into())),
            );
        }
        send(&mut app, Message::Letters(letters::Message::ConfirmVoid));
        let voided = register().record(first.id).unwrap();
        assert_eq!(voided.entry.status, Status::Void);
        assert_eq!(voided.entry.number, first.number);
        assert_eq!(voided.void_reason.as_deref(), Some("برای مشتری دیگری بود"));
        assert_eq!(app.letters.opened().unwrap().entry.status, Status::Void);

        // Resolve the second letter's thread.
        send(
            &mut app,
            Message::Letters(letters::Message::Open(now[1].id)),
        );
        send(&mut app, Message::Letters(letters::Message::AskResolve));
        send(&mut app, Message::Letters(letters::Message::ConfirmResolve));
        let resolved = register().record(now[1].id).unwrap();
        assert_eq!(resolved.entry.status, Status::Resolved);

        // Weeks later the copied letter's thread is due: its entry opens compose on the
        // next level for that client, in that thread, citing it.
        app.workspace.date = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        send(&mut app, Message::Nav(Screen::Letters));
        let due = app.letters.due().to_vec();
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].thread, now[0].thread);
        send(&mut app, Message::Letters(letters::Message::WriteNext(0)));
        assert_eq!(app.screen, Screen::Compose);
        let next = app.letter().unwrap();
        assert_eq!(next.template, due[0].suggest);
        assert_eq!(next.client, "sample-reza");
        assert_eq!(next.reference.as_ref().unwrap().number, now[0].number);
        assert_eq!(app.compose.thread_pick(), ThreadPick::Thread(now[0].thread));
    }

    /// A workspace with letters in history/ opens without reading them: the register is
    /// created and the letters taken over by the start-up task, and the owner is told.
    #[test]
    fn history_is_taken_over_by_the_start_up_task_not_before_the_first_frame() {
        use super::{App, Message, Screen};
        use marz::Store;

        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("data");
        let (store, _) = Store::open(&root).unwrap();
        std::fs::create_dir_all(root.join("history")).unwrap();
        std::fs::write(
            root.join("history/001.toml"),
            "number = \"NA/۱۴۰۵/۰۰۷\"\ndate = \"2026-11-01\"\nclient = \"sample-reza\"\ntemplate = \"payment-1\"\nlang = \"fa\"\nsubject = \"یادآوری پرداخت\"\ntext = \"متن نامه\"\n",
        )
        .unwrap();
        let (mut app, task) = App::boot(store, Some(Lang::Fa));
        assert!(!root.join("register.sqlite3").exists(), "nothing read yet");
        assert!(app.workspace.register().is_none());
        run(&mut app, None, task);
        assert!(app.workspace.register().is_some());
        let (ok, notice) = app.notice.clone().expect("the takeover is told");
        assert!(ok && notice.contains('۱'), "{notice}");
        send(&mut app, Message::Nav(Screen::Letters));
        let numbers = listed_numbers(&app);
        assert_eq!(numbers, ["NA/۱۴۰۵/۰۰۷"]);
        // Numbering continues after it.
        assert_eq!(
            marz::persian::to_ascii_digits(&app.workspace.next_number(Lang::Fa)),
            format!("NA/{}/008", marz::dates::to_jalali(app.workspace.date).year)
        );
    }

    /// A stand-in for `lp`: keeps the PDF it is given in `printed.pdf`.
    fn fake_lp(dir: &std::path::Path) -> marz::print::Printer {
        use std::os::unix::fs::PermissionsExt;
        let lp = dir.join("lp");
        let script = format!(
            "#!/bin/sh\ncat > {}\necho 'request id is Office-1 (1 file(s))'\n",
            dir.join("printed.pdf").display()
        );
        std::fs::write(&lp, script).unwrap();
        std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
        marz::print::Printer::with_program(&lp)
    }

    /// The page preview shows the very letter that leaves: its pixels are those of the
    /// letter the register recorded, typeset again, and the PDF saved and the PDF printed
    /// are that letter's. Leaving the stamp off changes the preview and what leaves alike.
    /// A printer that is missing is told in Persian and nothing is recorded.
    #[test]
    fn the_page_preview_is_the_letter_that_is_saved_and_printed() {
        use super::page_preview::FIT_SCALE;
        use super::{App, Message, compose};
        use marz::export::Format;
        use marz::store::Store;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = booted(store.clone(), Some(Lang::Fa));
        let exports = dir.path().join("exports");
        std::fs::create_dir(&exports).unwrap();
        app.export_dir = Some(exports.clone());
        app.printer = fake_lp(dir.path());
        let compose = |app: &mut App, m| send(app, Message::Compose(m));
        compose(&mut app, compose::Message::Template("payment-3".into()));
        assert!(
            app.compose.page_images().is_empty(),
            "drawn only when shown"
        );
        compose(&mut app, compose::Message::ShowPage(true));
        assert!(app.compose.page_is_current());
        let stamped = app.compose.page_images().to_vec();
        assert!(!stamped.is_empty());
        assert_eq!(stamped[0].width, 893, "A4 at 1.5 pixels a point");

        let register = store.register().unwrap();
        let recorded = |n: usize| {
            let all = register.list_all(&Default::default()).unwrap();
            assert_eq!(all.len(), n, "{all:?}");
            register.record(all[0].id).unwrap()
        };
        let exporter = app.workspace.exporter();
        assert!(exporter.stationery().stamp.is_some());

        // Saved as PDF: the preview is the recorded letter's pages, the file its PDF.
        compose(&mut app, compose::Message::Export(Format::Pdf));
        let saved = recorded(1);
        let letter = saved.letter.clone().unwrap();
        assert!(letter.with_signature && letter.with_stamp);
        let typeset = exporter.typeset(&letter).unwrap();
        assert!(stamped == typeset.page_images(FIT_SCALE), "preview ≠ saved");
        let file = std::fs::read(saved.entry.path.as_deref().unwrap()).unwrap();
        assert!(
            file == typeset.pdf().unwrap(),
            "the file is not that letter"
        );

        // The stamp left off: the preview changes, and the printed letter is the new one.
        compose(&mut app, compose::Message::Stamp(false));
        let unstamped = app.compose.page_images().to_vec();
        assert!(unstamped != stamped);
        assert!(!app.letter().unwrap().with_stamp);
        compose(&mut app, compose::Message::Print);
        let (ok, notice) = app.notice.clone().unwrap();
        assert!(ok, "{notice}");
        let printed = recorded(2);
        assert_eq!(printed.entry.sent_as, "print");
        let letter = printed.letter.clone().unwrap();
        assert!(letter.with_signature && !letter.with_stamp);
        let typeset = exporter.typeset(&letter).unwrap();
        assert!(
            unstamped == typeset.page_images(FIT_SCALE),
            "preview ≠ printed"
        );
        let paper = std::fs::read(dir.path().join("printed.pdf")).unwrap();
        assert!(
            paper == typeset.pdf().unwrap(),
            "the printer got another letter"
        );
        // The preview moved on to the next number, and shows it.
        assert_ne!(app.letter().unwrap().number, letter.number);
        assert!(app.compose.page_is_current());
        assert!(app.compose.page_images() != unstamped.as_slice());

        // No printing system: told in Persian, nothing recorded, the number kept.
        app.printer = marz::print::Printer::with_program(dir.path().join("no-lp"));
        let number = app.letter().unwrap().number.clone();
        compose(&mut app, compose::Message::Print);
        let (ok, notice) = app.notice.clone().unwrap();
        assert!(!ok && notice.contains("سامانه چاپ"), "{notice}");
        let latin =
            latin_words_besides(&notice, &[&dir.path().join("no-lp").display().to_string()]);
        assert!(latin.is_empty(), "{latin:?} in {notice}");
        recorded(2);
        assert_eq!(app.letter().unwrap().number, number);
    }

    /// Choosing an image copies it into the workspace and puts it on the letters at once,
    /// keeping what was typed in the settings; a file that is not an image is told by name
    /// and changes nothing; removing the signature takes its checkbox away.
    #[test]
    fn images_chosen_in_the_settings_reach_the_page() {
        use super::{Message, Screen, compose, settings};
        use crate::gui::editor::typing;
        use marz::stationery::ImageRole;
        use marz::store::Store;

        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("data")).unwrap();
        let mut app = booted(store.clone(), Some(Lang::Fa));
        send(&mut app, Message::Compose(compose::Message::ShowPage(true)));
        let before = app.compose.page_images().to_vec();
        send(&mut app, Message::Nav(Screen::Settings));
        assert!(
            app.settings.thumbnails_shown() >= 3,
            "letterhead, signature, stamp"
        );
        // Typed, not saved yet.
        for action in typing("مدیر هنری") {
            send(
                &mut app,
                Message::Settings(settings::Message::Field(
                    settings::Field::Role,
                    action.into(),
                )),
            );
        }
        // A second-page letterhead, from a file outside the workspace.
        let outside = dir.path().join("سربرگ دوم.png");
        std::fs::write(&outside, include_bytes!("../../assets/sample/stamp.png")).unwrap();
        app.pick_file = Some(outside.clone());
        send(
            &mut app,
            Message::Settings(settings::Message::PickImage(ImageRole::LetterheadNext)),
        );
        let (ok, notice) = app.notice.clone().unwrap();
        assert!(ok, "{notice}");
        let sender = store.load_sender().unwrap();
        assert_eq!(
            sender.letterhead_next.as_deref(),
            Some("letterhead_next.png")
        );
        assert!(dir.path().join("data/letterhead_next.png").exists());
        assert!(
            app.workspace
                .exporter()
                .stationery()
                .letterhead_next
                .is_some()
        );
        assert_eq!(app.settings.thumbnails_shown(), 4);
        send(&mut app, Message::Settings(settings::Message::Save));
        let sender = store.load_sender().unwrap();
        assert_eq!(sender.role.as_deref(), Some("مدیر هنری"));
        assert_eq!(
            sender.letterhead_next.as_deref(),
            Some("letterhead_next.png"),
            "saving the form keeps the image"
        );

        // Not an image: told by name, in Persian; nothing changes.
        let text = dir.path().join("notes.png");
        std::fs::write(&text, "just words").unwrap();
        app.pick_file = Some(text.clone());
        send(
            &mut app,
            Message::Settings(settings::Message::PickImage(ImageRole::Signature)),
        );
        let (ok, notice) = app.notice.clone().unwrap();
        let shown = text.display().to_string();
        assert!(!ok && notice.contains(&shown), "{notice}");
        assert!(
            latin_words_besides(&notice, &[&shown, "PNG, JPEG, GIF, WebP, SVG, PDF"]).is_empty(),
            "{notice}"
        );
        assert_eq!(
            store.load_sender().unwrap().signature.as_deref(),
            Some("signature.png")
        );

        // The signature removed: off the page, and its checkbox goes.
        send(
            &mut app,
            Message::Settings(settings::Message::RemoveImage(ImageRole::Signature)),
        );
        assert_eq!(store.load_sender().unwrap().signature, None);
        assert!(app.workspace.exporter().stationery().signature.is_none());
        assert!(app.compose.page_is_current());
        let after = app.compose.page_images().to_vec();
        assert!(after != before);
        let letter = app.letter().unwrap().clone();
        let exporter = app.workspace.exporter();
        let typeset = exporter.typeset(&letter).unwrap();
        assert!(after == typeset.page_images(super::page_preview::FIT_SCALE));
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
