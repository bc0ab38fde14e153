"""
Uploaded import files waiting for their confirmation (landesnetzwerke.import_storage puts them here).

A file is staged when its preview starts, handed to the editor whose preview can be confirmed, and claimed by
exactly one confirmation: the claim is one conditional UPDATE, so a double click, the back button or a second
app host cannot import it twice. Expired files are deleted when the next file is staged and by the management
command `clear_pending_imports`.
"""

import datetime
import enum
import secrets

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClaimRefusal(enum.Enum):
    """Why a confirmation may not import its file."""

    UNKNOWN = "unknown"  # never uploaded, already cleaned up, or uploaded by somebody else (not told apart)
    CONFIRMED = "confirmed"
    EXPIRED = "expired"


class ClaimRefused(Exception):
    def __init__(self, reason: ClaimRefusal, pending: "PendingImport | None" = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.pending = pending


class PendingImportQuerySet(models.QuerySet):
    def expired(self, now: datetime.datetime | None = None) -> "PendingImportQuerySet":
        return self.filter(expires__lte=now or timezone.now())

    def stage(self, data: bytes, lifetime: datetime.timedelta) -> "PendingImport":
        """Keep an uploaded file (nobody may confirm it until it is handed to its owner); drop expired ones."""
        now = timezone.now()
        self.expired(now).delete()
        return self.create(token=secrets.token_urlsafe(32), data=bytes(data), created=now, expires=now + lifetime)

    def hand_to(
        self, token: str, owner: AbstractBaseUser | AnonymousUser, resource: str, original_name: str, file_format: str
    ) -> bool:
        """The staged file becomes `owner`'s import with `resource`, waiting for their confirmation."""
        if not owner.is_authenticated:
            return False
        staged = self.filter(token=token, owner__isnull=True, claimed_at__isnull=True)
        return bool(
            staged.update(owner=owner, resource=resource, original_name=original_name[:255], file_format=file_format)
        )

    def claim(
        self, token: str, owner: AbstractBaseUser | AnonymousUser, resource: str, file_format: str
    ) -> "PendingImport":
        """
        The file for the one confirmation that may import it; raises ClaimRefused for every other one. The
        claim commits at once (outside any import transaction), so a second request sees it immediately.
        """
        if not owner.is_authenticated:
            raise ClaimRefused(ClaimRefusal.UNKNOWN)
        now = timezone.now()
        mine = self.filter(token=str(token or ""), owner=owner, resource=resource, file_format=file_format)
        if mine.filter(claimed_at__isnull=True, expires__gt=now).update(claimed_at=now) == 1:
            return mine.get()
        pending = mine.defer("data").first()
        if pending is None:
            raise ClaimRefused(ClaimRefusal.UNKNOWN)
        if pending.claimed_at is not None:
            raise ClaimRefused(ClaimRefusal.CONFIRMED, pending)
        mine.filter(pk=pending.pk).delete()
        raise ClaimRefused(ClaimRefusal.EXPIRED, pending)

    def release_data(self, token: str) -> None:
        """After the import: the file's bytes are not needed any more; the claim stays until it expires."""
        self.filter(token=token).update(data=b"")


class PendingImport(models.Model):
    """An uploaded import file between its preview and its confirmation."""

    token = models.CharField(_("token"), max_length=64, unique=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    resource = models.CharField(_("resource"), max_length=200, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_format = models.CharField(_("format"), max_length=20, blank=True)
    data = models.BinaryField(_("file"))
    created = models.DateTimeField(_("uploaded"), default=timezone.now)
    expires = models.DateTimeField(_("expires"), db_index=True)
    claimed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = PendingImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("pending import")
        verbose_name_plural = _("pending imports")

    def __str__(self) -> str:
        return self.original_name or self.token
