"""A bare Flask "hello" app: the baseline every benchmark figure is divided by."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    """The cheapest page Flask can serve."""
    return "Hello"
