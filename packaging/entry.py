"""The standalone build's program: `xltools …` like the installed command; with no arguments (started
by a double-click or a shortcut) it opens the page on 「xltools工作台」 in the user's documents.

PyInstaller starts here (packaging/build.py). A double-clicked program's window closes as soon as it
ends, so when the page could not start the window waits for Enter and the clerk can read why.
"""

from __future__ import annotations

import sys


def main() -> int:
    from xltools.cli import main as cli_main

    if len(sys.argv) > 1:
        return cli_main(sys.argv[1:])
    from xltools.cli.serve import default_workbench

    code = cli_main(["serve", str(default_workbench())])
    if code not in (0, 130) and sys.stdin is not None and sys.stdin.isatty():
        input("按回车键关闭窗口。")
    return code


if __name__ == "__main__":
    sys.exit(main())
