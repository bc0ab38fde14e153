"""
What the search does only on PostgreSQL: full-text vectors in each language's text search configuration, their
matching and ranking (ts_rank), and trigram similarity (pg_trgm) for corrections of misspelt words.

Each language is searched with its own configuration where PostgreSQL has one (stemming: "Beratungen" finds
"Beratung"), `simple` otherwise (Ukrainian, Persian, Polish: words as they are). The migration
0001_initial creates the pg_trgm extension and the GIN indexes (docs: README, section "Site search").
"""

from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When

#: Text search configurations of PostgreSQL (15) by language code; any other language uses "simple".
TEXT_SEARCH_CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
SIMPLE = "simple"


def is_postgres(using: str | None = None) -> bool:
    from django.db import connections

    return (connections[using] if using else connection).vendor == "postgresql"


@lru_cache(maxsize=1)
def _available_configs() -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def text_search_config(language: str) -> str:
    """The text search configuration for a language code ("de", "pt-br"): its own if the server has it, or simple."""
    config = TEXT_SEARCH_CONFIGS.get(language.split("-")[0].lower(), SIMPLE)
    return config if config in _available_configs() else SIMPLE


def update_vectors(documents: QuerySet) -> None:
    """Computes search_vector (title weight A, text weight B) of these documents, one UPDATE per language."""
    for language in documents.values_list("content_language", flat=True).distinct().order_by():
        config = text_search_config(language)
        vector = SearchVector("title", weight="A", config=config) + SearchVector("text", weight="B", config=config)
        documents.filter(content_language=language).update(search_vector=vector)


def tsquery(variants: list[list[list[str]]]) -> str:
    """
    A to_tsquery() text: any of the variants, each all of its groups, each any of its spellings as a prefix.
    Spellings are words of programme.search.text.WORD (letters, digits, marks): they are quoted all the same.
    """

    def term(spelling: str) -> str:
        return "'" + spelling.replace("\\", "\\\\").replace("'", "''") + "':*"

    def any_of(parts: list[str]) -> str:
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    return any_of(
        [" & ".join(any_of([term(s) for s in group]) for group in variant) for variant in variants if variant]
    )


def _queries(text: str, languages: list[str]) -> list[tuple[str, SearchQuery]]:
    return [
        (language, SearchQuery(text, config=text_search_config(language), search_type="raw")) for language in languages
    ]


def fulltext_match(text: str, languages: list[str]) -> Q:
    """Documents whose vector matches the query in the configuration of their text's language."""
    condition = Q()
    for language, query in _queries(text, languages):
        condition |= Q(content_language=language, search_vector=query)
    return condition


def fulltext_rank(text: str, languages: list[str]) -> Case:
    """ts_rank of each document for the query in its text's language (0 for the others)."""
    return Case(
        *[
            When(content_language=language, then=SearchRank(F("search_vector"), query))
            for language, query in _queries(text, languages)
        ],
        default=Value(0.0),
        output_field=FloatField(),
    )
