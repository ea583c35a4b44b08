-- The sentiment classifier a user trained on their own labelled or scored comments (`fulcrum sentiment train`), used by
-- `fulcrum themes` instead of the lexicon while it is stored (`fulcrum sentiment forget` removes it). One row at most.
-- model: the fitted ML.NET pipeline as saved by MLContext.Model.Save (zip bytes); metrics: its cross-validation as JSON text.
-- Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE sentiment_models (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    model         {{BLOB}} NOT NULL,
    label_source  VARCHAR NOT NULL,
    method        VARCHAR NOT NULL,
    metrics       VARCHAR NOT NULL,
    comments      BIGINT NOT NULL,
    trained_at    TIMESTAMP NOT NULL,
    data_version  BIGINT NOT NULL
);
