-- The linkage fit cache: one fitted linkage (bootstrap replicates' coefficients and descriptive totals, and the
-- cross-validation result) per set of fitting inputs and fit options, so linkage, business-case, theme impact, the
-- report and the web app fit once and re-value with other assumptions without refitting. inputs_hash is the SHA-256 of
-- the modelling rows and model designs the fit saw (a data change, including new theme assignments, gives another
-- hash); data_version is the store's version when the fit was made, used to prune fits of older data.
-- Portable SQL (DuckDB and PostgreSQL); payload is a compressed binary record (LinkageFitCodec).
CREATE TABLE linkage_fits (
    fit_key          VARCHAR NOT NULL,
    cross_validated  BOOLEAN NOT NULL,
    inputs_hash      VARCHAR NOT NULL,
    options          VARCHAR NOT NULL,
    data_version     BIGINT NOT NULL,
    payload          {{BLOB}} NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (fit_key, cross_validated)
);
