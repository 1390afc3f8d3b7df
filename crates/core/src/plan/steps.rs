//! Steps as stored, and how a recomputed plan merges with what the user did.

use super::*;

/// A step as stored: the plan's window and reason, and what the user did with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Step {
    pub id: String,
    pub interview_id: String,
    pub key: String,
    pub kind: StepKind,
    pub contact_id: Option<String>,
    pub state: StepState,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: Timestamp,
    pub zone: String,
    pub reason: String,
    /// The user moved it: recomputing the plan leaves its window alone.
    pub moved: bool,
    /// Bumped on every change, for calendar clients (iCalendar SEQUENCE).
    pub sequence: u32,
    #[serde(default, deserialize_with = "crate::plan::optional_instant")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub done_at: Option<Timestamp>,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::instant::deserialize")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

impl Step {
    /// Marks a pending step done at `at` (when it happened), recorded at `now`; a step
    /// already done, skipped or cancelled is left as it is. Returns whether it changed.
    pub fn complete(&mut self, at: Timestamp, now: Timestamp) -> bool {
        if self.state != StepState::Pending {
            return false;
        }
        self.state = StepState::Done;
        self.done_at = Some(at);
        self.sequence += 1;
        self.updated_at = now;
        true
    }
}

/// Where a step's window lies against the present: the agenda's three sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Due {
    /// The window has closed.
    Overdue,
    /// The window holds this moment.
    Now,
    /// The window opens later.
    Upcoming,
}

impl Due {
    pub const ALL: [Due; 3] = [Due::Overdue, Due::Now, Due::Upcoming];

    pub fn of(start: Timestamp, end: Timestamp, now: Timestamp) -> Due {
        if end < now {
            Due::Overdue
        } else if start <= now {
            Due::Now
        } else {
            Due::Upcoming
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Due::Overdue => "overdue",
            Due::Now => "now",
            Due::Upcoming => "upcoming",
        }
    }
}

/// Which of a stored step and a backup's copy of it a restore keeps: a step that was
/// done stays done (an older backup must not bring back a call that was made, or a note
/// that was sent).
pub fn restore_keeps_backup(stored: &Step, backup: &Step) -> bool {
    stored.state != StepState::Done || backup.state == StepState::Done
}

/// The stored steps after a recomputed plan: a step the user completed, skipped or moved
/// keeps that state; other steps take the new window and reason; a pending step the plan
/// no longer has is cancelled; new steps are added (with an empty id for the store to
/// fill). Steps that change get their sequence bumped and `updated_at = now`.
pub fn merge(
    existing: &[Step],
    planned: &[PlannedStep],
    interview_id: &str,
    now: Timestamp,
    cancelled_because: Option<&str>,
) -> Vec<Step> {
    let mut out = Vec::with_capacity(existing.len() + planned.len());
    for old in existing {
        let mut step = old.clone();
        match planned.iter().find(|p| p.key == old.key) {
            _ if matches!(old.state, StepState::Done | StepState::Skipped) => {}
            Some(_) if old.moved && old.state == StepState::Pending => {}
            Some(p) => {
                step.kind = p.kind.clone();
                step.contact_id = p.contact_id.clone();
                step.start = p.start;
                step.end = p.end;
                step.zone = p.zone.clone();
                step.reason = p.reason.clone();
                step.state = StepState::Pending;
                step.moved = false;
            }
            None => {
                if old.state == StepState::Pending
                    && let Some(why) = cancelled_because
                {
                    step.reason = why.to_string();
                }
                step.state = StepState::Cancelled;
            }
        }
        if step != *old {
            step.sequence += 1;
            step.updated_at = now;
        }
        out.push(step);
    }
    for p in planned
        .iter()
        .filter(|p| !existing.iter().any(|e| e.key == p.key))
    {
        out.push(Step {
            id: String::new(),
            interview_id: interview_id.to_string(),
            key: p.key.clone(),
            kind: p.kind.clone(),
            contact_id: p.contact_id.clone(),
            state: StepState::Pending,
            start: p.start,
            end: p.end,
            zone: p.zone.clone(),
            reason: p.reason.clone(),
            moved: false,
            sequence: 0,
            done_at: None,
            created_at: now,
            updated_at: now,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completing_changes_only_a_pending_step_and_counts_the_change() {
        let at: Timestamp = "2027-03-09T10:30:00Z".parse().unwrap();
        let now: Timestamp = "2027-03-10T08:00:00Z".parse().unwrap();
        let mut step = merge(&[], &[planned("follow-up-1", 10)], "int-1", at, None).remove(0);
        assert!(step.complete(at, now));
        assert_eq!(
            (step.state.clone(), step.done_at, step.sequence),
            (StepState::Done, Some(at), 1)
        );
        assert_eq!(step.updated_at, now);
        let before = step.clone();
        assert!(!step.complete(now, now), "done stays done, at its own time");
        assert_eq!(step, before);
    }

    #[test]
    fn due_places_a_window_against_now_with_both_ends_still_now() {
        let t = |s: &str| -> Timestamp { s.parse().unwrap() };
        let (start, end) = (t("2027-03-09T10:00:00Z"), t("2027-03-09T11:30:00Z"));
        assert_eq!(
            Due::of(start, end, t("2027-03-09T09:59:59Z")),
            Due::Upcoming
        );
        assert_eq!(Due::of(start, end, start), Due::Now);
        assert_eq!(Due::of(start, end, end), Due::Now);
        assert_eq!(Due::of(start, end, t("2027-03-09T11:30:01Z")), Due::Overdue);
    }

    fn planned(key: &str, hour: i8) -> PlannedStep {
        let start: Timestamp = format!("2027-03-09T{hour:02}:00:00Z").parse().unwrap();
        PlannedStep {
            key: key.into(),
            kind: StepKind::FollowUpCall,
            contact_id: None,
            start,
            end: start + SignedDuration::from_mins(90),
            zone: "Europe/London".into(),
            reason: "why".into(),
        }
    }

    #[test]
    fn merge_keeps_what_the_user_did_and_cancels_what_is_gone() {
        let t0 = Timestamp::UNIX_EPOCH;
        let first = merge(
            &[],
            &[planned("thank-you", 9), planned("follow-up-1", 10)],
            "int-1",
            t0,
            None,
        );
        assert_eq!(first.len(), 2);
        assert!(
            first
                .iter()
                .all(|s| s.state == StepState::Pending && s.sequence == 0)
        );

        let mut stored = first.clone();
        stored[0].state = StepState::Done;
        stored[1].moved = true;
        stored[1].start += SignedDuration::from_hours(24);
        let t1 = t0 + SignedDuration::from_hours(1);
        let again = merge(
            &stored,
            &[planned("thank-you", 11), planned("follow-up-1", 12)],
            "int-1",
            t1,
            None,
        );
        assert_eq!(again, stored, "done and moved steps are left alone");

        let t2 = t1 + SignedDuration::from_hours(1);
        let replanned = merge(
            &first,
            &[planned("thank-you", 9), planned("follow-up-2", 10)],
            "int-1",
            t2,
            None,
        );
        assert_eq!(
            replanned[0], first[0],
            "an unchanged step keeps its sequence"
        );
        assert_eq!(replanned[1].state, StepState::Cancelled);
        assert_eq!((replanned[1].sequence, replanned[1].updated_at), (1, t2));
        assert_eq!(replanned[2].key, "follow-up-2");
    }
}
