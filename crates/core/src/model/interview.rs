//! Interviews: when (an instant and its zone) and where, the panel and what the
//! candidate noted for each panellist, and what they keep to themselves.

use super::*;

/// One panellist as the candidate describes them to themselves, for the reader: what
/// they said they work on ("the payments migration") and their part in the interview
/// ("ran the system-design exercise"). `interview note --panellist` sets it; a panel
/// note (`draft --each`) to them refers to both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Panellist {
    pub contact_id: String,
    #[serde(default)]
    pub works_on: String,
    #[serde(default)]
    pub part: String,
}

impl Interview {
    /// What is noted for this panellist, if anything.
    pub fn panellist(&self, contact_id: &str) -> Option<&Panellist> {
        self.panellists.iter().find(|p| p.contact_id == contact_id)
    }

    /// Notes what one panellist works on and their part in the interview, written for
    /// the reader (`None` leaves a field as it is; empty clears it). They must be on the
    /// panel, and the text may hold no control character; a panellist left with nothing
    /// noted is dropped.
    pub fn note_panellist(
        &mut self,
        contact_id: &str,
        works_on: Option<&str>,
        part: Option<&str>,
    ) -> Result<(), crate::InvalidValue> {
        if !self.interviewer_ids.iter().any(|c| c == contact_id) {
            return Err(crate::InvalidValue::new(
                "panellist",
                format!(
                    "contact {contact_id} is not on this interview's panel; add them to it first"
                ),
            ));
        }
        for (field, value) in [("works-on", works_on), ("part", part)] {
            if let Some(ch) = value.and_then(|v| crate::contact::control_char(v, false)) {
                return Err(crate::InvalidValue::new(
                    field,
                    format!("holds {}", crate::contact::unwanted(ch)),
                ));
            }
        }
        let at = match self
            .panellists
            .iter()
            .position(|p| p.contact_id == contact_id)
        {
            Some(at) => at,
            None => {
                self.panellists.push(Panellist {
                    contact_id: contact_id.to_string(),
                    ..Default::default()
                });
                self.panellists.len() - 1
            }
        };
        let entry = &mut self.panellists[at];
        if let Some(works_on) = works_on {
            entry.works_on = crate::wording::for_reader(works_on);
        }
        if let Some(part) = part {
            entry.part = crate::wording::for_reader(part);
        }
        self.panellists
            .retain(|p| !p.works_on.is_empty() || !p.part.is_empty());
        Ok(())
    }

    /// Takes someone off the panel, with what was noted for them.
    pub fn leave_panel(&mut self, contact_id: &str) {
        self.interviewer_ids.retain(|c| c != contact_id);
        self.panellists.retain(|p| p.contact_id != contact_id);
    }
}

/// An interview: when and where it was, who was on the panel, and what to remember.
/// Serialised with `start` as RFC 3339 in the interview's own offset (see `InterviewOut`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Interview {
    pub id: String,
    pub application_id: String,
    /// The start as an instant; shown in `time_zone`.
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    pub time_zone: String,
    pub duration_minutes: u32,
    pub format: InterviewFormat,
    #[serde(default)]
    pub location: String,
    /// Contact ids, lead interviewer first.
    #[serde(default)]
    pub interviewer_ids: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// Things that did not come across well, to clarify on the follow-up call.
    #[serde(default)]
    pub points_to_clarify: Vec<String>,
    /// What to mention from the conversation, written for the reader ("your plans for
    /// the Edinburgh team"): the thank-you refers to it. Unlike `notes`, not private.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// Topics to offer to say more about, written for the reader ("how I size A/B tests
    /// when traffic is low"): the query and the call script offer them. Unlike
    /// `points_to_clarify`, not private.
    #[serde(default)]
    pub offers: Vec<String>,
    /// What each panellist works on and their part in the interview, written for the
    /// reader; only panellists with something noted are here. Not private: a note to
    /// one of them refers to it.
    #[serde(default)]
    pub panellists: Vec<Panellist>,
    /// What they said about their timeline, in their words ("shortlist by the 12th").
    #[serde(default)]
    pub timeline: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub decide_by: Option<Date>,
    pub status: InterviewStatus,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

impl Interview {
    /// When the interview is over: its start plus its length.
    pub fn end(&self) -> Timestamp {
        self.start + jiff::SignedDuration::from_mins(i64::from(self.duration_minutes))
    }

    /// Whether the interview has happened, as of `now`: one still marked scheduled is held
    /// once it is over (nobody marks it so by hand, and "scheduled" for last Tuesday's
    /// interview misleads); held and cancelled are as set.
    pub fn status_at(&self, now: Timestamp) -> InterviewStatus {
        match &self.status {
            InterviewStatus::Scheduled if now >= self.end() => InterviewStatus::Held,
            status => status.clone(),
        }
    }

    /// What follows an interview (a call, a step done or moved, a message sent) comes
    /// after it is over: a time before that has the date, or the interview, wrong, and
    /// counting it would use up a follow-up. `field` is the one the time was given in;
    /// `given` says it was typed (`--at`), not taken as now; times are shown in `zone`;
    /// `what` names what comes after ("a follow-up call").
    pub fn followed_at(
        &self,
        at: Timestamp,
        field: &str,
        given: bool,
        zone: &str,
        what: &str,
    ) -> Result<(), crate::InvalidValue> {
        let over = self.end();
        if at >= over {
            return Ok(());
        }
        let shown = |t: Timestamp| crate::when::shown_in(t, zone);
        Err(crate::InvalidValue::new(
            field,
            if given {
                format!(
                    "{} is before the interview is over ({}); {what} comes after it",
                    shown(at),
                    shown(over)
                )
            } else {
                format!(
                    "the interview is not over until {}; {what} comes after it",
                    shown(over)
                )
            },
        ))
    }

    /// The start in the interview's own zone, for display and RFC 3339 output.
    pub fn local_start(&self) -> jiff::ZonedDateTime {
        let tz = jiff::tz::TimeZone::get(&self.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        self.start.to_zoned_datetime(tz)
    }

    /// The interview's day as `reader` lived it, in their zone (`contact::their_zone`): a
    /// video interview on Thursday evening in Los Angeles was Friday morning in Bengaluru.
    /// The day drafts name, and the one a draft's "on Monday" is checked against.
    pub fn day_for(&self, reader: Option<&Contact>) -> jiff::civil::Date {
        let zone = crate::contact::their_zone(reader, &self.time_zone);
        match jiff::tz::TimeZone::get(&zone) {
            Ok(tz) => self.start.to_zoned_datetime(tz).date(),
            Err(_) => self.local_start().date(),
        }
    }

    /// Which round of its application this interview is: one plus the interviews that
    /// started before it and were not cancelled. `rounds` is every interview of the
    /// application (this one included or not); ties on the start are broken by id, the
    /// order the planner uses.
    pub fn round_among(&self, rounds: &[Interview]) -> u32 {
        let earlier = rounds
            .iter()
            .filter(|other| other.id != self.id)
            .filter(|other| other.status != InterviewStatus::Cancelled)
            .filter(|other| (other.start, &other.id) < (self.start, &self.id))
            .count();
        1 + u32::try_from(earlier).unwrap_or(u32::MAX - 1)
    }
}

/// The serialised shape of an interview: the same fields, with `start` written in the
/// interview's local offset ("2027-03-02T10:00:00+00:00") so people read their own time.
#[derive(Serialize)]
struct InterviewOut<'a> {
    id: &'a str,
    application_id: &'a str,
    start: String,
    time_zone: &'a str,
    duration_minutes: u32,
    format: &'a InterviewFormat,
    location: &'a str,
    interviewer_ids: &'a [String],
    notes: &'a str,
    points_to_clarify: &'a [String],
    mentions: &'a [String],
    offers: &'a [String],
    panellists: &'a [Panellist],
    timeline: &'a str,
    decide_by: Option<Date>,
    status: &'a InterviewStatus,
    created_at: Timestamp,
    updated_at: Timestamp,
}

impl Serialize for Interview {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let local = self.local_start();
        InterviewOut {
            id: &self.id,
            application_id: &self.application_id,
            start: self.start.display_with_offset(local.offset()).to_string(),
            time_zone: &self.time_zone,
            duration_minutes: self.duration_minutes,
            format: &self.format,
            location: &self.location,
            interviewer_ids: &self.interviewer_ids,
            notes: &self.notes,
            points_to_clarify: &self.points_to_clarify,
            mentions: &self.mentions,
            offers: &self.offers,
            panellists: &self.panellists,
            timeline: &self.timeline,
            decide_by: self.decide_by,
            status: &self.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
        .serialize(s)
    }
}
