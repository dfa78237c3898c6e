//! Where things are in the text of a graph file.
//!
//! serde keeps no positions, so the validator finds items again in the text. Each file is
//! scanned once into a *masked* copy of the same byte length in which string contents,
//! comments and non-ASCII bytes are blanked, so brackets and `key:` can be found without
//! being fooled by prose. Strings are kept as a list of tokens. An item is found by its
//! `id: "ID"` inside the right top-level section (`regions:`, `causes:` ...), and its span
//! is the parenthesis around that definition.
//!
//! Strings are compared by their value, escapes decoded (`"caud\u{61}-equina"` is
//! `cauda-equina`), and indexed by it, so finding the nth occurrence of a string in an
//! item, a definition, or a line and column takes time independent of the size of the
//! file; keys found in an item are remembered. The checks can then ask for as many places
//! as there are problems without going quadratic.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

/// One string literal: the whole token (quotes included) and its raw contents.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StrToken {
    pub token: Range<usize>,
    pub content: Range<usize>,
}

/// A scanned file.
#[derive(Debug, Default)]
pub(super) struct FileMap {
    masked: Vec<u8>,
    strings: Vec<StrToken>,
    /// For each string value, the indexes in `strings` of the tokens that have it.
    by_value: HashMap<String, Vec<usize>>,
    /// `key_in` answers so far, by span start, key and level: every match, in order.
    keys_found: RefCell<HashMap<(usize, String, bool), Vec<usize>>>,
    /// Top-level keys (`triage`, `regions` ...) with the offset of the key.
    sections: Vec<(String, usize)>,
    /// Every `id: "ID"`, by id, as offsets of the opening quote, in text order.
    definitions: HashMap<String, Vec<usize>>,
    lines: Lines,
}

impl FileMap {
    pub fn new(text: &str) -> Self {
        let (masked, strings) = mask(text);
        let sections = top_level_keys(&masked);
        let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, token) in strings.iter().enumerate() {
            by_value.entry(value(text, token)).or_default().push(i);
        }
        let mut map = FileMap {
            masked,
            strings,
            by_value,
            keys_found: RefCell::default(),
            sections,
            definitions: HashMap::new(),
            lines: Lines::new(text),
        };
        map.definitions = map.find_definitions(text);
        map
    }

    /// 1-based line and column (in characters) of a byte offset, as `load::position`
    /// counts them, in time independent of the size of the file.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        self.lines.position(text, offset)
    }

    /// The offset of a top-level key such as `regions`, if the file has it.
    pub fn section(&self, key: &str) -> Option<usize> {
        self.sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|&(_, at)| at)
    }

    /// The byte range a top-level section covers: from its key to the next key.
    pub fn section_range(&self, key: &str) -> Option<Range<usize>> {
        let position = self.sections.iter().position(|(k, _)| k == key)?;
        let start = self.sections[position].1;
        let end = self
            .sections
            .get(position + 1)
            .map_or(self.masked.len(), |&(_, at)| at);
        Some(start..end)
    }

    /// Offsets of every definition of `id`, in text order.
    pub fn definitions(&self, id: &str) -> &[usize] {
        self.definitions.get(id).map_or(&[], Vec::as_slice)
    }

    /// The parenthesised item around an offset (its `(` to its `)`, inclusive).
    pub fn enclosing(&self, offset: usize) -> Range<usize> {
        let open = unmatched_opener(&self.masked, offset).unwrap_or(0);
        let close = unmatched_closer(&self.masked, offset).map_or(self.masked.len(), |c| c + 1);
        open..close
    }

    /// The `nth` string token inside `span` whose value is exactly `value`, skipping the
    /// token that starts at `skip` (an item's own id).
    pub fn string_in(
        &self,
        span: &Range<usize>,
        value: &str,
        nth: usize,
        skip: Option<usize>,
    ) -> Option<usize> {
        let tokens = self.by_value.get(value)?;
        let start = |k: usize| self.strings[tokens[k]].token.start;
        let first = tokens.partition_point(|&i| self.strings[i].token.start < span.start);
        let mut at = first.checked_add(nth)?;
        // The skipped token, when it has this value and comes first, moves the nth on.
        if let Some(skip) = skip {
            let skipped = tokens.partition_point(|&i| self.strings[i].token.start < skip);
            if skipped >= first && skipped <= at && skipped < tokens.len() && start(skipped) == skip
            {
                at += 1;
            }
        }
        let token = &self.strings[*tokens.get(at)?].token;
        (token.end <= span.end).then_some(token.start)
    }

    /// The `nth` key `key:` inside `span`; with `own_level`, only the item's own fields
    /// (not those of structs nested in it).
    pub fn key_in(
        &self,
        span: &Range<usize>,
        key: &str,
        nth: usize,
        own_level: bool,
    ) -> Option<usize> {
        let mut found = self.keys_found.borrow_mut();
        let all = found
            .entry((span.start, key.to_string(), own_level))
            .or_insert_with(|| {
                let inner = span.start + 1..span.end;
                keys(&self.masked, inner, key)
                    .filter(|&(_, depth)| !own_level || depth == 0)
                    .map(|(at, _)| at)
                    .collect()
            });
        all.get(nth).copied()
    }

    fn find_definitions(&self, text: &str) -> HashMap<String, Vec<usize>> {
        let mut out: HashMap<String, Vec<usize>> = HashMap::new();
        for (key_at, _) in keys(&self.masked, 0..self.masked.len(), "id") {
            let Some(value_at) = self.value_after_key(key_at + 2) else {
                continue;
            };
            let Ok(found) = self
                .strings
                .binary_search_by_key(&value_at, |s| s.token.start)
            else {
                continue;
            };
            out.entry(value(text, &self.strings[found]))
                .or_default()
                .push(value_at);
        }
        out
    }

    /// The first byte after `: ` following a key that ends at `after_key`.
    fn value_after_key(&self, after_key: usize) -> Option<usize> {
        let colon = skip_blanks(&self.masked, after_key);
        (self.masked.get(colon) == Some(&b':')).then(|| skip_blanks(&self.masked, colon + 1))
    }
}

/// The value of a string token: a raw string's contents as written, a quoted string's with
/// its escapes decoded (as written when they do not decode: RON reports those).
fn value(text: &str, token: &StrToken) -> String {
    let raw = text.get(token.content.clone()).unwrap_or_default();
    let quoted = text.as_bytes().get(token.token.start) == Some(&b'"');
    if quoted && raw.contains('\\') {
        unescape(raw).unwrap_or_else(|| raw.to_string())
    } else {
        raw.to_string()
    }
}

/// Decode the escapes RON allows in a quoted string: `\\ \" \' \n \r \t \0`, `\xHH`
/// (several of them for one character beyond ASCII) and `\u{H...}`.
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut bytes: Vec<u8> = Vec::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next()? {
            '\\' => '\\',
            '"' => '"',
            '\'' => '\'',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            'x' => {
                // Up to four `\xHH` make one character.
                bytes.clear();
                loop {
                    let hex: String = chars.by_ref().take(2).collect();
                    if hex.len() != 2 {
                        return None;
                    }
                    bytes.push(u8::from_str_radix(&hex, 16).ok()?);
                    if let Ok(s) = std::str::from_utf8(&bytes) {
                        break s.chars().next()?;
                    }
                    if bytes.len() == 4 || !chars.as_str().starts_with("\\x") {
                        return None;
                    }
                    chars.nth(1);
                }
            }
            'u' => {
                let rest = chars.as_str().strip_prefix('{')?;
                let close = rest.find('}')?;
                let hex = &rest[..close];
                if hex.is_empty() || hex.len() > 6 {
                    return None;
                }
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                chars = rest[close + 1..].chars();
                c
            }
            _ => return None,
        };
        out.push(decoded);
    }
    Some(out)
}

/// Where lines start, and how many characters come before every `BLOCK`th byte.
#[derive(Debug, Default)]
struct Lines {
    starts: Vec<usize>,
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 256;

impl Lines {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(offsets_of(bytes, b'\n').map(|at| at + 1));
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before_block.push(chars);
            chars += count_chars(block);
        }
        chars_before_block.push(chars);
        Lines {
            starts,
            chars_before_block,
        }
    }

    /// The number of characters before a byte offset (a character boundary).
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let block = offset / BLOCK;
        let from = block * BLOCK;
        self.chars_before_block.get(block).copied().unwrap_or(0)
            + count_chars(&bytes[from.min(bytes.len())..offset])
    }

    fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let bytes = text.as_bytes();
        let col = self.chars_before(bytes, offset) - self.chars_before(bytes, start);
        (line, col + 1)
    }
}

fn offsets_of(bytes: &[u8], needle: u8) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(move |&(_, &b)| b == needle)
        .map(|(at, _)| at)
}

/// Characters in UTF-8 bytes: every byte that does not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

fn skip_blanks(masked: &[u8], mut at: usize) -> usize {
    while masked.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Every `key:` (as a whole word) in `range`, with its bracket depth relative to the range.
fn keys<'m>(
    masked: &'m [u8],
    range: Range<usize>,
    key: &'m str,
) -> impl Iterator<Item = (usize, usize)> + 'm {
    let mut depth: usize = 0;
    let end = range.end.min(masked.len());
    (range.start..end).filter_map(move |at| {
        match masked[at] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        is_key_at(masked, at, key).then_some((at, depth))
    })
}

fn is_key_at(masked: &[u8], at: usize, key: &str) -> bool {
    let after = at + key.len();
    masked.get(at..after) == Some(key.as_bytes())
        && (at == 0 || !is_ident(masked[at - 1]))
        && !masked.get(after).copied().is_some_and(is_ident)
        && masked.get(skip_blanks(masked, after)) == Some(&b':')
}

/// Keys written directly inside the file's outer parenthesis.
fn top_level_keys(masked: &[u8]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while at < masked.len() {
        match masked[at] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b if depth == 1 && is_ident(b) && (at == 0 || !is_ident(masked[at - 1])) => {
                let end = at + masked[at..].iter().take_while(|&&b| is_ident(b)).count();
                if masked.get(skip_blanks(masked, end)) == Some(&b':') {
                    out.push((String::from_utf8_lossy(&masked[at..end]).into_owned(), at));
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    out
}

fn unmatched_opener(masked: &[u8], offset: usize) -> Option<usize> {
    let mut depth = 0usize;
    for at in (0..offset.min(masked.len())).rev() {
        match masked[at] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth == 0 => return Some(at),
            b'(' | b'[' | b'{' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn unmatched_closer(masked: &[u8], offset: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (at, &b) in masked.iter().enumerate().skip(offset) {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return Some(at),
            b')' | b']' | b'}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The masked copy of a text and its string tokens (see the module comment).
fn mask(text: &str) -> (Vec<u8>, Vec<StrToken>) {
    let bytes = text.as_bytes();
    let mut masked: Vec<u8> = bytes
        .iter()
        .map(|&b| if b.is_ascii() { b } else { b' ' })
        .collect();
    let mut strings = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let blank = if bytes[at] == b'"' {
            let end = quoted_end(bytes, at + 1);
            strings.push(StrToken {
                token: at..end,
                content: at + 1..end.saturating_sub(1).max(at + 1),
            });
            Some((at + 1, end.saturating_sub(1).max(at + 1), end))
        } else if let Some(hashes) = raw_string_hashes(bytes, at) {
            let open = at + 1 + hashes;
            let end = raw_end(bytes, open + 1, hashes);
            let close = end.saturating_sub(hashes + 1).max(open + 1);
            strings.push(StrToken {
                token: at..end,
                content: open + 1..close,
            });
            Some((open + 1, close, end))
        } else if bytes[at..].starts_with(b"//") {
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| at + p);
            Some((at, end, end))
        } else if bytes[at..].starts_with(b"/*") {
            let end = block_comment_end(bytes, at);
            Some((at, end, end))
        } else {
            None
        };
        match blank {
            Some((from, to, next)) => {
                masked[from..to].fill(b' ');
                at = next;
            }
            None => at += 1,
        }
    }
    (masked, strings)
}

/// The offset just past the closing quote (or the end of the text).
fn quoted_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// `Some(number of #)` when a raw string `r#"` starts at `at`.
fn raw_string_hashes(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes[at] != b'r' || (at > 0 && is_ident(bytes[at - 1])) {
        return None;
    }
    let hashes = bytes[at + 1..].iter().take_while(|&&b| b == b'#').count();
    (bytes.get(at + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

fn raw_end(bytes: &[u8], from: usize, hashes: usize) -> usize {
    let mut at = from;
    while at < bytes.len() {
        if bytes[at] == b'"'
            && bytes[at + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return (at + 1 + hashes).min(bytes.len());
        }
        at += 1;
    }
    bytes.len()
}

/// RON block comments nest.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut at = start;
    while at + 1 < bytes.len() {
        if bytes[at..].starts_with(b"/*") {
            depth += 1;
            at += 2;
        } else if bytes[at..].starts_with(b"*/") {
            depth -= 1;
            at += 2;
            if depth == 0 {
                return at;
            }
        } else {
            at += 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// id: "commented"
Graph(
    regions: [
        Region(id: "back", name: "Back (spine)", entry: "q"),
        Region(name: "x: [", parent: "back", id: "low"),
    ],
    /* nested /* comment */ id: "gone" */
    causes: [(id: "c", name: r#"raw "q" text"#, sources: ["back"], prior: (sources: ["back"]))],
)"##;

    #[test]
    fn sections_are_top_level_keys_only() {
        let map = FileMap::new(TEXT);
        let keys: Vec<&str> = map.sections.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["regions", "causes"]);
        assert!(
            map.section_range("regions")
                .is_some_and(|r| r.contains(&TEXT.find("\"low\"").unwrap_or(0)))
        );
    }

    #[test]
    fn definitions_skip_comments_and_prose() {
        let map = FileMap::new(TEXT);
        assert!(map.definitions("commented").is_empty());
        assert!(map.definitions("gone").is_empty());
        assert_eq!(map.definitions("back").len(), 1);
        assert_eq!(map.definitions("low").len(), 1);
        assert!(
            map.definitions("q").is_empty(),
            "a string after entry: is not a definition"
        );
    }

    #[test]
    fn item_span_covers_fields_before_the_id() {
        let map = FileMap::new(TEXT);
        let def = map.definitions("low")[0];
        let span = map.enclosing(def);
        assert!(TEXT[span.clone()].starts_with("(name: \"x: [\""));
        assert!(TEXT[span.clone()].ends_with("id: \"low\")"));
        let parent = map.string_in(&span, "back", 0, Some(def));
        assert_eq!(parent, TEXT.find("\"back\", id"));
    }

    #[test]
    fn own_level_keys_ignore_nested_structs() {
        let map = FileMap::new(TEXT);
        let span = map.enclosing(map.definitions("c")[0]);
        let own = map.key_in(&span, "sources", 0, true);
        let any = map.key_in(&span, "sources", 1, false);
        assert_eq!(own, TEXT.find("sources: [\"back\"], prior"));
        assert_eq!(any, TEXT.rfind("sources"));
        assert_eq!(map.key_in(&span, "text", 0, false), None);
    }

    #[test]
    fn escaped_strings_are_found_by_their_value() {
        let text =
            r#"(id: "caud\u{61}-equin\x61", a: "q\"t", b: r"r\u{61}", c: "\xC3\xA9", d: "\q")"#;
        let map = FileMap::new(text);
        assert_eq!(map.definitions("cauda-equina"), [5]);
        let span = 0..text.len();
        assert_eq!(map.string_in(&span, "q\"t", 0, None), text.find("\"q\\"));
        assert_eq!(map.string_in(&span, "r\\u{61}", 0, None), text.find("r\"r"));
        assert_eq!(map.string_in(&span, "é", 0, None), text.find("\"\\xC3"));
        assert_eq!(map.string_in(&span, "\\q", 0, None), text.find("\"\\q"));
        assert_eq!(
            unescape(r"\u{1F600}\n\t\0\'"),
            Some("😀\n\t\0'".to_string())
        );
        assert_eq!(unescape(r"\u{110000}"), None);
        assert_eq!(unescape(r"\xC3"), None);
        assert_eq!(unescape(r"\x4"), None);
        assert_eq!(unescape("\\"), None);
    }

    #[test]
    fn the_nth_string_skips_the_own_id() {
        let text = r#"(id: "a", x: "a", y: ["b", "a", "a"]), (z: "a")"#;
        let map = FileMap::new(text);
        let span = map.enclosing(map.definitions("a")[0]);
        let def = Some(5);
        let found: Vec<Option<usize>> = (0..4).map(|n| map.string_in(&span, "a", n, def)).collect();
        let starts: Vec<usize> = text.match_indices("\"a\"").map(|(at, _)| at).collect();
        assert_eq!(
            found,
            [Some(starts[1]), Some(starts[2]), Some(starts[3]), None]
        );
        assert_eq!(map.string_in(&span, "a", 0, None), Some(starts[0]));
        assert_eq!(map.string_in(&span, "b", 0, def), text.find("\"b\""));
        assert_eq!(map.string_in(&span, "c", 0, def), None);
    }

    #[test]
    fn positions_agree_with_the_plain_count() {
        let text = "ab\né\n\n  ∑x\"y\"\nlast";
        let long = format!(
            "{}\n{}é{}",
            "é".repeat(300),
            "x".repeat(700),
            "ü".repeat(40)
        );
        for text in [text, long.as_str(), "", "\n", "é"] {
            let map = FileMap::new(text);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                assert_eq!(
                    map.position(text, offset),
                    crate::graph::load::position(text, offset),
                    "offset {offset} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for text in [
            "\"", "r#\"", "/*", "(id: \"a", "r", "(((", ")))", "id:", "é\"é",
        ] {
            let map = FileMap::new(text);
            let _ = map.enclosing(text.len());
            let _ = map.key_in(&(0..text.len()), "id", 0, false);
        }
    }
}
