"""python -m duo_simulator --port 8001 [--state FILE] [--tls-cert C --tls-key K [--tls-ca CA]]
[--demo-interval 60]: run the DUO simulator."""

from __future__ import annotations

import argparse
import logging
import os
import random
import signal
import sys
import threading

from . import beheer, gebeurtenissen
from .api import Fout
from .app import STANDAARD_NOTIFICATIE_URL, Simulator, routes
from .gegevens import DUO_OIN, nieuw_bsn, verantwoordelijke_gemeente
from .server import maak_server, tls_context
from .toestand import Toestand

log = logging.getLogger("duo_simulator")

# the demo secret Regie's settings use with REGIE_DEMO=1 (DUO_NOTIFICATIE_SECRET)
DEMO_GEHEIM = "demo-geheim-duo-simulator"


def argumenten(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m duo_simulator", description="DUO-simulator (Wet inburgering 2021)"
    )
    parser.add_argument("--host", default=os.environ.get("DUO_SIMULATOR_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("DUO_SIMULATOR_PORT", "8001")))
    parser.add_argument(
        "--state",
        default=os.environ.get("DUO_SIMULATOR_STATE", "var/duo-simulator.json"),
        help="JSON-bestand met de toestand",
    )
    parser.add_argument("--tls-cert", help="servercertificaat (PEM); zet TLS aan")
    parser.add_argument("--tls-key", help="sleutel bij het servercertificaat (PEM)")
    parser.add_argument(
        "--tls-ca", help="CA-bundel voor clientcertificaten; dan is een clientcertificaat verplicht"
    )
    parser.add_argument(
        "--demo-interval", type=float, default=0, help="elke N seconden een gebeurtenis (0 = uit)"
    )
    parser.add_argument(
        "--notificatie-url", default=os.environ.get("REGIE_NOTIFICATIE_URL", STANDAARD_NOTIFICATIE_URL)
    )
    parser.add_argument("--duo-oin", default=os.environ.get("REGIE_DUO_OIN", DUO_OIN))
    parser.add_argument("--quiet", action="store_true", help="geen regel per verzoek")
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert en --tls-key horen bij elkaar")
    if args.tls_ca and not args.tls_cert:
        parser.error("--tls-ca vraagt ook --tls-cert en --tls-key")
    return args


def demo_lus(
    sim: Simulator, interval: float, stop: threading.Event, kans: random.Random | None = None
) -> None:
    kans = kans or random.Random()
    while not stop.wait(interval):
        beheer.opnieuw_afleveren(sim)
        demo_stap(sim, kans)


NIEUWKOMER_KANS = 0.1  # share of demo events that announce a newcomer DUO did not know yet


def demo_stap(sim: Simulator, kans: random.Random) -> dict | None:
    """Emit one realistic event for a random known person, or now and then announce a
    newcomer (SS139 or SS101); None when no one qualifies. When the state lists the
    municipalities Regie serves (`gemeenten`, filled by duo_simulator_vullen), only their
    persons: another municipality's notices would go to another system."""
    with sim.toestand.slot:
        bediend = set(sim.toestand.gegevens["gemeenten"])
        personen = [
            (bsn, persoon)
            for bsn, persoon in sim.toestand.personen.items()
            if not bediend or verantwoordelijke_gemeente(persoon) in bediend
        ]
        gemeenten = sorted({verantwoordelijke_gemeente(p) for _, p in personen} - {None})
        if gemeenten and kans.random() < NIEUWKOMER_KANS:
            bsn = nieuw_bsn(kans, sim.toestand.personen)
            asiel = kans.random() < 0.7
            details = {
                "gemeentecode": kans.choice(gemeenten),
                "doelgroep": "Asielstatushouder" if asiel else "Gezinsmigrant en overige migrant",
            }
            nieuwkomer = (bsn, "SS139" if asiel else "SS101", details)
        else:
            nieuwkomer = None
            kandidaten = [
                (bsn, code)
                for bsn, persoon in personen
                if (code := gebeurtenissen.demo_gebeurtenis(persoon, kans))
            ]
    if nieuwkomer:
        return _demo_gebeurtenis(sim, *nieuwkomer)
    if not kandidaten:
        return None
    bsn, code = kans.choice(kandidaten)
    return _demo_gebeurtenis(sim, bsn, code, {})


def _demo_gebeurtenis(sim: Simulator, bsn: str, code: str, details: dict) -> dict | None:
    try:
        resultaat = beheer.gebeurtenis(sim, bsn, code, details)
    except Fout as fout:
        log.warning("Demo-gebeurtenis %s voor %s niet mogelijk: %s", code, bsn, fout)
        return None
    log.info(
        "Demo-gebeurtenis %s voor %s, Regie antwoordde %s",
        code,
        bsn,
        (resultaat["aflevering"] or {}).get("status"),
    )
    return resultaat


def main(argv=None) -> int:
    args = argumenten(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO, format="duo-simulator: %(message)s"
    )
    sim = Simulator(
        Toestand(args.state),
        duo_oin=args.duo_oin,
        notificatie_url=args.notificatie_url,
        geheim=os.environ.get("REGIE_DUO_NOTIFICATIE_SECRET") or DEMO_GEHEIM,
    )
    routes()  # read DUO's specs before the first request
    tls = tls_context(args.tls_cert, args.tls_key, args.tls_ca) if args.tls_cert else None
    server = maak_server(sim, args.host, args.port, tls)
    stop = threading.Event()
    if args.demo_interval > 0:
        threading.Thread(target=demo_lus, args=(sim, args.demo_interval, stop), daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    schema = "https" if tls else "http"
    log.warning(
        "DUO-simulator op %s://%s:%s/v1 (beheer: /_simulator/), toestand in %s, %d personen",
        schema,
        args.host,
        server.server_port,
        args.state,
        len(sim.toestand.personen),
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        sim.toestand.bewaar()
    return 0


if __name__ == "__main__":
    sys.exit(main())
