"""Errors services raise that pages and the API turn into a Dutch message."""


class GelijktijdigGewijzigd(Exception):
    """The case changed after the user opened the form; saving would overwrite that unseen."""

    def __init__(self):
        super().__init__(
            "Iemand anders heeft dit dossier gewijzigd nadat u het formulier opende. "
            "Uw wijziging is niet opgeslagen. Open het dossier opnieuw en voer de wijziging nog eens in."
        )
