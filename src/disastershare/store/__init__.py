"""Storage: SQLite via SQLModel, Alembic migrations, the workspace folder and repositories."""
