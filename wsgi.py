"""WSGI entry point: gunicorn and `flask --app wsgi` both use it."""

from shop import create_app

app = create_app()
