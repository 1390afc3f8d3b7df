//! What a template sees: the variables of `VARIABLES`, with the locale's choices made here
//! in Rust (salutation and closing, titles, dates in the local order) and skills as
//! first-person sentences.

use super::ComposeInput;
use crate::model::Locale;
use crate::wording;
use jiff::civil::Date;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct SkillOut<'a> {
    name: &'a str,
    in_sentence: String,
    evidence: String,
    said: String,
    clause: String,
    on_it: String,
}

/// The template variables for `input` (see `VARIABLES`).
pub fn context(input: &ComposeInput) -> Value {
    let locale = &input.profile.locale;
    let us = *locale == Locale::EnUs;
    let day = input.interview.day_for(input.recipient);
    let named = input
        .recipient
        .filter(|c| !c.family_name.is_empty() || !c.full_name.is_empty());
    let salutation = match named {
        Some(c) => {
            let title = title(&c.honorific, us);
            let name = match (title.is_empty(), c.family_name.is_empty()) {
                (false, false) => format!("{title} {}", c.family_name),
                _ => c.full_name.clone(),
            };
            format!("Dear {name}{}", if us { ":" } else { "," })
        }
        None if us => "Dear Hiring Manager:".into(),
        None => "Dear Sir or Madam,".into(),
    };
    let closing = match (us, named.is_some()) {
        (true, _) => "Sincerely,",
        (false, true) => "Yours sincerely,",
        (false, false) => "Yours faithfully,",
    };
    // The interview's notes and points to clarify are private: nothing here reads them.
    let skills: Vec<SkillOut> = input
        .skills
        .iter()
        .map(|s| {
            let said = wording::first_person(&s.evidence);
            SkillOut {
                name: &s.name,
                in_sentence: wording::mid_sentence(&s.name),
                evidence: sentence(&s.evidence),
                clause: wording::clause(&said),
                on_it: wording::on_skill(&s.name, &said),
                said,
            }
        })
        .collect();
    let their_region = input.recipient.and_then(|c| c.region.as_deref());
    let my_region = input.profile.region.as_str();
    let decide_by = input.interview.decide_by;
    let situation = &input.situation;
    // What the candidate noted for this panellist is written for them (not private).
    let noted = input
        .recipient
        .and_then(|c| input.interview.panellist(&c.id));
    minijinja::context! {
        salutation => salutation,
        closing => closing,
        role => input.application.role.trim(),
        company => input.application.company.trim(),
        when => format!("on {}", long_day(day, us)),
        today => long_date(input.today, us),
        us => us,
        mentions => input.interview.mentions.clone(),
        offers => input.interview.offers.clone(),
        skills => Value::from(minijinja::value::Serde(&skills)),
        their_date => decide_by.map(|d| long_date_without_year(d, us)).unwrap_or_default(),
        their_date_passed => decide_by.is_some_and(|d| d < input.today),
        position => input.recipient.map(|c| c.position.trim().to_string()).unwrap_or_default(),
        their_work => noted.map(|p| wording::for_reader(&p.works_on)).unwrap_or_default(),
        their_part => noted.map(|p| wording::for_reader(&p.part)).unwrap_or_default(),
        others => situation.others.clone(),
        round => situation.round.max(1),
        callback => situation.callback,
        after => situation.after.clone(),
        email_when => email_when(input.today, situation.email_after_voicemail, us),
        // Their number as you dial it from where you are ("+1 212 555-0147" from Sydney).
        their_phone => input
            .recipient
            .and_then(|c| c.phones.first())
            .map(|p| match their_region {
                Some(theirs) => wording::dialable(&p.value, theirs, Some(my_region)),
                None => p.value.trim().to_string(),
            })
            .unwrap_or_default(),
        your_time => situation.your_time.clone().unwrap_or_default(),
        seed => input.interview.id.clone(),
        turn => situation.turn,
        my_name => input.profile.name.trim(),
        my_phone => wording::dialable(&input.profile.phone, my_region, their_region),
        my_email => input.profile.email.trim(),
        recipient_name => input.recipient.map(|c| c.full_name.clone()).unwrap_or_default(),
        recipient_first => input.recipient.map(|c| c.given_name.clone()).unwrap_or_default(),
        their_time => input.their_time.clone().unwrap_or_default(),
    }
}

/// When the email after a voicemail left on `left` would go, as the voicemail says it:
/// "in a few days" while that is so, else the day, so the voicemail promises only what
/// the plan will do (over Christmas the email waits until the new year).
fn email_when(left: Date, email: Option<Date>, us: bool) -> String {
    match email {
        Some(day) if (day - left).get_days() > 5 => format!("on {}", long_day(day, us)),
        _ => "in a few days".into(),
    }
}

/// "Ms" in Britain, "Ms." in the US; empty stays empty.
pub fn title(honorific: &str, us: bool) -> String {
    let bare = honorific.trim().trim_end_matches('.');
    if bare.is_empty() {
        String::new()
    } else if us {
        format!("{bare}.")
    } else {
        bare.to_string()
    }
}

/// "Tuesday 2 March" / "Tuesday, March 2"
fn long_day(d: Date, us: bool) -> String {
    if us {
        d.strftime("%A, %B %-d").to_string()
    } else {
        d.strftime("%A %-d %B").to_string()
    }
}

/// "6 November" / "November 6"
fn long_date_without_year(d: Date, us: bool) -> String {
    if us {
        d.strftime("%B %-d").to_string()
    } else {
        d.strftime("%-d %B").to_string()
    }
}

/// "9 April 2027" / "April 9, 2027"
pub fn long_date(d: Date, us: bool) -> String {
    if us {
        d.strftime("%B %-d, %Y").to_string()
    } else {
        d.strftime("%-d %B %Y").to_string()
    }
}

/// Text as a sentence: trimmed, ending with a full stop.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}
