"""Team-space URLs under /tiimi/<token>/. The token is the team's secret: never log or expose it.

Each room keeps its own URL list; this module only puts them in order under the `toolkit` namespace.
"""

from toolkit.assessment import urls as assessment_urls
from toolkit.meetings import urls as meeting_urls
from toolkit.team import urls as team_urls
from toolkit.workbook import urls as workbook_urls

app_name = "toolkit"

urlpatterns: list = [
    # Assessment tools first: their literal prefixes (vastaa/, arviointi/, itsearviointi/) must win over <token>/.
    *assessment_urls.urlpatterns,
    *meeting_urls.literal_urlpatterns,  # /tiimi/palaveriin/<tool>/ before <token>/
    *team_urls.urlpatterns,
    *workbook_urls.urlpatterns,
    *meeting_urls.urlpatterns,
]
