//! Embeds the bundled graph files and the SHA-256 of their content, worked out here once
//! rather than at every start (`graph::load::bundled_digest`; a unit test checks that it is
//! the digest the program would compute from the files).

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The bundled graph files, in load order.
const BUNDLED: &[&str] = &[
    "data/core.ron",
    "data/body.ron",
    "data/causes-spine.ron",
    "data/causes-other.ron",
    "data/causes-emergency.ron",
    "data/causes-chest.ron",
    "data/causes-pelvic.ron",
    "data/causes-more.ron",
    "data/rules.ron",
    "data/questions.ron",
];

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut hasher = Sha256::new();
    let mut files = String::from("const BUNDLED: &[(&str, &str)] = &[\n");
    for name in BUNDLED {
        println!("cargo:rerun-if-changed={name}");
        let path = Path::new(&root).join(name);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read the bundled file {name}: {e}"));
        // As `graph::load::content_digest` frames them: each name and text by its length.
        for part in [name.as_bytes(), text.as_bytes()] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        // Named from the manifest's directory when the crate compiles, not from here.
        let _ = writeln!(
            files,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{name}\"))),"
        );
    }
    files.push_str("];\n");
    let digest: [u8; 32] = hasher.finalize().into();
    let _ = writeln!(files, "const BUNDLED_DIGEST: [u8; 32] = {digest:?};");
    std::fs::write(Path::new(&out).join("bundled.rs"), files).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
}
