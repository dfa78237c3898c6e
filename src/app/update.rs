//! The one function that changes the interface's state.

use super::layout::{HelpView, Layout, inner};
use super::{Action, App, DetailState, Dir, Pane, body, detail};
use crate::engine::Answer;
use crate::graph::{Answers, View};

pub fn update(app: &mut App, action: Action) {
    app.message = None;
    match action {
        Action::Quit => app.quit = true,
        Action::Resize(w, h) => {
            app.size = (w, h);
            clamp_detail(app);
        }
        Action::ToggleHelp => app.help = if app.help.is_some() { None } else { Some(0) },
        Action::NextPane => cycle(app, true),
        Action::PrevPane => cycle(app, false),
        Action::Back => back(app),
        Action::OpenSearch => {
            app.help = None;
            app.pane = Pane::Causes;
            app.causes.editing = true;
        }
        Action::Move(dir) => move_in(app, dir),
        Action::PageUp | Action::PageDown | Action::Home | Action::End => page(app, action),
        Action::FlipView => flip(app),
        Action::ToggleMark => {
            let c = app.body.cursor;
            if let Some(pos) = app.body.marked.iter().position(|&m| m == c) {
                app.body.marked.remove(pos);
            } else {
                app.body.marked.push(c);
            }
        }
        Action::ChooseRegions => choose(app),
        Action::JumpTo(letter) => match body::jump(&app.graph, app.body.cursor, letter) {
            Some(i) => {
                app.body.cursor = i;
                app.body.view = body::view_for(&app.graph, i, app.body.view);
            }
            None => app.message = Some(format!("No region starts with {letter}.")),
        },
        Action::Answer(answer) => answer_question(app, answer),
        Action::Tick(item) => tick(app, item),
        Action::ConfirmTicks => match app.ticks() {
            Some(t) if t.ticked == 0 => {
                app.message =
                    Some("Nothing ticked: n for none of these, or tick with Space.".into());
            }
            Some(t) => answer_question(app, Answer::Checked(t.ticked)),
            None => app.message = Some("This question is not a checklist.".into()),
        },
        Action::Undo => {
            if app.interview.undo(&app.graph).is_some() {
                app.questions.cursor = None;
                app.refresh();
            } else {
                app.message = Some("No answer to take back.".into());
            }
        }
        Action::SkipToCauses => {
            app.pane = Pane::Causes;
            app.causes.editing = false;
        }
        Action::SearchInput(c) => {
            app.causes.query.push(c);
            app.causes.selected = 0;
            app.research();
        }
        Action::SearchDelete => {
            app.causes.query.pop();
            app.causes.selected = 0;
            app.research();
        }
        Action::SearchClear => clear_search(app),
        Action::OpenDetail => match app.selected_cause() {
            Some(i) => open_detail(app, i, false),
            None => app.message = Some("No cause to open.".into()),
        },
        Action::FollowRelated(n) => {
            let target = app
                .detail
                .as_ref()
                .and_then(|d| detail::related(app, d.cause).get(n).map(|(i, _)| *i));
            match target {
                Some(i) => open_detail(app, i, true),
                None => app.message = Some(format!("There is no related cause {}.", n + 1)),
            }
        }
        Action::DetailBack => detail_back(app),
    }
}

fn cycle(app: &mut App, forward: bool) {
    app.causes.editing = false;
    let panes = app.panes();
    let at = panes.iter().position(|&p| p == app.pane).unwrap_or(0);
    let n = panes.len();
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    app.pane = panes[next];
}

fn back(app: &mut App) {
    if app.help.is_some() {
        app.help = None;
        return;
    }
    match app.pane {
        Pane::Causes if app.searching() => clear_search(app),
        Pane::Detail => detail_back(app),
        Pane::Questions if app.questions.cursor.is_some() => app.questions.cursor = None,
        Pane::Causes => app.pane = Pane::Questions,
        Pane::Questions => app.pane = Pane::Body,
        Pane::Body => {}
    }
}

fn clear_search(app: &mut App) {
    app.causes.query.clear();
    app.causes.editing = false;
    app.causes.selected = 0;
    app.research();
}

fn move_in(app: &mut App, dir: Dir) {
    if let Some(scroll) = app.help {
        let max = help_max_scroll(app);
        app.help = Some(match dir {
            Dir::Up | Dir::Left => scroll.saturating_sub(1),
            Dir::Down | Dir::Right => (scroll + 1).min(max),
        });
        return;
    }
    match app.pane {
        Pane::Body if !app.figure_shown() && matches!(dir, Dir::Up | Dir::Down) => {
            // No figure on screen (a small terminal): up and down go through the list.
            let n = app.graph.regions.len();
            let c = app.body.cursor;
            app.body.cursor = match dir {
                Dir::Up => c.saturating_sub(1),
                _ => (c + 1).min(n.saturating_sub(1)),
            };
            app.body.view = body::view_for(&app.graph, app.body.cursor, app.body.view);
        }
        Pane::Body => {
            let g = &app.graph;
            let from = app.body.cursor;
            let stepped = body::step(g, from, app.body.view, dir).or_else(|| {
                // A region not on this figure: move through the list instead.
                let n = g.regions.len();
                match (body::spot_on(g, from, app.body.view), dir) {
                    (None, Dir::Up) if n > 0 => Some((from + n - 1) % n),
                    (None, Dir::Down) if n > 0 => Some((from + 1) % n),
                    _ => None,
                }
            });
            if let Some(i) = stepped {
                app.body.cursor = i;
                app.body.view = body::view_for(&app.graph, i, app.body.view);
            }
        }
        Pane::Questions => {
            // Over a checklist's items first; past its ends, to the answers.
            if let Some(mut t) = app.ticks() {
                let step = match dir {
                    Dir::Up if t.item > 0 => Some(t.item - 1),
                    Dir::Down if t.item + 1 < t.items => Some(t.item + 1),
                    _ => None,
                };
                if let Some(item) = step {
                    t.item = item;
                    app.questions.ticks = Some(t);
                    return;
                }
            }
            let len = app.walk.answered.len();
            app.questions.cursor = match (app.questions.cursor, dir) {
                (None, Dir::Up) if len > 0 => Some(len - 1),
                (Some(i), Dir::Up) => Some(i.saturating_sub(1)),
                (Some(i), Dir::Down) if i + 1 < len => Some(i + 1),
                (Some(_), Dir::Down) => None,
                (c, _) => c,
            };
        }
        Pane::Causes => {
            let len = app.cause_rows().len();
            let sel = &mut app.causes.selected;
            match dir {
                Dir::Up => *sel = sel.saturating_sub(1),
                Dir::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
                _ => {}
            }
        }
        Pane::Detail => {
            let max = detail_max_scroll(app);
            if let Some(d) = app.detail.as_mut() {
                match dir {
                    Dir::Up => d.scroll = d.scroll.saturating_sub(1),
                    Dir::Down => d.scroll = (d.scroll + 1).min(max),
                    _ => {}
                }
            }
        }
    }
}

fn page(app: &mut App, action: Action) {
    if let Some(scroll) = app.help {
        let (w, h) = app.size;
        let view = HelpView::compute(app.options.ascii, ratatui::layout::Rect::new(0, 0, w, h));
        let step = view
            .as_ref()
            .map_or(1, |v| v.rect.height.saturating_sub(3).max(1));
        let max = help_max_scroll(app);
        app.help = Some(match action {
            Action::PageUp => scroll.saturating_sub(step),
            Action::PageDown => scroll.saturating_add(step).min(max),
            Action::Home => 0,
            _ => max,
        });
        return;
    }
    let layout = Layout::of(app);
    let height = |pane| {
        layout
            .as_ref()
            .and_then(|l| l.rect(pane))
            .map_or(1, |r| inner(r).height.max(2) - 1)
    };
    match app.pane {
        Pane::Causes => {
            let len = app.cause_rows().len();
            let step = usize::from(height(Pane::Causes)).saturating_sub(1).max(1);
            let sel = app.causes.selected;
            app.causes.selected = match action {
                Action::PageUp => sel.saturating_sub(step),
                Action::PageDown => (sel + step).min(len.saturating_sub(1)),
                Action::Home => 0,
                _ => len.saturating_sub(1),
            };
        }
        Pane::Detail => {
            let step = height(Pane::Detail).max(1);
            let max = detail_max_scroll(app);
            if let Some(d) = app.detail.as_mut() {
                d.scroll = match action {
                    Action::PageUp => d.scroll.saturating_sub(step),
                    Action::PageDown => d.scroll.saturating_add(step).min(max),
                    Action::Home => 0,
                    _ => max,
                };
            }
        }
        _ => {}
    }
}

fn flip(app: &mut App) {
    let g = &app.graph;
    let (x, y) = body::spot_on(g, app.body.cursor, app.body.view).map_or((50, 50), |s| (s.x, s.y));
    let view = match app.body.view {
        View::Front => View::Back,
        View::Back => View::Front,
    };
    app.body.view = view;
    if let Some(i) = body::nearest(g, x, y, view) {
        app.body.cursor = i;
    }
}

fn choose(app: &mut App) {
    let mut chosen = app.body.marked.clone();
    if !chosen.contains(&app.body.cursor) {
        chosen.push(app.body.cursor);
    }
    let ids: Vec<String> = chosen
        .iter()
        .filter_map(|&i| app.graph.regions.get(i).map(|r| r.id.clone()))
        .collect();
    if ids.is_empty() {
        return;
    }
    app.body.marked = chosen;
    app.interview.regions = ids;
    app.questions.cursor = None;
    app.pane = Pane::Questions;
    app.refresh();
    if app.walk.current.is_none() && app.walk.answered.is_empty() {
        app.message = Some("No questions for this area: Tab or s to see the causes.".into());
    }
}

fn answer_question(app: &mut App, answer: Answer) {
    if app.interview.regions.is_empty() {
        app.message =
            Some("Choose where it hurts first (Esc to the body map), or s to skip.".into());
        return;
    }
    let Some(id) = app.focus_question().map(str::to_string) else {
        app.message = Some("No more questions: Tab or s to see the causes.".into());
        return;
    };
    let Some(question) = app.graph.question(&id) else {
        return;
    };
    if !answer.fits(question) {
        app.message = Some(match &question.answers {
            Answers::YesNo { .. } => "Answer with y, n or ? (not sure).".into(),
            Answers::Checklist(_) => {
                "Tick with Space or a number, then Enter; n for none of these.".into()
            }
            Answers::Choice(options) => {
                format!("Answer with 1 to {} or ? (not sure).", options.len())
            }
        });
        return;
    }
    app.interview.answer(&id, answer);
    app.questions.cursor = None;
    app.questions.ticks = None;
    app.refresh();
    if app.walk.current.is_none() {
        app.message = Some("That was the last question. Tab or s to see the causes.".into());
    }
}

/// Tick or untick an item of the checklist in focus (the one under the cursor by default).
fn tick(app: &mut App, item: Option<usize>) {
    let Some(mut t) = app.ticks() else {
        return;
    };
    let i = item.unwrap_or(t.item);
    if i >= t.items.min(64) {
        app.message = Some(format!("There are {} items.", t.items));
        return;
    }
    t.ticked ^= 1 << i;
    t.item = i;
    app.questions.ticks = Some(t);
}

fn open_detail(app: &mut App, cause: usize, keep_trail: bool) {
    let back = match app.detail.take() {
        Some(mut d) if keep_trail => {
            d.back.push((d.cause, d.scroll));
            d.back
        }
        _ => Vec::new(),
    };
    app.detail = Some(DetailState {
        cause,
        scroll: 0,
        back,
    });
    app.causes.editing = false;
    app.pane = Pane::Detail;
}

fn detail_back(app: &mut App) {
    let Some(d) = app.detail.as_mut() else {
        app.pane = Pane::Causes;
        return;
    };
    match d.back.pop() {
        Some((cause, scroll)) => {
            d.cause = cause;
            d.scroll = scroll;
        }
        None => {
            app.detail = None;
            app.pane = Pane::Causes;
        }
    }
}

/// The detail's width and height inside its border, when it is on screen.
pub fn detail_viewport(app: &App) -> Option<(u16, u16)> {
    let rect = Layout::of(app)?.rect(Pane::Detail)?;
    let r = inner(rect);
    Some((r.width, r.height))
}

fn detail_max_scroll(app: &App) -> u16 {
    let (Some(d), Some((w, h))) = (app.detail.as_ref(), detail_viewport(app)) else {
        return 0;
    };
    let lines = detail::wrap(&detail::document(app, d.cause), w).len();
    u16::try_from(lines.saturating_sub(usize::from(h))).unwrap_or(u16::MAX)
}

fn clamp_detail(app: &mut App) {
    if detail_viewport(app).is_none() {
        return;
    }
    let max = detail_max_scroll(app);
    if let Some(d) = app.detail.as_mut() {
        d.scroll = d.scroll.min(max);
    }
}

fn help_max_scroll(app: &App) -> u16 {
    let (w, h) = app.size;
    HelpView::compute(app.options.ascii, ratatui::layout::Rect::new(0, 0, w, h))
        .map_or(0, |v| u16::try_from(v.max_scroll()).unwrap_or(u16::MAX))
}
