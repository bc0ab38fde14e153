from django.apps import AppConfig


class IqportalConfig(AppConfig):
    name = "iqportal"
    verbose_name = "IQ Portal"

    def ready(self):
        from django.core.signals import got_request_exception, request_finished, request_started
        from django.db.models.signals import post_migrate

        from iqportal import admin_labels, cms_pages, db_backend, invalidation, media_library
        from iqportal.middleware.database_outage import flag_database_outage
        from iqportal.middleware.request_id import forget_request_id
        from iqportal.sites import configure_site_after_migrate

        got_request_exception.connect(flag_database_outage, dispatch_uid="iqportal-flag-database-outage")
        request_finished.connect(forget_request_id, dispatch_uid="iqportal-forget-request-id")
        request_started.connect(db_backend.request_started, dispatch_uid="iqportal-databases-per-request")
        request_finished.connect(db_backend.request_finished, dispatch_uid="iqportal-databases-after-request")
        invalidation.register_directory_caches()
        cms_pages.register_invalidation()
        media_library.restrict_media_library()
        post_migrate.connect(configure_site_after_migrate, sender=self, dispatch_uid="iqportal-configure-site")
        admin_labels.translate_third_party_labels()
