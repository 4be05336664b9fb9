"""Small builders shared by the media tests."""

from __future__ import annotations

from typing import Any

from app.services import Services


def agency(services: Services, name: str = "Báo Sức khỏe & Đời sống", **values: Any) -> Any:
    return services.agencies.create({"name": name, "kind": "newspaper", "level": "central", **values})


def journalist(services: Services, name: str, **values: Any) -> Any:
    return services.journalists.create({"full_name": name, **values})
