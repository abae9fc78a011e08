#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The house rules of issue 15 that a script can measure, over src/: no function over 150
lines, no .c over 1,200 lines (word tables, *-tables.c, excepted) and no include cycle
anywhere in src/ (src/core and src/ui alike). Reports every offender; fails on an
offender that tests/house-allowlist.txt does not list, and on a listed entry that is no
longer an offender, so the list only shrinks.

Usage: check-house.py SOURCE_ROOT [ALLOWLIST]   (TAP on standard output)
       check-house.py --offenders SOURCE_ROOT   (today's offenders as allow-list lines)
       check-house.py --self-test               (the checker on a made-up tree)

A function's length counts from the line of its name to its closing brace, as ctags
measures it. An include cycle is measured between rooms: a .c with its .h and -private.h.
"""
import os
import re
import shutil
import sys
import tempfile

MAX_FUNCTION_LINES = 150
MAX_FILE_LINES = 1200
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


# ---------------------------------------------------------------------------
# Functions

def blank_c(text):
    """The text with comments, string and character literals and preprocessor lines
    turned into spaces; newlines stay, so offsets keep their line numbers."""
    out = list(text)
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if c == "\n":
            at_line_start = True
            i += 1
            continue
        if at_line_start and c == "#":
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out[i] = " "
                    i += 2
                    continue
                out[i] = " "
                i += 1
            continue
        if not c.isspace():
            at_line_start = False
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            for k in range(i, end):
                if text[k] != "\n":
                    out[k] = " "
            i = end
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                out[i] = " "
                i += 1
        elif c in "\"'":
            k = i + 1
            while k < n and text[k] != c and text[k] != "\n":
                k += 2 if text[k] == "\\" else 1
            for q in range(i, min(k + 1, n)):
                if text[q] != "\n":
                    out[q] = " "
            i = k + 1
        else:
            i += 1
    return "".join(out)


def functions(text):
    """(name, first line, length) of every function defined in C source @text; raises
    ValueError when its braces do not balance."""
    code = blank_c(text)
    found = []
    depth = 0
    start = None
    for i, c in enumerate(code):
        if c == "{":
            if depth == 0:
                start = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                raise ValueError(f"a closing brace without an opening one at line {code.count(chr(10), 0, i) + 1}")
            if depth == 0:
                head = function_name(code, start)
                if head is not None:
                    name, at = head
                    first = code.count("\n", 0, at) + 1
                    last = code.count("\n", 0, i) + 1
                    found.append((name, first, last - first + 1))
    if depth != 0:
        raise ValueError("the braces do not balance")
    return found


def function_name(code, brace):
    """The name and offset of the function whose body opens at @brace, or None when the
    brace opens something else (a struct, an enum, an initializer)."""
    k = brace - 1
    while k >= 0 and code[k].isspace():
        k -= 1
    if k < 0 or code[k] != ")":
        return None
    parens = 0
    while k >= 0:
        if code[k] == ")":
            parens += 1
        elif code[k] == "(":
            parens -= 1
            if parens == 0:
                break
        k -= 1
    k -= 1
    while k >= 0 and code[k].isspace():
        k -= 1
    end = k + 1
    while k >= 0 and (code[k].isalnum() or code[k] == "_"):
        k -= 1
    name = code[k + 1:end]
    if not IDENT.match(name) or name in ("if", "for", "while", "switch", "return", "sizeof"):
        return None
    return name, k + 1


# ---------------------------------------------------------------------------
# Include cycles

def room(path):
    """A .c, its .h and its -private.h are one room."""
    return re.sub(r"(-private)?\.[ch]$", "", path)


def include_graph(sources):
    """{room: {rooms it includes}} from the quoted includes of @sources {path: text}, and
    {(room, room): ["file includes header", …]}."""
    by_name = {}
    for path in sources:
        by_name.setdefault(os.path.basename(path), []).append(path)
    edges = {room(p): set() for p in sources}
    why = {}
    for path, text in sorted(sources.items()):
        for inc in INCLUDE.findall(text):
            for target in by_name.get(os.path.basename(inc), []):
                if (target == inc or target.endswith("/" + inc)) and room(target) != room(path):
                    edges[room(path)].add(room(target))
                    why.setdefault((room(path), room(target)), []).append(f"{path} includes {inc}")
    return edges, why


def cycles(edges):
    """The strongly connected components of more than one room (Tarjan, without recursion)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


# ---------------------------------------------------------------------------
# The tree, the offenders and the allow-list

def read_sources(root):
    sources = {}
    for dirpath, _dirs, files in os.walk(os.path.join(root, "src")):
        for name in files:
            if name.endswith((".c", ".h")):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    sources[os.path.relpath(path, root)] = f.read()
    return sources


def measure(root):
    """Every offender as an allow-list line, with what to print about it, and the cycles."""
    sources = read_sources(root)
    offenders = {}
    unreadable = []
    for path in sorted(sources):
        if not path.endswith(".c"):
            continue
        text = sources[path]
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if lines > MAX_FILE_LINES and not path.endswith("-tables.c"):
            offenders[f"file {path}"] = f"{lines} lines"
        try:
            for name, first, length in functions(text):
                if length > MAX_FUNCTION_LINES:
                    offenders[f"function {path} {name}"] = f"{length} lines from line {first}"
        except ValueError as e:
            unreadable.append(f"{path}: {e}")
    edges, why = include_graph(sources)
    all_cycles = cycles(edges)
    for component in all_cycles:
        members = set(component)
        for a in component:
            for b in sorted(edges[a] & members):
                offenders[f"cycle {a} -> {b}"] = "; ".join(why[(a, b)])
    return offenders, all_cycles, unreadable


def read_allowlist(path):
    entries, bad = [], []
    if not os.path.exists(path):
        return entries, bad
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            words = line.split()
            ok = ((words[0] == "function" and len(words) == 3) or (words[0] == "file" and len(words) == 2) or
                  (words[0] == "cycle" and len(words) == 4 and words[2] == "->"))
            (entries if ok else bad).append(line if ok else f"line {number}: {line}")
    return entries, bad


def check(root, allowlist_path):
    offenders, all_cycles, unreadable = measure(root)
    entries, bad = read_allowlist(allowlist_path)
    allowed = set(entries)
    results = []

    def result(ok, title, details):
        results.append((ok, title, details))

    kinds = (("function", f"functions over {MAX_FUNCTION_LINES} lines"),
             ("file", f".c files over {MAX_FILE_LINES} lines"),
             ("cycle", "includes inside include cycles in src/"))
    for kind, what in kinds:
        mine = sorted(k for k in offenders if k.split()[0] == kind)
        new = [k for k in mine if k not in allowed]
        details = [f"{k} ({offenders[k]}){'' if k in allowed else '  <- not allow-listed'}" for k in mine]
        if new:
            result(False, f"{len(new)} {what} not in the allow-list (fix them; the list only shrinks)", details)
        else:
            result(True, f"{len(mine)} {what}, each allow-listed", details)

    gone = [e for e in entries if e not in offenders]
    result(not gone and not bad,
           f"{len(gone)} allow-list entries are no offenders any more: remove them" if gone else
           f"{len(bad)} allow-list lines are not 'function PATH NAME', 'file PATH' or 'cycle A -> B'"
           if bad else f"every one of the {len(entries)} allow-list entries is still an offender",
           gone + bad)
    result(not unreadable, "every .c under src/ read" if not unreadable else
           f"{len(unreadable)} files could not be read", unreadable)

    print(f"1..{len(results)}")
    for number, (ok, title, details) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {title}")
        for d in details:
            print(f"#   {d}")
    return all(ok for ok, _title, _details in results)


# ---------------------------------------------------------------------------
# The checker on a made-up tree

def self_test():
    long_body = "".join(f"  x += {k};\n" for k in range(MAX_FUNCTION_LINES))
    files = {
        "src/core/short.c": '#include "short.h"\nstatic int\nshort_one (int x)\n{\n  return x;\n}\n',
        "src/core/short.h": "#pragma once\n",
        "src/core/long.c": ("/* } a brace in a comment */\nstatic const char *s = \"{\";\n"
                            "typedef struct { int a; } Thing;\nstatic int table[] = { 1, 2 };\n"
                            "G_DEFINE_TYPE (A, a, B)\n\nstatic int\nlong_one (int x)\n{\n" + long_body +
                            "  return x;\n}\n"),
        "src/core/big-tables.c": "int a;\n" * (MAX_FILE_LINES + 5),
        "src/core/big.c": "int b;\n" * (MAX_FILE_LINES + 5),
        "src/ui/a.c": '#include "a.h"\n#include "b.h"\n',
        "src/ui/a.h": "#pragma once\n",
        "src/ui/b-private.h": '#include "a.h"\n',
        "src/ui/b.c": '#include "b-private.h"\n',
        "src/ui/b.h": "#pragma once\n",
        # a cycle in the core counts as much as one in the UI
        "src/core/c.c": '#include "c.h"\n#include "d.h"\n',
        "src/core/c.h": "#pragma once\n",
        "src/core/d.c": '#include "d.h"\n',
        "src/core/d.h": '#include "c.h"\n',
    }
    tmp = tempfile.mkdtemp()
    failures = []
    try:
        for path, text in files.items():
            os.makedirs(os.path.join(tmp, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(tmp, path), "w", encoding="utf-8") as f:
                f.write(text)
        with open(os.path.join(tmp, "src/core/long.c"), encoding="utf-8") as f:
            got = functions(f.read())
        if got != [("long_one", 8, MAX_FUNCTION_LINES + 4)]:
            failures.append(f"functions of long.c: {got}")
        offenders, _cycles, _unreadable = measure(tmp)
        expected = {"function src/core/long.c long_one", "file src/core/big.c",
                    "cycle src/ui/a -> src/ui/b", "cycle src/ui/b -> src/ui/a",
                    "cycle src/core/c -> src/core/d", "cycle src/core/d -> src/core/c"}
        if set(offenders) != expected:
            failures.append(f"offenders: {sorted(offenders)}")
        allowlist = os.path.join(tmp, "allow.txt")
        cases = (("".join(e + "\n" for e in sorted(expected)), True),
                 ("".join(e + "\n" for e in sorted(expected)[1:]), False),
                 ("".join(e + "\n" for e in sorted(expected)) + "function src/core/short.c short_one\n", False),
                 ("".join(e + "\n" for e in sorted(expected)) + "file\n", False))
        for text, passes in cases:
            with open(allowlist, "w", encoding="utf-8") as f:
                f.write(text)
            with open(os.devnull, "w") as devnull:
                saved, sys.stdout = sys.stdout, devnull
                try:
                    verdict = check(tmp, allowlist)
                finally:
                    sys.stdout = saved
            if verdict != passes:
                failures.append(f"allow-list {text!r}: {'passed' if verdict else 'failed'}")
    finally:
        shutil.rmtree(tmp)
    print("1..1")
    print(("not ok" if failures else "ok") + " 1 - the checker finds long functions, big files and "
          "include cycles in core and ui, and holds the allow-list to them")
    for f in failures:
        print("#   " + f)
    return not failures


def main(argv):
    if argv[1:2] == ["--self-test"]:
        return 0 if self_test() else 1
    if argv[1:2] == ["--offenders"] and len(argv) == 3:
        offenders, _cycles, _unreadable = measure(argv[2])
        for entry in sorted(offenders):
            print(entry)
        return 0
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    allowlist = argv[2] if len(argv) == 3 else os.path.join(root, "tests", "house-allowlist.txt")
    return 0 if check(root, allowlist) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
