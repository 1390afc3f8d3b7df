//! `followup serve`: the web app. Opens the database once to migrate and check it (so a
//! bad target fails here, with the CLI's message), then serves until Ctrl-C. On loopback
//! it is this machine's; beyond loopback (a phone on the same network) it requires the
//! password `--set-password` stores, and a login.

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
    /// Set the password the app asks for when served beyond this machine (read from
    /// standard input, one line), then stop
    #[arg(long)]
    set_password: bool,
    /// A TLS proxy is in front (https): the session cookie is marked Secure
    #[arg(long)]
    tls_behind_proxy: bool,
}

pub fn run(target: String, args: ServeArgs) -> anyhow::Result<()> {
    let addr: SocketAddr = args.addr.parse().map_err(|_| {
        bad_input(format!(
            "--addr {}: not an IP:PORT address, e.g. 127.0.0.1:7878",
            args.addr
        ))
    })?;
    let options = Options::from_env(super::config_dir().ok());
    // Opened here first: a database that cannot be opened or migrated is reported now.
    let mut first = Followup::open(&target, options.clone())?;
    if args.set_password {
        return set_password(&mut first);
    }
    let beyond = !addr.ip().is_loopback();
    if beyond && !first.has_login_password()? {
        return Err(bad_input(format!(
            "--addr {addr} lets other machines reach your job search: set a password first \
             (`followup serve --set-password`), then every browser must log in"
        )));
    }
    let access = followup_web::Access {
        login_required: beyond,
        behind_tls: args.tls_behind_proxy,
    };
    let spare = std::sync::Mutex::new(Some(first));
    let engines = followup_web::Engines::new(ENGINES, move || {
        match spare.lock().unwrap_or_else(|p| p.into_inner()).take() {
            Some(app) => Ok(app),
            None => Followup::open(&target, options.clone()),
        }
    });
    let open = args.open;
    followup_web::serve(engines, addr, &[], access, |bound| {
        let url = format!("http://{bound}/");
        println!("Followup is at {url} (Ctrl-C stops it)");
        if beyond {
            println!(
                "Other machines reach it at this machine's address on your network, port {}; \
                 each browser logs in with your password",
                bound.port()
            );
        }
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

/// Reads one line from standard input and stores its hash.
fn set_password(app: &mut Followup) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        eprintln!(
            "Type the password (at least {} characters) and press Enter:",
            followup_app::MIN_PASSWORD_CHARS
        );
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.trim_end_matches(['\n', '\r']);
    app.set_login_password(password)?;
    println!("Password set: `followup serve --addr 0.0.0.0:7878` now asks for it.");
    Ok(())
}
