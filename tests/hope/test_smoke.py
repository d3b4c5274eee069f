import pytest


@pytest.mark.django_db
def test_home_page_serves(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Platform HOPE" in response.content
