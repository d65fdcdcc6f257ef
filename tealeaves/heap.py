"""The C heap of this process: hand pages freed by long-lived work back to the system."""

from __future__ import annotations


def trim() -> None:
    """Ask glibc to return freed pages of its arenas to the system (nothing elsewhere).

    glibc keeps what a dropped spaCy pipeline or a closed store freed for later use, so a long
    run that renews either would otherwise grow by the freed size every time."""
    import ctypes
    import ctypes.util

    libc = ctypes.util.find_library("c")
    if libc and "libc.so" in libc:
        try:
            ctypes.CDLL(libc).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc: nothing to trim
            pass
