"""
Optimistic locking for records that several editors change (offices, networks, Fachstellen).

Every save of a `VersionedModel` counts its `version` up. An admin form with `VersionCheckFormMixin` carries
the version the editor started from; saving is refused with a clear message when somebody else saved in
between, so a change is never overwritten silently. The row is locked while the form is checked and saved
(the admin wraps both in one transaction; on SQLite, whose transactions begin IMMEDIATE here, the whole
database is).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Another editor changed “%(name)s” after you opened it (last change: %(when)s). Your changes have not been "
    "saved. Open it again to see the current data, then repeat your changes."
)
DELETED_MESSAGE = _("“%(name)s” has been deleted in the meantime. Your changes have not been saved.")


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Counts the saved changes; a save based on an older version is refused."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version = (self.version or 0) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "updated_at"}
        super().save(*args, **kwargs)


class StaleVersionError(ValidationError):
    """Another editor saved the record after this change was started."""


def lock_and_check_version(instance, expected_version, *, stale_message=STALE_MESSAGE, deleted_message=DELETED_MESSAGE):
    """
    Lock the record's row until the end of the transaction and compare its version with the one the editor
    started from; raises StaleVersionError when they differ (or the record is gone). Returns the version.
    """
    row = type(instance)._base_manager.select_for_update().filter(pk=instance.pk).values("version", "updated_at")
    row = row.first()
    if row is None:
        raise StaleVersionError(deleted_message % {"name": instance}, code="deleted")
    if expected_version is None or int(expected_version) != row["version"]:
        when = timezone.localtime(row["updated_at"]).strftime("%d.%m.%Y %H:%M")
        raise StaleVersionError(stale_message % {"name": instance, "when": when}, code="stale")
    return row["version"]


class VersionCheckFormMixin(forms.Form):
    """A ModelForm of a VersionedModel that refuses to save over a newer version (add before the form class)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    stale_message = STALE_MESSAGE
    deleted_message = DELETED_MESSAGE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            try:
                lock_and_check_version(
                    self.instance,
                    cleaned_data.get("expected_version"),
                    stale_message=self.stale_message,
                    deleted_message=self.deleted_message,
                )
            except StaleVersionError as error:
                raise forms.ValidationError(error.messages, code=error.code) from error
        return cleaned_data
