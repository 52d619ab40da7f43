"""Shim `uvicorn-worker`: the `uvicorn_worker` package is not in Debian 12, whose uvicorn 0.17
still ships the same gunicorn worker class as uvicorn.workers.UvicornWorker."""

import os

from uvicorn.workers import UvicornH11Worker, UvicornWorker

__all__ = ["UvicornWorker", "UvicornH11Worker"]

if os.environ.get("SERVICES_SHIM_LOG"):
    with open(os.environ["SERVICES_SHIM_LOG"], "a", encoding="utf-8") as _log:
        _log.write("uvicorn-worker\n")
