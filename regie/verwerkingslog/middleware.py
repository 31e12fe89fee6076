from regie.verwerkingslog import context, log


class VerwerkingslogMiddleware:
    """Sets the processing-log context (trace id, channel, the request for user, role,
    organisation and IP) for the whole request, and logs refused access: every 403 of a
    signed-in user, and a 404 on an address of one case (someone else's or a guessed id).
    A refusal the view raised with its own Dutch reason (`GeenToegang.melding`) but did not
    log itself (e.g. a service that refused inside a transaction, which rolled back) is logged
    with that reason. A refusal on the address of a case of another organisation is also
    written to that organisation's log (`log.geweigerd_voor_andere_organisatie`).

    After AuthenticationMiddleware in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ctx = context.Context(
            trace_id=context.trace_id_uit(request), kanaal=context.kanaal_voor(request.path), request=request
        )
        token = context.zet(ctx)
        try:
            response = self.get_response(request)
            self._weigering_loggen(request, response)
        finally:
            context.herstel(token)
        return response

    @staticmethod
    def process_exception(request, exception):
        melding = getattr(exception, "melding", "")
        if melding:
            request._verwerkingslog_reden = melding

    @staticmethod
    def _weigering_loggen(request, response) -> None:
        if response.status_code not in (403, 404):
            return
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return
        match = getattr(request, "resolver_match", None)
        kwargs = match.kwargs if match else {}
        if response.status_code == 404 and "uuid" not in kwargs:
            return
        reden = getattr(request, "_verwerkingslog_geweigerd", "")
        if not reden:
            reden = getattr(request, "_verwerkingslog_reden", "") or (
                "Geen recht (403)" if response.status_code == 403 else "Niet gevonden of geen toegang (404)"
            )
            log.toegang_geweigerd(request=request, reden=reden, object_id=str(kwargs.get("uuid", "")))
        if "uuid" in kwargs:
            log.geweigerd_voor_andere_organisatie(request=request, uuid=kwargs["uuid"], reden=reden)
