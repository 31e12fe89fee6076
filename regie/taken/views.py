"""The functioneel beheerder's page 'Achtergrondtaken': the queue, and retrying a failed task."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from regie.accounts.rechten import Recht, vereist_recht
from regie.taken import selectors
from regie.taken.services import opnieuw_proberen


@vereist_recht(Recht.ACHTERGRONDTAKEN)
@require_GET
def overzicht(request):
    return render(
        request,
        "taken/overzicht.html",
        {
            "aantallen": selectors.aantallen_per_status(request.user),
            "wachtend": selectors.wachtende_taken(request.user),
            "bezig": selectors.lopende_taken(request.user),
            "mislukt": selectors.mislukte_taken(request.user),
            "max_rijen": selectors.MAX_RIJEN,
        },
    )


@vereist_recht(Recht.ACHTERGRONDTAKEN)
@require_POST
def opnieuw(request):
    try:
        herhaald = opnieuw_proberen(taak_id=request.POST.get("taak", ""), door=request.user)
    except ValidationError as exc:
        for berichten in exc.message_dict.values():
            for bericht in berichten:
                messages.error(request, bericht)
    else:
        messages.success(
            request,
            f"De taak is opnieuw in de wachtrij gezet als taak {herhaald.nieuw_id}. De mislukte taak blijft"
            " in de lijst staan, zodat u kunt zien wat er eerder misging.",
        )
    return redirect("taken:overzicht")
