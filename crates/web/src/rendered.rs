//! Pages many requests read and few writes change (Today, the JSON agenda), kept as
//! rendered until the data or the minute changes. The data's version is the engine's
//! change marker (every write, in any process, moves it: a CLI command beside the web app
//! included), read before the data in the same engine call, so a page is never kept under
//! a newer version than it shows. The minute is in the key because what is overdue, due
//! now or next depends on the time. A page is kept with a slot where each browser's CSRF
//! token goes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Where a browser's own token goes in a kept page: random for each run of the server,
/// so no text a user typed or imported can be mistaken for it (and never a token: 32
/// hex digits between markers, not 64).
pub fn token_slot() -> &'static str {
    static SLOT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SLOT.get_or_init(|| {
        let random = followup_app::random_token().unwrap_or_else(|_| "0".repeat(64));
        format!("slot-{}-slot", &random[..32])
    })
}
/// Kept pages at most (the agenda's query string makes a key; a stranger's many keys
/// must not grow memory).
const KEPT: usize = 32;

/// What a kept page was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub marker: (i64, i64),
    pub minute: i64,
}

/// The version of the data a page would show now.
pub fn version(app: &mut followup_app::Followup) -> Result<Version, crate::WebError> {
    Ok(Version {
        marker: app.change_marker()?,
        minute: app.now().as_second().div_euclid(60),
    })
}

#[derive(Default)]
pub struct Rendered {
    pages: Mutex<HashMap<String, (Version, Arc<String>)>>,
}

impl Rendered {
    /// The page kept under `key` if it was made from `version`.
    pub fn get(&self, key: &str, version: Version) -> Option<Arc<String>> {
        let pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        pages
            .get(key)
            .filter(|(v, _)| *v == version)
            .map(|(_, page)| Arc::clone(page))
    }

    pub fn keep(&self, key: &str, version: Version, page: Arc<String>) {
        let mut pages = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        if pages.len() >= KEPT && !pages.contains_key(key) {
            pages.clear();
        }
        pages.insert(key.to_string(), (version, page));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_given_back_only_for_its_version() {
        let r = Rendered::default();
        let v = Version {
            marker: (3, 0),
            minute: 100,
        };
        r.keep("today", v, Arc::new("page".into()));
        assert_eq!(
            r.get("today", v).as_deref().map(String::as_str),
            Some("page")
        );
        assert!(
            r.get(
                "today",
                Version {
                    marker: (4, 0),
                    ..v
                }
            )
            .is_none()
        );
        assert!(
            r.get(
                "today",
                Version {
                    marker: (3, 1),
                    ..v
                }
            )
            .is_none()
        );
        assert!(r.get("today", Version { minute: 101, ..v }).is_none());
        assert!(r.get("agenda", v).is_none());
        for i in 0..KEPT * 2 {
            r.keep(&format!("k{i}"), v, Arc::new(String::new()));
        }
        assert!(r.pages.lock().unwrap().len() <= KEPT);
    }
}
