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
    /// Report whether serving with these options would be unsafe (no password beyond
    /// loopback, no TLS in front, a database file others can read), then stop: exit 1
    /// when something is unsafe
    #[arg(long)]
    check: bool,
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
    if args.check {
        return check(&mut first, &target, addr, args.tls_behind_proxy);
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

/// `serve --check`: each finding on a line, "ok", "warning" or "unsafe"; exit 1 when one
/// is unsafe.
fn check(app: &mut Followup, target: &str, addr: SocketAddr, tls: bool) -> anyhow::Result<()> {
    let mut lines = Vec::new();
    let mut unsafe_found = false;
    let mut say = |level: &str, text: String| {
        unsafe_found |= level == "unsafe";
        lines.push(format!("{level}: {text}"));
    };
    if addr.ip().is_loopback() {
        say("ok", format!("{addr} is reachable from this machine only"));
    } else {
        say(
            "warning",
            format!("{addr} is reachable from other machines: every page needs the login"),
        );
        if app.has_login_password()? {
            say("ok", "a password is set".into());
        } else {
            say(
                "unsafe",
                "no password is set: `followup serve --set-password` (serve refuses to start without one)".into(),
            );
        }
        if tls {
            say(
                "ok",
                "a TLS proxy is in front: the session cookie is Secure".into(),
            );
        } else {
            say(
                "unsafe",
                "no TLS in front: the password and the session cross the network in clear; put an https proxy in front and pass --tls-behind-proxy".into(),
            );
        }
    }
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        say(
            "ok",
            "the database is PostgreSQL: who may read it is the server's to say".into(),
        );
    } else {
        for file in [target.to_string(), format!("{target}-wal")] {
            readable_by_others(&file, &mut say);
        }
    }
    for line in &lines {
        println!("{line}");
    }
    if unsafe_found {
        return Err(crate::exit::Quiet(1).into());
    }
    Ok(())
}

#[cfg(unix)]
fn readable_by_others(file: &str, say: &mut impl FnMut(&str, String)) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(file) else {
        return;
    };
    let mode = meta.permissions().mode();
    if mode & 0o004 != 0 {
        say(
            "unsafe",
            format!(
                "{file} can be read by every user of this machine (mode {:o}): chmod 600 {file}",
                mode & 0o777
            ),
        );
    } else if mode & 0o040 != 0 {
        say(
            "warning",
            format!(
                "{file} can be read by its group (mode {:o}): chmod 600 {file}",
                mode & 0o777
            ),
        );
    } else {
        say("ok", format!("{file} is readable by you only"));
    }
}

#[cfg(not(unix))]
fn readable_by_others(_: &str, _: &mut impl FnMut(&str, String)) {}
