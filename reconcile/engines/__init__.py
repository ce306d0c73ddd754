"""Engines: where the stages run. The same stage functions, run in one process or partitioned.

==========  =====================================================================================
engine      what it does
==========  =====================================================================================
``local``   the default: extraction then judging in this process (:mod:`reconcile.engines.local`)
``dask``    ``dask.distributed``: extraction as a map over partitions of documents (organisations
            found as a map and a reduce first), alignment as a group-by on the fact's blocking key
            with a shuffle, source trust as an iterative aggregate (:mod:`reconcile.engines.dask`)
==========  =====================================================================================

Both answer the same two calls: ``extract(documents, lexicon, errors)`` -> claims in document
order, and ``judge(claims, currency, rates, ...)`` -> a :class:`~reconcile.judge.Judgement`.
:func:`reconcile.pipeline.run` picks one by name (``engine="dask", client=...``).

>>> sorted(ENGINES)
['dask', 'local']
>>> get_engine("local").name
'local'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reconcile.engines.local import Engine, LocalEngine
from reconcile.errors import ReconcileError


def _dask_engine(client: Any) -> Engine:
    from reconcile.engines.dask import DaskEngine  # dask is an optional extra: imported on use

    return DaskEngine(client)


def _local_engine(client: Any) -> Engine:
    if client is not None:
        raise ReconcileError("the local engine takes no client; pass engine='dask' to use one")
    return LocalEngine()


#: Engine name -> factory taking the ``client`` argument (``None`` for the local engine).
ENGINES: dict[str, Callable[[Any], Engine]] = {"local": _local_engine, "dask": _dask_engine}


def get_engine(name: str, client: Any = None) -> Engine:
    """The engine registered as ``name``, built with ``client``; raises :class:`ReconcileError`
    for an unknown name (and, for ``dask``, when ``dask.distributed`` is not installed).

    >>> get_engine("spark")
    Traceback (most recent call last):
    ...
    reconcile.errors.ReconcileError: unknown engine 'spark'; engines: dask, local
    """
    if name not in ENGINES:
        raise ReconcileError(f"unknown engine {name!r}; engines: {', '.join(sorted(ENGINES))}")
    return ENGINES[name](client)


__all__ = ["ENGINES", "Engine", "LocalEngine", "get_engine"]
