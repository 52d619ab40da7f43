"""Compatibility shims for running the guide's Python services on Debian 12's packages.

The services harness puts this folder on PYTHONPATH. The guide's code is never edited: where it
uses an API newer than Debian's package has, a shim below adds that API, built only from what
the older package already does. Each shim patches a module right after it is first imported,
does nothing when the installed version already has the API, and appends its name to the file
named by SERVICES_SHIM_LOG when the guide's code actually uses it, so that the harness can say
"tested on Debian's X with shim Y".

- fastapi-lifespan: FastAPI(lifespan=...) arrived in FastAPI 0.93 (Debian 12: 0.92, which keeps
  unknown keyword arguments in app.extra and never runs the lifespan). Starlette 0.26's router
  already takes a lifespan context: hand it over.
- redis-aclose: redis-py 5.0.1 renamed close() to aclose() on the asyncio client, pool, pubsub
  and pipeline (Debian 12: 4.3.4). aclose() calls the old close()/disconnect().
- redis-from-pool: Redis.from_pool(pool) arrived in redis-py 5.0.1: a client that owns the pool
  it is given, i.e. Redis(connection_pool=pool) that closes the pool when it is closed.
- asyncpg-no-statement-cache: only when the harness had to drop the guide's
  `max_prepared_statements` from pgbouncer.ini because Debian 12's PgBouncer 1.18 does not know
  it (1.21 does), the harness sets SERVICES_SHIM_ASYNCPG_NO_CACHE=1: asyncpg's named prepared
  statements cannot work through PgBouncer in transaction mode without it, so asyncpg gets
  statement_cache_size=0 (asyncpg's documented setting for such a PgBouncer) unless the code
  sets one itself.
"""

import importlib.abc
import os
import sys

_LOG = os.environ.get("SERVICES_SHIM_LOG")
_used = set()


def _record(name):
    if name in _used or not _LOG:
        return
    _used.add(name)
    try:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(name + "\n")
    except OSError:
        pass


def _patch_fastapi(module):
    fastapi_class = module.FastAPI
    if "lifespan" in fastapi_class.__init__.__code__.co_varnames:
        return
    original = fastapi_class.__init__

    def __init__(self, *args, lifespan=None, **kwargs):
        original(self, *args, **kwargs)
        if lifespan is not None:
            _record("fastapi-lifespan")
            self.router.lifespan_context = lifespan

    fastapi_class.__init__ = __init__


def _patch_redis_client(module):
    redis_class = module.Redis
    if not hasattr(redis_class, "aclose"):

        async def aclose(self, close_connection_pool=None):
            _record("redis-aclose")
            await self.close(close_connection_pool)

        redis_class.aclose = aclose
    if not hasattr(redis_class, "from_pool"):

        def from_pool(cls, connection_pool):
            _record("redis-from-pool")
            client = cls(connection_pool=connection_pool)
            client.auto_close_connection_pool = True
            return client

        redis_class.from_pool = classmethod(from_pool)
    for name in ("PubSub", "Pipeline"):
        other = getattr(module, name, None)
        if other is not None and not hasattr(other, "aclose"):

            async def aclose(self):
                _record("redis-aclose")
                result = self.reset()
                if hasattr(result, "__await__"):
                    await result

            other.aclose = aclose


def _patch_redis_connection(module):
    for name in ("ConnectionPool", "BlockingConnectionPool"):
        pool_class = getattr(module, name, None)
        if pool_class is not None and "aclose" not in pool_class.__dict__:
            if any("aclose" in base.__dict__ for base in pool_class.__mro__[1:]):
                continue

            async def aclose(self):
                _record("redis-aclose")
                await self.disconnect()

            pool_class.aclose = aclose


def _patch_asyncpg(module):
    if os.environ.get("SERVICES_SHIM_ASYNCPG_NO_CACHE") != "1":
        return

    def without_cache(function):
        def wrapper(*args, **kwargs):
            if "statement_cache_size" not in kwargs:
                _record("asyncpg-no-statement-cache")
                kwargs["statement_cache_size"] = 0
            return function(*args, **kwargs)

        return wrapper

    module.create_pool = without_cache(module.create_pool)
    module.connect = without_cache(module.connect)


_PATCHES = {
    "asyncpg": _patch_asyncpg,
    "fastapi.applications": _patch_fastapi,
    "redis.asyncio.client": _patch_redis_client,
    "redis.asyncio.connection": _patch_redis_connection,
}


class _PatchAfterImport(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        patch = _PATCHES.get(fullname)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            patch(module)

        loader.exec_module = exec_and_patch
        return spec


sys.meta_path.insert(0, _PatchAfterImport())
