from tests.programme.editorial import central_client, central_editor, ni_client, ni_editor  # noqa: F401 - fixtures
