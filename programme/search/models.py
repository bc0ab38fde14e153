"""
The search index: one Suchdokument per searchable thing and visitor language, and the vocabulary of indexed words.

Both tables are derived data: `manage.py rebuild_search_index` writes them from the content again at any time.
`programme.search.index` writes them; visitors' searches only read them (`programme.search.service`).
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from programme.search.query import Plan

# Ranking: a title that is exactly the query, then each query word (with its corrections) in the title, then in the
# text; on PostgreSQL plus ts_rank (about 0 to 1) times FULLTEXT_WEIGHT; plus the type's boost (registry). Among equal
# scores the more recent document comes first.
EXACT_TITLE_SCORE = 20.0
TITLE_WORD_SCORE = 4.0
TEXT_WORD_SCORE = 1.0
FULLTEXT_WEIGHT = 5.0
MAX_SCORED_GROUPS = 12


def _has_word(field_name: str, key: str) -> Q:
    """The keys field (" key1 key2 ") has a word beginning with `key`."""
    return Q(**{f"{field_name}__contains": f" {key}"})


def _type_boost() -> Case | Value:
    """Each registered type's boost (programme.search.registry), as an SQL expression."""
    from programme.search.registry import adapters

    boosts = [When(type=adapter.type, then=Value(float(adapter.boost))) for adapter in adapters() if adapter.boost]
    return Case(*boosts, default=Value(0.0)) if boosts else Value(0.0)


class SuchdokumentQuerySet(models.QuerySet):
    def for_language(self, language: str) -> "SuchdokumentQuerySet":
        return self.filter(language=language)

    def matching(self, plan: "Plan", languages: Sequence[str] = ()) -> "SuchdokumentQuerySet":
        """
        Documents with a word beginning with one key of each group of any variant of the plan
        (programme.search.query); on PostgreSQL also those whose full-text vector matches it in the configuration of
        their text's language, for documents in `languages` (the visitor's language and its fallbacks).
        """
        if plan.is_empty:
            return self.none()
        condition = Q()
        for variant in plan.variants:
            every_group = Q()
            for group in variant:
                any_key = Q()
                for key in sorted(group):
                    any_key |= _has_word("keys", key)
                every_group &= any_key
            condition |= every_group
        if languages and self._is_postgres():
            from programme.search import postgres

            condition |= postgres.fulltext_match(postgres.tsquery(plan.tsquery_variants()), list(languages))
        return self.filter(condition)

    def ranked(self, plan: "Plan", languages: Sequence[str] = ()) -> "SuchdokumentQuerySet":
        """Annotates `score` (see the constants above) and orders by it, then by date, newest first."""
        exact = Case(When(title_keys__in=plan.exact_titles, then=Value(EXACT_TITLE_SCORE)), default=Value(0.0))
        score = exact + _type_boost()
        # Once per group (a query word with its corrections, a compound): more spellings of one word score no more.
        for group in plan.groups[:MAX_SCORED_GROUPS]:
            in_title, in_text = Q(), Q()
            for key in sorted(group):
                in_title |= _has_word("title_keys", key)
                in_text |= _has_word("keys", key)
            score = score + Case(When(in_title, then=Value(TITLE_WORD_SCORE)), default=Value(0.0))
            score = score + Case(When(in_text, then=Value(TEXT_WORD_SCORE)), default=Value(0.0))
        if languages and self._is_postgres() and not plan.is_empty:
            from programme.search import postgres

            rank = postgres.fulltext_rank(postgres.tsquery(plan.tsquery_variants()), list(languages))
            score = score + Coalesce(rank, Value(0.0)) * Value(FULLTEXT_WEIGHT)
        return self.annotate(score=models.ExpressionWrapper(score, output_field=FloatField())).order_by(
            F("score").desc(), F("date").desc(nulls_last=True), "title", "pk"
        )

    def _is_postgres(self) -> bool:
        from django.db import connections

        return connections[self.db].vendor == "postgresql"


class Suchdokument(models.Model):
    """
    What the search finds of one object (a page, an office, …) for visitors reading in `language`.

    The text is in `content_language`: the visitor's language, or a fallback language for content that does not
    exist in theirs. `keys` holds the keys (programme.search.text) of the title's and the text's words, each once,
    separated and surrounded by spaces; `title_keys` those of the title alone. On PostgreSQL `search_vector` is the
    full-text vector of title (weight A) and text (weight B) in the text search configuration of
    `content_language` (programme.search.postgres).
    """

    type = models.CharField(_("type"), max_length=20)
    key = models.CharField(_("key"), max_length=100, help_text=_("The object's identity within its type."))
    language = models.CharField(_("language"), max_length=15)
    content_language = models.CharField(_("language of the text"), max_length=15)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(_("URL"), max_length=500)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    title_keys = models.CharField(_("keys of the title"), max_length=1000, blank=True)
    keys = models.TextField(_("keys"), blank=True)
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; NULL on SQLite

    objects = SuchdokumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["type", "key", "language"], name="search_document_unique"),
        ]
        indexes = [models.Index(fields=["language", "type"], name="search_document_language_idx")]

    def __str__(self) -> str:
        return f"{self.type} {self.key} [{self.language}] {self.title}"


class Suchwort(models.Model):
    """
    A word of the index: its key, one spelling found in the texts (PostgreSQL's stemmers need a real spelling),
    and its Kölner Phonetik code. Query words that match no indexed word are corrected to close ones from here.
    """

    key = models.CharField(_("key"), max_length=64, unique=True)
    word = models.CharField(_("word"), max_length=64)
    phonetic = models.CharField(_("phonetic code"), max_length=60, blank=True, db_index=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
