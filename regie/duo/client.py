"""The client for DUO's M2M interfaces (Digikoppeling REST over Diginetwerk, specs in regie/duo/specs/).

Transport as DUO's README describes it:
- base URL `settings.DUO_BASE_URL` = `https://{host:port}/v{major}`; the paths are those of the specs;
- mutual TLS with the municipality's PKIoverheid certificate (`DUO_CLIENT_CERT` + `DUO_CLIENT_KEY`),
  DUO's server certificate checked against `DUO_CA_BUNDLE` (the system store when empty);
- headers `bron` = the municipality's OIN (`Gemeente.oin`), `doel` = DUO's OIN (`DUO_OIN`),
  `berichtId` = a fresh uuid4 per request; JSON both ways;
- every answer carries `API-Version`; its major must match the spec we built the request from.

Errors: `DuoAfwijzing(status, fouttekst)` for a 4xx (DUO refused the request; `fouttekst` joins the
Foutmelding texts), its subclass `DuoNietGevonden` for a 404; `DuoStoring` for 5xx, 408/429, timeouts,
connection and TLS errors and a wrong API-Version (try again later); `OngeldigBericht(fouten)` when a body
breaks the spec's schema (nothing was sent).

The BSN is part of DUO's paths. Nothing here logs or raises a message with a BSN: paths in log lines
and exception texts are masked (`maskeer`), and requests' own exceptions are not chained.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass

import requests
from django.conf import settings

from regie.duo import specificaties
from regie.verwerkingslog.log import maskeer_bsn

logger = logging.getLogger("regie.duo")

_BSN = re.compile(r"(?<!\d)\d{9}(?!\d)")


def maskeer(tekst: str) -> str:
    """Replace every 9-digit number (a BSN in DUO's paths) by asterisks, keeping its last 2 digits."""
    return _BSN.sub(lambda m: maskeer_bsn(m.group(0)), str(tekst))


class _MaskeerBsnFilter(logging.Filter):
    """urllib3 logs request lines (with our paths) at DEBUG level; mask the BSN in them."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            record.msg = maskeer(record.getMessage())
            record.args = ()
        except Exception:  # noqa: BLE001 - a log line must never break a request
            pass
        return True


_urllib3_logger = logging.getLogger("urllib3.connectionpool")
if not any(isinstance(f, _MaskeerBsnFilter) for f in _urllib3_logger.filters):
    _urllib3_logger.addFilter(_MaskeerBsnFilter())


class DuoFout(Exception):
    """Base class of everything the DUO client raises."""

    bericht_id: str | None = None


class DuoConfiguratieFout(DuoFout):
    """Regie is not set up to talk to DUO (no base URL, no OIN for the municipality)."""


class OngeldigBericht(DuoFout):
    """The body breaks the spec's request schema; it was not sent."""

    def __init__(self, fouten: list[str]):
        self.fouten = list(fouten)
        super().__init__("Het bericht voldoet niet aan de specificatie van DUO: " + "; ".join(self.fouten))


class DuoAfwijzing(DuoFout):
    """DUO answered 4xx: the request was refused and sending it again unchanged will not help."""

    def __init__(self, status: int, fouttekst: str, *, bericht_id: str | None = None):
        self.status = status
        self.fouttekst = fouttekst
        self.bericht_id = bericht_id
        super().__init__(f"DUO wees het bericht af ({status}): {fouttekst}")


class DuoNietGevonden(DuoAfwijzing):
    """DUO answered 404: DUO does not know this person or resource."""


class DuoStoring(DuoFout):
    """DUO could not be reached or had a failure (5xx, timeout, connection, TLS): try again later."""

    def __init__(self, melding: str, *, status: int | None = None, bericht_id: str | None = None):
        self.status = status
        self.melding = melding
        self.bericht_id = bericht_id
        super().__init__(melding)


@dataclass(frozen=True)
class Operatie:
    api: str
    methode: str
    sjabloon: str  # the spec's path, e.g. /personen/{bsn}/PIP
    verzoekschema: str | None
    parameters: dict  # the path's values, e.g. {"bsn": "123456782"}


def _als_regex(sjabloon: str) -> re.Pattern:
    delen = re.split(r"(\{[^}]+\})", sjabloon)
    return re.compile(
        "^"
        + "".join(f"(?P<{d[1:-1]}>[^/]+)" if d.startswith("{") else re.escape(d) for d in delen if d)
        + "$"
    )


def operatie(api: str, methode: str, pad: str) -> Operatie:
    """The spec's operation for a concrete path, e.g. ('PIP', 'post', '/personen/123456789/PIP')."""
    methode = methode.lower()
    for m, sjabloon, _ in specificaties.operaties(api):
        gevonden = _als_regex(sjabloon).match(pad) if m == methode else None
        if gevonden:
            parameters = {naam: requests.utils.unquote(w) for naam, w in gevonden.groupdict().items()}
            return Operatie(api, m, sjabloon, specificaties.verzoekschema(api, m, sjabloon), parameters)
    raise KeyError(f"De {api} API van DUO kent geen {methode.upper()} {maskeer(pad)}")


def vul_pad(sjabloon: str, **waarden) -> str:
    """Fill a spec path: vul_pad('/personen/{bsn}/PIP', bsn='123456789')."""
    return re.sub(r"\{([^}]+)\}", lambda m: requests.utils.quote(str(waarden[m.group(1)]), safe=""), sjabloon)


def fouttekst_uit(antwoord: requests.Response) -> str:
    """DUO's Foutmelding(en) as one text: a list of {fouttekst} or one object; else the HTTP reason."""
    try:
        inhoud = antwoord.json()
    except ValueError:
        inhoud = None
    if isinstance(inhoud, dict):
        inhoud = [inhoud]
    if isinstance(inhoud, list):
        teksten = [str(f["fouttekst"]) for f in inhoud if isinstance(f, dict) and f.get("fouttekst")]
        if teksten:
            return "; ".join(teksten)
    return f"DUO gaf geen reden (HTTP {antwoord.status_code} {antwoord.reason or ''})".strip()


def _oin(gemeente) -> str:
    oin = gemeente if isinstance(gemeente, str) else getattr(gemeente, "oin", "")
    if not oin or len(str(oin)) != 20:
        raise DuoConfiguratieFout(
            f"Gemeente {gemeente} heeft geen geldig OIN (20 cijfers); vul dit in bij de gemeente."
        )
    return str(oin)


class DuoClient:
    """One session (connection pooling, mTLS) per client; build it with `DuoClient()` from settings."""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        client_cert: str | None = None,
        client_key: str | None = None,
        ca_bundle: str | None = None,
        duo_oin: str | None = None,
        timeout: float | None = None,
        session: requests.Session | None = None,
    ):
        self.base_url = (base_url if base_url is not None else settings.DUO_BASE_URL).rstrip("/")
        self.duo_oin = duo_oin if duo_oin is not None else settings.DUO_OIN
        self.timeout = timeout if timeout is not None else settings.DUO_TIMEOUT_SECONDS
        cert = client_cert if client_cert is not None else settings.DUO_CLIENT_CERT
        key = client_key if client_key is not None else settings.DUO_CLIENT_KEY
        ca = ca_bundle if ca_bundle is not None else settings.DUO_CA_BUNDLE
        self.session = session or requests.Session()
        self.session.trust_env = False  # no proxies or .netrc from the environment: Diginetwerk only
        if cert:
            self.session.cert = (cert, key) if key else cert
        self.session.verify = ca or True
        self.laatste_bericht_id: str | None = None

    # -- public ------------------------------------------------------------------------------------

    def raadpleeg(self, api: str, pad: str, *, gemeente, bericht_id: str | None = None) -> dict:
        """GET `pad` of `api` for `gemeente` (an object with `.oin`, or the OIN); the JSON answer.

        404 raises `DuoNietGevonden`."""
        op = operatie(api, "get", pad)
        self._controleer_pad(op)
        antwoord = self._verzoek(op, pad, None, gemeente=gemeente, bericht_id=bericht_id)
        return self._json(antwoord)

    def stuur(self, api: str, methode: str, pad: str, body=None, *, gemeente, bericht_id: str | None = None):
        """POST/PUT/DELETE `body` to `pad` of `api`; the JSON answer (or {} when it has none).

        The body is checked against the operation's request schema first: `OngeldigBericht` and nothing
        sent when it breaks it."""
        op = operatie(api, methode, pad)
        self._controleer_pad(op)
        if op.verzoekschema:
            fouten = specificaties.fouten(api, op.verzoekschema, body if body is not None else {})
            if fouten:
                logger.warning(
                    "DUO %s %s %s niet verstuurd: ongeldig bericht", api, op.methode.upper(), op.sjabloon
                )
                raise OngeldigBericht(fouten)
        elif body not in (None, {}):
            raise OngeldigBericht([f"{op.methode.upper()} {op.sjabloon} van {api} neemt geen inhoud"])
        antwoord = self._verzoek(
            op, pad, body if op.verzoekschema else None, gemeente=gemeente, bericht_id=bericht_id
        )
        return self._json(antwoord)

    # -- internals ---------------------------------------------------------------------------------

    @staticmethod
    def _controleer_pad(op: Operatie) -> None:
        """The path's values (BSN, instellingsnummer, id) as the spec's parameters demand."""
        fouten = specificaties.parameterfouten(op.api, op.methode, op.sjabloon, op.parameters)
        if fouten:
            raise OngeldigBericht([maskeer(f) for f in fouten])

    def _verzoek(self, op: Operatie, pad: str, body, *, gemeente, bericht_id) -> requests.Response:
        if not self.base_url:
            raise DuoConfiguratieFout("Er is geen adres van DUO ingesteld (REGIE_DUO_BASE_URL).")
        bericht_id = str(bericht_id or uuid.uuid4())
        self.laatste_bericht_id = bericht_id
        headers = {
            "bron": _oin(gemeente),
            "doel": self.duo_oin,
            "berichtId": bericht_id,
            "Accept": "application/json",
        }
        if body is not None:
            headers["Content-Type"] = "application/json"
        beschrijving = f"{op.api} {op.methode.upper()} {maskeer(pad)} (berichtId {bericht_id})"
        try:
            antwoord = self.session.request(
                op.methode.upper(),
                self.base_url + pad,
                json=body,
                headers=headers,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.Timeout:
            logger.warning("DUO %s: geen antwoord binnen %s s", beschrijving, self.timeout)
            raise DuoStoring(
                f"DUO gaf geen antwoord binnen {self.timeout:g} seconden.", bericht_id=bericht_id
            ) from None
        except requests.exceptions.SSLError as fout:
            logger.warning("DUO %s: TLS-fout %s", beschrijving, maskeer(type(fout).__name__))
            raise DuoStoring(
                "De beveiligde verbinding met DUO kwam niet tot stand (certificaat).", bericht_id=bericht_id
            ) from None
        except requests.RequestException as fout:
            logger.warning("DUO %s: verbindingsfout %s", beschrijving, type(fout).__name__)
            raise DuoStoring("DUO is niet bereikbaar.", bericht_id=bericht_id) from None

        status = antwoord.status_code
        logger.info("DUO %s: HTTP %s", beschrijving, status)
        if status in (408, 429) or status >= 500:
            raise DuoStoring(
                f"DUO heeft een storing (HTTP {status}).",
                status=status,
                bericht_id=bericht_id,
            )
        if status == 404:
            raise DuoNietGevonden(status, fouttekst_uit(antwoord), bericht_id=bericht_id)
        if 400 <= status < 500:
            raise DuoAfwijzing(status, fouttekst_uit(antwoord), bericht_id=bericht_id)
        if not 200 <= status < 300:
            raise DuoStoring(
                f"Onverwacht antwoord van DUO (HTTP {status}).", status=status, bericht_id=bericht_id
            )
        self._controleer_versie(op.api, antwoord, bericht_id)
        return antwoord

    def _controleer_versie(self, api: str, antwoord: requests.Response, bericht_id: str) -> None:
        verwacht = specificaties.versie(api).split(".")[0]
        gekregen = antwoord.headers.get("API-Version", "")
        if gekregen.split(".")[0] != verwacht:
            logger.error("DUO %s antwoordde met API-Version %r, verwacht %s.x", api, gekregen, verwacht)
            raise DuoStoring(
                f"DUO antwoordde met een andere versie van de {api} API ({gekregen or 'geen versie'}; "
                f"Regie kent {specificaties.versie(api)}).",
                status=antwoord.status_code,
                bericht_id=bericht_id,
            )

    @staticmethod
    def _json(antwoord: requests.Response):
        if not antwoord.content:
            return {}
        try:
            return antwoord.json()
        except ValueError:
            raise DuoStoring(
                "DUO stuurde een antwoord dat geen JSON is.", status=antwoord.status_code
            ) from None
