//! The follow-up plan, scenario by scenario: timing rules from domain.md, holidays and
//! zones, and how call outcomes move the plan on.

use followup_core::cadence::{History, Purpose};
use followup_core::calendar::WorkingDays;
use followup_core::model::*;
use followup_core::plan::*;
use jiff::Timestamp;

fn ts(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn contact(id: &str, tz: &str, region: &str) -> Contact {
    let mut c = Contact::named("Priya Patel", Timestamp::UNIX_EPOCH);
    c.id = id.into();
    c.emails.push(Labelled::plain("priya@acme.test"));
    c.phones.push(Labelled::plain("+44 20 7946 0000"));
    c.time_zone = Some(tz.into());
    c.region = Some(region.into());
    c
}

struct Case {
    interview: Interview,
    application: Application,
    panel: Vec<Contact>,
    profile: Profile,
    settings: PlanSettings,
    calls: Vec<CallRecord>,
    done: Vec<(String, Timestamp)>,
    skipped: Vec<(String, Timestamp)>,
    later_round: Option<Interview>,
    other_rounds: History,
}

impl Case {
    /// An hour-long interview starting at `start` (UTC), with a London candidate.
    fn new(start: &str, panel: Vec<Contact>) -> Case {
        Case {
            interview: Interview {
                id: "int-1".into(),
                application_id: "app-1".into(),
                start: ts(start),
                time_zone: "Europe/London".into(),
                duration_minutes: 60,
                format: InterviewFormat::Video,
                location: String::new(),
                interviewer_ids: panel.iter().map(|c| c.id.clone()).collect(),
                notes: String::new(),
                points_to_clarify: vec![],
                mentions: vec![],
                offers: vec![],
                panellists: vec![],
                timeline: String::new(),
                decide_by: None,
                status: InterviewStatus::Held,
                created_at: Timestamp::UNIX_EPOCH,
                updated_at: Timestamp::UNIX_EPOCH,
            },
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
            panel,
            profile: Profile::default(),
            settings: PlanSettings::default(),
            calls: vec![],
            done: vec![],
            skipped: vec![],
            later_round: None,
            other_rounds: History::default(),
        }
    }

    fn input(&self) -> PlanInput<'_> {
        PlanInput {
            interview: &self.interview,
            application: &self.application,
            interviewers: &self.panel,
            profile: &self.profile,
            settings: &self.settings,
            calls: &self.calls,
            done: &self.done,
            skipped: &self.skipped,
            later_round: self.later_round.as_ref(),
            other_rounds: &self.other_rounds,
        }
    }

    fn plan(&self) -> Vec<PlannedStep> {
        derive(&self.input(), &mut Calendars::new(vec![])).unwrap()
    }

    fn step(&self, kind: StepKind) -> PlannedStep {
        let plan = self.plan();
        plan.iter()
            .find(|s| s.kind == kind)
            .cloned()
            .unwrap_or_else(|| panic!("no {kind} step in {plan:#?}"))
    }

    fn log(&mut self, at: &str, outcome: CallOutcome) -> &mut CallRecord {
        let n = self.calls.len();
        self.calls.push(CallRecord {
            id: format!("call-{n}"),
            interview_id: "int-1".into(),
            contact_id: Some("con-1".into()),
            at: ts(at),
            outcome,
            callback: None,
            decide_by: None,
            note: String::new(),
        });
        self.calls.last_mut().unwrap()
    }
}

fn london() -> Vec<Contact> {
    vec![contact("con-1", "Europe/London", "gb-eng")]
}

#[test]
fn morning_interview_thanks_the_same_afternoon_and_calls_five_working_days_later() {
    // Tue 2 Mar 2027 10:00 GMT.
    let case = Case::new("2027-03-02T10:00:00Z", london());
    let thanks = case.step(StepKind::ThankYou);
    assert_eq!(thanks.start, ts("2027-03-02T11:00:00Z"));
    assert_eq!(thanks.end, ts("2027-03-02T17:30:00Z"));
    assert!(
        thanks
            .reason
            .contains("same day, by the end of the afternoon"),
        "{}",
        thanks.reason
    );
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(call.key, "follow-up-1");
    assert_eq!(
        (call.start, call.end),
        (ts("2027-03-09T10:00:00Z"), ts("2027-03-09T11:30:00Z"))
    );
    assert_eq!(call.zone, "Europe/London");
    assert!(
        call.reason
            .contains("5th working day after the Tue 2 Mar interview in gb-eng"),
        "{}",
        call.reason
    );
}

#[test]
fn friday_afternoon_interview_thanks_on_monday_morning() {
    let case = Case::new("2027-03-05T14:00:00Z", london());
    let thanks = case.step(StepKind::ThankYou);
    assert_eq!(thanks.start, ts("2027-03-08T09:00:00Z"));
    assert_eq!(thanks.end, ts("2027-03-08T12:00:00Z"));
    // And a Friday due date for the call moves to the next preferred day.
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(call.start, ts("2027-03-16T10:00:00Z"), "{}", call.reason);
    assert!(
        call.reason
            .contains("moved to Tue 16 Mar (Tue–Thu preferred)"),
        "{}",
        call.reason
    );
}

#[test]
fn thursday_afternoon_before_good_friday_thanks_on_tuesday() {
    // Thu 25 Mar 2027 15:00 GMT; Good Friday and Easter Monday follow.
    let case = Case::new("2027-03-25T15:00:00Z", london());
    let thanks = case.step(StepKind::ThankYou);
    assert_eq!(thanks.start, ts("2027-03-30T08:00:00Z"), "09:00 BST");
    assert!(
        thanks.reason.contains("Fri 26 Mar is a holiday in gb-eng"),
        "{}",
        thanks.reason
    );
}

#[test]
fn the_date_they_gave_pushes_the_call_back() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.interview.decide_by = Some("2027-03-12".parse().unwrap());
    case.interview.timeline = "shortlist by 12 March".into();
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(call.start, ts("2027-03-16T10:00:00Z"));
    assert!(
        call.reason.contains("2 working days after Fri 12 Mar"),
        "{}",
        call.reason
    );
}

#[test]
fn an_ontario_employer_is_closed_on_boxing_day_and_a_weekend_holiday_goes_unnamed() {
    // Fri 18 Dec 2026, 15:00 in Toronto. Ontario: Christmas Fri 25, Boxing Day Sat 26
    // observed Mon 28, New Year Fri 1 Jan; the days between Christmas and New Year are
    // avoided, so the call goes to Tue 5 Jan. The reason names Mon 28 Dec, not Sat 26.
    let on = Case::new(
        "2026-12-18T20:00:00Z",
        vec![contact("con-1", "America/Toronto", "ca-on")],
    );
    let call = on.step(StepKind::FollowUpCall);
    assert!(
        call.reason
            .contains("Mon 28 Dec is a holiday in ca-on (Boxing Day (observed))"),
        "{}",
        call.reason
    );
    assert!(!call.reason.contains("Sat 26 Dec"), "{}", call.reason);
}

#[test]
fn st_patricks_day_counts_only_in_northern_ireland() {
    // Wed 10 Mar 2027: 5 working days later is Wed 17 in gb-eng, Thu 18 in gb-nir.
    let nir = Case::new(
        "2027-03-10T10:00:00Z",
        vec![contact("con-1", "Europe/London", "gb-nir")],
    );
    let call = nir.step(StepKind::FollowUpCall);
    assert_eq!(call.start, ts("2027-03-18T10:00:00Z"));
    assert!(
        call.reason.contains("Wed 17 Mar is a holiday in gb-nir"),
        "{}",
        call.reason
    );
    let eng = Case::new("2027-03-10T10:00:00Z", london());
    assert_eq!(
        eng.step(StepKind::FollowUpCall).start,
        ts("2027-03-17T10:00:00Z")
    );
}

#[test]
fn new_york_interviewer_london_candidate_across_the_march_clock_changes() {
    let ny = || vec![contact("con-1", "America/New_York", "us")];
    // Before either change: Tue 2 Mar 2027 15:00 GMT = 10:00 EST; call Tue 9 Mar 10:00 EST.
    let before = Case::new("2027-03-02T15:00:00Z", ny());
    let call = before.step(StepKind::FollowUpCall);
    assert_eq!(call.start, ts("2027-03-09T15:00:00Z"));
    assert_eq!(call.zone, "America/New_York");
    // New York moved on 14 Mar, London on 28 Mar: call Tue 23 Mar 10:00 EDT = 14:00 GMT.
    let between = Case::new("2027-03-15T14:00:00Z", ny());
    let call = between.step(StepKind::FollowUpCall);
    assert_eq!(call.start, ts("2027-03-23T14:00:00Z"), "{}", call.reason);
    // The thank-you keeps the candidate's London clock: 14:00 GMT is the afternoon, so
    // the next working morning, 09:00-12:00 GMT.
    assert_eq!(
        between.step(StepKind::ThankYou).end,
        ts("2027-03-16T12:00:00Z")
    );
}

#[test]
fn the_call_window_is_one_the_candidate_is_awake_in() {
    // London interviewer, Tue 2 Mar 2027. From London, the first window, 10:00 GMT.
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    assert_eq!(
        case.step(StepKind::FollowUpCall).start,
        ts("2027-03-09T10:00:00Z")
    );
    // From Los Angeles 10:00-11:30 GMT is 02:00-03:30: the afternoon window instead,
    // 14:00-16:00 GMT (06:00-08:00 PST), still in their hours.
    case.profile.time_zone = "America/Los_Angeles".into();
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(
        (call.start, call.end),
        (ts("2027-03-09T14:00:00Z"), ts("2027-03-09T16:00:00Z"))
    );
    assert_eq!(call.zone, "Europe/London");
    // A retry after no answer keeps to it.
    case.log("2027-03-09T14:15:00Z", CallOutcome::NoAnswer);
    assert_eq!(
        case.step(StepKind::FollowUpCall).start,
        ts("2027-03-10T14:00:00Z")
    );
    // From New York 10:00 GMT is 05:00 EST: the afternoon window too.
    case.calls.clear();
    case.profile.time_zone = "America/New_York".into();
    assert_eq!(
        case.step(StepKind::FollowUpCall).start,
        ts("2027-03-09T14:00:00Z")
    );
    // From Auckland both windows are at night (23:00 and 03:00 NZDT): the best is kept.
    case.profile.time_zone = "Pacific/Auckland".into();
    assert_eq!(
        case.step(StepKind::FollowUpCall).start,
        ts("2027-03-09T10:00:00Z")
    );
    // A window is judged as it is used, cut to their business hours: 04:00-11:30 GMT
    // reaches into a Los Angeles evening (20:00 PST), but from 09:00 it is all night.
    case.profile.time_zone = "America/Los_Angeles".into();
    let at = |h, m| jiff::civil::time(h, m, 0, 0);
    case.settings.call_windows = vec![(at(4, 0), at(11, 30)), (at(14, 0), at(16, 0))];
    assert_eq!(
        case.step(StepKind::FollowUpCall).start,
        ts("2027-03-09T14:00:00Z")
    );
}

#[test]
fn an_interviewer_without_a_zone_keeps_their_regions_hours() {
    // A video interview with Bengaluru, typed in the candidate's Los Angeles time: Thu 3
    // Dec 2026 20:30 PST (Fri 4 Dec 10:00 IST). The card gave India, no zone.
    let mut bengaluru = contact("con-1", "", "in");
    bengaluru.time_zone = None;
    let mut case = Case::new("2026-12-04T04:30:00Z", vec![bengaluru]);
    case.interview.time_zone = "America/Los_Angeles".into();
    case.profile.time_zone = "America/Los_Angeles".into();
    case.profile.region = "us".into();
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(call.zone, "Asia/Kolkata");
    // Five working days in India from Fri 4 Dec: Fri 11 Dec, moved to Tue 15 Dec (Tue–Thu
    // preferred), 10:00 IST, which is 20:30 PST the evening before: not 10:00 PST,
    // which is 23:30 in Bengaluru.
    assert_eq!(call.start, ts("2026-12-15T04:30:00Z"), "{}", call.reason);
    // The thank-you is the candidate's: after an evening interview, the next morning.
    let thanks = case.step(StepKind::ThankYou);
    assert_eq!(thanks.start, ts("2026-12-04T17:00:00Z"));
    assert!(
        thanks.reason.contains("evening interview"),
        "{}",
        thanks.reason
    );
    // A zone on the card wins over the region's.
    case.panel[0].time_zone = Some("Asia/Dubai".into());
    assert_eq!(case.step(StepKind::FollowUpCall).zone, "Asia/Dubai");
    // A region spread over several zones says nothing: the interview's is used.
    case.panel[0].time_zone = None;
    case.panel[0].region = Some("us".into());
    assert_eq!(
        case.step(StepKind::FollowUpCall).zone,
        "America/Los_Angeles"
    );
}

#[test]
fn an_american_interviewer_keeps_their_states_or_area_codes_hours() {
    // A video interview typed in the candidate's New York time, Thu 3 Dec 2026 14:00 EST
    // (11:00 in San Francisco). The interviewer's card: a +1 415 number, region "us" (six
    // zones), no zone of its own.
    let mut sf = contact("con-1", "", "us");
    sf.time_zone = None;
    sf.phones = vec![Labelled::plain("+1 (415) 555-0134")];
    let mut case = Case::new("2026-12-03T19:00:00Z", vec![sf]);
    case.interview.time_zone = "America/New_York".into();
    case.profile.time_zone = "America/New_York".into();
    case.profile.region = "us".into();
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(call.zone, "America/Los_Angeles");
    // Five working days on: Thu 10 Dec, 10:00 PST (13:00 in New York), not 10:00 EST,
    // which is 07:00 in San Francisco.
    assert_eq!(call.start, ts("2026-12-10T18:00:00Z"), "{}", call.reason);
    // An address in Austin says Central, whatever the number.
    case.panel[0].address = Some(followup_core::place::parse_address(
        "500 W 2nd St, Austin, TX 78701, USA",
    ));
    assert_eq!(case.step(StepKind::FollowUpCall).zone, "America/Chicago");
    // As Americans type it, without "+1": Austin's area code.
    case.panel[0].address = None;
    case.panel[0].phones = vec![Labelled::plain("(512) 555-0134")];
    assert_eq!(case.step(StepKind::FollowUpCall).zone, "America/Chicago");
    // Not for a contact placed outside North America (Australia, of several zones): the
    // interview's zone, not Austin's.
    case.panel[0].region = Some("au".into());
    assert_eq!(case.step(StepKind::FollowUpCall).zone, "America/New_York");
    case.panel[0].region = Some("us".into());
    // A number in the Florida panhandle, which straddles two zones, says nothing.
    case.panel[0].address = None;
    case.panel[0].phones = vec![Labelled::plain("+1 850 555 0134")];
    assert_eq!(case.step(StepKind::FollowUpCall).zone, "America/New_York");
}

#[test]
fn an_interview_in_your_small_hours_is_thanked_once_your_day_begins() {
    // 09:00-10:00 GMT in London is 01:00-02:00 PST for a candidate in Los Angeles: the
    // thank-you is due from 09:00 their own time that day, not from 02:00.
    let mut case = Case::new("2027-03-02T09:00:00Z", london());
    case.profile.time_zone = "America/Los_Angeles".into();
    let thanks = case.step(StepKind::ThankYou);
    assert_eq!(
        (thanks.start, thanks.end),
        (ts("2027-03-02T17:00:00Z"), ts("2027-03-03T01:30:00Z"))
    );
    assert!(
        thanks.reason.contains("ended at 02:00 your time"),
        "{}",
        thanks.reason
    );
    // From London it is a morning interview, thanked as soon as it ends.
    case.profile.time_zone = "Europe/London".into();
    assert_eq!(
        case.step(StepKind::ThankYou).start,
        ts("2027-03-02T10:00:00Z")
    );
}

#[test]
fn email_only_contacts_get_an_email_instead_of_a_call() {
    let mut panel = london();
    panel[0].preferred_channel = PreferredChannel::EmailOnly;
    let case = Case::new("2027-03-02T10:00:00Z", panel);
    let plan = case.plan();
    assert!(plan.iter().all(|s| s.kind != StepKind::FollowUpCall));
    let email = case.step(StepKind::FollowUpEmail);
    assert_eq!(email.key, "follow-up-email-1");
    assert!(email.reason.contains("they prefer email"));
    // From London, the whole of their working day (09:00–17:30 GMT).
    let day = &email.start.to_string()[..10];
    assert_eq!(email.start, ts(&format!("{day}T09:00:00Z")));
    assert_eq!(email.end, ts(&format!("{day}T17:30:00Z")));

    // From Chicago it begins at 03:00 there: the email is due from 07:00 CST (13:00
    // GMT), still in their hours; the call windows are not the email's concern.
    let mut case = case;
    case.profile.time_zone = "America/Chicago".into();
    let email = case.step(StepKind::FollowUpEmail);
    assert_eq!(email.start, ts(&format!("{day}T13:00:00Z")));
    assert_eq!(email.end, ts(&format!("{day}T17:30:00Z")));
}

#[test]
fn unreachable_interviewers_and_empty_panels_ask_for_details() {
    let mut panel = london();
    panel[0].emails.clear();
    panel[0].phones.clear();
    let case = Case::new("2027-03-02T10:00:00Z", panel);
    assert_eq!(case.step(StepKind::CaptureDetails).key, "capture:con-1");
    let empty = Case::new("2027-03-02T10:00:00Z", vec![]);
    assert_eq!(empty.step(StepKind::CaptureDetails).key, "capture-panel");
    // Never a call to someone without a number: to nobody yet, or to a name alone, the
    // follow-up is an email until a phone number is added, and the reason says so.
    for (case, says) in [
        (
            &case,
            "no phone number or email address for Priya Patel yet",
        ),
        (&empty, "nobody on the panel yet"),
    ] {
        assert!(case.plan().iter().all(|s| s.kind != StepKind::FollowUpCall));
        let email = case.step(StepKind::FollowUpEmail);
        assert!(email.reason.contains(says), "{}", email.reason);
        assert!(email.reason.contains("a call"), "{}", email.reason);
    }
}

#[test]
fn an_outcome_ends_the_plan() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.application.status = ApplicationStatus::Rejected;
    assert!(case.plan().is_empty());
}

#[test]
fn reached_with_a_date_waits_for_it_then_a_second_call_then_feedback() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.log("2027-03-09T10:15:00Z", CallOutcome::Reached)
        .decide_by = Some("2027-03-26".parse().unwrap());
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(call.key, "follow-up-2");
    // Fri 26 Mar + 2 working days = Wed 31 Mar (Good Friday/Easter Monday are in between? no:
    // 26 is Good Friday itself; Easter Monday 29; so Tue 30, Wed 31).
    assert_eq!(
        call.start,
        ts("2027-03-31T09:00:00Z"),
        "10:00 BST; {}",
        call.reason
    );
    case.log("2027-03-31T09:10:00Z", CallOutcome::Reached);
    let last = case.step(StepKind::Feedback);
    assert!(
        last.reason.contains("2 follow-up(s) made"),
        "{}",
        last.reason
    );
    assert_eq!(case.plan().len(), 2, "thank-you and feedback only");
}

#[test]
fn cautious_cadence_stops_after_one_follow_up() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.settings.cadence = Cadence::Cautious;
    case.log("2027-03-09T10:15:00Z", CallOutcome::Reached);
    case.step(StepKind::Feedback);
}

#[test]
fn voicemail_is_followed_by_an_email_two_to_three_working_days_later() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.log("2027-03-09T10:15:00Z", CallOutcome::Voicemail);
    let email = case.step(StepKind::FollowUpEmail);
    // Two working days would be Thu 11 Mar 09:00, under 72 hours after the voicemail.
    assert_eq!(email.start, ts("2027-03-12T10:15:00Z"), "{}", email.reason);
    assert_eq!(email.end, ts("2027-03-12T17:30:00Z"));
    assert!(email.reason.contains("72 hours after"), "{}", email.reason);
    // Once sent, the next follow-up comes 5 working days after the email (Fri 19 Mar),
    // on a preferred day: Tue 23 Mar.
    case.done
        .push((email.key.clone(), ts("2027-03-12T10:30:00Z")));
    let next = case.step(StepKind::FollowUpCall);
    assert_eq!(next.key, "follow-up-2");
    assert_eq!(next.start, ts("2027-03-23T10:00:00Z"), "{}", next.reason);
}

#[test]
fn unavailable_with_a_time_books_that_call_without_one_an_email_today() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.log("2027-03-09T10:15:00Z", CallOutcome::Unavailable)
        .callback = Some(ts("2027-03-10T14:30:00Z"));
    let callback = case.step(StepKind::FollowUpCall);
    assert!(callback.key.starts_with("callback-"));
    assert_eq!(callback.start, ts("2027-03-10T14:30:00Z"));

    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.log("2027-03-09T10:15:00Z", CallOutcome::Unavailable);
    let query = case.step(StepKind::EmailQuery);
    assert_eq!(query.start, ts("2027-03-09T10:15:00Z"));
    assert_eq!(query.end, ts("2027-03-09T17:30:00Z"));
    case.done
        .push((query.key.clone(), ts("2027-03-09T12:00:00Z")));
    assert_eq!(case.step(StepKind::FollowUpCall).key, "follow-up-2");
}

#[test]
fn no_answer_tries_again_the_next_working_day() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.log("2027-03-12T10:15:00Z", CallOutcome::NoAnswer);
    let retry = case.step(StepKind::FollowUpCall);
    assert!(retry.key.starts_with("retry-"));
    assert_eq!(retry.start, ts("2027-03-15T10:00:00Z"));
    // Twice the same day is still one day: try again.
    case.log("2027-03-12T14:15:00Z", CallOutcome::NoAnswer);
    assert!(case.step(StepKind::FollowUpCall).key.starts_with("retry-"));
    // A second day without an answer: no third call, the query goes by email.
    case.log("2027-03-15T10:15:00Z", CallOutcome::NoAnswer);
    let plan = case.plan();
    assert!(
        plan.iter().all(|s| s.kind != StepKind::FollowUpCall),
        "{plan:#?}"
    );
    let query = case.step(StepKind::EmailQuery);
    assert!(
        query.reason.contains("no answer on 2 days"),
        "{}",
        query.reason
    );
}

#[test]
fn the_date_they_gave_at_the_interview_outlives_a_call() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.interview.decide_by = Some("2027-04-09".parse().unwrap());
    case.log("2027-03-09T10:15:00Z", CallOutcome::Reached);
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(call.key, "follow-up-2");
    assert!(
        call.start >= ts("2027-04-13T00:00:00Z"),
        "Fri 9 Apr + 2 working days, not 5 after the call: {} ({})",
        call.start,
        call.reason
    );
    assert!(
        call.reason.contains("the date they gave"),
        "{}",
        call.reason
    );
}

#[test]
fn a_skipped_follow_up_moves_the_plan_on() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    let first = case.step(StepKind::FollowUpCall);
    assert_eq!(first.key, "follow-up-1");
    case.skipped
        .push((first.key.clone(), ts("2027-03-09T12:00:00Z")));
    let next = case.step(StepKind::FollowUpCall);
    assert_eq!(next.key, "follow-up-2", "{next:#?}");
    assert!(next.reason.contains("skipped"), "{}", next.reason);
    case.skipped
        .push((next.key.clone(), ts("2027-03-16T12:00:00Z")));
    assert!(
        case.plan().iter().any(|s| s.kind == StepKind::Feedback),
        "both skipped: ask for feedback and move on"
    );
}

#[test]
fn calls_outside_hours_or_on_holidays_are_named() {
    let mut cals = Calendars::new(vec![]);
    let settings = PlanSettings::default();
    let nir = cals.get("gb-nir").unwrap();
    let problem =
        call_time_problem(ts("2027-03-17T10:00:00Z"), "Europe/London", nir, &settings).unwrap();
    assert!(problem.contains("holiday in gb-nir"), "{problem}");
    let problem =
        call_time_problem(ts("2027-03-16T19:00:00Z"), "Europe/London", nir, &settings).unwrap();
    assert!(problem.contains("outside business hours"), "{problem}");
    assert!(
        call_time_problem(ts("2027-03-13T10:00:00Z"), "Europe/London", nir, &settings).is_some()
    );
    assert!(
        call_time_problem(ts("2027-03-16T10:00:00Z"), "Europe/London", nir, &settings).is_none()
    );
}

#[test]
fn the_cadence_guard_names_what_is_too_soon() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.interview.decide_by = Some("2027-03-12".parse().unwrap());
    let mut cals = Calendars::new(vec![]);
    let cal = cals.get("gb-eng").unwrap();
    let problems = cadence_problems(
        ts("2027-03-10T10:00:00Z"),
        Purpose::FollowUp,
        &case.input(),
        cal,
    );
    assert!(
        problems[0]
            .message
            .contains("decide by Fri 12 Mar: wait until Tue 16 Mar"),
        "{problems:?}"
    );
    case.log("2027-03-16T10:00:00Z", CallOutcome::Reached);
    let problems = cadence_problems(
        ts("2027-03-17T10:00:00Z"),
        Purpose::FollowUp,
        &case.input(),
        cal,
    );
    assert!(
        problems.iter().any(|p| p.rule == "Behaviour.Within72Hours"),
        "{problems:?}"
    );
    let problems = cadence_problems(
        ts("2027-03-22T10:00:00Z"),
        Purpose::FollowUp,
        &case.input(),
        cal,
    );
    assert!(
        problems.iter().any(|p| p.rule == "Behaviour.TooSoon"),
        "{problems:?}"
    );
    assert!(
        cadence_problems(
            ts("2027-03-23T10:00:00Z"),
            Purpose::FollowUp,
            &case.input(),
            cal
        )
        .is_empty()
    );
}

#[test]
fn past_the_holiday_data_the_reason_warns() {
    // India's table ends in 2035.
    let case = Case::new(
        "2040-03-06T05:00:00Z",
        vec![contact("con-1", "Asia/Kolkata", "in")],
    );
    let call = case.step(StepKind::FollowUpCall);
    assert!(
        call.reason
            .contains("no holiday data for in that far ahead"),
        "{}",
        call.reason
    );
    let near = Case::new(
        "2030-03-05T05:00:00Z",
        vec![contact("con-1", "Asia/Kolkata", "in")],
    );
    assert!(!near.step(StepKind::FollowUpCall).reason.contains("warning"));
}

#[test]
fn no_call_is_planned_for_someone_without_a_phone_number() {
    let mut panel = london();
    panel[0].phones.clear();
    let case = Case::new("2027-03-02T10:00:00Z", panel);
    let email = case.step(StepKind::FollowUpEmail);
    assert!(
        email
            .reason
            .contains("no phone number for Priya Patel: an email instead"),
        "{}",
        email.reason
    );
    assert!(case.plan().iter().all(|s| s.kind != StepKind::FollowUpCall));
}

#[test]
fn follow_ups_keep_off_christmas_week_and_the_friday_after_thanksgiving() {
    // Fri 18 Dec 2026: 5 working days later is Mon 28 Dec (a holiday in England: Boxing
    // Day substitute), so the due day falls in Christmas week; the call moves to the
    // first good day of the new year, a Tuesday.
    let case = Case::new("2026-12-18T10:00:00Z", london());
    let call = case.step(StepKind::FollowUpCall);
    assert_eq!(
        call.start.to_string()[..10],
        *"2027-01-05",
        "{}",
        call.reason
    );
    assert!(
        call.reason.contains("between Christmas Eve and New Year"),
        "{}",
        call.reason
    );

    // Turned off: the plain working-day rule.
    let mut off = Case::new("2026-12-18T10:00:00Z", london());
    off.settings.avoid_seasons = false;
    let call = off.step(StepKind::FollowUpCall);
    assert!(
        call.start.to_string().as_str() < "2027-01-01",
        "{}",
        call.reason
    );

    // A New York interviewer on Thu 19 Nov 2026: 5 working days on (Thanksgiving, Thu 26
    // Nov, a holiday) is Fri 27 Nov, the day after Thanksgiving. With every weekday
    // preferred, only the season moves it: to Mon 30 Nov.
    let ny = vec![contact("con-1", "America/New_York", "us")];
    let mut case = Case::new("2026-11-19T15:00:00Z", ny);
    case.settings.preferred_days = vec![];
    let call = case.step(StepKind::FollowUpCall);
    assert!(
        call.reason.contains("the day after Thanksgiving"),
        "{}",
        call.reason
    );
    assert_eq!(
        call.start.to_string()[..10],
        *"2026-11-30",
        "{}",
        call.reason
    );
}

#[test]
fn a_later_round_takes_the_follow_ups_over() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    assert!(case.plan().iter().any(|s| s.kind == StepKind::FollowUpCall));
    let mut second = case.interview.clone();
    second.id = "int-2".into();
    second.start = ts("2027-03-10T14:00:00Z");
    case.later_round = Some(second);
    let plan = case.plan();
    assert!(
        plan.iter().all(|s| s.kind != StepKind::FollowUpCall),
        "{plan:#?}"
    );
    assert!(
        plan.iter().any(|s| s.kind == StepKind::ThankYou),
        "the thanks still stand"
    );
    let because = superseded_because(&case.input()).unwrap();
    assert!(
        because.contains("a later round (Wed 10 Mar interview)"),
        "{because}"
    );
}

#[test]
fn asking_for_feedback_never_comes_before_their_date() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.log("2027-03-09T10:15:00Z", CallOutcome::Reached);
    case.log("2027-03-16T10:15:00Z", CallOutcome::Reached)
        .decide_by = Some("2027-04-30".parse().unwrap());
    let feedback = case.step(StepKind::Feedback);
    assert!(
        feedback.start >= ts("2027-05-04T00:00:00Z"),
        "Fri 30 Apr + 2 working days (Mon 3 May is a bank holiday): {} ({})",
        feedback.start,
        feedback.reason
    );
    assert!(
        feedback.reason.contains("Fri 30 Apr, the date they gave"),
        "{}",
        feedback.reason
    );
}

#[test]
fn step_keys_come_from_their_cause_so_a_late_logged_call_moves_none() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.log("2027-03-12T10:15:00Z", CallOutcome::NoAnswer);
    let retry = case.step(StepKind::FollowUpCall);
    assert_eq!(retry.key, "retry-call-0");
    // An earlier call, logged afterwards.
    case.log("2027-03-09T10:15:00Z", CallOutcome::Reached);
    assert_eq!(case.step(StepKind::FollowUpCall).key, "retry-call-0");
}

#[test]
fn contacts_count_over_every_round_of_the_application() {
    // Round one: two calls that reached them. Round two's plan counts them.
    let first = {
        let mut case = Case::new("2027-03-02T10:00:00Z", london());
        case.log("2027-03-09T10:15:00Z", CallOutcome::Reached);
        case.log("2027-03-16T10:15:00Z", CallOutcome::Reached);
        History::of_round(&case.interview, &case.calls, &case.done)
    };
    let mut case = Case::new("2027-03-18T10:00:00Z", london());
    case.interview.id = "int-2".into();
    case.other_rounds = first;
    let feedback = case.step(StepKind::Feedback);
    assert!(
        feedback
            .reason
            .contains("2 follow-up(s) made for this application"),
        "{}",
        feedback.reason
    );
    // And the guard counts them too: a third follow-up is one too many.
    let cal = &WorkingDays::new("gb-eng", &[]).unwrap();
    let rules: Vec<&str> = cadence_problems(
        ts("2027-04-06T10:00:00Z"),
        Purpose::FollowUp,
        &case.input(),
        cal,
    )
    .iter()
    .map(|p| p.rule)
    .collect();
    assert_eq!(rules, ["Behaviour.TooMany"]);
}

#[test]
fn a_call_marked_done_by_hand_counts_as_a_contact() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.done
        .push(("follow-up-1".into(), ts("2027-03-09T10:20:00Z")));
    let next = case.step(StepKind::FollowUpCall);
    assert_eq!(next.key, "follow-up-2");
    assert!(
        next.reason.contains("call (marked done)"),
        "{}",
        next.reason
    );
    // Logged as well, it is the same call, counted once.
    case.log("2027-03-09T10:15:00Z", CallOutcome::Reached);
    assert_eq!(case.step(StepKind::FollowUpCall).key, "follow-up-2");
    let history = case.input().history();
    assert_eq!(history.contacts().len(), 1, "{history:?}");
}

#[test]
fn skipping_a_retry_or_a_query_moves_the_plan_on() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    let id = case
        .log("2027-03-09T10:15:00Z", CallOutcome::NoAnswer)
        .id
        .clone();
    case.done
        .push(("follow-up-1".into(), ts("2027-03-09T10:15:00Z")));
    let retry = case.step(StepKind::FollowUpCall);
    assert_eq!(retry.key, format!("retry-{id}"));
    case.skipped.push((retry.key, ts("2027-03-10T09:00:00Z")));
    let next = case.step(StepKind::FollowUpCall);
    assert_eq!(next.key, "follow-up-2", "{}", next.reason);
    assert!(next.reason.contains("skipped"), "{}", next.reason);
}

#[test]
fn the_email_after_a_voicemail_is_not_one_follow_up_too_many_when_cautious() {
    let mut case = Case::new("2027-03-02T10:00:00Z", london());
    case.settings.cadence = Cadence::Cautious;
    case.log("2027-03-09T10:15:00Z", CallOutcome::Voicemail);
    let email = case.step(StepKind::FollowUpEmail);
    let cal = &WorkingDays::new("gb-eng", &[]).unwrap();
    let purpose = Purpose::of_step(&email.kind, &email.key);
    assert_eq!(purpose, Purpose::AfterVoicemail);
    assert!(cadence_problems(email.start, purpose, &case.input(), cal).is_empty());
    // The same moment for a new follow-up: too soon, and one too many.
    let rules: Vec<&str> = cadence_problems(email.start, Purpose::FollowUp, &case.input(), cal)
        .iter()
        .map(|p| p.rule)
        .collect();
    assert_eq!(rules, ["Behaviour.TooSoon", "Behaviour.TooMany"]);
}
