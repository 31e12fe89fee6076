"""Turns a DemoPlan into real cases: through the services, so the timeline, the versions and
the PIP checks are the ones a consultant would produce, then backdated to the planned moments.

Services stamp their timeline entries with the current time. While the demo is built, a
post_save receiver notes each new entry with the moment of the step that wrote it; at the end
`Gebeurtenis.op` is set to those moments in a few bulk updates, and so are
`Pip.vastgesteld_op`, `BredeIntake.gewijzigd_op` and the case's own timestamps.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models.signals import post_save

from regie.accounts.models import Rol, User
from regie.coa.demo import coa_demo
from regie.demo.generator import DEMO_BSN_BEGIN, KORTE_NAAM, Casus, DemoPlan
from regie.demo.inloggen import DEMO_WACHTWOORD
from regie.demo.models import Demomarkering
from regie.demo.organisaties import maak_organisaties
from regie.demo.tweestaps import demo_tweestaps_instellen
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import consulent_toewijzen, inburgeraar_registreren, status_wijzigen
from regie.inburgeraars.status import ACTIEF, EindeReden, Status
from regie.intake.models import BredeIntake
from regie.intake.services import (
    afspraak_plannen,
    afspraak_status_wijzigen,
    brede_intake_opslaan,
    diploma_toevoegen,
)
from regie.organisaties.models import Gemeente, Kern
from regie.pip.models import Pip
from regie.pip.services import ONDERDELEN, pip_vaststellen
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log as verwerkingslog
from regie.voortgangsgesprekken.demo import gesprekken_demo

# One demo account per other role in each organisation, to show what each role sees
# (docs/rollen.md), and a consultant of the shared service who works for Dordrecht only.
ROL_ACCOUNTS = {
    "beleid": Rol.BELEIDSMEDEWERKER,
    "financieel": Rol.FINANCIEEL_MEDEWERKER,
    "financieel2": Rol.FINANCIEEL_MEDEWERKER,  # a colleague, for the four eyes of ontzorging's payment runs
    "aanbieder": Rol.AANBIEDER,
    "beheer": Rol.FUNCTIONEEL_BEHEERDER,
    "privacy": Rol.PRIVACY_OFFICER,
}
ALLEEN_DORDRECHT = "consulent-dordrecht.drechtsteden"
DEMO_GEBRUIKERSNAAM = re.compile(
    r"^(teamleider|consulent\d*|consulent-dordrecht|"
    + "|".join(ROL_ACCOUNTS)
    + r")\.("
    + "|".join(KORTE_NAAM.values())
    + r")$"
)


def demo_gebruikers():
    """The demo log-ins: users named like consulent2.dronten in the demo organisations."""
    return (
        User.objects.filter(username__regex=DEMO_GEBRUIKERSNAAM.pattern)
        .select_related("organisatie")
        .order_by("organisatie__naam", "-rol", "username")
    )


def demo_gegevens_aanwezig() -> dict[str, int]:
    """How much of the demo a demo database holds, for a message: demo log-ins and cases with a
    demo BSN. (Which database may hold the demo at all: `regie.demo.database`.)"""
    aanwezig = {
        ("demo-inburgeraar", "demo-inburgeraars"): Inburgeraar.objects.filter(
            bsn__startswith=DEMO_BSN_BEGIN
        ).count(),
        ("demo-account", "demo-accounts"): demo_gebruikers().count(),
    }
    return {(een if aantal == 1 else meer): aantal for (een, meer), aantal in aanwezig.items() if aantal}


@dataclass
class Resultaat:
    casussen: int
    per_organisatie: Counter
    per_status: Counter
    caseload: dict[str, int]
    pips_te_laat: int
    pips: int
    gebeurtenissen: int


class _Bouwer:
    def __init__(self, plan: DemoPlan):
        self.plan = plan
        self.moment = None  # when the step being built happened
        self.gebeurtenis_op: dict[int, object] = {}
        self.pip_op: dict[int, object] = {}
        self.intake_op: dict[int, object] = {}
        self.inburgeraar_op: dict[int, tuple] = {}
        self.gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
        self.kernen = {(k.gemeente.cbs_code, k.naam): k for k in Kern.objects.select_related("gemeente")}
        self.gebruikers: dict[str, User] = {}
        self.inburgeraars: dict[int, Inburgeraar] = {}

    def gebruikers_maken(self, organisaties: dict) -> None:
        wachtwoord = make_password(DEMO_WACHTWOORD)  # hashed once: the same password for every account
        for g in self.plan.gebruikers:
            self.gebruikers[g.username] = User.objects.create(
                username=g.username,
                first_name=g.voornaam,
                last_name=g.achternaam,
                email=f"{g.username}@example.nl",
                organisatie=organisaties[g.organisatie],
                rol=Rol.TEAMLEIDER if g.rol == "teamleider" else Rol.CONSULENT,
                password=wachtwoord,
            )
        # Fixed names (no random numbers used), so the plan and its cases stay the same.
        for organisatie_naam, kort in KORTE_NAAM.items():
            for prefix, rol in ROL_ACCOUNTS.items():
                # "financieel2" gets a name of its own: a run prepared and approved by two people
                # must not read as one name twice on the page.
                nummer = prefix.removeprefix(prefix.rstrip("0123456789"))
                User.objects.create(
                    username=f"{prefix}.{kort}",
                    first_name="Demo",
                    last_name=f"{rol.label.lower()} {nummer}".strip(),
                    email=f"{prefix}.{kort}@example.nl",
                    organisatie=organisaties[organisatie_naam],
                    rol=rol,
                    password=wachtwoord,
                )
        alleen_dordrecht = User.objects.create(
            username=ALLEEN_DORDRECHT,
            first_name="Demo",
            last_name="consulent Dordrecht",
            email=f"{ALLEEN_DORDRECHT}@example.nl",
            organisatie=organisaties["Sociale Dienst Drechtsteden"],
            rol=Rol.CONSULENT,
            password=wachtwoord,
        )
        alleen_dordrecht.gemeenten.set([self.gemeenten["0505"]])

    def gebeurtenis_bewaard(self, sender, instance, created, **kwargs):
        if created:
            self.gebeurtenis_op[instance.pk] = self.moment

    def stempels_zetten(self) -> None:
        """Backdate what the services stamped with the current time to the planned moments."""
        for model, veld, momenten in (
            (Gebeurtenis, "op", self.gebeurtenis_op),
            (Pip, "vastgesteld_op", self.pip_op),
            (BredeIntake, "gewijzigd_op", self.intake_op),
        ):
            model.objects.bulk_update(
                [model(pk=pk, **{veld: op}) for pk, op in momenten.items()], [veld], batch_size=500
            )
        Inburgeraar.objects.bulk_update(
            [
                Inburgeraar(pk=pk, aangemaakt_op=aangemaakt, gewijzigd_op=gewijzigd)
                for pk, (aangemaakt, gewijzigd) in self.inburgeraar_op.items()
            ],
            ["aangemaakt_op", "gewijzigd_op"],
            batch_size=500,
        )

    def casus(self, casus: Casus) -> None:
        gebruikers = self.gebruikers
        door = gebruikers[casus.registratie_door]
        consulent = gebruikers.get(casus.eerste_consulent) if casus.eerste_consulent else None
        self.moment = casus.geregistreerd_op
        inburgeraar = inburgeraar_registreren(
            door=door,
            kinderen=casus.kinderen,
            gemeente=self.gemeenten[casus.cbs_code],
            kern=self.kernen.get((casus.cbs_code, casus.kern)),
            consulent=consulent,
            partner=self.inburgeraars.get(casus.partner_van),
            **casus.persoon,
        )
        if casus.partner_van is not None:
            Inburgeraar.objects.filter(pk=self.inburgeraars[casus.partner_van].pk).update(partner=inburgeraar)
        self.inburgeraars[casus.nummer] = inburgeraar

        afspraken = {}
        for stap in casus.stappen:
            self.moment = stap.op
            door = consulent or gebruikers[casus.registratie_door]
            g = stap.gegevens
            if stap.soort == "afspraak":
                afspraken[g["nummer"]] = afspraak_plannen(
                    inburgeraar=inburgeraar,
                    door=door,
                    begint_op=g["begint_op"],
                    locatie=g["locatie"],
                    uitnodiging_verstuurd_op=g["uitnodiging_verstuurd_op"],
                    tolk=g["tolk"],
                )
            elif stap.soort == "afspraak_status":
                afspraak_status_wijzigen(afspraak=afspraken[g["nummer"]], door=door, status=g["status"])
            elif stap.soort == "intake":
                intake = brede_intake_opslaan(inburgeraar=inburgeraar, door=door, versie=None, **g)
                self.intake_op[intake.pk] = stap.op
                if g.get("afgerond_op"):
                    for diploma in casus.diplomas:
                        diploma_toevoegen(inburgeraar=inburgeraar, door=door, **diploma)
            elif stap.soort == "pip":
                pip = pip_vaststellen(
                    inburgeraar=inburgeraar,
                    door=door,
                    leerroute=g["leerroute"],
                    dagtekening=g["dagtekening"],
                    taalniveau=g["taalniveau"],
                    reden=g["reden"],
                    **{k: v for k, v in g.items() if k in ONDERDELEN},
                )
                self.pip_op[pip.pk] = stap.op
            elif stap.soort == "status":
                status_wijzigen(
                    inburgeraar=inburgeraar,
                    door=door,
                    naar=Status(g["naar"]),
                    reden=EindeReden(g["reden"]) if g.get("reden") else None,
                    toelichting=g["toelichting"],
                )
            elif stap.soort == "toewijzen":
                teamleider = gebruikers[f"teamleider.{KORTE_NAAM[casus.organisatie]}"]
                consulent = gebruikers[g["naar"]]
                consulent_toewijzen(
                    inburgeraar=inburgeraar, door=teamleider, consulent=consulent, reden=g["reden"]
                )
            else:  # pragma: no cover - the generator only makes the kinds above
                raise ValueError(stap.soort)
        laatste = casus.stappen[-1].op if casus.stappen else casus.geregistreerd_op
        self.inburgeraar_op[inburgeraar.pk] = (casus.geregistreerd_op, laatste)


def bouw_demo(plan: DemoPlan) -> Resultaat:
    """Create the organisations, the demo users (with their log-in codes) and every planned
    case, and mark the database as the demo's, in one transaction."""
    with transaction.atomic():
        Demomarkering.zetten()
        organisaties = maak_organisaties()
        bouwer = _Bouwer(plan)
        bouwer.gebruikers_maken(organisaties)
        demo_tweestaps_instellen(demo_gebruikers())
        post_save.connect(bouwer.gebeurtenis_bewaard, sender=Gebeurtenis, weak=False)
        try:
            # The processing-log entries in a few bulk inserts, at the planned moments.
            with verwerkingslog.gebundeld(tijdstip=lambda: bouwer.moment):
                for casus in plan.casussen:
                    bouwer.casus(casus)
        finally:
            post_save.disconnect(bouwer.gebeurtenis_bewaard, sender=Gebeurtenis)
        bouwer.stempels_zetten()
        # The PIP's progress talks, held ones with an outcome (regie.voortgangsgesprekken).
        gesprekken_demo(vandaag=plan.vandaag)
        coa_demo()  # taakstelling per municipality and half year (regie.coa)
        from regie.trajecten.demo import bouw_trajecten

        bouw_trajecten(vandaag=plan.vandaag)  # providers, contracts and referrals (regie.trajecten)
        from regie.voortgang.demo import vul_rapportages

        # What providers reported on the demo referrals (regie.voortgang); keep it after the referrals.
        vul_rapportages(vandaag=plan.vandaag)
        from regie.financien.demo import geldzaken_demo

        # Budgets and the providers' invoices for the referrals (regie.financien); after the referrals.
        geldzaken_demo(vandaag=plan.vandaag)
        from regie.participatie.demo import participatie_demo

        # Participation and the situation at the measuring moments (regie.participatie).
        participatie_demo(vandaag=plan.vandaag)
        from regie.ontzorging.demo import ontzorging_demo

        # Ontzorging (Pw 56a) of the asielstatushouders' households and a year of payment runs
        # (regie.ontzorging); after the participation demo, whose activities it leaves alone.
        ontzorging_demo(vandaag=plan.vandaag)
        from regie.overdracht.demo import overdracht_demo

        # A few moves (regie.overdracht); after the referrals, reports and warnings the packages hold.
        verhuisd = overdracht_demo(vandaag=plan.vandaag)
        from regie.handhaving.demo import handhaving_demo

        # The municipalities' fine policies and a few warnings and fines in every step (regie.handhaving).
        handhaving_demo(vandaag=plan.vandaag)
        from regie.inburgeraars.termijnvelden import herberekenen

        # Some dates were stamped around the services above: the stored deadlines from regie.wet.
        herberekenen()
        from regie.rapportage.demo import rapportage_demo

        # Targets, house styles and council reports (regie.rapportage); after the rest: a final report holds
        # the figures of everything above.
        rapportage_demo(vandaag=plan.vandaag)
        from regie.cbs.demo import cbs_demo

        # The past quarters' deliveries to CBS (regie.cbs); after the reports, as they read everything above.
        cbs_demo(vandaag=plan.vandaag)

    casussen = plan.casussen
    te_laat = [c.pip_te_laat for c in casussen if c.pip_te_laat is not None]
    caseload = Counter(c.consulent for c in casussen if c.status in ACTIEF and c.consulent)
    return Resultaat(
        # The plan's cases and the ones the new municipality registered after a move.
        casussen=len(casussen) + sum(verhuisd.values()),
        per_organisatie=Counter(c.organisatie for c in casussen) + verhuisd,
        per_status=Counter(c.status for c in casussen),
        caseload={g.username: caseload[g.username] for g in plan.gebruikers if g.rol == "consulent"},
        pips_te_laat=sum(te_laat),
        pips=len(te_laat),
        gebeurtenissen=Gebeurtenis.objects.count(),
    )
