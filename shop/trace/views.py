"""The resolver: GS1 Digital Link and short trace URLs answer people and machines."""

from flask import Blueprint

bp = Blueprint("trace", __name__)
