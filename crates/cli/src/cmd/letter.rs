//! `followup letter`: a thank-you letter draft as a PDF to print and post.

use crate::{exit::bad_input, out};
use clap::Args;
use followup_core::compose::{self, Channel, long_date};
use followup_core::model::Locale;
use followup_mail::letter::{Letter, LetterRenderer};
use followup_store::Store;
use std::io::Write;

#[derive(Args)]
pub struct LetterArgs {
    draft_id: String,
    /// Where to write the PDF (- for standard output)
    #[arg(short, long, value_name = "FILE.pdf")]
    output: String,
}

pub fn run(store: &mut Store, args: LetterArgs) -> anyhow::Result<()> {
    let draft = store.draft(&args.draft_id)?;
    if draft.channel != Channel::Letter {
        return Err(bad_input(format!(
            "{} is an {} draft; draft a letter with `followup draft thank-you INTERVIEW_ID --channel letter`",
            draft.id, draft.channel
        )));
    }
    let profile = store.profile()?.unwrap_or_default();
    let us = profile.locale == Locale::EnUs;
    let mut sender = vec![profile.name.clone()];
    sender.extend(
        profile
            .postal_address
            .lines()
            .map(str::to_string)
            .filter(|l| !l.trim().is_empty()),
    );
    sender.extend(
        [profile.phone.clone(), profile.email.clone()]
            .into_iter()
            .filter(|l| !l.trim().is_empty()),
    );
    let mut recipient = Vec::new();
    if let Some(id) = &draft.recipient_id {
        let c = store.contact(id)?;
        let title = compose::title(&c.honorific, us);
        let title = if title.is_empty() {
            title
        } else {
            format!("{title} ")
        };
        recipient.push(format!("{title}{}", c.full_name));
        recipient.extend(
            [c.position.clone(), c.organisation.clone()]
                .into_iter()
                .filter(|l| !l.trim().is_empty()),
        );
        if let Some(address) = &c.address {
            recipient.extend(address.lines().into_iter().map(str::to_string));
        }
    }
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(
            jiff::tz::TimeZone::get(&profile.time_zone).unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date();
    let letter = Letter {
        us,
        sender,
        date: long_date(today, us),
        recipient,
        body: draft.body.clone(),
    };
    let pdf = LetterRenderer::new()
        .render(&letter)
        .map_err(|e| bad_input(e.to_string()))?;
    if args.output == "-" {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&pdf)?;
        return Ok(());
    }
    let path = std::path::Path::new(&args.output);
    let tmp = path.with_extension("pdf.partial");
    std::fs::write(&tmp, &pdf)?;
    std::fs::rename(&tmp, path)?;
    out::line(format!(
        "wrote {} ({} bytes, {}); when it is in the post: `followup step done STEP_ID --posted`",
        path.display(),
        pdf.len(),
        if us { "US Letter" } else { "A4" }
    ))
}
