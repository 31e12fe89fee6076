from django.apps import AppConfig


class TakenConfig(AppConfig):
    name = "regie.taken"
    verbose_name = "Achtergrondtaken"

    def ready(self):
        from django_tasks.signals import task_enqueued

        from regie.taken.organisatie import vastleggen

        # Every task row gets its organisation in the same transaction (regie.taken.organisatie).
        task_enqueued.connect(vastleggen, dispatch_uid="regie_taak_organisatie")
