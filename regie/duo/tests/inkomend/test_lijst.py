"""The list "DUO-meldingen": newest first, 50 a page, cut in the database (issue 10)."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regie.duo.inkomend.models import Notificatie, Status
from regie.duo.schermen import meldingen as views


def _meldingen(gemeente, aantal):
    nu = timezone.now()
    return [
        Notificatie.objects.create(
            bericht_id=f"test-{gemeente.pk}-{i}",
            bron="DUO",
            doel=gemeente.oin,
            gemeente=gemeente,
            gebeurtenis_id=f"SS9{i:02d}",
            registratie_datum_tijd=nu - timedelta(hours=i),
            status=Status.GEPARKEERD,
            reden="Onbekende gebeurtenis",
        )
        for i in range(aantal)
    ]


def test_meldingen_per_pagina_met_constant_aantal_queries(client, dronten, consulent, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGINA", 2)
    _meldingen(dronten, 3)
    client.force_login(consulent)
    client.get("/duo-meldingen/")
    with CaptureQueriesContext(connection) as eerste:
        html = client.get("/duo-meldingen/", {"filter": "geparkeerd"}).content.decode()
    assert "3 meldingen; u ziet 1 tot en met 2 (pagina 1 van 2), de nieuwste eerst." in html
    assert 'href="?filter=geparkeerd&amp;pagina=2"' in html
    with CaptureQueriesContext(connection) as tweede:
        html2 = client.get("/duo-meldingen/", {"filter": "geparkeerd", "pagina": 2}).content.decode()
    assert len(tweede) == len(eerste)
    gezien = [code for code in ("SS900", "SS901", "SS902") if code in html]
    assert len(gezien) == 2 and all(code not in html2 for code in gezien)
    assert html2.count("SS90") == 1
