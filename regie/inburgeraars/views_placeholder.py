"""Temporary placeholder views while the real pages are built; removed before landing."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from regie.inburgeraars.selectors import inburgeraar_voor


@login_required
def tab(request, uuid, naam="overzicht"):
    return render(
        request,
        "inburgeraars/dossier_base.html",
        {"inburgeraar": inburgeraar_voor(request.user, uuid), "tab": naam},
    )


@login_required
def leeg(request):
    return render(request, "base.html")
