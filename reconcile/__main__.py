"""``python -m reconcile PATH ...``: the same as the ``reconcile`` command (see :mod:`reconcile.cli`)."""

from reconcile.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
