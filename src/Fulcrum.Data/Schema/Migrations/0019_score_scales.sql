-- The scale each bounded survey score is answered on, as a mapping declared it (`scales:` csat/ces), one row per metric.
-- Without a row the default holds (CSAT 1-5, CES 1-7). Imports and the web intake check answers against it, and every
-- reader of levels (the closed loop's rule, repeat purchase's dissatisfied/satisfied, metric intervals, driver
-- performance) reads it, so a CES asked on 1-5 has its high-effort answers at 5, not at 6-7 of a default scale.
-- A store migrated with answers outside the defaults (imported under a declared scale before scales were stored) keeps
-- the scale those answers imply, as the readers widened the default to before. Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE score_scales (
    metric       VARCHAR PRIMARY KEY CHECK (metric IN ('csat', 'ces')),
    min_value    DOUBLE PRECISION NOT NULL,
    max_value    DOUBLE PRECISION NOT NULL,
    declared_by  VARCHAR NOT NULL,
    declared_at  TIMESTAMP NOT NULL,
    CHECK (min_value < max_value)
);

INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at)
SELECT 'csat', LEAST(1, MIN(v)), GREATEST(5, MAX(v)), 'the answers on record when scales were first stored', CAST(CURRENT_TIMESTAMP AS TIMESTAMP)
FROM (SELECT csat AS v FROM responses UNION ALL SELECT csat AS v FROM tickets) answers
HAVING MIN(v) < 1 OR MAX(v) > 5;

INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at)
SELECT 'ces', LEAST(1, MIN(ces)), GREATEST(7, MAX(ces)), 'the answers on record when scales were first stored', CAST(CURRENT_TIMESTAMP AS TIMESTAMP)
FROM responses
HAVING MIN(ces) < 1 OR MAX(ces) > 7;
