//! The one route table. `api` registers every API handler; the app and the
//! OpenAPI document are both built from it, so a route cannot exist without
//! its documentation.

use std::sync::OnceLock;

use actix_web::body::MessageBody;
use actix_web::dev::Service;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::{DefaultHeaders, ErrorHandlers};
use actix_web::{get, web, App, HttpRequest, HttpResponse};
use serde_json::Value;
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::AppExt;

use crate::routes::*;
use crate::web::error::{rewrite_foreign_errors, ApiError};
use crate::web::extract::{Body, MAX_BODY};
use crate::AppState;

/// Registers every API handler (under `/api/v1`).
pub fn api(cfg: &mut ServiceConfig) {
    cfg.service(openapi_json)
        .service(openapi_json_3_0)
        .service(networks::list_networks)
        .service(networks::create_network)
        .service(networks::get_network)
        .service(networks::update_network)
        .service(networks::delete_network)
        .service(auth::register)
        .service(auth::login)
        .service(auth::refresh)
        .service(auth::logout)
        .service(auth::request_password_reset)
        .service(auth::reset_password)
        .service(auth::send_verification)
        .service(auth::confirm_email)
        .service(preferences::get_preferences)
        .service(preferences::update_preferences)
        .service(preferences::unsubscribe_notices)
        .service(outbox::list_outbox)
        .service(outbox::get_outbox_mail)
        .service(reports::get_report)
        .service(reports::get_report_csv)
        .service(reports::get_report_page)
        .service(reports::create_report_pass)
        .service(me::get_me)
        .service(me::update_me)
        .service(me::delete_me)
        .service(me::change_password)
        .service(me::export_me)
        .service(audit::list_audit_events)
        .service(users::list_users)
        .service(users::update_user)
        .service(open_seats::list_open_seats)
        .service(open_seats::add_open_seat)
        .service(open_seats::remove_open_seat)
        .service(stakeholder_map::stakeholder_map)
        .service(stakeholder_map::stakeholder_map_drawing)
        .service(members::list_members)
        .service(members::get_member)
        .service(members::add_member)
        .service(members::update_member)
        .service(members::remove_member)
        .service(invitations::list_network_invitations)
        .service(invitations::list_my_invitations)
        .service(invitations::get_invitation)
        .service(invitations::answer_invitation)
        .service(invitations::withdraw_invitation)
        .service(stakeholders::list_stakeholders)
        .service(stakeholders::create_stakeholder)
        .service(stakeholders::get_stakeholder)
        .service(stakeholders::update_stakeholder)
        .service(stakeholders::delete_stakeholder)
        .service(goals::list_goals)
        .service(goals::create_goal)
        .service(goals::get_goal)
        .service(goals::update_goal)
        .service(goals::delete_goal)
        .service(talents::list_talents)
        .service(talents::list_step_matches)
        .service(talents::list_my_matches)
        .service(helpers::list_helpers)
        .service(helpers::offer_help)
        .service(helpers::answer_help)
        .service(experts::search_experts)
        .service(contact_requests::create_contact_request)
        .service(contact_requests::list_my_contact_requests)
        .service(contact_requests::answer_contact_request)
        .service(endorsements::list_endorsements)
        .service(endorsements::endorse_goal)
        .service(knowledge_links::list_knowledge_links)
        .service(knowledge_links::create_knowledge_link)
        .service(knowledge_links::get_knowledge_link)
        .service(knowledge_links::update_knowledge_link)
        .service(knowledge_links::delete_knowledge_link)
        .service(knowledge_links::visit_knowledge_link)
        .service(meetings::list_meetings)
        .service(meetings::list_network_meetings)
        .service(meetings::create_meeting)
        .service(meetings::get_meeting)
        .service(meetings::update_meeting)
        .service(meetings::meeting_calendar)
        .service(meetings::network_calendar)
        .service(meetings::personal_calendar)
        .service(meetings::renew_calendar_feed)
        .service(meetings::delete_calendar_feed)
        .service(registrations::register_for_meeting)
        .service(registrations::list_registrations)
        .service(registrations::get_registration)
        .service(registrations::cancel_registration)
        .service(registrations::attendance_csv)
        .service(agenda::list_agenda_items)
        .service(agenda::propose_agenda_item)
        .service(agenda::update_agenda_item)
        .service(agenda::support_agenda_item)
        .service(agenda::withdraw_support)
        .service(outcomes::list_outcomes)
        .service(outcomes::add_outcome)
        .service(documents::list_documents)
        .service(documents::upload_document)
        .service(documents::get_document)
        .service(documents::download_document)
        .service(documents::update_document)
        .service(documents::delete_document)
        .service(pulse::answer_pulse)
        .service(pulse::meeting_pulse)
        .service(pulse::network_pulse)
        .service(messages::list_messages)
        .service(messages::create_message)
        .service(messages::get_message)
        .service(messages::update_message)
        .service(messages::delete_message)
        .service(messages::list_replies)
        .service(messages::create_reply)
        .service(messages::report_message)
        .service(house_rules::get_house_rules)
        .service(house_rules::update_house_rules)
        .service(house_rules::list_house_rule_versions)
        .service(house_rules::accept_house_rules)
        .service(questions::list_questions)
        .service(questions::list_network_questions)
        .service(questions::raise_question)
        .service(questions::get_question)
        .service(questions::update_question)
        .service(questions::withdraw_question)
        .service(questions::move_question)
        .service(questions::support_question)
        .service(questions::withdraw_question_support)
        .service(map::map_figures)
        .service(map::municipality_figures)
        .service(map::map_drawing)
        .service(api_clients::list_api_clients)
        .service(api_clients::create_api_client)
        .service(api_clients::get_api_client)
        .service(api_clients::update_api_client)
        .service(api_clients::rotate_api_client_secret)
        .service(api_clients::delete_api_client)
        .service(api_clients::issue_client_token)
        .service(webhooks::list_webhooks)
        .service(webhooks::create_webhook)
        .service(webhooks::get_webhook)
        .service(webhooks::update_webhook)
        .service(webhooks::delete_webhook)
        .service(webhooks::ping_webhook)
        .service(webhooks::list_webhook_deliveries)
        .service(reference::list_topics)
        .service(reference::list_articles)
        .service(reference::list_municipalities);
}

/// Which POST bodies require which fields (for the `*Create` schemas).
fn required_fields() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("NetworkInput", networks::NetworkInput::REQUIRED),
        ("StakeholderInput", stakeholders::StakeholderInput::REQUIRED),
        ("GoalInput", goals::GoalInput::REQUIRED),
        (
            "KnowledgeLinkInput",
            knowledge_links::KnowledgeLinkInput::REQUIRED,
        ),
        ("MeetingInput", meetings::MeetingInput::REQUIRED),
        ("AgendaItemInput", agenda::AgendaItemInput::REQUIRED),
        ("MessageInput", messages::MessageInput::REQUIRED),
        ("QuestionInput", questions::QuestionInput::REQUIRED),
    ]
}

/// Which bodies of POST-only operations require which fields.
fn post_only_required_fields() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("RegisterInput", auth::RegisterInput::REQUIRED),
        ("LoginInput", auth::LoginInput::REQUIRED),
        ("EndorsementInput", endorsements::EndorsementInput::REQUIRED),
        ("PasswordInput", me::PasswordInput::REQUIRED),
        ("OutcomeInput", outcomes::OutcomeInput::REQUIRED),
        ("PulseInput", pulse::PulseInput::REQUIRED),
        ("PasswordResetInput", auth::PasswordResetInput::REQUIRED),
        ("NewPasswordInput", auth::NewPasswordInput::REQUIRED),
        ("VerificationInput", auth::VerificationInput::REQUIRED),
        ("ReplyInput", messages::ReplyInput::REQUIRED),
        ("ReportInput", messages::ReportInput::REQUIRED),
        ("AcceptanceInput", house_rules::AcceptanceInput::REQUIRED),
        ("QuestionStepInput", questions::QuestionStepInput::REQUIRED),
        (
            "QuestionSupportInput",
            questions::QuestionSupportInput::REQUIRED,
        ),
        ("HelpAnswerInput", helpers::HelpAnswerInput::REQUIRED),
        ("OpenSeatInput", open_seats::OpenSeatInput::REQUIRED),
        ("ApiClientInput", api_clients::ApiClientInput::REQUIRED),
        ("WebhookInput", webhooks::WebhookInput::REQUIRED),
        (
            "ContactRequestInput",
            contact_requests::ContactRequestInput::REQUIRED,
        ),
        (
            "ContactAnswerInput",
            contact_requests::ContactAnswerInput::REQUIRED,
        ),
    ]
}

/// The OpenAPI 3.1 document, built once.
pub fn openapi() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let (_, doc) = App::new()
            .into_utoipa_app()
            .openapi(crate::web::openapi::ApiDoc::openapi())
            .service(utoipa_actix_web::scope("/api/v1").configure(api))
            .split_for_parts();
        let mut value = serde_json::to_value(&doc).unwrap_or_default();
        crate::web::openapi::finish(&mut value, &required_fields());
        crate::web::openapi::refine(&mut value, &post_only_required_fields());
        crate::web::openapi::for_generators(&mut value);
        value
    })
}

/// The same document as OpenAPI 3.0.3.
pub fn openapi_3_0() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| crate::web::openapi::to_3_0(openapi()))
}

fn spec_response(doc: &Value) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .content_type("application/json")
        .body(serde_json::to_string_pretty(doc).unwrap_or_default())
}

/// This document
///
/// The OpenAPI 3.1 description of this API. Open to every origin.
#[utoipa::path(
    tag = "Reference",
    responses((status = 200, description = "The OpenAPI document.", content_type = "application/json",
        headers(("access-control-allow-origin" = String, description = "Always *: anyone may read the spec.")))),
)]
#[get("/openapi.json")]
pub async fn openapi_json() -> HttpResponse {
    spec_response(openapi())
}

/// This document, as OpenAPI 3.0.3
///
/// The same description for tools that read only OpenAPI 3.0.
#[utoipa::path(
    tag = "Reference",
    responses((status = 200, description = "The OpenAPI document, version 3.0.3.", content_type = "application/json",
        headers(("access-control-allow-origin" = String, description = "Always *: anyone may read the spec.")))),
)]
#[get("/openapi/3.0.json")]
pub async fn openapi_json_3_0() -> HttpResponse {
    spec_response(openapi_3_0())
}

/// Path templates and their methods, from the OpenAPI document: tells a
/// wrong method (405 + Allow) from an unknown address (404).
fn route_table() -> &'static Vec<(Vec<String>, String)> {
    static TABLE: OnceLock<Vec<(Vec<String>, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::new();
        if let Some(paths) = openapi().get("paths").and_then(Value::as_object) {
            for (path, item) in paths {
                let segments = path
                    .trim_start_matches('/')
                    .split('/')
                    .map(str::to_string)
                    .collect();
                let methods: Vec<String> = item
                    .as_object()
                    .map(|o| {
                        o.keys()
                            .filter(|k| k.as_str() != "parameters")
                            .map(|k| k.to_uppercase())
                            .collect()
                    })
                    .unwrap_or_default();
                table.push((segments, methods.join(", ")));
            }
        }
        table
    })
}

async fn api_fallback(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let rest = req
        .path()
        .trim_start_matches("/api/v1")
        .trim_start_matches('/');
    let segments: Vec<&str> = rest.split('/').collect();
    let allowed = route_table()
        .iter()
        .find(|(template, _)| crate::web::http::fits_template(template, &segments, false));
    match allowed {
        Some((_, methods)) => Err(ApiError::MethodNotAllowed(methods.clone())),
        None => Err(ApiError::NotFound(
            "There is nothing at this address. See /api/v1/openapi.json.".into(),
        )),
    }
}

/// Live: the program answers; with its version and schema version.
async fn live() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({
        "status": "up",
        "version": crate::db::version::PROGRAM_VERSION,
        "schema": crate::db::version::program_schema(),
    }))
}

/// Ready: the database answers and has every migration of this version.
async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let check = if !state
        .schema_ready
        .load(std::sync::atomic::Ordering::Relaxed)
    {
        Err(ApiError::Unavailable("waiting for the database".into()))
    } else {
        ready_check(&state).await
    };
    match check {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({"status": "up"})),
        Err(e) => {
            tracing::warn!("not ready: {e}");
            HttpResponse::ServiceUnavailable()
                .insert_header((header::RETRY_AFTER, "1"))
                .json(serde_json::json!({"status": "down"}))
        }
    }
}

async fn ready_check(state: &AppState) -> Result<(), ApiError> {
    crate::db::read(&state.pool, |conn| {
        if crate::db::pending_migrations(conn)? {
            return Err(ApiError::Unavailable("migrations pending".into()));
        }
        Ok(())
    })
    .await
}

/// Prometheus metrics, for this host, or others with the metrics token.
async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    // A proxy on this host also connects from loopback: a forwarded request
    // is never local.
    let forwarded = ["x-forwarded-for", "forwarded", "x-real-ip"]
        .iter()
        .any(|h| req.headers().contains_key(*h));
    let local = !forwarded && req.peer_addr().is_some_and(|a| a.ip().is_loopback());
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let allowed = local
        || matches!((&state.config.metrics_token, token), (Some(want), Some(got)) if want == got);
    if !allowed {
        return Err(ApiError::Forbidden(
            "Metrics are for this host, or with the metrics token.".into(),
        ));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(state.metrics.render(&state.pool, &state.answers)))
}

/// The whole application: API, spec, docs UI, health checks and the frontend.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let web_dir = state.config.web_dir.clone();
    let mut app = App::new()
        .app_data(state)
        .app_data(web::PayloadConfig::new(MAX_BODY))
        .app_data(web::PathConfig::default().error_handler(|_, _| {
            ApiError::NotFound("There is nothing at this address: ids are whole numbers.".into())
                .into()
        }))
        .service(
            utoipa_swagger_ui::SwaggerUi::new("/api/v1/docs/{_:.*}")
                .config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json")),
        )
        .service(
            web::scope("/api/v1")
                .wrap_fn(crate::web::cache::public_reads)
                .configure(|c| api(&mut ServiceConfig::new(c)))
                .default_service(web::to(api_fallback)),
        )
        .route("/health/live", web::get().to(live))
        .route("/health/ready", web::get().to(ready))
        .route("/metrics", web::get().to(metrics));
    if std::path::Path::new(&web_dir).is_dir() {
        app = app.service(actix_files::Files::new("/", web_dir).index_file("index.html"));
    }
    app.wrap(ErrorHandlers::new().default_handler(rewrite_foreign_errors))
        .wrap_fn(|req, srv| {
            let started = std::time::Instant::now();
            let path = req.path().to_string();
            let read = matches!(*req.method(), Method::GET | Method::HEAD);
            let private = req.headers().contains_key(header::AUTHORIZATION)
                || req.headers().contains_key(header::COOKIE);
            // Rate limits per client: writes, and searches (the costly reads).
            let limited = match req.app_data::<web::Data<AppState>>() {
                Some(state) if path.starts_with("/api/") => {
                    let write = matches!(*req.method(), Method::POST | Method::PATCH | Method::PUT | Method::DELETE);
                    let search = read && req.query_string().split('&').any(|p| p.starts_with("q=") && p.len() > 2);
                    let address = crate::web::http::client_address(req.request());
                    if write {
                        state.rate_limiter.take(&format!("write:{address}"), state.config.rate_limit_writes)
                    } else if search {
                        state.rate_limiter.take(&format!("search:{address}"), state.config.rate_limit_searches)
                    } else {
                        Ok(())
                    }
                }
                _ => Ok(()),
            };
            let state = req.app_data::<web::Data<AppState>>();
            let hsts = state.is_some_and(|s| s.config.hsts);
            let allowed = state.map(|s| s.config.allowed_origins.as_slice()).unwrap_or_default();
            let any_listed = !allowed.is_empty();
            let cors = if path.starts_with("/api/") {
                crate::web::cors::Access::of(req.headers(), allowed)
            } else {
                crate::web::cors::Access::None
            };
            let public = read && !req.headers().contains_key(header::AUTHORIZATION);
            // A database that was down at start-up is not migrated yet: only
            // the spec and its docs can be served.
            let waiting = path.starts_with("/api/")
                && !path.starts_with("/api/v1/openapi")
                && !path.starts_with("/api/v1/docs")
                && state.is_some_and(|s| !s.schema_ready.load(std::sync::atomic::Ordering::Relaxed));
            let refusal = match limited {
                _ if waiting => Some(ApiError::Unavailable("the database has not been reached since start-up".into())),
                Err(wait) => Some(ApiError::TooManyRequests(wait)),
                Ok(()) => None,
            };
            let (fut, refused) = match (crate::web::cors::preflight(req.method(), req.headers(), &cors), refusal) {
                (Some(answer), _) => (None, Some(req.into_response(answer))),
                (None, None) => (Some(srv.call(req)), None),
                (None, Some(error)) => {
                    let response = actix_web::ResponseError::error_response(&error);
                    (None, Some(req.into_response(response)))
                }
            };
            async move {
                let mut res = match (fut, refused) {
                    (Some(fut), _) => fut.await?.map_into_left_body(),
                    (None, Some(refused)) => refused.map_into_right_body(),
                    (None, None) => unreachable!("a request is either served or refused"),
                };
                if let Some(state) = res.request().app_data::<web::Data<AppState>>() {
                    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".into());
                    let method = res.request().method().to_string();
                    state.metrics.observe(&method, &route, res.status().as_u16(), started.elapsed().as_secs_f64());
                }
                let headers = res.headers_mut();
                if hsts {
                    headers.insert(
                        header::STRICT_TRANSPORT_SECURITY,
                        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
                    );
                }
                if private && !headers.contains_key(header::CACHE_CONTROL) {
                    // What a signed-in person sees is theirs: no cache keeps it.
                    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                }
                if path.starts_with("/api/") {
                    if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
                        crate::web::cors::decorate(headers, &cors, public, any_listed);
                    }
                } else if !path.starts_with("/health/") {
                    let frames = if path.starts_with("/embed") { "*" } else { "'none'" };
                    let policy = format!(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
                         form-action 'self'; frame-ancestors {frames}"
                    );
                    if let Ok(value) = HeaderValue::from_str(&policy) {
                        headers.insert(header::CONTENT_SECURITY_POLICY, value);
                    }
                    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
                }
                Ok(res)
            }
        })
        .wrap(
            DefaultHeaders::new()
                .add(("API-Version", HeaderValue::from_static(crate::API_VERSION)))
                .add((
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                )),
        )
        .wrap_fn(crate::web::logging::access_log)
}
