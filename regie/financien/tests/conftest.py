"""The hand-built municipality with money (gegevens.py) as a fixture."""

from regie.financien.tests.gegevens import geld  # noqa: F401
