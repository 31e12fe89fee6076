import pytest

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory, geldig_bsn

KOP = (
    "huishouden;rol;bsn;v_nummer;voornamen;tussenvoegsel;geslachtsnaam;geboortedatum;geslacht;nationaliteit;"
    "geboorteland;gemeente;datum_koppeling;datum_huisvesting_verwacht;datum_huisvesting;talen;"
    "voorinburgering_gestart;voorinburgering_niveau;voorinburgering_uren;voorinburgering_opmerking"
)


def rij(
    huishouden="H1",
    rol="hoofd",
    bsn=None,
    voornamen="Amal",
    geslachtsnaam="Haddad",
    geboortedatum="12-03-1988",
    gemeente="0303",
    datum_koppeling="02-02-2026",
    datum_huisvesting="",
    geslacht="V",
    **extra,
) -> str:
    waarden = {
        "huishouden": huishouden,
        "rol": rol,
        "bsn": bsn if bsn is not None else geldig_bsn(500),
        "v_nummer": extra.get("v_nummer", "V123456"),
        "voornamen": voornamen,
        "tussenvoegsel": extra.get("tussenvoegsel", ""),
        "geslachtsnaam": geslachtsnaam,
        "geboortedatum": geboortedatum,
        "geslacht": geslacht,
        "nationaliteit": extra.get("nationaliteit", "Syrische"),
        "geboorteland": extra.get("geboorteland", "Syrië"),
        "gemeente": gemeente,
        "datum_koppeling": datum_koppeling,
        "datum_huisvesting_verwacht": extra.get("datum_huisvesting_verwacht", ""),
        "datum_huisvesting": datum_huisvesting,
        "talen": extra.get("talen", "Arabisch"),
        "voorinburgering_gestart": extra.get("voorinburgering_gestart", "ja"),
        "voorinburgering_niveau": extra.get("voorinburgering_niveau", "A1"),
        "voorinburgering_uren": extra.get("voorinburgering_uren", "40"),
        "voorinburgering_opmerking": extra.get("voorinburgering_opmerking", "Volgt les in het azc"),
    }
    return ";".join(waarden.values())


def gezin(huishouden="H1", gemeente="0303", n=0, **extra) -> list[str]:
    """A head, a partner, a child of 10 and a child of 17."""
    return [
        rij(huishouden, "hoofd", geldig_bsn(600 + n), "Amal", "Haddad", "12-03-1988", gemeente, **extra),
        rij(
            huishouden,
            "partner",
            geldig_bsn(601 + n),
            "Karim",
            "Haddad",
            "01-07-1985",
            gemeente,
            geslacht="M",
            **extra,
        ),
        rij(huishouden, "kind", "", "Lina", "Haddad", "05-05-2016", gemeente, datum_koppeling=""),
        rij(huishouden, "kind", geldig_bsn(602 + n), "Omar", "Haddad", "20-01-2009", gemeente),
    ]


def csv_tekst(*rijen: str, kop: str = KOP) -> str:
    return "\n".join([kop, *rijen]) + "\n"


@pytest.fixture
def teamleider_drechtsteden(dordrecht):
    return UserFactory(username="teamleider.drecht", organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)


@pytest.fixture
def beheerder(dronten):
    return UserFactory(
        username="beheer.dronten", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )
