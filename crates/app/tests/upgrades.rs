//! Every released schema version's database (the store's committed fixtures) opened by
//! today's engine: migrated on open, every record kept, every interview's plan
//! recomputed by today's planner without losing what the user did (calls, steps done or
//! moved stay), and Today answers.

use followup_app::{Clock, Followup, Options};

fn fixtures() -> Vec<(u32, String)> {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../store/tests/data");
    let mut found: Vec<(u32, String)> = std::fs::read_dir(data)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name()?.to_str()?.to_string();
            let version = name.strip_prefix("release-schema")?.strip_suffix(".db")?;
            Some((version.parse().ok()?, path.display().to_string()))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_schema_version_opens_migrates_and_plans_in_todays_engine() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 8, "{fixtures:?}");
    for (version, path) in fixtures {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("old.db");
        std::fs::copy(&path, &target).unwrap();
        let mut app = Followup::open(&target.display().to_string(), Options::default())
            .unwrap_or_else(|e| panic!("schema {version}: {e}"))
            .with_clock(Clock::fixed("2027-03-03T09:00:00Z".parse().unwrap()));
        let before = app.records().unwrap();
        let replanned = app
            .refresh_plans(None)
            .unwrap_or_else(|e| panic!("schema {version}: plans: {e}"));
        assert_eq!(replanned, before.interviews.len(), "schema {version}");
        let after = app.records().unwrap();
        // Recomputing touches only the plan.
        assert_eq!(after.profile, before.profile, "schema {version}");
        assert_eq!(after.applications, before.applications, "schema {version}");
        assert_eq!(after.contacts, before.contacts, "schema {version}");
        assert_eq!(after.interviews, before.interviews, "schema {version}");
        assert_eq!(after.calls, before.calls, "schema {version}");
        assert_eq!(after.drafts, before.drafts, "schema {version}");
        assert_eq!(after.outbox, before.outbox, "schema {version}");
        for interview in &after.interviews {
            let plan = app.plan(&interview.id).unwrap();
            assert!(
                plan.iter().any(|s| s.key == "thank-you"),
                "schema {version}: {} has a thank-you step: {:?}",
                interview.id,
                plan.iter().map(|s| &s.key).collect::<Vec<_>>()
            );
            // A step the user finished stays finished.
            for old in before
                .steps
                .iter()
                .filter(|s| s.interview_id == interview.id)
            {
                if old.state != followup_core::plan::StepState::Pending {
                    let now = after
                        .steps
                        .iter()
                        .find(|s| s.key == old.key && s.interview_id == old.interview_id);
                    assert_eq!(
                        now.map(|s| &s.state),
                        Some(&old.state),
                        "schema {version}: {} kept its state",
                        old.key
                    );
                }
            }
        }
        let agenda = app.agenda(None, 30, Some(50));
        assert!(agenda.is_ok(), "schema {version}: {:?}", agenda.err());
    }
}
