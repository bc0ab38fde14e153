"""
Import and export of counselling offices (CSV, XLSX) with django-import-export.

One row per office. `id` or `source_id` finds an existing office (else the row creates one); `version` (as
exported) guards against overwriting a change made after the export; topics and languages are lists of
slugs / ISO codes; opening hours and consultation days use the text formats of landesnetzwerke.directory;
translated texts have one column per site language (description_de, description_en, …).

A resource created with `user=` refuses rows for offices or networks outside that user's networks. The admin
imports all rows in one transaction and rolls everything back if any row has an error.
"""

import math
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from tablib import Dataset

from landesnetzwerke.directory import (
    format_consultation_days,
    format_opening_hours,
    parse_consultation_days,
    parse_opening_hours,
    replace_consultation_days,
    replace_opening_hours,
)
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Sprache, Thema

Row = Mapping[str, Any]  # one row of the file: column name -> cell value

TRANSLATED_FIELDS = ("description", "accessibility", "directions")


class StrictBooleanWidget(widgets.Widget):
    """1/0, true/false, ja/nein, yes/no, x/empty; anything else is an error (never silently False)."""

    TRUE = {"1", "true", "ja", "yes", "wahr", "x"}
    FALSE = {"0", "false", "nein", "no", "falsch", ""}

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            value = str(int(value))
        text = str(value if value is not None else "").strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("“%(value)s” is not a yes/no value (use 1 or 0).") % {"value": value})

    def render(self, value: object, obj: models.Model | None = None, **kwargs: Any) -> str:
        return "1" if value else "0"


class TextWidget(widgets.CharWidget):
    """
    Text cells; numbers from spreadsheets (e.g. a PLZ read as 1067.0) become their digits again. (The file
    formats guard against spreadsheet formulas: landesnetzwerke.file_formats.)
    """

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return "" if value is None else str(value).strip()

    def render(self, value: object, obj: models.Model | None = None, **kwargs: Any) -> str:
        return "" if value is None else str(value)


class PlzWidget(TextWidget):
    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> str:
        text = super().clean(value, row, **kwargs)
        return text.zfill(5) if text.isdigit() and len(text) < 5 else text


class FloatCellWidget(widgets.FloatWidget):
    """Decimal numbers from a cell: what the base widget reads, else an error that names the value (never a
    traceback)."""

    message = gettext_lazy("“%(value)s” is not a number. Use decimal degrees such as 52.52 (or 52,52).")

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> float | None:
        try:
            number = super().clean(value, row, **kwargs)
        except (ValueError, TypeError, ArithmeticError):
            number = math.nan
        if number is not None and not math.isfinite(number):
            raise ValueError(self.message % {"value": value})
        return number


class IntegerCellWidget(widgets.IntegerWidget):
    message = gettext_lazy("“%(value)s” is not a whole number.")

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> int | None:
        text = str(value if value is not None else "").strip()
        if not text:
            return None
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or number != number.to_integral_value():
            raise ValueError(self.message % {"value": value})
        return int(number)


class NetworkWidget(widgets.ForeignKeyWidget):
    """A Landesnetzwerk by slug or Bundesland code; empty = the network of the row's Bundesland."""

    def __init__(self) -> None:
        super().__init__(Landesnetzwerk, field="slug")
        # Loaded once per import (the widget is copied for every resource instance).
        self._networks: dict[str, Landesnetzwerk] | None = None

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> Landesnetzwerk:
        if self._networks is None:
            self._networks = {}
            for network in Landesnetzwerk.objects.all():
                self._networks[network.slug] = self._networks[network.bundesland] = network
        key = str(value or "").strip() or str((row or {}).get("bundesland") or "").strip()
        if not key:
            raise ValueError(_("Give the Landesnetzwerk (slug or Bundesland code)."))
        network = self._networks.get(key) or self._networks.get(key.upper())
        if network is None:
            raise ValueError(_("There is no Landesnetzwerk “%(key)s”.") % {"key": key})
        return network


class CodeListWidget(widgets.ManyToManyWidget):
    """Comma-separated slugs/codes; unknown ones are an error instead of being dropped."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._objects: dict[str, models.Model] | None = None  # loaded once per import (topics and languages are few)

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> list[models.Model]:
        if self._objects is None:
            self._objects = {str(getattr(obj, self.field)): obj for obj in self.model.objects.all()}
        codes = list(dict.fromkeys(code.strip() for code in str(value or "").split(self.separator) if code.strip()))
        unknown = [code for code in codes if code not in self._objects]
        if unknown:
            raise ValueError(_("Unknown values: %(codes)s.") % {"codes": ", ".join(unknown)})
        return [self._objects[code] for code in codes]

    def render(self, value: models.Manager[Any] | None, obj: models.Model | None = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        return self.separator.join(sorted(str(getattr(item, self.field)) for item in value.all()))


class TranslatedField(fields.Field):
    """One parler field in one language, e.g. description_en."""

    def __init__(self, name: str, language: str) -> None:
        super().__init__(attribute=name, column_name=f"{name}_{language}", widget=TextWidget())
        self.language = language

    def get_value(self, instance: Beratungsstelle) -> str:
        if instance.pk is None and not instance._translations_cache.get(self.language):
            return ""
        return instance.safe_translation_getter(self.attribute, language_code=self.language, any_language=False) or ""

    def save(self, instance: Beratungsstelle, row: Row, is_m2m: bool = False, **kwargs: Any) -> None:
        value = self.clean(row, **kwargs) or ""
        if value == self.get_value(instance):
            return
        translation = instance._get_translated_model(self.language, auto_create=True)
        setattr(translation, self.attribute, value)


class ScheduleField(fields.Field):
    """Opening hours or consultation days as one text cell; rows are replaced after the office is saved."""

    def __init__(
        self,
        column_name: str,
        related_name: str,
        formatter: Callable[[Iterable[Any]], str],
        parser: Callable[[str], list[Any]],
    ) -> None:
        # Keyed by the column (not the related name), so that a row error names the column as the file does.
        super().__init__(attribute=column_name, column_name=column_name, widget=TextWidget())
        self.related_name, self.formatter, self.parser = related_name, formatter, parser

    @property
    def pending_attribute(self) -> str:
        return f"_import_{self.related_name}"

    def get_value(self, instance: Beratungsstelle) -> str:
        pending = getattr(instance, self.pending_attribute, None)
        if pending is not None:
            return pending[0]
        if instance.pk is None:
            return ""
        return self.formatter(getattr(instance, self.related_name).all())

    def save(self, instance: Beratungsstelle, row: Row, is_m2m: bool = False, **kwargs: Any) -> None:
        parsed = self.parser(self.clean(row, **kwargs) or "")  # ValueError → a row error naming this column
        # The normalised text (for the preview's diff and skip_unchanged) and the rows for after_save_instance.
        as_objects = [SimpleNamespace(**item) if isinstance(item, dict) else item for item in parsed]
        setattr(instance, self.pending_attribute, (self.formatter(as_objects), parsed))


class VersionField(fields.Field):
    """
    The version the row was exported from. It is never written; a different current version means somebody
    changed the office after the export, and the row is refused (the resource checks it on the locked row).
    """

    def __init__(self) -> None:
        super().__init__(attribute="version", column_name="version", widget=IntegerCellWidget())

    def save(self, instance: Beratungsstelle, row: Row, is_m2m: bool = False, **kwargs: Any) -> None:
        self.clean(row, **kwargs)  # a cell that is no number is an error of this column

    def stale_error(self, instance: Beratungsstelle, row: Row) -> ValidationError | None:
        """The refusal of a row based on another version than the stored one (empty version: no check)."""
        if self.column_name not in row or instance.pk is None:
            return None
        try:
            expected = self.clean(row)
        except ValueError:
            return None  # reported by save()
        if expected is None or expected == instance.version:
            return None
        return ValidationError(
            gettext_lazy(
                "This office was changed after the export (row version %(row)s, current version %(current)s). "
                "Export again and repeat your changes, or leave the version empty to overwrite."
            ),
            code="stale",
            params={"row": expected, "current": instance.version, "name": instance.name},
        )


class SnapshotDiff(resources.Diff):
    """The preview's “before” column, read from the snapshot taken before the row was applied (no queries)."""

    def __init__(self, resource: "BeratungsstelleResource", instance: Beratungsstelle | None, new: bool) -> None:
        before = resource._before
        if before is None:
            super().__init__(resource, instance, new)
        else:
            self.left = [before[field.column_name] for field in resource.get_import_fields()]
            self.right: list[str] = []
            self.new = new


class RowsByIdMixin:
    """
    A resource whose rows name their stored object by its `id` column (from an export) or, without one, by its
    `source_id`: `rows_wanted()` gives the filter for the objects a file refers to, `remember(objects)` keeps them
    once loaded (in one query, in before_import), and `get_instance()` finds a row's object among them. The two
    messages name the kind of object (office, project) to the editor.
    """

    not_an_id_message: Any  # gettext_lazy("“%(id)s” is not an office ID.")
    no_such_id_message: Any

    @staticmethod
    def _row_id(row: Row) -> str:
        pk = str(row.get("id") or "").strip()
        return pk[:-2] if pk.endswith(".0") else pk  # spreadsheets turn 12 into 12.0

    def rows_wanted(self, dataset: Dataset) -> Q:
        """The filter for the stored objects the file's rows refer to, by ID or by source ID."""
        ids, source_ids = set(), set()
        for row in dataset.dict:
            pk, source_id = self._row_id(row), str(row.get("source_id") or "").strip()
            if pk.isdigit():
                ids.add(int(pk))
            if source_id:
                source_ids.add(source_id)
        return Q(pk__in=ids) | Q(source_id__in=source_ids)

    def remember(self, objects: Iterable[Any]) -> None:
        objects = list(objects)
        self._by_pk = {obj.pk: obj for obj in objects}
        self._by_source_id = {obj.source_id: obj for obj in objects if obj.source_id}

    def get_instance(self, instance_loader: object, row: Row) -> Any:
        pk = self._row_id(row)
        if pk:
            if not pk.isdigit():
                raise ValidationError({"id": self.not_an_id_message % {"id": pk}})
            found = self._by_pk.get(int(pk))
            if found is None:
                raise ValidationError({"id": self.no_such_id_message % {"id": pk}})
            return found
        source_id = str(row.get("source_id") or "").strip()
        return self._by_source_id.get(source_id) if source_id else None

    @classmethod
    def get_diff_class(cls) -> type[SnapshotDiff]:
        return SnapshotDiff


class BeratungsstelleResource(RowsByIdMixin, resources.ModelResource):
    not_an_id_message = gettext_lazy("“%(id)s” is not an office ID.")
    no_such_id_message = gettext_lazy("There is no office with ID %(id)s; leave the ID empty to create one.")
    landesnetzwerk = fields.Field(attribute="landesnetzwerk", column_name="landesnetzwerk", widget=NetworkWidget())
    plz = fields.Field(attribute="plz", column_name="plz", widget=PlzWidget())
    topics = fields.Field(attribute="topics", column_name="topics", widget=CodeListWidget(Thema, field="slug"))
    languages = fields.Field(
        attribute="languages", column_name="languages", widget=CodeListWidget(Sprache, field="code")
    )
    opening_hours = ScheduleField("opening_hours", "opening_hours", format_opening_hours, parse_opening_hours)
    # The file's column keeps its German name (a public file format); the attribute is the related name.
    consultation_days = ScheduleField(
        "sprechtage", "consultation_days", format_consultation_days, parse_consultation_days
    )
    version = VersionField()

    BOOLEAN_FIELDS = (
        "in_person",
        "by_phone",
        "by_video",
        "by_email",
        "wheelchair_accessible",
        "published",
        "is_sample",
    )
    TEXT_FIELDS = ("source_id", "name", "traeger", "street", "city", "bundesland", "phone", "email", "website")

    class Meta:
        model = Beratungsstelle
        fields = (
            "id",
            "source_id",
            "version",
            "kind",
            "landesnetzwerk",
            "name",
            "traeger",
            "street",
            "plz",
            "city",
            "bundesland",
            "latitude",
            "longitude",
            "phone",
            "email",
            "website",
            "topics",
            "languages",
            "in_person",
            "by_phone",
            "by_video",
            "by_email",
            "wheelchair_accessible",
            "service_radius_km",
            "service_plz_prefixes",
            "published",
            "is_sample",
            "opening_hours",
            "consultation_days",
        )
        import_id_fields = ("id",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, user: AbstractBaseUser | AnonymousUser | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.user = user
        self._by_pk: dict[int, Beratungsstelle] = {}
        self._by_source_id: dict[str, Beratungsstelle] = {}
        self._before: dict[str, str] | None = None  # the office as exported before the current row
        self._lock_rows = False  # lock the offices of the file (when the import is saved, not for the preview)
        for name in self.BOOLEAN_FIELDS:
            self.fields[name].widget = StrictBooleanWidget()
        for name in self.TEXT_FIELDS:
            self.fields[name].widget = TextWidget()
        for name in ("latitude", "longitude"):
            self.fields[name].widget = FloatCellWidget()
        self.fields["service_radius_km"].widget = IntegerCellWidget()
        for language, _name in settings.LANGUAGES:
            for name in TRANSLATED_FIELDS:
                self.fields[f"{name}_{language}"] = TranslatedField(name, language)

    @classmethod
    def get_display_name(cls) -> str:
        return _("Counselling offices")

    # --- which office a row is about, and may this user touch it? -----------------------------------------

    def _allowed_network_ids(self) -> set[int] | None:
        if self.user is None:
            return None  # command line / code: unrestricted
        if not hasattr(self, "_network_ids"):
            self._network_ids = set(Landesnetzwerk.objects.editable_by(self.user).values_list("pk", flat=True))
        return self._network_ids

    def import_data(self, dataset: Dataset, dry_run: bool = False, **kwargs: Any) -> Any:
        self._lock_rows = not dry_run
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def before_import(self, dataset: Dataset, **kwargs: Any) -> None:
        """
        Load the offices the file refers to in a few queries, with everything the comparison reads. When the
        import is saved, their rows stay locked until it commits (in the order of their IDs, so that two imports
        never wait for each other), and each row's version is compared with the locked one: of two editors
        confirming changes based on the same version, the second is refused instead of overwriting the first.
        """
        queryset = self.get_queryset().filter(self.rows_wanted(dataset))
        if self._lock_rows:
            queryset = queryset.select_for_update(of=("self",)).order_by("pk")
        self.remember(queryset)

    def after_init_instance(self, instance: Beratungsstelle, new: bool, row: Row, **kwargs: Any) -> None:
        # Snapshot of the stored values (as exported), for the preview's diff and skip_row.
        self._before = None if new else {f.column_name: f.export(instance) for f in self.get_import_fields()}
        allowed = self._allowed_network_ids()
        if not new and allowed is not None and instance.landesnetzwerk_id not in allowed:
            raise ValidationError(
                _("You may not change “%(office)s”: it belongs to %(network)s, which you do not edit.")
                % {"office": instance.name, "network": instance.landesnetzwerk}
            )

    def import_instance(self, instance: Beratungsstelle, row: Row, **kwargs: Any) -> None:
        errors: dict[str, list[Any]] = {}  # field -> messages or ValidationErrors
        stale = self.fields["version"].stale_error(instance, row)
        if stale is not None:
            errors["version"] = [stale]
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            # Many-to-many values are saved after the office; check them now so they are row errors too.
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        allowed = self._allowed_network_ids()
        if allowed is not None and "landesnetzwerk" not in errors and instance.landesnetzwerk_id not in allowed:
            errors["landesnetzwerk"] = [
                _("You may not add or move offices to %(network)s: you do not edit that network.")
                % {"network": instance.landesnetzwerk}
            ]
        if errors:
            raise ValidationError(errors)

    def import_field(
        self, field: fields.Field, instance: Beratungsstelle, row: Row, is_m2m: bool = False, **kwargs: Any
    ) -> None:
        if field.attribute == "id":
            return  # found by get_instance; never set from the file
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def after_save_instance(self, instance: Beratungsstelle, row: Row, **kwargs: Any) -> None:
        hours = getattr(instance, "_import_opening_hours", None)
        if hours is not None:
            replace_opening_hours(instance, hours[1])
        days = getattr(instance, "_import_consultation_days", None)
        if days is not None:
            replace_consultation_days(instance, days[1])

    def skip_row(
        self,
        instance: Beratungsstelle,
        original: Beratungsstelle | None,
        row: Row,
        import_validation_errors: Mapping[str, Any] | None = None,
    ) -> bool:
        """Unchanged rows are skipped (not saved, no new version); compared as exported, without queries."""
        if import_validation_errors or self._before is None:
            return False
        for field in self.get_import_fields():
            if field.column_name not in row:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                codes = sorted(str(getattr(obj, field.widget.field)) for obj in field.clean(row))
                current = field.widget.separator.join(codes)
            else:
                current = field.export(instance)
            if current != self._before[field.column_name]:
                return False
        return True

    def get_queryset(self):
        return Beratungsstelle.objects.with_details()

    def filter_export(self, queryset, **kwargs):
        return queryset.with_details()
