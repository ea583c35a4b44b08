-- Access to the web app (`fulcrum serve`, Fulcrum.Web): users, API keys and the shared secret that signs survey webhooks.
-- Passwords are stored as ASP.NET Core Identity PBKDF2 hashes; API keys as the SHA-256 of the key (keys are 256-bit random,
-- so a fast hash is enough and the key itself is shown once). Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE users (
    username       VARCHAR PRIMARY KEY,
    password_hash  VARCHAR NOT NULL,
    role           VARCHAR NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    created_at     TIMESTAMP NOT NULL,
    disabled_at    TIMESTAMP
);

CREATE TABLE api_keys (
    key_id       VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    key_hash     VARCHAR NOT NULL UNIQUE,
    role         VARCHAR NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    created_by   VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    revoked_at   TIMESTAMP
);

-- The HMAC-SHA256 secret webhook senders share with Fulcrum. Symmetric, so it is kept as is (only admins can read it).
CREATE TABLE intake_secrets (
    name        VARCHAR PRIMARY KEY,
    secret      VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
