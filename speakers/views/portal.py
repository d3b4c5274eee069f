from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render


@login_required
def dashboard(request):
    expert = getattr(request.user, "expert", None)
    if expert is None:
        raise Http404
    return render(request, "speakers/dashboard.html", {"expert": expert})
