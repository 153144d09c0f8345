"""Fetch a record by key or say in Chinese that it is gone."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.services.errors import NotFound

T = TypeVar("T")


def get_or_missing(session: Session, model: type[T], key: int, what: str) -> T:
    obj = session.get(model, key)
    if obj is None:
        raise NotFound(f"找不到该{what}（编号 {key}），可能已被他人删除。")
    return obj
