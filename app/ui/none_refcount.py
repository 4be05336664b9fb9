"""A guard against a reference-counting bug of the Qt bindings on CPython 3.11.

PySide6 6.12 returns ``None`` from many void methods (``setText``, ``update``, ``setPen``,
``fillRect`` …) without taking a new reference to it, so every call removes one reference
from the ``None`` object. After a few thousand calls CPython aborts with "Fatal Python error:
none_dealloc". CPython 3.12 made ``None`` immortal; on 3.11 we give it enough references that
no session can use them up. Remove this module when the bindings are fixed or 3.11 is dropped.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 60  # references; a Py_ssize_t holds about 9.2e18


def keep_none_alive() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for immortal in (None, True, False):  # the same happens to True and False
        count = ctypes.c_ssize_t.from_address(id(immortal))  # ob_refcnt is the object's first field
        if count.value < HEADROOM // 2:
            count.value += HEADROOM
