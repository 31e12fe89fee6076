"""Why a case ends, and what each reason means for the obligation to integrate.

A case ends for one of three kinds of reason:
- the obligation is met (Wi 6 lid 1): the exams of the B1-route, the onderwijsroute or the
  Z-route completed, with the PVT and, except in the onderwijsroute, the MAP;
- DUO releases the person from it: a vrijstelling (Wi 4) or an ontheffing (Wi 5);
- the obligation no longer applies because the person is no longer inburgeringsplichtig
  (Wi 3: naturalised, so no longer a vreemdeling; left the Netherlands; reached the AOW age;
  deceased). DUO reports these with events SS106-SS111.

Pure Python: the case's status machine (regie.inburgeraars.status) and the Wi 6 check
(regie.voortgangsgesprekken.selectors with regie.wet.plicht) both read this table.
"""

from enum import StrEnum


class EindeReden(StrEnum):
    DIPLOMA = "diploma"
    Z_ROUTE_VOLTOOID = "z_route_voltooid"
    ONDERWIJSROUTE_VOLTOOID = "onderwijsroute_voltooid"
    VRIJSTELLING = "vrijstelling"
    ONTHEFFING = "ontheffing"
    NATURALISATIE = "naturalisatie"
    VERTREK = "vertrek"
    AOW_LEEFTIJD = "aow_leeftijd"
    OVERLIJDEN = "overlijden"

    @property
    def label(self) -> str:
        """The Dutch name shown on pages (no rule of law)."""
        return {
            EindeReden.DIPLOMA: "Diploma behaald",
            EindeReden.Z_ROUTE_VOLTOOID: "Z-route voltooid",
            EindeReden.ONDERWIJSROUTE_VOLTOOID: "Onderwijsroute voltooid",
            EindeReden.VRIJSTELLING: "Vrijstelling",
            EindeReden.ONTHEFFING: "Ontheffing",
            EindeReden.NATURALISATIE: "Naturalisatie",
            EindeReden.VERTREK: "Vertrek uit Nederland",
            EindeReden.AOW_LEEFTIJD: "AOW-leeftijd bereikt",
            EindeReden.OVERLIJDEN: "Overleden",
        }[self]


# Wi 6 lid 1: the obligation is met.
PLICHT_VOLDAAN: dict[EindeReden, str] = {
    EindeReden.DIPLOMA: "Wi 6 lid 1 (inburgeringsexamen behaald, B1-route)",
    EindeReden.Z_ROUTE_VOLTOOID: "Wi 6 lid 1 (Z-route met goed gevolg afgerond)",
    EindeReden.ONDERWIJSROUTE_VOLTOOID: "Wi 6 lid 1 (onderwijsroute met goed gevolg afgerond)",
}
# DUO's decision releases the person from the obligation.
VRIJGESTELD_OF_ONTHEVEN: dict[EindeReden, str] = {
    EindeReden.VRIJSTELLING: "Wi 4 (vrijstelling door DUO)",
    EindeReden.ONTHEFFING: "Wi 5 (ontheffing door DUO)",
}
# Wi 3: the person is no longer inburgeringsplichtig (DUO events SS106-SS111).
NIET_MEER_PLICHTIG: dict[EindeReden, str] = {
    EindeReden.NATURALISATIE: "Wi 3 (Nederlander geworden: geen vreemdeling meer); DUO SS106-SS111",
    EindeReden.VERTREK: "Wi 3 (geen verblijf meer in Nederland); DUO SS106-SS111",
    EindeReden.AOW_LEEFTIJD: "Wi 3 lid 1 (AOW-leeftijd bereikt); DUO SS106-SS111",
    EindeReden.OVERLIJDEN: "Overleden; DUO SS106-SS111",
}


def grondslag(reden: EindeReden | str) -> str:
    """Wi 3, 4, 5 and 6 lid 1: the article behind an end reason, for pages and letters."""
    reden = EindeReden(reden)
    return {**PLICHT_VOLDAAN, **VRIJGESTELD_OF_ONTHEVEN, **NIET_MEER_PLICHTIG}[reden]


def plicht_geldt_niet_meer(reden: EindeReden | str | None) -> bool:
    """Wi 3: whether the reason means the person is no longer inburgeringsplichtig (as opposed to
    having met the obligation, Wi 6 lid 1, or being released from it, Wi 4 and 5)."""
    return bool(reden) and EindeReden(reden) in NIET_MEER_PLICHTIG
