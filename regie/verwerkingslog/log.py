"""Writing the processing log: one named function per kind of processing.

Every function takes keyword-only arguments and writes one `Verwerking` (with one
`Betrokkene` per person concerned). Who, for which organisation, from where, over which
channel and under which trace id come from the current context
(`regie.verwerkingslog.context.huidige_context()`), which VerwerkingslogMiddleware sets
per request; outside a request the channel is "systeem" and the user is the `door` given.

Persons are referenced by internal id and uuid. A BSN is never written: in `velden` a
field named BSN is masked, and any nine-digit number in a text is masked too.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie.verwerkingslog import personen as register
from regie.verwerkingslog.context import (
    Context,
    huidige_context,
    kanaal_voor,
    nieuwe_trace_id,
    systeemcontext,
    trace_id_uit,
)
from regie.verwerkingslog.doelen import doel_voor
from regie.verwerkingslog.models import Actie, Betrokkene, InburgeraarUuid, Kanaal, Resultaat, Verwerking
from regie.verwerkingslog.personen import Persoon

_NEGEN_CIJFERS = re.compile(r"(?<!\d)\d{9}(?!\d)")
_BSN_NAMEN = {"bsn", "burgerservicenummer"}


def maskeer_bsn(waarde) -> str:
    """`*******89`: enough to tell two numbers apart in a change, never the number itself."""
    tekst = "" if waarde is None else str(waarde)
    if not tekst.strip() or tekst == "(leeg)":
        return tekst
    return "*******" + tekst.strip()[-2:]


def _maskeer_tekst(waarde):
    if isinstance(waarde, str):
        return _NEGEN_CIJFERS.sub(lambda m: maskeer_bsn(m.group(0)), waarde)
    if isinstance(waarde, list | tuple):
        return [_maskeer_tekst(w) for w in waarde]
    if isinstance(waarde, dict):
        return {k: _maskeer_tekst(w) for k, w in waarde.items()}
    return waarde


def maskeer_velden(velden: dict | None) -> dict:
    """{field: [old, new]} with a BSN field masked and no nine-digit number left in any text."""
    uit = {}
    for veld, waarde in (velden or {}).items():
        if str(veld).strip().lower() in _BSN_NAMEN:
            waarde = (
                [maskeer_bsn(w) for w in waarde] if isinstance(waarde, list | tuple) else maskeer_bsn(waarde)
            )
        uit[str(veld)] = _maskeer_tekst(waarde)
    return uit


def _personen(inburgeraars) -> list[Persoon]:
    """The persons of an Inburgeraar, an iterable of them, or of (id, uuid) pairs or (id, uuid,
    municipality id) triples; each once."""
    if inburgeraars is None:
        return []
    if hasattr(inburgeraars, "pk") or (
        isinstance(inburgeraars, tuple) and len(inburgeraars) in (2, 3) and isinstance(inburgeraars[0], int)
    ):
        inburgeraars = [inburgeraars]
    gezien: dict[int, Persoon] = {}
    for item in inburgeraars:
        if isinstance(item, tuple):
            pk, uuid, gemeente_id = (*item, None)[:3]
        else:
            # vars(): a deferred municipality is looked up with the others, not one query per item
            pk, uuid, gemeente_id = item.pk, getattr(item, "uuid", None), vars(item).get("gemeente_id")
        if pk is not None and pk not in gezien:
            gezien[pk] = (pk, uuid, gemeente_id)
    return list(gezien.values())


def _aangevuld(personen: list[Persoon]) -> list[Persoon]:
    """Fill in the uuid and municipality of persons named without them (one query)."""
    zonder = [pk for pk, uuid, gemeente_id in personen if uuid is None or gemeente_id is None]
    if not zonder:
        return personen
    gevonden = register.aanvullen(zonder)
    return [
        (
            pk,
            uuid if uuid is not None else gevonden.get(pk, (None, None))[0],
            gemeente_id or gevonden.get(pk, (None, None))[1],
        )
        for pk, uuid, gemeente_id in personen
    ]


def _betrokkene(verwerking: Verwerking, persoon: Persoon) -> Betrokkene:
    pk, _, gemeente_id = persoon
    return Betrokkene(verwerking=verwerking, inburgeraar_id=pk, gemeente_id=gemeente_id)


# Internal ids whose uuid this process saw stored: not written again (on a list page that was
# half the cost of its entry). Filled only after the commit, so it never names an id the
# database lacks; emptied by `flush`. Bounded: forgetting costs one INSERT that does nothing.
_uuid_bewaard: set[int] = set()
_MAX_ONTHOUDEN = 500_000


def _onthouden(ids: list[int]) -> None:
    if len(_uuid_bewaard) > _MAX_ONTHOUDEN:
        _uuid_bewaard.clear()
    _uuid_bewaard.update(ids)


def vergeet_bewaarde_uuids() -> None:
    """After the database was emptied (`manage.py flush`)."""
    _uuid_bewaard.clear()


def _uuids_bewaren(personen: Iterable[Persoon]) -> None:
    """Each person's uuid once, so the log can be searched by uuid after the case is removed."""
    nieuw = [(pk, uuid) for pk, uuid, _ in personen if uuid is not None and pk not in _uuid_bewaard]
    if not nieuw:
        return
    InburgeraarUuid.objects.bulk_create(
        (InburgeraarUuid(inburgeraar_id=pk, uuid=uuid) for pk, uuid in nieuw),
        ignore_conflicts=True,
        batch_size=500,
    )
    transaction.on_commit(lambda: _onthouden([pk for pk, _ in nieuw]))


def _organisatie(gebruiker, organisatie, *, laden: bool) -> tuple:
    """(id, name) of the organisation acted for. The name as a subquery in the INSERT when
    the user's organisation is not loaded yet, so logging a read costs no extra query."""
    from django.db.models import Subquery

    from regie.organisaties.models import Organisatie

    if organisatie is not None:
        return organisatie.pk, str(organisatie)
    if gebruiker is None or gebruiker.organisatie_id is None:
        return None, ""
    if laden or gebruiker._meta.get_field("organisatie").is_cached(gebruiker):
        return gebruiker.organisatie_id, str(gebruiker.organisatie)
    naam = Subquery(Organisatie.objects.filter(pk=gebruiker.organisatie_id).values("naam")[:1])
    return gebruiker.organisatie_id, naam


def _context(request) -> Context:
    ctx = huidige_context()
    if ctx is not None and (request is None or ctx.request is None or ctx.request is request):
        return ctx
    if request is not None:
        request = getattr(request, "_request", request)  # a DRF Request wraps the HttpRequest
        if ctx is not None and ctx.request is request:
            return ctx
        return Context(trace_id=trace_id_uit(request), kanaal=kanaal_voor(request.path), request=request)
    return Context(trace_id=nieuwe_trace_id(), kanaal=Kanaal.SYSTEEM)


class _Bundel:
    def __init__(self, tijdstip: Callable | None):
        self.tijdstip = tijdstip
        self.regels: list[tuple[Verwerking, list]] = []

    @contextmanager
    def deel(self) -> Iterator[None]:
        """Around a savepoint inside the bundle's transaction: when the block raises, the entries
        written in it are dropped with the changes the savepoint rolls back."""
        merk = len(self.regels)
        try:
            yield
        except BaseException:
            del self.regels[merk:]
            raise


_bundel: ContextVar[_Bundel | None] = ContextVar("regie_verwerkingslog_bundel", default=None)


@contextmanager
def gebundeld(*, tijdstip: Callable | None = None) -> Iterator[_Bundel]:
    """For bulk work outside a request (seed_demo, a batch of DUO notices): the entries are
    collected and stored with a few bulk inserts when the block ends. Use it inside the
    transaction that makes the changes, so they are still stored together or not at all; a
    savepoint inside goes in the bundle's `deel()`. `tijdstip`: a function giving the moment to
    record (the demo's planned moments), else the current time."""
    bundel = _Bundel(tijdstip)
    token = _bundel.set(bundel)
    try:
        with systeemcontext():
            yield bundel
    except BaseException:
        _bundel.reset(token)
        raise
    _bundel.reset(token)
    verwerkingen = Verwerking.objects.bulk_create([v for v, _ in bundel.regels], batch_size=500)
    _uuids_bewaren({persoon[0]: persoon for _, personen in bundel.regels for persoon in personen}.values())
    Betrokkene.objects.bulk_create(
        (
            _betrokkene(v, persoon)
            for v, (_, personen) in zip(verwerkingen, bundel.regels, strict=True)
            for persoon in personen
        ),
        batch_size=500,
    )


def _schrijf(
    *,
    actie: str,
    onderdeel: str,
    inburgeraars=None,
    request=None,
    door=None,
    kanaal: str | None = None,
    velden: dict | None = None,
    reden: str = "",
    resultaat: str = Resultaat.GESLAAGD,
    object_id: str = "",
    handeling: str = "",
    doel=None,
    organisatie=None,
    betreft_organisatie_id: int | None = None,
) -> Verwerking:
    ctx = _context(request)
    gebruiker = door if door is not None and door.is_authenticated else ctx.huidige_gebruiker
    bundel = _bundel.get()
    organisatie_id, organisatie_naam = _organisatie(gebruiker, organisatie, laden=bundel is not None)
    doel_grondslag = doel_voor(doel or onderdeel)
    verwerking = Verwerking(
        tijdstip=(bundel.tijdstip() if bundel and bundel.tijdstip else None) or timezone.now(),
        trace_id=ctx.trace_id,
        gebruiker=gebruiker,
        gebruikersnaam=gebruiker.get_username() if gebruiker else "",
        rol=getattr(gebruiker, "rol", "") or "",
        namens_organisatie_id=organisatie_id,
        namens_organisatie=organisatie_naam,
        betreft_organisatie_id=betreft_organisatie_id,
        actie=actie,
        kanaal=kanaal or ctx.kanaal,
        handeling=(handeling or ctx.handeling)[:100],
        onderdeel=onderdeel[:60],
        object_id=str(object_id or "")[:64],
        velden=maskeer_velden(velden),
        doel=doel_grondslag.doel[:300],
        grondslag=doel_grondslag.grondslag[:300],
        ip_adres=ctx.ip_adres,
        resultaat=resultaat,
        reden=_maskeer_tekst(reden or ""),
    )
    personen = _aangevuld(_personen(inburgeraars))
    if bundel is not None:
        bundel.regels.append((verwerking, personen))
        return verwerking
    verwerking.save()
    if not isinstance(organisatie_naam, str):
        del verwerking.namens_organisatie  # read from the database when asked for
    if personen:
        _uuids_bewaren(personen)
        Betrokkene.objects.bulk_create(_betrokkene(verwerking, persoon) for persoon in personen)
    return verwerking


# --- The agreed functions (see /work/notes/common.md) ------------------------------------


def gelezen(*, request, inburgeraars, onderdeel: str, doel: str | None = None) -> Verwerking | None:
    """A page or API response showed personal data of these persons. Nothing is written
    when it showed no one (an empty list)."""
    personen = _personen(inburgeraars)
    if not personen:
        return None
    _gelogd(request)
    return _schrijf(actie=Actie.LEZEN, onderdeel=onderdeel, inburgeraars=personen, request=request, doel=doel)


def gewijzigd(
    *,
    inburgeraar,
    door=None,
    onderdeel: str,
    actie: str = Actie.WIJZIGEN,
    velden: dict | None = None,
    handeling: str = "",
    object_id: str = "",
) -> Verwerking:
    """Personal data was created, changed or removed. Called from regie.tijdlijn.events,
    inside the service's transaction."""
    return _schrijf(
        actie=actie,
        onderdeel=onderdeel,
        inburgeraars=inburgeraar,
        door=door,
        velden=velden,
        handeling=handeling,
        object_id=object_id,
    )


def bijzondere_gegevens_ingezien(*, request, inburgeraar, reden: str) -> Verwerking:
    """Someone other than the case's own consultant or the team lead opened special
    data (health and the like), with the reason they gave."""
    return _schrijf(
        actie=Actie.BIJZONDERE_GEGEVENS,
        onderdeel="brede intake",
        inburgeraars=inburgeraar,
        request=request,
        reden=reden,
    )


def document_gemaakt(
    *,
    request,
    inburgeraar,
    soort: str,
    onderdeel: str | None = None,
    kanaal: str = Kanaal.PDF,
    reden: str = "",
) -> Verwerking:
    """A document (PDF) or export with the person's data was made for download or print;
    `reden`: why, when the user had to say (an access request)."""
    _gelogd(request)
    return _schrijf(
        actie=Actie.EXPORTEREN,
        onderdeel=onderdeel or soort,
        inburgeraars=inburgeraar,
        request=request,
        kanaal=kanaal,
        reden=f"{soort}. Reden: {reden}" if reden else soort,
    )


def toegang_geweigerd(*, request, reden: str, inburgeraar=None, object_id: str = "") -> Verwerking:
    """Access was refused (no right, or a case of another organisation or that does not exist)."""
    http_request = getattr(request, "_request", request)
    http_request._verwerkingslog_geweigerd = reden  # the middleware then does not log it twice
    return _schrijf(
        actie=Actie.GEWEIGERD,
        onderdeel="toegang",
        inburgeraars=inburgeraar,
        request=request,
        resultaat=Resultaat.GEWEIGERD,
        reden=reden,
        object_id=object_id or str(getattr(inburgeraar, "uuid", "") or ""),
    )


def invoer_geweigerd(
    *, inburgeraar, door=None, onderdeel: str, reden: str, handeling: str = "", object_id: str = ""
) -> Verwerking:
    """A change of a person's case was refused for its content (a fine above the maximum, a
    decision without zienswijze, an invalid IBAN, a payee without a name): nothing was saved, the
    reason is kept. Written after the
    service's transaction rolled back, so the refusal itself is not lost with it."""
    return _schrijf(
        actie=Actie.GEWEIGERD,
        onderdeel=onderdeel,
        inburgeraars=inburgeraar,
        door=door,
        resultaat=Resultaat.GEWEIGERD,
        reden=reden,
        handeling=handeling,
        object_id=object_id,
    )


def weigering_gelogd(onderdeel: str, *, betrokkenen: Callable[[dict], object], object_id=None):
    """Decorator for a service that refuses with a ValidationError: the refusal and its reason go
    to the processing log (`invoer_geweigerd`) for the persons `betrokkenen(kwargs)` names (none:
    nothing is written), after the service's transaction rolled back; then the refusal is raised
    again for the page. `object_id(kwargs)` names the refused object."""

    def decorator(service):
        @wraps(service)
        def uitvoeren(*args, **kwargs):
            try:
                return service(*args, **kwargs)
            except ValidationError as fout:
                personen = betrokkenen(kwargs)
                if personen:
                    invoer_geweigerd(
                        inburgeraar=personen,
                        door=kwargs.get("door"),
                        onderdeel=onderdeel,
                        handeling=service.__name__,
                        reden=" ".join(fout.messages)[:1000],
                        object_id=str(object_id(kwargs) or "") if object_id else "",
                    )
                raise

        return uitvoeren

    return decorator


def geweigerd_voor_andere_organisatie(*, request, uuid, reden: str) -> Verwerking | None:
    """A refused attempt on the case with this uuid, which belongs to another organisation than
    the user's: a copy for THAT organisation's log, naming the person, so its privacy officer
    sees who (of which organisation) tried. The acting organisation's own entry
    (`toegang_geweigerd`) does not name the person: it must not learn the case exists.
    Nothing when there is no such case or it is the user's own organisation's."""
    gevonden = register.op_uuid(uuid)
    user = getattr(request, "user", None)
    if gevonden is None or gevonden[1] == getattr(user, "organisatie_id", None):
        return None
    persoon, organisatie_id = gevonden
    return _schrijf(
        actie=Actie.GEWEIGERD,
        onderdeel="toegang",
        inburgeraars=[persoon],
        request=request,
        resultaat=Resultaat.GEWEIGERD,
        reden=reden,
        object_id=str(persoon[1]),
        betreft_organisatie_id=organisatie_id,
    )


def dossier_verwijderd(*, inburgeraar_id: int, inburgeraar_uuid, reden: str, door=None, organisatie=None):
    """The retention command removed a case. Pass `organisatie` (or call this before the
    case is gone) so the organisation's auditor finds the entry."""
    if organisatie is None and (door is None or door.organisatie_id is None):
        from regie.organisaties.models import Organisatie

        organisatie = Organisatie.objects.filter(gemeenten__inburgeraars__pk=inburgeraar_id).first()
    return _schrijf(
        actie=Actie.VERWIJDEREN,
        onderdeel="bewaartermijn",
        inburgeraars=[(inburgeraar_id, inburgeraar_uuid)],
        door=door,
        reden=reden,
        object_id=str(inburgeraar_uuid or ""),
        handeling="dossier_verwijderd",
        organisatie=organisatie,
    )


def cbs_levering(*, inburgeraars, door, handeling: str, object_id: str, reden: str) -> Verwerking:
    """A file for CBS (Statistiek Wet inburgering) with these persons' data, BSN included, was made
    (`handeling` "cbs_levering_gemaakt") or downloaded ("cbs_levering_gedownload")."""
    return _schrijf(
        actie=Actie.EXPORTEREN,
        onderdeel="cbs",
        inburgeraars=inburgeraars,
        door=door,
        kanaal=Kanaal.EXPORT,
        handeling=handeling,
        object_id=object_id,
        reden=reden,
    )


def overdracht_geweigerd(*, inburgeraar, door, reden: str, kanaal: str | None = None) -> Verwerking:
    """A hand-over package was refused for this case (another BSN, an unknown schema version,
    invalid JSON): nothing was saved; the entry keeps the reason. Written outside the refused
    change's transaction, so it stays."""
    return _schrijf(
        actie=Actie.AANMAKEN,
        onderdeel="overdracht",
        inburgeraars=inburgeraar,
        door=door,
        kanaal=kanaal,
        resultaat=Resultaat.GEWEIGERD,
        reden=reden,
        handeling="overdracht_geweigerd",
        object_id=str(getattr(inburgeraar, "uuid", "") or ""),
    )


# --- Accounts: who gave whom which access (beheer, own password) ---------------------------------
# No person (inburgeraar) is concerned, but these changes decide who can see persons' data: the
# privacy officer sees them next to the reads and changes. `door` is who did it, `gebruiker`
# whose account it is (object_id: its internal id; velden["account"]: its user name).


def _account(*, gebruiker, door, handeling: str, velden: dict | None = None, actie=Actie.WIJZIGEN):
    return _schrijf(
        actie=actie,
        onderdeel="accountbeheer",
        door=door,
        handeling=handeling,
        object_id=str(gebruiker.pk),
        velden={"account": gebruiker.get_username(), **(velden or {})},
    )


def account_aangemaakt(*, gebruiker, door, velden: dict) -> Verwerking:
    """A new account, with the rights it got (`velden`: {field: value})."""
    return _account(
        gebruiker=gebruiker, door=door, handeling="account_aangemaakt", velden=velden, actie=Actie.AANMAKEN
    )


def account_gewijzigd(*, gebruiker, door, velden: dict) -> Verwerking:
    """Role, organisation, municipalities, provider, active or superuser of an account changed:
    `velden` {field: [old, new]}, plus what was revoked when the account was made inactive."""
    return _account(gebruiker=gebruiker, door=door, handeling="account_gewijzigd", velden=velden)


def wachtwoord_gewijzigd(*, gebruiker, door, velden: dict) -> Verwerking:
    """A new password: by the user (handeling wachtwoord_gewijzigd) or set by the functioneel
    beheerder (wachtwoord_ingesteld). Never the password itself; what was revoked."""
    eigen = door is not None and door.pk == gebruiker.pk
    handeling = "wachtwoord_gewijzigd" if eigen else "wachtwoord_ingesteld"
    return _account(gebruiker=gebruiker, door=door, handeling=handeling, velden=velden)


def tweestaps_opnieuw(*, gebruiker, door, velden: dict) -> Verwerking:
    """The beheerder removed the user's authenticator app (set it up again at the next log-in)."""
    return _account(gebruiker=gebruiker, door=door, handeling="tweestaps_opnieuw", velden=velden)


def _gelogd(request) -> None:
    """Note that this request has its read entry, so a decorator does not write a second."""
    if request is not None:
        getattr(request, "_request", request)._verwerkingslog_gelezen = True


def al_gelogd(request) -> bool:
    """Whether this request has its read entry already."""
    return getattr(getattr(request, "_request", request), "_verwerkingslog_gelezen", False)


def verwerkingslog_geraadpleegd(*, request, zoekvraag: dict, inburgeraars=None) -> Verwerking:
    """The auditor looked at the processing log (a search, or one entry). Always written,
    also when no person was named; `zoekvraag` holds the criteria (never a BSN)."""
    _gelogd(request)
    return _schrijf(
        actie=Actie.LEZEN,
        onderdeel="verwerkingslog",
        inburgeraars=inburgeraars,
        request=request,
        velden={naam: str(waarde) for naam, waarde in zoekvraag.items() if waarde not in (None, "")},
    )


# --- For views ----------------------------------------------------------------------------


def betreft(request, inburgeraars: Iterable | object) -> None:
    """A view names the persons its response shows (a list page: the ones on the page);
    the `logt_lezen` decorator or the API mixin then writes one entry for them."""
    http_request = getattr(request, "_request", request)
    bestaand = getattr(http_request, "_verwerkingslog_betrokkenen", None)
    if bestaand is None:
        bestaand = http_request._verwerkingslog_betrokkenen = {}
    for persoon in _personen(inburgeraars):
        bestaand.setdefault(persoon[0], persoon)


def betreft_keuzes(request, form, veld: str = "partner") -> None:
    """The persons offered in a form's choice list (the partner search) were shown too."""
    betreft(request, [(pk, None) for pk, _ in form.fields[veld].widget.choices if isinstance(pk, int)])


def betrokkenen(request) -> list[Persoon] | None:
    """The persons the view named with `betreft`, or None when it named none."""
    gevonden = getattr(getattr(request, "_request", request), "_verwerkingslog_betrokkenen", None)
    return None if gevonden is None else list(gevonden.values())


def persoon_uit_url(kwargs, *, huishouden: bool = False) -> list[Persoon]:
    """The case named by the address; with `huishouden` also its partner and whoever has it
    as partner (the overview shows their names). Only after the view answered with the case
    (`toont_het_adres`), so after its own scoped look-up (`inburgeraar_voor`) let the user in."""
    if "uuid" not in kwargs:
        return []
    return register.uit_adres(kwargs["uuid"], huishouden=huishouden)


# Answers that show nothing of the case in the address: the user or request was refused, or the
# page is gone.
_NIETS_GETOOND = {401, 403, 404, 405, 410, 413, 429}


def toont_het_adres(status: int) -> bool:
    """Whether an answer with this status showed the case its address names: a page (2xx) or a
    page shown again with a message (4xx such as 400 with a form error, 409 after a concurrent
    change), not a redirect, a refusal or a server error."""
    return 200 <= status < 300 or (400 <= status < 500 and status not in _NIETS_GETOOND)


def _na_antwoord(request, response, kwargs, *, huishouden: bool):
    """The persons to log after a view answered, or None when nothing is to be logged:
    whoever the view named with `betreft` (whatever the status: the view named them because
    its answer shows them), and the case in the address when the answer showed it."""
    if al_gelogd(request):
        return None
    personen = betrokkenen(request) or []
    if toont_het_adres(response.status_code):
        personen = persoon_uit_url(kwargs, huishouden=huishouden) + personen
    return personen


def logt_lezen(onderdeel: str, *, huishouden: bool = False, doel: str | None = None):
    """View decorator: after the view answered, one `gelezen` entry for the persons the view
    named with `betreft(request, ...)` and the case in the address (`uuid`; with `huishouden`
    also its partner), also when the answer is an error page that shows them (a 400 with a form
    error). Place it below the permission decorators."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            personen = _na_antwoord(request, response, kwargs, huishouden=huishouden)
            if personen:
                gelezen(request=request, inburgeraars=personen, onderdeel=onderdeel, doel=doel)
            return response

        wrapper.verwerkingslog = ("lezen", onderdeel)
        return wrapper

    return decorator


def logt_document(soort: str, *, onderdeel: str):
    """View decorator for a PDF download: after a 2xx answer, one `document_gemaakt` entry."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            personen = _na_antwoord(request, response, kwargs, huishouden=False)
            if personen:
                document_gemaakt(request=request, inburgeraar=personen, soort=soort, onderdeel=onderdeel)
            return response

        wrapper.verwerkingslog = ("document", onderdeel)
        return wrapper

    return decorator
