from regie.accounts.models import Rol
from regie.accounts.rechten import ROL_RECHTEN, Recht, rollen_met


def test_alleen_de_teamleider_levert_aan_het_cbs():
    # The file holds BSNs and the report names persons: only a role that reads the team's cases.
    assert rollen_met(Recht.CBS_LEVEREN) == [Rol.TEAMLEIDER]
    for rol in rollen_met(Recht.CBS_LEVEREN):
        assert Recht.DOSSIERS_LEZEN_TEAM in ROL_RECHTEN[rol]
    assert Recht.CBS_LEVEREN not in ROL_RECHTEN[Rol.BELEIDSMEDEWERKER]  # aggregates only
    assert Recht.CBS_LEVEREN not in ROL_RECHTEN[Rol.FUNCTIONEEL_BEHEERDER]  # no case content
