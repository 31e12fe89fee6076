"""The written warning before a fine (Wi 23; hearing Awb 4:8 / 5:53; warning first: policy):
drafted from the Voortgang tab, then marked as sent. Bad input: a message, nothing saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regie.handhaving import services
from regie.handhaving.models import Status, Waarschuwing
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis


def maak(inburgeraar, consulent, **kw):
    velden = {
        "aanleiding": "ongeoorloofd_afwezig",
        "omschrijving": "U was drie weken niet op les. Vanaf nu verwachten wij u elke les.",
        "datum": vandaag(),
    }
    velden.update(kw)
    return services.waarschuwing_opstellen(inburgeraar=inburgeraar, door=consulent, **velden)


def test_opstellen_als_concept_met_tijdlijn(inburgeraar, consulent):
    waarschuwing = maak(inburgeraar, consulent)
    assert waarschuwing.status == Status.CONCEPT
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="waarschuwing").count() == 1


def test_opstellen_foute_invoer(inburgeraar, consulent):
    with pytest.raises(ValidationError) as fout:
        maak(inburgeraar, consulent, aanleiding="boete", omschrijving=" ", datum=None)
    assert set(fout.value.message_dict) == {"aanleiding", "omschrijving", "datum"}
    assert not Waarschuwing.objects.exists()


def test_te_lange_toelichting_wordt_geweigerd_niet_ingekort(inburgeraar, consulent):
    """Nothing is lost silently: 501 characters are refused, as the page refuses them."""
    with pytest.raises(ValidationError) as fout:
        maak(inburgeraar, consulent, aanleiding_toelichting="x" * 501)
    assert fout.value.message_dict["aanleiding_toelichting"] == [
        "Zorg dat deze waarde niet meer dan 500 tekens bevat (het zijn er nu 501)."  # as the form says it
    ]
    assert not Waarschuwing.objects.exists()
    assert maak(inburgeraar, consulent, aanleiding_toelichting="x" * 500).aanleiding_toelichting == "x" * 500


def test_verzonden_een_keer_en_niet_in_de_toekomst(inburgeraar, consulent):
    waarschuwing = maak(inburgeraar, consulent)
    with pytest.raises(ValidationError):
        services.waarschuwing_verzonden(
            waarschuwing=waarschuwing, door=consulent, verzonden_op=vandaag() + timedelta(days=1)
        )
    services.waarschuwing_verzonden(waarschuwing=waarschuwing, door=consulent, verzonden_op=vandaag())
    assert waarschuwing.status == Status.VERZONDEN
    with pytest.raises(ValidationError, match="al verzonden"):
        services.waarschuwing_verzonden(waarschuwing=waarschuwing, door=consulent)


def test_pagina_vanuit_signaal_vult_aanleiding_in_en_slaat_op(client, inburgeraar, consulent):
    client.force_login(consulent)
    adres = reverse("handhaving:waarschuwing", kwargs={"uuid": inburgeraar.uuid})
    html = client.get(adres + "?signaal=ongeoorloofd_afwezig").content.decode()
    assert 'value="ongeoorloofd_afwezig" selected' in html
    assert "Signaal: veel ongeoorloofd afwezig bij de cursus" in html
    antwoord = client.post(
        adres,
        {
            "versie": inburgeraar.versie,
            "aanleiding": "ongeoorloofd_afwezig",
            "aanleiding_toelichting": "Weken 40 tot en met 42",
            "omschrijving": "Kom vanaf nu elke les.",
            "datum": vandaag().isoformat(),
        },
    )
    assert antwoord.status_code == 302
    assert (
        Waarschuwing.objects.get(inburgeraar=inburgeraar).aanleiding_toelichting == "Weken 40 tot en met 42"
    )
    tab = client.get(antwoord.url).content.decode()
    assert "Ongeoorloofd afwezig bij de cursus (concept)" in tab and "Brief is verzonden" in tab


def test_pagina_foute_invoer_bij_het_veld(client, inburgeraar, consulent):
    client.force_login(consulent)
    adres = reverse("handhaving:waarschuwing", kwargs={"uuid": inburgeraar.uuid})
    html = client.post(
        adres, {"versie": inburgeraar.versie, "aanleiding": "", "omschrijving": ""}
    ).content.decode()
    assert "Er is niets opgeslagen" in html
    assert "Kies de aanleiding van de waarschuwing." in html and 'id="id_omschrijving_error"' in html
    assert not Waarschuwing.objects.exists()


def test_verzonden_via_de_tab(client, inburgeraar, consulent):
    waarschuwing = maak(inburgeraar, consulent)
    client.force_login(consulent)
    adres = reverse("handhaving:verzonden", kwargs={"uuid": inburgeraar.uuid, "pk": waarschuwing.pk})
    leeg = client.post(adres, {}, follow=True).content.decode()
    assert "Vul de datum in waarop de brief met de waarschuwing is verzonden." in leeg
    client.post(adres, {f"waarschuwing-{waarschuwing.pk}-verzonden_op": vandaag().isoformat()})
    waarschuwing.refresh_from_db()
    assert waarschuwing.status == Status.VERZONDEN and waarschuwing.verzonden_op == vandaag()
