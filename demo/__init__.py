"""Demo data for development, tests and the benchmark: `manage.py seed_demo`.

The top layer of the project: demo may import any app; no app imports demo (tests and bench may).
Texts live as data files in `demo/content/`; the modules here read them and build the site, the
experts, the organisations and requests (through the services where the workflow allows it).
Everything is fictional; experts have invented pseudonyms.
"""
