"""The BSN is unique per organisation, not per installation (issue 9): a newcomer who moved from
one organisation's municipality to another's is registered by the new organisation, and nothing
tells an organisation that a BSN is known in another one."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from regie.demo.factories import InburgeraarFactory, geldig_bsn
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import inburgeraar_registreren, inburgeraar_wijzigen
from regie.klok import vandaag
from regie.organisaties.models import Gemeente

pytestmark = pytest.mark.django_db

BSN = geldig_bsn(515_151)


def _gegevens(gemeente, **anders) -> dict:
    return {
        "bsn": BSN,
        "voornamen": "Amina",
        "geslachtsnaam": "Haddad",
        "geboortedatum": vandaag() - timedelta(days=30 * 365),
        "doelgroep": "asielstatushouder",
        "gemeente": gemeente,
        **anders,
    }


def test_zelfde_bsn_in_een_andere_organisatie_wordt_geregistreerd(
    consulent, consulent_drechtsteden, dordrecht
):
    """Verhuisd van Drechtsteden naar Dronten: Dronten registreert de inburgeraar."""
    daar = InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    hier = inburgeraar_registreren(door=consulent, **_gegevens(consulent.organisatie.gemeenten.get()))
    assert hier.pk != daar.pk
    assert (hier.organisatie, daar.organisatie) == (consulent.organisatie, dordrecht.organisatie)
    assert Inburgeraar.objects.filter(bsn=BSN).count() == 2


def test_zelfde_bsn_twee_keer_in_een_organisatie_geweigerd(consulent_drechtsteden, dordrecht):
    """Also from another municipality of the same organisation (Zwijndrecht)."""
    InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    with pytest.raises(ValidationError) as exc:
        inburgeraar_registreren(door=consulent_drechtsteden, **_gegevens(zwijndrecht))
    assert exc.value.message_dict["bsn"] == ["Er staat al een inburgeraar met dit BSN bij uw organisatie."]
    assert Inburgeraar.objects.filter(bsn=BSN).count() == 1


def test_bsn_wijzigen_naar_een_bsn_van_een_andere_organisatie_mag(consulent, inburgeraar, dordrecht):
    InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, bsn=BSN)
    inburgeraar.refresh_from_db()
    assert inburgeraar.bsn == BSN


def test_bsn_wijzigen_naar_een_bsn_van_de_eigen_organisatie_geweigerd(consulent, inburgeraar, dronten):
    InburgeraarFactory(bsn=BSN, gemeente=dronten)
    oud = inburgeraar.bsn
    with pytest.raises(ValidationError) as exc:
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, bsn=BSN)
    assert exc.value.message_dict["bsn"] == ["Er staat al een inburgeraar met dit BSN bij uw organisatie."]
    inburgeraar.refresh_from_db()
    assert inburgeraar.bsn == oud


def test_database_weigert_dubbel_bsn_binnen_een_organisatie(dordrecht):
    InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    with pytest.raises(IntegrityError), transaction.atomic():
        InburgeraarFactory(bsn=BSN, gemeente=Gemeente.objects.get(cbs_code="0642"))


def test_database_staat_hetzelfde_bsn_in_een_andere_organisatie_toe(dronten, dordrecht):
    InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    InburgeraarFactory(bsn=BSN, gemeente=dronten)
    assert Inburgeraar.objects.filter(bsn=BSN).count() == 2


def test_de_organisatie_van_een_dossier_is_die_van_zijn_gemeente(consulent, dronten):
    inburgeraar = inburgeraar_registreren(door=consulent, **_gegevens(dronten))
    inburgeraar.refresh_from_db()
    assert inburgeraar.organisatie_id == dronten.organisatie_id


def _organisatie_gelezen(queries) -> int:
    return sum('FROM "organisaties_organisatie"' in q["sql"] for q in queries)


def test_alleen_een_nieuw_bsn_vergrendelt_de_organisatie(consulent, inburgeraar):
    """The organisation's row is locked for the uniqueness check only when the BSN (or the
    organisation) changes: an ordinary change does not queue behind registrations."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as gewoon:
        inburgeraar_wijzigen(
            inburgeraar=inburgeraar, door=consulent, versie=None, telefoon="0612345678", bsn=inburgeraar.bsn
        )
    with CaptureQueriesContext(connection) as nieuw_bsn:
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, bsn=BSN)
    assert (_organisatie_gelezen(gewoon), _organisatie_gelezen(nieuw_bsn)) == (0, 1)
