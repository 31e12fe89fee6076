"""Test and demo helpers: a provider with a contract."""

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
