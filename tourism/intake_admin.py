"""Admin of import sources (*Einstellungen → Importquellen*): the sources, a run or dry run, reports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from .models import ImportRun, ImportSource
from .services import intake


class SourceEditView(EditView):
    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Import or dry run"),
                url=reverse("import_sources:run", args=[self.object.pk]),
                icon_name="download",
            ),
        ]


class ImportSourceViewSet(ModelViewSet):
    model = ImportSource
    icon = "download"
    menu_label = gettext_lazy("Import sources")
    add_to_settings_menu = True
    list_display = ["name", "kind", "refresh_minutes", "publish_directly", Column("next_run_at")]
    search_fields = ["name", "slug", "url"]
    edit_view_class = SourceEditView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("run/<int:pk>/", self.run_view, name="run"),
            path("report/<int:pk>/", report_view, name="report"),
        ]

    def run_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return run_view(request, pk, self)


import_source_viewset = ImportSourceViewSet("import_sources")


@require_http_methods(["GET", "POST"])
def run_view(request: HttpRequest, pk: int, viewset: ImportSourceViewSet) -> HttpResponse:
    """GET: the source's recent runs and the two buttons; POST: a run (or dry run), then its report."""
    if not viewset.permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    source = get_object_or_404(ImportSource, pk=pk)
    if request.method == "POST":
        dry_run = request.POST.get("dry_run") == "1"
        run = intake.run_import(source, dry_run=dry_run)
        summary = _(
            "%(new)s new, %(changed)s changed, %(unchanged)s unchanged, %(removed)s removed, "
            "%(conflicts)s conflicts, %(errors)s errors"
        ) % {
            "new": run.created,
            "changed": run.changed,
            "unchanged": run.unchanged,
            "removed": run.removed,
            "conflicts": run.conflicts,
            "errors": run.errors,
        }
        if run.status == "failed":
            messages.error(
                request, _("The import failed: %(error)s") % {"error": run.report.get("error", "")}
            )
        elif dry_run:
            messages.info(request, _("Dry run (nothing written): %(summary)s") % {"summary": summary})
        else:
            messages.success(request, _("Imported: %(summary)s") % {"summary": summary})
        return redirect("import_sources:report", run.pk)
    return render(
        request,
        "tourism/intake/run.html",
        {
            "page_title": _("Import “%(source)s”") % {"source": source.name},
            "source": source,
            "runs": source.runs.all()[:20],
            "edit_url": reverse("import_sources:edit", args=[source.pk]),
        },
    )


def report_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not import_source_viewset.permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    run = get_object_or_404(ImportRun.objects.select_related("source"), pk=pk)
    return render(
        request,
        "tourism/intake/report.html",
        {
            "page_title": _("Import report"),
            "run": run,
            "report": run.report,
            "run_url": reverse("import_sources:run", args=[run.source_id]),
        },
    )
