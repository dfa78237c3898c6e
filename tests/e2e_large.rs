//! The interface on large content, in a pseudo-terminal: with 1,000 causes more than
//! `BACKGROUND_SEARCH_FROM` the search runs beside the interface, and a person typing sees the query at
//! once and the matches when they come; a burst of typing ends on the right matches, the
//! detail opens on the one chosen, and quitting still works.

#[path = "support/pty.rs"]
mod pty;

#[path = "../examples/gen_graph.rs"]
#[allow(dead_code)]
mod gen_graph;

use pty::Session;

#[test]
fn searching_large_content_in_the_background() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // More causes than the interface searches in place.
    let count = symptom_explorer::tui::BACKGROUND_SEARCH_FROM + 1_000;
    let files = gen_graph::graph_files(count).expect("a synthetic graph");
    let mut args = Vec::new();
    let mut target = None;
    for (name, text) in &files {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("written");
        args.push("--graph".to_string());
        args.push(path.display().to_string());
        if target.is_none() && name.starts_with("causes") {
            // The last cause's name: not at the top of any list by chance.
            target = text
                .lines()
                .rev()
                .filter_map(|l| l.trim().strip_prefix("name: \""))
                .find_map(|l| l.strip_suffix("\","))
                .map(str::to_string);
        }
    }
    let target = target.expect("a cause name");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut s = Session::start_in(dir.path(), &args, 100, 30, &[]);
    s.wait_for(&["Where does it hurt?"]);
    // Typed as a burst, the whole name: the list ends on it.
    s.send(&format!("/{target}"));
    let screen = s.wait_for(&[&format!("▶ {target}"), &format!(" of {count} ")]);
    assert!(!screen.contains("searching..."), "{screen}");
    s.send("\r");
    s.wait_for(&["Why it is listed", &target]);
    s.send("\u{3}");
    assert!(s.wait_exit().success());
}
