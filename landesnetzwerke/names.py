"""
Place-name keys: how the gazetteer and the Lotse compare names typed in any spelling or script.

`normalize_name` gives the lookup key (case, diacritics, punctuation and the German umlaut spellings ignored:
München = Muenchen = munchen = MÜNCHEN; Straße = Strasse); `koelner_phonetik` a phonetic key that finds close
matches for misspelt names. Plain functions: the models, the gazetteer build and the Lotse import them.
"""

import re
import unicodedata

KEY_MAX_LENGTH = 200
PHONETIC_MAX_LENGTH = 60

_UMLAUT_SPELLINGS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_TOKEN_EXPANSIONS = {"st": "sankt"}
_ASCII_SEPARATORS = re.compile(r"[^0-9a-z]+")


def normalize_name(text: str | None) -> str:
    """
    The lookup key of a place name: case, diacritics, punctuation and umlaut spellings ignored.

    Works for every script: combining marks are dropped (so Arabic vowel signs or the Cyrillic breve
    do not matter), letters, digits and spacing marks are kept, anything else separates words.
    """
    if not text:
        return ""
    text = str(text)
    if text.isascii():
        folded = _ASCII_SEPARATORS.sub(" ", text.lower())
    else:
        chars = []
        for char in unicodedata.normalize("NFKD", text):
            category = unicodedata.category(char)
            if category == "Mn":
                continue
            chars.append(char if category[0] in "LN" or category == "Mc" else " ")
        folded = "".join(chars).casefold()
    tokens = [_TOKEN_EXPANSIONS.get(token, token) for token in folded.split()]
    key = " ".join(tokens)
    for spelling, replacement in _UMLAUT_SPELLINGS:
        key = key.replace(spelling, replacement)
    return key[:KEY_MAX_LENGTH]


_PHONETIC_SIMPLE = {
    **dict.fromkeys("AEIJOUY", "0"),
    "H": "",
    "B": "1",
    **dict.fromkeys("FVW", "3"),
    **dict.fromkeys("GKQ", "4"),
    "L": "5",
    "M": "6",
    "N": "6",
    "R": "7",
    "S": "8",
    "Z": "8",
}


def koelner_phonetik(key: str) -> str:
    """A Kölner Phonetik code of a normalised key (Latin letters only; other scripts give "")."""
    letters = [char for char in key.upper() if "A" <= char <= "Z"]
    codes = []
    last = len(letters) - 1
    for index, char in enumerate(letters):
        code = _PHONETIC_SIMPLE.get(char)
        if code is None:
            prev = letters[index - 1] if index else ""
            nxt = letters[index + 1] if index < last else ""
            if char == "P":
                code = "3" if nxt == "H" else "1"
            elif char in "DT":
                code = "8" if nxt and nxt in "CSZ" else "2"
            elif char == "C":
                if index == 0:
                    code = "4" if nxt and nxt in "AHKLOQRUX" else "8"
                elif prev in "SZ":
                    code = "8"
                else:
                    code = "4" if nxt and nxt in "AHKOQUX" else "8"
            else:  # X
                code = "8" if prev and prev in "CKQ" else "48"
        codes.append(code)
    digits = "".join(codes)
    if not digits:
        return ""
    # Vowels (0) are dropped before repeats are merged, a little more lenient than the textbook order, so
    # that a missing vowel still matches ("Mnchen" and "München" both give 646).
    kept = digits[0] + digits[1:].replace("0", "")
    collapsed = [kept[0]]
    for digit in kept[1:]:
        if digit != collapsed[-1]:
            collapsed.append(digit)
    return "".join(collapsed)[:PHONETIC_MAX_LENGTH]
