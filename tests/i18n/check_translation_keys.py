#!/usr/bin/env python3
"""Checks that every translation key the code uses is in every shipped catalogue, and that
every catalogue key is used.

    check_translation_keys.py SOURCE_DIR CATALOGUE_DIR

SOURCE_DIR is scanned for *.cpp / *.h; CATALOGUE_DIR holds one directory per language
(assets/i18n/fr/*.toml, assets/i18n/en/*.toml…): every language directory found there is a
shipped catalogue and must hold every used key. Rules (docs/translations.md):

- A key is written whole, as one string literal: "home.plans.title". Two ways find it:
  1. the call forms, where any literal is taken as a key (so that a misspelt first part is
     caught too): app.Tr("…"), app.TrC("…"), app.Format("…", …),
     catalogs.Text(language, "…"), catalogs.Format(language, "…", …), either side of
     `cond ? "a.b" : "c.d"` inside Tr / TrC / Format on one line, ValidationError{"…", …};
  2. everywhere else, every literal whose first dotted part is a catalogue namespace (the
     first part of any catalogue key: "home", "surveys", "date"…): tables of literal keys
     (struct rows, arrays, `return "…"` in a switch), a `? :` spread over lines.
  A key passed around in a variable is fine as long as its value comes from such a literal.
- A key assembled at run time cannot be checked, so it fails: a literal that starts with a
  namespace but is not a whole key ("surveys.smiley.", "date.month.m{}"), a literal equal
  to a catalogue section ("home.plans", as in `key + ".title"`), and a literal that looks
  like a key's tail (".title").
- Not keys (outside the call forms): the first argument of targets.Name("…") (touch-target
  names, which share the dotted style), file names ("timeline.toml"), prose (a literal with
  spaces or capitals), and any literal on a line carrying the comment `i18n: not a key` or
  just below it.
- A variant's catalogue (`[language] variant_of = "fr"`, such as easy-to-read French) is
  partial by design: it need not hold the used keys, since what it lacks shows the text of
  the language it is a variant of. Every key it does hold must be in that language's
  catalogue too (else it is a misspelt key, shown nowhere).
- Keys computed from content data (question or phase ids) do not exist: content files carry
  their own texts, and the loaders check them.

Prints one `file:line: message` per problem and exits 1 if there is any, else 0.
"""

import os
import re
import sys
import tomllib

KEY = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")
# What a key or a piece of one may be made of: a literal of other characters (spaces…) is prose.
KEYISH = re.compile(r"[a-z0-9_.{}:]+")
FILE_EXTENSIONS = {"toml", "csv", "json", "jsonl", "png", "jpg", "jpeg", "svg", "db", "txt", "lock"}
NOT_A_KEY_MARK = "i18n: not a key"
# Metadata of a variant's catalogue, read by the loader (i18n/language_variants.h), not shown.
VARIANT_OF = "language.variant_of"
# A language's metadata (i18n/catalog.h): how it is written and whether it awaits review.
METADATA = {VARIANT_OF, "language.direction", "language.needs_review"}
TARGET_NAME_CALL = re.compile(r"\bName\(\s*$")
# The call forms: a literal here is a key whatever its first part, so that a misspelt
# namespace ("hme.title", or the old "survey." prefix) is caught too. `before` is the text of
# the literal's line up to it: Tr("…"), TrC("…"), Format("…", …), Text(language, "…"),
# Format(language, "…", …), either side of a `? :` inside Tr / TrC / Format on one line, and
# ValidationError{"…", …} (core/survey/answer_value.h: the message's key).
CALL_FORM = re.compile(r"\b(?:Tr|TrC|Format)\(\s*$"
                       r"|\b(?:Text|Format)\(\s*[A-Za-z_][\w.:>()-]*\s*,\s*$"
                       r"|\b(?:Tr|TrC|Format)\([^;\"]*\?\s*(?:\"[^\"]*\"\s*:\s*)?$"
                       r"|\bValidationError\{\s*$")


def string_literals(text):
    """Yields (line, value, text before the literal on its line) for each string literal of
    C++ source `text`, skipping comments and character literals."""
    i, line, n = 0, 1, len(text)
    line_start = 0
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            line_start = i + 1
            i += 1
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            if "\n" in text[i:end]:
                line_start = text.rfind("\n", i, end) + 1
            i = end
        elif c == "'":
            i += 1
            while i < n and text[i] != "'":
                i += 2 if text[i] == "\\" else 1
            i += 1
        elif c == 'R' and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            open_paren = text.find("(", i + 2)
            delimiter = ")" + text[i + 2:open_paren] + '"'
            end = text.find(delimiter, open_paren)
            end = n if end < 0 else end + len(delimiter)
            value = text[open_paren + 1:end - len(delimiter)]
            yield line, value, text[line_start:i]
            line += text.count("\n", i, end)
            if "\n" in text[i:end]:
                line_start = text.rfind("\n", i, end) + 1
            i = end
        elif c == '"':
            start = i
            i += 1
            value = []
            while i < n and text[i] != '"' and text[i] != "\n":
                if text[i] == "\\":
                    value.append(text[i:i + 2])
                    i += 2
                else:
                    value.append(text[i])
                    i += 1
            i += 1
            yield line, "".join(value), text[line_start:start]
        else:
            i += 1


def flatten(table, prefix, out):
    for key, value in table.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flatten(value, full, out)
        else:
            out.add(full)


def key_lines(path):
    """Best-effort line of each key in a catalogue file (section headers + `name =`)."""
    lines = {}
    section = ""
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            s = raw.strip()
            header = re.match(r"\[([^\[\]]+)\]", s)
            if header:
                section = header.group(1).strip()
                continue
            assignment = re.match(r"([A-Za-z0-9_.\"-]+)\s*=", s)
            if assignment:
                name = assignment.group(1).strip('"')
                lines.setdefault(f"{section}.{name}" if section else name, number)
    return lines


def load_catalogues(catalogue_dir, problems, variants):
    """language → {key: "file:line"}; fills `variants` (variant → the language it is a
    variant of)."""
    catalogues = {}
    for language in sorted(os.listdir(catalogue_dir)):
        language_dir = os.path.join(catalogue_dir, language)
        if not os.path.isdir(language_dir):
            continue
        keys = {}
        for name in sorted(os.listdir(language_dir)):
            if not name.endswith(".toml"):
                continue
            path = os.path.join(language_dir, name)
            try:
                with open(path, "rb") as f:
                    table = tomllib.load(f)
            except (OSError, tomllib.TOMLDecodeError) as e:
                problems.append(f"{path}:1: cannot read this catalogue: {e}")
                continue
            file_keys = set()
            flatten(table, "", file_keys)
            base = table.get("language", {}).get("variant_of")
            if isinstance(base, str):
                variants[language] = base
            lines = key_lines(path)
            for key in file_keys:
                keys[key] = f"{path}:{lines.get(key, 1)}"
        catalogues[language] = keys
    return catalogues


def location_order(where):
    path, _, line = where.rpartition(":")
    return path, int(line)


def source_files(source_dir):
    for root, dirs, files in os.walk(source_dir):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".cpp", ".h", ".hpp", ".cc")):
                yield os.path.join(root, name)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: check_translation_keys.py SOURCE_DIR CATALOGUE_DIR", file=sys.stderr)
        return 2
    source_dir, catalogue_dir = argv[1], argv[2]
    problems = []
    variants = {}
    catalogues = load_catalogues(catalogue_dir, problems, variants)
    if not catalogues:
        print(f"{catalogue_dir}: no catalogue (expected one directory per language)", file=sys.stderr)
        return 1
    all_keys = set().union(*(set(k) for k in catalogues.values()))
    namespaces = {key.split(".")[0] for key in all_keys}
    sections = {".".join(key.split(".")[:i]) for key in all_keys for i in range(1, key.count(".") + 1)}

    # Tails of catalogue keys (".title", ".plans.title"): a literal equal to one is a key
    # assembled at run time (key + ".title").
    tails = {"." + ".".join(key.split(".")[i:]) for key in all_keys for i in range(1, key.count(".") + 1)}

    used = {}  # key → first "file:line" using it
    for path in source_files(source_dir):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        lines = text.split("\n")
        for line, value, before in string_literals(text):
            where = f"{path}:{line}"
            if value in all_keys:
                used.setdefault(value, where)
                continue
            if TARGET_NAME_CALL.search(before) or NOT_A_KEY_MARK in lines[line - 1] or (
                    line >= 2 and NOT_A_KEY_MARK in lines[line - 2]):
                continue
            if value in tails:
                problems.append(f'{where}: "{value}" is the tail of a key assembled at run time; '
                                "write each key whole, as one literal")
                continue
            if CALL_FORM.search(before):
                if KEY.fullmatch(value):
                    used.setdefault(value, where)  # reported missing below
                else:
                    problems.append(f'{where}: "{value}" is given as a translation key but is not one; '
                                    "write each key whole, as one literal")
                continue
            head = value.split(".", 1)[0]
            if "." not in value or head not in namespaces or not KEYISH.fullmatch(value):
                continue  # prose, a file name, a log tag: not a key
            if value.rsplit(".", 1)[-1] in FILE_EXTENSIONS:
                continue  # "timeline.toml": a file name
            if value in sections:
                problems.append(f'{where}: "{value}" is a catalogue section, not a text: a key assembled '
                                "at run time? write each key whole, as one literal")
            elif KEY.fullmatch(value):
                used.setdefault(value, where)  # a misspelt key: reported missing below
            else:
                problems.append(f'{where}: "{value}" looks like part of a key assembled at run time; '
                                "write each key whole, as one literal")

    for key, where in sorted(used.items(), key=lambda kv: location_order(kv[1])):
        for language, keys in catalogues.items():
            if key not in keys and language not in variants and key not in METADATA:
                problems.append(f'{where}: key "{key}" is missing from the "{language}" catalogue '
                                f"({os.path.join(catalogue_dir, language)})")
    for language, keys in catalogues.items():
        base = variants.get(language)
        for key, where in sorted(keys.items(), key=lambda kv: location_order(kv[1])):
            if base is not None and key not in METADATA and key not in catalogues.get(base, {}):
                problems.append(f'{where}: key "{key}" is in the variant "{language}" but not in "{base}", '
                                "the language it is a variant of: misspelt? it would be shown nowhere")
            elif key not in used and key not in METADATA:
                problems.append(f'{where}: key "{key}" is used nowhere in {source_dir}')

    def problem_order(problem):
        m = re.match(r"(.+?):(\d+): ", problem)
        return (m.group(1), int(m.group(2))) if m else (problem, 0)

    for problem in sorted(problems, key=problem_order):
        print(problem)
    if problems:
        print(f"{len(problems)} translation key problem(s)", file=sys.stderr)
        return 1
    print(f"{len(used)} keys used in {source_dir}, all in the {', '.join(catalogues)} catalogues; none unused")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
