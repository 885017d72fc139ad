//! Accounts: argon2id password hashes and short-lived JWT access tokens,
//! verified strictly (one algorithm, `exp`/`nbf` with little leeway, `iss`,
//! `aud`, and a `typ` claim so no other token can stand in for an access token).

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::web::error::ApiError;

pub const ISSUER: &str = "themanet";
pub const AUDIENCE: &str = "themanet-api";
pub const ACCESS_TYPE: &str = "access";
pub const LEEWAY_SECONDS: u64 = 5;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: i64,
    pub nbf: i64,
    pub iat: i64,
    pub iss: String,
    pub aud: String,
    pub typ: String,
    /// The user's session epoch when the token was issued; raising the epoch
    /// (password change, account deletion) ends every older token.
    pub sev: i64,
    /// An API client's token: the scopes it was given, one bit per entry
    /// of `clients::SCOPES` (absent: all the client has).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scp: Option<u32>,
}

pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: i64,
}

impl Keys {
    pub fn new(secret: &[u8], ttl: i64) -> Keys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        Keys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl,
        }
    }

    pub fn ttl(&self) -> i64 {
        self.ttl
    }

    /// Signs an access token for a user in their current session epoch.
    pub fn issue(&self, user_id: i64, epoch: i64) -> Result<String, ApiError> {
        let now = chrono::Utc::now().timestamp();
        self.sign(&Claims {
            sub: user_id.to_string(),
            exp: now + self.ttl,
            nbf: now,
            iat: now,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            typ: ACCESS_TYPE.into(),
            sev: epoch,
            scp: None,
        })
    }

    /// Signs any claims with the platform key (tests use this for attacks).
    pub fn sign(&self, claims: &Claims) -> Result<String, ApiError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|e| ApiError::Internal(format!("cannot sign token: {e}")))
    }

    /// Verifies an access token, a person's or an API client's, and returns
    /// who it names. A client's needs `needs` (`clients::needed_scope`).
    pub fn verify(&self, token: &str, needs: Option<&'static str>) -> Result<Auth, ApiError> {
        let claims = self.claims(token)?;
        let id = claims.sub.parse::<i64>().map_err(|_| rejected())?;
        match claims.typ.as_str() {
            ACCESS_TYPE => Ok(Auth::User {
                id,
                epoch: claims.sev,
            }),
            crate::accounts::clients::CLIENT_TOKEN => Ok(Auth::Client {
                id,
                epoch: claims.sev,
                needs,
                granted: claims.scp.unwrap_or(u32::MAX),
            }),
            _ => Err(rejected()),
        }
    }

    /// Signs an access token for an API client in its current epoch, with
    /// the scopes it asked for (`clients::scope_bits`).
    pub fn issue_client(
        &self,
        client_id: i64,
        epoch: i64,
        scopes: u32,
    ) -> Result<String, ApiError> {
        let now = chrono::Utc::now().timestamp();
        self.sign(&Claims {
            sub: client_id.to_string(),
            exp: now + self.ttl,
            nbf: now,
            iat: now,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            typ: crate::accounts::clients::CLIENT_TOKEN.into(),
            sev: epoch,
            scp: Some(scopes),
        })
    }

    fn claims(&self, token: &str) -> Result<Claims, ApiError> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|_| rejected())
    }

    /// Signs a token of another type (`typ`) for a user, valid for `ttl`
    /// seconds: it never stands in for an access token.
    pub fn issue_as(
        &self,
        user_id: i64,
        epoch: i64,
        typ: &str,
        ttl: i64,
    ) -> Result<String, ApiError> {
        let now = chrono::Utc::now().timestamp();
        self.sign(&Claims {
            sub: user_id.to_string(),
            exp: now + ttl,
            nbf: now,
            iat: now,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            typ: typ.into(),
            sev: epoch,
            scp: None,
        })
    }

    /// Verifies a token of type `typ` and returns who it names.
    pub fn verify_as(&self, token: &str, typ: &str) -> Result<Auth, ApiError> {
        let claims = self.claims(token)?;
        if claims.typ != typ || typ == crate::accounts::clients::CLIENT_TOKEN {
            return Err(rejected());
        }
        let id = claims.sub.parse::<i64>().map_err(|_| rejected())?;
        Ok(Auth::User {
            id,
            epoch: claims.sev,
        })
    }
}

fn rejected() -> ApiError {
    ApiError::Unauthorized("The access token is invalid or has expired. Sign in again.".into())
}

/// Who sent the request, as far as the token says. A missing header is
/// anonymous; a header with a bad token is 401, never silently anonymous.
#[derive(Debug, Clone, Copy)]
pub enum Auth {
    Anonymous,
    /// A verified token; the database still checks that the account exists
    /// and that `epoch` is its current session epoch (`Viewer::load`).
    User {
        id: i64,
        epoch: i64,
    },
    /// An API client's token (`accounts::clients`); the database still
    /// checks the client and its epoch, and that it has the scope `needs`
    /// that the request's method and address call for (`None`: a read).
    Client {
        id: i64,
        epoch: i64,
        needs: Option<&'static str>,
        /// The scopes the token was given (`clients::scope_bits`).
        granted: u32,
    },
}

impl Auth {
    /// The person's account; `None` for anonymous requests and API clients.
    pub fn user_id(self) -> Option<i64> {
        match self {
            Auth::User { id, .. } => Some(id),
            Auth::Anonymous | Auth::Client { .. } => None,
        }
    }

    /// 401 unless someone signed in: a person, or an API client.
    pub fn signed_in(self) -> Result<(), ApiError> {
        match self {
            Auth::Anonymous => Err(sign_in_first()),
            Auth::User { .. } | Auth::Client { .. } => Ok(()),
        }
    }

    /// The person's account: 401 when anonymous, 403 for an API client
    /// (what a person does for themselves, such as their own account).
    pub fn required(self) -> Result<i64, ApiError> {
        match self {
            Auth::User { id, .. } => Ok(id),
            Auth::Anonymous => Err(sign_in_first()),
            Auth::Client { .. } => Err(for_people_only()),
        }
    }
}

fn sign_in_first() -> ApiError {
    ApiError::Unauthorized("Sign in first: send Authorization: Bearer <token>.".into())
}

/// What an API client hears when it asks what only a person may do.
pub fn for_people_only() -> ApiError {
    ApiError::Forbidden(
        "Only a person signed in with their own account may do this, not an API client.".into(),
    )
}

impl FromRequest for Auth {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(value) = req.headers().get(header::AUTHORIZATION) else {
            return ready(Ok(Auth::Anonymous));
        };
        let bad =
            || ApiError::Unauthorized("Send the token as Authorization: Bearer <token>.".into());
        let token = value
            .to_str()
            .ok()
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim);
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            return ready(Err(bad()));
        };
        let Some(state) = req.app_data::<actix_web::web::Data<crate::AppState>>() else {
            return ready(Err(ApiError::Internal("application state missing".into())));
        };
        let needs = crate::accounts::clients::needed_scope(req.method(), req.path());
        ready(state.keys.verify(token, needs))
    }
}

/// A piece of password work for the password threads.
type PasswordJob = Box<dyn FnOnce() + Send>;

/// The queue of the password threads: cores minus one threads (at least
/// one) that run at a lower CPU priority than the rest of the server (nice
/// +10 on Linux). `None` when no thread could be started.
fn password_threads() -> Option<&'static std::sync::mpsc::Sender<PasswordJob>> {
    use std::sync::{mpsc, Arc, Mutex, OnceLock};
    static QUEUE: OnceLock<Option<mpsc::Sender<PasswordJob>>> = OnceLock::new();
    QUEUE
        .get_or_init(|| {
            return_large_blocks_to_the_system();
            let (sender, receiver) = mpsc::channel::<PasswordJob>();
            let receiver = Arc::new(Mutex::new(receiver));
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let mut started = 0;
            for i in 0..cores.saturating_sub(1).max(1) {
                let receiver = receiver.clone();
                let spawned = std::thread::Builder::new()
                    .name(format!("password-{i}"))
                    .spawn(move || {
                        lower_thread_priority();
                        loop {
                            let job = receiver.lock().unwrap_or_else(|e| e.into_inner()).recv();
                            let Ok(job) = job else { break };
                            // A panic fails that one sign-in (its answer
                            // channel is dropped), not the thread.
                            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                        }
                    });
                match spawned {
                    Ok(_) => started += 1,
                    Err(e) => tracing::error!("cannot start a password thread: {e}"),
                }
            }
            (started > 0).then_some(sender)
        })
        .as_ref()
}

/// Lowers the calling thread's CPU priority by 10 nice steps (Linux keeps a
/// nice value per thread), so password hashing only gets the CPU time that
/// requests leave over.
#[cfg(target_os = "linux")]
fn lower_thread_priority() {
    // SAFETY: getpriority and setpriority only read and set the calling
    // thread's nice value (`who` 0); they touch no memory of ours.
    unsafe {
        let now = libc::getpriority(libc::PRIO_PROCESS, 0);
        libc::setpriority(libc::PRIO_PROCESS, 0, (now + 10).min(19));
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_thread_priority() {}

/// Makes glibc's malloc serve every block of 2 MiB or more with its own
/// memory mapping, returned to the system when freed. By default the
/// threshold grows to the largest block freed so far, so argon2's 19 MiB
/// blocks then came from the shared heaps, where small allocations of other
/// threads settled into the freed space and each new hash grew the heap
/// again: a login flood took the server from 40 MB to 1.1 GB resident.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks_to_the_system() {
    // SAFETY: mallopt only changes a malloc tuning parameter; it is safe to
    // call at any time, also while other threads allocate.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 2 * 1024 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_blocks_to_the_system() {}

/// Runs password hashing work (argon2: tens of milliseconds and 19 MiB each)
/// on the password threads: never more at once than there are cores minus
/// one, and at a lower CPU priority, so a login flood can neither starve the
/// other requests of CPU nor grow the memory with every concurrent attempt.
/// Sign-ins beyond that wait their turn in a queue, without holding a thread.
pub async fn password_work<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    let Some(queue) = password_threads() else {
        return actix_web::web::block(work)
            .await
            .map_err(|e| ApiError::Internal(e.to_string()));
    };
    let (answer, answered) = tokio::sync::oneshot::channel();
    queue
        .send(Box::new(move || {
            let _ = answer.send(work());
        }))
        .map_err(|_| ApiError::Internal("the password threads have stopped".into()))?;
    answered
        .await
        .map_err(|_| ApiError::Internal("password work failed".into()))
}

/// Hashes a password with argon2id (default, OWASP-minimum parameters).
pub fn hash_password(password: &str) -> Result<String, ApiError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| ApiError::Internal(format!("cannot hash password: {e}")))
}

/// Checks a password against a stored hash. Always does the full work, also
/// for unknown accounts (pass `None`), so timing does not tell them apart.
pub fn verify_password(password: &str, hash: Option<&str>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_password("not a real password").unwrap_or_default());
    let target = hash.unwrap_or(dummy);
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), target)
        .is_ok();
    ok && hash.is_some()
}
