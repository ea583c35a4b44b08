-- Themes in free-text comments (`fulcrum themes`, Fulcrum.Analytics.Themes). Portable SQL (DuckDB and PostgreSQL):
-- vectors are little-endian float32 arrays in binary columns (BLOB in DuckDB, BYTEA in PostgreSQL).

-- One sentence embedding per distinct comment text and model, so a re-run embeds only text it has not seen.
-- text_hash is the SHA-256 (hex) of the cleaned text the model saw.
CREATE TABLE text_embeddings (
    text_hash   VARCHAR NOT NULL,
    model       VARCHAR NOT NULL,
    dimension   INTEGER NOT NULL,
    vector      {{BLOB}} NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (text_hash, model)
);

-- A theme: discovered by clustering, or defined / merged / split by a user. theme_id is stable across re-runs
-- (a new clustering is matched to these rows by centroid similarity). status: 'active' (assigned to comments),
-- 'retired' (not found in the latest run; comes back with the same id if found again), 'merged' (into parent_id),
-- 'split' (replaced by the themes whose parent_id is this one). label_locked: a user renamed it, keep the label.
CREATE TABLE themes (
    theme_id        VARCHAR PRIMARY KEY,
    label           VARCHAR NOT NULL,
    label_locked    BOOLEAN NOT NULL DEFAULT false,
    keywords        VARCHAR NOT NULL DEFAULT '',
    definition      VARCHAR,
    origin          VARCHAR NOT NULL CHECK (origin IN ('discovered', 'defined', 'merged', 'split')),
    status          VARCHAR NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired', 'merged', 'split')),
    parent_id       VARCHAR,
    model           VARCHAR NOT NULL,
    dimension       INTEGER NOT NULL,
    centroid        {{BLOB}} NOT NULL,
    representatives {{JSON}},
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

-- Which themes each comment mentions (multi-label), with its cosine similarity to the theme centroid and the
-- sentiment of the sentence(s) mentioning it (−1..1). is_primary marks the closest theme of the comment.
-- The business case joins this to responses (account_id, responded_at).
CREATE TABLE response_themes (
    response_id  VARCHAR NOT NULL,
    theme_id     VARCHAR NOT NULL,
    similarity   DOUBLE PRECISION NOT NULL,
    sentiment    DOUBLE PRECISION NOT NULL,
    is_primary   BOOLEAN NOT NULL,
    PRIMARY KEY (response_id, theme_id)
);

-- Sentiment of each comment: score −1..1 (lexicon compound score) and its label.
CREATE TABLE response_sentiment (
    response_id  VARCHAR PRIMARY KEY,
    score        DOUBLE PRECISION NOT NULL,
    label        VARCHAR NOT NULL CHECK (label IN ('negative', 'neutral', 'positive')),
    method       VARCHAR NOT NULL
);
