"""Run several members' actions at the same moment, each in its own thread and database connection (the
concurrency tests of the workbook, the assessment and the meeting plans, on PostgreSQL)."""

import threading

from django.db import connection


def run_threads(targets):
    """Start every target at once (a barrier), wait for all, and fail the test on any thread's exception."""
    barrier = threading.Barrier(len(targets))
    errors: list[BaseException] = []

    def wrap(target):
        def run():
            try:
                barrier.wait()
                target()
            except BaseException as error:  # reported to the test thread
                errors.append(error)
            finally:
                connection.close()

        return run

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
