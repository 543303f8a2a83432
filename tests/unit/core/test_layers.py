"""The layers, read from the source with `ast` (nothing imported): core and web import no
feature, and the features' import graph has no cycle. Imports inside functions count too."""

import ast
from pathlib import Path

SHOP = Path(__file__).resolve().parents[3] / "shop"
LAYERS = {"core", "web"}
FEATURES = sorted(p.parent.name for p in SHOP.glob("*/__init__.py")
                  if p.parent.name not in LAYERS)
# Besides itself, what each layer may import: the configuration constants (core), and the
# unbound extensions and the write lock (web: the portal's POSTs take it, shop/web/audiences.py).
ALLOWED = {"core": {"core", "config"},
           "web": {"core", "web", "config", "extensions", "database"}}


def _imported_modules(path: Path) -> set[str]:
    """Every `shop.…` module `path` imports, at any depth, with `from x import y` as x.y too."""
    package = ".".join(path.relative_to(SHOP.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("shop.")}


def _part(module: str) -> str:
    """The package or top-level module of shop that `module` is in."""
    return module.split(".")[1]


def _imports_of(part: str) -> dict[str, set[str]]:
    """Which parts of shop `part` imports, each with the files that import it."""
    root = SHOP / part
    imports: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for module in _imported_modules(path):
            if _part(module) != part:
                imports.setdefault(_part(module), set()).add(str(path.relative_to(SHOP.parent)))
    return imports


def test_the_layers_and_features_are_found():
    assert {p.parent.name for p in SHOP.glob("*/__init__.py")} >= LAYERS
    assert {"accounts", "catalog", "ocop", "trace", "producers"} <= set(FEATURES)


def test_core_and_web_import_no_feature():
    for layer, allowed in ALLOWED.items():
        wrong = {part: files for part, files in _imports_of(layer).items() if part not in allowed}
        assert wrong == {}, f"shop.{layer} imports more than {sorted(allowed)}"


def test_core_imports_nothing_of_web():
    assert "web" not in _imports_of("core")


def test_the_features_import_graph_has_no_cycle():
    graph = {feature: {part for part in _imports_of(feature) if part in FEATURES}
             for feature in FEATURES}
    done: set[str] = set()

    def visit(feature: str, path: list[str]) -> None:
        if feature in path:
            cycle = path[path.index(feature):] + [feature]
            raise AssertionError("features import each other: " + " → ".join(cycle))
        if feature in done:
            return
        for imported in sorted(graph[feature]):
            visit(imported, path + [feature])
        done.add(feature)

    for feature in FEATURES:
        visit(feature, [])


# Selling sits on top of what it sells: orders use payments (a gateway per method), both use
# the catalog, trace, outlets and combos, and nothing below knows of either.
SELLING = ("payments", "orders")
BELOW_SELLING = {"places", "mail", "producers", "accounts", "ocop", "catalog", "trace", "outlets",
                 "combos"}


def test_payments_and_orders_sit_above_what_they_sell():
    for feature in sorted(BELOW_SELLING & set(FEATURES)):
        wrong = {part: files for part, files in _imports_of(feature).items() if part in SELLING}
        assert wrong == {}, f"shop.{feature} imports {sorted(wrong)}"
    assert "orders" not in _imports_of("payments")


def test_payments_and_orders_reach_into_no_other_features_pages():
    for part in SELLING:
        pages = {module for path in sorted((SHOP / part).rglob("*.py"))
                 for module in _imported_modules(path)
                 if _part(module) != part and "views" in module.split(".")}
        assert pages == set(), f"shop.{part} imports pages: {sorted(pages)}"
