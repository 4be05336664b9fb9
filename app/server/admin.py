"""Administration: offices, accounts and devices (used by the commdesk-server command)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select

from app.server.auth import audit, hash_password
from app.server.models import Account, Device, ServerOffice
from app.sync.protocol import Role


class AdminError(Exception):
    pass


def create_office(engine: Engine, code: str, name: str = "", office_id: str | None = None) -> str:
    code = code.strip()
    if not code:
        raise AdminError("the office code may not be empty")
    with engine.begin() as connection:
        if connection.scalar(select(ServerOffice.id).where(ServerOffice.code == code)):
            raise AdminError(f"office {code} already exists")
        new_id = office_id or str(uuid.uuid4())
        connection.execute(
            insert(ServerOffice).values(
                id=new_id, code=code, name=name, version=0, tombstone_horizon=0, created_at=datetime.now(UTC)
            )
        )
        audit(connection, "create_office", detail=code)
    return new_id


def create_user(engine: Engine, office_code: str, username: str, password: str, role: str) -> str:
    if role not in {r.value for r in Role}:
        raise AdminError(f"unknown role {role}: use staff, manager or central")
    if len(password) < 8:
        raise AdminError("the password must have at least 8 characters")
    with engine.begin() as connection:
        office_id = connection.scalar(select(ServerOffice.id).where(ServerOffice.code == office_code))
        if office_id is None:
            raise AdminError(f"no office with code {office_code}")
        if connection.scalar(select(Account.id).where(Account.username == username)):
            raise AdminError(f"user {username} already exists")
        account_id = str(uuid.uuid4())
        connection.execute(
            insert(Account).values(
                id=account_id,
                username=username,
                password_hash=hash_password(password),
                office_id=office_id,
                role=role,
                disabled=False,
                created_at=datetime.now(UTC),
            )
        )
        audit(connection, "create_user", detail=f"{username} {role} {office_code}")
    return account_id


def list_devices(engine: Engine) -> list[dict[str, object]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                Device.id,
                Device.name,
                Account.username,
                ServerOffice.code,
                Device.created_at,
                Device.last_seen_at,
                Device.revoked_at,
            )
            .join(Account, Account.id == Device.account_id)
            .join(ServerOffice, ServerOffice.id == Device.office_id)
            .order_by(ServerOffice.code, Account.username, Device.created_at)
        ).all()
    return [dict(row._mapping) for row in rows]
