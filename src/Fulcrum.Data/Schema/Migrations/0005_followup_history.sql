-- Closed loop (`fulcrum followups`, Fulcrum.Analytics.Value.ClosedLoop): every status change of a follow-up, in order.
-- The followups table (0001) holds each case's current state; this table is its history, so time to assign and
-- time to close can be measured and no change is lost. Natural key: (response_id, seq). Portable SQL (DuckDB and
-- PostgreSQL); from_status is NULL for the event that opened the case.

CREATE TABLE followup_events (
    response_id  VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    from_status  VARCHAR CHECK (from_status IN ('open', 'assigned', 'closed')),
    to_status    VARCHAR NOT NULL CHECK (to_status IN ('open', 'assigned', 'closed')),
    changed_at   TIMESTAMP NOT NULL,
    owner        VARCHAR,
    note         VARCHAR,
    PRIMARY KEY (response_id, seq)
);
