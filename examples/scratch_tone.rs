use marz::{Lang, tone};
use std::time::Instant;
fn main() {
    let base = std::fs::read_to_string("/tmp/fa_letter.txt").unwrap();
    let mut text = base.clone();
    while text.chars().count() < 5500 {
        text.push_str(&base);
    }
    let _ = tone::check(&text, Lang::Fa);
    let t = Instant::now();
    for _ in 0..200 {
        std::hint::black_box(tone::check(&text, Lang::Fa));
    }
    println!("check: {:?}", t.elapsed() / 200);
    let t = Instant::now();
    for _ in 0..200 {
        std::hint::black_box(marz::persian::normalize(&text));
    }
    println!("normalize only (reference): {:?}", t.elapsed() / 200);
}
