from django.apps import AppConfig


class IqportalConfig(AppConfig):
    name = "iqportal"
    verbose_name = "IQ Portal"

    def ready(self):
        from django.core.signals import got_request_exception, request_finished, request_started

        from iqportal import cms_pages, db_backend, invalidation, media_library
        from iqportal.middleware.database_outage import flag_database_outage
        from iqportal.middleware.request_id import forget_request_id

        got_request_exception.connect(flag_database_outage, dispatch_uid="iqportal-flag-database-outage")
        request_finished.connect(forget_request_id, dispatch_uid="iqportal-forget-request-id")
        request_started.connect(db_backend.request_started, dispatch_uid="iqportal-databases-per-request")
        request_finished.connect(db_backend.request_finished, dispatch_uid="iqportal-databases-after-request")
        invalidation.register_directory_caches()
        cms_pages.register_invalidation()
        media_library.restrict_media_library()
