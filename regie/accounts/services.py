"""Changes to staff accounts that give or take access to personal data.

Each function takes keyword-only arguments and the acting user `door`, runs in one transaction
and writes its processing-log entry (regie.verwerkingslog.log) in that transaction, so the
privacy officer sees who gave whom which access.

A new password, a new authenticator app and an account made inactive end every way in the user
had: all API tokens are revoked and all sessions are removed from the session store
(`toegang_intrekken`). One exception: who changes their own password keeps the session they did
it in (Django moves it to a new key with `update_session_auth_hash`); their other sessions end.

Who may do what to which account is `regie.accounts.rechten.weigering_accountbeheer`; every
function here checks it first and raises `GeenToegang` (403, logged with its reason by
VerwerkingslogMiddleware) before anything changes.
"""

from django.db import transaction

from regie.accounts import tokens, tweestaps
from regie.accounts.models import ApiToken, Sessie, User
from regie.accounts.rechten import (
    ALLEEN_SUPERUSER_VELDEN,
    RECHTGEVENDE_VELDEN,
    GeenToegang,
    Recht,
    weigering_accountbeheer,
)
from regie.verwerkingslog import log


def _ja_nee(waarde: bool) -> str:
    return "ja" if waarde else "nee"


def _namen(qs) -> str:
    return ", ".join(sorted(str(o) for o in qs)) or "(geen)"


def rechten_van_account(gebruiker: User) -> dict[str, str]:
    """What gives this account its rights, as text for the processing log (reads the database:
    call it before and after a change)."""
    return {
        "rol": gebruiker.rol,
        "organisatie": str(gebruiker.organisatie) if gebruiker.organisatie_id else "(geen)",
        "gemeenten": _namen(gebruiker.gemeenten.all()) if gebruiker.pk else "(geen)",
        "aanbieder": str(gebruiker.aanbieder) if gebruiker.aanbieder_id else "(geen)",
        "is_active": _ja_nee(gebruiker.is_active),
        "is_staff": _ja_nee(gebruiker.is_staff),
        "is_superuser": _ja_nee(gebruiker.is_superuser),
        "groups": _namen(gebruiker.groups.all()) if gebruiker.pk else "(geen)",
        "user_permissions": _namen(gebruiker.user_permissions.all()) if gebruiker.pk else "(geen)",
    }


def controleer_accountbeheer(*, door: User, gebruiker: User | None, velden=()) -> None:
    """Raises GeenToegang with the Dutch reason when `door` may not make this change."""
    melding = weigering_accountbeheer(door, gebruiker, velden)
    if melding:
        raise GeenToegang(melding, recht=Recht.BEHEER)


def toegang_intrekken(*, gebruiker: User, behalve_sessie: str | None = None) -> dict[str, int]:
    """Revoke all of the user's API tokens and remove all of their sessions (but `behalve_sessie`).
    Returns how many of each, for the processing-log entry of the change that asked for it."""
    ingetrokken = tokens.trek_in(ApiToken.objects.filter(user=gebruiker, ingetrokken_op__isnull=True))
    sessies = Sessie.objects.filter(user=gebruiker)
    if behalve_sessie:
        sessies = sessies.exclude(session_key=behalve_sessie)
    beeindigd, _ = sessies.delete()
    return {"api_tokens_ingetrokken": ingetrokken, "sessies_beeindigd": beeindigd}


@transaction.atomic
def wachtwoord_wijzigen(
    *, gebruiker: User, wachtwoord: str | None, door: User, huidige_sessie: str | None = None
) -> None:
    """A new password for `gebruiker` (already checked against the password rules); None: no
    password any more (log-in only through the organisation's identity provider). `huidige_sessie`:
    the session key of the request, kept when the users change their own password."""
    controleer_accountbeheer(door=door, gebruiker=gebruiker)
    if wachtwoord is None:
        gebruiker.set_unusable_password()
    else:
        gebruiker.set_password(wachtwoord)
    gebruiker.save(update_fields=["password"])
    eigen = door.pk == gebruiker.pk
    ingetrokken = toegang_intrekken(gebruiker=gebruiker, behalve_sessie=huidige_sessie if eigen else None)
    velden = {**({"wachtwoord": "uitgezet"} if wachtwoord is None else {}), **ingetrokken}
    log.wachtwoord_gewijzigd(gebruiker=gebruiker, door=door, velden=velden)


@transaction.atomic
def tweestaps_opnieuw_instellen(*, gebruiker: User, door: User) -> int:
    """Remove the user's authenticator apps (new or lost phone): the next log-in sets one up
    again, after the password. Returns how many apps were removed."""
    controleer_accountbeheer(door=door, gebruiker=gebruiker)
    apparaten = tweestaps.opnieuw_laten_instellen(gebruiker)
    ingetrokken = toegang_intrekken(gebruiker=gebruiker)
    log.tweestaps_opnieuw(
        gebruiker=gebruiker, door=door, velden={"authenticator_apps_verwijderd": apparaten, **ingetrokken}
    )
    return apparaten


@transaction.atomic
def account_opgeslagen(*, gebruiker: User, oud: dict[str, str] | None, door: User) -> None:
    """The beheeromgeving saved `gebruiker` (new when `oud` is None, else `oud` is
    `rechten_van_account` from before the change): log what changed in its rights, and end
    every way in when the account was made inactive. A change that is not allowed (the form
    already refuses it with a message) is undone: GeenToegang rolls back the admin's transaction."""
    nieuw = rechten_van_account(gebruiker)
    if oud is None:
        gegeven = [veld for veld in ALLEEN_SUPERUSER_VELDEN if nieuw[veld] not in ("nee", "(geen)")]
        controleer_accountbeheer(door=door, gebruiker=None, velden=gegeven)
        log.account_aangemaakt(gebruiker=gebruiker, door=door, velden=nieuw)
        return
    velden = {veld: [oud[veld], nieuw[veld]] for veld in RECHTGEVENDE_VELDEN if oud[veld] != nieuw[veld]}
    if not velden:
        return
    controleer_accountbeheer(door=door, gebruiker=gebruiker, velden=velden)
    if oud["is_active"] == "ja" and nieuw["is_active"] == "nee":
        velden.update(toegang_intrekken(gebruiker=gebruiker))
    log.account_gewijzigd(gebruiker=gebruiker, door=door, velden=velden)
