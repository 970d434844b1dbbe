"""Packaging that pyproject.toml cannot say: the wheel carries the top-level `migrations/`
as the package `calendar_svc._migrations`, so `calendar-svc migrate` works from an install.

`migrations/` stays the one source (the `alembic` command and the checkout use it as is);
setuptools maps it into the package when it builds, so no copy is kept in the tree.
`pyproject.toml`'s `packages.find` cannot add a package from another folder, hence this file.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["calendar_svc", "calendar_svc.*"]),
        "calendar_svc._migrations",
        "calendar_svc._migrations.versions",
    ],
    package_dir={"calendar_svc._migrations": "migrations"},
)
