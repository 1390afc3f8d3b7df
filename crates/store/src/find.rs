//! Searching the account's record for a piece of text: companies and roles, people
//! (names, organisations, positions, addresses, notes), interviews (notes, timelines,
//! points to clarify, places) and calls (notes). Case does not matter, on either backend.

use crate::schema::*;
use crate::{Result, Store};
use diesel::prelude::*;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// SQLite's own `lower` folds ASCII only ("Ü" stays "Ü"); each SQLite connection gets
/// Rust's, as PostgreSQL folds all of Unicode.
pub(crate) fn fold_case_fully(c: &mut diesel::SqliteConnection) -> diesel::QueryResult<()> {
    lower_utils::register_impl(c, |text: String| text.to_lowercase())
}

/// Where some text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundIn {
    /// "application", "contact", "interview" or "call"
    pub kind: &'static str,
    pub id: String,
    /// The column that matched, in words ("company", "notes").
    pub field: &'static str,
    /// That column's text.
    pub text: String,
}

/// At most this many matches of each kind.
const EACH: i64 = 50;

impl Store {
    pub fn find(&mut self, text: &str) -> Result<Vec<FoundIn>> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        // LIKE with the wildcards of the text itself escaped.
        let pattern = format!(
            "%{}%",
            needle
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let account = self.account.clone();
        let conn = &mut *self.conn;
        let mut found = Vec::new();
        macro_rules! search {
            ($table:ident, $kind:literal, [$(($column:ident, $field:literal)),+]) => {
                $(
                    let rows: Vec<(String, String)> = $table::table
                        .filter($table::account_id.eq(&account))
                        .filter(lower($table::$column).like(&pattern).escape('\\'))
                        .select(($table::id, $table::$column))
                        .order($table::id)
                        .limit(EACH)
                        .load(conn)?;
                    found.extend(rows.into_iter().map(|(id, text)| FoundIn {
                        kind: $kind,
                        id,
                        field: $field,
                        text,
                    }));
                )+
            };
        }
        search!(
            applications,
            "application",
            [(company, "company"), (role, "role")]
        );
        search!(
            contacts,
            "contact",
            [
                (full_name, "name"),
                (organisation, "organisation"),
                (position, "position"),
                (emails, "email"),
                (notes, "notes")
            ]
        );
        search!(
            interviews,
            "interview",
            [
                (notes, "notes"),
                (timeline, "timeline"),
                (points_to_clarify, "points to clarify"),
                (location, "location")
            ]
        );
        search!(calls, "call", [(note, "note")]);
        Ok(found)
    }
}
