from django.apps import AppConfig


class IqportalConfig(AppConfig):
    name = "iqportal"
    verbose_name = "IQ Portal"

    def ready(self):
        from django.core.signals import got_request_exception, request_finished
        from django.db.models.signals import post_migrate

        from iqportal import admin_labels, cms_pages, invalidation
        from iqportal.middleware.database_outage import flag_database_outage
        from iqportal.middleware.request_id import forget_request_id
        from iqportal.sites import configure_site_after_migrate

        got_request_exception.connect(flag_database_outage, dispatch_uid="iqportal-flag-database-outage")
        request_finished.connect(forget_request_id, dispatch_uid="iqportal-forget-request-id")
        invalidation.register_directory_caches()
        cms_pages.register_invalidation()
        post_migrate.connect(configure_site_after_migrate, sender=self, dispatch_uid="iqportal-configure-site")
        admin_labels.translate_third_party_labels()
