//! Keys as the configuration writes them: "q", "ctrl-c", "f1", "enter", "esc", "tab",
//! "shift-tab", "up", "pgdn", "ctrl-]". A name is read into a [`Chord`] (a key code and
//! its modifiers) and can be written back the same way.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::kiosk::Chord;

/// The named keys, as written in the configuration, with their codes.
const NAMED: [(&str, KeyCode); 17] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("minus", KeyCode::Char('-')),
];

/// The modifier prefixes, as written before a key ("ctrl-", "alt-", "shift-").
const MODIFIERS: [(&str, KeyModifiers); 3] = [
    ("ctrl", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
];

/// Every word a key may be written with, for suggestions.
fn every_name() -> Vec<String> {
    let mut names: Vec<String> = NAMED.iter().map(|(n, _)| (*n).to_string()).collect();
    names.extend((1..=12).map(|n| format!("f{n}")));
    names
}

/// Read a key name; the error says what is wrong, with a suggestion when one is close.
pub fn parse_key(text: &str) -> Result<Chord, String> {
    let written = text.trim();
    if written.is_empty() {
        return Err("a key name is empty (write a key such as \"q\", \"f1\" or \"ctrl-]\")".into());
    }
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = written;
    // "-" alone and "ctrl--" keep their last dash as the key.
    while let Some((prefix, after)) = rest.split_once('-') {
        if after.is_empty() {
            break;
        }
        let lower = prefix.to_ascii_lowercase();
        let Some((_, modifier)) = MODIFIERS.iter().find(|(name, _)| *name == lower) else {
            let near = crate::graph::suggest::closest(&lower, MODIFIERS.map(|(n, _)| n));
            let hint = near
                .first()
                .map(|n| format!(" (did you mean \"{n}\"?)"))
                .unwrap_or_default();
            return Err(format!(
                "unknown modifier \"{}\" in the key \"{}\"{hint}; the modifiers are ctrl, alt and shift",
                prefix.escape_debug(),
                written.escape_debug()
            ));
        };
        modifiers |= *modifier;
        rest = after;
    }
    let code = key_code(rest).ok_or_else(|| unknown_key(rest, written))?;
    // Shift-Tab is its own key code in terminals.
    if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
        return Ok(Chord {
            code: KeyCode::BackTab,
            modifiers: modifiers - KeyModifiers::SHIFT,
        });
    }
    Ok(Chord { code, modifiers })
}

fn key_code(word: &str) -> Option<KeyCode> {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control() && !c.is_whitespace()).then_some(KeyCode::Char(c));
    }
    let lower = word.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
        return Some(*code);
    }
    let aliases = [
        ("return", KeyCode::Enter),
        ("escape", KeyCode::Esc),
        ("pageup", KeyCode::PageUp),
        ("pagedown", KeyCode::PageDown),
        ("del", KeyCode::Delete),
    ];
    if let Some((_, code)) = aliases.iter().find(|(name, _)| *name == lower) {
        return Some(*code);
    }
    let number = lower.strip_prefix('f')?.parse::<u8>().ok()?;
    (1..=12).contains(&number).then_some(KeyCode::F(number))
}

fn unknown_key(word: &str, written: &str) -> String {
    let names = every_name();
    let near = crate::graph::suggest::closest(
        &word.to_ascii_lowercase(),
        names.iter().map(String::as_str),
    );
    let hint = match near.first() {
        Some(n) => format!(" (did you mean \"{n}\"?)"),
        None => " (a key is one character, f1 to f12, or one of enter, esc, tab, space, \
                 backspace, delete, insert, up, down, left, right, home, end, pgup, pgdn)"
            .to_string(),
    };
    format!("unknown key \"{}\"{hint}", written.escape_debug())
}

/// A chord written as the configuration writes it ("ctrl-]", "shift-tab", "f1").
pub fn key_name(chord: Chord) -> String {
    let mut name = String::new();
    for (word, modifier) in MODIFIERS {
        if chord.modifiers.contains(modifier) {
            name.push_str(word);
            name.push('-');
        }
    }
    let key = match chord.code {
        KeyCode::BackTab => return format!("{name}shift-tab"),
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("f{n}"),
        code => NAMED
            .iter()
            .find(|(_, c)| *c == code)
            .map_or_else(|| "?".to_string(), |(n, _)| (*n).to_string()),
    };
    name + &key
}

/// Whether a person using the interface presses this key in the normal course of things
/// (a letter, a digit, any character typed in the search line, the arrows, Enter, Esc,
/// Tab, Backspace, the page keys), or to get out of a program (Ctrl-C, Ctrl-D, Ctrl-Z,
/// Ctrl-Q): such a key can never be the staff exit of a kiosk.
pub fn patient_uses(chord: Chord) -> bool {
    let plain = (chord.modifiers - KeyModifiers::SHIFT).is_empty();
    match chord.code {
        KeyCode::Char(c) if chord.modifiers.contains(KeyModifiers::CONTROL) => {
            matches!(c.to_ascii_lowercase(), 'c' | 'd' | 'z' | 'q' | '\\')
        }
        KeyCode::Char(_) => plain,
        KeyCode::Up
        | KeyCode::Down
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Enter
        | KeyCode::Esc
        | KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Backspace
        | KeyCode::Delete
        | KeyCode::Home
        | KeyCode::End
        | KeyCode::PageUp
        | KeyCode::PageDown => plain,
        _ => false,
    }
}

/// A key read from the configuration: written as a name, held as a [`Chord`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct KeyName(pub Chord);

impl TryFrom<String> for KeyName {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        parse_key(&text).map(KeyName)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(code: KeyCode, modifiers: KeyModifiers) -> Chord {
        Chord { code, modifiers }
    }

    #[test]
    fn names_are_read_and_written_back() {
        let cases = [
            ("q", chord(KeyCode::Char('q'), KeyModifiers::NONE)),
            ("ctrl-c", chord(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            ("ctrl-]", chord(KeyCode::Char(']'), KeyModifiers::CONTROL)),
            ("f1", chord(KeyCode::F(1), KeyModifiers::NONE)),
            ("enter", chord(KeyCode::Enter, KeyModifiers::NONE)),
            ("esc", chord(KeyCode::Esc, KeyModifiers::NONE)),
            ("tab", chord(KeyCode::Tab, KeyModifiers::NONE)),
            ("shift-tab", chord(KeyCode::BackTab, KeyModifiers::NONE)),
            ("up", chord(KeyCode::Up, KeyModifiers::NONE)),
            ("pgdn", chord(KeyCode::PageDown, KeyModifiers::NONE)),
            ("alt-space", chord(KeyCode::Char(' '), KeyModifiers::ALT)),
            ("-", chord(KeyCode::Char('-'), KeyModifiers::NONE)),
        ];
        for (name, expected) in cases {
            assert_eq!(parse_key(name), Ok(expected), "{name}");
            assert_eq!(key_name(expected), name, "{name}");
        }
        assert_eq!(parse_key("Ctrl-F12").map(key_name), Ok("ctrl-f12".into()));
        assert_eq!(parse_key("PageDown").map(key_name), Ok("pgdn".into()));
    }

    #[test]
    fn bad_names_say_what_was_meant() {
        assert_eq!(
            parse_key("entr").unwrap_err(),
            "unknown key \"entr\" (did you mean \"enter\"?)"
        );
        assert_eq!(
            parse_key("crtl-x").unwrap_err(),
            "unknown modifier \"crtl\" in the key \"crtl-x\" (did you mean \"ctrl\"?); the modifiers are ctrl, alt and shift"
        );
        assert!(
            parse_key("f13")
                .unwrap_err()
                .starts_with("unknown key \"f13\"")
        );
        assert!(parse_key("").is_err());
    }

    #[test]
    fn keys_a_patient_presses_are_known() {
        for name in [
            "q",
            "?",
            "a",
            "7",
            "up",
            "enter",
            "esc",
            "tab",
            "space",
            "ctrl-c",
            "shift-tab",
        ] {
            assert!(patient_uses(parse_key(name).unwrap()), "{name}");
        }
        for name in ["ctrl-]", "f12", "ctrl-alt-x", "alt-f4"] {
            assert!(!patient_uses(parse_key(name).unwrap()), "{name}");
        }
    }
}
