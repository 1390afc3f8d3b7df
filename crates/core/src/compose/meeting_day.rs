//! The day a draft says you met ("thank you for meeting me on Monday", "when we spoke on
//! Tuesday 2 March"), checked against the interview's day as the reader lived it: a
//! wrong day is a note written for another interview, or a slip the reader sees at once.

use crate::said::{day_number, month};
use crate::tone::{Finding, Level};
use jiff::civil::Date;
use regex::Regex;
use std::sync::OnceLock;

fn said_met_on() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            // Only what looks back at the interview: a verb in the past ("met",
            // "spoke"), thanks or pleasure for it ("for meeting me", "enjoyed speaking",
            // "the time to meet with me", "for your time", "for the interview"), or "our
            // conversation on …"; then a weekday, a date written out ("2 March", "March
            // 2nd"), or both. "Could we talk on Friday?" looks ahead and is not judged.
            r"(?i)\b(?:(?:met|spoke|talked|chatted|interviewed)|(?:(?:for|enjoyed|enjoy|pleasure|great|good|nice|lovely|wonderful)\s+(?:[a-z']+\s+){0,4}?(?:meeting|speaking|talking|chatting|interviewing))|(?:time\s+to\s+(?:meet|speak|talk|chat))|(?:for\s+your\s+time)|(?:for\s+(?:the|our)\s+(?:interview|conversation|meeting|chat|call|discussion))|(?:(?:was|been)\s+(?:(?:so|very|really)\s+)?(?:great|good|nice|lovely|wonderful|a\s+pleasure)\s+to\s+(?:meet|speak|talk|chat))|(?:our\s+(?:conversation|interview|meeting|chat|call|discussion)))(?:\s+(?:with|to))?(?:\s+(?:me|you|us|the\s+team))?\s+(?:on|last)\s+(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?:,?\s+(?:the\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+[a-z]+|[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?\b))?|(?:the\s+)?(?P<only_date>\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+[a-z]+|[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?\b))",
        )
        .expect("a valid pattern")
    })
}

/// Where `text` says you met on a weekday, or a date written out, other than `day`'s
/// (the interview's, in the reader's zone). Offsets are into `text`, the draft as
/// checked.
pub fn meeting_day_findings(text: &str, day: Date) -> Vec<Finding> {
    let weekday = day.strftime("%A").to_string();
    let month_name = day.strftime("%B").to_string();
    let mut out = Vec::new();
    for c in said_met_on().captures_iter(text) {
        let finding = |m: regex::Match, right: String| Finding {
            suggestions: vec![right],
            ..Finding::located(
                "Content.Day",
                Level::Warning,
                format!(
                    "The interview was on {}, not {}: a wrong day reads as a note written \
                     for another interview.",
                    day.strftime("%A %-d %B"),
                    m.as_str()
                ),
                text,
                m.start(),
                m.end(),
            )
        };
        if let Some(m) = c.name("weekday")
            && !m.as_str().eq_ignore_ascii_case(&weekday)
        {
            out.push(finding(m, weekday.clone()));
            continue;
        }
        if let Some(m) = c.name("date").or(c.name("only_date"))
            && let Some((d, m_of_year, day_first)) = written_date(m.as_str())
            && (d, m_of_year) != (day.day(), day.month())
        {
            let right = if day_first {
                format!("{} {month_name}", day.day())
            } else {
                format!("{month_name} {}", day.day())
            };
            out.push(finding(m, right));
        }
    }
    out
}

/// A date written out, "2 March", "the 2nd of March", "March 2nd" (or "Mar 2"): its day,
/// its month, and whether the day came first; None when the word is no month ("2
/// weeks"). The words are read as said.rs reads an employer's dates.
fn written_date(text: &str) -> Option<(i8, i8, bool)> {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("of"))
        .map(|w| w.to_lowercase())
        .collect();
    let [a, b] = words.as_slice() else {
        return None;
    };
    let number = |w: &str| day_number(w.trim_end_matches(|c: char| c.is_ascii_alphabetic()));
    match (number(a), month(b), month(a), number(b)) {
        (Some(d), Some(m), _, _) => Some((d, m, true)),
        (_, _, Some(m), Some(d)) => Some((d, m, false)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_day_you_say_you_met_is_the_interviews() {
        // Tue 2 Mar 2027.
        let day = date(2027, 3, 2);
        for fine in [
            "Thank you for meeting me on Tuesday.",
            "It was good to speak with you on Tuesday 2 March.",
            "I look forward to Thursday.",
            // Looking ahead, not back at the interview.
            "I am free to talk on Friday if that suits.",
            "Could we meet on Friday?",
            "I would be glad to speak with you on Friday.",
            "It would be great to talk on Friday.",
        ] {
            let found = meeting_day_findings(fine, day);
            assert!(found.is_empty(), "{fine}: {found:?}");
        }
        for fine in [
            "Thank you for meeting me on 2 March.",
            "When we spoke on March 2nd, you mentioned the roadmap.",
            "Thank you for your time on Tuesday, 2 March.",
            "Thank you for the interview on the 2nd of March.",
            "Since we met on 2 occasions, I have learnt a lot.",
        ] {
            let found = meeting_day_findings(fine, day);
            assert!(found.is_empty(), "{fine}: {found:?}");
        }
        let found = meeting_day_findings("Thank you for meeting me on 3 March.", day);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].matched, "3 March");
        assert_eq!(found[0].suggestions, vec!["2 March".to_string()]);
        let found = meeting_day_findings("When we spoke on March 9th, you said…", day);
        assert_eq!(found[0].suggestions, vec!["March 2".to_string()]);
        // Shortened as said.rs reads it.
        let found = meeting_day_findings("When we spoke on Mar 9, you said…", day);
        assert_eq!(found[0].matched, "Mar 9");
        let found = meeting_day_findings("Thank you for your time on Tuesday 9 March.", day);
        assert_eq!(found.len(), 1, "the weekday is right, the date is not");
        assert_eq!(found[0].matched, "9 March");
        for slip in [
            "Thank you for taking the time to meet with me on Thursday.",
            "I enjoyed speaking with you on Wednesday.",
            "Since our conversation on Friday, I have thought about the roadmap.",
            "When we spoke on Monday, you mentioned the migration.",
            "Thank you for your time on Monday and for the conversation.",
            "Thank you for the interview on Friday.",
        ] {
            assert_eq!(meeting_day_findings(slip, day).len(), 1, "{slip}");
        }
        let text = "Subject: Thanks\n\nDear Ms Patel,\n\nThank you for meeting me on Monday.";
        let found = meeting_day_findings(text, day);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!((f.line, f.column), (5, 29));
        assert_eq!(f.matched, "Monday");
        assert_eq!(f.suggestions, vec!["Tuesday".to_string()]);
        assert!(f.message.contains("Tuesday 2 March"), "{}", f.message);
        assert_eq!(
            meeting_day_findings("It was great to chat with you last Friday.", day).len(),
            1
        );
    }
}
