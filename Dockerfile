# syntax=docker/dockerfile:1
#
# The themanet container image: one binary that serves the API, its docs and
# the web frontend. Build and run it with `docker compose up` (see
# docker-compose.yml and docs/operations.md), or on its own:
#
#   docker build -t themanet .
#   docker run -p 127.0.0.1:8080:8080 -v themanet-data:/app/data themanet   # SQLite
#
# Three stages:
#   build    compiles the release binary with the same system libraries and
#            the same command as the README (scripts/deps.sh):
#            libpq-dev libsqlite3-dev libssl-dev, `cargo build --release --locked`.
#            scripts/check-compose.sh fails when the two drift apart.
#   web      copies the front-end packages from npm into web/vendor/ with
#            scripts/web-vendor.sh, when the repository has that script.
#   runtime  debian:bookworm-slim with only the shared libraries, the binary
#            and web/, running as an unprivileged user (uid 10001).

# --- build -------------------------------------------------------------------
FROM rust:1-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev libsqlite3-dev libssl-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Dependencies first, with stub sources: this layer is rebuilt only when
# Cargo.toml or Cargo.lock change, not on every change to the code.
COPY Cargo.toml Cargo.lock ./
RUN mkdir api \
 && echo 'fn main() {}' > api/main.rs \
 && touch api/lib.rs \
 && cargo build --release --locked \
 && rm -rf api

# Then the project itself (.dockerignore keeps target/, node_modules/, .git
# and databases out). `touch` makes cargo see the real sources as newer than
# the stubs it just built.
COPY . .
RUN touch api/main.rs api/lib.rs \
 && cargo build --release --locked \
 && cp target/release/themanet /themanet \
 && /themanet help >/dev/null

# --- web ---------------------------------------------------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts/ scripts/
COPY web/ web/
# Only the runtime front-end packages (`--omit=dev`: no Spectral, no
# Playwright), and only when there is something to vendor.
RUN if [ -f scripts/web-vendor.sh ]; then \
      npm ci --omit=dev --no-audit --no-fund --loglevel=error \
      && bash scripts/web-vendor.sh; \
    else \
      echo "web: no scripts/web-vendor.sh, so no vendored front-end packages"; \
    fi

# --- runtime -----------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 libsqlite3-0 libssl3 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 themanet \
 && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin themanet \
 && mkdir -p /app/data \
 && chown 10001:10001 /app/data
WORKDIR /app
COPY --from=build /themanet /app/themanet
COPY --from=web /src/web /app/web

# Listen on every interface inside the container. Without a DATABASE_URL of
# its own the platform keeps an SQLite database in /app/data (mount a volume
# there to keep it); docker-compose.yml sets a PostgreSQL one. No demo data:
# its accounts have a password printed in the README (DEMO_DATA=on for a
# demonstration; never in production).
ENV BIND_ADDRESS=0.0.0.0:8080 \
    WEB_DIR=/app/web \
    DATABASE_URL=sqlite:///app/data/themanet.db \
    DEMO_DATA=off
EXPOSE 8080
USER 10001:10001

# Ready means: the server answers and its database does (GET /health/ready).
# The slim image has no curl or wget; rather than add curl and its libraries,
# bash (always in Debian) speaks just enough HTTP over /dev/tcp. The port is
# taken from BIND_ADDRESS, so the check follows a changed port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${BIND_ADDRESS##*:} && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["/app/themanet"]
CMD ["serve"]
