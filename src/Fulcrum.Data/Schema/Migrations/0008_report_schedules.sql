-- The executive report on a schedule (`fulcrum serve`): schedules admins create, and every report run (scheduled or asked
-- for on the Reports page), with its delivery, attempts and error. Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE report_schedules (
    schedule_id   VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    cron          VARCHAR NOT NULL,
    time_zone     VARCHAR NOT NULL,
    period_rule   VARCHAR NOT NULL,
    compare_with  VARCHAR NOT NULL,
    formats       VARCHAR NOT NULL,
    delivery      VARCHAR NOT NULL CHECK (delivery IN ('folder', 'email', 'webhook')),
    target        VARCHAR NOT NULL,
    enabled       BOOLEAN NOT NULL,
    created_by    VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    next_run_at   TIMESTAMP
);

CREATE TABLE report_runs (
    run_id        VARCHAR PRIMARY KEY,
    schedule_id   VARCHAR,
    period        VARCHAR NOT NULL,
    compare_with  VARCHAR NOT NULL,
    formats       VARCHAR NOT NULL,
    requested_by  VARCHAR NOT NULL,
    status        VARCHAR NOT NULL CHECK (status IN ('running', 'generated', 'delivered', 'failed')),
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    attempts      INTEGER NOT NULL,
    delivered_to  VARCHAR,
    error         VARCHAR,
    folder        VARCHAR
);
