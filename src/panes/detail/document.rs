//! The detail of a cause as a document: kinds of line and their text, wrapped to a
//! width. The ui styles each kind; the state uses the wrapped length to clamp scrolling.

use crate::app::Session;
use crate::engine::rank::Evidence;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Disclaimer,
    Title,
    Meta,
    Heading,
    Text,
    For,
    Against,
    Note,
    Related,
    Source,
    /// A source's address, on a line of its own so that it wraps least.
    Link,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: Kind,
    pub text: String,
    /// On a web address's line, the whole address (the text may be cut to fit).
    pub url: Option<String>,
}

fn line(kind: Kind, text: impl Into<String>) -> DocLine {
    DocLine {
        kind,
        text: text.into(),
        url: None,
    }
}

pub const DISCLAIMER: &str = "Information, not a diagnosis. Only a health professional who \
examines you can say what is causing your symptoms.";

/// How strongly a piece of evidence counts, in words.
fn strength(e: &Evidence) -> &'static str {
    match e.factor {
        f if f >= 4.0 => "counts strongly for",
        f if f > 1.0 => "counts for",
        f if f <= 0.3 => "counts strongly against",
        _ => "counts against",
    }
}

/// Every section of a cause, in reading order.
pub fn document(session: &Session, cause: usize, ascii: bool) -> Vec<DocLine> {
    let g = session.graph();
    let Some(c) = g.causes.get(cause) else {
        return vec![line(Kind::Text, "This cause is not in the graph.")];
    };
    let ranked = session.ranked(cause);
    let (yes, no, dot) = if ascii {
        ("+", "-", "*")
    } else {
        ("✓", "✗", "•")
    };
    let mut out = vec![
        line(Kind::Disclaimer, DISCLAIMER),
        line(Kind::Blank, ""),
        line(Kind::Title, c.name.clone()),
    ];
    if let Some(gloss) = &c.gloss {
        out.push(line(Kind::Text, format!("In plain words: {gloss}.")));
    }
    let mut meta = vec![c.prevalence.label().to_string()];
    meta.push(g.triage_level(c.triage).0);
    if let Some(code) = &c.icd10 {
        meta.push(format!("ICD-10 code: {code}"));
    }
    out.push(line(Kind::Meta, meta.join(" · ")));
    if !c.aliases.is_empty() {
        out.push(line(
            Kind::Meta,
            format!("Also called: {}", c.aliases.join(", ")),
        ));
    }

    // A cause to check first says why it is there and what to do, before the likelihood.
    if let Some(check) = session
        .ranking()
        .check_first
        .iter()
        .find(|c| c.index == cause)
    {
        let (label, action) = g.triage_level(check.triage);
        out.push(line(Kind::Heading, format!("Check this first: {label}")));
        out.push(line(
            Kind::Text,
            format!("Listed first because {}.", check.reason),
        ));
        out.push(line(Kind::Text, action));
    }

    out.push(line(Kind::Heading, "Why it is listed"));
    match ranked {
        Some(r) => {
            out.push(line(
                Kind::Text,
                format!(
                    "{:.0}% of the likelihood among the causes listed for your answers.",
                    r.score
                ),
            ));
            for e in &r.for_ {
                let said = if e.present { "yes" } else { "no" };
                out.push(line(
                    Kind::For,
                    format!("{yes} {} (you said {said}): {}", e.name, strength(e)),
                ));
            }
            for e in &r.against {
                let said = if e.present { "yes" } else { "no" };
                out.push(line(
                    Kind::Against,
                    format!("{no} {} (you said {said}): {}", e.name, strength(e)),
                ));
            }
            if r.for_.is_empty() && r.against.is_empty() {
                out.push(line(
                    Kind::Note,
                    format!("{dot} No answer so far counts for or against it; it is listed for where it hurts and how common it is."),
                ));
            }
            for n in &r.notes {
                out.push(line(Kind::Note, format!("{dot} {n}")));
            }
        }
        None => out.push(line(
            Kind::Note,
            format!("{dot} Not usually felt where you chose; shown because you searched for it."),
        )),
    }

    let sections = [
        ("Summary", &c.summary),
        ("How it feels", &c.feels),
        ("When to seek help", &c.seek_help),
        ("How it is diagnosed", &c.diagnosis),
        ("Treatment", &c.treatment),
        ("Prevention", &c.prevention),
    ];
    for (heading, text) in sections {
        out.push(line(Kind::Heading, heading));
        out.push(line(Kind::Text, text.clone()));
    }
    let related = related(session, cause);
    if !related.is_empty() {
        out.push(line(Kind::Heading, "Related causes"));
        for (n, (_, name)) in related.iter().enumerate() {
            out.push(line(Kind::Related, format!("{} {name}", n + 1)));
        }
    }
    if !c.sources.is_empty() {
        out.push(line(Kind::Heading, "Sources"));
        for (n, id) in c.sources.iter().enumerate() {
            match g.source(id) {
                Some(s) => {
                    out.push(line(Kind::Source, format!("[{}] {}", n + 1, s.citation)));
                    if let Some(url) = &s.url {
                        out.push(line(Kind::Link, url.clone()));
                    }
                }
                None => out.push(line(Kind::Source, format!("[{}] {id}", n + 1))),
            }
        }
    }
    out
}

/// The related causes that exist in the graph: index and name.
pub fn related(session: &Session, cause: usize) -> Vec<(usize, String)> {
    let g = session.graph();
    let Some(c) = g.causes.get(cause) else {
        return Vec::new();
    };
    c.related
        .iter()
        .filter_map(|id| {
            let i = g.cause_index(id)?;
            Some((i, g.causes[i].name.clone()))
        })
        .take(9)
        .collect()
}

/// How far a kind of line is indented, first line and the rest.
fn indent(kind: Kind) -> (usize, usize) {
    match kind {
        Kind::For | Kind::Against | Kind::Note => (2, 4),
        Kind::Related => (2, 4),
        Kind::Source => (2, 6),
        Kind::Link => (6, 6),
        Kind::Heading => (0, 0),
        _ => (0, 0),
    }
}

/// A web address on one line, never split: indented when there is room, cut at the end
/// with an ellipsis when even the whole width is too narrow (the line keeps the whole
/// address, for a terminal that can follow it as a hyperlink).
fn address_line(url: &str, width: usize) -> DocLine {
    use unicode_width::UnicodeWidthStr;
    let (pad, _) = indent(Kind::Link);
    let len = url.width();
    let text = if len + pad <= width {
        format!("{}{url}", " ".repeat(pad))
    } else if len <= width {
        format!("{}{url}", " ".repeat(width - len))
    } else {
        let keep: String = url.chars().take(width.saturating_sub(1)).collect();
        format!("{keep}…")
    };
    DocLine {
        kind: Kind::Link,
        text,
        url: Some(url.to_string()),
    }
}

/// The document wrapped to a width; headings get a blank line before them.
pub fn wrap(doc: &[DocLine], width: u16) -> Vec<DocLine> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for l in doc {
        if l.kind == Kind::Heading && !out.is_empty() {
            out.push(line(Kind::Blank, ""));
        }
        if l.text.is_empty() {
            out.push(line(l.kind, ""));
            continue;
        }
        if l.kind == Kind::Link {
            out.push(address_line(&l.text, width));
            continue;
        }
        let (first, rest) = indent(l.kind);
        let (first, rest) = (
            " ".repeat(first.min(width / 2)),
            " ".repeat(rest.min(width / 2)),
        );
        let opts = textwrap::Options::new(width)
            .initial_indent(&first)
            .subsequent_indent(&rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for piece in textwrap::wrap(&l.text, opts) {
            out.push(line(l.kind, piece.into_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_is_never_split() {
        let url = "https://doi.org/10.7326/0003-4819-137-7-200210010-00010";
        let doc = [line(Kind::Source, "[1] A source"), line(Kind::Link, url)];
        for width in [20u16, 40, 56, 60, 100] {
            let wrapped = wrap(&doc, width);
            let links: Vec<&DocLine> = wrapped.iter().filter(|l| l.kind == Kind::Link).collect();
            assert_eq!(links.len(), 1, "one line at {width}");
            assert_eq!(links[0].url.as_deref(), Some(url), "the whole address kept");
            assert!(links[0].text.chars().count() <= usize::from(width));
            let shown = links[0].text.trim_start();
            assert!(url.starts_with(shown.trim_end_matches('…')), "{shown}");
        }
    }
}
