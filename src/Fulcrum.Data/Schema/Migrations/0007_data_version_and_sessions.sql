-- A data version that every committed write bumps (imports, webhook intake, edits, generation), so fact tables and
-- cached figures notice updates too, not only new rows; and a security stamp per web user, changed on sign-out, disabling,
-- a role or password change, so that every session issued before it ends. Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE data_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);

ALTER TABLE users ADD COLUMN security_stamp VARCHAR;
