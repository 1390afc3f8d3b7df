//! Rows as the tables hold them, and their conversion to and from the core model.
//! Instants are unix seconds; small lists are JSON text; calendar days are 'YYYY-MM-DD'.

mod capture;
mod messages;
mod plan;

pub use capture::*;
pub use messages::*;
pub use plan::*;

use crate::StoreError;
use jiff::Timestamp;
use jiff::civil::Date;

pub fn seconds(ts: Timestamp) -> i64 {
    ts.as_second()
}

pub fn instant(secs: i64, table: &str, id: &str) -> Result<Timestamp, StoreError> {
    Timestamp::from_second(secs).map_err(|e| corrupt(table, id, e))
}

fn day(text: Option<&str>, table: &str, id: &str) -> Result<Option<Date>, StoreError> {
    text.map(|t| t.parse::<Date>().map_err(|e| corrupt(table, id, e)))
        .transpose()
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("model values always serialise")
}

fn unjson<T: serde::de::DeserializeOwned>(
    text: &str,
    table: &str,
    id: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| corrupt(table, id, e))
}

fn corrupt(table: &str, id: &str, reason: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        what: format!("{table} row {id}"),
        reason: reason.to_string(),
    }
}
