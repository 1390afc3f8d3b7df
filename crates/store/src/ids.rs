//! Ids as people type them: any unambiguous prefix of a record's id names it, within the
//! account. The kind of record is read from the id's own prefix (`int-`, `app-`, …).

use crate::schema::*;
use crate::{Result, Store, StoreError, only_checks};
use diesel::prelude::*;

/// Ids are `kind-` and 12 characters (`new_id`).
const ID_LENGTH: usize = 12;

impl Store {
    /// The full id `text` is a prefix of. A full id, or text that is no id, comes back as
    /// it is (the lookup that follows says "not found"); a prefix that fits no record is
    /// `NotFound`, one that fits several is `Ambiguous`, with the first few.
    pub fn expand_id(&mut self, text: &str) -> Result<String> {
        let Some((kind, rest)) = text.split_once('-') else {
            return Ok(text.to_string());
        };
        if rest.len() >= ID_LENGTH || rest.is_empty() {
            return Ok(text.to_string());
        }
        // Ids are ASCII letters and digits: every id starting with `text` sorts between
        // it and `text~`, so the primary key's index answers.
        let (low, high) = (text.to_string(), format!("{text}~"));
        let account = self.account.clone();
        let conn = &mut *self.conn;
        macro_rules! find {
            ($table:ident) => {
                $table::table
                    .filter(only_checks!($table, &account))
                    .filter($table::id.ge(&low))
                    .filter($table::id.lt(&high))
                    .select($table::id)
                    .order($table::id)
                    .limit(4)
                    .load::<String>(conn)?
            };
        }
        let (what, found) = match kind {
            "app" => ("application", find!(applications)),
            "con" => ("contact", find!(contacts)),
            "int" => ("interview", find!(interviews)),
            "step" => ("step", find!(steps)),
            "call" => ("call", find!(calls)),
            "draft" => ("draft", find!(drafts)),
            _ => return Ok(text.to_string()),
        };
        match found.as_slice() {
            [] => Err(crate::not_found(what, text)),
            [one] => Ok(one.clone()),
            several => Err(StoreError::Ambiguous {
                kind: what,
                prefix: text.to_string(),
                candidates: several.to_vec(),
            }),
        }
    }
}
