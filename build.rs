//! Compiles `native/musl_mem.c` (faster memcpy, memmove, memcmp and bcmp) into x86_64 musl
//! builds only: the binary users get on Linux is linked statically with musl (scripts/dist),
//! and musl's own memcpy is slow for short copies, its memcmp a byte-at-a-time loop. The file
//! says why and how; other targets build nothing here.

fn main() {
    println!("cargo:rerun-if-changed=native/musl_mem.c");
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if env == "musl" && arch == "x86_64" {
        cc::Build::new()
            .file("native/musl_mem.c")
            .flag("-fno-builtin")
            .flag("-fno-tree-loop-distribute-patterns")
            .opt_level(2)
            .compile("resdiff_musl_mem");
    }
}
