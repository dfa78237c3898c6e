//! Characters that must never reach a terminal from the content.
//!
//! - C0 controls U+0000 to U+001F (tab and line feed included) and DEL U+007F: ESC starts
//!   the escape sequences that set the window title, write the clipboard (OSC 52) or
//!   clear the screen; BEL ends an OSC; CR and BS move the cursor so that text can
//!   overwrite the words before it.
//! - C1 controls U+0080 to U+009F: many terminals take U+009B as CSI and U+009D as OSC,
//!   the 8-bit forms of the same sequences.
//! - The bidirectional-text controls (U+202A to U+202E, U+2066 to U+2069, U+200E,
//!   U+200F, U+061C): they reorder how the text around them is shown, so advice could be
//!   made to read differently from what it says.
//!
//! The validator rejects them in every string of a graph (a line feed only where the
//! field is free text); the command line writes any that still reach it as visible
//! escapes (`cli::escape`), and the interface drops them (`ui::theme`).

/// A character that is never written raw to a terminal.
pub fn is_unsafe(c: char) -> bool {
    is_control(c) || is_bidi(c)
}

/// C0, DEL and C1: Unicode's `Cc` category.
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// The bidirectional-text controls: embeddings, overrides, isolates and marks.
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    )
}

/// What an unsafe character is, for messages: `a control character U+001B (escape)`.
pub fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    let what = if is_bidi(c) {
        "a bidi control"
    } else if ('\u{80}'..='\u{9f}').contains(&c) {
        "a C1 control character"
    } else if is_control(c) {
        "a control character"
    } else {
        return format!("{code} \"{c}\"");
    };
    match name(c) {
        Some(name) => format!("{what} {code} ({name})"),
        None => format!("{what} {code}"),
    }
}

/// The common name of a control, where it has one worth giving.
fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\n' => "line feed",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{90}' => "device control string",
        '\u{9b}' => "control sequence introducer",
        '\u{9c}' => "string terminator",
        '\u{9d}' => "operating system command",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{61c}' => "Arabic letter mark",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unsafe_set_is_exactly_c0_del_c1_and_bidi() {
        let unsafe_chars: Vec<u32> = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c))
            .map(u32::from)
            .collect();
        let mut expected: Vec<u32> = (0..=0x1f).chain(0x7f..=0x9f).collect();
        expected.extend([0x61c, 0x200e, 0x200f]);
        expected.extend(0x202a..=0x202e);
        expected.extend(0x2066..=0x2069);
        assert_eq!(unsafe_chars, expected);
        for c in ['a', ' ', '-', 'é', '…', '\u{200b}', '\u{2028}', '😀'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn descriptions_name_the_code_point() {
        assert_eq!(describe('\u{1b}'), "a control character U+001B (escape)");
        assert_eq!(describe('\u{3}'), "a control character U+0003");
        assert_eq!(
            describe('\u{9b}'),
            "a C1 control character U+009B (control sequence introducer)"
        );
        assert_eq!(
            describe('\u{202e}'),
            "a bidi control U+202E (right-to-left override)"
        );
    }
}
