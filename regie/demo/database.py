"""Which database the demo may be built in: an empty one, or one that already holds the demo.

A database in real use must never get the demo's accounts (a public password and log-in codes
anyone can compute) and must never be emptied by `seed_demo --flush`. So `seed_demo` marks the
database it builds in (`Demomarkering`) and refuses any other database that holds a row in one
of Regie's own tables (issue 9). A demo built before the mark existed is recognised by its
data (`oude_demo`); `seed_demo --if-empty` then gives it the mark.
"""

from django.apps import apps

from duo_simulator.gegevens import NIEUW_BSN_BEGIN
from regie.accounts.models import User
from regie.demo.generator import DEMO_BSN_BEGIN
from regie.demo.models import Demomarkering
from regie.demo.opbouw import DEMO_GEBRUIKERSNAAM, demo_gebruikers
from regie.demo.organisaties import ORGANISATIES
from regie.inburgeraars.models import Inburgeraar
from regie.organisaties.models import Organisatie


def is_demodatabase() -> bool:
    return Demomarkering.objects.exists()


def gegevens_in_database() -> dict[str, int]:
    """What the database holds in Regie's own tables, for a message: staff, organisations and
    cases by name, every other table together. Empty: the database is empty."""
    belangrijk = {
        User: ("medewerker", "medewerkers"),
        Organisatie: ("organisatie", "organisaties"),
        Inburgeraar: ("inburgeraar", "inburgeraars"),
    }
    aantallen = {namen: model._base_manager.count() for model, namen in belangrijk.items()}
    aantallen["andere rij", "andere rijen"] = sum(
        model._base_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("regie.") and model not in belangrijk and model is not Demomarkering
    )
    return {(een if aantal == 1 else meer): aantal for (een, meer), aantal in aantallen.items() if aantal}


def oude_demo() -> bool:
    """A demo built before the mark existed: demo accounts, and nothing that is not the demo's
    (every account named like a demo account, every organisation one of the demo's, every BSN
    a test number of the demo or of the DUO simulator)."""
    return (
        demo_gebruikers().exists()
        and not User.objects.exclude(username__regex=DEMO_GEBRUIKERSNAAM.pattern).exists()
        and not Organisatie.objects.exclude(naam__in=ORGANISATIES).exists()
        and not Inburgeraar.objects.exclude(bsn__startswith=DEMO_BSN_BEGIN)
        .exclude(bsn__startswith=NIEUW_BSN_BEGIN)  # announced by the DUO simulator in `make run`
        .exists()
    )
