"""The made-up national layout: about 340 municipalities, most carrying out the law themselves,
a few sharing one service (like Sociale Dienst Drechtsteden for four municipalities).

Names come from Faker's Dutch place names (a seeded instance: the same seed, the same country);
CBS codes from 2000 up, a range no real municipality has, so they never clash with the demo's.
"""

import random
from dataclasses import dataclass

from faker import Faker

from regie.demo.organisaties import demo_oin
from regie.organisaties.models import Gemeente, Kern, Organisatie

EERSTE_CBS_CODE = 2000
GEMEENTEN_PER_DIENST = 4  # the template's shared service (Drechtsteden) has four municipalities


@dataclass
class Indeling:
    """Organisation ids: municipalities that work alone, and shared services with their four
    municipalities (gemeente ids in the order of the template's)."""

    zelfstandig: list[tuple[int, int]]  # (organisatie id, gemeente id)
    diensten: list[tuple[int, list[int]]]  # (organisatie id, [gemeente id] * GEMEENTEN_PER_DIENST)
    kernen: dict[int, list[tuple[int, str]]]  # gemeente id -> [(kern id, naam)]
    namen: dict[int, str]  # organisatie id -> naam


def maak_indeling(*, seed: int, zelfstandig: int = 308, diensten: int = 8) -> Indeling:
    """Create the organisations, municipalities and kernen (a few hundred rows, bulk inserts)."""
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    bezet = set(Organisatie.objects.values_list("naam", flat=True))
    plaatsen = iter(_unieke_plaatsen(fake, bezet))

    organisaties = [Organisatie(naam=f"Gemeente {next(plaatsen)}") for _ in range(zelfstandig)]
    dienst_gemeenten = [[next(plaatsen) for _ in range(GEMEENTEN_PER_DIENST)] for _ in range(diensten)]
    organisaties += [Organisatie(naam=f"Sociale Dienst {namen[0]} e.o.") for namen in dienst_gemeenten]
    Organisatie.objects.bulk_create(organisaties)

    gemeenten = [
        Gemeente(naam=o.naam.removeprefix("Gemeente "), organisatie=o) for o in organisaties[:zelfstandig]
    ]
    for organisatie, namen in zip(organisaties[zelfstandig:], dienst_gemeenten, strict=True):
        gemeenten += [Gemeente(naam=naam, organisatie=organisatie) for naam in namen]
    for nummer, gemeente in enumerate(gemeenten):
        gemeente.cbs_code = str(EERSTE_CBS_CODE + nummer)
        gemeente.oin = demo_oin(gemeente.cbs_code)
    Gemeente.objects.bulk_create(gemeenten)

    # The main town has the municipality's name; a third of the municipalities have villages too.
    kernen = []
    for gemeente in gemeenten:
        kernen.append(Kern(gemeente=gemeente, naam=gemeente.naam))
        if rng.random() < 1 / 3:
            kernen += [Kern(gemeente=gemeente, naam=next(plaatsen)) for _ in range(rng.randint(1, 4))]
    Kern.objects.bulk_create(kernen)

    per_gemeente: dict[int, list[tuple[int, str]]] = {}
    for kern in kernen:
        per_gemeente.setdefault(kern.gemeente.pk, []).append((kern.pk, kern.naam))
    return Indeling(
        zelfstandig=[(g.organisatie.pk, g.pk) for g in gemeenten[:zelfstandig]],
        diensten=[
            (
                organisatie.pk,
                [g.pk for g in gemeenten[zelfstandig + i * GEMEENTEN_PER_DIENST :][:GEMEENTEN_PER_DIENST]],
            )
            for i, organisatie in enumerate(organisaties[zelfstandig:])
        ],
        kernen=per_gemeente,
        namen={o.pk: o.naam for o in organisaties},
    )


def _unieke_plaatsen(fake: Faker, bezet: set[str]):
    gezien = {naam.removeprefix("Gemeente ") for naam in bezet}
    while True:
        naam = fake.city()
        if naam not in gezien:
            gezien.add(naam)
            yield naam
