//! Fewer bytes per frame. crossterm writes each of the 16 named colours in its 256-colour
//! form (`ESC[38;5;9m`, 10 bytes); every terminal also knows the 16-colour form
//! (`ESC[91m`, 5 bytes), which is what the palette means anyway. This writer sits between
//! the terminal backend and standard output and rewrites colour codes 0 to 15 in every
//! SGR sequence it sees; everything else passes through byte for byte. A sequence split
//! between two writes is held until it is complete (or until a flush).

use std::io::{self, Write};

/// The longest SGR sequence held back waiting for its end; a longer one passes as it is.
const MAX_HELD: usize = 64;

pub struct Compact<W: Write> {
    inner: W,
    /// The start of an escape sequence whose end has not arrived yet.
    held: Vec<u8>,
}

impl<W: Write> Compact<W> {
    pub fn new(inner: W) -> Compact<W> {
        Compact {
            inner,
            held: Vec::new(),
        }
    }
}

impl<W: Write> Write for Compact<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut data = std::mem::take(&mut self.held);
        data.extend_from_slice(buf);
        let (out, rest) = rewrite(&data);
        self.held = rest.to_vec();
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.held.is_empty() {
            let held = std::mem::take(&mut self.held);
            self.inner.write_all(&held)?;
        }
        self.inner.flush()
    }
}

/// Rewrite the complete SGR sequences in `data`; the output, and an unfinished escape
/// sequence at its end to hold back.
fn rewrite(data: &[u8]) -> (Vec<u8>, &[u8]) {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] != 0x1b {
            let next = data[i..]
                .iter()
                .position(|&b| b == 0x1b)
                .map_or(data.len(), |p| i + p);
            out.extend_from_slice(&data[i..next]);
            i = next;
            continue;
        }
        // ESC: is it "ESC [ params m"?
        let rest = &data[i..];
        if rest.len() < 2 {
            return (out, rest);
        }
        if rest[1] != b'[' {
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
                return (out, rest);
            }
            out.extend_from_slice(rest);
            return (out, &[]);
        }
        if rest[end] == b'm' {
            out.extend_from_slice(b"\x1b[");
            out.extend_from_slice(sgr(&rest[2..end]).as_bytes());
            out.push(b'm');
        } else {
            out.extend_from_slice(&rest[..=end]);
        }
        i += end + 1;
    }
    (out, &[])
}

/// SGR parameters with `38;5;n` and `48;5;n` for n below 16 in their short forms.
fn sgr(params: &[u8]) -> String {
    let text = String::from_utf8_lossy(params);
    let parts: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let short = match (parts[i], parts.get(i + 1), parts.get(i + 2)) {
            (layer @ ("38" | "48"), Some(&"5"), Some(n)) => {
                n.parse::<u8>().ok().filter(|&n| n < 16).map(|n| {
                    let base: u8 = if layer == "38" { 30 } else { 40 };
                    if n < 8 {
                        u16::from(base + n)
                    } else {
                        u16::from(base) + 60 + u16::from(n - 8)
                    }
                })
            }
            _ => None,
        };
        match short {
            Some(code) => {
                out.push(code.to_string());
                i += 3;
            }
            None => {
                out.push(parts[i].to_string());
                i += 1;
            }
        }
    }
    out.join(";")
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
            b"\x1b[0m\x1b[1m",
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
}
