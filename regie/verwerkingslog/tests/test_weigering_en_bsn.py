"""Refused access is logged; a BSN is never stored in clear text in any entry."""

import json

from django.urls import reverse

from regie.demo.factories import InburgeraarFactory
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import inburgeraar_wijzigen
from regie.verwerkingslog.models import Actie, Resultaat, Verwerking
from regie.verwerkingslog.tests.conftest import laatste_id, nieuw_sinds, personen


def test_een_dossier_van_een_andere_organisatie_geeft_404_en_een_logregel(
    client, consulent_drechtsteden, dossier
):
    client.force_login(consulent_drechtsteden)
    vanaf = laatste_id()
    for adres in (
        reverse("inburgeraars:dossier", args=[dossier.hoofd.uuid]),
        reverse("api:inburgeraar-detail", args=[dossier.hoofd.uuid]),
    ):
        assert client.get(adres).status_code == 404
    # The acting organisation's own entries; the copies for Dronten's log: test_volledigheid.
    regels = list(nieuw_sinds(vanaf).filter(betreft_organisatie_id__isnull=True))
    assert [(r.actie, r.resultaat) for r in regels] == [(Actie.GEWEIGERD, Resultaat.GEWEIGERD)] * 2
    for regel in regels:
        assert regel.object_id == str(dossier.hoofd.uuid)
        assert regel.gebruiker == consulent_drechtsteden
        assert regel.namens_organisatie_id == consulent_drechtsteden.organisatie_id
        # No existence leak: the other organisation's person is not named.
        assert personen(regel) == set()
    assert [r.kanaal for r in regels] == ["pagina", "api"]


def test_geraden_uuid_geeft_een_logregel(client, consulent):
    client.force_login(consulent)
    vanaf = laatste_id()
    adres = reverse("inburgeraars:tijdlijn", args=["6f0df5cc-dca7-44ec-944b-e2139c2020a2"])
    assert client.get(adres).status_code == 404
    (regel,) = nieuw_sinds(vanaf)
    assert regel.actie == Actie.GEWEIGERD and regel.object_id == "6f0df5cc-dca7-44ec-944b-e2139c2020a2"


def test_een_403_wordt_een_keer_gelogd(client, privacy_officer, dossier):
    client.force_login(privacy_officer)
    vanaf = laatste_id()
    assert client.get(reverse("inburgeraars:dossier", args=[dossier.hoofd.uuid])).status_code == 403
    assert [r.actie for r in nieuw_sinds(vanaf)] == [Actie.GEWEIGERD]


def test_nergens_in_het_log_staat_een_bsn(client, consulent, collega, privacy_officer, dossier):
    """Search by BSN on the page, the API and the auditor page; change a BSN; give a reason
    with a BSN in it. Then no column of any entry holds a BSN of any case."""
    client.force_login(consulent)
    client.post(reverse("inburgeraars:zoeken"), {"bsn": dossier.hoofd.bsn})
    client.post(
        reverse("api:inburgeraar-zoeken"),
        json.dumps({"bsn": dossier.hoofd.bsn}),
        content_type="application/json",
    )
    oud_bsn = dossier.partner.bsn
    inburgeraar_wijzigen(inburgeraar=dossier.partner, door=consulent, versie=None, bsn="123456782")
    client.force_login(collega)
    client.post(
        reverse("intake:bijzondere_gegevens", args=[dossier.hoofd.uuid]),
        {"reden": f"Vraag over BSN {dossier.hoofd.bsn}", "weergave": "intake"},
    )
    client.force_login(privacy_officer)
    client.post(reverse("verwerkingslog:zoeken"), {"bsn": dossier.hoofd.bsn})
    InburgeraarFactory(gemeente=dossier.hoofd.gemeente)

    alle_bsns = set(Inburgeraar.objects.values_list("bsn", flat=True)) | {oud_bsn}
    rijen = [json.dumps(rij, default=str) for rij in Verwerking.objects.values()]
    assert len(rijen) > 10
    for rij in rijen:
        for bsn in alle_bsns:
            assert bsn not in rij
    reden = Verwerking.objects.get(actie=Actie.BIJZONDERE_GEGEVENS).reden
    assert reden == f"Vraag over BSN *******{dossier.hoofd.bsn[-2:]}"


def test_weigering_gelogd_schrijft_de_reden_voor_de_betrokkenen(db, consulent, inburgeraar):
    """A service refused for its content: nothing of it saved, the reason kept for the person;
    without a person nothing is written (there is nobody whose log it belongs in)."""
    import pytest
    from django.core.exceptions import ValidationError

    from regie.verwerkingslog.log import weigering_gelogd

    @weigering_gelogd("proef", betrokkenen=lambda kw: kw.get("persoon"), object_id=lambda kw: "X1")
    def dienst(*, persoon, door):
        raise ValidationError({"veld": ["Dit mag niet."]})

    vanaf = laatste_id()
    with pytest.raises(ValidationError):
        dienst(persoon=None, door=consulent)
    assert not nieuw_sinds(vanaf).exists()
    with pytest.raises(ValidationError):
        dienst(persoon=inburgeraar, door=consulent)
    (regel,) = nieuw_sinds(vanaf)
    assert (regel.actie, regel.resultaat, regel.onderdeel) == (Actie.GEWEIGERD, Resultaat.GEWEIGERD, "proef")
    assert (regel.reden, regel.handeling, regel.object_id) == ("Dit mag niet.", "dienst", "X1")
    assert personen(regel) == {inburgeraar.pk}
