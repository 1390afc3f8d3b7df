//! What is the candidate's own and what they wrote for the reader, per interview: the
//! inputs of the privacy check (`followup_core::private`) and of a draft's sources.

use crate::{Followup, Result};
use followup_core::private::{self, Passage};
use followup_core::tone::Finding;

/// An interview's texts, by who may read them.
pub(crate) struct Inputs {
    /// Notes, points to clarify, call notes, notes on the panel: never sent.
    pub private: Vec<Passage>,
    /// Mentions, offers and skill evidence: written to be read.
    pub public: Vec<Passage>,
}

impl Inputs {
    /// Every input, public first, for telling where a sentence came from.
    pub fn all(&self) -> Vec<Passage> {
        self.public.iter().chain(&self.private).cloned().collect()
    }

    /// Runs of a private note's words in `text`.
    pub fn leaks(&self, text: &str) -> Vec<Finding> {
        let public: Vec<&str> = self.public.iter().map(|p| p.text.as_str()).collect();
        private::leaks(text, &self.private, &public)
    }
}

impl Followup {
    pub(crate) fn inputs_of(&mut self, interview_id: &str) -> Result<Inputs> {
        let interview = self.store.interview(interview_id)?;
        let mut private = vec![Passage::new("your interview notes", &interview.notes)];
        for p in &interview.points_to_clarify {
            private.push(Passage::new("a point to clarify", p));
        }
        for call in self.store.calls(interview_id)? {
            private.push(Passage::new("your notes on a call", call.note));
        }
        for c in self.store.contacts_by_ids(&interview.interviewer_ids)? {
            private.push(Passage::new(
                format!("your notes on {}", c.full_name),
                c.notes,
            ));
        }
        let mut public = Vec::new();
        for m in &interview.mentions {
            public.push(Passage::new("your mention", m));
        }
        for o in &interview.offers {
            public.push(Passage::new("your offer to say more", o));
        }
        for s in self.store.profile()?.unwrap_or_default().skills {
            public.push(Passage::new(
                format!("your evidence for {}", s.name),
                s.evidence,
            ));
        }
        private.retain(|p| !p.text.trim().is_empty());
        Ok(Inputs { private, public })
    }

    /// The privacy check for a text about to go to this interview's employer: runs of
    /// six or more words from a private note (errors).
    pub fn privacy_findings(&mut self, interview_id: &str, text: &str) -> Result<Vec<Finding>> {
        Ok(self.inputs_of(interview_id)?.leaks(text))
    }
}
