"""The pages: the dashboard with the municipalities side by side, CSV, cohorts, targets with bad
input, and council reports from draft to final (and final stays final)."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.rapportage import services
from regie.rapportage.models import Huisstijl, Raadsrapportage, RapportStatus, Streefwaarde

pytestmark = pytest.mark.django_db


def test_dashboard_toont_de_vier_gemeenten_naast_elkaar(client, beleid_drechtsteden, maak, dordrecht):
    # Names that cannot occur in the page's own words: Faker's "Groen", "Sam" or a colleague's
    # surname would be found on the page without any person's data in it.
    dossiers = [
        maak.dossier(dordrecht, datum_melding_duo=date(2026, 2, 1), geslachtsnaam=f"Nietopdepagina{i}")
        for i in range(6)
    ]
    client.force_login(beleid_drechtsteden)
    antwoord = client.get(reverse("rapportage:dashboard"), {"van": "2026-01-01", "tot": "2026-12-31"})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    for naam in ("Dordrecht", "Zwijndrecht", "Papendrecht", "Hendrik-Ido-Ambacht"):
        assert f">{naam}</th>" in inhoud
    assert inhoud.count("<svg") >= 16 and 'role="img"' in inhoud
    assert "Dronten" not in inhoud  # another organisation
    assert all(d.geslachtsnaam not in inhoud and d.bsn not in inhoud for d in dossiers)  # no person


def test_kleine_aantallen_staan_er_als_minder_dan_vijf(client, beleid_drechtsteden, maak, dordrecht):
    dossiers = [
        maak.dossier(dordrecht, datum_melding_duo=date(2026, 2, 1), geslachtsnaam=f"Nietinhetbestand{i}")
        for i in range(3)
    ]
    client.force_login(beleid_drechtsteden)
    antwoord = client.get(
        reverse("rapportage:csv", args=["instroom"]), {"van": "2026-01-01", "tot": "2026-12-31"}
    )
    tekst = antwoord.content.decode("utf-8-sig")
    assert antwoord["Content-Type"].startswith("text/csv")
    assert "Melding van DUO (inburgeringsplicht);<5;0;0;0" in tekst
    assert all(d.geslachtsnaam not in tekst for d in dossiers)


def test_filter_met_fouten_geeft_een_nederlandse_melding(client, beleid_drechtsteden):
    client.force_login(beleid_drechtsteden)
    antwoord = client.get(
        reverse("rapportage:dashboard"), {"van": "2026-12-31", "tot": "2026-01-01", "kern": "abc"}
    )
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "De einddatum ligt voor de begindatum" in inhoud
    assert "Kies een kern van uw gemeenten." in inhoud


def test_filter_op_een_gemeente_van_een_andere_organisatie_wordt_geweigerd(
    client, beleid_drechtsteden, dronten
):
    client.force_login(beleid_drechtsteden)
    antwoord = client.get(reverse("rapportage:dashboard"), {"gemeenten": [dronten.pk]})
    assert "Kies alleen gemeenten waarvoor u werkt." in antwoord.content.decode()


def test_onbekende_indicator_als_csv_is_404(client, beleid_drechtsteden):
    client.force_login(beleid_drechtsteden)
    assert client.get(reverse("rapportage:csv", args=["bestaat_niet"])).status_code == 404


def test_cohorten(client, beleid_drechtsteden, maak, dordrecht):
    for _ in range(5):
        maak.dossier(dordrecht, datum_melding_duo=date(2022, 3, 1))
    client.force_login(beleid_drechtsteden)
    inhoud = client.get(reverse("rapportage:cohorten")).content.decode()
    assert "Asielstatushouders" in inhoud and "88%" in inhoud  # CBS: cohort 2022 asiel, end of 2023


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("veel", "Vul een getal in"),
        ("150", "een getal van 0 tot en met 100"),
        ("-1", "een getal van 0 tot en met 100"),
        ("", "Vul een getal in"),
        ("NaN", "Vul een getal in"),
    ],
)
def test_streefwaarde_die_geen_percentage_is_wordt_niet_opgeslagen(
    client, beleid_drechtsteden, dordrecht, waarde, melding
):
    client.force_login(beleid_drechtsteden)
    antwoord = client.post(
        reverse("rapportage:streefwaarden"),
        {"gemeente": dordrecht.pk, "kpi": "pip_binnen_termijn", "jaar": 2026, "waarde": waarde},
    )
    assert melding in antwoord.content.decode()
    assert not Streefwaarde.objects.exists()


def test_streefwaarde_vastleggen_met_komma(client, beleid_drechtsteden, dordrecht):
    client.force_login(beleid_drechtsteden)
    antwoord = client.post(
        reverse("rapportage:streefwaarden"),
        {"gemeente": dordrecht.pk, "kpi": "pip_binnen_termijn", "jaar": 2026, "waarde": "62,5 %"},
    )
    assert antwoord.status_code == 302
    assert Streefwaarde.objects.get().waarde == pytest.approx(62.5)


def test_vastgelegde_streefwaarden_tonen_de_naam_van_de_indicator(client, beleid_drechtsteden, dordrecht):
    services.streefwaarde_vastleggen(
        door=beleid_drechtsteden, gemeente=dordrecht, kpi="pip_binnen_termijn", jaar=2026, waarde="80"
    )
    client.force_login(beleid_drechtsteden)
    html = client.get(reverse("rapportage:streefwaarden")).content.decode()
    assert '<td class="utrecht-table__cell">PIP op tijd</td>' in html
    assert '<td class="utrecht-table__cell">pip_binnen_termijn</td>' not in html


def test_streefwaarde_voor_een_andere_organisatie_wordt_geweigerd(beleid_drechtsteden, dronten):
    with pytest.raises(ValidationError, match="niet voor deze gemeente"):
        services.streefwaarde_vastleggen(
            door=beleid_drechtsteden, gemeente=dronten, kpi="pip_binnen_termijn", jaar=2026, waarde="80"
        )
    assert not Streefwaarde.objects.exists()


def test_raadsrapportage_voor_een_gemeente_die_u_niet_bedient(client, beleid_drechtsteden, dronten):
    client.force_login(beleid_drechtsteden)
    antwoord = client.post(
        reverse("rapportage:raadsrapportages"), {"gemeente": dronten.pk, "jaar": 2025, "soort": "jaar"}
    )
    assert "Kies een gemeente waarvoor u werkt." in antwoord.content.decode()
    with pytest.raises(ValidationError, match="niet voor deze gemeente"):
        services.raadsrapportage_aanmaken(door=beleid_drechtsteden, gemeente=dronten, jaar=2025, soort="jaar")
    assert not Raadsrapportage.objects.exists()


def test_raadsrapportage_van_een_andere_organisatie_is_404(
    client, beleid_drechtsteden, beleid_dronten, dronten
):
    rapport = services.raadsrapportage_aanmaken(
        door=beleid_dronten, gemeente=dronten, jaar=2025, soort="jaar"
    )
    client.force_login(beleid_drechtsteden)
    for naam in ("raadsrapportage", "pdf"):
        assert client.get(reverse(f"rapportage:{naam}", args=[rapport.uuid])).status_code == 404
    assert (
        client.post(reverse("rapportage:definitief", args=[rapport.uuid]), {"versie": 1}).status_code == 404
    )


def test_raadsrapportage_in_de_toekomst_wordt_geweigerd(beleid_drechtsteden, dordrecht):
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        services.raadsrapportage_aanmaken(
            door=beleid_drechtsteden, gemeente=dordrecht, jaar=2100, soort="jaar"
        )


def test_van_concept_tot_definitief_en_definitief_verandert_niet(
    client, beleid_drechtsteden, dordrecht, maak
):
    Huisstijl.objects.create(
        gemeente=dordrecht,
        afzender="College van B&W",
        adres="Spuiboulevard 300\n3311 GR Dordrecht",
        logo_svg='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c00"/></svg>',
    )
    for _ in range(5):
        maak.pip(maak.dossier(dordrecht), date(2025, 2, 1))
    client.force_login(beleid_drechtsteden)
    antwoord = client.post(
        reverse("rapportage:raadsrapportages"), {"gemeente": dordrecht.pk, "jaar": 2025, "soort": "jaar"}
    )
    rapport = Raadsrapportage.objects.get()
    assert antwoord.url == reverse("rapportage:raadsrapportage", args=[rapport.uuid])

    # Finalising without texts is refused.
    client.post(reverse("rapportage:definitief", args=[rapport.uuid]), {"versie": 1})
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.CONCEPT

    teksten = {
        "versie": 1,
        "inleiding": "Het eerste jaar.",
        "resultaten": "De PIP's kwamen op tijd.",
        "vooruitblik": "",
    }
    assert client.post(reverse("rapportage:raadsrapportage", args=[rapport.uuid]), teksten).status_code == 302
    # Saving over an older version is refused, nothing saved.
    oud = client.post(
        reverse("rapportage:raadsrapportage", args=[rapport.uuid]), {**teksten, "inleiding": "Overschreven"}
    )
    assert "Iemand anders heeft deze rapportage intussen gewijzigd" in oud.content.decode()
    rapport.refresh_from_db()
    assert rapport.inleiding == "Het eerste jaar."

    concept = client.get(reverse("rapportage:pdf", args=[rapport.uuid]))
    assert concept.content.startswith(b"%PDF")

    client.post(reverse("rapportage:definitief", args=[rapport.uuid]), {"versie": rapport.versie})
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.DEFINITIEF
    opgeslagen = bytes(Raadsrapportage.objects.values_list("pdf", flat=True).get())
    assert hashlib.sha256(opgeslagen).hexdigest() == rapport.sha256
    download = client.get(reverse("rapportage:pdf", args=[rapport.uuid]))
    assert download.content == opgeslagen

    # Nothing changes it any more: the page, the service, the model.
    client.post(
        reverse("rapportage:raadsrapportage", args=[rapport.uuid]),
        {**teksten, "versie": rapport.versie, "inleiding": "Anders"},
    )
    client.post(reverse("rapportage:definitief", args=[rapport.uuid]), {"versie": rapport.versie})
    with pytest.raises(ValidationError, match="definitief"):
        services.raadsrapportage_opslaan(
            door=beleid_drechtsteden,
            rapport=rapport,
            versie=rapport.versie,
            inleiding="x",
            resultaten="y",
            vooruitblik="",
        )
    rapport.inleiding = "Stiekem anders"
    with pytest.raises(ValidationError, match="definitief"):
        rapport.save()
    with pytest.raises(ValidationError, match="definitief"):
        rapport.delete()
    na = Raadsrapportage.objects.get()
    assert na.inleiding == "Het eerste jaar." and na.sha256 == rapport.sha256
    assert bytes(na.pdf) == opgeslagen


def test_teamleider_leest_rapportages_maar_schrijft_ze_niet(client, dordrecht, beleid_drechtsteden):
    rapport = services.raadsrapportage_aanmaken(
        door=beleid_drechtsteden, gemeente=dordrecht, jaar=2025, soort="jaar"
    )
    teamleider = UserFactory(username="tl.dd", organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
    client.force_login(teamleider)
    assert client.get(reverse("rapportage:raadsrapportage", args=[rapport.uuid])).status_code == 200
    antwoord = client.post(
        reverse("rapportage:raadsrapportage", args=[rapport.uuid]),
        {"versie": 1, "inleiding": "x", "resultaten": "y", "vooruitblik": ""},
    )
    assert antwoord.status_code == 403
    rapport.refresh_from_db()
    assert rapport.inleiding == ""
