"""The package as people read it (page and PDF): labels for its codes, from the models' choices,
and its ISO dates as dates (so templates write "5 mei 2026")."""

import re
from datetime import date

from regie.aanbieders.models import Perceel
from regie.handhaving.models import Aanleiding, BezwaarUitkomst, Boete, BoeteStatus
from regie.handhaving.models import Status as WaarschuwingStatus
from regie.inburgeraars.models import Doelgroep, Leerroute
from regie.intake.models import LeerbaarheidstoetsResultaat, Opleidingsniveau
from regie.pip.models import Alfabetisering
from regie.trajecten.models import VerwijzingStatus
from regie.wet.boetes import euro

LABELS = {
    "leerroute": dict(Leerroute.choices),
    "doelgroep": dict(Doelgroep.choices),
    "onderdeel": dict(Perceel.choices),
    "verwijzing": dict(VerwijzingStatus.choices),
    "aanleiding": dict(Aanleiding.choices),
    "waarschuwing": dict(WaarschuwingStatus.choices),
    "grond": dict(Boete._meta.get_field("grond").choices),
    "boete": dict(BoeteStatus.choices),
    "bezwaar": {**dict(BezwaarUitkomst.choices), "lopend": "Bezwaar loopt nog"},
    "opleidingsniveau": dict(Opleidingsniveau.choices),
    "leerbaarheidstoets": dict(LeerbaarheidstoetsResultaat.choices),
    "alfabetisering": dict(Alfabetisering.choices),
}


def _label(soort: str, waarde) -> str:
    if waarde in (None, ""):
        return "onbekend"
    return str(LABELS[soort].get(waarde, waarde))


_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _data(waarde):
    if isinstance(waarde, dict):
        return {k: _data(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_data(v) for v in waarde]
    if isinstance(waarde, str) and _DATUM.match(waarde):
        return date.fromisoformat(waarde)
    return waarde


def leesbaar(pakket: dict) -> dict:
    """A copy of the package with a `*_label` next to each code the page and the PDF show."""
    pakket = _data(pakket)
    uit = {**pakket}
    uit["persoon"] = {
        **pakket["persoon"],
        "doelgroep_label": _label("doelgroep", pakket["persoon"]["doelgroep"]),
    }
    uit["leerroute"] = {**pakket["leerroute"], "label": _label("leerroute", pakket["leerroute"]["leerroute"])}
    uit["pip"] = {
        **pakket["pip"],
        "versies": [
            {
                **v,
                "leerroute_label": _label("leerroute", v["leerroute"]),
                "alfabetisering_label": _label("alfabetisering", v["alfabetisering"]),
            }
            for v in pakket["pip"]["versies"]
        ],
    }
    if pakket.get("intake"):
        uit["intake"] = {
            **pakket["intake"],
            "opleidingsniveau_label": _label("opleidingsniveau", pakket["intake"]["opleidingsniveau"]),
            "leerbaarheidstoets_label": _label(
                "leerbaarheidstoets", pakket["intake"]["leerbaarheidstoets_resultaat"]
            ),
        }
    uit["verwijzingen"] = [
        {
            **v,
            "onderdeel_label": _label("onderdeel", v["onderdeel"]),
            "status_label": _label("verwijzing", v["status"]),
        }
        for v in pakket["verwijzingen"]
    ]
    uit["waarschuwingen"] = [
        {
            **w,
            "aanleiding_label": _label("aanleiding", w["aanleiding"]),
            "status_label": _label("waarschuwing", w["status"]),
        }
        for w in pakket["waarschuwingen"]
    ]
    uit["boetes"] = [
        {
            **b,
            "grond_label": _label("grond", b["grond"]),
            "status_label": _label("boete", b["status"]),
            "bedrag": euro(b["bedrag_centen"]) if b["bedrag_centen"] is not None else "onbekend",
            "bezwaar_label": _label("bezwaar", b["bezwaar"]) if b["bezwaar"] else "",
        }
        for b in pakket["boetes"]
    ]
    return uit
