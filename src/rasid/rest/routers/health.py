"""/api/health: the server is up and the database answers."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from rasid import query
from rasid.rest.deps import DbDep

router = APIRouter(tags=["health"])


@router.get("/health", summary="Status, database kind, schema version and row counts")
def health(db: DbDep) -> dict[str, Any]:
    return query.health(db)
