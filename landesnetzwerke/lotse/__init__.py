"""
The Lotse: the counselling locator.

A Django app of its own (label ``lotse``, no models) inside landesnetzwerke, whose models it reads:

- ``search``: the search service, ``search_offices()``, used by the HTML view, the JSON view and the tests;
- ``forms``: validation of the query parameters; ``views`` and ``urls``: the pages, mounted by the apphook in
  ``cms_apps``; ``maps``: the server-rendered SVG map; ``office``: what the office page shows beyond the
  record (opening status, vCard, JSON-LD); ``templates/lotse/`` and ``templatetags/lotse_tags``.
"""
