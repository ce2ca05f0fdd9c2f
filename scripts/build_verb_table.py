"""Build data/cameo_verbs.json: verb lemma (+ phrase pattern) -> CAMEO code -> PLOVER type, mode.

Reads two public resources as data (nothing of either project's code is used):

* PETRARCH2's CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT, Open Event Data Alliance): ``---``
  blocks of verb synonyms with a CAMEO code, and ``-`` phrase patterns (``*`` the verb, ``$`` /
  ``+`` source / target slots, ``{...}`` noun phrases, ``(...)`` prepositional phrases,
  ``&NAME`` word sets defined at the top of the file);
* the PLOVER project's CAMEO -> PLOVER table (``CAMEO2PLOVER-2021.txt``, CC BY-SA 4.0).

The output is deterministic (sorted keys, no dates) and, being derived from the PLOVER table,
is shared under CC BY-SA 4.0; the MIT notice of the verb dictionary travels in its header.

Names follow the PLOVER version the gold records were coded with (0.5b1), not the 2021 draft's
POLECAT names: ACCUSE with mode ``investigate`` is INVESTIGATE, other ACCUSE is DISAPPROVE,
REQUEST is DEMAND, and conventional military force (CAMEO 190, 193-196) is FIGHT. CAMEO 01
(public statements) codes no PLOVER event. CAMEO 02 (appeals) is absent from the 2021 table;
it is kept with type DEMAND and its code, so that the coder can choose whether to use it
(``TypingRules.appeals``).

    python scripts/build_verb_table.py [../shared/data/events/resources]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "resources"
OUT = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "data" / "cameo_verbs.json"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{[^}]*\}")
#: Pattern tokens that are slots or markers, not words the sentence must contain.
_SLOTS = {"*", "**", "$", "+", "^", "%"}

ABOUT = (
    "CAMEO verb table for the PLOVER event coder, built by scripts/build_verb_table.py. "
    "verbs: lemma -> [pattern block, CAMEO code, PLOVER type, mode] (type '' = no event); "
    "forms: inflected form -> lemma (for a parser's wrong lemma); "
    "blocks: per block, phrase patterns [required words, CAMEO code, PLOVER type, mode], most "
    "specific first; word_sets: &NAME -> words. Derived from (1) PETRARCH2's CAMEO verb "
    "dictionary CAMEO.2.0.txt, openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, "
    "Copyright (c) 2015 Open Event Data Alliance, MIT License (notice below); and (2) the PLOVER "
    "project's CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, Philip Schrodt, Open Event Data "
    "Alliance), openeventdata/PLOVER @ 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f, licensed "
    "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Changes: patterns reduced to "
    "their required words, codes mapped to PLOVER types, names as in PLOVER 0.5b1 (see the "
    "script). This derived file is shared under CC BY-SA 4.0 (share alike)."
)
MIT = (
    "The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance. Permission is hereby "
    "granted, free of charge, to any person obtaining a copy of this software and associated "
    'documentation files (the "Software"), to deal in the Software without restriction, '
    "including without limitation the rights to use, copy, modify, merge, publish, distribute, "
    "sublicense, and/or sell copies of the Software, and to permit persons to whom the Software "
    "is furnished to do so, subject to the following conditions: The above copyright notice and "
    "this permission notice shall be included in all copies or substantial portions of the "
    'Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR '
    "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A "
    "PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS "
    "BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT "
    "OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
    "DEALINGS IN THE SOFTWARE."
)


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type as the gold names it, mode); section headings included."""
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if ":" not in body:
            continue
        code, rest = (s.strip() for s in body.split(":", 1))
        if not code.isdigit():
            continue
        fields = [f.strip() for f in rest.split(",")]
        typ, mode = fields[0], fields[1] if len(fields) > 1 else ""
        if typ == "ACCUSE":
            typ = "INVESTIGATE" if mode == "investigate" or code.startswith("09") else "DISAPPROVE"
        elif typ == "REQUEST":
            typ = "DEMAND"
        elif typ == "ASSAULT" and code.startswith("19") and code not in ("191", "192"):
            typ = "FIGHT"
        out.setdefault(code, (typ, mode))
    return out


def plover_of(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """(type, mode) of a CAMEO code: its own row, else its nearest ancestor's; ('', '') for none."""
    if not code or code.startswith("01") or not code.isdigit():
        return "", ""
    if code.startswith("02"):
        return "DEMAND", ""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return "", ""


def _code(raw: str) -> str:
    """The event code of ``[a]`` or ``[a:b]``: the first part, else the second ("[:020]")."""
    parts = [p.strip() for p in raw.split(":")]
    return next((p for p in parts if p and p != "---"), "" if parts[0] in ("---", "") else parts[0])


def _words(text: str) -> list[str]:
    """The words a pattern requires, lower-cased; hyphenated words split as spaCy splits them."""
    out: list[str] = []
    for tok in re.sub(r"[{}()]", " ", text).split():
        if tok in _SLOTS or tok.startswith("#"):
            continue
        if tok.startswith("&"):
            out.append(tok.rstrip("_"))
            continue
        for part in tok.replace("_", " ").replace("-", " ").split():
            out.append(part.lower())
    return out


def _plurals(word: str) -> list[str]:
    if word.endswith("y"):
        return [word, word[:-1] + "ies"]
    return [word, word + ("es" if word.endswith("ss") else "s")]


def _forms(lemma: str, irregular: str) -> list[str]:
    """Inflected forms of a one-word verb: the regular ones and those listed in ``{...}``."""
    if " " in lemma:
        return []
    if lemma.endswith("e"):
        regular = [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        regular = [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        regular = [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        regular = [lemma + "s", lemma + "ed", lemma + "ing"]
    listed = [w.lstrip("+").replace("_", " ").lower() for w in irregular.strip("{} ").split()]
    return regular + [w for w in listed if " " not in w]


def read_dictionary(path: Path, table: dict[str, tuple[str, str]]) -> dict[str, object]:
    """Word sets, verbs and pattern blocks of the verb dictionary."""
    sets: dict[str, list[str]] = {}
    verbs: dict[str, list[object]] = {}
    forms: dict[str, str] = {}
    blocks: list[list[list[object]]] = []
    current: str | None = None
    block_code = ""
    in_verbs = False
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("- ") else raw.rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current = line.strip()
                sets[current.rstrip("_")] = []
            elif line.startswith("+") and current is not None:
                phrase = line[1:].strip()
                words = phrase.rstrip("_").replace("_", " ").lower()
                plural = not (current.endswith("_") or phrase.endswith("_"))
                sets[current.rstrip("_")] += _plurals(words) if plural else [words]
            continue
        block = _BLOCK.match(line)
        if block:
            block_code = _code(block.group(2))
            blocks.append([])
            continue
        if not blocks:
            continue
        if line.startswith("-"):
            body, _, _ = line[1:].partition("#")
            found = _CODE.search(body)
            if not found:
                continue
            words = _words(body[: found.start()])
            code = _code(found.group(1))
            typ, mode = plover_of(code, table)
            if words:
                blocks[-1].append([words, code, typ, mode])
            continue
        braces = _BRACES.search(line)
        text = _BRACES.sub(" ", line.lstrip("+"))
        found = _CODE.search(text)
        lemma_text = (text[: found.start()] if found else text).strip()
        if not lemma_text:
            continue
        lemma = lemma_text.split()[0].replace("_", " ").lower().strip()
        code = _code(found.group(1)) if found else block_code
        typ, mode = plover_of(code, table)
        verbs.setdefault(lemma, [len(blocks) - 1, code, typ, mode])
        for form in _forms(lemma, braces.group(0) if braces else ""):
            forms.setdefault(form, lemma)
    for patterns in blocks:  # most specific first; file order among equals
        patterns.sort(key=lambda p: -len(p[0]))  # type: ignore[arg-type]
    forms = {f: lemma for f, lemma in sorted(forms.items()) if f not in verbs}
    return {"word_sets": dict(sorted(sets.items())), "verbs": dict(sorted(verbs.items())),
            "forms": forms, "blocks": blocks}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("resources", type=Path, nargs="?", default=DEFAULT)
    args = parser.parse_args()
    verbs_path = args.resources / "CAMEO.2.0.txt"
    table_path = args.resources / "CAMEO2PLOVER-2021.txt"
    table = plover_table(table_path)
    out = {
        "_about": ABOUT,
        "_licence_petrarch2": MIT,
        "_sources_sha256": {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (verbs_path, table_path)
        },
        **read_dictionary(verbs_path, table),
    }
    OUT.write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    counts = {k: len(v) for k, v in out.items() if isinstance(v, (dict, list))}
    print(json.dumps({"wrote": str(OUT), **counts}))


if __name__ == "__main__":
    main()
