"""The peer of `baton bench database`: pandas.read_sql over psycopg2 on the same table, timed in this process.

usage: read_sql.py HOST PORT DATABASE USER QUERY RUNS  (the password comes from PGPASSWORD or ~/.pgpass, as libpq reads them)
Prints one line per timed run: seconds rows columns. One untimed warm-up run first, as Baton's side has.
"""
import sys
import time
import warnings

import pandas as pd
import psycopg2

host, port, database, user, query, runs = sys.argv[1:7]
warnings.filterwarnings("ignore", message="pandas only supports SQLAlchemy")
connection = psycopg2.connect(host=host, port=int(port), dbname=database, user=user)
pd.read_sql(query, connection)
for _ in range(int(runs)):
    start = time.perf_counter()
    frame = pd.read_sql(query, connection)
    print(f"{time.perf_counter() - start:.4f} {frame.shape[0]} {frame.shape[1]}", flush=True)
connection.close()
