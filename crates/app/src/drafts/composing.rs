//! Composing drafts for an interview: what is asked for, to whom, from which inputs and
//! skills; stored and checked as drafts.rs does.

use super::*;

/// What to draft.
#[derive(Debug, Clone)]
pub struct DraftRequest {
    pub interview_id: String,
    pub kind: DraftKind,
    /// email or letter (thank-you notes only).
    pub channel: Option<String>,
    /// To this interviewer instead of the lead.
    pub to: Option<String>,
    /// One note per interviewer.
    pub each: bool,
    /// The skills to name, overriding the two best matched; empty: the best matched.
    pub skills: Vec<String>,
}

impl Followup {
    /// Composes, stores and checks drafts: one, or one per interviewer with `each`.
    pub fn compose(&mut self, request: DraftRequest) -> Result<Done<Vec<DraftView>>> {
        let kind = request.kind.clone();
        let channel = match kind {
            DraftKind::ThankYou => {
                let text = request.channel.as_deref().unwrap_or("email");
                let c = Channel::from(text);
                if !matches!(c, Channel::Email | Channel::Letter) {
                    return Err(AppError::invalid(
                        "channel",
                        format!("'{text}': use email or letter"),
                    ));
                }
                c
            }
            DraftKind::Query | DraftKind::Feedback => Channel::Email,
            _ => Channel::Phone,
        };
        let name = compose::template_name(&kind, &channel);
        let source = self.template_source(name)?;
        let now = self.now();
        let stored = self.write(|tx| {
            let s = &mut *tx.store;
            let interview = s.interview(&request.interview_id)?;
            let application = s.application(&interview.application_id)?;
            let profile = s.profile()?.unwrap_or_default();
            let panel = s.contacts_by_ids(&interview.interviewer_ids)?;
            let recipients: Vec<Option<Contact>> = match (&request.to, request.each) {
                (Some(id), _) => vec![Some(s.contact(id)?)],
                (None, true) if !panel.is_empty() => panel.iter().cloned().map(Some).collect(),
                _ => vec![panel.first().cloned()],
            };
            let picks = if request.skills.is_empty() {
                skills::rank(&profile.skills, &application.job_description, 2)
            } else {
                skills::chosen(&profile.skills, &request.skills)
                    .map_err(|e| AppError::invalid("skills", e))?
            };
            // The pending step this draft is for: an email query, or the follow-up email
            // the plan proposes instead of a call (email only, no phone, after a voicemail).
            let step_kinds: &[StepKind] = match kind {
                DraftKind::ThankYou => &[StepKind::ThankYou],
                DraftKind::Query => &[StepKind::EmailQuery, StepKind::FollowUpEmail],
                DraftKind::Feedback => &[StepKind::Feedback],
                _ => &[StepKind::FollowUpCall],
            };
            let steps = s.steps(&interview.id)?;
            let step = steps
                .iter()
                .find(|st| st.state == StepState::Pending && step_kinds.contains(&st.kind));
            let their_time = step.map(|st| {
                let tz = jiff::tz::TimeZone::get(&st.zone).unwrap_or(jiff::tz::TimeZone::UTC);
                window(st.start, st.end, &Zone::new(tz, now))
            });
            let your_time = step.map(|st| {
                let tz =
                    jiff::tz::TimeZone::get(&profile.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
                window(st.start, st.end, &Zone::new(tz, now))
            });
            let callback = step.is_some_and(|st| st.key.starts_with("callback-"));
            // What an email follows: the call its step came from.
            let after = match step.map(|st| st.key.as_str()) {
                Some(k) if k.starts_with("voicemail-email-") => "voicemail".to_string(),
                Some(k) if k.starts_with("query-") => {
                    let call_id = &k["query-".len()..];
                    s.calls(&interview.id)?
                        .iter()
                        .find(|c| c.id == call_id)
                        .map(|c| match c.outcome {
                            CallOutcome::Unavailable => "unavailable".to_string(),
                            _ => "no-answer".to_string(),
                        })
                        .unwrap_or_default()
                }
                _ => String::new(),
            };
            let mut rounds = Vec::new();
            for other in s.interview_ids_for_application(&application.id)? {
                rounds.push(s.interview(&other)?);
            }
            let round = interview.round_among(&rounds);
            // One note to the lead thanks the rest of the panel by name.
            let one_for_all = request.to.is_none() && !request.each;
            // A draft speaks as of the day it is for: a call script for next Tuesday,
            // after the date they gave, asks where things stand, not whether that date
            // still holds.
            let your_zone =
                jiff::tz::TimeZone::get(&profile.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
            let today = step
                .map(|st| st.start.max(now))
                .unwrap_or(now)
                .to_zoned_datetime(your_zone)
                .date();
            // A voicemail promises the short email after it: when the plan would send it
            // if the voicemail were left at the start of the call's window.
            let email_after_voicemail = match kind {
                DraftKind::Voicemail => crate::planner::email_after_voicemail(
                    s,
                    &interview.id,
                    step.map(|st| st.start.max(now)).unwrap_or(now),
                )?,
                _ => None,
            };
            let mut stored = Vec::new();
            for (turn, recipient) in recipients.iter().enumerate() {
                let others = match (one_for_all, recipient) {
                    (true, Some(r)) => panel
                        .iter()
                        .filter(|c| c.id != r.id)
                        .map(|c| c.full_name.clone())
                        .collect(),
                    _ => Vec::new(),
                };
                let ctx = compose::context(&ComposeInput {
                    profile: &profile,
                    application: &application,
                    interview: &interview,
                    recipient: recipient.as_ref(),
                    skills: &picks,
                    their_time: their_time.clone(),
                    today,
                    situation: Situation {
                        others,
                        turn: turn as u32,
                        round,
                        callback,
                        your_time: your_time.clone(),
                        after: after.clone(),
                        email_after_voicemail,
                    },
                });
                let composed = compose::render(name, &source, &ctx)
                    .map_err(|e| AppError::refused(e.to_string()))?;
                stored.push(s.add_draft(Draft {
                    id: String::new(),
                    interview_id: interview.id.clone(),
                    step_id: step.map(|st| st.id.clone()),
                    kind: kind.clone(),
                    channel: channel.clone(),
                    recipient_id: recipient.as_ref().map(|c| c.id.clone()),
                    subject: composed.subject,
                    body: composed.body,
                    approved_text: None,
                    approved_at: None,
                    override_reason: None,
                    created_at: now,
                    updated_at: now,
                })?);
            }
            tx.summary(format!("draft {kind} for {}", request.interview_id));
            for d in &stored {
                tx.created(Kind::Draft, &d.id);
            }
            Ok(stored)
        })?;
        let mut warnings = Vec::new();
        for (i, a) in stored.iter().enumerate() {
            for b in &stored[i + 1..] {
                if compose::near_identical(&a.body, &b.body) {
                    warnings.push(Warning::NearIdentical {
                        first: a.id.clone(),
                        second: b.id.clone(),
                    });
                }
            }
        }
        let checker = self.checker(None, Vec::new(), Vec::new())?;
        warnings.extend(checker.warnings);
        let views = stored
            .into_iter()
            .map(|d| self.view(&checker.value, d))
            .collect::<Result<_>>()?;
        Ok(Done::new(views, warnings))
    }
}
