//! Every route through the router, one module a concern: journeys.rs the pages a user
//! walks through, errors.rs each error path (an unknown id is a 404 page; a bad form value
//! is the form again with the message beside the field and nothing saved), guard.rs the
//! guard (Host, CSRF, escaping, the feed token, the login). One test binary.

#[path = "../common/mod.rs"]
mod common;
mod errors;
mod guard;
mod journeys;

use followup_store::Page;

fn all() -> Page {
    Page {
        limit: None,
        offset: 0,
    }
}
