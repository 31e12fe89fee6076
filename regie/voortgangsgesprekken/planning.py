"""When the PIP's voortgangsgesprekken take place: a policy of Regie, not a rule of the law.

The law only says the PIP of an asielstatushouder names the number of talks (Wi 15, Bi 5.3);
how they are spread over the three years is up to the municipality. Regie's default: the talks
still to plan are spread evenly over what is left of the inburgeringstermijn, so the last one
is well before its end (with n talks, the period is cut into n + 1 equal parts), each on a
working day. Pure Python, no Django.
"""

from datetime import date, timedelta

from regie.wet.werkdagen import eerstvolgende_werkdag


def spreiden(*, aantal: int, vanaf: date, tot: date) -> list[date]:
    """`aantal` dates evenly spread over the period after `vanaf` and before `tot`, each moved to
    the next working day (Algemene termijnenwet, only as a convenience). Policy, see the module."""
    if aantal <= 0 or tot <= vanaf:
        return []
    stap = (tot - vanaf).days / (aantal + 1)
    datums = []
    for i in range(1, aantal + 1):
        dag = vanaf + timedelta(days=max(1, round(stap * i)))
        datums.append(eerstvolgende_werkdag(dag))
    return datums
