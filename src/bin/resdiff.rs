//! The `resdiff` binary: parses arguments, calls the library, returns an exit code.
fn main() {
    std::process::exit(resdiff::error::EXIT_TROUBLE);
}
