"""The lock files `make run` and `make test` install from agree with pyproject.toml."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[3]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", re.M)


def pins(lock: str) -> dict[str, str]:
    """Package → pinned version in requirements/<lock>."""
    text = (ROOT / "requirements" / lock).read_text()
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


@pytest.mark.parametrize(("lock", "requirements"), [
    ("main.txt", PROJECT["dependencies"]),
    ("test.txt", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]),
])
def test_every_dependency_is_pinned_within_its_range(lock, requirements):
    pinned = pins(lock)
    for requirement in map(Requirement, requirements):
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{name} is missing from requirements/{lock}: run `make lock`"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{name}=={pinned[name]} is outside {requirement.specifier}: run `make lock`")


def test_the_test_lock_keeps_the_main_locks_versions():
    test_pins = pins("test.txt")
    assert {name: test_pins.get(name) for name in pins("main.txt")} == pins("main.txt")


def test_every_pin_carries_hashes():
    for lock in ("main.txt", "test.txt"):
        text = (ROOT / "requirements" / lock).read_text()
        assert len(PIN.findall(text)) == len(re.findall(r"^\S.*==.*\\\n\s+--hash=sha256:", text,
                                                        re.M)), lock
