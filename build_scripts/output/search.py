"""The engine's search index, with the generated pages' entries and words a Danish reader types without Danish letters.

A reader searching 'mjolnerparken', 'bydelsmoedre' or 'lektiecafe' means Mjølnerparken, Bydelsmødre
and Lektiecafé. Every entry whose title has a letter beyond a–z gets its title's words spelled both
ways (ø as o and as oe, æ as a and ae, å as a and aa, é as e), attached as each engine indexes them
without showing them (build_scripts/engines/<engine>.py `add_words`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from build_scripts.output.adapter import EngineAdapter
from macros.pages.registry import folders, frame_url

_WORD = re.compile(r"\w+")
_LONG = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
_SHORT = str.maketrans({"æ": "a", "ø": "o", "å": "a", "Æ": "a", "Ø": "o", "Å": "a"})


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def folded(title: str) -> list[str]:
    """The title's words with a letter beyond a–z, spelled as a reader types them on a keyboard without them."""
    words = []
    for word in _WORD.findall(title):
        if word.isascii():
            continue
        for spelled in (_ascii(word.translate(_LONG)), _ascii(word.translate(_SHORT))):
            if spelled and spelled not in words:
                words.append(spelled)
    return words


def synonyms_of(text: str, groups: tuple[tuple[str, ...], ...]) -> list[str]:
    """The other words of each group one of whose words the text uses (also inside a compound: 'lommepengejobbet')."""
    lower = text.lower()
    words: list[str] = []
    for group in groups:
        if any(word in lower for word in group):
            words += [w for w in group if w not in lower and w not in words]
    return words


def update_search(site: Path, adapter: EngineAdapter, entries: list[tuple[str, str, str]], synonyms: tuple[tuple[str, ...], ...] = ()) -> None:
    """The engine's search index without the frames, with the generated pages' entries after its own; every title
    folded, and every entry given the synonyms (datapackages/search) of the field's words it uses."""
    data, found = adapter.read_search(site)
    frames = tuple(frame_url(f) for f in folders())
    kept = [e for e in found if not e["location"].startswith(frames)] + [adapter.search_entry(*e) for e in entries]
    for entry in kept:
        words = folded(entry["title"])
        for word in synonyms_of(f"{entry['title']} {entry.get('text', '')}", synonyms):
            words += [w for w in [word, *folded(word)] if w not in words]
        if words:
            adapter.add_words(entry, words)
    adapter.write_search(site, data, kept)
