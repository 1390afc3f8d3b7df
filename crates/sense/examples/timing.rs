fn main() {
    let t = std::time::Instant::now();
    let e = followup_sense::Encoder::shipped();
    println!("load {:?}", t.elapsed());
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let t = std::time::Instant::now();
    let v = e.embed(&text);
    println!(
        "embed {:?} ({} tokens, {})",
        t.elapsed(),
        e.token_ids(&text).len(),
        v[0]
    );
}
