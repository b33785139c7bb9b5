"""PostgreSQL: the program runs as a role that can add history but not rewrite it.

Only a table's owner (or a superuser) may drop or disable its triggers, and only a superuser may
switch triggers off for a session (``session_replication_role``). So the tables belong to an
*owner* role, which runs the migrations, and the program's day-to-day connections use an *app*
role that may read everything, change the working tables, and on a history table only add rows
and seal them (``UPDATE`` of ``row_hash`` alone, which the trigger allows once per row). Without
UPDATE, DELETE and TRUNCATE on those tables, and without ownership, the app role cannot rewrite the
log even by switching the triggers off first.

Run as the owner after every schema upgrade (docs/reliability.md):

    REVIEW_DATABASE_URL=postgresql://review_owner:…@host/db python -m review.store.roles review_app
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import Connection, inspect

from review.store import schema
from review.store.chain import CHAIN_COLUMN


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def grant_statements(conn: Connection, app_role: str) -> list[str]:
    """The GRANTs that give ``app_role`` exactly what the program needs, for the tables present now."""
    role = _quoted(app_role)
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar())
    statements = [f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {role}", f"GRANT USAGE ON SCHEMA public TO {role}"]
    for table in sorted(inspect(conn).get_table_names()):
        name = _quoted(table)
        statements.append(f"REVOKE ALL ON {name} FROM {role}")
        if table == "schema_version":
            statements.append(f"GRANT SELECT ON {name} TO {role}")
        elif table in schema.APPEND_ONLY_TABLES:
            statements.append(f"GRANT SELECT, INSERT ON {name} TO {role}")
            statements.append(f"GRANT UPDATE ({CHAIN_COLUMN}) ON {name} TO {role}")
        else:
            statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {role}")
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    return statements


def grant_app_role(conn: Connection, app_role: str) -> list[str]:
    """Apply ``grant_statements`` (run as the owner role); returns them for the record."""
    if conn.dialect.name != "postgresql":
        raise ValueError("roles apply to a PostgreSQL store only")
    statements = grant_statements(conn, app_role)
    for statement in statements:
        conn.exec_driver_sql(statement)
    return statements


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m review.store.roles",
        description="Grant the program's PostgreSQL role what it needs and no more. "
        "Run with REVIEW_DATABASE_URL naming the owner role.",
    )
    parser.add_argument("app_role", help="the role the program connects as")
    args = parser.parse_args(argv)
    import os

    from review.errors import ReviewError
    from review.store.db import Store

    url = os.environ.get("REVIEW_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        print("Error: set REVIEW_DATABASE_URL to the store's PostgreSQL URL as the owner role", file=sys.stderr)
        return 1
    try:
        store = Store(url)  # upgrades the schema first, as the owner
        try:
            statements = store.transact(lambda conn: grant_app_role(conn, args.app_role))
        finally:
            store.close()
    except ReviewError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(statements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
