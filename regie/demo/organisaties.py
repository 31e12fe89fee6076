"""The three organisations from the seed documents, with their municipalities and kernen."""

from regie.organisaties.models import Gemeente, Kern, Organisatie

ORGANISATIES = {
    "Gemeente Dronten": {
        ("0303", "Dronten"): ["Dronten", "Biddinghuizen", "Swifterbant"],
    },
    "Sociale Dienst Drechtsteden": {
        ("0505", "Dordrecht"): ["Dordrecht"],
        ("0642", "Zwijndrecht"): ["Zwijndrecht", "Heerjansdam"],
        ("0590", "Papendrecht"): ["Papendrecht"],
        ("0531", "Hendrik-Ido-Ambacht"): ["Hendrik-Ido-Ambacht"],
    },
    "Gemeente Noordoostpolder": {
        ("0171", "Noordoostpolder"): [
            "Emmeloord",
            "Marknesse",
            "Ens",
            "Kraggenburg",
            "Luttelgeest",
            "Bant",
            "Rutten",
            "Creil",
            "Espel",
            "Tollebeek",
            "Nagele",
        ],
    },
}


def demo_oin(cbs_code: str) -> str:
    """A made-up OIN per municipality (20 digits, like the register's 00000001... numbers)."""
    return f"0000000199{cbs_code}000000"


def maak_organisaties() -> dict[str, Organisatie]:
    """Create (or find) the organisations, municipalities and kernen; idempotent."""
    resultaat = {}
    for naam, gemeenten in ORGANISATIES.items():
        organisatie, _ = Organisatie.objects.get_or_create(naam=naam)
        for (cbs_code, gemeentenaam), kernen in gemeenten.items():
            gemeente, _ = Gemeente.objects.get_or_create(
                cbs_code=cbs_code,
                defaults={"naam": gemeentenaam, "organisatie": organisatie, "oin": demo_oin(cbs_code)},
            )
            for kern in kernen:
                Kern.objects.get_or_create(gemeente=gemeente, naam=kern)
        resultaat[naam] = organisatie
    return resultaat
