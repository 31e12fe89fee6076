"""Python's garbage collector in a long-running Regie process (a gunicorn worker, a db_worker).

What is loaded at start-up (modules, models, URL patterns, templates) lives as long as the process,
yet every full pass of the cyclic garbage collector walks all of it again; and with the default
threshold (a pass of the youngest generation every 700 new objects) a list page that builds a few
hundred model instances and query expressions triggers dozens of passes. Measured on the worklist at
national scale (bench/README.md): 10 of 44 ms CPU per request went to the collector, 1-2 ms after
`vastzetten_na_laden()`. Reference counting still frees almost everything at once; only cycles
wait a little longer.
"""

import gc

DREMPEL = (20_000, 20, 20)


def vastzetten_na_laden() -> None:
    """Call once the application is loaded: what exists now is left out of all later passes."""
    gc.freeze()
    gc.set_threshold(*DREMPEL)
