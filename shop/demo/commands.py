"""`flask seed-demo` (placeholder until the demo data work lands)."""

import click


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Seed only when the database has no products.")
def seed_demo(if_empty: bool) -> None:
    """Fill the database with the demo data set."""
    click.echo("demo data not written yet")
