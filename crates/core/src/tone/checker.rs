//! The checker: the shipped rules compiled once per process, the user's switches over
//! them (rules off, accepted words, their own rules), and a check that runs every rule
//! over a message (on every core for a long one) and then the reading of the message as
//! a whole (`overall`).

use super::text::Text;
use super::{Finding, Level, Rule, RuleError, overall};

/// A set of rules with the user's switches applied.
#[derive(Debug, Default)]
pub struct Checker {
    pub rules: Vec<Rule>,
    /// Words or phrases the user accepts: a finding whose matched text contains one of
    /// them is dropped (accepting "ASAP" accepts "respond ASAP").
    pub accept: Vec<String>,
    /// The reading of a message as a whole (`Tone.Overall`), when on.
    pub overall: Option<&'static overall::Model>,
}

/// The rule files Followup ships, as (id, YAML).
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "Desperate.Begging",
        include_str!("../../../../data/styles/Desperate/Begging.yml"),
    ),
    (
        "Desperate.OutOfWork",
        include_str!("../../../../data/styles/Desperate/OutOfWork.yml"),
    ),
    (
        "Desperate.Despair",
        include_str!("../../../../data/styles/Desperate/Despair.yml"),
    ),
    (
        "Pushy.Ultimatum",
        include_str!("../../../../data/styles/Pushy/Ultimatum.yml"),
    ),
    (
        "Pushy.Scheduling",
        include_str!("../../../../data/styles/Pushy/Scheduling.yml"),
    ),
    (
        "Pushy.RepeatedContact",
        include_str!("../../../../data/styles/Pushy/RepeatedContact.yml"),
    ),
    (
        "Pushy.Insult",
        include_str!("../../../../data/styles/Pushy/Insult.yml"),
    ),
    (
        "Pushy.Profanity",
        include_str!("../../../../data/styles/Pushy/Profanity.yml"),
    ),
    (
        "Pushy.Sarcasm",
        include_str!("../../../../data/styles/Pushy/Sarcasm.yml"),
    ),
    (
        "Pushy.Resentment",
        include_str!("../../../../data/styles/Pushy/Resentment.yml"),
    ),
    (
        "Pushy.Accusatory",
        include_str!("../../../../data/styles/Pushy/Accusatory.yml"),
    ),
    (
        "Pushy.Impatience",
        include_str!("../../../../data/styles/Pushy/Impatience.yml"),
    ),
    (
        "Pushy.Presumptive",
        include_str!("../../../../data/styles/Pushy/Presumptive.yml"),
    ),
    (
        "Pushy.HardSell",
        include_str!("../../../../data/styles/Pushy/HardSell.yml"),
    ),
    (
        "Pushy.Capitals",
        include_str!("../../../../data/styles/Pushy/Capitals.yml"),
    ),
    (
        "Pushy.Curt",
        include_str!("../../../../data/styles/Pushy/Curt.yml"),
    ),
    (
        "Careless.Shorthand",
        include_str!("../../../../data/styles/Careless/Shorthand.yml"),
    ),
    (
        "Careless.LowercaseI",
        include_str!("../../../../data/styles/Careless/LowercaseI.yml"),
    ),
    (
        "Careless.Emoticon",
        include_str!("../../../../data/styles/Careless/Emoticon.yml"),
    ),
    (
        "Undermining.Apology",
        include_str!("../../../../data/styles/Undermining/Apology.yml"),
    ),
    (
        "Undermining.SelfDoubt",
        include_str!("../../../../data/styles/Undermining/SelfDoubt.yml"),
    ),
    (
        "Undermining.OverApologetic",
        include_str!("../../../../data/styles/Undermining/OverApologetic.yml"),
    ),
    (
        "Undermining.Hedge",
        include_str!("../../../../data/styles/Undermining/Hedge.yml"),
    ),
    (
        "Tone.Intensifiers",
        include_str!("../../../../data/styles/Tone/Intensifiers.yml"),
    ),
    (
        "Tone.Exclamations",
        include_str!("../../../../data/styles/Tone/Exclamations.yml"),
    ),
    (
        "Length.Long",
        include_str!("../../../../data/styles/Length/Long.yml"),
    ),
    (
        "Length.TooLong",
        include_str!("../../../../data/styles/Length/TooLong.yml"),
    ),
    (
        "Subject.Vague",
        include_str!("../../../../data/styles/Subject/Vague.yml"),
    ),
    (
        "Subject.Urgent",
        include_str!("../../../../data/styles/Subject/Urgent.yml"),
    ),
    (
        "Letter.SirOrMadamSincerely",
        include_str!("../../../../data/styles/Letter/SirOrMadamSincerely.yml"),
    ),
    (
        "Letter.NamedFaithfully",
        include_str!("../../../../data/styles/Letter/NamedFaithfully.yml"),
    ),
];

impl Checker {
    /// The shipped rules.
    ///
    /// They are compiled once per process (most of a one-line `check`) and shared by every
    /// checker made after: the web app and a draft command ask for one per request.
    pub fn built_in() -> Checker {
        static SHIPPED: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
        let rules = SHIPPED
            .get_or_init(|| {
                in_parallel(BUILT_IN, |(id, yaml)| Rule::parse(id, yaml))
                    .into_iter()
                    .map(|rule| rule.expect("shipped rules parse (tested)"))
                    .collect()
            })
            .clone();
        Checker {
            rules,
            accept: Vec::new(),
            overall: Some(overall::Model::shipped()),
        }
    }

    /// Adds user rules (a rule with the id of a shipped one replaces it); returns the
    /// files that could not be used, so the others still load.
    pub fn add_rules(&mut self, files: &[(String, String)]) -> Vec<RuleError> {
        let mut errors = Vec::new();
        for rule in in_parallel(files, |(id, yaml)| Rule::parse(id, yaml)) {
            match rule {
                Ok(rule) => {
                    self.rules.retain(|r| r.id != rule.id);
                    self.rules.push(rule);
                }
                Err(e) => errors.push(e),
            }
        }
        errors
    }

    /// Turns rules off by id ("Tone.Intensifiers") or by family ("Tone"); the reading of
    /// the message as a whole goes with "Tone.Overall" or "Tone".
    /// The names in `names` that are neither a rule's id nor a family this checker has (so
    /// turning them off would do nothing), with the families there are.
    pub fn unknown_names<'a>(&self, names: &'a [String]) -> (Vec<&'a str>, Vec<&str>) {
        let mut families: Vec<&str> = self
            .rules
            .iter()
            .filter_map(|r| r.id.split('.').next())
            .chain(overall::RULE.split('.').next())
            .collect();
        families.sort_unstable();
        families.dedup();
        let known = |n: &str| {
            n == overall::RULE || families.contains(&n) || self.rules.iter().any(|r| r.id == n)
        };
        let unknown = names
            .iter()
            .map(|n| n.as_str())
            .filter(|n| !known(n))
            .collect();
        (unknown, families)
    }

    pub fn disable(&mut self, names: &[String]) {
        let named = |id: &str| {
            names
                .iter()
                .any(|n| id == n || id.split('.').next() == Some(n.as_str()))
        };
        self.rules.retain(|r| !named(&r.id));
        if named(overall::RULE) {
            self.overall = None;
        }
    }

    /// Every finding in `text` for `locale` ("en-GB", "en-US"), in text order.
    pub fn check(&self, text: &str, locale: &str) -> Vec<Finding> {
        // Read with its disguises undone ("id\u{200b}iots", "bullsh1t"); findings point
        // back at what was written.
        let unmasked = super::disguise::unmask(text);
        let written = text;
        let text = unmasked.as_ref().map_or(written, |u| u.text.as_str());
        let parsed = Text::new(text);
        let rules: Vec<&Rule> = self.rules.iter().filter(|r| r.applies_to(locale)).collect();
        let check_one = |rule: &&Rule| {
            let mut found = Vec::new();
            rule.check(&parsed, &mut found);
            found
        };
        // A short text is checked on this thread: starting threads would cost more.
        let mut out: Vec<Finding> = if text.len() < PARALLEL_FROM {
            rules.iter().flat_map(check_one).collect()
        } else {
            in_parallel(&rules, check_one)
                .into_iter()
                .flatten()
                .collect()
        };
        let accepted: Vec<String> = self.accept.iter().map(|a| a.to_lowercase()).collect();
        let not_accepted = |f: &Finding| {
            let matched = f.matched.to_lowercase();
            !accepted.iter().any(|a| matched.contains(a.as_str()))
        };
        // What the user accepts is gone before the reading as a whole asks whether a tone
        // rule has already spoken, and the reading's own finding is subject to it too.
        out.retain(not_accepted);
        if let Some(model) = self.overall {
            read_as_a_whole(model, &parsed, &mut out);
            out.retain(not_accepted);
        }
        if let Some(u) = &unmasked {
            u.restore(&mut out, written);
            // Only a text with something undone can hold an invisible character.
            out.extend(super::hidden::findings(written));
        }
        out.sort_by(|a, b| (a.start, a.rule.as_str()).cmp(&(b.start, b.rule.as_str())));
        out
    }
}

/// Families whose findings are about tone, which the reading as a whole speaks to.
const TONE_FAMILIES: &[&str] = &["Desperate", "Pushy", "Undermining", "Tone"];

/// Whether a rule (by id, "Pushy.Accusatory") is about tone: its warnings are what a
/// courteous reading lowers, and what makes the reading of meaning unnecessary.
pub fn is_about_tone(rule: &str) -> bool {
    TONE_FAMILIES.contains(&rule.split('.').next().unwrap_or(""))
}

/// Adds `Tone.Overall` when the model reads the message as bad and no tone rule has
/// said so at warning level or above; lowers tone warnings to suggestions when it reads
/// as courteous as the clean messages it learned from. Errors are never lowered.
fn read_as_a_whole(model: &overall::Model, text: &Text, out: &mut Vec<Finding>) {
    let about_tone = |f: &Finding| is_about_tone(&f.rule);
    let spoken = out
        .iter()
        .any(|f| f.level >= Level::Warning && about_tone(f));
    let Some(verdict) = model.read(text, spoken) else {
        return;
    };
    match verdict {
        overall::Verdict::ReadsBad => {
            if !spoken {
                out.push(model.finding(text));
            }
        }
        overall::Verdict::ReadsCourteous => {
            for f in out.iter_mut().filter(|f| {
                f.level == Level::Warning
                    && about_tone(f)
                    && model.sentences_read_courteous(text, f.start, f.end)
            }) {
                f.level = Level::Suggestion;
                f.message.push_str(
                    " (Read as a whole, the message sounds courteous, so this is a suggestion.)",
                );
            }
        }
        overall::Verdict::Undecided => {}
    }
}

/// Texts at least this long (bytes) are checked with a thread per core.
pub(super) const PARALLEL_FROM: usize = 64 * 1024;

/// `work` applied to each item, spread over the machine's cores; results in item order.
/// Compiling the shipped rules is most of what a one-line `check` costs, and the rules
/// are independent, so two cores take about half the time. Each thread takes the next
/// item not yet taken, so one large rule does not leave the other cores idle.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(&work).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, work(item)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(take)).collect();
        let mut done = take();
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        done
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests;
