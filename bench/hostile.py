"""Files written to break the game, each with the words its message must contain.

tests/hostile checks the messages; the bench times how fast each is refused.

Every one is built in memory by code, so the suite needs no large files in the repository.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.installation import shipped_scenarios

SHIPPED = sorted(shipped_scenarios().glob("*.yaml"))
MARKER = "HOSTILE-MARKER"  # a file named so would appear in the working folder if a tag ran a command


@dataclass(frozen=True)
class Hostile:
    name: str
    data: bytes
    expected: tuple[str, ...]  # words the message must contain


def _billion_laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        items = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{items}]")
    return "\n".join(lines) + "\ntitle: *lol9\n"


def _merge_explosion() -> str:
    lines = ["base0: &base0 {a: 1, b: 2}"]
    for level in range(1, 10):
        merged = ", ".join(f"*base{level - 1}" for _ in range(10))
        lines.append(f"base{level}: &base{level}\n  <<: [{merged}]\n  c{level}: {level}")
    return "\n".join(lines) + "\n"


def _block_nesting(levels: int) -> str:
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(levels)) + f"{'  ' * levels}end\n"


def _many_phrasings(count: int) -> str:
    head = "title: Many\nlanguage: en\nbuyer: {name: Ann}\nquote: {what: chairs}\ncalls:\n  - points:\n"
    points = []
    for point in range(count // 4):
        points.append(f"      - id: p{point}\n        buyer: Hello?\n        choices:\n")
        points.append("          - {say: Shall we?, aim: advance, reply: Yes., feedback: Asked.}\n" * 4)
    return head + "".join(points)


def cases() -> list[Hostile]:
    return [
        Hostile("a tag that runs a command", f"title: !!python/object/apply:os.system ['touch {MARKER}']\n".encode(),
                ("tag", "python/object/apply:os.system", "not allowed")),
        Hostile("a tag that names a Python function", b"title: !!python/name:os.system\n",
                ("tag", "python/name:os.system", "not allowed")),
        Hostile("a tag that builds a Python object", b"title: !!python/object:subprocess.Popen {args: [ls]}\n",
                ("tag", "not allowed")),
        Hostile("billion laughs through aliases", _billion_laughs().encode(), ("aliases", "not supported")),
        Hostile("an explosion of merge keys", _merge_explosion().encode(), ("merge keys", "not supported")),
        Hostile("a recursive anchor", b"title: &loop [a, *loop]\n", ("anchors", "not supported")),
        Hostile("flow nesting thousands deep", b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n",
                ("nesting deeper than 40 levels",)),
        Hostile("block nesting thousands deep", _block_nesting(3000).encode(), ("nesting deeper than 40 levels",)),
        Hostile("a file of tens of megabytes", b"title: Big\n" + (b"# " + b"x" * 98 + b"\n") * 300_000,
                ("larger than 16 MiB",)),
        Hostile("a line of a megabyte", b"title: " + b"x" * (1024 * 1024) + b"\n",
                ("characters long", "the limit is 20,000")),
        Hostile("NUL bytes", b"title: Tiny\x00\x00\nlanguage: en\n", ("NUL byte",)),
        Hostile("Latin-1 text", "title: Caf\u00e9 in Gent\n".encode("latin-1"), ("not UTF-8",)),
        Hostile("UTF-16 text", "title: Caf\u00e9 in Gent\n".encode("utf-16"), ("UTF-16",)),
        Hostile("UTF-16 text without a byte order mark", "title: Tiny\nlanguage: en\n".encode("utf-16-le"),
                ("UTF-16",)),
        Hostile("an include that leaves the folder", b"include: ../../etc/passwd\ntitle: Tiny\n",
                ("unknown key 'include'",)),
        Hostile("a hundred thousand phrasings", _many_phrasings(100_000).encode(), ("phrasings", "60,000", "limit")),
    ]
