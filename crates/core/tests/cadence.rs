//! The plan and the guard are one cadence model: a user who follows the plan, whatever
//! the employer does, never makes a contact the guard would flag. A simulated job
//! seeker follows every plan step by step over a grid of outcomes and cadences, and over
//! generated sequences (proptest), and every proposed step is checked against the guard
//! and domain.md's invariants.

use followup_core::cadence::{self, History, Purpose};
use followup_core::calendar::WorkingDays;
use followup_core::model::*;
use followup_core::plan::*;
use followup_core::seasons;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

/// What the job seeker (or the employer) does with the step the plan proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    /// Call (or send, for an email step): they answer.
    Reached,
    /// They answer and give a date for their decision, so many calendar days ahead.
    ReachedWithDate(u8),
    /// They can't talk and name no time.
    Unavailable,
    /// They can't talk and ask for a call the next working day at 11:00.
    Callback,
    Voicemail,
    NoAnswer,
    /// You skip the step.
    Skip,
    /// You mark it done by hand, logging nothing.
    MarkDone,
    /// They invite you to another round, the next working day.
    NewRound,
    /// An offer or rejection: the application is over.
    Outcome,
}

const ACTS: [Act; 10] = [
    Act::Reached,
    Act::ReachedWithDate(12),
    Act::Unavailable,
    Act::Callback,
    Act::Voicemail,
    Act::NoAnswer,
    Act::Skip,
    Act::MarkDone,
    Act::NewRound,
    Act::Outcome,
];

/// How the lead interviewer can be reached.
#[derive(Debug, Clone, Copy)]
enum Lead {
    Phone,
    EmailOnly,
    NoPhone,
}

struct Round {
    interview: Interview,
    calls: Vec<CallRecord>,
    done: Vec<(String, Timestamp)>,
    skipped: Vec<(String, Timestamp)>,
}

struct Sim {
    application: Application,
    panel: Vec<Contact>,
    profile: Profile,
    settings: PlanSettings,
    rounds: Vec<Round>,
    cal: &'static WorkingDays,
    tz: TimeZone,
    /// What happened, for the failure message.
    log: Vec<String>,
}

thread_local! {
    /// Built once per thread: a calendar takes a while to build in a debug build.
    static CALENDARS: std::cell::RefCell<Calendars> = std::cell::RefCell::new(Calendars::new(vec![]));
}

fn working_days(region: &str) -> &'static WorkingDays {
    static BUILT: std::sync::OnceLock<[WorkingDays; 2]> = std::sync::OnceLock::new();
    let [gb, us] = BUILT.get_or_init(|| {
        [
            WorkingDays::new("gb-eng", &[]).unwrap(),
            WorkingDays::new("us", &[]).unwrap(),
        ]
    });
    if region == "us" { us } else { gb }
}

fn interview(id: &str, start: Timestamp, zone: &str, decide_by: Option<Date>) -> Interview {
    Interview {
        id: id.into(),
        application_id: "app-1".into(),
        start,
        time_zone: zone.into(),
        duration_minutes: 60,
        format: InterviewFormat::Video,
        location: String::new(),
        interviewer_ids: vec!["con-1".into()],
        notes: String::new(),
        points_to_clarify: vec![],
        mentions: vec![],
        offers: vec![],
        panellists: vec![],
        timeline: String::new(),
        decide_by,
        status: InterviewStatus::Held,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

impl Sim {
    /// An interview at 10:00 local on `day` (moved to a working day) in `region`.
    fn new(day: Date, region: &str, lead: Lead, cadence: Cadence, decide_in: Option<u8>) -> Sim {
        let zone = if region == "us" {
            "America/New_York"
        } else {
            "Europe/London"
        };
        let tz = TimeZone::get(zone).unwrap();
        let cal = working_days(region);
        let day = cal.this_or_next(day);
        let start = day
            .to_datetime(Time::constant(10, 0, 0, 0))
            .to_zoned_datetime(tz.clone())
            .unwrap()
            .timestamp();
        let mut c = Contact::named("Priya Patel", Timestamp::UNIX_EPOCH);
        c.id = "con-1".into();
        c.emails.push(Labelled::plain("priya@acme.test"));
        if !matches!(lead, Lead::NoPhone) {
            c.phones.push(Labelled::plain("+44 20 7946 0000"));
        }
        if matches!(lead, Lead::EmailOnly) {
            c.preferred_channel = PreferredChannel::EmailOnly;
        }
        c.time_zone = Some(zone.into());
        c.region = Some(region.into());
        let decide_by = decide_in.map(|n| day.checked_add(jiff::Span::new().days(n)).unwrap());
        let profile = Profile {
            time_zone: zone.into(),
            region: region.into(),
            ..Profile::default()
        };
        Sim {
            application: Application {
                id: "app-1".into(),
                company: "Acme".into(),
                role: "SRE".into(),
                job_description: String::new(),
                source_url: String::new(),
                documents: vec![],
                status: ApplicationStatus::Interviewing,
                applied_on: None,
                created_at: Timestamp::UNIX_EPOCH,
                updated_at: Timestamp::UNIX_EPOCH,
            },
            panel: vec![c],
            profile,
            settings: PlanSettings {
                cadence: cadence.clone(),
                ..PlanSettings::default()
            },
            rounds: vec![Round {
                interview: interview("int-0", start, zone, decide_by),
                calls: vec![],
                done: vec![],
                skipped: vec![],
            }],
            cal,
            tz,
            log: vec![format!(
                "interview {start} in {region}, {lead:?}, {cadence}, decide_by {decide_by:?}"
            )],
        }
    }

    /// The other rounds' history, seen from round `r`.
    fn others(&self, r: usize) -> History {
        let mut h = History::default();
        for (_, round) in self.rounds.iter().enumerate().filter(|(i, _)| *i != r) {
            h.extend(&History::of_round(
                &round.interview,
                &round.calls,
                &round.done,
            ));
        }
        h
    }

    /// The latest round's plan: its steps still open.
    fn open_steps(&mut self) -> (Vec<PlannedStep>, History) {
        let r = self.rounds.len() - 1;
        let others = self.others(r);
        let round = &self.rounds[r];
        let input = PlanInput {
            interview: &round.interview,
            application: &self.application,
            interviewers: &self.panel,
            profile: &self.profile,
            settings: &self.settings,
            calls: &round.calls,
            done: &round.done,
            skipped: &round.skipped,
            later_round: None,
            other_rounds: &others,
        };
        let history = input.history();
        let steps = CALENDARS.with_borrow_mut(|c| derive(&input, c)).unwrap();
        let open = steps
            .into_iter()
            .filter(|s| {
                !round.done.iter().any(|(k, _)| *k == s.key)
                    && !round.skipped.iter().any(|(k, _)| *k == s.key)
            })
            .collect();
        (open, history)
    }

    fn fail(&self, what: String) -> String {
        format!("{what}\n  history: {}", self.log.join("\n    "))
    }

    /// Follows the plan through `acts`; returns the first broken promise.
    fn run(&mut self, acts: &[Act]) -> Result<(), String> {
        let mut acts = acts.iter().copied();
        let mut calls = 0;
        for _ in 0..40 {
            if self.application.status.is_outcome() {
                return Ok(());
            }
            let (open, history) = self.open_steps();
            let r = self.rounds.len() - 1;
            // The thank-you goes out when it is due; it is not a follow-up.
            if let Some(t) = open.iter().find(|s| s.kind == StepKind::ThankYou) {
                self.rounds[r].done.push((t.key.clone(), t.start));
                continue;
            }
            let follow: Vec<&PlannedStep> = open
                .iter()
                .filter(|s| s.kind != StepKind::CaptureDetails)
                .collect();
            if follow.len() > 1 {
                return Err(self.fail(format!("more than one next step: {follow:#?}")));
            }
            let Some(p) = follow.first().map(|p| (*p).clone()) else {
                // Nothing pending: only once feedback was asked for (or skipped).
                let finished = self.rounds[r]
                    .done
                    .iter()
                    .chain(&self.rounds[r].skipped)
                    .any(|(k, _)| k == "feedback");
                return if finished {
                    Ok(())
                } else {
                    Err(self.fail("the plan ended with nothing pending".into()))
                };
            };
            self.check_step(&p, &history)?;
            let Some(act) = acts.next() else {
                return Ok(());
            };
            self.log.push(format!(
                "{} {} at {} ({}) -> {act:?}",
                p.kind, p.key, p.start, p.reason
            ));
            let round = &mut self.rounds[r];
            let is_call = p.kind == StepKind::FollowUpCall;
            match act {
                Act::Skip => round.skipped.push((p.key.clone(), p.start)),
                Act::MarkDone => round.done.push((p.key.clone(), p.start)),
                Act::Outcome => self.application.status = ApplicationStatus::Offer,
                Act::NewRound => {
                    let day = self
                        .cal
                        .next_working_day(p.start.to_zoned_datetime(self.tz.clone()).date());
                    let start = day
                        .to_datetime(Time::constant(10, 0, 0, 0))
                        .to_zoned_datetime(self.tz.clone())
                        .unwrap()
                        .timestamp();
                    let id = format!("int-{}", self.rounds.len());
                    let zone = self.tz.iana_name().unwrap().to_string();
                    self.rounds.push(Round {
                        interview: interview(&id, start, &zone, None),
                        calls: vec![],
                        done: vec![],
                        skipped: vec![],
                    });
                }
                _ if !is_call => round.done.push((p.key.clone(), p.start)),
                _ => {
                    let (outcome, decide_by, callback) = match act {
                        Act::Reached => (CallOutcome::Reached, None, None),
                        Act::ReachedWithDate(n) => (
                            CallOutcome::Reached,
                            Some(
                                p.start
                                    .to_zoned_datetime(self.tz.clone())
                                    .date()
                                    .checked_add(jiff::Span::new().days(n))
                                    .unwrap(),
                            ),
                            None,
                        ),
                        Act::Unavailable => (CallOutcome::Unavailable, None, None),
                        Act::Callback => {
                            let day = self.cal.next_working_day(
                                p.start.to_zoned_datetime(self.tz.clone()).date(),
                            );
                            let at = day
                                .to_datetime(Time::constant(11, 0, 0, 0))
                                .to_zoned_datetime(self.tz.clone())
                                .unwrap()
                                .timestamp();
                            (CallOutcome::Unavailable, None, Some(at))
                        }
                        Act::Voicemail => (CallOutcome::Voicemail, None, None),
                        _ => (CallOutcome::NoAnswer, None, None),
                    };
                    calls += 1;
                    round.calls.push(CallRecord {
                        id: format!("call-{calls:02}"),
                        interview_id: round.interview.id.clone(),
                        contact_id: Some("con-1".into()),
                        at: p.start,
                        outcome,
                        callback,
                        decide_by,
                        note: String::new(),
                    });
                    // Logging a call marks the step it answers done at the call's time.
                    round.done.push((p.key.clone(), p.start));
                }
            }
        }
        Err(self.fail("the plan did not settle in 40 steps".into()))
    }

    /// Every promise a proposed step makes.
    fn check_step(&self, p: &PlannedStep, history: &History) -> Result<(), String> {
        let purpose = Purpose::of_step(&p.kind, &p.key);
        let problems = cadence::check(
            p.start,
            purpose,
            history,
            self.cal,
            &self.tz,
            &self.settings,
        );
        if !problems.is_empty() {
            return Err(self.fail(format!(
                "the plan proposed {} at {} ({}) and the guard says: {problems:?}",
                p.key, p.start, p.reason
            )));
        }
        if p.end <= p.start {
            return Err(self.fail(format!("{} has an empty window", p.key)));
        }
        if purpose == Purpose::Agreed {
            return Ok(());
        }
        let local = p.start.to_zoned_datetime(self.tz.clone());
        let day = local.date();
        let (open, close) = self.settings.business_hours;
        let end = p.end.to_zoned_datetime(self.tz.clone()).time();
        if !self.cal.is_working_day(day) {
            return Err(self.fail(format!("{} on {day}, not a working day", p.key)));
        }
        if let Some(why) = seasons::avoided(day, self.cal) {
            return Err(self.fail(format!("{} on {day}: {why}", p.key)));
        }
        if local.time() < open || local.time() >= close || end > close || end <= open {
            return Err(self.fail(format!(
                "{} at {local} .. {end}: outside business hours",
                p.key
            )));
        }
        Ok(())
    }

    /// The promises about everything that was done.
    fn check_history(&self) -> Result<(), String> {
        let mut all = History::default();
        for round in &self.rounds {
            all.extend(&History::of_round(
                &round.interview,
                &round.calls,
                &round.done,
            ));
        }
        let counted = all.contacts().iter().filter(|c| c.kind.counts()).count();
        let max = self.settings.max_follow_ups() as usize;
        if counted > max {
            return Err(self.fail(format!(
                "{counted} follow-ups made; the cadence allows {max}"
            )));
        }
        for pair in all.contacts().windows(2) {
            if pair[1].at.duration_since(pair[0].at) < SignedDuration::from_hours(72) {
                return Err(self.fail(format!("two contacts within 72 hours: {pair:?}")));
            }
        }
        for c in all.contacts() {
            // The latest date they had given before this contact: nothing until 2
            // working days after it.
            let given = all
                .dates()
                .iter()
                .filter(|d| d.given_at < c.at)
                .map(|d| d.date)
                .max();
            if let Some(date) = given
                && c.at.to_zoned_datetime(self.tz.clone()).date() < self.cal.add(date, 2)
            {
                return Err(self.fail(format!("{c:?} before their date {date}")));
            }
        }
        Ok(())
    }
}

fn run(
    day: Date,
    region: &str,
    lead: Lead,
    cadence: Cadence,
    decide: Option<u8>,
    acts: &[Act],
) -> Result<(), String> {
    let mut sim = Sim::new(day, region, lead, cadence, decide);
    sim.run(acts)?;
    sim.check_history()
}

#[test]
fn every_step_the_plan_proposes_passes_its_own_guard_over_a_grid() {
    let days: [Date; 3] = [
        "2027-03-02".parse().unwrap(),
        // Into Christmas week.
        "2027-12-13".parse().unwrap(),
        // Thanksgiving and its Friday.
        "2027-11-17".parse().unwrap(),
    ];
    let mut runs = 0;
    for day in days {
        for region in ["gb-eng", "us"] {
            for lead in [Lead::Phone, Lead::EmailOnly, Lead::NoPhone] {
                for cadence in [Cadence::Standard, Cadence::Cautious] {
                    for decide in [None, Some(10)] {
                        for a in ACTS {
                            for b in ACTS {
                                for c in [Act::Reached, Act::Voicemail, Act::NoAnswer, Act::Skip] {
                                    let acts = [a, b, c, Act::NoAnswer, Act::Reached];
                                    if let Err(e) =
                                        run(day, region, lead, cadence.clone(), decide, &acts)
                                    {
                                        panic!("{e}");
                                    }
                                    runs += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(runs, 3 * 2 * 3 * 2 * 2 * 10 * 10 * 4);
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        4 => Just(Act::Reached),
        2 => (1u8..40).prop_map(Act::ReachedWithDate),
        2 => Just(Act::Unavailable),
        2 => Just(Act::Callback),
        3 => Just(Act::Voicemail),
        4 => Just(Act::NoAnswer),
        2 => Just(Act::Skip),
        2 => Just(Act::MarkDone),
        1 => Just(Act::NewRound),
        1 => Just(Act::Outcome),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_outcome_sequences_keep_every_promise(
        offset in 0i64..(3 * 365),
        us in any::<bool>(),
        lead in 0u8..3,
        cautious in any::<bool>(),
        decide in proptest::option::of(1u8..30),
        acts in proptest::collection::vec(act(), 1..14),
    ) {
        let day = Date::constant(2026, 1, 1).checked_add(jiff::Span::new().days(offset)).unwrap();
        let region = if us { "us" } else { "gb-eng" };
        let lead = [Lead::Phone, Lead::EmailOnly, Lead::NoPhone][lead as usize];
        let cadence = if cautious { Cadence::Cautious } else { Cadence::Standard };
        if let Err(e) = run(day, region, lead, cadence.clone(), decide, &acts) {
            prop_assert!(false, "{}", e);
        }
    }
}
