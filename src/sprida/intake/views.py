from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sprida.core.access import can_change, get_for_user
from sprida.intake import review_data, services
from sprida.intake.confirm import proposal_confirm
from sprida.intake.forms import UploadForm
from sprida.intake.highlight import highlighted_pages
from sprida.intake.models import Document
from sprida.intake.pipeline import STEP_LABELS, STEP_NAMES
from sprida.intake.provenance import records_of
from sprida.intake.selectors import documents_for_user


@login_required
def documents(request: HttpRequest) -> HttpResponse:
    form = UploadForm()
    results: list[services.UploadResult] = []
    status = 200
    if request.method == "POST":
        if not services.may_upload(request.user):
            raise PermissionDenied(
                _("Du behöver vara redaktör i en organisation för att ladda upp dokument.")
            )
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            results = services.documents_receive(
                by=request.user, uploads=form.cleaned_data["documents"]
            )
            status = _status_of(results)
        else:
            status = 400
    context = {
        "form": form,
        "results": results,
        "documents": documents_for_user(user=request.user)[:200],
        "may_upload": services.may_upload(request.user),
    }
    return render(request, "intake/documents.html", context, status=status)


def _status_of(results: list[services.UploadResult]) -> int:
    """200 when any file was received (each file's own result is on the page); otherwise
    413 when every file was too large, else 400."""
    if any(result.ok for result in results):
        return 200
    return 413 if all(result.code == "too_large" for result in results) else 400


def _steps(document: Document) -> list[dict[str, object]]:
    by_name = {s["name"]: s for s in document.steps}
    return [
        {
            "name": name,
            "label": STEP_LABELS[name],
            "status": by_name.get(name, {}).get("status", "waiting"),
            "message": by_name.get(name, {}).get("message", ""),
        }
        for name in STEP_NAMES
    ]


@login_required
def document(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_for_user(Document.objects.select_related("owner", "region"), request.user, pk=pk)
    proposal = getattr(doc, "proposal", None)
    may_change = can_change(request.user, doc)
    review_forms: dict[str, object] = {}
    problems: list[str] = []
    status = 200
    if proposal is not None and may_change:
        source = proposal.confirmed_data or proposal.data
        post = request.POST if request.method == "POST" else None
        review_forms = review_data.forms_for(source, post, user=request.user)
        valid = [f.is_valid() for f in review_forms.values()]  # type: ignore[attr-defined]
        if post is not None and not (all(valid) and review_data.cross_check(review_forms)):
            status = 400
        elif post is not None:
            data = review_data.data_from(proposal.data, review_forms)
            try:
                application = proposal_confirm(by=request.user, document=doc, data=data)
            except PermissionDenied as error:
                problems = [str(error) or _("Du har inte behörighet att bekräfta dokumentet.")]
            except ValidationError as error:
                problems = list(error.messages)
            else:
                messages.success(request, _("Uppgifterna är bekräftade och sparade."))
                return redirect("grants:application", pk=application.pk)
    context = {
        "document": doc,
        "steps": _steps(doc),
        "proposal": proposal,
        "pages": highlighted_pages(
            doc, proposal.spans if proposal else [], focus=request.GET.get("visa") or None
        ),
        "records": records_of(request.user, doc),
        "may_change": may_change,
        "review_forms": review_forms,
        "problems": problems,
    }
    return render(request, "intake/document.html", context, status=400 if problems else status)


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_for_user(Document.objects.all(), request.user, pk=pk)
    response = render(request, "intake/_progress.html", {"document": doc, "steps": _steps(doc)})
    if doc.is_finished and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"  # show the proposal once the pipeline is done
    return response


@login_required
def original(request: HttpRequest, pk: int) -> FileResponse:
    doc = get_for_user(Document.objects.all(), request.user, pk=pk)
    return FileResponse(
        doc.original.open("rb"),
        as_attachment=True,
        filename=doc.original_name,
        content_type=doc.media_type,
    )


@login_required
@require_POST
def reprocess(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_for_user(Document.objects.all(), request.user, "change", pk=pk)
    services.document_reprocess(by=request.user, document=doc)
    messages.success(request, _("Dokumentet tolkas på nytt."))
    return redirect("intake:document", pk=doc.pk)
