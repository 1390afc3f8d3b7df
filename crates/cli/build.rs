//! Links `followup` as a position-dependent executable unless `FOLLOWUP_PIE=1`.
//!
//! Why: a position-independent build carries about 135,000 relative relocations (typst's
//! tables among them) that the loader applies at every start, copying 2.35 MB of
//! `.data.rel.ro`: `followup --version` took 7 ms, a position-dependent one 2.8 ms
//! (bench/README.md). The cost is that the program's own image is not randomised (the
//! stack, heap and libraries still are). A long-running `followup serve` facing a network
//! does not care about start-up time: build it with `FOLLOWUP_PIE=1` to keep full ASLR.

fn main() {
    println!("cargo:rerun-if-env-changed=FOLLOWUP_PIE");
    let pie = std::env::var("FOLLOWUP_PIE").is_ok_and(|v| v == "1");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux && !pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
