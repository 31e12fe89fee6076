"""Budget coaching toward paying the fixed costs oneself: the points a consultant or budget coach
ticks off with the person before ontzorging ends. Not law: the municipality's approach, so a
municipality can change the list here. Written in plain Dutch, as the person hears it."""

CHECKLIST: dict[str, str] = {
    "overzicht": "Weet welke vaste lasten er zijn, aan wie en hoeveel per maand",
    "rekening": "Heeft een eigen betaalrekening en kan internetbankieren",
    "budget": "Heeft een maandbudget gemaakt: inkomsten en uitgaven op een rij",
    "incasso": "Heeft automatische betalingen aangevraagd voor huur, energie, water en zorgverzekering",
    "toeslagen": "Weet welke toeslagen er zijn (huurtoeslag, zorgtoeslag) en heeft ze aangevraagd",
    "post": "Weet wat te doen met een brief over geld, zoals een aanmaning",
    "zelf_betaald": "Heeft één maand zelf alle vaste lasten betaald",
}
