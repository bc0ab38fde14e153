"""
From the visitor's query to what the index is asked: a `Plan`.

Each query word becomes a group of alternative keys (programme.search.text): its own key and, when no indexed word
begins with it, up to three close indexed words (same Kölner Phonetik code or same beginning, ranked by difflib's
similarity; on PostgreSQL also trigram similarity), so "Anerkenung" finds "Anerkennung". A document matches a
variant of the plan when it has a word beginning with one key of each group. Variants beside the words as typed:
two neighbouring words written together ("qualifizierungs beratung" → "qualifizierungsberatung") when an indexed
word begins with that, and one long word split in two indexed words ("qualifizierungsberatung" →
"qualifizierung(s)" + "beratung"). Three queries to the vocabulary at most, whatever the size of the index.
"""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q

from landesnetzwerke.names import koelner_phonetik
from programme.search import postgres
from programme.search.models import Suchwort
from programme.search.text import WORD_MAX_LENGTH, joined_keys, word_key, words

MAX_WORDS = 8
MIN_KEY_LENGTH = 2
MIN_CORRECTION_LENGTH = 4  # shorter words are not corrected: too many words are one letter away
MAX_CORRECTIONS = 3
CORRECTION_CUTOFF = 0.8  # difflib ratio; 0.7 for words that sound the same
PHONETIC_CUTOFF = 0.7
CANDIDATE_POOL = 1000
MIN_PART_LENGTH = 4  # of a word split in two
MAX_SPLIT_WORDS = 3
MAX_VARIANTS = 6

Group = frozenset[str]
Variant = tuple[Group, ...]


@dataclass(frozen=True)
class QueryWord:
    text: str  # as typed (lower case)
    key: str


@dataclass(frozen=True)
class Plan:
    words: tuple[QueryWord, ...] = ()
    variants: tuple[Variant, ...] = ()
    # Spellings of each key for PostgreSQL's to_tsquery (the words as typed, the vocabulary's for corrections).
    spellings: dict[str, frozenset[str]] = field(default_factory=dict)
    # (typed, corrected) pairs, shown to the visitor: "Also searched for: Anerkennung".
    corrections: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.variants

    @property
    def terms(self) -> list[str]:
        """Every key of the plan, each once, the typed words' first."""
        seen: dict[str, None] = {word.key: None for word in self.words}
        for variant in self.variants:
            for group in variant:
                for key in sorted(group):
                    seen.setdefault(key, None)
        return list(seen)

    @property
    def groups(self) -> list[Group]:
        """Every group of every variant, each once: a document scores once per group it matches (models.ranked)."""
        unique: dict[Group, None] = {}
        for variant in self.variants:
            for group in variant:
                unique.setdefault(group, None)
        return list(unique)

    @property
    def exact_titles(self) -> list[str]:
        """Title keys (as Suchdokument.title_keys stores them) of titles that are exactly the query, in a variant."""
        typed = {word.key for word in self.words}
        return [
            joined_keys([next((key for key in sorted(group) if key in typed), min(group)) for group in variant])
            for variant in self.variants
        ]

    def tsquery_variants(self) -> list[list[list[str]]]:
        return [
            [sorted({s.lower() for key in group for s in self.spellings.get(key, {key})}) for group in variant]
            for variant in self.variants
        ]


def query_words(query: str) -> tuple[QueryWord, ...]:
    """The searchable words of a query: at least two characters, each once, at most MAX_WORDS."""
    found: dict[str, QueryWord] = {}
    for match in words(query):
        text = match.group()
        if len(text) > WORD_MAX_LENGTH:
            continue
        key = word_key(text)
        if len(key) >= MIN_KEY_LENGTH and key not in found:
            found[key] = QueryWord(text=text.lower(), key=key)
        if len(found) == MAX_WORDS:
            break
    return tuple(found.values())


def _with_prefix(prefixes: list[str]) -> set[str]:
    """Which of these keys begin an indexed word (one query)."""
    if not prefixes:
        return set()
    counts = Suchwort.objects.aggregate(
        **{f"p{index}": Count("pk", filter=Q(key__startswith=prefix)) for index, prefix in enumerate(prefixes)}
    )
    return {prefix for index, prefix in enumerate(prefixes) if counts[f"p{index}"]}


def _splits(key: str) -> list[tuple[str, str]]:
    """Ways to read a key as two words: (first, second), the longest first part first, with and without a Fugen-s."""
    splits = []
    for position in range(len(key) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        first, second = key[:position], key[position:]
        splits.append((first, second))
        if first.endswith("s") and len(first) > MIN_PART_LENGTH:
            splits.append((first[:-1], second))
    return splits


def _indexed_words(keys: set[str]) -> dict[str, str]:
    """The indexed words among these keys: key → spelling (one query)."""
    if not keys:
        return {}
    return dict(Suchwort.objects.filter(key__in=sorted(keys)).values_list("key", "word"))


def _corrections(keys: list[str]) -> dict[str, list[tuple[str, str]]]:
    """For each key no indexed word begins with: close indexed words, best first, as (key, spelling) (one query)."""
    keys = [key for key in keys if len(key) >= MIN_CORRECTION_LENGTH]
    if not keys:
        return {}
    phonetics = {key: koelner_phonetik(key) for key in keys}
    condition = Q(phonetic__in=sorted({code for code in phonetics.values() if code}))
    for key in keys:
        condition |= Q(key__startswith=key[:3])
        if postgres.is_postgres():
            condition |= Q(key__trigram_similar=key)
    pool = list(Suchwort.objects.filter(condition).values_list("key", "word", "phonetic")[:CANDIDATE_POOL])
    corrections = {}
    for key in keys:
        scored = []
        for candidate, spelling, phonetic in pool:
            if abs(len(candidate) - len(key)) > 3:
                continue
            ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
            same_sound = bool(phonetics[key]) and phonetic == phonetics[key]
            if ratio >= CORRECTION_CUTOFF or (same_sound and ratio >= PHONETIC_CUTOFF):
                scored.append((-ratio, not same_sound, candidate, spelling))
        corrections[key] = [(candidate, spelling) for _r, _s, candidate, spelling in sorted(scored)[:MAX_CORRECTIONS]]
    return corrections


def _limited(variants: Iterable[Variant]) -> tuple[Variant, ...]:
    unique: dict[Variant, None] = {}
    for variant in variants:
        unique.setdefault(variant, None)
    return tuple(unique)[:MAX_VARIANTS]


def build_plan(query: str) -> Plan:
    """The plan for a query (empty when it has no searchable word)."""
    typed = query_words(query)
    if not typed:
        return Plan()
    keys = [word.key for word in typed]
    spellings: dict[str, set[str]] = {word.key: {word.text} for word in typed}
    joins = {keys[index] + keys[index + 1]: index for index in range(len(keys) - 1)}
    known = _with_prefix([*keys, *joins])

    corrected = _corrections([key for key in keys if key not in known])
    corrections = []
    groups: list[Group] = []
    for word in typed:
        alternatives = corrected.get(word.key, [])
        for candidate, spelling in alternatives:
            spellings.setdefault(candidate, set()).add(spelling)
        if alternatives:
            corrections.append((word.text, alternatives[0][1]))
        groups.append(frozenset({word.key, *(candidate for candidate, _spelling in alternatives)}))

    variants: list[Variant] = [tuple(groups)]
    for joined, index in joins.items():
        if joined in known:
            spellings.setdefault(joined, set()).add(typed[index].text + typed[index + 1].text)
            variants.append((*groups[:index], frozenset({joined}), *groups[index + 2 :]))

    long_words = sorted((key for key in keys if len(key) >= 2 * MIN_PART_LENGTH), key=len, reverse=True)
    splits = {key: _splits(key) for key in long_words[:MAX_SPLIT_WORDS]}
    indexed = _indexed_words({part for options in splits.values() for split in options for part in split})
    for key, options in splits.items():
        split = next(((first, second) for first, second in options if first in indexed and second in indexed), None)
        if split is not None:
            index = keys.index(key)
            for part in split:
                spellings.setdefault(part, set()).add(indexed[part])
            variants.append((*groups[:index], frozenset({split[0]}), frozenset({split[1]}), *groups[index + 1 :]))

    return Plan(
        words=typed,
        variants=_limited(variants),
        spellings={key: frozenset(values) for key, values in spellings.items()},
        corrections=tuple(corrections),
    )
