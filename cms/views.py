from django.shortcuts import render


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors' database lookups failing the page again.
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - last resort: never fail the error page itself
        from django.http import HttpResponseServerError

        return HttpResponseServerError("<h1>Server error</h1>", content_type="text/html")
