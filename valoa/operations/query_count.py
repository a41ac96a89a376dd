"""Count the SQL queries of each request into an X-Query-Count header (benchmarks only).

Enabled by QUERY_COUNT_HEADER=1 (valoa/settings/base.py); never on in normal production.
"""

from django.db import connections


class QueryCountHeaderMiddleware:
    HEADER = "X-Query-Count"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        wrappers = [connections[alias].execute_wrapper(counter) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response[self.HEADER] = str(count)
        return response
