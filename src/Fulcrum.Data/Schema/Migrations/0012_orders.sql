-- Orders (transactional businesses: shops, marketplaces, one-off purchases). Fulcrum aggregates them per customer
-- for the hard outcomes a business without renewals has: repeat purchase, revenue over the next months, refunds.
-- Natural key: order_id. Portable SQL (DuckDB and PostgreSQL).

CREATE TABLE orders (
    order_id       VARCHAR PRIMARY KEY,
    account_id     VARCHAR NOT NULL,
    ordered_at     TIMESTAMP NOT NULL,
    amount         DOUBLE PRECISION NOT NULL,
    status         VARCHAR,
    refund_amount  DOUBLE PRECISION,
    attributes     {{JSON}}
);
