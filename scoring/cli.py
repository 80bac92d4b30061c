"""The ``scoring`` command line (SPEC §3).

Exit codes: 0 done; 1 a ``--fail-under`` not met, or ``check`` found an error-level finding;
2 the input, the rule set or the command line is wrong (a message on stderr, no traceback
unless ``--debug``); 3 an internal fault of scoring itself.

``scoring --version`` imports nothing but this module; the parsers (:mod:`scoring.parser`) are
built for any other command line, and each command imports what it needs when it runs.
"""

from __future__ import annotations

import sys

from .i18n import _

# typing and argparse are left unimported for `scoring --version`: they would be most of its
# start-up (type checkers treat any name TYPE_CHECKING as true)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_FAIL, EXIT_USER, EXIT_INTERNAL = 0, 1, 2, 3


# Each command, in the order help lists them: the module of scoring.commands that runs it, and
# its function there.
COMMAND_FUNCTIONS = {
    "score": ("scoring", "cmd_score"),
    "check": ("scoring", "cmd_check"),
    "compare": ("scoring", "cmd_compare"),
    "whatif": ("whatif", "cmd_whatif"),
    "convert": ("files", "cmd_convert"),
    "template": ("files", "cmd_template"),
    "demo": ("scoring", "cmd_demo"),
    "report": ("report", "cmd_report"),
    "rules": ("info", "cmd_rules"),
    "schema": ("info", "cmd_schema"),
    "plugins": ("info", "cmd_plugins"),
    "completion": ("info", "cmd_completion"),
}
COMMANDS = tuple(COMMAND_FUNCTIONS)


def main(argv: list[str] | None = None) -> int:
    """The command line: the language first (``--lang``, then the environment: see
    :mod:`scoring.i18n`), then the command; returns the exit code."""
    from . import i18n

    program = argv is None  # this process's own command line, not a call from Python
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--version"] and _version_written():
        return EXIT_OK
    if program:
        _exit_without_collecting()
        _end_cleanly_on_sigterm()
    try:
        i18n.use(_asked_language(argv))
    except i18n.UnknownLanguage as exc:
        from .inert import terminal

        print(
            _("scoring: error: {message}").format(
                message=_("{source} {value}: no such language").format(
                    source=exc.source, value=terminal(repr(exc.value))
                )
            )
            + "\n  → "
            + _("zh (Chinese, the default) or en (English)"),
            file=sys.stderr,
        )
        return EXIT_USER
    import argparse

    argparse_messages = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    # argparse looks its own messages up through these two names at each use: pointing them at
    # the chosen catalog translates its headings and errors, and only while the command runs
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    try:
        return _run(argv)
    finally:
        argparse._, argparse.ngettext = argparse_messages  # type: ignore[attr-defined]
        i18n.use_environment()  # a later call in this process chooses again


def _exit_without_collecting() -> None:
    """When the process ends, the garbage collector leaves the run's objects alone.

    Everything a run built — modules, classes, plugins, the rule set, results, the drawn view,
    tens of thousands of objects — is still there when the process ends, and Python's shutdown
    walks all of it with the garbage collector, several times over, looking for reference
    cycles in memory the operating system is about to take back whole: for a one-file run, a
    tenth of its time. Frozen at exit (``gc.freeze``, after the command has returned and its
    output is written), the objects are left out of those walks; each is still let go as
    Python tears its modules down, and only cycles among them are left to the operating
    system (Python does not promise ``__del__`` for objects alive at exit). Registered once,
    and only when :func:`main` reads the process's own command line (no ``argv`` given), as
    the ``scoring`` command and ``python -m scoring`` do."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def _version_written() -> bool:
    """``scoring --version`` alone, answered before anything is imported or parsed (a bare
    interpreter's start-up, nearly); False when standard output could not take it, for the full
    path to say why as any command does."""
    from . import __version__

    try:
        sys.stdout.write(f"scoring {__version__}\n")
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):  # a full disk, a closed or absent stdout
        return False
    return True


def _end_cleanly_on_sigterm() -> None:
    """SIGTERM (``kill``, ``timeout``) and SIGHUP (the terminal closed) end the run as Ctrl-C
    does, through the code's own clean-up — a half-written output's temporary file removed,
    the file -o names left as it was — with exit 128 + the signal, instead of the process
    vanishing at once. Only for the process's own command line
    (:func:`_exit_without_collecting`); a SIGHUP ignored (``nohup``) stays ignored."""
    import signal

    def ended(number, frame):
        raise SystemExit(128 + number)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, ended)


def build_parser(files: object = None) -> argparse.ArgumentParser:
    """The command line's parsers (:func:`scoring.parser.build_parser`)."""
    from .parser import build_parser as build

    return build(files)


def _asked_language(argv: list[str]) -> str | None:
    """The value of ``--lang`` (``--lang en`` or ``--lang=en``) anywhere before ``--``."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


# options before the command that take a value: the command is the first word after them
_VALUED = ("-p", "--lang")


def _mistyped_command(argv: list[str]) -> str | None:
    """The first word where the command belongs when it is no command (``scoring scroe``)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _VALUED:
            skip = True
        elif word == "--":
            return None
        elif not word.startswith("-"):
            return None if word in COMMANDS else word
    return None


# the options scoring itself takes, before the command (argparse takes a long one shortened)
_OWN_OPTIONS = ("-h", "--help", "--version", "--debug", "--lang", "-p")


def _option_before_command(argv: list[str]) -> tuple[str, str, str] | None:
    """An option scoring itself does not take, written before the command (``scoring --format
    json score a.toml``): the option, the word after it when that is not the command (its value,
    perhaps), and the command after it ("" when none is). argparse would take the option's value
    for the command."""
    skip = False
    for index, word in enumerate(argv):
        if skip:
            skip = False
        elif word in _VALUED:
            skip = True
        elif word == "--" or not word.startswith("-"):
            return None
        elif not _own_option(word):
            rest = argv[index + 1 :]
            value = rest[0] if rest and rest[0] not in COMMANDS else ""
            return word, value, next((w for w in rest if w in COMMANDS), "")
    return None


def _misplaced(parser, option: str, value: str, command: str) -> int:
    """Say an option written before the command: one of scoring's own mistyped (``--verison``),
    one of the command's (to go after it), or one that neither takes."""
    from .errors import closest, did_you_mean
    from .inert import terminal

    if option.startswith("--"):  # --format=json
        name, equals, attached = option.partition("=")
    else:  # -f, or -fjson with its value attached
        name, equals, attached = option[:2], "", option[2:]
    said = _("{option} is not an option of scoring itself").format(
        option=terminal(repr(name), lines=False)
    )
    own = did_you_mean(name, [o for o in _OWN_OPTIONS if o.startswith("--")])
    if own is not None:
        return _usage_error(parser, said, own)
    if not command:
        return _usage_error(parser, said, _("see `{command} --help`").format(command="scoring"))
    taken = [o for a in _command_parser(parser, command)._actions for o in a.option_strings]
    meant = name if name in taken else closest(name, taken)
    if meant is None:
        hint = _("neither scoring nor {command} takes it: see `scoring {command} --help`")
        return _usage_error(parser, said, hint.format(command=command))
    written = (meant, "=", attached) if equals else (meant, " ", attached or value)
    shown = "".join(written).strip()
    return _usage_error(
        parser,
        said,
        _("a command's options go after its name: scoring {command} … {option}").format(
            command=command, option=terminal(shown, lines=False)
        ),
    )


def _command_parser(parser, command: str):
    """The parser of ``command``, a subcommand of ``parser``."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[command]
    raise LookupError(command)


def _own_option(word: str) -> bool:
    if word.startswith("-p") and not word.startswith("--"):
        return True  # -pno:NAME
    name = word.split("=", 1)[0]
    return name in _OWN_OPTIONS or (
        name.startswith("--") and len(name) > 2 and any(o.startswith(name) for o in _OWN_OPTIONS)
    )


def _usage_error(parser, message: str, hint: str) -> int:
    parser.print_usage(sys.stderr)
    print(_("scoring: error: {message}").format(message=message) + f"\n  → {hint}", file=sys.stderr)
    return EXIT_USER


def _empty_value(parser, args) -> int | None:
    """A value given empty (``-o ""``, ``--with "$T"`` with T unset, a file named ``""``): said
    as naming nothing, before any work, instead of read as the current folder or the default."""
    from .parser import chosen_parser

    chosen = chosen_parser(parser, args)
    for action in chosen._actions:
        value = getattr(args, action.dest, None)
        values = value if isinstance(value, list) else [value]
        if not any(isinstance(v, str) and not v.strip() for v in values):
            continue
        if action.option_strings:
            option = "/".join(action.option_strings)
            if action.dest == "output":
                hint = _("give a file's name after -o (e.g. -o 结果.json), or leave -o out")
            else:
                hint = _("give a value after {option}, or leave it out").format(option=option)
            said = _("{option} is empty: it names nothing").format(option=option)
        else:
            said = _("a file's name is empty")
            hint = _("check the command line: a variable left unset gives an empty name")
        return _usage_error(chosen, said, hint)
    return None


def _run(argv: list[str]) -> int:
    parser = build_parser()
    misplaced = _option_before_command(argv)
    if misplaced is not None:
        return _misplaced(parser, *misplaced)
    mistyped = _mistyped_command(argv)
    if mistyped is not None:
        from .errors import did_you_mean
        from .inert import terminal

        hint = did_you_mean(mistyped, COMMANDS) or _("commands: {names}").format(
            names=", ".join(COMMANDS)
        )
        return _usage_error(
            parser, _("no command is called {name}").format(name=terminal(repr(mistyped))), hint
        )
    _quiet_broken_pipes()  # help is output too: UTF-8 when piped
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USER
    except BrokenPipeError:  # `scoring --help | head -1`: as for a command's output
        from .commands import _silence

        _silence(sys.stdout)
        return EXIT_OK
    except Exception as exc:  # --help or --version could not be written
        return _said(exc, debug="--debug" in argv)
    if getattr(args, "output", None) == "-" and args.command != "convert":
        args.output = None  # `-o -` is standard output (convert's -o names a format by its suffix)
    empty = _empty_value(parser, args)
    if empty is not None:
        return empty
    from .commands import _STREAM, _silence

    # A plugin's printing goes to standard error; the command's output to the real stdout
    # (None when the process was started with it closed: a command that writes there says so).
    _STREAM[:] = [sys.stdout]
    sys.stdout = sys.stderr
    try:
        _configure_plugins(args.plugin_options + getattr(args, "plugin_options_after", []))
        return _command(args.command)(args)
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C ends the run quietly
        return 130
    except BrokenPipeError:
        # `scoring … | head` stopped reading: nothing more to say, and nowhere to say it
        _silence(_STREAM[0])
        return EXIT_OK
    except Exception as exc:
        return _said(exc, getattr(args, "debug", False))
    finally:
        sys.stdout = _STREAM[0]  # None again when it was closed
        _STREAM.clear()


def _said(exc: Exception, debug: bool) -> int:
    """An error on standard error, and the exit code for it: the user's (2) or scoring's own
    fault (3); under --debug after its traceback (the exit code stays what it says)."""
    from .errors import ScoringError
    from .inert import terminal

    if debug:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, ScoringError):
        print(_("scoring: error: {message}").format(message=exc.render()), file=sys.stderr)
        return EXIT_USER
    print(
        _("scoring: internal error: {message}").format(
            message=f"{type(exc).__name__}: {terminal(exc)}"
        )
        + "\n  → "
        + _(
            "this is a fault in scoring, not in your files; run again with --debug and "
            "report the traceback"
        ),
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _configure_plugins(options: list[str]) -> None:
    """`-p no:NAME`: the host of this run, built by the one function every host is built by,
    leaves those plugins out."""
    if not options:
        return
    from .errors import UsageError
    from .host import build_host, set_default_host

    blocked = []
    for option in options:
        if not option.startswith("no:") or not option[3:]:
            raise UsageError(
                _("-p {option}: only -p no:NAME is understood").format(option=repr(option)),
                hint=_("plugins load from their entry points; -p no:NAME disables one"),
            )
        blocked.append(option[3:])
    set_default_host(build_host(blocked=tuple(blocked)))


def _quiet_broken_pipes() -> None:
    """`scoring … | head` must not end in a traceback; warnings print as one plain line."""
    import warnings

    from .inert import terminal

    # a plugin's warning quotes what the plugin raised or registered: shown, never acted on
    warnings.formatwarning = lambda message, *a, **k: (
        _("scoring: warning: {message}").format(message=terminal(message)) + "\n"
    )
    # Piped, the output is UTF-8 whatever the locale. Text with no UTF-8 form (half of a UTF-16
    # pair) is said, as when writing a file with -o, rather than replaced unseen; a message on
    # standard error is printed whatever it holds.
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "replace")):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors=errors)


def _command(name: str):
    """The function of command ``name``, its module imported now and no other's (start-up
    stays light)."""
    from importlib import import_module

    module, function = COMMAND_FUNCTIONS[name]
    return getattr(import_module(f".commands.{module}", __package__), function)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
