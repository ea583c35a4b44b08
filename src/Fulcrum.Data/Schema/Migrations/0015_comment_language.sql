-- Comments in languages without a sentiment model (French, German, …) get no sentiment figure rather than a neutral 0,
-- so the sentiment columns become nullable; response_sentiment records each comment's detected language (ISO 639-1:
-- en, pt, es, fr, de), which gives the language mix and which sentiment model, if any, was used. Portable SQL (DuckDB and
-- PostgreSQL). A NULL label passes the label CHECK (a check is only violated when it is false).
ALTER TABLE response_themes ALTER COLUMN sentiment DROP NOT NULL;
ALTER TABLE response_sentiment ALTER COLUMN score DROP NOT NULL;
ALTER TABLE response_sentiment ALTER COLUMN label DROP NOT NULL;
ALTER TABLE response_sentiment ADD COLUMN language VARCHAR;
