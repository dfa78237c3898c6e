//! `rank --answers FILE`: the ranking from the answers in a saved JSON summary.

use std::path::Path;

use super::super::output::error_line;
use super::super::{Failure, ids};
use crate::app::Session;
use crate::engine::Query;
use crate::graph::Graph;

/// What a session knows, as the query its ranking was made from.
pub fn session_query(session: &Session) -> Query {
    let walk = session.walk();
    Query {
        regions: session.interview().regions.clone(),
        present: walk.known.present.clone(),
        absent: walk.known.absent.clone(),
        age: walk.known.age,
        sex: walk.known.sex,
    }
}

/// A session with a saved summary's answers given again, in order, so the walk through
/// the questions (and so what is known) is the one the interface made. Every id is
/// checked first: an unknown one is an error at its place in the file, with the closest
/// ids, as for `--finding`.
pub fn from_answers(graph: Graph, path: &Path) -> Result<Session, Failure> {
    use crate::summary::saved::{locate, parse, read_text, replay};
    let file = path.display().to_string();
    let usage = |e: crate::summary::saved::FileError| Failure::Usage(e.to_string());
    let text = read_text(path).map_err(usage)?;
    let saved = parse(&file, &text).map_err(usage)?;
    let at = |id: &str, failure: Failure| {
        let (line, column) = locate(&text, id);
        let message = match failure {
            Failure::Usage(m) => m,
            other => format!("{other:?}"),
        };
        Failure::Usage(format!("{file}:{line}:{column}: {message}"))
    };
    for id in &saved.answers.regions {
        ids::region(&graph, id).map_err(|f| at(id, f))?;
    }
    for q in &saved.answers.questions {
        let Some(question) = graph.question(&q.question) else {
            let all = graph.questions.iter().map(|q| q.item.id.as_str());
            return Err(at(
                &q.question,
                ids::unknown(&graph, "question", &q.question, all),
            ));
        };
        q.answer
            .answer(question)
            .map_err(|why| at(&q.question, Failure::Usage(why)))?;
    }
    if let Some(version) = &saved.content_version
        && *version != graph.content_version
    {
        error_line(&format!(
            "warning: {file} was saved with content version {version}, and this is {}: the ranking may differ",
            graph.content_version
        ));
    }
    replay(graph, &saved.answers).map_err(|e| Failure::Usage(format!("{file}: {e:?}")))
}
