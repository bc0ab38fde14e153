def site(request):
    """Values every template may show: the site's languages with their own names."""
    return {"SITE_NAME": "IQ Portal"}
