//! Fuzz target: see checks::docx_parts (shared with tests/fuzz_replay.rs, which replays the corpus).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::docx_parts(data));
