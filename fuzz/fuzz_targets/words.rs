#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| followup_fuzz::run("words", data));
