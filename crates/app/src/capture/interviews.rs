//! Interviews: when and where they happen, and what to remember from them (notes,
//! points to clarify, the timeline they gave, each panellist's part).

use super::contacts::ContactChanges;
use crate::planner::Planner;
use crate::{AppError, Followup, Result};
use followup_core::model::*;
use followup_core::{place, said, when};
use followup_store::{Page, StepLabel};
use std::collections::HashMap;

/// Who joins an interview's panel.
#[derive(Debug, Clone)]
pub enum Joining {
    /// Someone typed in.
    Person(Box<ContactChanges>),
    /// The cards of a `.vcf` file.
    Cards(Vec<Contact>),
}

/// An interview as the user describes it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInterview {
    pub application_id: String,
    /// A local time, read in `time_zone` (the profile's zone when `None`).
    pub at: String,
    pub time_zone: Option<String>,
    pub interviewer_ids: Vec<String>,
    pub format: Option<String>,
    /// 60 when a body leaves it out, as the CLI's `--duration` does.
    #[serde(default = "an_hour")]
    pub duration_minutes: u32,
    pub location: Option<String>,
}

fn an_hour() -> u32 {
    60
}

/// An interview after a note, and how a timeline in words was read.
#[derive(Debug, Clone)]
pub struct Noted {
    pub interview: Interview,
    pub timeline: Option<TimelineReading>,
}

/// A timeline in the employer's words, and the date the plan took from it (`None`: the
/// phrase was kept but not understood, so the plan does not use it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineReading {
    pub phrase: String,
    pub date: Option<jiff::civil::Date>,
    /// When it says someone would start work ("someone to start in February"): no date
    /// to wait for, since they decide before it, so the plan does not use it.
    pub start: Option<jiff::civil::Date>,
    /// A date read but too far off to be when they decide (`said::too_far_off`): most
    /// likely a day just past read as next year's ("by 1 November", said on the 20th), so
    /// the plan does not wait for it.
    pub far_off: Option<jiff::civil::Date>,
}

/// What to remember from an interview (`None` leaves a field as it is).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterviewNote {
    /// Private: things to clarify, for your eyes only.
    pub clarify: Vec<String>,
    /// For the reader: something from the conversation the thank-you refers to.
    pub mention: Vec<String>,
    /// For the reader: a topic to offer to say more about (query, call script).
    pub offer: Vec<String>,
    /// Empties these lists first: `mentions`, `offers`, `points`.
    pub clear: Vec<String>,
    pub timeline: Option<String>,
    pub decide_by: Option<String>,
    pub notes: Option<String>,
    pub status: Option<String>,
    /// For the reader: what one panellist works on and their part in the interview.
    pub panellist: Option<PanellistNote>,
}

/// What to note for one panellist (a contact on the interview's panel). `None` leaves a
/// field as it is; an empty text clears it.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PanellistNote {
    pub contact_id: String,
    pub works_on: Option<String>,
    pub part: Option<String>,
}

impl Followup {
    pub fn add_interview(&mut self, new: NewInterview) -> Result<Interview> {
        let zone = match &new.time_zone {
            Some(tz) => place::time_zone("tz", tz)?,
            None => self.store.profile()?.unwrap_or_default().time_zone,
        };
        let start = when::instant("at", &new.at, &zone)?;
        check_duration(new.duration_minutes)?;
        let format = InterviewFormat::from(new.format.as_deref().unwrap_or("in-person"));
        if !format.is_known() {
            return Err(AppError::invalid(
                "format",
                format!(
                    "unknown format '{format}'; use one of {}",
                    InterviewFormat::KNOWN.join(", ")
                ),
            ));
        }
        if let Some(twice) =
            followup_core::model::first_repeat(new.interviewer_ids.iter().map(String::as_str))
        {
            // One person twice on a panel would get two thank-you notes.
            return Err(AppError::invalid(
                "interviewer",
                format!("{twice} is given twice; name each interviewer once"),
            ));
        }
        let now = self.now();
        let interview = Interview {
            id: String::new(),
            application_id: new.application_id,
            start,
            time_zone: zone,
            duration_minutes: new.duration_minutes,
            format,
            location: crate::capture::typed_line("location", &new.location.unwrap_or_default())?,
            interviewer_ids: new.interviewer_ids,
            notes: String::new(),
            points_to_clarify: Vec::new(),
            mentions: vec![],
            offers: vec![],
            panellists: vec![],
            timeline: String::new(),
            decide_by: None,
            status: InterviewStatus::Scheduled,
            created_at: now,
            updated_at: now,
        };
        self.write(|tx| tx.add_interview(interview))
    }

    /// Adds what to remember. A timeline in words ("within two weeks", "by 12 March")
    /// sets the date they gave, unless `decide_by` does; the reading comes back.
    pub fn note_interview(&mut self, id: &str, note: InterviewNote) -> Result<Noted> {
        let status = note
            .status
            .as_deref()
            .map(|s| {
                let status = InterviewStatus::from(s);
                if status.is_known() {
                    Ok(status)
                } else {
                    Err(AppError::invalid(
                        "status",
                        format!(
                            "unknown status '{s}'; use one of {}",
                            InterviewStatus::KNOWN.join(", ")
                        ),
                    ))
                }
            })
            .transpose()?;
        self.write(|tx| {
            tx.plan_of(id)?;
            let mut interview = tx.store.interview(id)?;
            for what in &note.clear {
                match what.trim() {
                    "mentions" => interview.mentions.clear(),
                    "offers" => interview.offers.clear(),
                    "points" => interview.points_to_clarify.clear(),
                    other => {
                        return Err(AppError::invalid(
                            "clear",
                            format!("'{other}': use mentions, offers or points"),
                        ));
                    }
                }
            }
            let public = |list: &[String]| -> Vec<String> {
                list.iter()
                    .map(|p| followup_core::wording::for_reader(p))
                    .filter(|p| !p.is_empty())
                    .collect()
            };
            interview.mentions.extend(public(&note.mention));
            interview.offers.extend(public(&note.offer));
            for point in note
                .clarify
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
            {
                interview.points_to_clarify.push(point.to_string());
            }
            // The date they gave, as a date or in words (which wins over the timeline),
            // read from the interview's day in the employer's working days.
            let said_on = interview.local_start().date();
            let decide_by = match note.decide_by.as_deref() {
                Some(text) => {
                    let mut planner = Planner::load(tx.store)?;
                    let locale = planner.profile.locale.clone();
                    let days = planner.employer_days(tx.store, &interview)?;
                    Some(said::given_date("decide-by", text, said_on, days, &locale)?)
                }
                None => None,
            };
            let mut reading = None;
            if let Some(timeline) = &note.timeline {
                let previous =
                    std::mem::replace(&mut interview.timeline, timeline.trim().to_string());
                // Nothing to read when neither the old timeline nor the new says anything.
                if decide_by.is_none() && !(previous.is_empty() && interview.timeline.is_empty()) {
                    let mut planner = Planner::load(tx.store)?;
                    let locale = planner.profile.locale.clone();
                    let days = planner.employer_days(tx.store, &interview)?;
                    let read =
                        |phrase: &str| said::date_from_phrase(phrase, said_on, days, &locale);
                    // A date read from the timeline this replaces goes with it; one given
                    // as a date (--decide-by) stays until another is given.
                    let from_previous = !previous.is_empty()
                        && interview.decide_by.is_some()
                        && interview.decide_by == read(&previous);
                    let date = Some(&interview.timeline)
                        .filter(|t| !t.is_empty())
                        .and_then(|t| read(t));
                    let (date, far_off) = match date {
                        Some(d) if said::too_far_off(said_on, d) => (None, Some(d)),
                        d => (d, None),
                    };
                    match date {
                        Some(date) => interview.decide_by = Some(date),
                        None if from_previous => interview.decide_by = None,
                        None => {}
                    }
                    if !interview.timeline.is_empty() {
                        reading = Some(TimelineReading {
                            phrase: interview.timeline.clone(),
                            date,
                            start: said::start_from_phrase(
                                &interview.timeline,
                                said_on,
                                days,
                                &locale,
                            ),
                            far_off,
                        });
                    }
                }
            }
            if let Some(date) = decide_by {
                interview.decide_by = Some(date);
            }
            if let Some(notes) = &note.notes {
                interview.notes = match interview.notes.is_empty() {
                    true => notes.trim().to_string(),
                    false => format!("{}\n{}", interview.notes, notes.trim()),
                };
            }
            if let Some(status) = status {
                interview.status = status;
            }
            if let Some(change) = &note.panellist {
                interview.note_panellist(
                    &change.contact_id,
                    change.works_on.as_deref(),
                    change.part.as_deref(),
                )?;
            }
            Ok(Noted {
                interview: tx.update_interview(&interview)?,
                timeline: reading,
            })
        })
    }

    pub fn interview(&mut self, id: &str) -> Result<Interview> {
        Ok(self.store.interview(id)?)
    }

    pub fn interviews(&mut self, page: Page) -> Result<Vec<Interview>> {
        Ok(self.store.interviews(page)?)
    }

    /// What each step is about (application, person), for the calendar feed.
    pub fn step_labels(&mut self) -> Result<HashMap<String, StepLabel>> {
        Ok(self.store.step_labels(None)?)
    }
}

/// An interview lasts between a minute and a day.
pub(crate) fn check_duration(minutes: u32) -> Result<()> {
    if (1..=1440).contains(&minutes) {
        Ok(())
    } else {
        Err(AppError::invalid(
            "duration",
            format!("{minutes} minutes: an interview lasts 1 to 1440 minutes"),
        ))
    }
}
