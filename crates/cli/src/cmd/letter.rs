//! `followup letter`: a thank-you letter draft as a PDF to print and post.

use crate::out;
use clap::Args;
use followup_app::Followup;
use std::io::Write;

#[derive(Args)]
pub struct LetterArgs {
    draft_id: String,
    /// Where to write the PDF (- for standard output)
    #[arg(short, long, value_name = "FILE.pdf")]
    output: String,
}

pub fn run(app: &mut Followup, args: LetterArgs) -> anyhow::Result<()> {
    let draft_id = super::full_id(app, &args.draft_id)?;
    let (pdf, us) = app.letter_pdf(&draft_id)?;
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
