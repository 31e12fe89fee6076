"""The one generator of realistic data, for the demo and for the tests (factory-boy + Faker nl_NL)."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from faker import Faker

from regie import klok
from regie.accounts.models import Rol, User
from regie.demo.inloggen import DEMO_WACHTWOORD
from regie.inburgeraars.models import Doelgroep, Geslacht, Inburgeraar, Kind
from regie.intake.models import (
    Afspraak,
    BredeIntake,
    Diploma,
    LeerbaarheidstoetsResultaat,
    Opleidingsniveau,
    Taalniveau,
)
from regie.organisaties.models import Gemeente, Kern, Organisatie

fake = Faker("nl_NL")


def geldig_bsn(n: int) -> str:
    """A distinct valid BSN for every n >= 0 (11-proef, weights 9..2 and -1).

    The first eight digits are 10000000 + 2n or, when that prefix has no valid check
    digit, the odd prefix after it: one step in the eighth digit moves the check sum
    by 2, so that one always has a valid check digit and no two n share a prefix.
    """
    for prefix in (10_000_000 + 2 * n, 10_000_000 + 2 * n + 1):
        som = sum(int(c) * w for c, w in zip(str(prefix), range(9, 1, -1), strict=True))
        if som % 11 != 10:
            return f"{prefix}{som % 11}"
    raise AssertionError("unreachable: one of two neighbouring prefixes is valid")


# A surname no page holds as a word. Faker's Dutch surnames include page words ("Groen", "Sam",
# "Wensen"), so a test that checks a name is *not* shown gives the case this one.
NIET_OP_DE_PAGINA = "Nietopdepagina"


def naam_niet_op_de_pagina(inburgeraar: Inburgeraar) -> Inburgeraar:
    """Give an existing case the surname `NIET_OP_DE_PAGINA` (tests of what a page leaves out)."""
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(geslachtsnaam=NIET_OP_DE_PAGINA)
    inburgeraar.geslachtsnaam = NIET_OP_DE_PAGINA
    return inburgeraar


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Sociale Dienst {n}")


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("cbs_code",)

    cbs_code = factory.Sequence(lambda n: f"{9000 + n:04d}")
    naam = factory.LazyAttribute(lambda o: f"Gemeente {o.cbs_code}")
    organisatie = factory.SubFactory(OrganisatieFactory)


class KernFactory(DjangoModelFactory):
    class Meta:
        model = Kern
        django_get_or_create = ("gemeente", "naam")

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.LazyAttribute(lambda o: o.gemeente.naam)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.LazyFunction(fake.first_name)
    last_name = factory.LazyFunction(fake.last_name)
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.nl")
    organisatie = factory.SubFactory(OrganisatieFactory)
    rol = Rol.CONSULENT
    password = factory.django.Password(DEMO_WACHTWOORD)


class InburgeraarFactory(DjangoModelFactory):
    class Meta:
        model = Inburgeraar

    bsn = factory.Sequence(geldig_bsn)
    geslacht = Geslacht.VROUW
    voornamen = factory.LazyAttribute(
        lambda o: fake.first_name_female() if o.geslacht == Geslacht.VROUW else fake.first_name_male()
    )
    geslachtsnaam = factory.LazyFunction(fake.last_name)
    geboortedatum = factory.LazyFunction(lambda: fake.date_of_birth(minimum_age=18, maximum_age=60))
    geboorteland = "Syrië"
    nationaliteit = "Syrische"
    talen = "Arabisch"
    doelgroep = Doelgroep.ASIELSTATUSHOUDER
    gemeente = factory.SubFactory(GemeenteFactory)
    organisatie = factory.LazyAttribute(lambda o: o.gemeente.organisatie)  # as the services set it
    straat = factory.LazyFunction(fake.street_name)
    huisnummer = factory.LazyFunction(fake.building_number)
    postcode = factory.LazyFunction(fake.postcode)
    woonplaats = factory.LazyAttribute(lambda o: o.gemeente.naam)
    telefoon = factory.LazyFunction(fake.phone_number)
    datum_melding_duo = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=30))
    datum_inschrijving_brp = factory.LazyAttribute(lambda o: o.datum_melding_duo)
    consulent = None


class KindFactory(DjangoModelFactory):
    class Meta:
        model = Kind

    ouder = factory.SubFactory(InburgeraarFactory)
    voornaam = factory.LazyFunction(fake.first_name)
    geboortedatum = factory.LazyFunction(lambda: fake.date_of_birth(minimum_age=0, maximum_age=15))


class IntakeFactory(DjangoModelFactory):
    """A brede intake record as stored; for the timeline use `brede_intake_opslaan`."""

    class Meta:
        model = BredeIntake
        django_get_or_create = ("inburgeraar",)

    inburgeraar = factory.SubFactory(InburgeraarFactory)
    leerbaarheidstoets_datum = factory.LazyAttribute(lambda o: o.inburgeraar.datum_melding_duo)
    leerbaarheidstoets_resultaat = LeerbaarheidstoetsResultaat.B1_HAALBAAR
    opleidingsniveau = Opleidingsniveau.VOORTGEZET
    jaren_onderwijs = 10
    opleiding_toelichting = "Middelbare school in het land van herkomst."
    werkervaring = "Verkoper in een winkel."
    taalniveau_lezen = Taalniveau.A1
    taalniveau_luisteren = Taalniveau.A1
    taalniveau_spreken = Taalniveau.A0
    taalniveau_schrijven = Taalniveau.A0
    wensen_en_motivatie = "Wil zo snel mogelijk Nederlands leren en aan het werk."
    afgerond_op = factory.LazyAttribute(lambda o: o.inburgeraar.datum_melding_duo)


BredeIntakeFactory = IntakeFactory


class DiplomaFactory(DjangoModelFactory):
    class Meta:
        model = Diploma

    intake = factory.SubFactory(IntakeFactory)
    naam = "Diploma elektrotechniek"
    land = "Syrië"
    jaar = 2015
    gewaardeerd = False


class AfspraakFactory(DjangoModelFactory):
    """An intake appointment as stored; for the timeline use `afspraak_plannen`."""

    class Meta:
        model = Afspraak

    inburgeraar = factory.SubFactory(InburgeraarFactory)
    begint_op = factory.LazyFunction(
        lambda: timezone.make_aware(dt.datetime.combine(klok.vandaag() + dt.timedelta(days=7), dt.time(10)))
    )
    locatie = "Gemeentehuis Dronten, De Rede 1"
    uitnodiging_verstuurd_op = factory.LazyFunction(timezone.localdate)
    tolk = False
    status = Afspraak.Status.GEPLAND


def pip_vastgesteld(inburgeraar: Inburgeraar, door: User, **overschrijven):
    """A valid first (or next) PIP through the service `pip_vaststellen`, for tests that need
    a case with a PIP. Defaults: B1-route, dagtekening = the later of the DUO notice and the
    BRP registration (or today)."""
    from regie.pip.services import pip_vaststellen

    asiel = inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    gegevens = {
        "leerroute": "b1",
        "dagtekening": max(
            [d for d in (inburgeraar.datum_melding_duo, inburgeraar.datum_inschrijving_brp) if d]
            or [klok.vandaag()]
        ),
        "map": True,
        "pvt": True,
        "maatschappelijke_begeleiding": asiel,
        "aantal_voortgangsgesprekken": 4 if asiel else None,
    }
    gegevens.update(overschrijven)
    if gegevens["leerroute"] == "onderwijsroute" and "map" not in overschrijven:
        gegevens["map"] = False
    return pip_vaststellen(inburgeraar=inburgeraar, door=door, **gegevens)
