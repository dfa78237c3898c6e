//! The last line of defence on output: no control or bidi character from the content, a
//! file name or an argument is ever written raw (see `graph::controls` for the set).
//!
//! The validator already rejects them in a graph; this is for whatever gets past it.
//! In text each one is written as its RON and Rust escape, `\u{1b}`, `\u{9b}`, `\u{202e}`
//! (lower-case hex, no leading zeros), which is what a content author would type to put
//! it in a file, and which stays inert in every format we print, DOT's HTML-like labels
//! included (`<U+001B>` would not). Line feeds are kept. In JSON, `serde_json` already
//! writes the C0 controls as `\u001b` and the like; DEL, the C1 controls and the bidi
//! controls are written as `\u007f`, `\u009b`, `\u202e` too.

use std::borrow::Cow;
use std::fmt::Write;

use crate::graph::controls::is_unsafe;

/// The visible escape for one character: `\u{1b}`.
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// Text with every unsafe character except the line feed written as its escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`visible`], but the program's own highlighting (SGR sequences, `ESC [ 1 ; 31 m`)
/// passes: for text to a terminal. Content that reaches highlighting has been made
/// [`visible`] first, so the only ESC left is ours; anything that is not a plain SGR
/// sequence (a title, a clipboard write, a screen clear, a cursor query) is escaped.
pub fn visible_keeping_style(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let sgr = sgr_len(rest);
        if sgr > 0 {
            out.push_str(&rest[..sgr]);
            rest = &rest[sgr..];
            continue;
        }
        if needs_escape(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Text with its SGR sequences taken out: highlighting for a terminal, made plain.
pub fn without_style(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let skip = match sgr_len(rest) {
            0 => {
                out.push(c);
                c.len_utf8()
            }
            n => n,
        };
        rest = &rest[skip..];
    }
    out
}

/// The length of an SGR sequence (`ESC [`, digits and `;`, `m`) at the start of a text.
fn sgr_len(text: &str) -> usize {
    let Some(params) = text.strip_prefix("\u{1b}[") else {
        return 0;
    };
    let digits = params
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if params.as_bytes().get(digits) == Some(&b'm') {
        2 + digits + 1
    } else {
        0
    }
}

/// Serialised JSON with DEL, the C1 controls and the bidi controls written as `\uXXXX`
/// (`serde_json` writes only U+0000 to U+001F escaped). Outside strings JSON is ASCII,
/// so every such character is inside a string, where the escape means the same.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    is_unsafe(c) && c != '\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every payload of the issue: OSC 52 clipboard write, window title, screen clear,
    /// 8-bit CSI, carriage return, backspace, bidi override, and the cursor-position query.
    const PAYLOADS: [&str; 8] = [
        "\u{1b}]52;c;SGVsbG8=\u{7}",
        "\u{1b}]0;pwned\u{7}",
        "\u{1b}[2J",
        "\u{9b}31m",
        "over\rwrite",
        "back\u{8}space",
        "\u{202e}txet",
        "\u{1b}[6n",
    ];

    fn raw_bytes(text: &str) -> bool {
        text.chars().any(|c| is_unsafe(c) && c != '\n')
    }

    #[test]
    fn payloads_come_out_escaped() {
        assert_eq!(visible(PAYLOADS[0]), "\\u{1b}]52;c;SGVsbG8=\\u{7}");
        assert_eq!(visible(PAYLOADS[3]), "\\u{9b}31m");
        assert_eq!(visible(PAYLOADS[4]), "over\\u{d}write");
        assert_eq!(visible(PAYLOADS[6]), "\\u{202e}txet");
        assert_eq!(visible("tab\there\u{7f}"), "tab\\u{9}here\\u{7f}");
        for p in PAYLOADS {
            assert!(!raw_bytes(&visible(p)), "{p:?}");
            assert!(!raw_bytes(&visible_keeping_style(p)), "{p:?}");
            assert!(!raw_bytes(&json(p)), "{p:?}");
        }
    }

    #[test]
    fn clean_text_and_line_feeds_are_untouched() {
        let text = "Sciatica – pain down the leg\nsecond line, é, 😀";
        assert!(matches!(visible(text), Cow::Borrowed(_)));
        assert!(matches!(visible_keeping_style(text), Cow::Borrowed(_)));
        assert!(matches!(json(text), Cow::Borrowed(_)));
    }

    #[test]
    fn only_plain_sgr_highlighting_passes_to_a_terminal() {
        let ours = "\u{1b}[1m\u{1b}[38;5;9memergency\u{1b}[0m";
        assert_eq!(visible_keeping_style(ours), ours);
        assert_eq!(
            visible_keeping_style("\u{1b}[1mname\u{1b}[2J\u{1b}]0;t\u{7}\u{1b}[0m"),
            "\u{1b}[1mname\\u{1b}[2J\\u{1b}]0;t\\u{7}\u{1b}[0m"
        );
        assert_eq!(visible_keeping_style("\u{1b}["), "\\u{1b}[");
        assert_eq!(without_style(ours), "emergency");
        assert_eq!(without_style("a\u{1b}[1mb\\u{1b}[2J"), "ab\\u{1b}[2J");
        assert_eq!(visible_keeping_style("\u{1b}[6n"), "\\u{1b}[6n");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves() {
        let value =
            serde_json::json!({"name": "a\u{1b}b\u{7f}\u{9b}\u{202e}\u{2066}\u{200f}\u{61c}"});
        let text = serde_json::to_string(&value).unwrap_or_default();
        let escaped = json(&text);
        assert_eq!(
            escaped,
            r#"{"name":"a\u001bb\u007f\u009b\u202e\u2066\u200f\u061c"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, value, "the escapes mean the same");
    }
}
