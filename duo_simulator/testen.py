"""Helpers for tests that talk to the simulator (the root conftest's `duo_simulator` fixture).

The server runs once per test session on a free port in a background thread; every test
starts from an empty state. Helpers work on the simulator's state directly (no HTTP), so they
are cheap; Regie's code under test talks HTTP to `url` (settings.DUO_BASE_URL)."""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

from . import beheer, gebeurtenissen
from .gegevens import gemeente_oin, nieuwe_persoon


class DuoSimulatorHulp:
    def __init__(self, sim, basis: str):
        self.sim = sim
        self.basis = basis  # http://127.0.0.1:PORT
        self.url = basis + "/v1"  # what settings.DUO_BASE_URL is set to

    # -- state -------------------------------------------------------------------------------
    @staticmethod
    def nieuwe_persoon(bsn: str, gemeentecode: str = "0303", **velden) -> dict:
        """A realistic person record (see duo_simulator.gegevens.nieuwe_persoon)."""
        return nieuwe_persoon(bsn, gemeentecode, **velden)

    def personen_toevoegen(self, personen) -> list[str]:
        """Add persons: dicts (completed with defaults) or plain BSN strings."""
        lijst = [{"bsn": p} if isinstance(p, str) else p for p in personen]
        return beheer.personen_toevoegen(self.sim.toestand, lijst)

    def persoon_toevoegen(self, bsn: str, gemeentecode: str = "0303", **velden) -> dict:
        self.personen_toevoegen([nieuwe_persoon(bsn, gemeentecode, **velden)])
        return self.persoon(bsn)

    def persoon(self, bsn: str) -> dict | None:
        """A copy of the person's record as the simulator holds it now."""
        return copy.deepcopy(self.sim.toestand.persoon(bsn))

    def reset(self) -> None:
        self.sim.toestand.reset()

    # -- events and notifications ------------------------------------------------------------
    def gebeurtenis(self, bsn: str, code: str, notificeer: bool = False, **details) -> dict:
        """Apply a DUO event (e.g. "SS102") to the person. Returns the notification DUO sends:
        {"notificatie": body dict, "body": exact JSON text, "headers": {...}, ...}.
        With notificeer=True it is POSTed to Regie in-process (Django's test client, to the
        path of the notification URL) and the Django response is under "response"."""
        resultaat = beheer.gebeurtenis(self.sim, bsn, code, details, notificeer=False)
        if notificeer:
            resultaat["response"] = self.notificatie_afleveren(resultaat)
        return resultaat

    def notificatie_afleveren(self, resultaat: dict, *, opnieuw: bool = False, **extra_headers):
        """POST a notification from `gebeurtenis` to Regie through Django's test client. With
        `opnieuw`: as DUO resends an event, under a new berichtId and signed again now.
        `extra_headers` replace headers after signing (a forged signature, say)."""
        from django.test import Client

        kop = resultaat["headers"]
        if opnieuw:
            kop = gebeurtenissen.headers(
                resultaat["body"].encode(),
                duo_oin=kop["bron"],
                gemeente_oin=kop["doel"],
                geheim=self.sim.geheim,
            )
        kop = {k: v for k, v in kop.items() if k != "Content-Type"}
        kop.update(extra_headers)
        return Client().post(
            urlsplit(self.sim.notificatie_url).path,
            data=resultaat["body"],
            content_type="application/json",
            headers=kop,
        )

    def gemeente_oin(self, gemeentecode: str) -> str:
        return self.sim.toestand.gemeente_oin(gemeentecode) or gemeente_oin(gemeentecode)

    # -- what Regie sent ---------------------------------------------------------------------
    def ontvangen(
        self, methode: str | None = None, api: str | None = None, bsn: str | None = None
    ) -> list[dict]:
        """Requests Regie sent to /v1 ({"methode", "pad", "api", "bron", "doel", "berichtId",
        "body", "status", "antwoord"}), oldest first, optionally filtered."""
        regels = list(self.sim.toestand.gegevens["ontvangen"])
        if methode:
            regels = [r for r in regels if r["methode"] == methode.upper()]
        if api:
            regels = [r for r in regels if r["api"] == api]
        if bsn:
            regels = [r for r in regels if f"/{bsn}/" in r["pad"] + "/"]
        return copy.deepcopy(regels)

    def notificaties(self) -> list[dict]:
        return copy.deepcopy(self.sim.toestand.gegevens["notificaties"])

    # -- failures ----------------------------------------------------------------------------
    def storing(
        self, status=503, aantal: int = 1, vertraging: float | None = None, fouttekst: str | None = None
    ):
        """The next `aantal` requests to /v1 fail with `status` (400-599), or "timeout" (wait
        `vertraging` seconds, then 504) or "traag" (wait, then answer normally)."""
        storing = {"status": status, "aantal": aantal}
        if vertraging is not None:
            storing["vertraging"] = vertraging
        if fouttekst:
            storing["fouttekst"] = fouttekst
        beheer.storing_toevoegen(self.sim.toestand, storing)


def maak_pki(map_) -> dict[str, str]:
    """A test CA (trustme) with a server certificate for 127.0.0.1/localhost and a client
    certificate for a municipality; returns the PEM file paths."""
    import trustme

    ca = trustme.CA()
    server = ca.issue_cert("127.0.0.1", "localhost")
    client = ca.issue_cert("gemeente-dronten.example", organization_name="Gemeente Dronten")
    paden = {}
    for naam, blob in (
        ("ca", ca.cert_pem),
        ("server", server.cert_chain_pems[0]),
        ("server_key", server.private_key_pem),
        ("client", client.cert_chain_pems[0]),
        ("client_key", client.private_key_pem),
    ):
        paden[naam] = str(map_ / f"{naam}.pem")
        blob.write_to_path(paden[naam])
    return paden
