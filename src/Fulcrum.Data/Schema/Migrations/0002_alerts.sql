-- Alerts raised by control charts on metric series (`fulcrum alerts`, Fulcrum.Analytics.Alerts).
-- Natural key: alert_id, a hash of metric, dimension, group, period, method and direction, so a re-run of the scan
-- inserts with ON CONFLICT (alert_id) DO NOTHING and adds no duplicates. Portable SQL (DuckDB and PostgreSQL);
-- "group" and "limit" are SQL keywords, hence group_value and limit_value.

CREATE TABLE alerts (
    alert_id       VARCHAR PRIMARY KEY,
    metric         VARCHAR NOT NULL,
    dimension      VARCHAR NOT NULL,
    group_value    VARCHAR NOT NULL,
    period         DATE NOT NULL,
    period_label   VARCHAR NOT NULL,
    method         VARCHAR NOT NULL CHECK (method IN ('ewma', 'cusum')),
    direction      VARCHAR NOT NULL CHECK (direction IN ('up', 'down')),
    value          DOUBLE PRECISION NOT NULL,
    expected       DOUBLE PRECISION NOT NULL,
    limit_value    DOUBLE PRECISION NOT NULL,
    evidence       VARCHAR NOT NULL,
    detail         {{JSON}},
    -- 'new' until the alert has been reported (listed by `fulcrum alerts` or delivered to its webhook), then 'seen'.
    status         VARCHAR NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'seen')),
    first_seen_at  TIMESTAMP NOT NULL,
    seen_at        TIMESTAMP
);
