"""Test and demo helpers: a provider with a contract, and a referral through the service."""

from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from regie.aanbieders.models import Aanbieder, Contract, Inkoopvorm, Perceel, PrijsPer


class AanbiederFactory(DjangoModelFactory):
    class Meta:
        model = Aanbieder

    naam = factory.Sequence(lambda n: f"Taalschool {n}")
    contactpersoon = "Mevrouw De Vries"
    email = factory.Sequence(lambda n: f"info{n}@taalschool.example.nl")


class ContractFactory(DjangoModelFactory):
    class Meta:
        model = Contract

    aanbieder = factory.SubFactory(AanbiederFactory)
    perceel = Perceel.B1_ROUTE
    inkoopvorm = Inkoopvorm.AANBESTEDING
    prijs = Decimal("9500.00")
    prijs_per = PrijsPer.TRAJECT
    capaciteit = 10
    begindatum = date(2022, 1, 1)
    einddatum = None


def verwezen(inburgeraar, door, *, contract=None, onderdeel=None, **kwargs):
    """A referral through the service `verwijzen` (the case needs a PIP holding the component)."""
    from regie.trajecten.services import verwijzen

    if contract is None:
        contract = ContractFactory(
            aanbieder__organisatie=inburgeraar.gemeente.organisatie, perceel=onderdeel or Perceel.B1_ROUTE
        )
    return verwijzen(
        inburgeraar=inburgeraar,
        onderdeel=onderdeel or contract.perceel,
        contract=contract,
        door=door,
        **kwargs,
    )
