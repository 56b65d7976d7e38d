#!/usr/bin/env python3
"""No throwing std::filesystem call in the kiosk's code.

The overloads without a std::error_code throw filesystem_error for a name the system
refuses (a component over 255 bytes: ENAMETOOLONG; a link loop: ELOOP; EACCES), and one
uncaught throw while loading a path from a file aborted the kiosk (SIGABRT). This test lists
every call in kiosk/ that can throw so:
  - a std::filesystem function called without an error_code as its last argument (the
    argument must be named ec, *_ec, error, *_error or ignored, which is how the code names
    them; base/path_probe.h has the common questions);
  - a directory_iterator built without one, or walked by a range-for (its operator++ throws:
    use increment(ec), as ListFiles does);
  - a directory_entry question without one (entry.is_regular_file()).
Usage: filesystem_throw_test.py SOURCE_DIR [FILES...]  (exit 1 listing file:line of each)
"""
import pathlib
import re
import sys

# std::filesystem functions that have a non-throwing error_code overload.
FUNCTIONS = """absolute canonical weakly_canonical copy copy_file copy_symlink create_directory
create_directories create_hard_link create_symlink create_directory_symlink current_path
equivalent exists file_size hard_link_count is_block_file is_character_file is_directory
is_empty is_fifo is_other is_regular_file is_socket is_symlink last_write_time permissions
proximate read_symlink relative remove remove_all rename resize_file space status
symlink_status temp_directory_path""".split()
ENTRY_MEMBERS = """exists is_block_file is_character_file is_directory is_fifo is_other
is_regular_file is_socket is_symlink file_size hard_link_count last_write_time status
symlink_status refresh""".split()
ERROR_NAME = re.compile(r"^(ec|\w+_ec|error|\w+_error|ignored)$")
QUALIFIER = r"(?:std::filesystem::|\bfs::)"


def strip(text):
    """Blanks comments, string and character literals, keeping lines and columns."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('"' + re.sub(r"[^\n]", " ", text[i + 1 : j - 1]) + '"')
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def arguments(text, open_paren):
    """The top-level arguments of the call whose '(' is at open_paren."""
    depth, args, start = 0, [], open_paren + 1
    for i in range(open_paren, len(text)):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append(text[start:i].strip())
                return [a for a in args if a]
        elif c == "," and depth == 1:
            args.append(text[start:i].strip())
            start = i + 1
    return None


def problems(path):
    text = strip(path.read_text(encoding="utf-8", errors="replace"))
    line_of = lambda pos: text.count("\n", 0, pos) + 1
    found = []
    if re.search(r"using\s+namespace\s+std::filesystem", text):
        found.append((1, "'using namespace std::filesystem' hides which calls can throw"))
    call = re.compile(QUALIFIER + r"(" + "|".join(FUNCTIONS) + r")\s*\(")
    for m in call.finditer(text):
        args = arguments(text, m.end() - 1)
        if args is None or not args or not ERROR_NAME.match(args[-1]):
            found.append((line_of(m.start()), f"{m.group(1)}() without an error_code can throw"))
    iterator = re.compile(QUALIFIER + r"(recursive_)?directory_iterator\s*\(")
    for m in iterator.finditer(text):
        args = arguments(text, m.end() - 1)
        if args and not ERROR_NAME.match(args[-1]):
            found.append((line_of(m.start()), "directory_iterator built without an error_code can throw"))
    for m in re.finditer(r"\bfor\s*\([^;{}]*?:\s*" + QUALIFIER + r"(recursive_)?directory_iterator\b", text):
        found.append((line_of(m.start()), "a range-for over a directory_iterator throws from its ++"))
    member = re.compile(r"(?:\.|->)(" + "|".join(ENTRY_MEMBERS) + r")\s*\(\s*\)")
    for m in member.finditer(text):
        found.append((line_of(m.start()), f"directory_entry::{m.group(1)}() without an error_code can throw"))
    return found


def main():
    root = pathlib.Path(sys.argv[1])
    files = [pathlib.Path(f) for f in sys.argv[2:]] or sorted(
        p for p in (root / "kiosk").rglob("*") if p.suffix in (".cpp", ".h"))
    count = 0
    for path in files:
        for line, message in problems(path):
            print(f"{path}:{line}: {message}")
            count += 1
    print(f"{count} throwing std::filesystem call(s) in {len(files)} files")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
