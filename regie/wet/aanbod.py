"""Which parts of the inburgeringsaanbod a PIP holds, so a referral follows the PIP.

The PIP names the leerroute and the components the municipality offers (Wi 15, Bi 5.3):
PVT, MAP (not in the onderwijsroute, Wi 8 lid 3), maatschappelijke begeleiding and an
interpreter where needed. A referral to a provider carries out one of these components;
referring for a component the PIP does not hold would act outside the decision.
"""

from regie.wet.leerroute import Leerroute

# The component of the leerroute itself (the values of regie.aanbieders.models.Perceel).
ROUTE_ONDERDEEL = {
    Leerroute.B1: "b1_route",
    Leerroute.ONDERWIJSROUTE: "onderwijsroute",
    Leerroute.Z_ROUTE: "z_route",
}


def onderdelen_van_pip(
    *, leerroute: str, pvt: bool, map: bool, maatschappelijke_begeleiding: bool, tolk: bool
) -> frozenset[str]:
    """The components a referral may carry out under this PIP (Wi 15, Bi 5.3): the
    leerroute's own component, and PVT, MAP, maatschappelijke begeleiding and tolk when the
    PIP holds them. The MAP never with the onderwijsroute (Wi 8 lid 3), also when the flag
    was set on an older PIP."""
    route = Leerroute(leerroute)
    onderdelen = {ROUTE_ONDERDEEL[route]}
    if pvt:
        onderdelen.add("pvt")
    if map and route != Leerroute.ONDERWIJSROUTE:
        onderdelen.add("map")
    if maatschappelijke_begeleiding:
        onderdelen.add("maatschappelijke_begeleiding")
    if tolk:
        onderdelen.add("tolk")
    return frozenset(onderdelen)
