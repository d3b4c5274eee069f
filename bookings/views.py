from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def portal(request):
    return render(request, "bookings/portal.html", {})


@login_required
def request_detail(request, reference):
    return render(request, "bookings/portal.html", {})
