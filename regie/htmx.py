"""The one htmx helper of the pages: is this request for part of a page, and the Vary header
that keeps the whole page and the part apart in caches."""

from django.utils.cache import patch_vary_headers


def is_htmx(request) -> bool:
    """An htmx request for part of a page. When htmx restores a page from history it asks
    for the whole page, so that request is treated as a normal one."""
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


def vary_htmx(response):
    """The same URL answers with a whole page or a part: caches must keep them apart."""
    patch_vary_headers(response, ["HX-Request"])
    return response
