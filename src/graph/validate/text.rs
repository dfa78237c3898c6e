//! No string a terminal would act on, and ids in `[a-z0-9-]`.
//!
//! Every string of every item is checked, whatever field it is in: each item is walked
//! with serde (`walk`), so a field added to the model later is checked without anyone
//! remembering to. A string may not hold a control character (C0 with
//! tab, DEL, C1) or a bidi control (see `graph::controls`); a line feed is allowed only
//! in free text, the fields written as prose (`FREE_TEXT`). Each string is reported
//! once, at the string, for its first bad character.
//!
//! Ids (of every kind but triage levels, whose ids must be one of the five names and
//! are reported by `ids` otherwise) use only `a-z`, `0-9` and `-`, and start with a
//! letter or digit.

use std::collections::HashMap;

use serde::Serialize;

use super::{Ctx, Kind, is_blank};
use crate::graph::controls::{describe, is_bidi, is_unsafe};
use crate::graph::fill::{PLACEHOLDERS, unknown_placeholders};
use crate::graph::load::Located;

pub(crate) mod walk;

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

/// A string with a problem: where it is among the item's strings, the fields that lead to
/// it, and what is wrong.
struct Bad {
    index: usize,
    nth: usize,
    path: String,
    text: String,
    what: String,
    why: &'static str,
}

/// Every string in an item but its own id, each reported at most once.
fn strings<T: Serialize>(ctx: &mut Ctx, kind: Kind, idx: usize, id: &str, item: &T) {
    let own_id = |path: &[&str]| path == ["id"];
    let mut bad: Vec<Bad> = Vec::new();
    let mut index = 0;
    walk::strings(item, |path, text| {
        if own_id(path) {
            return;
        }
        let free = path.last().is_some_and(|key| FREE_TEXT.contains(key));
        if let Some((what, why)) = problem(text, free) {
            let (path, text, nth) = (path.join("."), text.to_string(), 0);
            bad.push(Bad {
                index,
                nth,
                path,
                text,
                what,
                why,
            });
        }
        index += 1;
    });
    if bad.is_empty() {
        return;
    }
    // Which occurrence of its value each one is, to find the right one in the text: a
    // second walk, only for an item with a problem.
    let mut counts: HashMap<String, usize> = bad.iter().map(|b| (b.text.clone(), 0)).collect();
    let (mut next, mut index) = (0, 0);
    walk::strings(item, |path, text| {
        if own_id(path) {
            return;
        }
        if let Some(count) = counts.get_mut(text) {
            if bad.get(next).is_some_and(|b| b.index == index) {
                bad[next].nth = *count;
                next += 1;
            }
            *count += 1;
        }
        index += 1;
    });
    for b in bad {
        let message = format!(
            "{} \"{id}\" has {} in \"{}\" ({})",
            kind.noun(),
            b.what,
            b.path,
            b.why
        );
        ctx.error(ctx.string(kind, idx, &b.text, b.nth), message, id);
    }
}

/// What the placeholders are, for a message about one that is not.
const PLACEHOLDERS_ARE: &str =
    "the placeholders are {emergency_number}, {urgent_care}, {urgent_care_centre} and {pharmacy}";

/// The first bad character of a string, or else its first unknown placeholder, in words,
/// and why it is not allowed.
fn problem(text: &str, free: bool) -> Option<(String, &'static str)> {
    bad_character(text, free).or_else(|| {
        let name = *unknown_placeholders(text).first()?;
        let near = crate::graph::suggest::closest(name, PLACEHOLDERS);
        let hint = near
            .first()
            .map(|n| format!(" (did you mean \"{{{n}}}\"?)"))
            .unwrap_or_default();
        Some((
            format!("an unknown placeholder \"{{{name}}}\"{hint}"),
            PLACEHOLDERS_ARE,
        ))
    })
}

/// The first bad character of a string, in words, and why it is not allowed.
fn bad_character(text: &str, free: bool) -> Option<(String, &'static str)> {
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
    fn unknown_placeholders_are_reported_with_what_was_meant() {
        assert_eq!(what("Call {emergency_number} or {pharmacy}.", true), None);
        assert_eq!(
            what("Use {urgent_cre} today.", true).as_deref(),
            Some(
                "an unknown placeholder \"{urgent_cre}\" (did you mean \"{urgent_care}\"?) (the placeholders are {emergency_number}, {urgent_care}, {urgent_care_centre} and {pharmacy})"
            )
        );
        assert_eq!(what("a set {1, 2} or {A}", true), None, "not placeholders");
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
