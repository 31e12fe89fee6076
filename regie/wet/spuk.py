"""The specific grant for inburgering (SPUK) and its yearly accountability (SiSa).

The municipality receives a specific grant from the Rijk for the inburgeringsvoorzieningen it
offers: the three leerroutes (B1-route, onderwijsroute, Z-route), the participatieverklarings-
traject (PVT), the Module Arbeidsmarkt en Participatie (MAP), maatschappelijke begeleiding and
interpreters. The money for the regierol itself (brede intake, PIP, guidance) comes through the
gemeentefonds, not through the grant (Dronten's plan, seed 000: "Dit budget dient aangewend te
worden voor de 3 leerroutes, PVT, maatschappelijke begeleiding, MAP en de inzet van tolken";
../shared/domain/wet-inburgering.md, "SPUK ... accountability each year via SiSa").

The grant is accounted for each year in the SiSa annex of the annual accounts (Single
information Single audit, Besluit/Regeling verantwoording specifieke uitkeringen). What was
checked with public sources (Tweede Kamer):
- Kamerstuk 32 824 nr. 376 (29 September 2022): the Besluit inburgering 2021 was changed with
  respect to the specific grant for inburgering;
- Kamerstuk 36 535 nr. 6 (14 October 2024): a change of the Wet inburgering 2021 gives a
  separate basis for a specific grant for the onderwijsroute and a "nadere voorlopige uitkering".
The exact SiSa indicator codes of the current year could not be checked here: the SiSa summary
reports per category below, and a municipality maps them onto the indicators of its year's annex.
"""

# The components the grant pays for, in the order of the SiSa summary. The codes are those of a
# referral's component (regie.aanbieders.models.Perceel), so spend follows the referral.
SPUK_ONDERDELEN = (
    "b1_route",
    "onderwijsroute",
    "z_route",
    "pvt",
    "maatschappelijke_begeleiding",
    "map",
    "tolk",
)
# The money for the regierol (uitvoeringskosten): gemeentefonds, outside the grant and its SiSa.
REGIEMIDDELEN = "uitvoering"


def valt_onder_spuk(categorie: str) -> bool:
    """Whether spending in this category is accounted for under the grant (SiSa)."""
    return categorie in SPUK_ONDERDELEN
