//! Text in the owner's language from the Fluent files under `locales/<lang>/`, compiled into
//! the binary. Used for the letter frame's labels and the interface.

use crate::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{Dir, include_dir};
use std::sync::OnceLock;

static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// The messages of one language.
pub struct Locale {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    keys: Vec<String>,
}

impl Locale {
    fn build(lang: Lang) -> Locale {
        let id: unic_langid::LanguageIdentifier = lang
            .code()
            .parse()
            .expect("fa and en are valid language tags");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks (U+2068/U+2069) around arguments would end up in plain-text letters
        // and e-mails; values are short and the callers isolate where layout needs it.
        bundle.set_use_isolating(false);
        let mut keys = Vec::new();
        if let Some(dir) = LOCALES.get_dir(lang.code()) {
            let mut files: Vec<_> = dir.files().collect();
            files.sort_by_key(|f| f.path());
            for file in files {
                let source = file.contents_utf8().unwrap_or_default().to_string();
                // The locale files are part of the build and tested; a broken one is a bug
                // that the tests catch, so the parts that parse are still used.
                let resource = FluentResource::try_new(source).unwrap_or_else(|(r, _)| r);
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        keys.push(m.id.name.to_string());
                    }
                }
                let _ = bundle.add_resource(resource);
            }
        }
        keys.sort();
        Locale { lang, bundle, keys }
    }

    /// The shared locale of a language.
    pub fn get(lang: Lang) -> &'static Locale {
        static FA: OnceLock<Locale> = OnceLock::new();
        static EN: OnceLock<Locale> = OnceLock::new();
        match lang {
            Lang::Fa => FA.get_or_init(|| Locale::build(Lang::Fa)),
            Lang::En => EN.get_or_init(|| Locale::build(Lang::En)),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every message id in this language, sorted.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The message `key`, or the key itself in brackets when it is missing so that a gap is
    /// visible rather than silent.
    pub fn text(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with named arguments.
    pub fn text_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(*value));
        }
        self.format(key, Some(&fluent_args))
    }

    /// The message `key` with named arguments and one number, for a message that words
    /// itself by it (`{ $days -> [0] … *[other] … }`); the number as shown is the caller's.
    pub fn text_with_number(
        &self,
        key: &str,
        args: &[(&str, &str)],
        number: (&str, i64),
    ) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(*value));
        }
        fluent_args.set(number.0, FluentValue::from(number.1));
        self.format(key, Some(&fluent_args))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return format!("[{key}]");
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// A problem the interface words in the owner's language. Each error type of the core
/// implements it: the kind of problem is a message id in `locales/<lang>/errors.ftl`, and
/// its values are the arguments of that message. The desktop app shows
/// `Locale::problem(&error)`; the command line prints the English wording (the error's
/// `Display`) and adds its own advice (which flag to pass). A test words every kind of
/// every error in both languages.
pub trait Problem {
    /// The message id, e.g. `error-no-client`.
    fn key(&self) -> &'static str;
    /// The values the message names. A problem inside this one is worded first, in
    /// `locale`, and passed as one value.
    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)>;
}

impl Locale {
    /// The wording of `problem` in this language. Each value is isolated from the sentence
    /// around it (a file path or a Latin name keeps its punctuation inside Persian text).
    pub fn problem(&self, problem: &(impl Problem + ?Sized)) -> String {
        let args = problem.args(self);
        let isolated: Vec<(&str, String)> = args
            .iter()
            .map(|(name, value)| (*name, crate::bidi::in_text(value, self.lang)))
            .collect();
        let pairs: Vec<(&str, &str)> = isolated.iter().map(|(n, v)| (*n, v.as_str())).collect();
        self.text_with(problem.key(), &pairs)
    }

    /// A count or position (a line number) in this language's digits.
    pub fn number(&self, n: impl std::fmt::Display) -> String {
        crate::numbers::localize_digits(&n.to_string(), self.lang)
    }
}

/// Implements `Display` for error types as their English wording, so that a log line or the
/// command line reads the same sentence the English interface shows.
macro_rules! english_display {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let locale = $crate::i18n::Locale::get($crate::lang::Lang::En);
                f.write_str(&locale.problem(self))
            }
        }
    )+};
}
pub(crate) use english_display;

/// Shorthand for `Locale::get(lang).text(key)`.
pub fn t(lang: Lang, key: &str) -> String {
    Locale::get(lang).text(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let fa = Locale::get(Lang::Fa).keys();
        let en = Locale::get(Lang::En).keys();
        assert!(!fa.is_empty());
        let only_fa: Vec<_> = fa.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !fa.contains(k)).collect();
        assert!(
            only_fa.is_empty() && only_en.is_empty(),
            "fa only: {only_fa:?}; en only: {only_en:?}"
        );
    }

    #[test]
    fn every_locale_file_parses_cleanly() {
        for lang in Lang::ALL {
            let dir = LOCALES.get_dir(lang.code()).expect("locale dir");
            for file in dir.files() {
                let source = file.contents_utf8().unwrap().to_string();
                assert!(
                    FluentResource::try_new(source).is_ok(),
                    "{} has Fluent syntax errors",
                    file.path().display()
                );
            }
        }
    }

    /// One problem of every kind the core has.
    fn every_problem() -> Vec<Box<dyn Problem>> {
        use crate::profile::ProfileError;
        use crate::render::{InputError, RenderError};
        let mut all: Vec<Box<dyn Problem>> = Vec::new();
        for e in RenderError::samples() {
            // The problem inside is worded on its own too (under a form field).
            if let RenderError::Input(InputError::Invalid { problem, .. }) = &e {
                all.push(Box::new(problem.clone()));
            }
            all.push(Box::new(e));
        }
        for e in ProfileError::samples() {
            if let ProfileError::Invalid { error, .. } = &e {
                all.push(Box::new(error.clone()));
            }
            all.push(Box::new(e));
        }
        fn boxed<P: Problem + 'static>(samples: Vec<P>) -> Vec<Box<dyn Problem>> {
            samples
                .into_iter()
                .map(|e| Box::new(e) as Box<dyn Problem>)
                .collect()
        }
        all.extend(boxed(crate::store::StoreError::samples()));
        all.extend(boxed(crate::export::ExportError::samples()));
        // The e-mail's cover note and the mail program (the export kinds above hold the
        // cover problems too).
        all.extend(boxed(crate::email::CoverError::samples()));
        all.extend(boxed(crate::mail_app::DesktopError::samples()));
        all.extend(boxed(crate::mail_app::MailAppError::samples()));
        // The register of sent letters, and an export through it.
        all.extend(boxed(crate::register::RegisterError::samples()));
        all.extend(boxed(crate::register::SendError::samples()));
        // The owner's images for PDF letters (also inside ExportError), and printing.
        all.extend(boxed(crate::stationery::ImageError::samples()));
        all.extend(boxed(crate::print::PrintError::samples()));
        all
    }

    /// What is left of a message when the values it names are taken out.
    pub(crate) fn wording_without_values(text: &str, values: &[String]) -> String {
        let mut rest = crate::bidi::strip(text);
        let mut values: Vec<String> = values.iter().map(|v| crate::bidi::strip(v)).collect();
        // Longest first, so a value inside another goes with it.
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        for v in values.iter().filter(|v| !v.is_empty()) {
            rest = rest.replace(v.as_str(), " ");
        }
        rest
    }

    /// The Latin words of a Persian text (an acronym such as PDF is not English).
    pub(crate) fn latin_words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty() && *w != "PDF")
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_error_kind_is_worded_in_both_languages_with_its_values() {
        let problems = every_problem();
        let keys: std::collections::BTreeSet<&str> = problems.iter().map(|p| p.key()).collect();
        assert!(keys.len() >= 45, "only {} kinds: {keys:?}", keys.len());
        for problem in &problems {
            for lang in Lang::ALL {
                let locale = Locale::get(lang);
                let key = problem.key();
                assert!(locale.keys().iter().any(|k| k == key), "{lang}: no {key}");
                let text = locale.problem(problem.as_ref());
                assert!(
                    !text.contains('{'),
                    "{lang} {key}: a value is missing: {text}"
                );
                let args = problem.args(locale);
                for (name, value) in &args {
                    // A detail is another library's English account: the Persian wording
                    // leaves it out.
                    if *name == "detail" && lang == Lang::Fa {
                        continue;
                    }
                    if *name == "detail" && !text.contains(value.as_str()) {
                        continue;
                    }
                    assert!(
                        crate::bidi::strip(&text).contains(&crate::bidi::strip(value)),
                        "{lang} {key}: «{value}» ({name}) not in: {text}"
                    );
                }
                if lang == Lang::Fa {
                    let values: Vec<String> = args.into_iter().map(|(_, v)| v).collect();
                    let rest = wording_without_values(&text, &values);
                    assert!(
                        latin_words(&rest).is_empty(),
                        "{key}: English in the Persian wording: {text}"
                    );
                    assert!(
                        !text.contains("--") && !text.contains("marz "),
                        "{key}: command-line advice in the interface: {text}"
                    );
                }
            }
        }
        // Every error message in the files is used by some kind.
        for lang in Lang::ALL {
            let unused: Vec<&String> = Locale::get(lang)
                .keys()
                .iter()
                .filter(|k| k.starts_with("error-") && !keys.contains(k.as_str()))
                .collect();
            assert!(unused.is_empty(), "{lang}: no kind uses {unused:?}");
        }
    }

    #[test]
    fn looks_up_messages_and_arguments() {
        assert_eq!(t(Lang::Fa, "letter-subject"), "موضوع:");
        assert_eq!(t(Lang::En, "letter-subject"), "Subject:");
        assert_eq!(t(Lang::En, "no-such-key"), "[no-such-key]");
        let greeting =
            Locale::get(Lang::En).text_with("letter-greeting-named", &[("name", "Mr Weber")]);
        assert_eq!(greeting, "Dear Mr Weber,");
    }
}
