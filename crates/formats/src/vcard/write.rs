//! A contact written as a vCard 4.0 card.

use crate::text::{escape, fold_into};
use followup_core::model::Contact;

/// The contact as a vCard 4.0 card (RFC 6350): escaped, folded at 75 octets, CRLF lines.
/// Region and preferred channel travel as X- properties so our own cards round-trip.
pub fn write_card(c: &Contact) -> String {
    let mut lines: Vec<String> = vec!["BEGIN:VCARD".into(), "VERSION:4.0".into()];
    lines.push(format!("UID:{}", escape(&c.uid)));
    lines.push(format!("FN:{}", escape(&c.full_name)));
    lines.push(format!(
        "N:{};{};;{};",
        escape(&c.family_name),
        escape(&c.given_name),
        escape(&c.honorific)
    ));
    if !c.position.is_empty() {
        lines.push(format!("TITLE:{}", escape(&c.position)));
    }
    if !c.organisation.is_empty() {
        lines.push(format!("ORG:{}", escape(&c.organisation)));
    }
    for e in &c.emails {
        lines.push(format!(
            "EMAIL{}:{}",
            type_param(&e.labels),
            escape(&e.value)
        ));
    }
    for p in &c.phones {
        lines.push(format!("TEL{}:{}", type_param(&p.labels), escape(&p.value)));
    }
    if let Some(a) = &c.address {
        let joined: Vec<String> = a.parts().iter().map(|p| escape(p)).collect();
        lines.push(format!("ADR:{}", joined.join(";")));
    }
    if let Some(tz) = &c.time_zone {
        lines.push(format!("TZ:{}", escape(tz)));
    }
    if !c.notes.is_empty() {
        lines.push(format!("NOTE:{}", escape(&c.notes)));
    }
    if let Some(region) = &c.region {
        lines.push(format!("X-FOLLOWUP-REGION:{}", escape(region)));
    }
    lines.push(format!("X-FOLLOWUP-CHANNEL:{}", c.preferred_channel));
    lines.push(format!("REV:{}", c.updated_at.strftime("%Y%m%dT%H%M%SZ")));
    lines.push("END:VCARD".into());
    let mut out = String::new();
    for line in lines {
        fold_into(&mut out, &line);
    }
    out
}

fn type_param(labels: &[String]) -> String {
    let safe: Vec<&str> = labels
        .iter()
        .map(|l| l.as_str())
        .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .collect();
    if safe.is_empty() {
        String::new()
    } else {
        format!(";TYPE={}", safe.join(","))
    }
}
