//! Skill matching for a second kind of candidate: a data and business analyst, whose
//! skills are tools, methods and ways of working ("Excel", "Statistics", "Stakeholder
//! management") rather than the engineering profile's technologies. 24 real adverts
//! (tests/data/adverts-analyst.txt: LinkedIn postings for analyst roles, taken at fixed
//! offsets of a public dataset, source kept), each labelled with the two skills a careers
//! adviser would have this candidate name, set on reading before the matcher first ran on
//! them. The profile was written before the adverts were read. First looks: 11 of 24 (the
//! matcher as it stood), then, on batches from two more sources collected after each
//! round of changes, 9 of 17 and 11 of 18 (0.61), and on data scientist postings from a
//! fourth, 3 of 7: over the three later batches, 23 of 42 (0.55), the honest figure for
//! an analyst's adverts the matcher was not developed on.

mod adverts;

use followup_core::model::Skill;

/// An analyst with sixteen skills, one line of evidence each, and the few aliases a user
/// would think to add.
fn profile() -> Vec<Skill> {
    let s = adverts::skill;
    vec![
        s(
            "SQL",
            &[],
            "Wrote the SQL behind our weekly revenue reporting.",
        ),
        s(
            "Python",
            &["pandas"],
            "Automated our churn analysis in Python with pandas.",
        ),
        s(
            "R",
            &[],
            "Fitted mixed-effects models in R for the research team.",
        ),
        s(
            "Excel",
            &["spreadsheets"],
            "Kept the pricing model in Excel, with macros for the finance team.",
        ),
        s(
            "Tableau",
            &[],
            "Built the Tableau dashboards the sales team uses every day.",
        ),
        s(
            "Power BI",
            &[],
            "Moved finance reporting from spreadsheets to Power BI.",
        ),
        s(
            "Statistics",
            &["statistical analysis", "regression"],
            "Built regression models to explain price sensitivity.",
        ),
        s(
            "A/B testing",
            &["experimentation"],
            "Designed and analysed 30+ pricing experiments.",
        ),
        s(
            "Forecasting",
            &[],
            "Built the demand forecast the supply team plans against.",
        ),
        s(
            "Data visualisation",
            &[],
            "Redesigned the board pack's charts so trends read at a glance.",
        ),
        s(
            "Stakeholder management",
            &["presenting"],
            "Presented monthly findings to the leadership team.",
        ),
        s(
            "Machine learning",
            &[],
            "Trained a churn model with scikit-learn.",
        ),
        s(
            "Google Analytics",
            &[],
            "Set up Google Analytics 4 tracking for the marketing site.",
        ),
        s(
            "Financial modelling",
            &[],
            "Built the three-statement model behind our budget.",
        ),
        s(
            "ETL",
            &["data pipelines"],
            "Built the nightly ETL jobs that load sales data into the warehouse.",
        ),
        s(
            "Project management",
            &[],
            "Ran the rollout of a new CRM across three offices.",
        ),
    ]
}

#[test]
fn an_analysts_pair_on_real_analyst_adverts() {
    held_to(
        "first batch",
        include_str!("data/adverts-analyst.txt"),
        24,
        17,
    );
}

/// A second batch from another source (tests/data/adverts-analyst-2.txt: Glassdoor
/// postings, 2020), collected and labelled after every change the first batch led to, and
/// scored before any change for it (9 of 17). It reached 10, and is held to 9 since the
/// eighth engineering batch: "Advanced knowledge of Microsoft Excel" now counts above the
/// other requirements, and the HR analyst advert whose pair is one of Tableau and data
/// visualisation and one of Excel and statistics gets Excel and statistics.
#[test]
fn an_analysts_pair_on_a_second_batch_from_another_source() {
    held_to(
        "second batch",
        include_str!("data/adverts-analyst-2.txt"),
        17,
        9,
    );
}

/// A third batch from a third source (tests/data/adverts-analyst-3.txt: Indeed postings,
/// 2019), collected and labelled after every change the first two led to, and scored
/// before any change for it (11 of 18): the figure for analyst adverts the matcher was not
/// developed on.
#[test]
fn an_analysts_pair_on_a_third_batch_from_a_third_source() {
    held_to(
        "third batch",
        include_str!("data/adverts-analyst-3.txt"),
        18,
        11,
    );
}

/// A fourth batch from a fourth source (tests/data/adverts-analyst-4.txt: data scientist
/// postings, Indeed, 2018), collected and labelled after the eighth engineering batch's
/// changes, and scored before any change for it: 3 of 7. Three general changes followed
/// from its misses: "and/or" between two skills offers a choice ("statistical and/or
/// machine learning backgrounds"), a skill of two words is found in a list of choices
/// ("one or more of: regression, … or machine learning"), and a stressed familiarity
/// ("Deep familiarity with statistical models") is no bonus. With them, 5 of 7; every
/// other batch kept its figure.
#[test]
fn an_analysts_pair_on_a_fourth_batch_of_data_scientist_adverts() {
    held_to(
        "fourth batch",
        include_str!("data/adverts-analyst-4.txt"),
        7,
        5,
    );
}

/// `len` adverts in `data`, the adviser's pair in the top two for at least `at_least`.
fn held_to(batch: &str, data: &str, len: usize, at_least: usize) {
    let adverts = adverts::parse(data);
    assert_eq!(adverts.len(), len);
    let (hits, misses) = adverts::score(&profile(), &adverts);
    println!(
        "skill matching for an analyst, {batch}: {hits}/{len}\n{}",
        misses.join("\n")
    );
    assert!(hits >= at_least, "{hits}/{len}:\n{}", misses.join("\n"));
}
