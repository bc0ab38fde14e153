"""
Import and export of sub-projects (CSV, XLSX) with django-import-export, with the offices' safeguards.

One row per project: its facts (the columns of the Teilprojekt), its places ("30159 Hannover; 38100 Braunschweig"),
the languages whose texts are public (`published_languages`: "de, en") and, per site language, the texts of its
latest version (title_de, summary_de, description_de, contact_role_de, …). `id` or `source_id` finds an existing
project (else the row creates one); `version` (as exported) refuses a row when the project changed after the
export. The rows' projects are locked while the confirmed import runs (select_for_update), so no save slips in
between the check and the write. Texts go through djangocms-versioning (landesnetzwerke.projects.publishing): a
changed text is a new draft; a language listed in `published_languages` is published, one left out is taken offline.

Cell formats, formula escaping and the network column are the offices' (landesnetzwerke.resources), so that both
files read alike. A resource created with `user=` refuses rows of projects or networks outside that user's networks.
The admin imports all rows in one transaction and rolls everything back if any row has an error.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from tablib import Dataset

from landesnetzwerke.models import Landesnetzwerk
from landesnetzwerke.projects.models import TargetGroup, Teilprojekt, set_places, unique_slug
from landesnetzwerke.projects.places import PlaceResolver, format_places
from landesnetzwerke.projects.publishing import LanguageState, ProjectTexts, PublishingError, set_public, write_texts
from landesnetzwerke.projects.texts import TEXT_FIELDS
from landesnetzwerke.resources import NetworkWidget, RowsByIdMixin, StrictBooleanWidget, TextWidget

Row = Mapping[str, Any]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


def _pending(instance: Teilprojekt) -> dict[str, Any]:
    """What the current row will write besides the project's own fields (texts, places, public languages)."""
    if not hasattr(instance, "_import_pending"):
        instance._import_pending = {}  # type: ignore[attr-defined]
    return instance._import_pending  # type: ignore[attr-defined]


def _states(instance: Teilprojekt) -> dict[str, LanguageState]:
    """The project's texts as stored (set by the resource before a row or an export)."""
    return getattr(instance, "_import_states", {})


class DateCellWidget(widgets.Widget):
    """A date: 2026-03-01 or 01.03.2026, or a spreadsheet's date cell; written as 2026-03-01."""

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> datetime.date | None:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value if value is not None else "").strip()
        if not text:
            return None
        for format_ in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, format_).date()
            except ValueError:
                continue
        raise ValueError(_("“%(value)s” is not a date. Write it as 2026-03-01 or 01.03.2026.") % {"value": value})

    def render(self, value: object, obj: Any = None, **kwargs: Any) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else ""


class CodesWidget(widgets.Widget):
    """Comma-separated codes from a fixed list (target groups, languages); unknown ones are an error."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__()
        self.codes = codes

    def clean(self, value: object, row: Row | None = None, **kwargs: Any) -> list[str]:
        items = list(dict.fromkeys(item.strip() for item in str(value or "").split(",") if item.strip()))
        unknown = [item for item in items if item not in self.codes]
        if unknown:
            raise ValueError(
                _("Unknown values: %(codes)s. Possible: %(known)s.")
                % {"codes": ", ".join(unknown), "known": ", ".join(self.codes)}
            )
        return [code for code in self.codes if code in items]  # in the list's order, as exported

    def render(self, value: object, obj: Any = None, **kwargs: Any) -> str:
        return ", ".join(str(item) for item in value or ())  # type: ignore[attr-defined]


class TargetGroupsField(fields.Field):
    def __init__(self) -> None:
        codes = [str(code) for code in TargetGroup.values]
        super().__init__(attribute="target_groups", column_name="target_groups", widget=CodesWidget(codes))

    def get_value(self, instance: Teilprojekt) -> list[str]:
        codes = self.widget.codes
        return [code for code in codes if code in (instance.target_groups or [])]


class PlacesField(fields.Field):
    """The places as one cell; resolved before the row is saved, set after (a row error names the column)."""

    def __init__(self, resolver: PlaceResolver) -> None:
        super().__init__(attribute="places", column_name="places", widget=TextWidget())
        self.resolver = resolver

    def get_value(self, instance: Teilprojekt) -> str:
        pending = _pending(instance).get("places")
        if pending is not None:
            return format_places(pending)
        return format_places(instance.places.all()) if instance.pk else ""

    def save(self, instance: Teilprojekt, row: Row, is_m2m: bool = False, **kwargs: Any) -> None:
        resolved = self.resolver.resolve(self.clean(row, **kwargs) or "")
        if resolved.errors:
            raise ValueError(" ".join(resolved.errors))
        _pending(instance)["places"] = resolved.places


class TextField(fields.Field):
    """One text of the project's latest version in one language, e.g. title_en."""

    def __init__(self, name: str, language: str) -> None:
        column = f"{name}_{language}"
        super().__init__(attribute=column, column_name=column, widget=TextWidget())
        self.name, self.language = name, language

    def get_value(self, instance: Teilprojekt) -> str:
        texts = _pending(instance).get("texts", {}).get(self.language, {})
        if self.name in texts:
            return str(texts[self.name])
        state = _states(instance).get(self.language)
        return getattr(state.content, self.name) if state is not None else ""

    def save(self, instance: Teilprojekt, row: Row, is_m2m: bool = False, **kwargs: Any) -> None:
        value = self.clean(row, **kwargs) or ""
        _pending(instance).setdefault("texts", {}).setdefault(self.language, {})[self.name] = value


class PublishedLanguagesField(fields.Field):
    def __init__(self) -> None:
        super().__init__(
            attribute="published_languages", column_name="published_languages", widget=CodesWidget(LANGUAGES)
        )

    def get_value(self, instance: Teilprojekt) -> list[str]:
        pending = _pending(instance).get("public")
        if pending is not None:
            return list(pending)
        states = _states(instance)
        return [language for language in LANGUAGES if language in states and states[language].public]

    def save(self, instance: Teilprojekt, row: Row, is_m2m: bool = False, **kwargs: Any) -> None:
        _pending(instance)["public"] = self.clean(row, **kwargs)


class ProjectVersionField(fields.Field):
    """The version the row was exported from; another current version means someone changed the project since."""

    def __init__(self) -> None:
        super().__init__(attribute="version", column_name="version", widget=widgets.IntegerWidget())

    def save(self, instance: Teilprojekt, row: Row, is_m2m: bool = False, **kwargs: Any) -> None:
        expected = self.clean(row, **kwargs)
        if expected is None or instance.pk is None:
            return
        if int(expected) != instance.version:
            raise ValueError(
                _(
                    "This project was changed after the export (row version %(row)s, current version %(current)s). "
                    "Export again and repeat your changes, or leave the version empty to overwrite."
                )
                % {"row": expected, "current": instance.version}
            )


class TeilprojektResource(RowsByIdMixin, resources.ModelResource):
    not_an_id_message = gettext_lazy("“%(id)s” is not a project ID.")
    no_such_id_message = gettext_lazy("There is no project with ID %(id)s; leave the ID empty to create one.")

    landesnetzwerk = fields.Field(attribute="landesnetzwerk", column_name="landesnetzwerk", widget=NetworkWidget())
    version = ProjectVersionField()
    target_groups = TargetGroupsField()
    published_languages = PublishedLanguagesField()

    TEXT_COLUMNS = (
        "source_id",
        "slug",
        "field_of_action",
        "traeger",
        "funding",
        "contact_name",
        "contact_email",
        "contact_phone",
        "website",
    )

    class Meta:
        model = Teilprojekt
        fields = (
            "id",
            "source_id",
            "version",
            "slug",
            "landesnetzwerk",
            "field_of_action",
            "traeger",
            "places",
            "starts_on",
            "ends_on",
            "target_groups",
            "funding",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
            "is_sample",
            "published_languages",
        )
        import_id_fields = ("id",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, user: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.user = user
        self.resolver = PlaceResolver()
        self.store = ProjectTexts()
        self._by_pk: dict[int, Teilprojekt] = {}
        self._by_source_id: dict[str, Teilprojekt] = {}
        self._before: dict[str, str] | None = None
        self.fields["places"] = PlacesField(self.resolver)
        self.fields["is_sample"].widget = StrictBooleanWidget()
        for name in self.TEXT_COLUMNS:
            self.fields[name].widget = TextWidget()
        for name in ("starts_on", "ends_on"):
            self.fields[name].widget = DateCellWidget()
        for language in LANGUAGES:
            for name in TEXT_FIELDS:
                self.fields[f"{name}_{language}"] = TextField(name, language)

    @classmethod
    def get_display_name(cls) -> str:
        return _("Sub-projects")

    def _author(self) -> Any:
        from programme.page_builder import get_system_user

        return self.user if self.user is not None else get_system_user()

    # --- which project a row is about, and may this user touch it? --------------------------------------

    def _allowed_network_ids(self) -> set[int] | None:
        if self.user is None:
            return None  # command line / code: unrestricted
        if not hasattr(self, "_network_ids"):
            self._network_ids = set(Landesnetzwerk.objects.editable_by(self.user).values_list("pk", flat=True))
        return self._network_ids

    def before_import(self, dataset: Dataset, **kwargs: Any) -> None:
        """Lock the projects the file refers to, then load them, their texts and the places, in a few queries."""
        wanted = self.rows_wanted(dataset)
        # Held until the import's transaction ends: nobody saves these projects between the check and the write.
        list(Teilprojekt.objects.select_for_update().filter(wanted).values_list("pk", flat=True))
        self.remember(self.get_queryset().filter(wanted))
        self.store = ProjectTexts.load(self._by_pk)
        if "places" in dataset.headers:
            self.resolver.preload(str(row.get("places") or "") for row in dataset.dict)

    def after_init_instance(self, instance: Teilprojekt, new: bool, row: Row, **kwargs: Any) -> None:
        instance._import_pending = {}  # type: ignore[attr-defined]
        instance._import_states = dict(self.store.of(instance.pk))  # type: ignore[attr-defined]
        # Snapshot of the stored values (as exported), for the preview's diff and skip_row.
        self._before = None if new else {f.column_name: f.export(instance) for f in self.get_import_fields()}
        allowed = self._allowed_network_ids()
        if not new and allowed is not None and instance.landesnetzwerk_id not in allowed:
            raise ValidationError(
                _("You may not change “%(project)s”: it belongs to %(network)s, which you do not edit.")
                % {"project": instance, "network": instance.landesnetzwerk}
            )

    def import_field(
        self, field: fields.Field, instance: Teilprojekt, row: Row, is_m2m: bool = False, **kwargs: Any
    ) -> None:
        if field.attribute == "id":
            return  # found by get_instance; never set from the file
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def import_instance(self, instance: Teilprojekt, row: Row, **kwargs: Any) -> None:
        errors: dict[str, list[Any]] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        allowed = self._allowed_network_ids()
        if allowed is not None and "landesnetzwerk" not in errors and instance.landesnetzwerk_id not in allowed:
            errors["landesnetzwerk"] = [
                _("You may not add or move projects to %(network)s: you do not edit that network.")
                % {"network": instance.landesnetzwerk}
            ]
        errors.update(self._text_errors(instance))
        if errors:
            raise ValidationError(errors)

    def _text_errors(self, instance: Teilprojekt) -> dict[str, list[str]]:
        """A title for every language with texts (and one at all for a new project); public languages need texts."""
        errors: dict[str, list[str]] = {}
        pending, states = _pending(instance), _states(instance)
        titled = set()
        for language, texts in pending.get("texts", {}).items():
            has_texts = any(texts.values())
            if texts.get("title"):
                titled.add(language)
            elif language in states and "title" in texts:
                errors[f"title_{language}"] = [_("A title cannot be emptied: the import does not delete texts.")]
            elif has_texts and language not in states:
                errors[f"title_{language}"] = [_("Texts in this language need a title.")]
        if instance.pk is None and not titled and "title_de" not in errors:
            errors["title_de"] = [_("A new project needs a title in at least one language.")]
        for language in pending.get("public") or []:
            if language not in titled and language not in states:
                errors["published_languages"] = [
                    _("%(language)s has no texts to publish: give its title.") % {"language": language}
                ]
        return errors

    def skip_row(
        self,
        instance: Teilprojekt,
        original: Teilprojekt | None,
        row: Row,
        import_validation_errors: Mapping[str, Any] | None = None,
    ) -> bool:
        """Unchanged rows are skipped (not saved, no new version); compared as exported, without queries."""
        if import_validation_errors or self._before is None:
            return False
        return all(
            field.export(instance) == self._before[field.column_name]
            for field in self.get_import_fields()
            if field.column_name in row
        )

    def before_save_instance(self, instance: Teilprojekt, row: Row, **kwargs: Any) -> None:
        if not instance.slug:
            texts = _pending(instance).get("texts", {})
            title = next((texts[code]["title"] for code in LANGUAGES if texts.get(code, {}).get("title")), "")
            instance.slug = unique_slug(title, exclude_pk=instance.pk)

    def after_save_instance(self, instance: Teilprojekt, row: Row, **kwargs: Any) -> None:
        """The places, then the texts and the public languages, through djangocms-versioning."""
        pending, states = _pending(instance), _states(instance)
        if "places" in pending:
            set_places(instance, pending["places"])
        user, public = self._author(), pending.get("public")
        try:
            for language in LANGUAGES:
                texts = pending.get("texts", {}).get(language, {})
                state = states.get(language)
                if state is None:
                    changed = bool(texts.get("title"))  # a new language (_text_errors: texts need a title)
                else:
                    changed = any(value != getattr(state.content, name) for name, value in texts.items())
                if changed:
                    state = states[language] = write_texts(instance, language, texts, user, state)
                if public is None or state is None:
                    continue
                if language in public and (changed or not state.public):
                    states[language] = set_public(instance, language, True, user, state)
                elif language not in public and state.public:
                    states[language] = set_public(instance, language, False, user, state)
        except PublishingError as error:
            raise ValidationError({"published_languages": [str(error)]}) from error

    def get_queryset(self) -> Any:
        return Teilprojekt.objects.select_related("landesnetzwerk").prefetch_related("places")

    # --- export -------------------------------------------------------------------------------------------

    def filter_export(self, queryset: Any, **kwargs: Any) -> Any:
        queryset = queryset.select_related("landesnetzwerk").prefetch_related("places")
        self.store = ProjectTexts.load(queryset.values_list("pk", flat=True))
        return queryset

    def export_resource(self, instance: Teilprojekt, selected_fields: Any = None, **kwargs: Any) -> Any:
        instance._import_states = self.store.of(instance.pk)  # type: ignore[attr-defined]
        return super().export_resource(instance, selected_fields, **kwargs)
