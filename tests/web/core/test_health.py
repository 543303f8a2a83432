"""The health check a load balancer polls."""

import json
import subprocess
import sys


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A separate process: this suite's session is bound to the test database.
    script = (
        "import json; from shop import create_app\n"
        "app = create_app({'SECRET_KEY': 'x', 'SQLALCHEMY_DATABASE_URI':"
        " 'postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2'})\n"
        "r = app.test_client().get('/healthz')\n"
        "print(json.dumps([r.status_code, r.get_json()]))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, timeout=60)
    status, body = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503 and body["database"] == "unreachable"
