//! `followup completions` and `followup man`: generated from the command definitions, so
//! they never drift from what the binary accepts.

use clap::CommandFactory;

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    let mut command = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "followup", &mut out);
    crate::out::raw(&String::from_utf8_lossy(&out))
}

pub fn man() -> anyhow::Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::Cli::command()).render(&mut out)?;
    crate::out::raw(&String::from_utf8_lossy(&out))
}
