//! Diesel's view of the tables created by `migrations/`. Kept by hand in step with them.

diesel::table! {
    profile (id) {
        id -> Text,
        name -> Text,
        email -> Text,
        phone -> Text,
        postal_address -> Text,
        locale -> Text,
        region -> Text,
        time_zone -> Text,
        updated_at -> BigInt,
        account_id -> Text,
    }
}

diesel::table! {
    skills (profile_id, position) {
        profile_id -> Text,
        position -> Integer,
        name -> Text,
        aliases -> Text,
        evidence -> Text,
    }
}

diesel::table! {
    applications (id) {
        id -> Text,
        company -> Text,
        role -> Text,
        job_description -> Text,
        source_url -> Text,
        documents -> Text,
        status -> Text,
        applied_on -> Nullable<Text>,
        created_at -> BigInt,
        updated_at -> BigInt,
        account_id -> Text,
    }
}

diesel::table! {
    contacts (id) {
        id -> Text,
        uid -> Text,
        honorific -> Text,
        given_name -> Text,
        family_name -> Text,
        full_name -> Text,
        position -> Text,
        organisation -> Text,
        emails -> Text,
        phones -> Text,
        address -> Nullable<Text>,
        time_zone -> Nullable<Text>,
        region -> Nullable<Text>,
        preferred_channel -> Text,
        notes -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        account_id -> Text,
        card_uid -> Text,
    }
}

diesel::table! {
    contact_emails (email, contact_id) {
        email -> Text,
        contact_id -> Text,
    }
}

diesel::table! {
    interviews (id) {
        id -> Text,
        application_id -> Text,
        starts_at -> BigInt,
        time_zone -> Text,
        duration_minutes -> Integer,
        format -> Text,
        location -> Text,
        notes -> Text,
        points_to_clarify -> Text,
        timeline -> Text,
        decide_by -> Nullable<Text>,
        status -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        account_id -> Text,
        mentions -> Text,
        offers -> Text,
    }
}

diesel::table! {
    interview_interviewers (interview_id, contact_id) {
        interview_id -> Text,
        contact_id -> Text,
        position -> Integer,
        works_on -> Text,
        part -> Text,
    }
}

diesel::joinable!(skills -> profile (profile_id));
diesel::joinable!(interviews -> applications (application_id));
diesel::joinable!(interview_interviewers -> interviews (interview_id));
diesel::joinable!(interview_interviewers -> contacts (contact_id));
diesel::joinable!(contact_emails -> contacts (contact_id));

diesel::table! {
    holidays (account_id, region, day, source) {
        account_id -> Text,
        region -> Text,
        day -> Text,
        name -> Text,
        source -> Text,
    }
}

diesel::table! {
    steps (id) {
        id -> Text,
        interview_id -> Text,
        step_key -> Text,
        kind -> Text,
        contact_id -> Nullable<Text>,
        state -> Text,
        starts_at -> BigInt,
        ends_at -> BigInt,
        zone -> Text,
        reason -> Text,
        moved -> Integer,
        sequence -> Integer,
        done_at -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
        account_id -> Text,
    }
}

diesel::table! {
    calls (id) {
        id -> Text,
        interview_id -> Text,
        contact_id -> Nullable<Text>,
        called_at -> BigInt,
        outcome -> Text,
        callback_at -> Nullable<BigInt>,
        decide_by -> Nullable<Text>,
        note -> Text,
        account_id -> Text,
    }
}

diesel::table! {
    settings (account_id, name) {
        account_id -> Text,
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    accounts (id) {
        id -> Text,
        name -> Text,
        created_at -> BigInt,
    }
}

diesel::joinable!(steps -> interviews (interview_id));
diesel::joinable!(steps -> contacts (contact_id));
diesel::joinable!(calls -> interviews (interview_id));

diesel::allow_tables_to_appear_in_same_query!(
    profile,
    skills,
    applications,
    contacts,
    contact_emails,
    interviews,
    interview_interviewers,
    holidays,
    steps,
    calls,
    settings,
    drafts,
    outbox,
);

diesel::table! {
    drafts (id) {
        id -> Text,
        interview_id -> Text,
        step_id -> Nullable<Text>,
        kind -> Text,
        channel -> Text,
        recipient_id -> Nullable<Text>,
        subject -> Nullable<Text>,
        body -> Text,
        approved_text -> Nullable<Text>,
        approved_at -> Nullable<BigInt>,
        override_reason -> Nullable<Text>,
        created_at -> BigInt,
        updated_at -> BigInt,
        account_id -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        draft_id -> Text,
        message_id -> Text,
        recipient -> Text,
        state -> Text,
        attempts -> Integer,
        last_error -> Text,
        sent_text -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        sent_at -> Nullable<BigInt>,
        claimed_by -> Text,
        lease_until -> Nullable<BigInt>,
        account_id -> Text,
    }
}

diesel::table! {
    journal (account_id, seq) {
        account_id -> Text,
        seq -> BigInt,
        at -> BigInt,
        summary -> Text,
        changes -> Text,
        undone_at -> Nullable<BigInt>,
    }
}
