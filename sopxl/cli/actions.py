"""Commands made of actions (``sopxl excel build | install | uninstall``), and their two languages.

``add_actions`` gives a command its action subparsers, each with ``--lang``; ``run_action``
calls the chosen one, or says which exist when none was given. Messages are written with
``say(args, indonesian, english)`` so each text sits next to its translation.
"""
from __future__ import annotations

import argparse
from typing import Callable, TextIO

Action = Callable[[argparse.Namespace, TextIO, TextIO], int]


def add_actions(sub: argparse._SubParsersAction, command: str, help_text: str,
                actions: dict[str, str]) -> dict[str, argparse.ArgumentParser]:
    """The command's parser with one subparser per action (name -> help); each takes --lang."""
    p = sub.add_parser(command, help=help_text)
    _lang(p)
    chosen = p.add_subparsers(dest="action", metavar="TINDAKAN")
    parsers = {}
    for name, text in actions.items():
        parsers[name] = chosen.add_parser(name, help=text)
        _lang(parsers[name])
    return parsers


def _lang(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: an action's own default must not overwrite --lang given before the action.
    p.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS, help="bahasa pesan (id/en)")


def run_action(command: str, actions: dict[str, Action], args: argparse.Namespace,
               out: TextIO, err: TextIO) -> int:
    action = actions.get(getattr(args, "action", None) or "")
    if action is not None:
        return action(args, out, err)
    names = " | ".join(actions)
    out.write(say(args, f"Pakai: sopxl {command} {names} (lihat 'sopxl {command} --help').\n",
                  f"Usage: sopxl {command} {names} (see 'sopxl {command} --help').\n"))
    return 0


def say(args: argparse.Namespace, indonesian: str, english: str) -> str:
    return english if getattr(args, "lang", "id") == "en" else indonesian
