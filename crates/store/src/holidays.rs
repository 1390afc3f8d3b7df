//! The user's own holidays: days imported from a file or added one by one, per region.
//!
//! Consistency rule: an imported holiday file replaces the earlier file days of the
//! region-years it covers.

use crate::rows::*;
use crate::schema::*;
use crate::{Result, Store};
use diesel::prelude::*;
use followup_core::calendar::Holiday;

impl Store {
    /// The days the user imported or added, every region.
    pub fn own_holidays(&mut self) -> Result<Vec<Holiday>> {
        holidays::table
            .filter(holidays::account_id.eq(&self.account))
            .order((holidays::region, holidays::day, holidays::source))
            .select(HolidayRow::as_select())
            .load(&mut *self.conn)?
            .into_iter()
            .map(HolidayRow::into_model)
            .collect()
    }

    /// Days from a holiday file. Added (`source` "import"), they count beside the shipped
    /// table, and the same day imported again is replaced, not doubled. With `replace`
    /// (`source` "file"), the file's days stand instead of the table's and of earlier
    /// imports for every region and year the file covers. Returns those regions and years.
    pub fn import_holidays(
        &mut self,
        days: &[Holiday],
        replace: bool,
    ) -> Result<Vec<(String, i16)>> {
        let mut covered: Vec<(String, i16)> = days
            .iter()
            .map(|h| (h.region.clone(), h.date.year()))
            .collect();
        covered.sort();
        covered.dedup();
        let account = self.account.as_str();
        let source = if replace { "file" } else { "import" };
        crate::tx::write(&mut self.conn, |conn| {
            if replace {
                for (region, year) in &covered {
                    diesel::delete(
                        holidays::table
                            .filter(holidays::account_id.eq(account))
                            .filter(holidays::region.eq(region))
                            .filter(holidays::source.eq_any(["file", "import"]))
                            .filter(
                                holidays::day
                                    .between(format!("{year}-01-01"), format!("{year}-12-31")),
                            ),
                    )
                    .execute(conn)?;
                }
            }
            for h in days {
                let row = HolidayRow {
                    source: source.into(),
                    ..HolidayRow::from(h)
                };
                diesel::delete(
                    holidays::table
                        .filter(holidays::account_id.eq(account))
                        .filter(holidays::region.eq(&row.region))
                        .filter(holidays::day.eq(&row.day))
                        .filter(holidays::source.eq(source)),
                )
                .execute(conn)?;
                diesel::insert_into(holidays::table)
                    .values((&row, holidays::account_id.eq(account)))
                    .execute(conn)?;
            }
            Ok(covered)
        })
    }

    /// Adds one day by hand (again: renames it).
    pub fn add_holiday(&mut self, h: &Holiday) -> Result<()> {
        let row = HolidayRow {
            source: "user".into(),
            ..HolidayRow::from(h)
        };
        let account = self.account.as_str();
        crate::tx::write(&mut self.conn, |conn| {
            diesel::delete(holidays::table.find((account, &row.region, &row.day, "user")))
                .execute(conn)?;
            diesel::insert_into(holidays::table)
                .values((&row, holidays::account_id.eq(account)))
                .execute(conn)?;
            Ok(())
        })
    }
}
