"""Entry point for uvicorn workers: the database URL comes from COMMDESK_SERVER_DB."""

from __future__ import annotations

import os

from fastapi import FastAPI

from app.server.app import create_app
from app.server.db import DEFAULT_URL, make_server_engine


def create() -> FastAPI:
    return create_app(make_server_engine(os.environ.get("COMMDESK_SERVER_DB") or DEFAULT_URL))
