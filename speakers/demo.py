"""Demo data for speakers (extended by later issues)."""


def seed(*, password: str, stdout) -> None:
    return None
