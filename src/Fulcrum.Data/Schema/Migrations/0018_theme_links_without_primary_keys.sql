-- response_themes and response_sentiment lose their primary keys. Both are derived tables that only `fulcrum themes`
-- writes, through TableSync, which makes each hold exactly one run's rows (one per comment and theme, one per comment):
-- the writer keeps the keys unique, and every read joins or groups them, which never uses the index. Maintaining that
-- index cost most of storing a run (at a million comments, ~7 of ~10 CPU-s: the index was built row by row as three
-- million rows were appended, then merged and written at commit). Writers are serialised: the web app runs one theme run
-- at a time, a DuckDB file has one writing process, and on PostgreSQL TableSync locks the table it writes.
-- DuckDB cannot drop a primary key, so each table is recreated with the same columns in the same order and its rows
-- copied; the same statements run on PostgreSQL. Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE response_themes_0018 (
    response_id  VARCHAR NOT NULL,
    theme_id     VARCHAR NOT NULL,
    similarity   DOUBLE PRECISION NOT NULL,
    sentiment    DOUBLE PRECISION,
    is_primary   BOOLEAN NOT NULL
);
INSERT INTO response_themes_0018 SELECT response_id, theme_id, similarity, sentiment, is_primary FROM response_themes;
DROP TABLE response_themes;
ALTER TABLE response_themes_0018 RENAME TO response_themes;

CREATE TABLE response_sentiment_0018 (
    response_id  VARCHAR NOT NULL,
    score        DOUBLE PRECISION,
    label        VARCHAR CHECK (label IN ('negative', 'neutral', 'positive')),
    method       VARCHAR NOT NULL,
    language     VARCHAR
);
INSERT INTO response_sentiment_0018 SELECT response_id, score, label, method, language FROM response_sentiment;
DROP TABLE response_sentiment;
ALTER TABLE response_sentiment_0018 RENAME TO response_sentiment;
