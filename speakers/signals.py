"""Signals speakers sends for apps built on top of it (speakers knows nothing of bookings).

`expert_paused(sender=Expert, expert=..., until=..., hidden=...)`: an expert paused all work;
bookings tells the coordinators which of her engagements are affected.
"""

from django.dispatch import Signal

expert_paused = Signal()
