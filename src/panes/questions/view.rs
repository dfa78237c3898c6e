//! The questions: the one to answer now (or the answer being changed), its choices,
//! the answers so far, and a glance at the causes that lead.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use ratatui::widgets::{List, ListItem, ListState};

use super::QuestionsPane;
use crate::app::Session;
use crate::graph::{Answers, Question};
use crate::ui::theme::Theme;
use crate::ui::{pane_block, truncate, wrap};

/// What the questions pane draws from.
struct Ctx<'a> {
    pane: &'a QuestionsPane,
    session: &'a Session,
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &QuestionsPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    let app = &Ctx { pane, session };
    let chosen = app.session.chosen_names();
    let title = if chosen.is_empty() {
        "Questions".to_string()
    } else {
        format!("Questions {} {}", theme.dot(), chosen.join(", "))
    };
    let block = pane_block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height < 1 {
        return;
    }
    if app.session.interview().regions.is_empty() {
        let text = vec![
            Line::from(Span::styled("First, where does it hurt?", theme.heading())),
            Line::from(""),
            Line::from(
                "Choose a place on the body map (Esc or Shift-Tab to go there, then Enter); the questions for it come here.",
            ),
            Line::from(""),
            Line::from("Or press s to skip the questions and go straight to the causes."),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    }
    let width = inner.width;
    let answered = app.session.walk().answered.len();
    let glance = !app.session.ranking().causes.is_empty() && inner.height >= 10;
    // Keep room for a few answers below the question when there are any.
    let reserve = if answered > 0 && inner.height >= 12 {
        3
    } else {
        0
    };
    let max = inner.height.saturating_sub(reserve + u16::from(glance));
    let top = question_lines(app, width, usize::from(max), theme);
    let top_h = (top.len() as u16).min(max);
    let [q_area, a_area, g_area] = Layout::vertical([
        Constraint::Length(top_h),
        Constraint::Min(0),
        Constraint::Length(u16::from(glance)),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(top), q_area);
    draw_answers(frame, a_area, app, theme);
    if glance {
        let text = if app.session.ranking().check_first.is_empty() {
            let lead: Vec<String> = app
                .session
                .ranking()
                .causes
                .iter()
                .take(3)
                .map(|c| format!("{} {:.0}%", c.name, c.score))
                .collect();
            format!("Top of the list: {}", lead.join(", "))
        } else {
            let lead: Vec<&str> = app
                .session
                .ranking()
                .check_first
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            format!("Check first: {}", lead.join(", "))
        };
        let text = truncate(&text, usize::from(width), theme);
        frame.render_widget(Paragraph::new(Span::styled(text, theme.faint())), g_area);
    }
}

/// The question being answered (or changed) and its choices, wrapped.
fn question_lines(app: &Ctx, width: u16, max: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let Some(id) = app.pane.focus(app.session) else {
        out.push(Line::from(Span::styled(
            "No more questions.",
            theme.heading(),
        )));
        let (label, _) = app
            .session
            .graph()
            .triage_level(app.session.ranking().triage);
        let action = &app.session.ranking().advice;
        for (i, l) in wrap(&format!("What to do now: {label}. {action}"), width)
            .into_iter()
            .enumerate()
        {
            let style = if i == 0 { theme.bold() } else { theme.text() };
            out.push(Line::from(Span::styled(l, style)));
        }
        out.push(Line::from("Tab or s: the causes, ranked for your answers."));
        out.push(Line::from(""));
        return out;
    };
    let Some(q) = app.session.graph().question(id) else {
        return out;
    };
    let heading = match app.pane.cursor {
        Some(i) => format!(
            "Change your answer {} of {}",
            i + 1,
            app.session.walk().answered.len()
        ),
        None => format!(
            "Question {} of at most {}",
            app.session.walk().answered.len() + 1,
            app.session.walk().answered.len() + app.session.walk().left_at_most
        ),
    };
    let styled = |text: &str, style| -> Vec<Line<'static>> {
        wrap(text, width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, style)))
            .collect()
    };
    let text = styled(&q.text, theme.bold());
    let help = q
        .help
        .as_deref()
        .map_or_else(Vec::new, |h| styled(h, theme.info()));
    // When space is short the choices stay, then the question, then its heading and
    // help; blank lines go first.
    let mut choices = match app.pane.ticks(app.session) {
        Some(ticks) => super::checklist::lines(q, &ticks, width, max, theme),
        None => choices(q, app.session.interview().answer_to(id), width, theme),
    };
    let mut budget = max;
    if choices.len() > budget {
        choices.remove(0);
    }
    choices.truncate(budget);
    budget -= choices.len();
    let text_n = text.len().min(budget);
    budget -= text_n;
    let show_heading = budget > 0;
    budget -= usize::from(show_heading);
    let help_n = help.len().min(budget);
    budget -= help_n;
    // Past the screen for danger: say the list is ready and how much more could sharpen it.
    let walk = app.session.walk();
    let enough = if app.pane.cursor.is_none() && app.session.enough_to_list() {
        let more = walk.left_at_most;
        let noun = if more == 1 { "question" } else { "questions" };
        styled(
            &format!(
                "Enough answered to list the causes (s shows them); up to {more} more {noun} could sharpen the list."
            ),
            theme.faint(),
        )
    } else {
        Vec::new()
    };
    let enough_n = if enough.len() < budget {
        enough.len()
    } else {
        0
    };
    budget -= enough_n;
    if show_heading {
        out.push(Line::from(Span::styled(heading, theme.heading())));
    }
    out.extend(text.into_iter().take(text_n));
    let help_cut = help_n < help.len();
    for (i, line) in help.into_iter().take(help_n).enumerate() {
        if help_cut && i + 1 == help_n {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let cut = truncate(
                &format!("{text} {}", theme.ellipsis()),
                usize::from(width),
                theme,
            );
            out.push(Line::from(Span::styled(cut, theme.info())));
        } else {
            out.push(line);
        }
    }
    out.extend(choices);
    if enough_n > 0 {
        out.push(Line::from(""));
        out.extend(enough);
        budget -= 1;
    }
    if budget > 0 {
        out.push(Line::from(""));
    }
    out
}

/// The keys that answer a question, with the current answer (if any) selected.
fn choices(
    q: &Question,
    given: Option<crate::engine::Answer>,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    use crate::engine::Answer;
    let mut items: Vec<(String, String, Answer)> = match &q.answers {
        Answers::YesNo { .. } => vec![
            ("y".into(), "Yes".into(), Answer::Yes),
            ("n".into(), "No".into(), Answer::No),
        ],
        Answers::Choice(options) => options
            .iter()
            .enumerate()
            .take(9)
            .map(|(i, o)| ((i + 1).to_string(), o.label.clone(), Answer::Choice(i)))
            .collect(),
        // Drawn by `checklist`.
        Answers::Checklist(_) => Vec::new(),
    };
    items.push(("u".into(), "Not sure".into(), Answer::Unsure));
    let one_line: usize = items.iter().map(|(k, l, _)| k.len() + l.width() + 6).sum();
    let yes_no = matches!(q.answers, Answers::YesNo { .. });
    let mut out = vec![Line::from("")];
    if yes_no && one_line <= usize::from(width) {
        let mut spans = Vec::new();
        for (key, label, answer) in &items {
            let chosen = given == Some(*answer);
            spans.push(Span::raw(if chosen { theme.pointer() } else { "  " }));
            spans.push(Span::styled(format!("[{key}]"), theme.key()));
            spans.push(Span::raw(" "));
            spans.push(if chosen {
                Span::styled(label.clone(), theme.selected())
            } else {
                Span::raw(label.clone())
            });
            spans.push(Span::raw("  "));
        }
        out.push(Line::from(spans));
        return out;
    }
    // One choice to a row; a long one wraps under itself, never cut.
    for (key, label, answer) in &items {
        let chosen = given == Some(*answer);
        let lead = format!("[{key}] ");
        let indent = 2 + lead.width();
        let pieces = wrap(label, width.saturating_sub(indent as u16).max(8));
        for (i, piece) in pieces.into_iter().enumerate() {
            let mut spans = if i == 0 {
                vec![
                    Span::raw(if chosen { theme.pointer() } else { "  " }),
                    Span::styled(lead.clone(), theme.key()),
                ]
            } else {
                vec![Span::raw(" ".repeat(indent))]
            };
            spans.push(if chosen {
                Span::styled(piece, theme.selected())
            } else {
                Span::raw(piece)
            });
            out.push(Line::from(spans));
        }
    }
    out
}

fn draw_answers(frame: &mut Frame, area: Rect, app: &Ctx, theme: &Theme) {
    let answered = &app.session.walk().answered;
    if answered.is_empty() || area.height < 2 {
        return;
    }
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let arrows = if theme.ascii { "Up/Down" } else { "↑↓" };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Your answers", theme.heading()),
            Span::styled(format!("  {arrows} to change one"), theme.faint()),
        ])),
        head,
    );
    let width = usize::from(list.width);
    let height = usize::from(list.height);
    let selected = app.pane.cursor.unwrap_or(answered.len() - 1);
    let top = app.pane.answers.follow(selected, answered.len(), height);
    app.pane.answer_rows.set(list);
    let items: Vec<ListItem> = answered
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(n, (qid, answer))| {
            let Some(q) = app.session.graph().question(qid) else {
                return ListItem::new("");
            };
            // The answer gets at most half the row, the question the rest.
            let said = truncate(&answer.describe(q), (width / 2).max(8), theme);
            let prefix = format!("{}. ", n + 1);
            let room = width.saturating_sub(2 + prefix.width() + said.width() + 3);
            let text = truncate(&q.text, room, theme);
            ListItem::new(format!("{prefix}{text} {} {said}", theme.dot()))
        })
        .collect();
    let mut state =
        ListState::default().with_selected(app.pane.cursor.and_then(|c| c.checked_sub(top)));
    let widget = List::new(items)
        .highlight_style(theme.selected())
        .highlight_symbol(theme.pointer())
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    frame.render_stateful_widget(widget, list, &mut state);
}
