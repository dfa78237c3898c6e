//! Where the configuration file is: `--config FILE`, else the environment variable
//! `SYMPTOM_EXPLORER_CONFIG`, else `config.ron` in the platform's configuration
//! directory (`directories`: `~/.config/symptom-explorer` on Linux). Nothing here
//! creates a directory or writes a file.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// The environment variable that names a configuration file.
pub const ENV_VAR: &str = "SYMPTOM_EXPLORER_CONFIG";

/// The file name in the platform's configuration directory.
pub const FILE_NAME: &str = "config.ron";

/// Where the path came from; a file named on purpose must exist, the platform's need not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--config FILE`.
    Flag,
    /// `SYMPTOM_EXPLORER_CONFIG`.
    Environment,
    /// The platform's configuration directory.
    Platform,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Flag => "from --config",
            Origin::Environment => "from SYMPTOM_EXPLORER_CONFIG",
            Origin::Platform => "the usual place for this platform",
        })
    }
}

/// The configuration file that would be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPath {
    /// None when there is no configuration directory (no home directory).
    pub path: Option<PathBuf>,
    pub origin: Origin,
}

impl ConfigPath {
    /// The file to read: the flag's, else the environment's (when set and not empty),
    /// else the platform's.
    pub fn locate(flag: Option<&Path>, env: impl Fn(&str) -> Option<OsString>) -> ConfigPath {
        if let Some(path) = flag {
            return ConfigPath {
                path: Some(path.to_path_buf()),
                origin: Origin::Flag,
            };
        }
        if let Some(value) = env(ENV_VAR).filter(|v| !v.is_empty()) {
            return ConfigPath {
                path: Some(PathBuf::from(value)),
                origin: Origin::Environment,
            };
        }
        ConfigPath {
            path: platform_file(),
            origin: Origin::Platform,
        }
    }

    /// Whether the file was named on purpose (so that it must exist).
    pub fn named(&self) -> bool {
        self.origin != Origin::Platform
    }
}

/// `config.ron` in the platform's configuration directory, if there is one.
pub fn platform_file() -> Option<PathBuf> {
    ProjectDirs::from("", "", "symptom-explorer").map(|dirs| dirs.config_dir().join(FILE_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_over_the_environment_which_wins_over_the_platform() {
        let env = |key: &str| (key == ENV_VAR).then(|| OsString::from("/env.ron"));
        let flag = ConfigPath::locate(Some(Path::new("/flag.ron")), env);
        assert_eq!(flag.path, Some(PathBuf::from("/flag.ron")));
        assert_eq!(flag.origin, Origin::Flag);
        let from_env = ConfigPath::locate(None, env);
        assert_eq!(from_env.path, Some(PathBuf::from("/env.ron")));
        assert!(from_env.named());
        let empty = ConfigPath::locate(None, |_| Some(OsString::new()));
        assert_eq!(empty.origin, Origin::Platform);
        assert!(!empty.named());
        if let Some(path) = empty.path {
            assert!(path.ends_with("symptom-explorer/config.ron") || path.ends_with(FILE_NAME));
        }
    }
}
