//! What the words and marks on the screen mean, in plain words, for the help overlay.

use super::HelpRowText::{self, Blank, Heading, Item};
use crate::graph::{Graph, Triage};

fn item(key: &str, text: impl Into<String>) -> HelpRowText {
    Item(key.to_string(), text.into())
}

pub fn rows(graph: &Graph, ascii: bool) -> Vec<HelpRowText> {
    let mut rows = vec![
        Heading("What this is".into()),
        item(
            "",
            "Information, not a diagnosis. It lists what could cause pain like yours and how \
             soon to get help; only a health professional who examines you can say what it is.",
        ),
        Blank,
        Heading("Triage: how soon to get help".into()),
        item(
            "",
            "Triage means sorting by urgency. The top line shows it for your answers \
             (\"not assessed\" until you answer); each cause shows its own.",
        ),
    ];
    for t in Triage::ALL {
        let (label, action) = graph.triage_level(t);
        rows.push(item(t.id(), format!("{label}: {action}")));
    }
    rows.extend([
        item(
            "RED FLAG",
            "A warning sign in your answers. The banner stays on every screen while the \
             answer stands, and says what to do.",
        ),
        item(
            "CHECK FIRST",
            "A serious cause your answers point to: have it checked before anything else, \
             even when it is not the likeliest.",
        ),
        Blank,
        Heading("The list of causes".into()),
        item(
            "how common",
            "How often the cause is seen in everyone: common, uncommon or rare.",
        ),
        item(
            "likelihood",
            "How much of the likelihood, among the causes listed, this cause has for your \
             answers. It changes as you answer; it is an estimate, not a test result.",
        ),
        item(
            "via",
            "Found through a symptom that matched your search, not through its name.",
        ),
        Blank,
        Heading("The body map".into()),
    ]);
    let glyphs = crate::ui::theme::spot_glyphs(ascii);
    rows.extend([
        item(glyphs.2, "Where the cursor is; Enter chooses it."),
        item(
            glyphs.1,
            "A place you marked with Space, for pain that spreads.",
        ),
        item(glyphs.0, "Another place you can choose."),
    ]);
    rows
}
