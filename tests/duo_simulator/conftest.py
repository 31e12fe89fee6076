import uuid

import pytest
import requests

from duo_simulator.gegevens import DUO_OIN, gemeente_oin


@pytest.fixture
def duo(duo_simulator):
    """Call the simulator over HTTP as a municipality: duo("get", "/personen/.../PIP")."""

    def vraag(methode, pad, body=None, *, gemeente="0303", headers=None, ruw=None):
        kop = {"bron": gemeente_oin(gemeente), "doel": DUO_OIN, "berichtId": str(uuid.uuid4())}
        kop.update(headers or {})
        kop = {k: v for k, v in kop.items() if v is not None}
        return requests.request(
            methode.upper(), duo_simulator.url + pad, json=body, data=ruw, headers=kop, timeout=5
        )

    vraag.sim = duo_simulator
    return vraag
