"""What every generated database must hold, the demo's (`seed_demo`) and the national one
(`seed_landelijk`): one set of checks, called by the tests of both generators."""

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.db import models
from django.db.models import Count
from django.utils import timezone
from stdnum.nl import bsn as stdnum_bsn

from regie.demo.generator import TZ
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import Status
from regie.pip.models import Pip
from regie.tijdlijn.models import Gebeurtenis
from regie.wet.leerroute import Doelgroep

# Fields that lie after today by their nature.
IN_DE_TOEKOMST = {
    "intake.Afspraak.begint_op": "an intake appointment planned for the coming weeks",
    "trajecten.Verwijzing.geplande_startdatum": "the start date a provider names when accepting",
    "voortgangsgesprekken.Voortgangsgesprek.gepland_op": "progress talks planned over the whole termijn",
    "aanbieders.Contract.begindatum": "a contract signed ahead (the 2024 contract, seen from 2023)",
    "aanbieders.Contract.einddatum": "a contract runs on after today",
    "django_tasks_database.DBTaskResult.run_after": "django-tasks stores 'run at once' as the largest date",
    # The stored deadlines of regie.wet.termijnen (regie.inburgeraars.termijnvelden).
    "inburgeraars.Inburgeraar.pip_termijn": "the last day the PIP is on time",
    "inburgeraars.Inburgeraar.einde_termijn": "the last day of the inburgeringstermijn",
    "inburgeraars.Inburgeraar.leerroute_termijn": "the last day the leerroute may change",
    "inburgeraars.Inburgeraar.verlenging_vanaf": "the first day an extension may be asked",
    "ontzorging.Ontzorging.einde": "the last day of a running ontzorging (six months, Pw 56a)",
    "ontzorging.Ontzorging.verlengd_tot": "a continuation with consent runs on after today",
    "handhaving.Boete.zienswijze_uiterlijk": "the last day to react to an intention to fine just sent",
}
# Stamped by the real clock while the demo is built, not dated by the demo's story. On a real
# run that moment is today; here "today" may lie in the past, so these are checked against the
# moment the build ended instead.
BIJ_HET_BOUWEN = {
    "accounts.User.date_joined": "Django stamps a new account",
    "otp_totp.TOTPDevice.created_at": "django-otp stamps the demo account's authenticator device",
    "trajecten.Verwijzing.aangemaakt_op": "auto_now_add",
    "trajecten.Verwijzing.gewijzigd_op": "auto_now",
    "voortgangsgesprekken.Voortgangsgesprek.aangemaakt_op": "auto_now_add",
    "voortgangsgesprekken.Voortgangsgesprek.gewijzigd_op": "auto_now",
    "coa.Taakstelling.gewijzigd_op": "auto_now",
    "handhaving.Waarschuwing.aangemaakt_op": "auto_now_add",
    "handhaving.Boete.aangemaakt_op": "auto_now_add",
    "duo.UitgaandBericht.aangemaakt_op": "the message to DUO is queued while building",
    "duo.UitgaandBericht.gewijzigd_op": "auto_now",
    "duo.UitgaandBericht.volgende_poging_op": "sent by the worker from the moment it was queued",
    "django_tasks_database.DBTaskResult.enqueued_at": "the task that sends it, queued while building",
}


def na_vandaag(vandaag: date, gebouwd: datetime) -> dict[str, int]:
    """Per date or datetime field of every model, how many rows lie after `vandaag` (the fields
    of BIJ_HET_BOUWEN: after `gebouwd`); fields in IN_DE_TOEKOMST are left out."""
    morgen = datetime.combine(vandaag + timedelta(days=1), time(0), tzinfo=TZ)
    uit = {}
    for model in apps.get_models():
        for veld in model._meta.concrete_fields:
            label = f"{model._meta.label}.{veld.name}"
            if not isinstance(veld, models.DateField) or label in IN_DE_TOEKOMST:
                continue  # a DateTimeField is a DateField too
            if label in BIJ_HET_BOUWEN:
                te_laat = {f"{veld.name}__gt": gebouwd}
            elif isinstance(veld, models.DateTimeField):
                te_laat = {f"{veld.name}__gte": morgen}
            else:
                te_laat = {f"{veld.name}__gt": vandaag}
            if aantal := model._base_manager.filter(**te_laat).count():
                uit[label] = aantal
    return uit


def statussen_en_tijdlijn_uit_de_services() -> None:
    assert set(Inburgeraar.objects.values_list("status", flat=True)) == {s.value for s in Status}
    for inburgeraar in Inburgeraar.objects.exclude(status=Status.AANGEMELD).prefetch_related(
        "gebeurtenissen"
    ):
        soorten = {g.soort for g in inburgeraar.gebeurtenissen.all()}
        assert {"geregistreerd", "status_gewijzigd"} <= soorten
    afgerond = Inburgeraar.objects.filter(status__in=[Status.AFGEROND, Status.BEEINDIGD])
    assert not afgerond.filter(einde_reden="").exists()
    # versions: every service call claimed one
    assert Inburgeraar.objects.filter(versie__gt=3).exists()
    assert Pip.objects.values("inburgeraar").annotate(n=Count("id")).filter(n__gt=1).exists()


def tijdstempels_in_het_verleden_van_de_casus() -> None:
    middernacht = timezone.make_aware(datetime.combine(timezone.localdate(), time(0)))
    assert not Gebeurtenis.objects.filter(op__gte=middernacht).exists()
    assert Gebeurtenis.objects.filter(op__year=2022).exists()
    for pip in Pip.objects.all():
        assert timezone.localdate(pip.vastgesteld_op) == pip.dagtekening
    eerste_per_casus = {}
    for gebeurtenis in Gebeurtenis.objects.order_by("-op", "-id"):
        eerste_per_casus[gebeurtenis.inburgeraar_id] = gebeurtenis
    for inburgeraar in Inburgeraar.objects.all():
        eerste = eerste_per_casus[inburgeraar.pk]
        assert eerste.soort == "geregistreerd"
        assert eerste.op == inburgeraar.aangemaakt_op
        assert timezone.localdate(eerste.op) >= inburgeraar.datum_melding_duo


def partners_wijzen_naar_elkaar() -> None:
    partners = Inburgeraar.objects.filter(partner__isnull=False).select_related("partner")
    assert partners.exists()
    for inburgeraar in partners:
        assert inburgeraar.partner.partner_id == inburgeraar.pk


def bsns_geldig_en_uniek_per_organisatie() -> None:
    paren = list(Inburgeraar.objects.values_list("bsn", "organisatie_id"))
    assert all(stdnum_bsn.is_valid(bsn) for bsn, _ in paren)
    assert len(set(paren)) == len(paren)


def vier_ogen_door_twee_mensen() -> None:
    """A payment run and a fine decision were approved by someone else than who prepared them,
    and the page shows two different names (two demo accounts of one role once had one name)."""
    from regie.handhaving.models import Boete
    from regie.ontzorging.models import Betaalrun

    paren = [
        (r.voorbereid_door, r.goedgekeurd_door)
        for r in Betaalrun.objects.filter(goedgekeurd_door__isnull=False).select_related(
            "voorbereid_door", "goedgekeurd_door"
        )
    ] + [
        (b.besloten_door, b.goedgekeurd_door)
        for b in Boete.objects.filter(goedgekeurd_door__isnull=False).select_related(
            "besloten_door", "goedgekeurd_door"
        )
    ]
    assert paren
    for voorbereid, goedgekeurd in paren:
        assert voorbereid != goedgekeurd
        assert voorbereid.get_full_name() != goedgekeurd.get_full_name()


def verhoudingen() -> None:
    """The domain reference's proportions (wider bounds than the plan's tests: a small database)."""
    asiel = Inburgeraar.objects.filter(doelgroep=Doelgroep.ASIELSTATUSHOUDER)
    assert 0.45 <= asiel.count() / Inburgeraar.objects.count() <= 0.75
    assert 0.45 <= asiel.filter(geslacht="man").count() / asiel.count() <= 0.75
    landen = Counter(asiel.values_list("geboorteland", flat=True))
    assert landen.most_common(1)[0][0] == "Syrië"


def alle_invarianten(*, gebouwd: datetime) -> None:
    statussen_en_tijdlijn_uit_de_services()
    tijdstempels_in_het_verleden_van_de_casus()
    partners_wijzen_naar_elkaar()
    bsns_geldig_en_uniek_per_organisatie()
    vier_ogen_door_twee_mensen()
    verhoudingen()
    assert na_vandaag(timezone.localdate(), gebouwd) == {}
