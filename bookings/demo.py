"""Demo data for bookings (extended by later issues)."""


def seed(*, password: str, stdout) -> None:
    return None
