"""
The Lotse: the counselling locator.

A Django app of its own (label ``lotse``, no models) inside landesnetzwerke, whose models it reads:

- ``places``: place resolution (what the visitor typed, or their position, as a location);
- ``search``: the search service, ``search_offices()``, a pipeline of named steps returning a typed
  ``LotseResult``; the HTML view, the JSON view and the tests call it;
- ``forms``: validation of the query parameters; ``views`` and ``urls``: the pages, mounted by the apphook in
  ``cms_apps``; ``links``: the one helper for the URLs of the Lotse and its office pages in any language;
- ``serializers``: an office as a dict, for the open data and the JSON search; ``presenters``: the sentences
  the pages say about a result, a service area and an opening status; ``maps``: the server-rendered SVG map;
  ``office``: what the office page shows beyond the record (opening status, vCard, JSON-LD);
- ``templates/lotse/`` (markup only) and ``templatetags/lotse_tags``.
"""
