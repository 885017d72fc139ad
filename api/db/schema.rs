// The tables of both backends; `tests/migrations.rs` checks that the
// migrations produce exactly these columns.

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        password_hash -> Text,
        display_name -> Text,
        is_admin -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        session_epoch -> BigInt,
        disabled -> Bool,
        email_verified_at -> Nullable<Timestamp>,
        language -> Text,
        notices -> Text,
        contact_channel -> Text,
        contact_format -> Text,
        mail_key -> Nullable<Text>,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        kind -> Text,
        user_id -> Nullable<BigInt>,
        recipient -> Text,
        language -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        message_id -> Text,
        unsubscribe_url -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    account_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        purpose -> Text,
        token_hash -> Text,
        email -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    network_notice_settings (user_id, network_id) {
        user_id -> BigInt,
        network_id -> BigInt,
        notices -> Text,
    }
}

diesel::table! {
    pending_notices (id) {
        id -> BigInt,
        user_id -> BigInt,
        network_id -> BigInt,
        kind -> Text,
        frequency -> Text,
        title -> Text,
        path -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    topics (slug) {
        slug -> Text,
        name_nl -> Text,
        name_en -> Text,
    }
}

diesel::table! {
    stakeholders (id) {
        id -> BigInt,
        kind -> Text,
        name -> Text,
        organisation -> Nullable<Text>,
        expertise -> Nullable<Text>,
        municipality_code -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        listed -> Bool,
        share_contact -> Bool,
        user_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        access_needs -> Nullable<Text>,
        access_needs_consent -> Bool,
        organisation_visibility -> Text,
        expertise_visibility -> Text,
        talents_visibility -> Text,
        languages_visibility -> Text,
        municipality_visibility -> Text,
        availability_hours -> Nullable<Integer>,
        availability_occasional -> Bool,
        findable -> Bool,
    }
}

diesel::table! {
    stakeholder_tags (stakeholder_id, kind, value) {
        stakeholder_id -> BigInt,
        kind -> Text,
        value -> Text,
    }
}

diesel::table! {
    networks (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        theme -> Text,
        scope -> Text,
        municipality_code -> Nullable<Text>,
        region -> Nullable<Text>,
        description -> Text,
        ambition -> Text,
        needs -> Text,
        status -> Text,
        visibility -> Text,
        parent_id -> Nullable<BigInt>,
        contact -> Nullable<Text>,
        communication -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        topic_list -> Text,
        province_code -> Nullable<Text>,
        articles -> Text,
    }
}

diesel::table! {
    network_topics (network_id, topic) {
        network_id -> BigInt,
        topic -> Text,
    }
}

diesel::table! {
    /// The numbers of the UN Convention's articles, 1 to 33 (migration 32).
    convention_numbers (number) {
        number -> Integer,
    }
}

diesel::table! {
    /// Kept by triggers (migration 32): each article a network works on,
    /// its own or one of its goals'.
    network_articles (article, network_id) {
        article -> Integer,
        network_id -> BigInt,
    }
}

diesel::table! {
    /// Kept by triggers (migration 12): members per stakeholder kind (part
    /// `member`) and goals per status (part `goal`) of each network.
    network_counts (network_id, part, value) {
        network_id -> BigInt,
        part -> Text,
        value -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    memberships (network_id, stakeholder_id) {
        network_id -> BigInt,
        stakeholder_id -> BigInt,
        role -> Text,
        commitment -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        by_consent -> Bool,
    }
}

diesel::table! {
    goals (id) {
        id -> BigInt,
        network_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        title -> Text,
        description -> Text,
        status -> Text,
        target_date -> Nullable<Date>,
        achieved_at -> Nullable<Timestamp>,
        owner_id -> Nullable<BigInt>,
        position -> Integer,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        meeting_id -> Nullable<BigInt>,
        articles -> Text,
    }
}

diesel::table! {
    invitations (id) {
        id -> BigInt,
        network_id -> BigInt,
        stakeholder_id -> BigInt,
        role -> Text,
        message -> Text,
        invited_by -> Nullable<BigInt>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    endorsements (goal_id, stakeholder_id) {
        goal_id -> BigInt,
        stakeholder_id -> BigInt,
        stance -> Text,
        comment -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        visibility -> Text,
    }
}

diesel::table! {
    knowledge_links (id) {
        id -> BigInt,
        url -> Text,
        title -> Text,
        summary -> Text,
        language -> Text,
        network_id -> Nullable<BigInt>,
        added_by -> Nullable<BigInt>,
        clicks -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        audience_list -> Text,
        topic_list -> Text,
        articles -> Text,
    }
}

diesel::table! {
    knowledge_link_audiences (link_id, audience) {
        link_id -> BigInt,
        audience -> Text,
    }
}

diesel::table! {
    knowledge_link_topics (link_id, topic) {
        link_id -> BigInt,
        topic -> Text,
    }
}

diesel::table! {
    search_blocks (doc_type, term, last_doc_id) {
        doc_type -> Text,
        term -> Text,
        last_doc_id -> BigInt,
        postings -> Integer,
        data -> Binary,
    }
}

diesel::table! {
    search_generation (id) {
        id -> BigInt,
        generation -> BigInt,
    }
}

diesel::table! {
    audit_events (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<BigInt>,
        network_id -> Nullable<BigInt>,
        client_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// What left the synced collections, by id and time (migration 28).
    deletions (id) {
        id -> BigInt,
        resource -> Text,
        resource_id -> BigInt,
        network_id -> Nullable<BigInt>,
        deleted_at -> Timestamp,
    }
}

diesel::table! {
    knowledge_link_visits (link_id, visitor) {
        link_id -> BigInt,
        visitor -> Text,
        day -> Date,
    }
}

diesel::table! {
    search_reindex (doc_type) {
        doc_type -> Text,
    }
}

diesel::table! {
    search_docs (doc_type, doc_id) {
        doc_type -> Text,
        doc_id -> BigInt,
        length -> Integer,
        terms -> Text,
    }
}

diesel::table! {
    meetings (id) {
        id -> BigInt,
        network_id -> BigInt,
        title -> Text,
        description -> Text,
        kind -> Text,
        format -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        time_zone -> Text,
        venue_name -> Text,
        venue_address -> Text,
        municipality_code -> Nullable<Text>,
        online_url -> Nullable<Text>,
        visibility -> Text,
        capacity -> Nullable<Integer>,
        status -> Text,
        cancel_reason -> Text,
        access_features -> Text,
        access_note -> Text,
        organiser_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    meeting_registrations (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        stakeholder_id -> BigInt,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    meeting_access_needs (registration_id) {
        registration_id -> BigInt,
        needs -> Text,
        note -> Text,
        share_name -> Bool,
    }
}

diesel::table! {
    calendar_feeds (user_id) {
        user_id -> BigInt,
        secret_hash -> Text,
        include_waiting -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    agenda_items (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        title -> Text,
        description -> Text,
        minutes_asked -> Nullable<Integer>,
        proposed_by -> Nullable<BigInt>,
        status -> Text,
        decline_reason -> Text,
        position -> Integer,
        minutes_planned -> Nullable<Integer>,
        notes -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    agenda_supports (item_id, stakeholder_id) {
        item_id -> BigInt,
        stakeholder_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    meeting_outcomes (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        item_id -> Nullable<BigInt>,
        text -> Text,
        goal_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    meeting_pulses (meeting_id, stakeholder_id) {
        meeting_id -> BigInt,
        stakeholder_id -> BigInt,
        took_part -> Integer,
        heard -> Integer,
        comment -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    messages (id) {
        id -> BigInt,
        network_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        author_stakeholder_id -> Nullable<BigInt>,
        author_user_id -> Nullable<BigInt>,
        title -> Text,
        body -> Text,
        pinned -> Bool,
        public -> Bool,
        hidden -> Bool,
        hidden_reason -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    message_reports (message_id, user_id) {
        message_id -> BigInt,
        user_id -> BigInt,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    house_rules (network_id, version) {
        network_id -> BigInt,
        version -> BigInt,
        body -> Text,
        changed_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    house_rule_acceptances (network_id, stakeholder_id, version) {
        network_id -> BigInt,
        stakeholder_id -> BigInt,
        version -> BigInt,
        accepted_at -> Timestamp,
    }
}

diesel::table! {
    api_clients (id) {
        id -> BigInt,
        stakeholder_id -> BigInt,
        name -> Text,
        client_id -> Text,
        secret_hash -> Text,
        previous_secret_hash -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<Timestamp>,
        scopes -> Text,
        epoch -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        version -> BigInt,
    }
}

diesel::table! {
    webhook_subscriptions (id) {
        id -> BigInt,
        api_client_id -> BigInt,
        url -> Text,
        events -> Text,
        municipality_code -> Nullable<Text>,
        network_id -> Nullable<BigInt>,
        topic -> Nullable<Text>,
        secret -> Text,
        failing_since -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> BigInt,
        subscription_id -> BigInt,
        event_id -> Text,
        event_type -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_events (id) {
        id -> BigInt,
        event_type -> Text,
        payload -> Text,
        subscriptions -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> BigInt,
        delivery_id -> BigInt,
        subscription_id -> BigInt,
        attempt -> Integer,
        at -> Timestamp,
        status_code -> Nullable<Integer>,
        duration_ms -> BigInt,
        error -> Nullable<Text>,
        next_attempt_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    throttle_entries (key) {
        key -> Text,
        count -> Integer,
        window_start -> Timestamp,
        blocked_until -> Nullable<Timestamp>,
    }
}

diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(account_tokens -> users (user_id));
diesel::joinable!(document_contents -> documents (document_id));
diesel::joinable!(documents -> networks (network_id));
diesel::joinable!(pending_notices -> users (user_id));
diesel::joinable!(stakeholder_tags -> stakeholders (stakeholder_id));
diesel::joinable!(network_topics -> networks (network_id));
diesel::joinable!(network_counts -> networks (network_id));
diesel::joinable!(network_articles -> networks (network_id));
diesel::joinable!(memberships -> networks (network_id));
diesel::joinable!(memberships -> stakeholders (stakeholder_id));
diesel::joinable!(goals -> networks (network_id));
diesel::joinable!(invitations -> networks (network_id));
diesel::joinable!(invitations -> stakeholders (stakeholder_id));
diesel::joinable!(endorsements -> goals (goal_id));
diesel::joinable!(endorsements -> stakeholders (stakeholder_id));
diesel::joinable!(knowledge_links -> networks (network_id));
diesel::joinable!(knowledge_link_audiences -> knowledge_links (link_id));
diesel::joinable!(knowledge_link_topics -> knowledge_links (link_id));
diesel::joinable!(knowledge_link_visits -> knowledge_links (link_id));
diesel::joinable!(meetings -> networks (network_id));
diesel::joinable!(agenda_items -> meetings (meeting_id));
diesel::joinable!(agenda_supports -> agenda_items (item_id));
diesel::joinable!(meeting_outcomes -> meetings (meeting_id));
diesel::joinable!(meeting_pulses -> meetings (meeting_id));
diesel::joinable!(meeting_registrations -> meetings (meeting_id));
diesel::joinable!(meeting_registrations -> stakeholders (stakeholder_id));
diesel::joinable!(meeting_access_needs -> meeting_registrations (registration_id));
diesel::joinable!(messages -> networks (network_id));
diesel::joinable!(message_reports -> messages (message_id));
diesel::joinable!(house_rules -> networks (network_id));
diesel::joinable!(house_rule_acceptances -> networks (network_id));

diesel::table! {
    documents (id) {
        id -> BigInt,
        network_id -> BigInt,
        title -> Text,
        description -> Text,
        alt_text -> Text,
        file_name -> Text,
        media_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        visibility -> Text,
        goal_id -> Nullable<BigInt>,
        meeting_id -> Nullable<BigInt>,
        uploaded_by -> Nullable<BigInt>,
        uploader_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    document_contents (document_id) {
        document_id -> BigInt,
        bytes -> Binary,
    }
}

diesel::table! {
    /// Questions a network raises to the level above it (migration 22).
    questions (id) {
        id -> BigInt,
        network_id -> BigInt,
        to_network_id -> BigInt,
        title -> Text,
        question -> Text,
        beyond -> Text,
        tried -> Text,
        link_list -> Text,
        status -> Text,
        answer -> Text,
        agenda_item_id -> Nullable<BigInt>,
        support_count -> BigInt,
        raised_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    goal_talents (goal_id, talent) {
        goal_id -> BigInt,
        talent -> Text,
    }
}

diesel::table! {
    goal_helpers (goal_id, stakeholder_id) {
        goal_id -> BigInt,
        stakeholder_id -> BigInt,
        status -> Text,
        message -> Text,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    contact_requests (id) {
        id -> BigInt,
        from_user_id -> Nullable<BigInt>,
        from_stakeholder_id -> BigInt,
        to_stakeholder_id -> BigInt,
        message -> Text,
        status -> Text,
        created_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        version -> BigInt,
    }
}

diesel::table! {
    question_supports (question_id, network_id) {
        question_id -> BigInt,
        network_id -> BigInt,
        note -> Text,
        supported_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    question_events (id) {
        id -> BigInt,
        question_id -> BigInt,
        kind -> Text,
        status -> Nullable<Text>,
        network_id -> Nullable<BigInt>,
        note -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    municipality_counts (municipality_code, part, value) {
        municipality_code -> Text,
        part -> Text,
        value -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    article_counts (article, municipality_code, part, value) {
        article -> Integer,
        municipality_code -> Text,
        part -> Text,
        value -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    open_seats (id) {
        id -> BigInt,
        network_id -> BigInt,
        kind -> Text,
        role -> Text,
        description -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::joinable!(open_seats -> networks (network_id));
diesel::joinable!(webhook_subscriptions -> api_clients (api_client_id));
diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::joinable!(question_supports -> questions (question_id));
diesel::joinable!(question_events -> questions (question_id));
diesel::joinable!(goal_talents -> goals (goal_id));
diesel::joinable!(goal_helpers -> goals (goal_id));
diesel::joinable!(goal_helpers -> stakeholders (stakeholder_id));

diesel::allow_tables_to_appear_in_same_query!(
    goal_talents,
    goal_helpers,
    contact_requests,
    users,
    refresh_tokens,
    topics,
    stakeholders,
    stakeholder_tags,
    networks,
    network_topics,
    network_counts,
    memberships,
    goals,
    invitations,
    endorsements,
    knowledge_links,
    knowledge_link_audiences,
    knowledge_link_topics,
    search_blocks,
    search_generation,
    audit_events,
    deletions,
    search_docs,
    knowledge_link_visits,
    search_reindex,
    meetings,
    meeting_registrations,
    meeting_access_needs,
    calendar_feeds,
    agenda_items,
    agenda_supports,
    meeting_outcomes,
    meeting_pulses,
    outbox,
    account_tokens,
    network_notice_settings,
    pending_notices,
    documents,
    document_contents,
    messages,
    message_reports,
    house_rules,
    house_rule_acceptances,
    questions,
    question_supports,
    question_events,
    open_seats,
    municipality_counts,
    article_counts,
    api_clients,
    webhook_subscriptions,
    webhook_deliveries,
    webhook_events,
    webhook_attempts,
    throttle_entries,
    convention_numbers,
    network_articles,
);
