//! `followup dev seed`: a large, realistic database for the benchmarks in `bench/`.
//! Hidden from help: it writes made-up people into whatever database it is given.

use crate::{exit::bad_input, out};
use clap::Subcommand;
use followup_app::Followup;
use followup_core::model::*;
use jiff::{Timestamp, ToSpan};

#[derive(Subcommand)]
pub enum DevCommand {
    /// Fill an empty database with made-up applications, contacts and interviews
    Seed {
        #[arg(long, default_value_t = 100_000)]
        applications: usize,
        #[arg(long, default_value_t = 200_000)]
        interviews: usize,
        #[arg(long, default_value_t = 300_000)]
        contacts: usize,
        /// Plan this many of the latest interviews (two steps or so each)
        #[arg(long, default_value_t = 25_000)]
        planned: usize,
    },
    /// Render N letters in one process: time per letter and peak memory (bench/run)
    Letters {
        #[arg(long, default_value_t = 1000)]
        count: usize,
    },
}

const COMPANIES: &[&str] = &[
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wonka", "Stark",
];
const ROLES: &[&str] = &[
    "Platform Engineer",
    "SRE",
    "Data Engineer",
    "Backend Developer",
    "Engineering Manager",
];
const GIVEN: &[&str] = &[
    "Priya", "Tom", "Ann", "Zoë", "Sam", "Li", "Omar", "Grace", "Ivan", "Nia",
];
const FAMILY: &[&str] = &[
    "Patel",
    "Jones",
    "Lee",
    "Ångström",
    "Smith",
    "Chen",
    "Haddad",
    "Hopper",
    "Petrov",
    "Okafor",
];
const ZONES: &[(&str, &str)] = &[
    ("Europe/London", "gb-eng"),
    ("Europe/London", "gb-sct"),
    ("America/New_York", "us"),
    ("Europe/Berlin", "de"),
];

pub fn run(app: &mut Followup, command: DevCommand) -> anyhow::Result<()> {
    let (applications, interviews, contacts, planned) = match command {
        DevCommand::Seed {
            applications,
            interviews,
            contacts,
            planned,
        } => (applications, interviews, contacts, planned),
        DevCommand::Letters { count } => return letters(count),
    };
    if interviews > 0 && (applications == 0 || contacts == 0) {
        return Err(bad_input("interviews need applications and contacts"));
    }
    let records = generate(applications, interviews, contacts);
    let latest: Vec<String> = records
        .interviews
        .iter()
        .rev()
        .take(planned)
        .map(|i| i.id.clone())
        .collect();
    app.dev_seed(&records, &latest)?;
    out::line(format!(
        "seeded: {applications} applications, {contacts} contacts, {interviews} interviews, {} planned",
        latest.len()
    ))
}

fn generate(applications: usize, interviews: usize, contacts: usize) -> Records {
    // Interviews two minutes apart, ending four weeks from now: the latest ones (the
    // planned ones) have steps overdue, due today and upcoming, as a real user's would.
    let now = Timestamp::now().as_second();
    let base =
        Timestamp::from_second(now - interviews as i64 * 120 + 28 * 86_400).expect("in range");
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let pick = |n: u64, list_len: usize| (n % list_len as u64) as usize;
    let apps = (0..applications)
        .map(|i| {
            let n = next();
            let at = base + (i as i64 * 300).seconds();
            Application {
                id: format!("app-seed{i:07}"),
                company: format!("{} {}", COMPANIES[pick(n, COMPANIES.len())], i % 997),
                role: ROLES[pick(n >> 8, ROLES.len())].into(),
                job_description: "We run Kubernetes and Rust services; on-call shared.".into(),
                source_url: String::new(),
                documents: vec![],
                status: ApplicationStatus::Applied,
                applied_on: None,
                created_at: at,
                updated_at: at,
            }
        })
        .collect();
    let people = (0..contacts)
        .map(|i| {
            let n = next();
            let (zone, region) = ZONES[pick(n >> 16, ZONES.len())];
            let given = GIVEN[pick(n, GIVEN.len())];
            let family = FAMILY[pick(n >> 8, FAMILY.len())];
            let mut c = Contact::named(&format!("{given} {family}"), base);
            c.id = format!("con-seed{i:07}");
            c.uid = format!("urn:followup:seed:{i}");
            c.emails = vec![Labelled::plain(format!(
                "{}.{i}@example.test",
                given.to_lowercase()
            ))];
            c.time_zone = Some(zone.into());
            c.region = Some(region.into());
            c
        })
        .collect();
    let meetings = (0..interviews)
        .map(|i| {
            let n = next();
            let at = base + (i as i64 * 120).seconds();
            Interview {
                id: format!("int-seed{i:07}"),
                application_id: format!("app-seed{:07}", pick(n, applications)),
                start: at,
                time_zone: "Europe/London".into(),
                duration_minutes: 45,
                format: InterviewFormat::Video,
                location: String::new(),
                interviewer_ids: vec![format!("con-seed{:07}", pick(n >> 20, contacts))],
                notes: String::new(),
                points_to_clarify: vec![],
                mentions: vec![],
                offers: vec![],
                panellists: vec![],
                timeline: String::new(),
                decide_by: None,
                status: InterviewStatus::Held,
                created_at: at,
                updated_at: at,
            }
        })
        .collect();
    Records {
        profile: None,
        applications: apps,
        contacts: people,
        interviews: meetings,
        ..Records::default()
    }
}

/// Renders `count` letters with one renderer, as a long-running server would, and
/// reports the time per letter and the peak resident memory after 10 and after all.
fn letters(count: usize) -> anyhow::Result<()> {
    use followup_mail::letter::{Letter, LetterRenderer};
    let renderer = LetterRenderer::new();
    let letter = |i: usize| {
        Letter {
        us: i % 2 == 1,
        sender: vec!["Sam Carter".into(), "12 Mill Lane".into(), "Leeds LS2 9JT".into()],
        date: "2 March 2027".into(),
        recipient: vec![format!("Ms Priya Patel {i}"), "Acme Ltd".into(), "1 Canal Street".into()],
        body: "Dear Ms Patel,\n\nThank you for meeting me on Tuesday to discuss the role.\n\nI would be glad to send anything further.\n\nYours sincerely,\n\nSam Carter\n".into(),
    }
    };
    let start = std::time::Instant::now();
    let mut early_peak = 0;
    for i in 0..count {
        renderer
            .render(&letter(i))
            .map_err(|e| anyhow::anyhow!(e.to_string()))?;
        if i == 9 {
            early_peak = peak_rss_kb();
        }
    }
    let elapsed = start.elapsed();
    out::line(format!(
        "letters: {count} in {:.2} s ({:.1} ms each); peak RSS after 10: {early_peak} KB, after {count}: {} KB",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / count.max(1) as f64,
        peak_rss_kb()
    ))
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.to_string())
        })
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
