from django.apps import AppConfig


class IqportalConfig(AppConfig):
    name = "iqportal"
    verbose_name = "IQ Portal"

    def ready(self):
        from iqportal.signals import connect_directory_signals

        connect_directory_signals()
