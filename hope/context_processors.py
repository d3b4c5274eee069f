from hope.roles import is_coordinator


def portal(request):
    user = getattr(request, "user", None)
    return {"user_is_coordinator": bool(user and is_coordinator(user))}
