"""gunicorn's access log as JSON lines, one per request, carrying the request id (see gunicorn.conf.py)."""

import traceback

from gunicorn.glogging import Logger


class JSONAccessLogger(Logger):
    """Writes each access-log record with structured fields; iqportal.logging.JSONFormatter prints them."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms_wrapper_class(self.atoms(resp, req, environ, request_time))
        try:
            self.access_log.info(
                "%s %s %s",
                environ.get("REQUEST_METHOD"),
                environ.get("RAW_URI"),
                atoms["s"],
                extra={
                    "request_id": atoms["{x-request-id}o"],
                    "method": environ.get("REQUEST_METHOD"),
                    "path": environ.get("RAW_URI"),
                    "status": int(atoms["s"]) if str(atoms["s"]).isdigit() else atoms["s"],
                    "bytes": atoms["B"],
                    "duration_ms": atoms["M"],
                    "remote_addr": atoms["h"],
                    "forwarded_for": atoms["{x-forwarded-for}i"],
                    "user_agent": atoms["a"],
                    "referer": atoms["f"],
                },
            )
        except Exception:
            self.error(traceback.format_exc())
