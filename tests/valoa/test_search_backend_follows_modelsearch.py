"""valoa/search/backend.py depends on how modelsearch's PostgreSQL backend reads its text search
configuration, which is internal to modelsearch, not an API it documents: `PostgresSearchBackend.__init__`
assigns `self.config` (our property's setter keeps it as the default), `PostgresIndex.add_items` builds an
`ObjectIndexer` per object inside the call, and the indexer reads `backend.config` then (so the language
set around each batch decides the vectors), and a query reads `backend.config` through
`PostgresSearchQueryCompiler.get_config` when its results are evaluated (so the active language decides the
parsing). There is no public setting for a configuration per object or per query (`SEARCH_CONFIG` is one
for everything), so the subclass is unavoidable (docs/languages.md).

When modelsearch is upgraded and this fails: read the new source of the named function next to the old one
(`pip download modelsearch==<old>`), check that what is described above still holds, carry any change over
to valoa/search/backend.py (or drop the subclass if modelsearch learnt a configuration per language), run
the PostgreSQL search tests (tests/valoa/test_languages.py, tests/valoa/test_errors_and_search.py with
DATABASE_URL=postgres://…), then record the new fingerprint printed in the failure here.
"""

import hashlib
import inspect

import pytest
from modelsearch.backends.database.postgres import postgres

FOLLOWED = {
    "PostgresSearchBackend.__init__": (
        postgres.PostgresSearchBackend.__init__,
        "df87d2824f88d8e3698b556d6ffc7120a672c53d082accb5364302572f5ace94",
    ),
    "PostgresIndex.__init__": (
        postgres.PostgresIndex.__init__,
        "a9f2b75912cb5b4f666c027092e9e5f2b0f4919ab9b24a3802c122aa1285dd6b",
    ),
    "PostgresIndex.add_items": (
        postgres.PostgresIndex.add_items,
        "62bf7488351e386482f9e20db0670c3064185250ef816c71584afef14fcb079e",
    ),
    "ObjectIndexer.__init__": (
        postgres.ObjectIndexer.__init__,
        "492f14102e68a70affda7de2e222e818f5161f0eaaf81118610c38775c9987ba",
    ),
    "ObjectIndexer.as_vector": (
        postgres.ObjectIndexer.as_vector,
        "19f1d48118a0df23db1a2878768446a751a047ff0c41e5f78ce093cdda663ed6",
    ),
    "PostgresSearchQueryCompiler.get_config": (
        postgres.PostgresSearchQueryCompiler.get_config,
        "c8a34af2c15f019358146b628f19baceba67cbfd21723fee9d3f5e1aa62796a7",
    ),
    "PostgresSearchResults.get_queryset": (
        postgres.PostgresSearchResults.get_queryset,
        "118ffe9135c0072dfcd81d31f299d6b483cf48a19ed9995e0813fc3f2cbdde6a",
    ),
    "PostgresSearchResults.facet": (
        postgres.PostgresSearchResults.facet,
        "38797e137431238b2ba9ec3fca589dd63a8045f60e3e0fdf9ad7834b4b854094",
    ),
}


def fingerprint(function) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_the_modelsearch_code_the_backend_relies_on_has_not_changed(name):
    function, expected = FOLLOWED[name]
    found = fingerprint(function)
    assert found == expected, (
        f"modelsearch's {name} changed (fingerprint now {found}): review valoa/search/backend.py against it "
        "as this test's docstring says, then record the new fingerprint"
    )


def test_the_backend_is_still_built_on_these_classes():
    from valoa.search.backend import LanguageIndex, LanguageSearchBackend

    assert issubclass(LanguageSearchBackend, postgres.PostgresSearchBackend)
    assert issubclass(LanguageIndex, postgres.PostgresIndex)
    assert postgres.PostgresSearchResults is LanguageSearchBackend.results_class
    assert postgres.PostgresSearchQueryCompiler is LanguageSearchBackend.query_compiler_class
