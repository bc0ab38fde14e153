"""Django's PostgreSQL DatabaseWrapper, with one connection attempt per request (see the package's docstring)."""

from django.db.backends.postgresql import base

from iqportal.db_backend import unreachable_databases


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        unreachable = unreachable_databases.get()
        if unreachable is not None and self.alias in unreachable:
            raise self.Database.OperationalError(
                f"Database {self.alias!r} did not answer earlier in this request; not tried again until the next one."
            )
        try:
            return super().get_new_connection(conn_params)
        except self.Database.OperationalError:
            if unreachable is not None:
                unreachable.add(self.alias)
            raise
