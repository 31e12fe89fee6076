"""Retention (bewaartermijnen): closed cases are removed once their retention period is over.

`selectors.verlopen_dossiers()` lists them, `services.dossier_vernietigen()` removes one
(with its processing-log entry, in one transaction), and the management command
`verwijder_verlopen_dossiers` does both for the whole installation (see README).
"""
