-- Outcomes without ARR: a business with no recurring revenue (a shop, a marketplace) still has renewals and churn to
-- model. Its outcomes are counts and rates; money then comes from orders, or is absent, never an invented ARR.
-- Portable SQL (DuckDB and PostgreSQL).

ALTER TABLE outcomes ALTER COLUMN arr_before DROP NOT NULL;
ALTER TABLE outcomes ALTER COLUMN arr_after DROP NOT NULL;
