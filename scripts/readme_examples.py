#!/usr/bin/env python3
"""Refresh the README's example outputs from the release binary.

Every example in README.md is a command line `    $ ofsted-diff ...` followed by a fenced
block; this script runs each command (with the release binary, 100 columns, no colour)
and puts its output in the block (as a terminal shows it: a table unless the command
asks for a format). The Luton file names of the examples are links to the
dev corpus beside the repository (../shared/corpus/dev/text).

    cargo build --release && scripts/readme_examples.py          # rewrite README.md
    scripts/readme_examples.py --check                           # exit 1 if out of date
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "dev", "text")
BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "ofsted-diff")
# The example names and the dev-corpus files they stand for.
LINKS = {
    "luton_24_february_2020.txt": "80520_luton__24_february_2020.txt",
    "luton_05_september_2022.txt": "80520_luton__05_september_2022.txt",
    "luton_10_march_2026.txt": "80520_luton__10_march_2026.txt",
    "luton_2016.txt": "80520_luton__29_march_2016.txt",
    "luton_2020.txt": "80520_luton__24_february_2020.txt",
    "luton_2022.txt": "80520_luton__05_september_2022.txt",
    "luton_2026.txt": "80520_luton__10_march_2026.txt",
}
EXAMPLE = re.compile(r"^    \$ (ofsted-diff\b[^\n]*)\n\n(```[a-z]*)\n.*?^```$", re.M | re.S)


def main() -> int:
    check = "--check" in sys.argv[1:]
    if not os.path.exists(BIN):
        print(f"readme_examples: no binary at {BIN}; run cargo build --release", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        for name, target in LINKS.items():
            os.symlink(os.path.join(CORPUS, target), os.path.join(work, name))
        os.symlink(os.path.join(ROOT, "fixtures"), os.path.join(work, "fixtures"))
        env = dict(os.environ, COLUMNS="100", NO_COLOR="1", PATH=os.path.dirname(BIN) + os.pathsep + os.environ["PATH"])

        def run(m: re.Match) -> str:
            command, fence = m.group(1), m.group(2)
            # The README shows what a terminal shows: a table unless a format is asked for
            # (this script's output is a pipe, whose default is JSON).
            shell = command
            if "--format" not in command and " -f " not in command and " validate " not in command:
                first, _, rest = command.partition(" | ")
                shell = first + " --format table" + (" | " + rest if rest else "")
            out = subprocess.run(shell, shell=True, cwd=work, env=env, capture_output=True, text=True)
            if out.stderr.strip() and not out.stdout:
                raise SystemExit(f"readme_examples: `{command}` failed: {out.stderr.strip()}")
            return f"    $ {command}\n\n{fence}\n{out.stdout.rstrip()}\n```"

        path = os.path.join(ROOT, "README.md")
        old = open(path, encoding="utf-8").read()
        new = EXAMPLE.sub(run, old)
    if check:
        if new != old:
            print("readme_examples: README.md examples are out of date; run scripts/readme_examples.py", file=sys.stderr)
            return 1
        return 0
    if new != old:
        open(path, "w", encoding="utf-8").write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
