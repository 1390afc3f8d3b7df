//! `followup contact`: interviewers, typed in or imported from vCards.

use super::PageArgs;
use crate::{exit::bad_input, out};
use anyhow::Context;
use clap::{Args, Subcommand};
use followup_app::{ContactChanges, Followup, Target};
use followup_core::model::{Contact, Labelled};
use followup_formats::vcard;
use jiff::Timestamp;

/// Larger files are refused: a card export with photos is rarely over a few megabytes.
const MAX_VCF_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Subcommand)]
pub enum ContactCommand {
    /// Add a contact; prints its id
    Add(Box<AddArgs>),
    /// Delete a contact: it leaves the panels it sat on, and its drafts lose their recipient
    Delete(super::edit::DeleteArgs),
    /// Import a .vcf file (vCard 2.1, 3.0 or 4.0; many cards per file). A card that
    /// matches a contact (same UID, else same email) updates it.
    Import {
        /// The .vcf file, or - for standard input
        file: String,
        /// Import the valid cards even if some are broken (those are listed and skipped)
        #[arg(long)]
        skip_invalid: bool,
    },
    /// List contacts alphabetically
    List {
        #[command(flatten)]
        page: PageArgs,
        #[arg(long)]
        json: bool,
    },
    /// Change a contact's fields (only the ones given)
    Set(Box<SetArgs>),
    /// Show one contact
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Write contacts as vCard 4.0 to standard output
    Export {
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

#[derive(Args)]
pub struct AddArgs {
    /// Full name, e.g. "Priya Patel"
    #[arg(long)]
    name: String,
    #[command(flatten)]
    fields: FieldArgs,
}

#[derive(Args)]
pub struct SetArgs {
    id: String,
    /// Full name
    #[arg(long)]
    name: Option<String>,
    #[command(flatten)]
    fields: FieldArgs,
}

/// The fields `add` and `set` share; on `set`, only the ones given change, and
/// `--email`/`--phone` replace the whole list.
#[derive(Args)]
pub struct FieldArgs {
    /// Honorific: Ms, Mr, Dr, …
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    position: Option<String>,
    #[arg(long)]
    org: Option<String>,
    /// Email address (repeatable; the first is used to write to them)
    #[arg(long = "email")]
    emails: Vec<String>,
    /// Phone number (repeatable)
    #[arg(long = "phone")]
    phones: Vec<String>,
    /// Postal address, parts separated by commas: street, town, postcode, country
    #[arg(long)]
    address: Option<String>,
    /// Their IANA time zone, e.g. Europe/London
    #[arg(long)]
    tz: Option<String>,
    /// The holiday region whose working days they keep, e.g. gb-sct
    #[arg(long)]
    region: Option<String>,
    /// How they like to be contacted: any, email-only, phone-ok [add default: any]
    #[arg(long)]
    channel: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

pub fn run(app: &mut Followup, command: ContactCommand) -> anyhow::Result<()> {
    match command {
        ContactCommand::Add(args) => {
            let args = *args;
            let contact = app.add_contact_with(args.fields.into_changes(Some(args.name)))?;
            out::line(contact.id)
        }
        ContactCommand::Set(args) => {
            let args = *args;
            let id = super::full_id(app, &args.id)?;
            let contact = app.change_contact(&id, args.fields.into_changes(args.name))?;
            out::line(format!("contact {} updated", contact.id))
        }
        ContactCommand::Import { file, skip_invalid } => import(app, &file, skip_invalid),
        ContactCommand::List { page, json } => {
            let contacts = app.contacts(page.page())?;
            if json {
                return out::json(&contacts);
            }
            let rows = contacts
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.full_name.clone(),
                        c.position.clone(),
                        c.organisation.clone(),
                        c.primary_email().unwrap_or_default().to_string(),
                    ]
                })
                .collect();
            out::table(&["id", "name", "position", "organisation", "email"], rows)
        }
        ContactCommand::Delete(args) => super::edit::delete(app, args, Target::Contact),
        ContactCommand::Show { id, json } => {
            let id = super::full_id(app, &id)?;
            let contact = app.contact(&id)?;
            if json {
                return out::json(&contact);
            }
            show(&contact)
        }
        ContactCommand::Export { ids } => {
            let contacts = app.contacts_by_ids(&ids)?;
            let text: String = contacts.iter().map(vcard::write_card).collect();
            out::raw(&text)
        }
    }
}

impl FieldArgs {
    fn into_changes(self, name: Option<String>) -> ContactChanges {
        ContactChanges {
            name,
            title: self.title,
            position: self.position,
            organisation: self.org,
            emails: self.emails,
            phones: self.phones,
            address: self.address,
            time_zone: self.tz,
            region: self.region,
            channel: self.channel,
            notes: self.notes,
        }
    }
}

fn import(app: &mut Followup, file: &str, skip_invalid: bool) -> anyhow::Result<()> {
    let bytes =
        super::read_at_most(file, MAX_VCF_BYTES).with_context(|| format!("cannot read {file}"))?;
    let file = if file == "-" { "<stdin>" } else { file };
    if bytes.len() as u64 > MAX_VCF_BYTES {
        return Err(bad_input(format!(
            "{file}: more than {} MB, larger than a card file should be; split it",
            MAX_VCF_BYTES / (1024 * 1024)
        )));
    }
    let text = followup_formats::decoded_text(&bytes).map_err(|e| super::at(file, &e))?;
    let read = vcard::read_cards(&text, Timestamp::now());
    let failed = read.errors.len();
    super::refuse_unless_skipping(
        file,
        &read.errors,
        skip_invalid,
        "card(s) could not be read",
        &format!("imported: 0, updated: 0, failed: {failed}"),
    )?;
    let cards = read.cards.into_iter().map(|(_, c)| c).collect();
    let counts = app.import_contacts(cards)?;
    out::line(format!(
        "imported: {}, updated: {}, failed: {failed}",
        counts.imported, counts.updated
    ))
}

fn show(c: &Contact) -> anyhow::Result<()> {
    let list = |items: &[Labelled]| {
        items
            .iter()
            .map(|i| match i.labels.is_empty() {
                true => i.value.clone(),
                false => format!("{} ({})", i.value, i.labels.join(", ")),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let name = match c.honorific.is_empty() {
        true => c.full_name.clone(),
        false => format!("{} ({})", c.full_name, c.honorific),
    };
    out::fields(&[
        ("Id", c.id.clone()),
        ("Name", name),
        ("Position", c.position.clone()),
        ("Organisation", c.organisation.clone()),
        ("Email", list(&c.emails)),
        ("Phone", list(&c.phones)),
        (
            "Address",
            c.address
                .as_ref()
                .map(|a| a.lines().join("\n"))
                .unwrap_or_default(),
        ),
        (
            "Time zone",
            followup_core::contact::zone_label(c).unwrap_or_default(),
        ),
        ("Region", c.region.clone().unwrap_or_default()),
        ("Contact by", c.preferred_channel.to_string()),
        ("Notes", c.notes.clone()),
        ("UID", c.uid.clone()),
    ])
}
