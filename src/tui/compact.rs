//! Fewer bytes per frame. This writer sits between the terminal backend and standard
//! output and rewrites the SGR (colour and attribute) sequences it sees; every other byte
//! passes through as it is.
//!
//! - crossterm writes each of the 16 named colours in its 256-colour form
//!   (`ESC[38;5;9m`, 10 bytes); every terminal also knows the 16-colour form (`ESC[91m`,
//!   5 bytes), which is what the palette means anyway.
//! - ratatui sets the background with every foreground (`ESC[36;49m`); where the
//!   background is already the default, the `49` is dropped.
//! - SGR sequences that follow one another are merged into one (`ESC[22m ESC[24m` becomes
//!   `ESC[22;24m`): the terminal applies the parameters in the same order either way; what
//!   comes before a reset in such a run is dropped, and a reset alone is written `ESC[m`.
//!
//! A sequence split between two writes is held until it is complete, and SGR parameters
//! until something else is written (or a flush).

use std::io::{self, Write};

/// The longest escape sequence held back waiting for its end; a longer one passes as it is.
const MAX_HELD: usize = 64;

/// The most parameters written in one merged SGR sequence.
const MAX_PARAMS: usize = 16;

pub struct Compact<W: Write> {
    inner: W,
    /// The start of an escape sequence whose end has not arrived yet.
    held: Vec<u8>,
    /// SGR parameters seen in a row and not written yet.
    pending: Vec<String>,
    /// Whether the terminal's background is the default one as far as written (unknown
    /// at first: nothing is dropped until a reset or a `49` has been seen).
    bg_default: bool,
}

impl<W: Write> Compact<W> {
    pub fn new(inner: W) -> Compact<W> {
        Compact {
            inner,
            held: Vec::new(),
            pending: Vec::new(),
            bg_default: false,
        }
    }

    /// Rewrite `data`; bytes to write now. An unfinished escape sequence at its end is
    /// kept in `held`, SGR parameters at its end in `pending`.
    fn rewrite(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(data.len());
        let mut i = 0;
        while i < data.len() {
            if data[i] != 0x1b {
                let next = data[i..]
                    .iter()
                    .position(|&b| b == 0x1b)
                    .map_or(data.len(), |p| i + p);
                self.emit_pending(&mut out);
                out.extend_from_slice(&data[i..next]);
                i = next;
                continue;
            }
            // ESC: is it "ESC [ params m"?
            let rest = &data[i..];
            if rest.len() < 2 {
                self.held = rest.to_vec();
                return out;
            }
            if rest[1] != b'[' {
                self.emit_pending(&mut out);
                out.push(0x1b);
                i += 1;
                continue;
            }
            let params_len = rest[2..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b';')
                .count();
            let end = 2 + params_len;
            if end >= rest.len() {
                if rest.len() <= MAX_HELD {
                    self.held = rest.to_vec();
                    return out;
                }
                self.emit_pending(&mut out);
                out.extend_from_slice(rest);
                return out;
            }
            if rest[end] == b'm' {
                self.take_sgr(&rest[2..end]);
            } else {
                self.emit_pending(&mut out);
                out.extend_from_slice(&rest[..=end]);
            }
            i += end + 1;
        }
        out
    }

    /// Add one SGR sequence's parameters to those pending, short forms taken and a
    /// background reset that changes nothing dropped.
    fn take_sgr(&mut self, params: &[u8]) {
        let text = String::from_utf8_lossy(params);
        let parts: Vec<&str> = text.split(';').collect();
        let mut i = 0;
        while i < parts.len() {
            match (parts[i], parts.get(i + 1).copied()) {
                // A colour by number or by red, green and blue: its parameters go together.
                (layer @ ("38" | "48"), Some("5")) if i + 2 < parts.len() => {
                    let n = parts[i + 2];
                    if layer == "48" {
                        self.bg_default = false;
                    }
                    match short_colour(layer, n) {
                        Some(code) => self.pending.push(code.to_string()),
                        None => self.pending.push(format!("{layer};5;{n}")),
                    }
                    i += 3;
                }
                (layer @ ("38" | "48"), Some("2")) if i + 4 < parts.len() => {
                    if layer == "48" {
                        self.bg_default = false;
                    }
                    self.pending.push(parts[i..i + 5].join(";"));
                    i += 5;
                }
                ("" | "0", _) => {
                    // A reset undoes whatever was set before it in the same run.
                    self.bg_default = true;
                    self.pending.clear();
                    self.pending.push(parts[i].to_string());
                    i += 1;
                }
                ("49", _) => {
                    if !self.bg_default {
                        self.pending.push("49".to_string());
                    }
                    self.bg_default = true;
                    i += 1;
                }
                (code, _) => {
                    if is_background(code) {
                        self.bg_default = false;
                    }
                    self.pending.push(code.to_string());
                    i += 1;
                }
            }
        }
    }

    fn emit_pending(&mut self, out: &mut Vec<u8>) {
        if self.pending.is_empty() {
            return;
        }
        // A reset alone needs no parameter.
        if self.pending == ["0"] || self.pending == [""] {
            out.extend_from_slice(b"\x1b[m");
            self.pending.clear();
            return;
        }
        // Terminals keep a limited number of parameters per sequence (vt100 and many
        // others 32): a long run goes out in several, a colour's parameters together.
        let mut count = 0;
        for (i, params) in self.pending.iter().enumerate() {
            let n = params.split(';').count();
            if i == 0 || count + n > MAX_PARAMS {
                if i > 0 {
                    out.push(b'm');
                }
                out.extend_from_slice(b"\x1b[");
                count = 0;
            } else {
                out.push(b';');
            }
            out.extend_from_slice(params.as_bytes());
            count += n;
        }
        out.push(b'm');
        self.pending.clear();
    }
}

/// A background colour code of its own (40 to 47, 100 to 107).
fn is_background(code: &str) -> bool {
    code.parse::<u16>()
        .is_ok_and(|n| (40..=47).contains(&n) || (100..=107).contains(&n))
}

/// The 16-colour code for `38;5;n` or `48;5;n` with n below 16.
fn short_colour(layer: &str, n: &str) -> Option<u16> {
    let n = n.parse::<u8>().ok().filter(|&n| n < 16)?;
    let base: u16 = if layer == "38" { 30 } else { 40 };
    Some(if n < 8 {
        base + u16::from(n)
    } else {
        base + 60 + u16::from(n - 8)
    })
}

impl<W: Write> Write for Compact<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut data = std::mem::take(&mut self.held);
        data.extend_from_slice(buf);
        let out = self.rewrite(&data);
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut out = Vec::new();
        self.emit_pending(&mut out);
        out.append(&mut self.held);
        self.inner.write_all(&out)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> Vec<u8> {
        let mut w = Compact::new(Vec::new());
        for p in pieces {
            w.write_all(p).expect("written");
        }
        w.flush().expect("flushed");
        w.inner
    }

    #[test]
    fn the_sixteen_colours_take_their_short_form() {
        assert_eq!(through(&[b"\x1b[38;5;1m"]), b"\x1b[31m");
        assert_eq!(through(&[b"\x1b[38;5;9m"]), b"\x1b[91m");
        assert_eq!(through(&[b"\x1b[48;5;0m"]), b"\x1b[40m");
        assert_eq!(through(&[b"\x1b[48;5;15m"]), b"\x1b[107m");
        assert_eq!(through(&[b"\x1b[1;38;5;3;48;5;12m"]), b"\x1b[1;33;104m");
    }

    #[test]
    fn everything_else_passes_byte_for_byte() {
        for same in [
            &b"\x1b[38;5;16m"[..],
            b"\x1b[38;5;200m",
            b"\x1b[38;2;1;2;3m",
            b"\x1b[5;10H",
            b"\x1b[?1049h",
            b"\x1b]8;;https://example.org\x1b\\x\x1b]8;;\x1b\\",
            "plain text, ünïcode ▶".as_bytes(),
            b"\x1b",
            b"\x1b[",
        ] {
            assert_eq!(
                through(&[same]),
                same,
                "{:?}",
                String::from_utf8_lossy(same)
            );
        }
    }

    #[test]
    fn a_sequence_split_between_writes_is_rewritten_whole() {
        assert_eq!(
            through(&[b"ab\x1b", b"[38;", b"5;", b"2mcd"]),
            b"ab\x1b[32mcd"
        );
    }

    #[test]
    fn sgr_in_a_row_is_merged_and_a_background_reset_that_changes_nothing_dropped() {
        // Before anything says the background is the default, `49` is kept.
        assert_eq!(
            through(&[b"\x1b[22m\x1b[24m\x1b[39;49mx"]),
            b"\x1b[22;24;39;49mx"
        );
        assert_eq!(through(&[b"\x1b[0m\x1b[36;49mx"]), b"\x1b[0;36mx");
        assert_eq!(through(&[b"\x1b[m", b"\x1b[49mx"]), b"\x1b[mx");
        assert_eq!(through(&[b"\x1b[0m"]), b"\x1b[m");
        // Across writes, as the backend writes each command on its own.
        assert_eq!(through(&[b"\x1b[1m", b"\x1b[4m", b"x"]), b"\x1b[1;4mx");
        // A background set stays until it is reset.
        assert_eq!(
            through(&[b"\x1b[0m\x1b[44mA\x1b[49mB\x1b[49mC"]),
            b"\x1b[0;44mA\x1b[49mBC"
        );
        assert_eq!(
            through(&[b"\x1b[0m\x1b[48;5;4mA\x1b[36;49mB"]),
            b"\x1b[0;44mA\x1b[36;49mB"
        );
        // A long run goes out in sequences of at most 16 parameters, a colour's together.
        let long = "\x1b[1m".repeat(14) + "\x1b[38;5;200m\x1b[4mx";
        assert_eq!(
            through(&[long.as_bytes()]),
            format!("\x1b[{}m\x1b[38;5;200;4mx", ["1"; 14].join(";")).as_bytes()
        );
        // Other sequences end a run: a cursor move between two SGRs keeps them apart.
        assert_eq!(
            through(&[b"\x1b[1m\x1b[2;3H\x1b[4mx"]),
            b"\x1b[1m\x1b[2;3H\x1b[4mx"
        );
    }

    mod screen {
        use super::*;
        use proptest::prelude::*;

        fn sgr_code() -> impl Strategy<Value = String> {
            prop_oneof![
                prop::sample::select(vec![
                    "", "0", "1", "2", "3", "4", "7", "22", "23", "24", "27", "39", "49",
                ])
                .prop_map(str::to_string),
                (30u8..=37).prop_map(|n| n.to_string()),
                (40u8..=47).prop_map(|n| n.to_string()),
                (90u8..=97).prop_map(|n| n.to_string()),
                (100u8..=107).prop_map(|n| n.to_string()),
                (0u8..=20).prop_map(|n| format!("38;5;{n}")),
                (0u8..=20).prop_map(|n| format!("48;5;{n}")),
            ]
        }

        fn piece() -> impl Strategy<Value = String> {
            prop_oneof![
                4 => prop::collection::vec(sgr_code(), 1..4)
                    .prop_map(|codes| format!("\x1b[{}m", codes.join(";"))),
                3 => "[a-z ]{1,6}",
                1 => (1u8..=5, 1u8..=20).prop_map(|(r, c)| format!("\x1b[{r};{c}H")),
                // What the lean backend writes besides: short moves, a new line, erasing
                // to the end of the line (with the background set before it).
                1 => prop_oneof![
                    (1u8..=20).prop_map(|c| format!("\x1b[{c}G")),
                    (1u8..=5).prop_map(|n| format!("\x1b[{n}C")),
                    (1u8..=5).prop_map(|n| format!("\x1b[{n}D")),
                    Just("\x1b[C".to_string()),
                    Just("\r".to_string()),
                    Just("\r\n".to_string()),
                    Just("\x1b[K".to_string()),
                ],
            ]
        }

        fn drawn(bytes: &[u8]) -> String {
            let mut parser = vt100::Parser::new(
                std::num::NonZeroU16::new(5).expect("rows"),
                std::num::NonZeroU16::new(20).expect("columns"),
                0,
            );
            parser.process(bytes);
            parser.screen().contents_formatted()
        }

        proptest! {
            /// Whatever SGR sequences, text and cursor moves come, in whatever pieces,
            /// the terminal shows exactly the same cells, colours and attributes.
            #[test]
            fn the_screen_is_the_same(
                pieces in prop::collection::vec(piece(), 1..40),
                cuts in prop::collection::vec(1usize..8, 1..40),
            ) {
                let stream: Vec<u8> = pieces.concat().into_bytes();
                let mut chunks = Vec::new();
                let mut at = 0;
                for cut in cuts.iter().cycle().take(stream.len()) {
                    if at >= stream.len() {
                        break;
                    }
                    let end = (at + cut).min(stream.len());
                    chunks.push(&stream[at..end]);
                    at = end;
                }
                if at < stream.len() {
                    chunks.push(&stream[at..]);
                }
                let compact = through(&chunks);
                prop_assert!(compact.len() <= stream.len());
                prop_assert_eq!(drawn(&compact), drawn(&stream));
            }
        }
    }
}
