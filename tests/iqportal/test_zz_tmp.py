import pytest
@pytest.mark.django_db
def test_show(client):
    r = client.get("/de/lotse/?q=10115&art=fest")
    print(r.status_code, dict(r.items()), list(r.cookies))
