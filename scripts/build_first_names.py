"""Write data/lexicon/first_names.txt: given names in Latin script, from the person providers of Faker (MIT).

The mention stages read the file (ingest/nlp/mentions/person_names.py); nothing is fetched at run time. Faker is
needed only to rebuild the list:

    .venv/bin/python -m pip install faker==40.54.0 && .venv/bin/python scripts/build_first_names.py

Names in Cyrillic, Armenian and Georgian script are transliterated with plain tables (Марат -> Marat), and a name
with diacritics also gives its folded form (Günel -> Gunel), as English texts often write them. Names that are also
common English words or titles are left out (``LEFT_OUT``): the list is a cue for a person, never proof.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "first_names.txt"
ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "first_names_unisex",
         "first_romanized_names", "first_romanized_names_male", "first_romanized_names_female")
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"]))
ARMENIAN = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
                    ["a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts", "k", "h", "dz", "gh",
                     "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t", "r", "ts", "v", "p", "k", "o",
                     "f"]))
GEORGIAN = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
                    ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh", "r", "s", "t",
                     "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h"]))
#: given names that are also everyday English words, titles or honorifics: no cue at all
LEFT_OUT = frozenset("""
abbey academy admiral baron bay bill bishop brook brooks cash chance chase crystal dean doctor dr duke earl faith
fortune general grace guy hope iris ivy joy judge king lady lord major march mark may miss mister mr mrs ms
page rich rose royal ruby sage sir sky star summer sunny will young north south east west van von de del la le
governor president minister mayor senator chancellor director professor captain colonel chief prince princess queen
emperor saint pope partner
""".split())


def _latin(name: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") or ch in "-'" for ch in name)


def _transliterate(name: str) -> str | None:
    low = name.lower()
    for table in (CYRILLIC, ARMENIAN, GEORGIAN):
        if all(ch in table for ch in low):
            out = "".join(table[ch] for ch in low)
            return out[:1].upper() + out[1:] if out else None
    return None


def _folded(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def given_names() -> set[str]:
    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None)
        for attr in ATTRS:
            value = getattr(provider, attr, None)
            if not value or isinstance(value, property):
                continue
            for raw in (value.keys() if isinstance(value, dict) else value):
                name = raw.strip()
                if " " in name or len(name) < 2:
                    continue
                name = name if _latin(name) else _transliterate(name)
                if name and name[:1].isupper():
                    names.update({name, _folded(name)})
    return {n for n in names if n.lower() not in LEFT_OUT}


def main() -> int:
    names = sorted(given_names())
    OUT.write_text("# Given names in Latin script (one a line), from Faker's person providers (MIT licence, text in first_names.LICENSE);\n"
                   "# written by scripts/build_first_names.py. A cue that a name is a person's, never proof.\n"
                   + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
