-- Test tables for PostgresIT and the database benchmark (loaded by .ci/postgres.sh).

-- Every type Baton maps, two rows of values known by hand and one row of NULLs.
CREATE TABLE every_type (
  id integer, small smallint, big bigint, num numeric(12,4), real4 real, dbl double precision, flag boolean,
  day date, at timestamp, at_tz timestamptz, label varchar(20), note text, code char(3), uid uuid, tm time,
  js jsonb, arr integer[], raw bytea, span interval
);
INSERT INTO every_type VALUES
  (1, -7, 9007199254740993, 1234.5678, 1.5, 2.25, true, '2024-02-29', '2024-01-02 03:04:05', '2024-01-01 10:00:00+02',
   'Adelie', 'first note', 'ABC', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '10:30:00', '{"a": 1}', '{1,2}', '\x6162', '1 day'),
  (2, 32767, -1, -0.5000, -3.25, 1e-10, false, '1970-01-01', '1999-12-31 23:59:59', '2024-06-01 00:00:00+00',
   'Gentoo', 'second', 'XYZ', NULL, '23:59:59', '[]', '{}', '\x', '2 hours'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- The sample penguins (sample-data/penguins.csv), typed as a database would hold them.
CREATE TABLE penguins (
  species text, island text, bill_length_mm double precision, bill_depth_mm double precision,
  flipper_length_mm integer, body_mass_g integer, sex text, year integer
);

-- 1,000,000 rows x 12 mixed columns, deterministic: the streaming test and the benchmark.
CREATE TABLE big AS
SELECT i::integer AS id,
       (i * 7919) % 1000 AS small_int,
       ((i * 104729) % 1000003)::bigint * 1000 AS big_int,
       round(((i * 31) % 100000) / 100.0, 2)::numeric(10,2) AS price,
       sin(i) * 100 AS wave,
       ((i * 13) % 997) / 7.0 AS ratio,
       (i % 3 = 0) AS flag,
       DATE '2020-01-01' + (i % 1461)::integer AS day,
       TIMESTAMP '2020-01-01 00:00:00' + (i % 100000)::integer * INTERVAL '1 minute' AS at,
       (ARRAY['red', 'green', 'blue', 'yellow', 'black'])[(1 + i % 5)::integer] AS colour,
       'store-' || (i % 250) AS store,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'c' || (i % 37) END AS code
FROM generate_series(1::bigint, 1000000::bigint) AS s(i);
ANALYZE;
