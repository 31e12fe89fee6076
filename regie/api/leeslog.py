"""Read logging for the REST API: a mixin for every API view (regie.api.basis.RegieApi). Here, not
in regie.verwerkingslog: it reads which cases an answer shows, and the log knows no cases."""

from regie.inburgeraars.models import Inburgeraar
from regie.verwerkingslog import log

# Actions that answer with a list of cases (at /inburgeraars, not below one case).
LIJST_ACTIES = {"list": "zoekresultaten", "zoeken": "zoekresultaten"}


def _uuids_in(data) -> list:
    """The `uuid` of each case in an answer: one object, a list, or a page with `results`."""
    if isinstance(data, dict):
        if isinstance(data.get("results"), list):
            return _uuids_in(data["results"])
        return [data["uuid"]] if data.get("uuid") else []
    if isinstance(data, list):
        return [item["uuid"] for item in data if isinstance(item, dict) and item.get("uuid")]
    return []


class LogtLezenApi:
    # After every answer that showed persons, one `gelezen` entry for them: the ones the view
    # named (`log.betreft`, whatever the status: the view named them because its answer shows
    # them); else, for a 2xx answer with content, the case below /inburgeraars/{uuid} that the
    # view looked up, else the cases (uuid) in the answer. Errors are problem+json without
    # personal data. `verwerkingslog_onderdeel`: the part of Regie, for purpose and legal basis.

    verwerkingslog_onderdeel = "dossier"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if not log.al_gelogd(request):
            personen = self._verwerkingslog_personen(response)
            if personen:
                onderdeel = self.verwerkingslog_onderdeel
                if "uuid" not in self.kwargs:  # a list or search of cases, not one case's parts
                    onderdeel = LIJST_ACTIES.get(getattr(self, "action", None), onderdeel)
                log.gelezen(request=request, inburgeraars=personen, onderdeel=onderdeel)
        return response

    def _verwerkingslog_personen(self, response):
        personen = log.betrokkenen(self.request)
        if personen is not None:
            return personen
        if not 200 <= response.status_code < 300 or response.status_code == 204:
            return []
        inburgeraar = self.__dict__.get("inburgeraar")  # DossierApi's cached, scoped look-up
        if inburgeraar is not None:
            return [inburgeraar]
        pagina = getattr(getattr(self, "_paginator", None), "page", None)
        if pagina is not None and all(isinstance(item, Inburgeraar) for item in pagina.object_list):
            return list(pagina.object_list)  # the page of a list or search, already loaded
        uuids = _uuids_in(getattr(response, "data", None))
        if not uuids:
            return log.persoon_uit_url(self.kwargs)
        # Only cases the answer itself showed, so already scoped by the view.
        return list(Inburgeraar.objects.filter(uuid__in=uuids).values_list("pk", "uuid", "gemeente_id"))
