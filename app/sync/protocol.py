"""The wire format between CommDesk and its sync server: the one definition both sides import.

Values travel JSON-encoded as `app.models.codec.encode_value` makes them (datetimes as ISO text
in UTC, dates as ISO dates, money as integers).
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
# The shape of the synced tables. Bump when a synced column is added, removed or changes meaning.
SCHEMA_VERSION = 1

PROTOCOL_HEADER = "X-CommDesk-Protocol"
SCHEMA_HEADER = "X-CommDesk-Schema"

MAX_PUSH_OPS = 500
DEFAULT_PUSH_OPS = 100
MAX_PULL_LIMIT = 5000
DEFAULT_PULL_LIMIT = 1000

UUID_PATTERN = r"^[0-9a-fA-F-]{36}$"
HLC_PATTERN = r"^\d{15}-\d{5}-[0-9A-Za-z_.:-]{1,40}$"


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Role(StrEnum):
    STAFF = "staff"
    MANAGER = "manager"
    CENTRAL = "central"


class OpKind(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class OpStatus(StrEnum):
    APPLIED = "applied"  # the row was as the client last saw it
    MERGED = "merged"  # others changed other fields; both kept
    CONFLICT = "conflict"  # a field was changed both ways; a policy chose, the loser is recorded
    REJECTED = "rejected"  # the op cannot be applied (invalid, not allowed): it goes to the dead letters


# ----- auth ---------------------------------------------------------------------------------


class LoginRequest(_Wire):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str = Field(pattern=UUID_PATTERN)
    device_name: str = Field(default="", max_length=200)


class TokenResponse(_Wire):
    access_token: str
    refresh_token: str | None = None  # only at login; refresh keeps the same refresh token
    expires_in: int
    office_id: str
    office_code: str
    role: Role
    username: str
    server_epoch: str


class RefreshRequest(_Wire):
    refresh_token: str = Field(min_length=16, max_length=200)


# ----- push ---------------------------------------------------------------------------------


class FieldChange(_Wire):
    old: Any = None
    new: Any = None


class Op(_Wire):
    op_id: str = Field(pattern=UUID_PATTERN)
    entity: str = Field(min_length=1, max_length=60)
    row_id: str = Field(pattern=UUID_PATTERN)
    op: OpKind
    base_version: int | None = Field(default=None, ge=0)
    changes: dict[str, FieldChange]
    hlc: str = Field(pattern=HLC_PATTERN)


class PushRequest(_Wire):
    ops: list[Op] = Field(max_length=MAX_PUSH_OPS)


class ConflictRecord(_Wire):
    """One field changed both ways: what was kept and what lost."""

    entity: str
    row_id: str
    field: str
    kept: Any
    lost: Any
    kept_hlc: str
    lost_hlc: str
    lost_is_mine: bool  # from the pushing client's point of view
    policy: str  # last_writer | money_reject | edit_beats_delete


# Conflict records travel in the pull stream as rows of this entity (not a table of the record
# schema, not counted in the digests; older desks skip it), and a desk resolves one for the whole
# office by pushing an update of its "resolution".
CONFLICT_ENTITY = "sync_conflict"
RESOLUTIONS = ("mine", "theirs", "merged")
_CONFLICT_NAMESPACE = uuid.UUID("6f1c9a52-8d1e-4c53-9b7e-3a2f0c5d7e41")


def conflict_id(op_id: str, field: str) -> str:
    """The same id on the server and on the desk that pushed the op."""
    return str(uuid.uuid5(_CONFLICT_NAMESPACE, f"{op_id}:{field}"))


class OpResult(_Wire):
    op_id: str
    status: OpStatus
    version: int | None = None
    error: str = ""
    conflicts: list[ConflictRecord] = []


class PushResponse(_Wire):
    results: list[OpResult]
    server_epoch: str
    office_version: int


# ----- pull ---------------------------------------------------------------------------------


class PulledRow(_Wire):
    entity: str
    id: str
    version: int
    values: dict[str, Any]  # every column, deleted_at set for tombstones
    deleted: bool


class PullResponse(_Wire):
    rows: list[PulledRow]
    next_cursor: int
    has_more: bool
    server_epoch: str
    schema_version: int
    protocol_version: int


# ----- status -------------------------------------------------------------------------------


class EntityDigest(_Wire):
    count: int
    digest: str  # XOR of sha256("id:version")[:16] over every row, tombstones included


class StatusResponse(_Wire):
    server_epoch: str
    office_id: str
    office_version: int
    tombstone_horizon: int
    entities: dict[str, EntityDigest]
    protocol_min: int
    protocol_max: int
    schema_min: int
    schema_max: int


class ErrorBody(_Wire):
    detail: str
