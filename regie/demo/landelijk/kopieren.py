"""Copies the demo (the template, built through the services by `seed_demo`) many times into the
national layout, table by table, without the ORM per row.

Why copies: the template's cases were made by the real services, so every copy has the same
consistent history (timeline, processing log, PIP versions, referrals, reports, DUO messages)
and any column another part of Regie derives and stores is copied as it was derived. What a copy
changes: its ids (a fixed offset per table and copy), its uuids (a fixed permutation per copy,
also inside JSON, so references by uuid stay right), the organisation, municipality and kern
(mapped onto the national layout), the accounts (new names, the demo password and a demo TOTP
secret), and the person: a new BSN, a name that fits the country of origin, an address in the new
municipality. Dates stay: they are the template's, all before today.

Tables are found through Django's models, so a table added later is copied too; a unique column
the copy does not know how to change stops the run (see `_kolom_regels`).
"""

import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models
from django.utils.text import slugify

from regie.demo.landelijk.indeling import Indeling
from regie.demo.landelijk.rijen import lees_rijen, schrijf_rijen, zonder_indexen, zonder_triggers
from regie.demo.namen import HERKOMST
from regie.demo.organisaties import demo_oin
from regie.demo.tweestaps import demo_totp_sleutel
from regie.inburgeraars.models import Inburgeraar
from regie.organisaties.models import Gemeente

# Not copied: the layout itself, Django's own tables, the queue (a copied message to DUO waits
# without a task: the national data is for measuring, nothing is sent), the demo mark, and the
# deliveries to CBS (a file holds the template's BSNs, which a copy replaces; bench/cbs.py makes
# the national files itself) and the hand-over packages of moves (the same).
NIET_KOPIEREN = {
    "organisaties.Organisatie",
    "organisaties.Gemeente",
    "organisaties.Kern",
    "contenttypes.ContentType",
    "auth.Permission",
    "sessions.Session",
    "demo.Demomarkering",
    "django_tasks_database.DBTaskResult",
    "taken.TaakOrganisatie",
    "cbs.Levering",
    # A hand-over package holds the template case's BSN and name, which a copy replaces.
    "overdracht.Overdracht",
    "overdracht.OntvangenPakket",
}
KAART = {
    "organisaties.Organisatie": "organisatie",
    "organisaties.Gemeente": "gemeente",
    "organisaties.Kern": "kern",
}
# Tables whose rows belong to an organisation or municipality, not to a case: a second copy in
# the same organisation reuses the first copy's row (natural key: the mapped columns).
ONTDUBBELEN = {
    "aanbieders.Aanbieder": ("organisatie_id", "naam"),
    "aanbieders.Contract": ("aanbieder_id", "id"),
    "coa.Taakstelling": ("gemeente_id", "jaar", "halfjaar"),
    "rapportage.Huisstijl": ("gemeente_id",),
    "rapportage.Streefwaarde": ("gemeente_id", "kpi", "jaar"),
    "rapportage.Raadsrapportage": ("gemeente_id", "jaar", "soort"),
    "financien.Budget": ("gemeente_id", "jaar", "categorie"),
    "ontzorging.Betaalrekening": ("gemeente_id",),
    "handhaving.Boetebeleid": ("gemeente_id",),
}
UUID_IN_TEKST = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MENG = 0x9E3779B97F4A7C15F39CC0605CEDC835  # odd 128-bit constant: k * MENG differs for every copy
BSN_BEGIN = "99"  # national BSNs; the demo's (9999) and the simulator's (9988) are skipped
NATIEVE_UUID = connection.features.has_native_uuid_field


@dataclass
class Kopie:
    nummer: int
    organisatie: dict[int, int]  # template id -> national id
    gemeente: dict[int, int]
    rng: random.Random
    kern: dict[int, int] = field(default_factory=dict)  # template kern id -> national kern id
    gebruikersnaam: dict[int, str] = field(default_factory=dict)  # template user id -> new name
    bsn: dict[int, str] = field(default_factory=dict)  # template case id -> new BSN

    def __post_init__(self):
        self.masker = self.nummer * MENG & (2**128 - 1)

    def uuid(self, waarde):
        if waarde is None:
            return None
        u = waarde if isinstance(waarde, uuid.UUID) else uuid.UUID(waarde)
        nieuw = uuid.UUID(int=u.int ^ self.masker)
        return nieuw if NATIEVE_UUID else nieuw.hex


def bsn_reeks() -> Iterator[str]:
    """Valid (11-proef), unique BSNs starting with 99, spread over the range."""
    for n in range(1_000_000):
        begin = f"{BSN_BEGIN}{n * 7919 % 1_000_000:06d}"
        if begin.startswith(("9999", "9988")):
            continue
        controle = sum(int(c) * w for c, w in zip(begin, range(9, 1, -1), strict=True)) % 11
        if controle <= 9:
            yield f"{begin}{controle}"


def kopieen_indelen(indeling: Indeling, sjabloon: dict, aantal: int, seed: int) -> list[Kopie]:
    """Where each copy goes. `sjabloon`: template organisation id -> its gemeente ids (the shared
    service has four). Municipalities that work alone take the template's organisations in turn;
    every fourth copy of the shared service goes to a shared service, the others to one municipality."""
    zelfstandig = _rond(indeling.zelfstandig)
    diensten = _rond(indeling.diensten)
    kopieen = []
    for k in range(1, aantal + 1):
        kopie = Kopie(nummer=k, organisatie={}, gemeente={}, rng=random.Random(seed * 100_003 + k))
        for organisatie, gemeenten in sjabloon.items():
            if len(gemeenten) > 1 and k % 4 == 0:
                doel, doel_gemeenten = next(diensten)
            else:
                doel, gemeente = next(zelfstandig)
                doel_gemeenten = [gemeente] * len(gemeenten)
            kopie.organisatie[organisatie] = doel
            kopie.gemeente.update(zip(gemeenten, doel_gemeenten, strict=True))
        kopieen.append(kopie)
    return kopieen


def _rond(lijst):
    while True:
        yield from lijst


class Kopieerder:
    def __init__(self, indeling: Indeling, kopieen: list[Kopie], sjabloon_kernen: dict[int, int]):
        self.indeling = indeling
        self.kopieen = kopieen
        self.sjabloon_kernen = sjabloon_kernen  # template kern id -> template gemeente id
        self.bsns = bsn_reeks()
        self.cbs_code = dict(Gemeente.objects.values_list("id", "cbs_code"))
        self.modellen = _volgorde(
            [m for m in apps.get_models(include_auto_created=True) if m._meta.label not in NIET_KOPIEREN]
        )
        self.stap: dict[str, int] = {}  # db_table -> offset per copy
        self.ontdubbeld: dict[str, dict] = {}  # db_table -> {(copy, template id): new id}
        for kopie in kopieen:
            for kern, gemeente in sjabloon_kernen.items():
                opties = indeling.kernen[kopie.gemeente[gemeente]]
                kopie.kern[kern] = opties[kern % len(opties)][0]

    def kopieer(self, melden: Callable[[str, int], None] = lambda tabel, aantal: None) -> dict[str, int]:
        """Write every copy of every table; returns rows written per table."""
        geschreven = {}
        with zonder_triggers(), zonder_indexen([m._meta.db_table for m in self.modellen]):
            self._alle_tabellen(geschreven, melden)
        self._reeksen_bijwerken()
        return geschreven

    def _alle_tabellen(self, geschreven: dict, melden) -> None:
        for model in self.modellen:
            meta = model._meta
            kolommen = [f.column for f in meta.concrete_fields]
            # A composite key (the processing log's persons) is made of references, which the
            # copy maps: no id range of its own.
            sleutel = meta.pk.column or meta.pk_fields[0].column
            rijen = lees_rijen(meta.db_table, kolommen, sleutel)
            if not rijen:
                continue
            if meta.pk.column:
                self.stap[meta.db_table] = max(r[kolommen.index(meta.pk.column)] for r in rijen) + 1
            nieuwe_rijen = self._kopieen_van(model, kolommen, rijen)
            geschreven[meta.db_table] = schrijf_rijen(meta.db_table, kolommen, nieuwe_rijen)
            melden(meta.db_table, geschreven[meta.db_table])

    def _kopieen_van(self, model, kolommen: list[str], rijen: list[tuple]) -> Iterator[list]:
        meta = model._meta
        regels = self._kolom_regels(model)
        bijwerken = RIJREGELS.get(meta.label)
        index = {k: i for i, k in enumerate(kolommen)}
        pk = index.get(meta.pk.column)
        sleutel = ONTDUBBELEN.get(meta.label)
        gezien = {}
        volgend = self.stap.get(meta.db_table)
        kaart = self.ontdubbeld.setdefault(meta.db_table, {}) if sleutel else None
        for kopie in self.kopieen:
            # The rules for this copy, with its offsets and maps bound once (per row and column
            # only the call remains: this loop runs some 15 million times).
            voor_kopie = [(i, maak(kopie)) for i, maak in regels]
            for rij in rijen:
                nieuw = list(rij)
                for i, regel in voor_kopie:
                    nieuw[i] = regel(rij[i])
                if bijwerken:
                    bijwerken(self, nieuw, rij, index, kopie)
                if sleutel:
                    natuurlijk = tuple(rij[pk] if k == "id" else nieuw[index[k]] for k in sleutel)
                    if natuurlijk in gezien:
                        kaart[kopie.nummer, rij[pk]] = gezien[natuurlijk]
                        continue
                    nieuw[pk] = gezien[natuurlijk] = kaart[kopie.nummer, rij[pk]] = volgend
                    volgend += 1
                yield nieuw

    def nieuw_id(self, model, waarde, kopie: Kopie):
        if waarde is None:
            return None
        tabel = model._meta.db_table
        if tabel in self.ontdubbeld:
            return self.ontdubbeld[tabel][kopie.nummer, waarde]
        return waarde + kopie.nummer * self.stap[tabel]

    def _kolom_regels(self, model) -> list[tuple[int, Callable[[Kopie], Callable]]]:
        """Per changed column: its index and a function that makes the column's rule for a copy."""
        regels = []
        label = model._meta.label
        for i, veld in enumerate(model._meta.concrete_fields):
            doel = veld.related_model._meta.label if veld.is_relation else None
            if veld.primary_key and not veld.is_relation:
                if label not in ONTDUBBELEN:  # a deduplicated row gets its id when it is new
                    regels.append((i, lambda k, m=model: self._id_regel(m, k)))
            elif doel in KAART:
                soort = KAART[doel]
                regels.append((i, lambda k, s=soort: _via(getattr(k, s))))
            elif veld.is_relation and doel in NIET_KOPIEREN:
                if not veld.null and not veld.primary_key:
                    raise RuntimeError(f"{label}.{veld.name} wijst naar {doel}, dat niet wordt gekopieerd.")
                regels.append((i, lambda k: _leeg))
            elif veld.is_relation:
                regels.append((i, lambda k, m=veld.related_model: self._id_regel(m, k)))
            elif isinstance(veld, models.UUIDField):
                regels.append((i, lambda k: k.uuid))
            elif isinstance(veld, models.JSONField):
                regels.append((i, lambda k: lambda w: _json_uuids(w, k)))
            elif veld.unique and (label, veld.name) not in UNIEK_DOOR_RIJREGEL:
                raise RuntimeError(
                    f"{label}.{veld.name} is uniek; het kopiëren weet niet hoe het die waarde wijzigt."
                )
        return regels

    def _id_regel(self, model, kopie: Kopie) -> Callable:
        """`nieuw_id` for one table and copy."""
        tabel = model._meta.db_table
        if tabel in self.ontdubbeld:
            kaart, nummer = self.ontdubbeld[tabel], kopie.nummer
            return lambda w: None if w is None else kaart[nummer, w]
        if tabel not in self.stap:  # a table without rows (yet): only NULLs can point to it
            return lambda w: self.nieuw_id(model, w, kopie)
        verschuiving = kopie.nummer * self.stap[tabel]
        return lambda w: None if w is None else w + verschuiving

    def _reeksen_bijwerken(self) -> None:
        sql = connection.ops.sequence_reset_sql(no_style(), self.modellen)
        with connection.cursor() as cursor:
            for regel in sql:
                cursor.execute(regel)


def _json_uuids(waarde, kopie: Kopie):
    if not waarde or "-" not in waarde:
        return waarde
    return UUID_IN_TEKST.sub(lambda m: str(uuid.UUID(int=uuid.UUID(m[0]).int ^ kopie.masker)), waarde)


def _via(kaart: dict) -> Callable:
    return lambda w: None if w is None else kaart[w]


def _leeg(waarde):
    return None


def _volgorde(modellen: list) -> list:
    """Models after the models their foreign keys point to (deduplicated rows must exist first)."""
    klaar, uit = set(), []

    def bezoek(model, pad=()):
        if model in klaar or model in pad:
            return
        for veld in model._meta.concrete_fields:
            if veld.is_relation and veld.related_model in modellen and veld.related_model is not model:
                bezoek(veld.related_model, (*pad, model))
        klaar.add(model)
        uit.append(model)

    for model in modellen:
        bezoek(model)
    return uit


# --- What a copy changes in a row beyond ids and uuids ---------------------------------------


def _gebruiker(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    organisatie = nieuw[index["organisatie_id"]]
    kort = slugify(k.indeling.namen.get(organisatie, "")).removeprefix("gemeente-") or "regie"
    naam = f"{oud[index['username']].split('.')[0]}.{kort}.{kopie.nummer}"
    kopie.gebruikersnaam[oud[index["id"]]] = naam
    nieuw[index["username"]] = naam
    nieuw[index["email"]] = f"{naam}@example.nl"
    nieuw[index["last_login"]] = None


def _totp(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    nieuw[index["key"]] = demo_totp_sleutel(kopie.gebruikersnaam[oud[index["user_id"]]])


def _inburgeraar(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    rng = kopie.rng
    bsn = next(k.bsns)
    kopie.bsn[oud[index["id"]]] = bsn
    nieuw[index["bsn"]] = bsn
    herkomst = HERKOMST.get(oud[index["geboorteland"]])
    if herkomst:
        man = oud[index["geslacht"]] == "man"
        nieuw[index["voornamen"]] = rng.choice(herkomst.mannen if man else herkomst.vrouwen)
        nieuw[index["geslachtsnaam"]] = rng.choice(herkomst.achternamen)
    if oud[index["email"]]:
        naam = f"{nieuw[index['voornamen']]}.{nieuw[index['geslachtsnaam']]}{kopie.nummer}".lower()
        nieuw[index["email"]] = (
            "".join(c for c in naam if c.isascii() and (c.isalnum() or c == ".")) + "@example.com"
        )
    nieuw[index["telefoon"]] = f"06-{rng.randint(10_000_000, 99_999_999)}"
    if oud[index["kern_id"]] is not None:
        kern = nieuw[index["kern_id"]] = kopie.kern[oud[index["kern_id"]]]
        nieuw[index["woonplaats"]] = next(
            n for i, n in k.indeling.kernen[nieuw[index["gemeente_id"]]] if i == kern
        )
        nieuw[index["postcode"]] = (
            f"{rng.randint(1000, 9999)} {rng.choice('ABCDEGHJKLMNPRTVWXZ')}{rng.choice('ABCDEGHJKLMNPRTVWXZ')}"
        )


def verwerkingslog_regels(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    """The processing log keeps people, users and organisations as plain values (it must outlive
    them), so a copy points those at its own: the one place to adapt when the log's storage changes."""
    gebruiker = oud[index["gebruiker_id"]]
    if gebruiker is not None:
        nieuw[index["gebruikersnaam"]] = kopie.gebruikersnaam[gebruiker]
    for kolom in ("namens_organisatie_id", "betreft_organisatie_id"):
        if oud[index[kolom]] is not None:
            nieuw[index[kolom]] = kopie.organisatie[oud[index[kolom]]]
    if oud[index["namens_organisatie_id"]] is not None:
        nieuw[index["namens_organisatie"]] = k.indeling.namen[nieuw[index["namens_organisatie_id"]]]
    nieuw[index["trace_id"]] = f"{oud[index['trace_id']][:26]}{kopie.nummer:06x}"


def betrokkene_regels(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    nieuw[index["inburgeraar_id"]] = k.nieuw_id(Inburgeraar, oud[index["inburgeraar_id"]], kopie)
    if oud[index["gemeente_id"]] is not None:
        nieuw[index["gemeente_id"]] = kopie.gemeente[oud[index["gemeente_id"]]]


def uuid_regels(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    """A person's uuid in the processing log is keyed by the person's id (the uuid itself is
    permuted like every uuid of the copy)."""
    nieuw[index["inburgeraar_id"]] = k.nieuw_id(Inburgeraar, oud[index["inburgeraar_id"]], kopie)


def _notificatie(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    nieuw[index["bericht_id"]] = f"{oud[index['bericht_id']][:56]}-{kopie.nummer}"
    nieuw[index["bsn"]] = kopie.bsn.get(oud[index["inburgeraar_id"]], oud[index["bsn"]])
    nieuw[index["doel"]] = demo_oin(k.cbs_code[nieuw[index["gemeente_id"]]])


def _factuur(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    """Copies in one organisation share its providers: an invoice number is unique per provider."""
    nieuw[index["factuurnummer"]] = f"{oud[index['factuurnummer']]}-{kopie.nummer}"


def _betaling(k: Kopieerder, nieuw, oud, index, kopie: Kopie) -> None:
    """The bank's reference of a payment (EndToEndId, at most 35 characters) is unique."""
    achter = f"-{kopie.nummer}"
    nieuw[index["end_to_end"]] = oud[index["end_to_end"]][: 35 - len(achter)] + achter


RIJREGELS = {
    "accounts.User": _gebruiker,
    "otp_totp.TOTPDevice": _totp,
    "inburgeraars.Inburgeraar": _inburgeraar,
    "verwerkingslog.Verwerking": verwerkingslog_regels,
    "verwerkingslog.Betrokkene": betrokkene_regels,
    "verwerkingslog.InburgeraarUuid": uuid_regels,
    "notificaties.Notificatie": _notificatie,
    "financien.Factuur": _factuur,
    "ontzorging.Betaling": _betaling,
}
UNIEK_DOOR_RIJREGEL = {
    ("accounts.User", "username"),
    ("notificaties.Notificatie", "bericht_id"),
    ("ontzorging.Betaling", "end_to_end"),
}
