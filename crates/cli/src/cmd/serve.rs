//! `followup serve`: the web app on this machine. Opens the database once to migrate and
//! check it (so a bad target fails here, with the CLI's message), then serves until
//! Ctrl-C.

use crate::exit::bad_input;
use clap::Args;
use followup_app::{Followup, Options};
use std::net::SocketAddr;

/// Engines the server keeps open: one a request, at most this many at once.
const ENGINES: usize = 4;

#[derive(Args)]
pub struct ServeArgs {
    /// Where to listen; 127.0.0.1 keeps it to this machine
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "IP:PORT")]
    addr: String,
    /// Open the app in the default browser once it listens
    #[arg(long)]
    open: bool,
}

pub fn run(target: String, args: ServeArgs) -> anyhow::Result<()> {
    let addr: SocketAddr = args.addr.parse().map_err(|_| {
        bad_input(format!(
            "--addr {}: not an IP:PORT address, e.g. 127.0.0.1:7878",
            args.addr
        ))
    })?;
    if !addr.ip().is_loopback() {
        return Err(bad_input(format!(
            "--addr {addr} would let other machines reach your job search, and serving beyond \
             this machine needs a login, which this version does not have yet; use \
             127.0.0.1:PORT"
        )));
    }
    let options = Options::from_env(super::config_dir().ok());
    // Opened here first: a database that cannot be opened or migrated is reported now.
    let first = Followup::open(&target, options.clone())?;
    let spare = std::sync::Mutex::new(Some(first));
    let engines = followup_web::Engines::new(ENGINES, move || {
        match spare.lock().unwrap_or_else(|p| p.into_inner()).take() {
            Some(app) => Ok(app),
            None => Followup::open(&target, options.clone()),
        }
    });
    let open = args.open;
    followup_web::serve(engines, addr, &[], |bound| {
        let url = format!("http://{bound}/");
        println!("Followup is at {url} (Ctrl-C stops it)");
        if open {
            // Best effort: without a desktop, the address above is printed anyway.
            let _ = std::process::Command::new("xdg-open")
                .arg(&url)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
        }
    })?;
    Ok(())
}
