//! Skill matching on 24 job adverts from real postings (tests/data/adverts.txt, source
//! URLs kept; not written by us), each labelled with the two skills a careers adviser
//! would have this candidate name. The labels were set before the matcher was run on
//! them (12/24 then). The matcher's general rules (a skill's name counted once however
//! many words it has, evidence only as a tie-breaker, emphasis read per clause, earlier
//! parts of an advert counting more) were then developed while watching this set, so it
//! is a development set now, not held out: it measures regression. Bar: the top two are
//! the adviser's pair in at least 20 of 24. Later batches were collected after those rules
//! and scored before any change for them (the first look): a second of 5
//! (tests/data/adverts-2.txt), 3 of 5; a third of 5 (adverts-3.txt), 3 of 5; a fourth of 4
//! (adverts-4.txt), 1 of 4; a fifth of 9 (adverts-5.txt), held out while the matcher
//! changed for the four before it, 3 of 9; a sixth of 5 (adverts-6.txt), held out while
//! it changed for the fifth, 4 of 5; a seventh of 3 (adverts-7.txt), after those changes,
//! 3 of 3; an eighth of 8 (adverts-8.txt), after those, 3 of 8; a ninth of 10
//! (adverts-9.txt), after those, 3 of 10. Over all eight, 23 of 49 (0.47). No posting is in
//! two batches (a test below holds them to that): nine that were, under another address
//! or excerpt, were taken out of the later batches, and their first looks no longer
//! count.

mod adverts;

use adverts::{Advert, parse};
use followup_core::model::Skill;
use followup_core::skills::rank;

/// A candidate with a broad engineering profile: 17 skills, one line of evidence each.
fn profile() -> Vec<Skill> {
    let s = adverts::skill;
    vec![
        s(
            "Python",
            &[],
            "Built data pipelines and REST APIs in Python.",
        ),
        s(
            "Go",
            &["golang"],
            "Wrote the Go services behind our billing platform.",
        ),
        s(
            "PostgreSQL",
            &["postgres"],
            "Tuned PostgreSQL queries and indexes, cutting report times from minutes to seconds.",
        ),
        s("SQL", &[], "Wrote the SQL behind our finance reporting."),
        s(
            "Kubernetes",
            &["k8s"],
            "Moved 40 services onto Kubernetes with zero downtime.",
        ),
        s(
            "Terraform",
            &["infrastructure as code"],
            "Managed our cloud estate as code with Terraform modules.",
        ),
        s(
            "AWS",
            &["Amazon Web Services"],
            "Ran production on AWS: EC2, RDS, S3 and Lambda.",
        ),
        s(
            "CI/CD",
            &["continuous delivery"],
            "Built the release pipeline that took deployments from weekly to daily.",
        ),
        s(
            "Incident response",
            &["on-call"],
            "Ran the on-call rota and led incident reviews for a team of eight.",
        ),
        s("React", &[], "Built the customer dashboard in React."),
        s(
            "TypeScript",
            &[],
            "Moved our front end from JavaScript to TypeScript.",
        ),
        s(
            "Machine learning",
            &["ML"],
            "Trained and deployed a churn model with scikit-learn.",
        ),
        s(
            "Dashboards",
            &["Tableau", "Looker"],
            "Built the Tableau dashboards the sales team uses every day.",
        ),
        s(
            "Java",
            &["Spring Boot"],
            "Maintained the Spring Boot services that take card payments.",
        ),
        s(
            "Mentoring",
            &["coaching"],
            "Mentored four junior engineers through their first year.",
        ),
        s(
            "Linux",
            &[],
            "Looked after the Linux servers behind our build farm.",
        ),
        s("Kafka", &[], "Built event pipelines on Kafka."),
    ]
}

fn adverts() -> Vec<Advert> {
    parse(include_str!("data/adverts.txt"))
}

fn score(adverts: &[Advert]) -> (usize, Vec<String>) {
    adverts::score(&profile(), adverts)
}

#[test]
fn the_top_two_are_the_advisers_pair_in_20_of_24_real_adverts() {
    let adverts = adverts();
    assert_eq!(adverts.len(), 24);
    let (hits, misses) = score(&adverts);
    println!(
        "skill matching on real adverts (development set): {hits}/{} ({:.2})\n{}",
        adverts.len(),
        hits as f64 / adverts.len() as f64,
        misses.join("\n")
    );
    assert!(hits >= 20, "{hits}/24:\n{}", misses.join("\n"));
}

/// The second batch (tests/data/adverts-2.txt): 5 real adverts collected on 2026-11-29,
/// after every rule above, each labelled before the matcher first ran on it. That first
/// look found the pair in 3 of 5: the honest figure for adverts the matcher was not
/// developed on. Two general changes followed from its misses (a level at the end of a
/// line, "Python - … - Advanced", counts for the line; the evidence sentence only breaks
/// near-ties), so it guards against regression now, like the first batch.
#[test]
fn a_second_batch_collected_after_the_rules() {
    later_batch("second", include_str!("data/adverts-2.txt"), 5, "3/5", 4);
}

#[test]
fn numbers_and_generic_words_never_match_on_their_own() {
    let skills = vec![
        Skill {
            name: "Python".into(),
            aliases: vec![],
            evidence: "Five years of Python, 4 teams, 30+ services.".into(),
        },
        Skill {
            name: "SQL".into(),
            aliases: vec![],
            evidence: "Strong reporting experience.".into(),
        },
    ];
    let picks = rank(
        &skills,
        "4+ years of strong experience required; 30 days notice.",
        2,
    );
    assert!(picks.is_empty(), "{picks:?}");
    // A requirement outweighs a bonus, and the score says why.
    let picks = rank(
        &skills,
        "Strong SQL essential.\nPython a plus.\nYou will use Python and SQL daily.",
        2,
    );
    assert_eq!(picks[0].name, "SQL", "{picks:?}");
    assert!(
        picks[0].why[0].contains("requirement"),
        "{:?}",
        picks[0].why
    );
    assert!(
        picks[1].why.iter().any(|w| w.contains("'python'")),
        "{:?}",
        picks[1].why
    );
}

/// The third batch (tests/data/adverts-3.txt): 5 real adverts collected on 2026-11-29,
/// each labelled before the matcher first ran on it. That first look found the pair in 3
/// of 5: with the second batch's, 6 of 10 on adverts the matcher was not developed on. Two
/// general changes followed from its misses: "Responsibilities", a heading, stemmed as
/// "response" does and named "Incident response" in every advert with it (advert
/// boilerplate never matches now); and a skill offered as an alternative to one already
/// picked ("Python or Java") counts half. It guards against regression now.
#[test]
fn a_third_batch_collected_after_the_second() {
    later_batch("third", include_str!("data/adverts-3.txt"), 5, "3/5", 5);
}

/// The fourth batch (tests/data/adverts-4.txt): 4 real adverts collected on 2026-11-29,
/// after the third batch's changes, each labelled before the matcher first ran on it.
/// First look: 1 of 4, so 7 of 14 (0.50) over the three batches the matcher was not
/// developed on. Two general changes tried on its misses were left out because they cost
/// as much elsewhere as they gained: the clouds' managed Kubernetes (EKS, GKE, AKS) as
/// Kubernetes, and a skill's name and aliases counted together rather than its best
/// spelling. The three changes the fifth batch was held out from fixed all three misses
/// ("No-SQL" had counted as SQL; "Desired Candidate Profile" had not been read as a
/// heading; "container orchestration" is Kubernetes). It guards against regression.
#[test]
fn a_fourth_batch_collected_after_the_third() {
    later_batch("fourth", include_str!("data/adverts-4.txt"), 4, "1/4", 4);
}

/// The fifth batch (tests/data/adverts-5.txt): 9 real adverts collected on 2026-11-29 and
/// labelled on reading, then held out, unread by the matcher, while it changed for the
/// batches above (a hyphen joins words as a space does, so "Infrastructure-as-Code" is
/// the alias and "No-SQL" is not SQL; "on-call" is one term, not "call"; a heading
/// without its colon, "Requirements", "Desired Candidate Profile", still sets the lines
/// under it; "container orchestration" is Kubernetes). Its first look, after those
/// changes: 3 of 9 (the matcher before them: 2 of 9). Four of its six misses led to the
/// changes the sixth batch was held out from, below: 7 of 9 since.
#[test]
fn a_fifth_batch_held_out_while_the_matcher_changed() {
    later_batch("fifth", include_str!("data/adverts-5.txt"), 9, "3/9", 7);
}

/// The sixth batch (tests/data/adverts-6.txt): 5 real adverts collected on 2026-11-29 and
/// labelled on reading, then held out while the matcher changed for the fifth batch's
/// misses (a list that lost its line breaks is read item by item, and a full stop run
/// into the next sentence still ends it; a bonus that ends a list is the whole list's;
/// words in brackets are the bracket's, so "Kubernetes (EKS preferred)" is not a bonus;
/// a framework asks for its language, "Django" for Python). Its first look: 4 of 5, as
/// the matcher before any of this session's changes also found. The miss puts the
/// PostgreSQL an advert names beside SQL ("SQL databases (MySQL or PostgreSQL)") above
/// the AWS it deploys on.
#[test]
fn a_sixth_batch_held_out_while_the_matcher_changed_again() {
    later_batch("sixth", include_str!("data/adverts-6.txt"), 5, "4/5", 4);
}

/// The seventh batch (tests/data/adverts-7.txt): 3 real adverts collected on 2026-11-30,
/// after the sixth batch's changes, labelled on reading before the matcher ran on them.
/// First look: 3 of 3. (The fixes after it, a spelling counted only as whole words and
/// "go" the verb, changed no advert's pick.)
#[test]
fn a_seventh_batch_after_the_last_change() {
    later_batch("seventh", include_str!("data/adverts-7.txt"), 3, "3/3", 3);
}

/// The eighth batch (tests/data/adverts-8.txt): 8 real adverts collected on 2026-12-01,
/// after the seventh, labelled on reading before the matcher ran on them. First look: 3
/// of 8. Four general changes followed from its misses: "strong", "expert", "extensive"
/// say how well, and count above a plain requirement; every item of a list an "or" ends
/// ("such as Java, Python, Go, or Node.js") and of "one or more" is an alternative to the
/// others; a pipeline tool ("Jenkins") asks for CI/CD where the advert never names it, and
/// a tool listed beside the field it belongs to counts it no more. With them, 7 of 8, and
/// the second batch 5 of 5; the other batches kept their figures. The one left is the
/// Dubai SRE advert (incident response, which it describes at length, ranks third).
#[test]
fn an_eighth_batch_after_the_seventh() {
    later_batch("eighth", include_str!("data/adverts-8.txt"), 8, "3/8", 7);
}

/// The ninth batch (tests/data/adverts-9.txt): 10 real adverts collected on 2026-12-02
/// from postings companies keep in public GitHub repositories, after the eighth batch's
/// changes, labelled on reading before the matcher ran on them. First look: 3 of 10.
/// Kubernetes came first or second in four of its misses, named beside the tools a line
/// lists or as "container orchestration"; the one change made for it ("basics" asks little
/// only as a word of its own, not in "Golang-basics") moved Go above Kubernetes in one
/// advert and changed no count. Counting a term once per part was tried: it took this
/// batch to 4 and the eighth to 8, and the second and fourth batches each down one, so it
/// was left out.
#[test]
fn a_ninth_batch_from_postings_kept_in_repositories() {
    later_batch("ninth", include_str!("data/adverts-9.txt"), 10, "3/10", 3);
}

/// Every advert in every batch is a different posting: the same posting under another
/// address or as another excerpt would count a development advert again as held out.
/// Two adverts are one posting when their addresses match (scheme, "www." and a mirror's
/// host aside) or when most of the shorter one's three-word runs are in the other.
#[test]
fn no_posting_is_in_two_batches() {
    let all: Vec<Advert> = [
        include_str!("data/adverts.txt"),
        include_str!("data/adverts-2.txt"),
        include_str!("data/adverts-3.txt"),
        include_str!("data/adverts-4.txt"),
        include_str!("data/adverts-5.txt"),
        include_str!("data/adverts-6.txt"),
        include_str!("data/adverts-7.txt"),
        include_str!("data/adverts-8.txt"),
        include_str!("data/adverts-9.txt"),
        include_str!("data/adverts-analyst.txt"),
        include_str!("data/adverts-analyst-2.txt"),
        include_str!("data/adverts-analyst-3.txt"),
        include_str!("data/adverts-analyst-4.txt"),
    ]
    .into_iter()
    .flat_map(parse)
    .collect();
    let path = |url: &str| -> String {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let rest = rest.strip_prefix("www.").unwrap_or(rest);
        // A mirror keeps the path and changes the host.
        rest.split_once('/').map_or(rest, |(_, p)| p).to_lowercase()
    };
    let runs = |text: &str| -> std::collections::HashSet<String> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.windows(3).map(|w| w.join(" ")).collect()
    };
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(path(&a.url), path(&b.url), "{} and {}", a.url, b.url);
            let (ra, rb) = (runs(&a.text), runs(&b.text));
            let shared = ra.intersection(&rb).count() as f64;
            let overlap = shared / ra.len().min(rb.len()).max(1) as f64;
            // A short excerpt can share one stock sentence ("a Bachelor's degree in
            // computer science, engineering, or a related field") with another
            // company's advert: the same posting shares more than that.
            assert!(
                overlap < 0.3 || shared < 16.0,
                "{overlap:.2} ({shared} runs): {} and {}",
                a.url,
                b.url
            );
        }
    }
}

/// A batch collected after the matcher's rules: `len` adverts, scored on its first look at
/// `first_look` (printed beside today's score), and held to at least `at_least` now.
fn later_batch(ordinal: &str, data: &str, len: usize, first_look: &str, at_least: usize) {
    let adverts = parse(data);
    assert_eq!(adverts.len(), len);
    let (hits, misses) = score(&adverts);
    println!(
        "skill matching on the {ordinal} batch of real adverts (first look {first_look}): {hits}/{len}\n{}",
        misses.join("\n")
    );
    assert!(hits >= at_least, "{hits}/{len}:\n{}", misses.join("\n"));
}
