//! File writes that cannot leave a half-written file behind.

use std::io::{self, Write};
use std::path::Path;

/// Writes `contents` to `path` atomically: a temporary file in the same directory is
/// written, flushed to disk, then renamed over the target, and the directory is synced so
/// the rename itself survives a crash. A reader sees the old file or the new one, never a mix.
pub fn atomic_write(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// The temporary files `atomic_write` makes are named like this; a crash between writing
/// and renaming leaves one behind.
const TEMP_PREFIX: &str = ".marz-";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes the temporary files a crash left in `dir` that are older than `age` (younger ones
/// may belong to a write under way in another process). Returns how many went; a folder
/// that cannot be read, or a file that cannot be removed, is left as it is.
pub fn remove_stale_temp_files(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| {
            e.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| now.duration_since(t).ok())
                        .is_some_and(|old| old > age)
            })
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: some file systems refuse fsync on directories, and the data is already
    // safely in the renamed file.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/file.toml");
        assert!(atomic_write(&target, b"no folder yet").is_err());
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        atomic_write(&target, b"first").unwrap();
        atomic_write(&target, "دوم".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "دوم");
        let names: Vec<_> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("file.toml")]);
    }

    #[test]
    fn renaming_onto_a_directory_fails_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), b"x").unwrap();
        assert!(atomic_write(&target, b"data").is_err());
        assert!(target.join("inside").exists());
        // No temp file left next to it.
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".marz-")
            })
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn stale_temp_files_go_and_fresh_ones_and_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
        let file = |name: &str, modified: Option<std::time::SystemTime>| {
            let path = dir.path().join(name);
            let f = std::fs::File::create(&path).unwrap();
            if let Some(t) = modified {
                f.set_modified(t).unwrap();
            }
            path
        };
        let stale = file(".marz-a1B2c3.tmp", Some(old));
        let fresh = file(".marz-d4E5f6.tmp", None);
        let mine = file("notes.tmp", Some(old));
        let client = file("reza.toml", Some(old));
        let hour = std::time::Duration::from_secs(3600);
        assert_eq!(remove_stale_temp_files(dir.path(), hour), 1);
        assert!(!stale.exists());
        assert!(fresh.exists() && mine.exists() && client.exists());
        assert_eq!(remove_stale_temp_files(&dir.path().join("none"), hour), 0);
    }
}
