//! Graph files known by their metadata, so that a lookup need not read and hash them to
//! find their stamp: at 100,000 causes reading and hashing the files takes longer than
//! the search itself (BENCHMARKS.md).
//!
//! After a load has read some files and worked out their content digest, it is
//! remembered under a key made of every file's name, device, inode, size, modification
//! time and change time (to the nanosecond), in order. A later load whose files have
//! exactly that metadata takes the digest from there without opening them. Writing a
//! file changes its change time, which no program can set back (`touch` sets the
//! modification time only); so, as git does for its index, a digest is remembered only
//! for files that were not changed in the [`SETTLED`] before they were looked at, and
//! only when their metadata was the same before and after they were read: a file changed
//! twice within one tick of the file system's clock is never taken for the first.
//!
//! The bundled files are known by the digest worked out when the program was built.
//! As with stamps, whoever can write the cache directory can make a lookup use content
//! that was never checked; nothing is remembered in kiosk mode, which writes nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use directories::ProjectDirs;
use sha2::{Digest, Sha256};

use super::load::pack_files;
use crate::graph::load::{bundled_digest, bundled_names};

/// How long a file must have been left alone before its digest is remembered.
pub const SETTLED: Duration = Duration::from_secs(2);

/// The most digests remembered.
pub const MAX_KNOWN: usize = 256;

/// What is known of one file without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Meta {
    device: u64,
    inode: u64,
    size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl Meta {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Meta> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        m.is_file().then(|| Meta {
            device: m.dev(),
            inode: m.ino(),
            size: m.size(),
            modified: (m.mtime(), m.mtime_nsec()),
            changed: (m.ctime(), m.ctime_nsec()),
        })
    }

    #[cfg(not(unix))]
    fn of(_path: &Path) -> Option<Meta> {
        None
    }

    /// Whether the file was last changed at least `settled` before `now`.
    fn settled(&self, now: SystemTime, settled: Duration) -> bool {
        let Ok(now) = now.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let latest = self.modified.max(self.changed);
        let Ok(secs) = u64::try_from(latest.0) else {
            return false;
        };
        let at = Duration::from_secs(secs) + Duration::from_nanos(latest.1.unsigned_abs());
        at + settled <= now
    }
}

/// The files a load reads (the bundled ones or the `--graph` files, then the packs),
/// as they were when looked at.
#[derive(Debug)]
pub struct Files {
    bundled: bool,
    paths: Vec<PathBuf>,
    metas: Vec<Meta>,
    seen: SystemTime,
}

impl Files {
    /// Look at the files `graph` and `packs` name, without opening any; `None` when one
    /// cannot be looked at or is not a regular file (the load that reads them says why).
    pub fn of(graph: &[PathBuf], packs: &[PathBuf]) -> Option<Files> {
        let seen = SystemTime::now();
        let (pack_paths, errors) = pack_files(packs);
        if !errors.is_empty() {
            return None;
        }
        let mut paths = graph.to_vec();
        paths.extend(pack_paths);
        let metas = paths.iter().map(|p| Meta::of(p)).collect::<Option<_>>()?;
        Some(Files {
            bundled: graph.is_empty(),
            paths,
            metas,
            seen,
        })
    }

    /// The files' names, as a load names them.
    pub fn names(&self) -> Vec<String> {
        let mut names = if self.bundled {
            bundled_names()
        } else {
            Vec::new()
        };
        names.extend(self.paths.iter().map(|p| p.display().to_string()));
        names
    }

    /// The key these files are remembered by: every name and its metadata, in order.
    fn key(&self) -> String {
        let mut hasher = Sha256::new();
        if self.bundled {
            hasher.update(b"bundled");
            hasher.update(bundled_digest());
        }
        for (path, meta) in self.paths.iter().zip(&self.metas) {
            let name = path.display().to_string();
            hasher.update((name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
            for n in [meta.device, meta.inode, meta.size] {
                hasher.update(n.to_le_bytes());
            }
            for n in [
                meta.modified.0,
                meta.modified.1,
                meta.changed.0,
                meta.changed.1,
            ] {
                hasher.update(n.to_le_bytes());
            }
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The content digest of these very files, if it is known without reading them.
    pub fn digest(&self) -> Option<[u8; 32]> {
        self.digest_in(&dir()?)
    }

    fn digest_in(&self, dir: &Path) -> Option<[u8; 32]> {
        if self.bundled && self.paths.is_empty() {
            return Some(bundled_digest());
        }
        let bytes = std::fs::read(dir.join(self.key())).ok()?;
        bytes.try_into().ok()
    }

    /// Remember `digest`, the content digest of these files as just read, if they are
    /// still as they were when looked at and had been left alone long enough before.
    pub fn remember(&self, digest: &[u8; 32]) {
        if let Some(d) = dir() {
            self.remember_in(&d, digest, SETTLED);
        }
    }

    fn remember_in(&self, dir: &Path, digest: &[u8; 32], settled: Duration) {
        if !self.paths.is_empty() && self.unchanged(settled) {
            super::stamp::write_bytes_in(dir, &self.key(), digest, MAX_KNOWN);
        }
    }

    /// Whether every file is as it was when looked at, and had been left alone for
    /// `settled` then.
    fn unchanged(&self, settled: Duration) -> bool {
        self.paths.iter().zip(&self.metas).all(|(path, meta)| {
            meta.settled(self.seen, settled) && Meta::of(path).as_ref() == Some(meta)
        })
    }
}

fn dir() -> Option<PathBuf> {
    let dirs = ProjectDirs::from("", "", "symptom-explorer")?;
    Some(dirs.cache_dir().join("known"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGEST: [u8; 32] = [7; 32];

    #[test]
    fn the_bundled_files_are_known_by_their_build_digest() {
        let files = Files::of(&[], &[]).expect("no files to look at");
        let dir = tempfile::tempdir().expect("a directory");
        assert_eq!(files.digest_in(dir.path()), Some(bundled_digest()));
        assert_eq!(files.names(), bundled_names());
    }

    #[test]
    fn a_digest_is_found_for_the_same_files_and_not_after_any_change() {
        let dir = tempfile::tempdir().expect("a directory");
        let known = dir.path().join("known");
        let file = dir.path().join("g.ron");
        std::fs::write(&file, "Graph()").expect("written");
        let paths = [file.clone()];
        let files = Files::of(&paths, &[]).expect("looked at");
        assert_eq!(files.digest_in(&known), None);
        files.remember_in(&known, &DIGEST, Duration::ZERO);
        assert_eq!(files.digest_in(&known), Some(DIGEST));
        let again = Files::of(&paths, &[]).expect("looked at");
        assert_eq!(again.digest_in(&known), Some(DIGEST), "nothing changed");
        assert_eq!(again.names(), vec![file.display().to_string()]);

        // The same size, other bytes: another change time, so not known.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&file, "Graph(}").expect("written");
        let changed = Files::of(&paths, &[]).expect("looked at");
        assert_eq!(changed.digest_in(&known), None, "written again");

        // Another order or another list of files is another key.
        let other = dir.path().join("h.ron");
        std::fs::write(&other, "Graph()").expect("written");
        let both = Files::of(&[file.clone(), other.clone()], &[]).expect("looked at");
        both.remember_in(&known, &DIGEST, Duration::ZERO);
        let swapped = Files::of(&[other, file], &[]).expect("looked at");
        assert_eq!(both.digest_in(&known), Some(DIGEST));
        assert_eq!(swapped.digest_in(&known), None);
    }

    #[test]
    fn files_changed_just_before_or_while_they_were_read_are_not_remembered() {
        let dir = tempfile::tempdir().expect("a directory");
        let known = dir.path().join("known");
        let file = dir.path().join("g.ron");
        std::fs::write(&file, "Graph()").expect("written");
        let files = Files::of(std::slice::from_ref(&file), &[]).expect("looked at");
        // Just written: within the time the clock may not tell two writes apart.
        files.remember_in(&known, &DIGEST, SETTLED);
        assert_eq!(files.digest_in(&known), None, "not settled");
        // Changed after it was looked at (as if while it was read).
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&file, "Graph( )").expect("written");
        files.remember_in(&known, &DIGEST, Duration::ZERO);
        assert_eq!(files.digest_in(&known), None, "changed since");
        assert!(!known.exists(), "nothing written");
    }

    #[test]
    fn missing_or_special_files_are_not_looked_at() {
        let dir = tempfile::tempdir().expect("a directory");
        assert!(Files::of(&[dir.path().join("none.ron")], &[]).is_none());
        assert!(Files::of(&[dir.path().to_path_buf()], &[]).is_none());
        assert!(Files::of(&[], &[dir.path().join("no-pack")]).is_none());
    }
}
