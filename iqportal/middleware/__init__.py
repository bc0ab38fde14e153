"""
The project's middleware, one module per middleware (their order is ``MIDDLEWARE`` in iqportal/settings.py):

- ``request_id``: a request id for logs and the ``X-Request-ID`` response header;
- ``apphook_reload``: django CMS's URL reload after apphook changes, asked at most every few seconds;
- ``database_outage``: the friendly 503 page when the database cannot be reached;
- ``content_security_policy``: the CSP, strict for visitors, relaxed for editors;
- ``response_cache``: whole responses for anonymous visitors from the shared cache;
- ``otp``: two-factor verification for staff;
- ``toolbar`` and ``language_cookie``: django CMS's, skipping machine endpoints (iqportal/paths.py).

Their signal receivers are connected in ``IqportalConfig.ready()`` (iqportal/apps.py).
"""
