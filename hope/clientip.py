"""The client's IP address for rate limits and the session list, safe against a forged
`X-Forwarded-For`.

- `TRUSTED_PROXY_COUNT` (settings.ALLAUTH_TRUSTED_PROXY_COUNT) is the number of proxies of ours in
  front of the application. 0 (the default): the socket address is the client, the header is
  ignored.
- With N > 0, only the right-most N entries of `X-Forwarded-For` were written by our proxies; the
  N-th from the right is the address our outermost proxy saw. Everything left of it is whatever
  the client sent and is never used.
- The header is believed only when the request really comes from one of our proxies
  (`TRUSTED_PROXY_IPS`, default loopback; a Unix socket counts as local). A client that reaches
  the application directly, or a chain shorter than N, gets the socket address: a forged header
  never picks the address that is counted.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]):
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def _parse(value: str):
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # "[::1]:1234"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.5:1234"
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _from_trusted_proxy(address) -> bool:
    spec = tuple(getattr(settings, "HOPE_TRUSTED_PROXY_IPS", ("127.0.0.1", "::1")))
    return address is not None and any(address in network for network in _networks(spec))


def client_ip(request) -> str:
    """The address to count a request against; never one the client chose."""
    raw = (request.META.get("REMOTE_ADDR") or "").strip()
    socket_address = _parse(raw)
    # No usable socket address at all: one shared "unknown" address (a value, not a bind).
    fallback = str(socket_address) if socket_address is not None else "0.0.0.0"  # noqa: S104
    count = int(getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0) or 0)
    # No socket address: a Unix socket, so the peer is a proxy on this machine.
    from_proxy = not raw or _from_trusted_proxy(socket_address)
    if count <= 0 or not from_proxy:
        return fallback
    hops = [hop for hop in request.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
    if len(hops) < count:
        return fallback
    address = _parse(hops[-count])
    return str(address) if address is not None else fallback
