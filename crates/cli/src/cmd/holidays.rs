//! `followup holidays`: the bank holidays working days skip, and the user's own days.

use super::{invalid, read_text_arg};
use crate::{exit::bad_input, out};
use clap::Subcommand;
use followup_app::Followup;
use followup_core::calendar::HolidayTable;
use followup_core::place;
use followup_formats::holiday_files;
use serde::Serialize;

#[derive(Subcommand)]
pub enum HolidaysCommand {
    /// A region's holidays in a year
    List {
        #[arg(long)]
        region: String,
        #[arg(long)]
        year: i16,
        #[arg(long)]
        json: bool,
    },
    /// Add a day off for a region (a company day, a new one-off bank holiday)
    Add {
        date: String,
        #[arg(long)]
        region: String,
        #[arg(long)]
        name: String,
    },
    /// Import GOV.UK's bank-holidays.json, or an .ics holiday calendar (with --region):
    /// its days are added to the shipped ones
    Import {
        file: String,
        /// The region an .ics calendar is for
        #[arg(long)]
        region: Option<String>,
        /// Use only the file's days for the regions and years it covers, instead of the
        /// shipped ones (and of earlier imports)
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Serialize)]
struct HolidayOut<'a> {
    date: String,
    name: &'a str,
}

pub fn run(app: &mut Followup, command: HolidaysCommand) -> anyhow::Result<()> {
    match command {
        HolidaysCommand::List { region, year, json } => {
            let calendar = app.working_days(&region)?;
            let days: Vec<HolidayOut> = calendar
                .holidays_in(year)
                .map(|(date, name)| HolidayOut {
                    date: date.to_string(),
                    name,
                })
                .collect();
            let end = jiff::civil::Date::new(year, 12, 31)
                .map_err(|e| bad_input(format!("--year: {e}")))?;
            if !calendar.covers(end) {
                eprintln!(
                    "followup: warning: the holiday data for {} is only valid through {}; {year} may be incomplete \
                     (`followup holidays import` or `holidays add` fill it in)",
                    calendar.region(),
                    HolidayTable::shipped()
                        .valid_through(calendar.region())
                        .map_or("an unknown date".into(), |d| d.to_string())
                );
            }
            if json {
                return out::json(&days);
            }
            let rows = days
                .iter()
                .map(|d| vec![d.date.clone(), d.name.to_string()])
                .collect();
            out::table(&["date", "holiday"], rows)
        }
        HolidaysCommand::Add { date, region, name } => {
            let day = app.add_holiday(&date, &region, &name)?;
            out::line(format!("{} is now a day off in {}", day.date, day.region))
        }
        HolidaysCommand::Import {
            file,
            region,
            replace,
        } => {
            let text = read_text_arg(&file, "holiday", super::MAX_TEXT_BYTES)?;
            let days = if text.trim_start().starts_with('{') {
                holiday_files::read_govuk(&text).map_err(|e| bad_input(format!("{file}: {e}")))?
            } else {
                let region = region.ok_or_else(|| {
                    bad_input("an .ics calendar needs --region to say whose holidays they are")
                })?;
                let region = place::region("region", &region).map_err(invalid)?;
                holiday_files::read_ics(&text, &region).map_err(|e| super::at(&file, &e))?
            };
            let done = app.import_holidays(days, replace)?;
            let mut regions: Vec<&str> = done.covered.iter().map(|(r, _)| r.as_str()).collect();
            regions.dedup();
            if !done.replaced {
                return out::line(format!(
                    "added {} holidays for {} (beside the shipped ones; --replace uses only the file's for the years it covers)",
                    done.count,
                    regions.join(", ")
                ));
            }
            let years: Vec<String> = done
                .covered
                .iter()
                .map(|(region, year)| format!("{region} {year}"))
                .collect();
            out::line(format!(
                "imported {} holidays; replaced the shipped and earlier imported days of {}",
                done.count,
                years.join(", ")
            ))
        }
    }
}
