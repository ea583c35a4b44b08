-- The path to Citus (docs/scale.md, "Stage 3"): a distributed table's unique keys must include its distribution column,
-- account_id. The four big account-keyed tables were keyed by their own id alone; their primary keys become
-- (account_id, id). The id stays unique on its own: the importer and the intake move a record whose account changed
-- (Fulcrum.Data.Import.AccountMove) instead of adding a second copy. CanonicalSchema's StorageKey records the new keys.
-- DuckDB cannot alter a primary key, so each table is recreated with the same columns in the same order and its rows
-- copied; the same statements run on PostgreSQL. Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE responses_0013 (
    response_id   VARCHAR NOT NULL,
    account_id    VARCHAR NOT NULL,
    contact       VARCHAR,
    survey        VARCHAR,
    channel       VARCHAR,
    responded_at  TIMESTAMP NOT NULL,
    nps           SMALLINT,
    csat          DOUBLE PRECISION,
    ces           DOUBLE PRECISION,
    comment       VARCHAR,
    attributes    {{JSON}},
    PRIMARY KEY (account_id, response_id)
);
INSERT INTO responses_0013 SELECT response_id, account_id, contact, survey, channel, responded_at, nps, csat, ces, comment, attributes FROM responses;
DROP TABLE responses;
ALTER TABLE responses_0013 RENAME TO responses;

CREATE TABLE tickets_0013 (
    ticket_id       VARCHAR NOT NULL,
    account_id      VARCHAR NOT NULL,
    opened_at       TIMESTAMP NOT NULL,
    closed_at       TIMESTAMP,
    channel         VARCHAR,
    category        VARCHAR,
    handle_minutes  DOUBLE PRECISION,
    contacts        INTEGER,
    reopened        BOOLEAN,
    csat            DOUBLE PRECISION,
    attributes      {{JSON}},
    PRIMARY KEY (account_id, ticket_id)
);
INSERT INTO tickets_0013 SELECT ticket_id, account_id, opened_at, closed_at, channel, category, handle_minutes, contacts, reopened, csat, attributes FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_0013 RENAME TO tickets;

CREATE TABLE reference_requests_0013 (
    reference_id    VARCHAR NOT NULL,
    account_id      VARCHAR NOT NULL,
    requested_at    DATE NOT NULL,
    agreed          BOOLEAN,
    used_at         DATE,
    opportunity_id  VARCHAR,
    attributes      {{JSON}},
    PRIMARY KEY (account_id, reference_id)
);
INSERT INTO reference_requests_0013 SELECT reference_id, account_id, requested_at, agreed, used_at, opportunity_id, attributes FROM reference_requests;
DROP TABLE reference_requests;
ALTER TABLE reference_requests_0013 RENAME TO reference_requests;

CREATE TABLE orders_0013 (
    order_id       VARCHAR NOT NULL,
    account_id     VARCHAR NOT NULL,
    ordered_at     TIMESTAMP NOT NULL,
    amount         DOUBLE PRECISION NOT NULL,
    status         VARCHAR,
    refund_amount  DOUBLE PRECISION,
    attributes     {{JSON}},
    PRIMARY KEY (account_id, order_id)
);
INSERT INTO orders_0013 SELECT order_id, account_id, ordered_at, amount, status, refund_amount, attributes FROM orders;
DROP TABLE orders;
ALTER TABLE orders_0013 RENAME TO orders;
