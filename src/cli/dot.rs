//! `dot`: the question graph in Graphviz DOT, so content authors can see it
//! (`symptom-explorer dot | dot -Tsvg > questions.svg`).
//!
//! Regions (ellipses) point at their entry questions; each question (box) points at
//! the next question for each answer, the edge labelled with the answer and the
//! findings it adds (+) or rules out (-); red-flag findings are red and bold, and so
//! is an edge that adds one. A dashed `otherwise` edge is where an `ask_if` question
//! is skipped to. With `--json`, the same nodes and edges as data.

use serde::Serialize;

use super::escape::visible;
use super::load::load;
use super::output::{emit, emit_json};
use super::words::{answer_paths, condition};
use super::{Failure, Globals};
use crate::graph::Graph;

/// The id of the node every path that stops leads to.
pub const END: &str = "end";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    /// `region`, `question` or `end`.
    pub kind: &'static str,
    /// The region's name or the question's text.
    pub label: String,
    /// For a question, the `ask_if` condition in words.
    pub ask_if: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerLabel {
    pub answer: String,
    pub add: Vec<String>,
    pub rule_out: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// `entry` (region to question; `inherited` when from a larger region), `answer`
    /// or `otherwise`.
    pub kind: &'static str,
    /// The answers that take this edge, for `answer` edges.
    pub answers: Vec<AnswerLabel>,
    /// An answer on this edge adds a red-flag finding.
    pub red_flag: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuestionGraph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn region_node(id: &str) -> String {
    format!("region:{id}")
}

/// The nodes and edges of the question graph, in graph order.
pub fn build(graph: &Graph) -> QuestionGraph {
    let mut out = QuestionGraph::default();
    let is_red = |f: &String| graph.finding(f).is_some_and(|f| f.red_flag.is_some());
    for r in &graph.regions {
        out.nodes.push(Node {
            id: region_node(&r.id),
            kind: "region",
            label: r.name.clone(),
            ask_if: None,
        });
        if let Some(entry) = graph.entry_question(&r.id) {
            out.edges.push(Edge {
                from: region_node(&r.id),
                to: entry.to_string(),
                kind: if r.entry.is_some() {
                    "entry"
                } else {
                    "inherited"
                },
                answers: Vec::new(),
                red_flag: false,
            });
        }
    }
    let mut ends = false;
    for q in &graph.questions {
        out.nodes.push(Node {
            id: q.id.to_string(),
            kind: "question",
            label: q.text.clone(),
            ask_if: q.ask_if.as_ref().map(condition),
        });
        if q.ask_if.is_some() {
            let to = q.otherwise.as_deref().or(q.next.as_deref()).unwrap_or(END);
            ends |= to == END;
            out.edges.push(Edge {
                from: q.id.to_string(),
                to: to.to_string(),
                kind: "otherwise",
                answers: Vec::new(),
                red_flag: false,
            });
        }
        // One edge per target, carrying every answer that leads there.
        let mut edges: Vec<Edge> = Vec::new();
        for a in answer_paths(q) {
            let to = a.next.unwrap_or(END);
            ends |= to == END;
            let label = AnswerLabel {
                answer: a.label.clone(),
                add: a.add.to_vec(),
                rule_out: a.rule_out.to_vec(),
            };
            let red = a.add.iter().any(is_red);
            match edges.iter_mut().find(|e| e.to == to) {
                Some(edge) => {
                    edge.answers.push(label);
                    edge.red_flag |= red;
                }
                None => edges.push(Edge {
                    from: q.id.to_string(),
                    to: to.to_string(),
                    kind: "answer",
                    answers: vec![label],
                    red_flag: red,
                }),
            }
        }
        out.edges.extend(edges);
    }
    if ends {
        out.nodes.push(Node {
            id: END.to_string(),
            kind: "end",
            label: "end: show the ranking".to_string(),
            ask_if: None,
        });
    }
    out
}

/// A DOT string literal (any control or bidi character made visible first).
fn quote(text: &str) -> String {
    let text = visible(text);
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Text for an HTML-like label (any control or bidi character made visible first).
fn html(text: &str) -> String {
    visible(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Long question texts broken into lines of about 40 characters.
fn html_lines(text: &str) -> String {
    textwrap::wrap(text, 40)
        .iter()
        .map(|l| html(l))
        .collect::<Vec<_>>()
        .join("<br/>")
}

fn finding_label(graph: &Graph, sign: char, id: &str) -> String {
    let text = html(&format!("{sign}{id}"));
    match graph.finding(id).and_then(|f| f.red_flag.as_ref()) {
        Some(flag) if sign == '+' => format!(
            "<font color=\"red\"><b>{text} (red flag: {})</b></font>",
            html(flag.triage.id())
        ),
        _ => text,
    }
}

/// The graph as DOT.
pub fn render(graph: &Graph, qg: &QuestionGraph) -> String {
    let mut out = String::new();
    out.push_str("digraph questions {\n");
    out.push_str("  graph [rankdir=TB, fontname=\"Helvetica\"];\n");
    out.push_str("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for n in &qg.nodes {
        let attrs = match n.kind {
            "region" => format!(
                "shape=ellipse, style=filled, fillcolor=lightblue, label=<<b>{}</b>>",
                html(&n.label)
            ),
            "end" => format!(
                "style=\"rounded,filled\", fillcolor=lightgrey, label=<{}>",
                html(&n.label)
            ),
            _ => {
                let mut label = format!("<b>{}</b><br/>{}", html(&n.id), html_lines(&n.label));
                if let Some(cond) = &n.ask_if {
                    label.push_str(&format!("<br/><i>ask if: {}</i>", html_lines(cond)));
                }
                format!("label=<{label}>")
            }
        };
        out.push_str(&format!("  {} [{attrs}];\n", quote(&n.id)));
    }
    for e in &qg.edges {
        let mut attrs: Vec<String> = Vec::new();
        match e.kind {
            "otherwise" => {
                attrs.push("style=dashed".to_string());
                attrs.push("label=\"otherwise\"".to_string());
            }
            "inherited" => attrs.push("style=dotted".to_string()),
            "answer" => {
                let lines: Vec<String> = e
                    .answers
                    .iter()
                    .map(|a| {
                        let effects: Vec<String> = a
                            .add
                            .iter()
                            .map(|f| finding_label(graph, '+', f))
                            .chain(a.rule_out.iter().map(|f| finding_label(graph, '-', f)))
                            .collect();
                        if effects.is_empty() {
                            html(&a.answer)
                        } else {
                            format!("{}: {}", html(&a.answer), effects.join(" "))
                        }
                    })
                    .collect();
                attrs.push(format!("label=<{}>", lines.join("<br/>")));
                if e.red_flag {
                    attrs.push("color=red".to_string());
                    attrs.push("penwidth=2".to_string());
                }
            }
            _ => {}
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        out.push_str(&format!(
            "  {} -> {}{attrs};\n",
            quote(&e.from),
            quote(&e.to)
        ));
    }
    out.push_str("}\n");
    out
}

pub fn run(globals: &Globals) -> Result<(), Failure> {
    let graph = load(globals)?;
    let qg = build(&graph);
    if globals.json {
        emit_json(&qg)
    } else {
        emit(&render(&graph, &qg))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{SourceText, parse};

    const GRAPH: &str = r#"Graph(
        regions: [
            Region(id: "back", name: "Back", entry: "q-leg"),
            Region(id: "lower-back", name: "Lower back", parent: "back"),
        ],
        findings: [
            Finding(id: "leg", name: "Leg pain", kind: Spread),
            Finding(id: "saddle", name: "Saddle numbness", kind: Nerve,
                red_flag: RedFlag(triage: "emergency", advice: "Call {emergency_number}")),
        ],
        questions: [
            Question(id: "q-leg", text: "Does the pain go down a leg?",
                answers: YesNo(yes: (add: ["leg"]), no: (rule_out: ["leg"])), next: "q-saddle"),
            Question(id: "q-saddle", text: "Numb \"saddle\" area?", ask_if: Has("leg"),
                answers: YesNo(yes: (add: ["saddle"]))),
        ],
    )"#;

    fn graph() -> Graph {
        parse(vec![SourceText::new("t.ron", GRAPH)]).expect("parses")
    }

    #[test]
    fn edges_follow_answers_and_skips() {
        let g = graph();
        let qg = build(&g);
        let edge = |from: &str, to: &str| {
            qg.edges
                .iter()
                .find(|e| e.from == from && e.to == to)
                .unwrap_or_else(|| panic!("edge {from} -> {to}"))
        };
        assert_eq!(edge("region:back", "q-leg").kind, "entry");
        assert_eq!(edge("region:lower-back", "q-leg").kind, "inherited");
        assert_eq!(edge("q-leg", "q-saddle").answers.len(), 3);
        assert_eq!(edge("q-saddle", END).kind, "otherwise");
        let answered = qg
            .edges
            .iter()
            .find(|e| e.from == "q-saddle" && e.kind == "answer")
            .expect("answer edge");
        assert!(answered.red_flag);
    }

    #[test]
    fn controls_in_ids_and_labels_are_made_visible() {
        assert_eq!(quote("a\u{1b}[2J\"b"), r#""a\\u{1b}[2J\"b""#);
        assert_eq!(html("x\u{202e}<y>\u{9b}"), r"x\u{202e}&lt;y&gt;\u{9b}");
    }

    #[test]
    fn dot_output_is_quoted_and_highlights_red_flags() {
        let g = graph();
        let dot = render(&g, &build(&g));
        assert!(dot.starts_with("digraph questions {"));
        assert!(dot.contains("\"region:back\" -> \"q-leg\";"));
        assert!(dot.contains("style=dashed, label=\"otherwise\""));
        assert!(dot.contains("Numb &quot;saddle&quot; area?"));
        assert!(dot.contains("<font color=\"red\"><b>+saddle (red flag: emergency)</b></font>"));
        assert!(dot.trim_end().ends_with('}'));
    }
}
