//! No string a terminal would act on, and ids in `[a-z0-9-]`.
//!
//! Every string of every item is checked, whatever field it is in: each item is turned
//! into a tree of values with serde, so a field added to the model later is checked
//! without anyone remembering to. A string may not hold a control character (C0 with
//! tab, DEL, C1) or a bidi control (see `graph::controls`); a line feed is allowed only
//! in free text, the fields written as prose (`FREE_TEXT`). Each string is reported
//! once, at the string, for its first bad character.
//!
//! Ids (of every kind but triage levels, whose ids must be one of the five names and
//! are reported by `ids` otherwise) use only `a-z`, `0-9` and `-`, and start with a
//! letter or digit.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::{Ctx, Kind, is_blank};
use crate::graph::controls::{describe, is_bidi, is_unsafe};
use crate::graph::load::Located;

/// The fields written as prose, where a line break may separate paragraphs.
const FREE_TEXT: [&str; 11] = [
    "action",
    "advice",
    "basis",
    "diagnosis",
    "feels",
    "help",
    "prevention",
    "seek_help",
    "summary",
    "text",
    "treatment",
];

pub(super) fn check(ctx: &mut Ctx) {
    let g = ctx.graph;
    items(ctx, Kind::Triage, &g.triage, |t| t.id.id());
    items(ctx, Kind::Source, &g.sources, |t| &t.id);
    items(ctx, Kind::Region, &g.regions, |t| &t.id);
    items(ctx, Kind::Finding, &g.findings, |t| &t.id);
    items(ctx, Kind::Cause, &g.causes, |t| &t.id);
    items(ctx, Kind::Question, &g.questions, |t| &t.id);
    items(ctx, Kind::Guide, &g.guidance, |t| &t.id);
    items(ctx, Kind::Rule, &g.rules, |t| &t.id);
}

fn items<'g, T: Serialize>(
    ctx: &mut Ctx<'g>,
    kind: Kind,
    items: &'g [Located<T>],
    id_of: impl Fn(&'g T) -> &'g str,
) {
    for (idx, item) in items.iter().enumerate() {
        let id = id_of(&item.item);
        if kind != Kind::Triage {
            id_syntax(ctx, kind, idx, id);
        }
        strings(ctx, kind, idx, id, &item.item);
    }
}

/// An id that is not empty (that has its own error) must be in `[a-z0-9-]`, not
/// starting with `-`.
fn id_syntax(ctx: &mut Ctx, kind: Kind, idx: usize, id: &str) {
    if is_blank(id) {
        return;
    }
    let Some((at, c)) = id
        .chars()
        .enumerate()
        .find(|&(i, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || (c == '-' && i > 0)))
    else {
        return;
    };
    let what = match c {
        '-' if at == 0 => "\"-\" first".to_string(),
        ' ' => "a space".to_string(),
        '_' => "an underscore".to_string(),
        c if is_unsafe(c) => describe(c),
        c if c.is_ascii_uppercase() => format!("an upper-case letter \"{c}\""),
        c if c.is_whitespace() => format!("a blank U+{:04X}", u32::from(c)),
        c => format!("\"{c}\""),
    };
    let message = format!(
        "{} id \"{id}\" has {what} (an id uses only a-z, 0-9 and \"-\", and starts with a letter or digit)",
        kind.noun()
    );
    ctx.error(ctx.item(kind, idx), message, id);
}

/// One string of an item and the object keys that lead to it (enum variants left out).
struct Found<'v> {
    path: Vec<&'v str>,
    text: &'v str,
}

/// Every string in an item but its own id, each reported at most once.
fn strings<T: Serialize>(ctx: &mut Ctx, kind: Kind, idx: usize, id: &str, item: &T) {
    // The model has no maps and no non-string keys, so this cannot fail.
    let Ok(value) = serde_json::to_value(item) else {
        return;
    };
    let mut found = Vec::new();
    walk(&value, &mut Vec::new(), &mut found);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for Found { path, text } in found {
        if path == ["id"] {
            continue;
        }
        // Which occurrence of this value it is, to find the right one in the text.
        let counter = seen.entry(text).or_insert(0);
        let nth = *counter;
        *counter += 1;
        let free = path.last().is_some_and(|key| FREE_TEXT.contains(key));
        let Some((what, why)) = problem(text, free) else {
            continue;
        };
        let message = format!(
            "{} \"{id}\" has {what} in \"{}\" ({why})",
            kind.noun(),
            path.join(".")
        );
        ctx.error(ctx.string(kind, idx, text, nth), message, id);
    }
}

fn walk<'v>(value: &'v Value, path: &mut Vec<&'v str>, out: &mut Vec<Found<'v>>) {
    match value {
        Value::String(text) => out.push(Found {
            path: path.clone(),
            text,
        }),
        Value::Array(values) => values.iter().for_each(|v| walk(v, path, out)),
        Value::Object(fields) => {
            for (key, v) in fields {
                // `YesNo`, `Choice`, `Has` ...: which variant, not where.
                let variant = key.starts_with(|c: char| c.is_ascii_uppercase());
                if !variant {
                    path.push(key);
                }
                walk(v, path, out);
                if !variant {
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

/// The first bad character of a string, in words, and why it is not allowed.
fn problem(text: &str, free: bool) -> Option<(String, &'static str)> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_unsafe(c) || (c == '\n' && free) {
            continue;
        }
        let why = match c {
            '\n' => return Some(("a line break".to_string(), "the field is one line")),
            '\t' => "use spaces instead",
            '\r' if chars.peek() == Some(&'\n') => {
                "the file has Windows line endings inside a string; save it with Unix (LF) line endings"
            }
            c if is_bidi(c) => "it would reorder how the text around it is shown",
            _ => "a terminal would act on it",
        };
        return Some((describe(c), why));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    fn what(text: &str, free: bool) -> Option<String> {
        problem(text, free).map(|(what, why)| format!("{what} ({why})"))
    }

    #[test]
    fn line_breaks_only_in_free_text() {
        assert_eq!(what("two\nparagraphs", true), None);
        assert_eq!(
            what("a\nname", false).as_deref(),
            Some("a line break (the field is one line)")
        );
        assert_eq!(
            what("crlf\r\nline", true).as_deref(),
            Some(
                "a control character U+000D (carriage return) (the file has Windows line endings inside a string; save it with Unix (LF) line endings)"
            )
        );
    }

    #[test]
    fn the_first_bad_character_is_reported() {
        assert_eq!(
            what("x\u{1b}]0;pwned\u{7}", true).as_deref(),
            Some("a control character U+001B (escape) (a terminal would act on it)")
        );
        assert!(what("tab\there", true).is_some_and(|p| p.contains("use spaces")));
        assert!(what("\u{202e}", false).is_some_and(|p| p.contains("reorder")));
        assert!(what("\u{9b}2J", false).is_some_and(|p| p.contains("U+009B")));
        assert!(what("\u{7f}", false).is_some_and(|p| p.contains("U+007F (delete)")));
        assert_eq!(what("plain – text, with é and 😀", false), None);
    }
}
