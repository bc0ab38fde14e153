"""
What the programme's versioned editorial content types (news in programme.news, events in programme.events) share:
the abstract content model and vocabulary (content), the public filter forms (forms), the list and detail view
helpers (views), the admin base (admin_base) and the sample content loader (demo).
"""
