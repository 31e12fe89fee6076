"""Test and demo helper: a referral through the service `verwijzen`."""

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.trajecten.services import verwijzen


def verwezen(inburgeraar, door, *, contract=None, onderdeel=None, **kwargs):
    """A referral through the service `verwijzen` (the case needs a PIP holding the component)."""
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
