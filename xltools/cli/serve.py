"""`xltools serve`: the quarterly cycle as a local web page, on 127.0.0.1 only, behind a random token."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import click

DEFAULT_PORT = 8765
PORTS_TRIED = 20
HOST = "127.0.0.1"
WORKBENCH_NAME = "xltools工作台"


def default_workbench() -> Path:
    """The workbench a double-clicked standalone build opens: 「xltools工作台」 in the user's documents."""
    return documents_folder() / WORKBENCH_NAME


def documents_folder(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The user's documents folder, as the desktop names it.

    Windows: the Documents known folder (which may have been moved to D:\\ or OneDrive). Linux: the
    XDG documents folder from ~/.config/user-dirs.dirs (「~/文档」 on a Chinese 统信 UOS or 银河麒麟
    desktop). Otherwise, or when those say nothing, ~/Documents."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    home = Path(env.get("USERPROFILE" if platform == "win32" else "HOME") or Path.home())
    if platform == "win32" and sys.platform == "win32":
        known = _windows_documents()
        if known:
            return known
    elif platform not in ("win32", "darwin"):
        xdg = env.get("XDG_DOCUMENTS_DIR") or _xdg_user_dir(Path(env.get("XDG_CONFIG_HOME") or home / ".config"),
                                                           "XDG_DOCUMENTS_DIR")
        if xdg:
            folder = Path(xdg.replace("$HOME", str(home)))
            if folder != home:  # user-dirs.dirs sets a folder to $HOME when the desktop has none
                return folder
    return home / "Documents"


def _xdg_user_dir(config: Path, name: str) -> str | None:
    import shlex

    try:
        text = (config / "user-dirs.dirs").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key == name:
            return "".join(shlex.split(value))
    return None


def _windows_documents() -> Path | None:
    """SHGetKnownFolderPath(FOLDERID_Documents): where Windows keeps this user's documents."""
    import ctypes
    import uuid

    guid = uuid.UUID("{FDD39AD0-238F-46AF-ADB4-6C85480369C7}")
    buf = (ctypes.c_byte * 16).from_buffer_copy(guid.bytes_le)
    out = ctypes.c_wchar_p()
    if ctypes.windll.shell32.SHGetKnownFolderPath(ctypes.byref(buf), 0, None, ctypes.byref(out)) != 0:
        return None
    try:
        return Path(out.value) if out.value else None
    finally:
        ctypes.windll.ole32.CoTaskMemFree(out)


def free_port(start: int = DEFAULT_PORT, tries: int = PORTS_TRIED) -> int:
    """`start` when it is free on 127.0.0.1, else the next free one (bookmarks keep working)."""
    import errno
    import socket

    from ..errors import XlError

    for port in range(start, start + tries):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((HOST, port))
            except OSError as exc:
                if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                    continue
                raise
            return port
    raise XlError(f"端口 {start}–{start + tries - 1} 都被占用。", hint="请用 --port 指定其他端口，如 --port 9000。")


@click.command("serve")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True, help="端口；被占用时自动使用下一个空闲端口。")
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器。")
def serve(folder: str, port: int, no_browser: bool) -> None:
    """在本机浏览器中打开任务清单工作台（默认为当前文件夹）。

    只在 127.0.0.1 上提供服务；每次启动生成新的访问令牌，请使用显示的地址打开。按 Ctrl+C 退出。
    """
    import logging
    import secrets
    import webbrowser

    from werkzeug.serving import make_server

    from ..web.app import create_app

    token = secrets.token_urlsafe(24)
    app = create_app(folder, token=token)
    port = free_port(port)
    server = make_server(HOST, port, app, threaded=True)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    url = f"http://{HOST}:{port}/?token={token}"
    click.echo(f"任务清单工作台已启动：{url}")
    click.echo(f"工作台文件夹：{app.extensions['xltools']['workbench'].root}")
    click.echo("请勿把上面的地址发给他人。按 Ctrl+C 退出。")
    if not no_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        app.extensions["xltools"]["jobs"].shutdown()


COMMANDS = [serve]
