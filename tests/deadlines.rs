//! A date the client is asked to act by that falls on their weekend or a public holiday, or
//! that leaves them less than three days, is pointed out before the letter leaves; dates of
//! what already happened are not.

mod common;

use chrono::NaiveDate;
use common::{render, succeeded};
use marz::Lang;
use marz::dates::DayOff;
use marz::render::{SHORT_NOTICE_DAYS, day_off, short_notice};
use marz::template::{InputKind, Library};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn deadlines_on_a_day_off_are_told_and_past_dates_are_not() {
    let library = Library::load(None);
    let letter = d(2026, 11, 25);
    let mut ahead = 0;
    for t in library.all() {
        for spec in t.meta.inputs.iter().filter(|s| s.kind == InputKind::Date) {
            let name = format!("{} {} {}", t.id(), t.lang.code(), spec.name);
            // Friday 27 November 2026 is the Persian reader's weekend, not the English
            // one's; Christmas Day is the English reader's holiday.
            let friday = day_off(spec, "2026-11-27", letter, t.lang);
            let christmas = day_off(spec, "2026-12-25", letter, t.lang);
            let tuesday = day_off(spec, "2026-12-01", letter, t.lang);
            assert_eq!(tuesday, None, "{name}");
            if spec.looks_ahead() {
                ahead += 1;
                match t.lang {
                    Lang::Fa => {
                        assert_eq!(friday, Some((d(2026, 11, 27), DayOff::Weekend)), "{name}");
                        // 25 December 2026 is also a Friday.
                        assert_eq!(christmas.map(|c| c.1), Some(DayOff::Weekend), "{name}");
                    }
                    Lang::En => {
                        assert_eq!(friday, None, "{name}");
                        assert_eq!(christmas.map(|c| c.1), Some(DayOff::Holiday), "{name}");
                    }
                }
                // Typed as a Jalali date or as days from the letter, the same day is found.
                assert_eq!(
                    day_off(spec, "1405/09/06", letter, t.lang),
                    friday,
                    "{name}"
                );
                assert_eq!(day_off(spec, "+2", letter, t.lang), friday, "{name}");
                assert_eq!(day_off(spec, "", letter, t.lang), None, "{name}");
                assert_eq!(day_off(spec, "soon", letter, t.lang), None, "{name}");
            } else {
                assert_eq!(friday, None, "{name}");
                assert_eq!(christmas, None, "{name}");
            }
        }
    }
    // Every deadline-like date of the library is covered: final deadlines, last days, first
    // instalments, dates a price applies from.
    assert!(ahead >= 30, "{ahead} dates look ahead");
    // Deadlines, last days, first instalments and start dates look ahead; dates of what
    // already happened do not.
    for (id, input, ahead) in [
        ("payment-3", "deadline", true),
        ("payment-2", "new_deadline", true),
        ("payment-plan", "first_due", true),
        ("termination-2", "end_date", true),
        ("price-increase-1", "effective_date", true),
        ("termination-3", "balance_due", true),
        ("payment-partial", "paid_on", false),
        ("payment-2", "reminded_on", false),
        ("refund-refusal", "accepted_on", false),
        ("respect-1", "incident_date", false),
    ] {
        for lang in [Lang::Fa, Lang::En] {
            let spec = library.get(id, lang).unwrap().input(input).unwrap();
            assert_eq!(spec.looks_ahead(), ahead, "{id} {input}");
        }
    }
}

/// `marz render` says which deadline falls on the client's day off, on stderr, and still
/// writes the letter; a working-day deadline gets no note.
#[test]
fn the_cli_notes_a_deadline_on_the_clients_day_off() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = |client: &str, deadline: &str| {
        let out = succeeded(
            render(dir.path(), "payment-3", client)
                .args(["--date", "2026-11-25", "--set"])
                .arg(format!("deadline={deadline}")),
        );
        assert!(!out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let friday = stderr("sample-reza", "2026-12-04");
    assert!(
        friday.contains("`deadline` is Friday 4 December 2026, a weekend day"),
        "{friday}"
    );
    assert!(!stderr("sample-daniel", "2026-12-04").contains("note:"));
    let christmas = stderr("sample-daniel", "2026-12-25");
    assert!(christmas.contains("a public holiday"), "{christmas}");
    assert!(!stderr("sample-reza", "2026-12-01").contains("note:"));
}

/// A date the client acts by that leaves them less than three days after the letter is
/// pointed out, with the days it leaves; three days or more, or a date of what already
/// happened, is not.
#[test]
fn deadlines_that_leave_little_time_are_told() {
    let library = Library::load(None);
    let letter = d(2026, 11, 25);
    assert_eq!(SHORT_NOTICE_DAYS, 3);
    for t in library.all() {
        for spec in t.meta.inputs.iter().filter(|s| s.kind == InputKind::Date) {
            let name = format!("{} {} {}", t.id(), t.lang.code(), spec.name);
            let soon = |raw: &str| short_notice(spec, raw, letter).map(|(_, days)| days);
            if spec.looks_ahead() {
                assert_eq!(soon("2026-11-25"), Some(0), "{name}");
                assert_eq!(soon("+1"), Some(1), "{name}");
                assert_eq!(soon("1405/09/06"), Some(2), "{name}");
                assert_eq!(soon("2026-11-28"), None, "{name}");
                assert_eq!(soon("+30"), None, "{name}");
            } else {
                assert_eq!(soon("2026-11-25"), None, "{name}");
                assert_eq!(soon("2026-11-24"), None, "{name}");
            }
        }
    }
}

/// `marz render` notes a final deadline of tomorrow (and a same-day one) on stderr, still
/// writing the letter; a deadline a week away gets no note.
#[test]
fn the_cli_notes_a_deadline_that_leaves_little_time() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = |deadline: &str| {
        let out = succeeded(
            render(dir.path(), "payment-3", "sample-daniel")
                .args(["--date", "2026-11-25", "--set"])
                .arg(format!("deadline={deadline}")),
        );
        assert!(!out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let tomorrow = stderr("+1");
    assert!(
        tomorrow
            .contains("`deadline` is Thursday 26 November 2026, only 1 day after the letter date"),
        "{tomorrow}"
    );
    let today = stderr("2026-11-25");
    assert!(today.contains("the letter's own date"), "{today}");
    assert!(!stderr("+7").contains("note:"));
    // A deadline both near and on the client's day off is told both ways.
    let out = succeeded(render(dir.path(), "payment-3", "sample-reza").args([
        "--date",
        "2026-11-25",
        "--set",
        "deadline=2026-11-27",
    ]));
    let both = String::from_utf8(out.stderr).unwrap();
    assert!(both.contains("a weekend day"), "{both}");
    assert!(both.contains("only 2 days after"), "{both}");
}
