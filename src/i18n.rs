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
