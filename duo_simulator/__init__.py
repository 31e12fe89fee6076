"""DUO simulator: DUO's side of the M2M exchange of the Wet inburgering 2021 (the specs in
regie/duo/specs), as a small standalone WSGI server with its state in a JSON file.

    python -m duo_simulator --port 8001 [--state var/duo-simulator.json]

See duo_simulator/README.md. No Django: it imports only regie.duo.specificaties (pure)."""

from .app import Simulator
from .toestand import Toestand

__all__ = ["Simulator", "Toestand"]
