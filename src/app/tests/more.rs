//! State tests: searching the bundled graph and answering checklists, through the keys.

use super::*;

#[test]
fn the_search_line_forgives_typos_and_several_words() {
    let graph = Graph::bundled().expect("the bundled graph parses");
    for (typed, first) in [
        ("sciattica", "sciatica"),
        ("shingels", "shingles"),
        ("slipped disk", "disc-herniation"),
        ("kidney stones", "kidney-stone"),
    ] {
        let mut app = App::new(graph.clone(), Options::default());
        update(&mut app, Action::Resize(80, 24));
        press(&mut app, &["/", typed]);
        let row = app.session.row(0).expect("a match");
        assert_eq!(app.session.graph().causes[row.index].id, first, "{typed}");
    }
    let mut app = App::new(graph, Options::default());
    press(&mut app, &["/", "shnglz"]);
    assert_eq!(app.session.row_count(), 0);
    assert!(
        app.session.suggestions().iter().any(|s| s == "Shingles"),
        "did you mean: {:?}",
        app.session.suggestions()
    );
}

/// The fixture with its first question made a checklist.
fn checklist_app() -> App {
    let text = include_str!("../../../tests/fixtures/ui-graph.ron").replace(
        r#"answers: YesNo(yes: (add: ["lifting-twisting"]), no: (rule_out: ["lifting-twisting"])), next: "q-leg"),"#,
        r#"answers: Checklist([
            (label: "It started after lifting, twisting or bending", finding: "lifting-twisting"),
            (label: "New trouble controlling your bladder", finding: "bladder-change"),
            (label: "A fever", finding: "fever"),
        ]), next: "q-leg"),"#,
    );
    let graph = parse(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses");
    let mut app = App::new(
        graph,
        Options {
            all_questions: true,
            ..Options::default()
        },
    );
    update(&mut app, Action::Resize(80, 24));
    app
}

#[test]
fn a_checklist_is_ticked_with_space_or_digits_and_confirmed_with_enter() {
    let mut app = checklist_app();
    press(&mut app, &["Enter"]);
    assert_eq!(current(&app), Some("q-start"));
    assert_eq!(keymap::contexts(&app)[0], keymap::Context::Checklist);
    press(&mut app, &["Enter"]);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("Nothing ticked")
    );
    assert_eq!(
        current(&app),
        Some("q-start"),
        "nothing ticked is not an answer"
    );
    // Down to item 2 and tick it; 3 ticks and unticks item 3; 1 ticks item 1.
    press(&mut app, &["Down", " ", "3", "3", "1"]);
    let ticks = app.questions.ticks(&app.session).expect("a checklist");
    assert_eq!((ticks.ticked, ticks.item), (0b011, 0));
    press(&mut app, &["Enter"]);
    assert_eq!(current(&app), Some("q-leg"));
    let known = &app.session.walk().known;
    assert!(known.has("lifting-twisting") && known.has("bladder-change"));
    assert!(known.lacks("fever"), "not ticked is ruled out");
    assert!(
        app.session.banner().is_some(),
        "a red flag ticked raises the banner"
    );
    // Back to it: the answer's ticks are shown; n changes it to none of these.
    press(&mut app, &["Up"]);
    assert_eq!(app.questions.focus(&app.session), Some("q-start"));
    assert_eq!(
        app.questions.ticks(&app.session).map(|t| t.ticked),
        Some(0b011)
    );
    press(&mut app, &["n"]);
    assert!(app.session.walk().known.lacks("bladder-change"));
    assert_eq!(app.session.banner(), None);
    // Undo, then not sure: nothing recorded.
    press(&mut app, &["Bksp"]);
    assert_eq!(current(&app), Some("q-start"));
    press(&mut app, &["u"]);
    assert_eq!(current(&app), Some("q-leg"));
    assert!(
        app.session.walk().known.present.is_empty() && app.session.walk().known.absent.is_empty()
    );
    press(&mut app, &["Bksp", "0"]);
    assert_eq!(
        app.session.interview().answer_to("q-start"),
        Some(crate::engine::Answer::Unsure)
    );
}
