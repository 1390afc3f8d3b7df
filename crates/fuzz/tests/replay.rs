//! Every committed fuzz input (`fuzz/corpus/<target>/`: the seeds, what the fuzzer kept
//! for new coverage, and every input that once crashed), replayed through its target.
//! A panic fails the test and names the file. No fuzzer needed: this is what CI runs.

use std::path::PathBuf;

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_committed_input_passes_its_target() {
    let mut total = 0;
    for target in followup_fuzz::TARGETS {
        let files = corpus(target);
        assert!(
            files.len() >= 3,
            "{target}: the corpus holds seeds ({} found)",
            files.len()
        );
        for file in &files {
            let data = std::fs::read(file).unwrap();
            let outcome = std::panic::catch_unwind(|| followup_fuzz::run(target, &data));
            assert!(outcome.is_ok(), "{target}: {} panicked", file.display());
        }
        println!("{target}: {} inputs", files.len());
        total += files.len();
    }
    println!("{total} inputs replayed");
}
