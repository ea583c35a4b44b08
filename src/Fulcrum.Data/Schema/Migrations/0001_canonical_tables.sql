-- Canonical data model (DESIGN.md). Portable SQL: DuckDB and PostgreSQL both accept it,
-- except JSON, which each store maps to its own type (see SqlDialect).
-- Every table keeps a natural key so a re-import updates instead of duplicating.

CREATE TABLE accounts (
    account_id   VARCHAR PRIMARY KEY,
    name         VARCHAR,
    segment      VARCHAR,
    region       VARCHAR,
    industry     VARCHAR,
    created_at   DATE,
    owner        VARCHAR,
    attributes   {{JSON}}
);

CREATE TABLE subscriptions (
    account_id       VARCHAR NOT NULL,
    product          VARCHAR NOT NULL,
    start_date       DATE NOT NULL,
    end_date         DATE,
    arr              DOUBLE PRECISION NOT NULL,
    account_manager  VARCHAR,
    attributes       {{JSON}},
    PRIMARY KEY (account_id, product, start_date)
);

CREATE TABLE responses (
    response_id   VARCHAR PRIMARY KEY,
    account_id    VARCHAR NOT NULL,
    contact       VARCHAR,
    survey        VARCHAR,
    channel       VARCHAR,
    responded_at  TIMESTAMP NOT NULL,
    nps           SMALLINT,
    csat          DOUBLE PRECISION,
    ces           DOUBLE PRECISION,
    comment       VARCHAR,
    attributes    {{JSON}}
);

CREATE TABLE tickets (
    ticket_id       VARCHAR PRIMARY KEY,
    account_id      VARCHAR NOT NULL,
    opened_at       TIMESTAMP NOT NULL,
    closed_at       TIMESTAMP,
    channel         VARCHAR,
    category        VARCHAR,
    handle_minutes  DOUBLE PRECISION,
    contacts        INTEGER,
    reopened        BOOLEAN,
    csat            DOUBLE PRECISION,
    attributes      {{JSON}}
);

CREATE TABLE outcomes (
    account_id    VARCHAR NOT NULL,
    outcome_date  DATE NOT NULL,
    kind          VARCHAR NOT NULL,
    arr_before    DOUBLE PRECISION NOT NULL,
    arr_after     DOUBLE PRECISION NOT NULL,
    reason        VARCHAR,
    attributes    {{JSON}},
    PRIMARY KEY (account_id, outcome_date, kind)
);

-- "references" is an SQL keyword, hence reference_requests.
CREATE TABLE reference_requests (
    reference_id    VARCHAR PRIMARY KEY,
    account_id      VARCHAR NOT NULL,
    requested_at    DATE NOT NULL,
    agreed          BOOLEAN,
    used_at         DATE,
    opportunity_id  VARCHAR,
    attributes      {{JSON}}
);

CREATE TABLE opportunities (
    opportunity_id  VARCHAR PRIMARY KEY,
    account_id      VARCHAR,
    amount          DOUBLE PRECISION NOT NULL,
    stage           VARCHAR,
    created_at      DATE,
    closed_at       DATE,
    won             BOOLEAN,
    attributes      {{JSON}}
);

CREATE TABLE initiatives (
    initiative_id  VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    start_date     DATE NOT NULL,
    end_date       DATE,
    cost           DOUBLE PRECISION,
    target         VARCHAR,
    lever          VARCHAR,
    owner          VARCHAR,
    status         VARCHAR,
    attributes     {{JSON}}
);

CREATE TABLE followups (
    response_id  VARCHAR PRIMARY KEY,
    owner        VARCHAR,
    status       VARCHAR NOT NULL,
    due          DATE,
    resolution   VARCHAR,
    opened_at    TIMESTAMP,
    closed_at    TIMESTAMP
);

CREATE TABLE assumptions (
    name         VARCHAR PRIMARY KEY,
    value        DOUBLE PRECISION NOT NULL,
    unit         VARCHAR,
    description  VARCHAR,
    updated_at   TIMESTAMP
);

-- Bookkeeping: imports, their rejects, the demo generator's planted effects.
CREATE TABLE import_runs (
    import_id      VARCHAR PRIMARY KEY,
    target         VARCHAR NOT NULL,
    source_file    VARCHAR NOT NULL,
    mapping_file   VARCHAR,
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP,
    status         VARCHAR NOT NULL,
    rows_read      BIGINT NOT NULL,
    rows_inserted  BIGINT NOT NULL,
    rows_updated   BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    message        VARCHAR
);

CREATE TABLE import_rejects (
    import_id    VARCHAR NOT NULL,
    seq          BIGINT NOT NULL,
    table_name   VARCHAR,
    file         VARCHAR NOT NULL,
    line         BIGINT,
    column_name  VARCHAR,
    field        VARCHAR,
    value        VARCHAR,
    reason       VARCHAR NOT NULL,
    PRIMARY KEY (import_id, seq)
);

CREATE TABLE ground_truth (
    effect_id    VARCHAR PRIMARY KEY,
    description  VARCHAR NOT NULL,
    metric       VARCHAR NOT NULL,
    nominal      DOUBLE PRECISION,
    realized     DOUBLE PRECISION,
    unit         VARCHAR,
    detail       VARCHAR
);

CREATE TABLE store_metadata (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR
);
