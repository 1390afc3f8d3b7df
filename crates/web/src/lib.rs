//! Followup's web app, `followup serve`: server-rendered pages (and a JSON API) over the
//! same engine the CLI calls. Handlers parse a request, call one [`followup_app::Followup`]
//! method and render what it returns; no rule of the process is written here.
//!
//! The local app binds to loopback; every request passes [`guard::protect`] (Host check,
//! CSRF, time limit, security headers, and the login when bound beyond loopback). Templates and assets (htmx 2, one stylesheet, one
//! small script) are compiled into the binary: nothing is fetched from elsewhere.

mod api;
mod assets;
mod engines;
mod error;
mod guard;
mod login;
mod pages;
mod render;
mod rendered;

pub use engines::Engines;
pub use error::WebError;
pub use login::Access;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::sync::Arc;

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub engines: Arc<Engines>,
    pub(crate) sessions: Arc<login::Sessions>,
    pub(crate) access: Access,
    pub(crate) rendered: Arc<rendered::Rendered>,
}

/// Every route, behind the guard, for this machine only (loopback, no login). `addr` is
/// where the server answers (the Host check); `hosts` adds names it also answers to.
pub fn router(engines: Engines, addr: SocketAddr, hosts: &[String]) -> Router {
    router_with(engines, addr, hosts, Access::default())
}

/// Every route, behind the guard, with `access` saying whether a login is required.
pub fn router_with(engines: Engines, addr: SocketAddr, hosts: &[String], access: Access) -> Router {
    let sessions = Arc::new(login::Sessions::default());
    let state = AppState {
        engines: Arc::new(engines),
        sessions: Arc::clone(&sessions),
        access,
        rendered: Arc::default(),
    };
    let guard = Arc::new(guard::Guard {
        hosts: guard::Hosts::for_addr(addr, hosts),
        access,
        sessions,
    });
    Router::new()
        .route("/login", get(login::page).post(login::login))
        .route("/logout", post(login::logout))
        .route("/", get(pages::today::home))
        .route("/today", get(pages::today::page))
        .route("/steps/{id}/{action}", post(pages::today::act))
        .route(
            "/profile",
            get(pages::profile::page).post(pages::profile::save),
        )
        .route("/profile/skills", post(pages::profile::add_skill))
        .route("/profile/skills/remove", post(pages::profile::remove_skill))
        .route(
            "/applications",
            get(pages::applications::list).post(pages::applications::create),
        )
        .route("/applications/new", get(pages::applications::new))
        .route(
            "/applications/{id}",
            get(pages::applications::detail).post(pages::applications::update),
        )
        .route("/interviews", post(pages::interviews::create))
        .route("/interviews/new", get(pages::interviews::new))
        .route("/interviews/{id}", get(pages::interviews::detail))
        .route(
            "/interviews/{id}/people",
            post(pages::interviews::add_person),
        )
        .route("/interviews/{id}/cards", post(pages::interviews::add_cards))
        .route("/interviews/{id}/notes", post(pages::interviews::note))
        .route(
            "/interviews/{id}/panellists/{contact}",
            post(pages::interviews::panellist),
        )
        .route("/interviews/{id}/drafts", post(pages::drafts::compose))
        .route(
            "/drafts/{id}",
            get(pages::drafts::editor).post(pages::drafts::save),
        )
        .route("/drafts/{id}/check", post(pages::drafts::check))
        .route("/drafts/{id}/approve", post(pages::drafts::approve))
        .route("/drafts/{id}/send", post(pages::drafts::send))
        .route("/drafts/{id}/resolve", post(pages::drafts::resolve))
        .route("/drafts/{id}/letter.pdf", get(pages::drafts::letter))
        .route("/drafts/{id}/message.eml", get(pages::drafts::eml))
        .route("/calls/new", get(pages::calls::screen))
        .route("/calls/yours", get(pages::calls::yours))
        .route("/calls", post(pages::calls::log))
        .route(
            "/contacts",
            get(pages::contacts::list).post(pages::contacts::add),
        )
        .route("/contacts.vcf", get(pages::contacts::export))
        .route("/contacts/import", post(pages::contacts::import))
        .route(
            "/contacts/{id}",
            get(pages::contacts::detail).post(pages::contacts::save),
        )
        .route(
            "/settings",
            get(pages::settings::page).post(pages::settings::save),
        )
        .route("/settings/mail-test", post(pages::settings::mail_test))
        .route("/settings/templates", get(pages::templates::list))
        .route(
            "/settings/templates/{name}",
            get(pages::templates::edit).post(pages::templates::save),
        )
        .route("/holidays", post(pages::holidays::add))
        .route("/holidays/import", post(pages::holidays::import))
        .route("/calendar", get(pages::settings::calendar))
        .route("/calendar/token", post(pages::settings::new_token))
        .route("/calendar.ics", get(pages::settings::feed))
        .route(
            "/backup",
            get(pages::settings::backup).post(pages::settings::restore),
        )
        .route("/backup.json", get(pages::settings::backup_file))
        .nest("/api/v1", api::routes())
        .route("/assets/{name}", get(assets::serve))
        .fallback(pages::today::not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(guard::BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(guard, guard::protect))
}

/// Serves until Ctrl-C (or SIGTERM), then finishes the requests in flight. `ready` is
/// called with the address once the server listens (port 0 picks a free one).
pub fn serve(
    engines: Engines,
    addr: SocketAddr,
    hosts: &[String],
    access: Access,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let bound = listener.local_addr()?;
        ready(bound);
        let app = router_with(engines, bound, hosts, access);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown())
            .await
    })
}

async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => return ctrl_c.await.unwrap_or(()),
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
