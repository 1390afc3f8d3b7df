//! The engine as the handlers share it: a few [`Followup`]s on one database, each used by
//! one request at a time on tokio's blocking threads (the store is synchronous). Writes
//! from several of them meet in the database, which serialises them (SQLite's busy
//! timeout, PostgreSQL's row locks), as they do for several CLI processes.

use crate::error::WebError;
use followup_app::Followup;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

type Open = dyn Fn() -> followup_app::Result<Followup> + Send + Sync;

/// Up to `size` engines, opened as requests need them and kept for the next.
pub struct Engines {
    idle: Mutex<Vec<Followup>>,
    open: Box<Open>,
    free: Semaphore,
}

impl Engines {
    /// `open` makes one more engine on the database (it is called at most `size` times
    /// unless a request panics and its engine is dropped).
    pub fn new(
        size: usize,
        open: impl Fn() -> followup_app::Result<Followup> + Send + Sync + 'static,
    ) -> Engines {
        Engines {
            idle: Mutex::new(Vec::new()),
            open: Box::new(open),
            free: Semaphore::new(size.max(1)),
        }
    }

    /// Runs `work` with an engine, off the async threads.
    pub async fn run<T, F>(self: &Arc<Self>, work: F) -> Result<T, WebError>
    where
        F: FnOnce(&mut Followup) -> Result<T, WebError> + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self
            .free
            .acquire()
            .await
            .map_err(|_| WebError::internal("the server is shutting down"))?;
        let this = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let taken = this.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let mut app = match taken {
                Some(app) => app,
                None => (this.open)()?,
            };
            let result = work(&mut app);
            this.idle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(app);
            result
        })
        .await
        .map_err(|_| WebError::internal("the request stopped unexpectedly"))?
    }
}
