//! The configuration: `config.ron`, a patch over embedded defaults.
//!
//! The defaults are embedded (`default.ron`, every setting with a comment); a user's
//! file holds only what it changes (see `patch`). The file is found as `paths` says and
//! read with the same care as graph files: regular files only, at most
//! [`MAX_CONFIG_BYTES`]. No configuration directory, no home directory, or no file
//! there: the defaults, without a word. Reading the configuration never writes anything.
//!
//! A file that cannot be used is a list of diagnostics (`FILE:LINE:COL: error: ...`);
//! what to do about it (warn and go on with the defaults, or refuse to start a kiosk) is
//! the caller's choice.

pub mod errors;
pub mod keys;
pub mod model;
pub mod patch;
pub mod paths;
pub mod validate;

use std::fs::{self, File};
use std::io::{ErrorKind, Read};
use std::path::Path;

pub use model::{AsciiWhen, ColorWhen, Config, DEFAULT_FILE};
pub use patch::ConfigPatch;
pub use paths::{ConfigPath, Origin};

use crate::graph::{Diagnostic, SourceText};

/// The largest configuration file read, in bytes.
pub const MAX_CONFIG_BYTES: u64 = 256 * 1024;

/// A configuration file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// Every problem found, each at its place.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the file seems to turn kiosk mode on (`enabled: true`), even if it
    /// could not be read in full: then the program must not start.
    pub asks_for_kiosk: bool,
}

/// The configuration to run with: the defaults changed by the file at `at`, if any.
pub fn load(at: &ConfigPath) -> Result<Config, Broken> {
    let Some(path) = &at.path else {
        return Ok(Config::defaults());
    };
    let source = match read(path, at.named()) {
        Ok(Some(source)) => source,
        Ok(None) => return Ok(Config::defaults()),
        Err(diagnostic) => {
            return Err(Broken {
                diagnostics: vec![diagnostic],
                asks_for_kiosk: false,
            });
        }
    };
    let mut config = parse(&source)?;
    // Relative packs are taken from the file's own directory.
    if let Some(dir) = path.parent() {
        for pack in &mut config.packs {
            if pack.is_relative() {
                *pack = dir.join(&*pack);
            }
        }
    }
    Ok(config)
}

/// A configuration file's text, checked: the defaults with its changes, or every
/// problem in it.
pub fn parse(source: &SourceText) -> Result<Config, Broken> {
    let patch = ConfigPatch::parse(&source.text).map_err(|e| Broken {
        diagnostics: vec![errors::from_ron(&source.name, &source.text, &e)],
        asks_for_kiosk: mentions_kiosk(&source.text),
    })?;
    let config = patch.apply(Config::defaults());
    let problems = validate::problems(&config, &source.name, &source.text);
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(Broken {
            diagnostics: problems,
            asks_for_kiosk: config.kiosk.enabled,
        })
    }
}

/// Whether a file that could not be parsed says `enabled: true` anywhere outside
/// comments (only the kiosk part has `enabled`): in doubt, it asks for a kiosk.
fn mentions_kiosk(text: &str) -> bool {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    code.contains("enabled:true")
}

/// The file's text; `Ok(None)` when a file nobody named is not there (or its directory
/// cannot be read).
pub fn read(path: &Path, named: bool) -> Result<Option<SourceText>, Diagnostic> {
    let name = path.display().to_string();
    let fail = |message: String| Diagnostic::error(&name, (0, 0), message);
    let cannot = |e: std::io::Error| fail(format!("cannot read the configuration file: {e}"));
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e)
            if !named && matches!(e.kind(), ErrorKind::NotFound | ErrorKind::PermissionDenied) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(cannot(e)),
    };
    // Before opening: opening a named pipe waits for a writer.
    if !meta.is_file() {
        return Err(fail(
            "cannot read the configuration file: it is not a regular file".to_string(),
        ));
    }
    let file = File::open(path).map_err(cannot)?;
    let opened = file.metadata().map_err(cannot)?;
    let too_large = |size: u64| {
        fail(format!(
            "the configuration file is too large: {size} bytes, more than the {MAX_CONFIG_BYTES} allowed"
        ))
    };
    if !opened.is_file() {
        return Err(fail(
            "cannot read the configuration file: it is not a regular file".to_string(),
        ));
    }
    if opened.len() > MAX_CONFIG_BYTES {
        return Err(too_large(opened.len()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    SourceText::from_bytes(&name, bytes).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn at(path: PathBuf, origin: Origin) -> ConfigPath {
        ConfigPath {
            path: Some(path),
            origin,
        }
    }

    fn messages(broken: &Broken) -> Vec<String> {
        broken.diagnostics.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn no_file_or_no_directory_is_the_defaults_without_a_word() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let missing = dir.path().join("nothing/config.ron");
        assert_eq!(
            load(&at(missing.clone(), Origin::Platform)),
            Ok(Config::defaults())
        );
        let none = ConfigPath {
            path: None,
            origin: Origin::Platform,
        };
        assert_eq!(load(&none), Ok(Config::defaults()));
        assert!(
            !missing.parent().expect("a parent").exists(),
            "nothing created"
        );
        let named = load(&at(missing, Origin::Flag)).expect_err("a named file must exist");
        assert!(messages(&named)[0].contains("cannot read the configuration file"));
    }

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let broken = load(&at(dir.path().to_path_buf(), Origin::Flag)).expect_err("a directory");
        assert!(messages(&broken)[0].ends_with("it is not a regular file"));
        let large = dir.path().join("large.ron");
        File::create(&large)
            .and_then(|f| f.set_len(MAX_CONFIG_BYTES + 1))
            .expect("made");
        let broken = load(&at(large, Origin::Platform)).expect_err("too large");
        assert!(messages(&broken)[0].contains("too large"));
    }

    #[test]
    fn packs_are_taken_from_the_files_directory() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("config.ron");
        fs::write(&file, "(packs: [\"extra.ron\", \"/abs/pack.ron\"])").expect("written");
        let config = load(&at(file, Origin::Environment)).expect("loads");
        assert_eq!(
            config.packs,
            [dir.path().join("extra.ron"), PathBuf::from("/abs/pack.ron")]
        );
    }

    #[test]
    fn a_broken_file_says_whether_it_wants_a_kiosk() {
        let source = |text: &str| SourceText::new("c.ron", text);
        let syntax = parse(&source("(kiosk: (enabled: true,, ))")).expect_err("broken");
        assert!(syntax.asks_for_kiosk);
        assert!(messages(&syntax)[0].starts_with("c.ron:1:"));
        let commented = parse(&source("// enabled: true\n(theme: 1)")).expect_err("broken");
        assert!(!commented.asks_for_kiosk);
        let range = parse(&source("(kiosk: (enabled: true, countdown_secs: 1))"))
            .expect_err("out of range");
        assert!(range.asks_for_kiosk);
        let normal = parse(&source("(kiosk: (countdown_secs: 1))")).expect_err("out of range");
        assert!(!normal.asks_for_kiosk);
    }
}
