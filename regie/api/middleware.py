from django.conf import settings

from regie.problemen import is_api_pad


class ApiVersionMiddleware:
    """API Design Rules (API-57): every API response names the full API version.

    First in MIDDLEWARE, so also answers that another middleware gives (or an error) carry it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_api_pad(request.path):
            response["API-Version"] = settings.API_VERSION
        return response
