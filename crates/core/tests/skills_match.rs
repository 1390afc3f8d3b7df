//! Skill matching against job descriptions written for Followup, each with the two skills
//! a careers adviser would pick from the same profile. Bar: the top two contain the
//! expected pair in at least 80% of cases.

mod adverts;

use followup_core::model::Skill;
use followup_core::skills::rank;

fn profile() -> Vec<Skill> {
    let s = adverts::skill;
    vec![
        s(
            "Kubernetes",
            &["k8s"],
            "Moved 40 services onto Kubernetes with zero downtime.",
        ),
        s(
            "Rust",
            &[],
            "Wrote the billing engine in Rust, handling two million invoices a month.",
        ),
        s(
            "Python",
            &[],
            "Built data pipelines in Python for the analytics team.",
        ),
        s(
            "PostgreSQL",
            &["postgres"],
            "Tuned PostgreSQL queries that cut report times from minutes to seconds.",
        ),
        s(
            "Terraform",
            &["infrastructure as code"],
            "Managed our cloud estate as code with Terraform modules.",
        ),
        s(
            "AWS",
            &["Amazon Web Services"],
            "Ran production on AWS: EC2, RDS and Lambda.",
        ),
        s(
            "CI/CD",
            &["continuous delivery"],
            "Built the release pipeline that took deployments from weekly to daily.",
        ),
        s(
            "Mentoring",
            &["coaching"],
            "Mentored four junior engineers through their first year.",
        ),
        s(
            "Incident response",
            &["on-call"],
            "Led incident reviews and ran the on-call rota for a team of eight.",
        ),
        s(
            "React",
            &["TypeScript"],
            "Built the customer dashboard in React and TypeScript.",
        ),
        s(
            "Go",
            &["golang"],
            "Wrote Go microservices for card payments.",
        ),
        s(
            "Stakeholder communication",
            &["presenting"],
            "Presented roadmaps to directors and wrote the quarterly engineering updates.",
        ),
    ]
}

const CASES: &[(&str, [&str; 2])] = &[
    (
        "Platform Engineer. You will run our Kubernetes clusters and keep the k8s upgrade path smooth. Our infrastructure is defined in Terraform and you will extend the modules.",
        ["Kubernetes", "Terraform"],
    ),
    (
        "Backend Engineer (Rust). We are rewriting our pricing service in Rust. Data lives in PostgreSQL and you will design schemas and tune queries.",
        ["Rust", "PostgreSQL"],
    ),
    (
        "Data Engineer. Build and maintain Python pipelines that feed our warehouse. Strong SQL on Postgres is essential.",
        ["Python", "PostgreSQL"],
    ),
    (
        "Site Reliability Engineer. You will share the on-call rota, lead incident response and post-incident reviews, and improve our Kubernetes platform.",
        ["Incident response", "Kubernetes"],
    ),
    (
        "DevOps Engineer. Own our CI/CD pipelines and the AWS accounts they deploy to. Experience with EC2 and Lambda expected.",
        ["CI/CD", "AWS"],
    ),
    (
        "Engineering Manager. You will coach and mentor a team of six engineers and present plans to senior stakeholders every quarter.",
        ["Mentoring", "Stakeholder communication"],
    ),
    (
        "Frontend Developer. Our dashboard is written in React with TypeScript; you will build new views and work with the design team. Some Node.js exposure helps.",
        ["React", "CI/CD"],
    ),
    (
        "Payments Engineer. Write Go services that move money safely. Our services run on Kubernetes and talk to PostgreSQL.",
        ["Go", "Kubernetes"],
    ),
    (
        "Cloud Engineer. Design AWS infrastructure as code using Terraform. Amazon Web Services certification is a plus.",
        ["AWS", "Terraform"],
    ),
    (
        "Staff Engineer. Set technical direction, mentor senior engineers and write design documents for leadership. Rust experience valued.",
        ["Mentoring", "Rust"],
    ),
    (
        "Analytics Engineer. Python and SQL every day: dbt models on a PostgreSQL warehouse, Airflow orchestration.",
        ["Python", "PostgreSQL"],
    ),
    (
        "Release Engineer. Make continuous delivery real: pipelines, build caching, and safe rollouts on our k8s clusters.",
        ["CI/CD", "Kubernetes"],
    ),
    (
        "Golang Developer. Build high-throughput APIs in golang, deployed through our CI/CD system several times a day.",
        ["Go", "CI/CD"],
    ),
    (
        "Technical Lead, Reliability. Run incident reviews, improve on-call health, and communicate risk to directors and stakeholders.",
        ["Incident response", "Stakeholder communication"],
    ),
    (
        "Full-stack Developer. React and TypeScript front end, Python back end, small friendly team.",
        ["React", "Python"],
    ),
    (
        "Infrastructure Engineer. Terraform everything, keep the Kubernetes fleet patched, and help the on-call team during incidents.",
        ["Terraform", "Kubernetes"],
    ),
];

#[test]
fn the_top_two_contain_the_expected_pair_in_four_cases_of_five() {
    let skills = profile();
    let mut hits = 0;
    let mut misses = Vec::new();
    for (jd, expected) in CASES {
        let picks = rank(&skills, jd, 2);
        let names: Vec<&str> = picks.iter().map(|p| p.name.as_str()).collect();
        if expected.iter().all(|e| names.contains(e)) {
            hits += 1;
        } else {
            misses.push(format!(
                "expected {expected:?}, picked {names:?}: {}",
                &jd[..50]
            ));
        }
    }
    let rate = hits as f64 / CASES.len() as f64;
    println!("skill matching: {hits}/{} cases ({rate:.2})", CASES.len());
    for m in &misses {
        println!("  {m}");
    }
    assert!(CASES.len() >= 15);
    assert!(rate >= 0.8, "{rate:.2}\n{}", misses.join("\n"));
}
