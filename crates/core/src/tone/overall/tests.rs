use super::*;

#[test]
fn tokens_are_words_runs_of_marks_and_quotes() {
    assert_eq!(
        tokens("Why haven’t you REPLIED?!? I \"love\" waiting... 4pm…"),
        [
            "why", "haven't", "you", "replied", "?!?", "i", "\"", "love", "\"", "waiting", "…",
            "pm", "…"
        ]
    );
    let f = features("Why not");
    assert!(f.contains("why") && f.contains("not") && f.contains("why not"));
    assert_eq!(f.len(), 3);
}

#[test]
fn training_learns_the_words_that_separate_and_is_deterministic() {
    let examples = [
        ("Why haven't you replied yet?", true),
        ("Why is this taking so long?", true),
        ("I need this job so badly.", true),
        ("Thank you for your time today.", false),
        ("I enjoyed hearing about the team.", false),
        ("Thank you again for meeting me.", false),
    ];
    let model = Model::train(&examples);
    assert_eq!(model, Model::train(&examples));
    assert!(model.weight("why") > 0.1, "{}", model.weight("why"));
    assert!(model.weight("thank") < -0.1);
    assert!(model.evidence(&features("why the delay")) > model.evidence(&features("thank you")));
    let back = Model::parse(&model.to_tsv()).unwrap();
    assert!((back.bias - model.bias).abs() < 1e-4);
    assert!((back.weight("why") - model.weight("why")).abs() < 1e-4);
}

#[test]
fn a_bad_model_file_says_which_line() {
    assert_eq!(
        Model::parse("<bias>\t0.1\nwhy 0.2\n").unwrap_err(),
        "line 2: no tab"
    );
    assert!(
        Model::parse("why\tx\n")
            .unwrap_err()
            .starts_with("line 1: weight")
    );
}

#[test]
fn the_meaning_is_not_read_when_a_tone_rule_has_spoken_or_the_words_are_courteous() {
    let always_bad = Meaning {
        bias: 30.0,
        weights: vec![0.0; followup_sense::DIM],
    };
    let model = Model {
        bias: 0.0,
        weights: [("thanks", -5.0)]
            .into_iter()
            .map(|(k, w)| (k.into(), w))
            .collect(),
        meaning: Some(always_bad),
    };
    let unasked = || -> Vec<f32> { panic!("the sentence vector was asked for") };
    let words = "why the delay";
    assert_eq!(model.verdict_on(words, false, unasked), Verdict::Undecided);
    assert_eq!(
        model.verdict_on("thanks", true, unasked),
        Verdict::ReadsCourteous
    );
    let asked = || vec![0.0; followup_sense::DIM];
    assert_eq!(model.verdict_on(words, true, asked), Verdict::ReadsBad);
    // A refusal is left to the rules, and not encoded.
    assert_eq!(
        model.verdict_on("I have decided to decline the offer.", true, unasked),
        Verdict::Undecided
    );
}

#[test]
fn long_texts_and_empty_ones_are_not_read() {
    let model = Model::shipped();
    assert!(
        model
            .read(&Text::new("> quoted\n\n-- \nAl\n"), false)
            .is_none()
    );
    let long = "Why is this taking so long? ".repeat(80);
    assert!(model.read(&Text::new(&long), false).is_none());
    assert!(
        model
            .read(&Text::new("Why is this taking so long?"), false)
            .is_some()
    );
}

#[test]
fn one_or_two_words_are_never_flagged_as_a_whole() {
    let model = Model::shipped();
    // The meaning is not asked for: two words say too little for it.
    let unasked = || -> Vec<f32> { panic!("the meaning was read") };
    for short in ["A zebra.", "Hello there.", "OK", "Woo hoo!"] {
        assert_eq!(
            model.verdict_on(short, true, unasked),
            Verdict::Undecided,
            "{short}"
        );
    }
    assert_eq!(word_count("Where are you?"), 3);
    assert_eq!(word_count("I'm here!!! ..."), 2);
}

#[test]
fn a_refusal_is_told_from_a_complaint_about_one() {
    for refusal in [
        "After careful consideration, I have decided to decline the job offer.",
        "I am writing to formally withdraw my application for the analyst role.",
        "Unfortunately, I've decided to turn down this gracious job opportunity.",
        "After careful consideration, I have decided that I cannot accept the job offer.",
        "Due to personal circumstances, I am unable to accept the offer at this time.",
        "Though it was a difficult decision, I have accepted a position with another company.",
        "I've realized this role isn't quite the right fit for me at this stage.",
        "Upon reflection, I've decided this is not the right time for me to leave.",
        "It's difficult to tell you this, but I must turn it down.",
        "I am sorry that my situation does not allow me to accept the job offer.",
    ] {
        assert!(turns_down(refusal), "{refusal}");
    }
    for not_one in [
        "I can't believe you would decline my application without a word.",
        "Why did you decline my application?",
        "If you turn me down, I don't know what I'll do.",
        "I regret to inform you that I am unable to accept your refusal to hire me.",
        "I decided it was time to follow up, since you never replied.",
        "I have decided to accept your offer and start on Monday.",
        "Thank you for the interview; I remain very interested in the role.",
    ] {
        assert!(!turns_down(not_one), "{not_one}");
    }
}
