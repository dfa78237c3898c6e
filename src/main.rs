fn main() {
    match symptom_explorer::graph::Graph::bundled() {
        Ok(g) => println!("{} causes", g.causes.len()),
        Err(e) => {
            for d in e {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    }
}
