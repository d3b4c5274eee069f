"""Demo content for the public site (extended by the public-website issue)."""


def seed(*, password: str, stdout) -> None:
    from cms.models import HomePage

    home = HomePage.objects.first()
    if home and not home.intro:
        home.intro = (
            "Platform HOPE is een platform van getrainde ervaringsdeskundigen die seksuele "
            "uitbuiting hebben overleefd. Praat mét ons, niet óver ons."
        )
        home.save_revision().publish()
