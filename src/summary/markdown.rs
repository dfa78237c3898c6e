//! The summary as Markdown, for a `.md` file: the same pieces as the text, with headings
//! and lists. Content text is escaped so that it cannot turn into markup or links.

use super::Summary;
use super::document::{Piece, Tone, pieces};

/// The summary as a Markdown document, ending with a newline.
pub fn markdown(summary: &Summary) -> String {
    let mut out = String::new();
    for piece in pieces(summary) {
        match piece {
            Piece::Title(t) => out.push_str(&format!("# {}\n\n", escape(&t))),
            Piece::Heading(h) => out.push_str(&format!("\n## {}\n\n", escape(&h))),
            Piece::Field { label, value, tone } => {
                out.push_str(&format!(
                    "- **{label}:** {}\n",
                    strong(&escape(&value), tone)
                ));
            }
            Piece::Item {
                mark,
                text,
                tone,
                under,
            } => {
                // "1." items are an ordered list (numbered from 1, as Markdown numbers
                // them); "!" items a list with the mark in bold.
                let (mark, indent) = if mark == "!" {
                    ("- **!**".to_string(), "  ")
                } else {
                    (mark, "   ")
                };
                let text = strong(&escape(&text), tone);
                if let Some(under) = under {
                    // Two spaces: a line break inside the item.
                    let under = escape(&under);
                    out.push_str(&format!("{mark} {text}  \n{indent}{under}\n"));
                } else {
                    out.push_str(&format!("{mark} {text}\n"));
                }
            }
            Piece::Para { text, tone } => {
                out.push_str(&format!("\n{}\n\n", strong(&escape(&text), tone)));
            }
            Piece::Gap => {}
        }
    }
    // One blank line between blocks, never more.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    let trimmed = out.trim_start_matches('\n').trim_end();
    format!("{trimmed}\n")
}

fn strong(text: &str, tone: Tone) -> String {
    match tone {
        Tone::Strong | Tone::Level(_) => format!("**{text}**"),
        Tone::Plain | Tone::Dim => text.to_string(),
    }
}

/// Escape the characters Markdown reads as markup, and drop control characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push(' ');
            continue;
        }
        if "\\`*_[]<>|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_content_stays_text() {
        assert_eq!(escape("[x](http://a) *b*"), "\\[x\\](http://a) \\*b\\*");
        assert_eq!(escape("a\u{1b}[31mb"), "a \\[31mb");
    }
}
