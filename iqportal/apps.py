from django.apps import AppConfig


class IqportalConfig(AppConfig):
    name = "iqportal"
    verbose_name = "IQ Portal"

    def ready(self):
        from django.core.signals import got_request_exception, request_finished

        from iqportal import invalidation
        from iqportal.middleware.database_outage import flag_database_outage
        from iqportal.middleware.request_id import forget_request_id

        got_request_exception.connect(flag_database_outage, dispatch_uid="iqportal-flag-database-outage")
        request_finished.connect(forget_request_id, dispatch_uid="iqportal-forget-request-id")
        invalidation.register_directory_caches()
