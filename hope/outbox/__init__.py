"""The email outbox: queue, send at send time, retry with backoff, failed list and sent log.

Public API: ``hope.emails`` (what callers use), ``hope.outbox.services`` (state changes) and
``hope.outbox.selectors`` (reads for the admin and a request's timeline).
"""
