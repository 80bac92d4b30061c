"""The Jinja2 environments of the drafted report: where templates are found, how user text is
made inert in each format, and what a faulty template tells the user.

Templates are looked up in the folders given (``--template DIR`` or a plugin's), first first,
then in the built-in folder: a folder needs only the files it changes. Each format has its own
environment, sandboxed (a template reads the report's records and can change nothing) and
strict (a misspelt variable is an error, not an empty string):

- ``html`` — autoescape; every value a template prints goes through
  :func:`scoring.inert.html_text`;
- ``md`` — every value printed goes through :func:`scoring.inert.markdown_text`, so that a name
  opens no HTML, heading, table cell or link (the templates' own Markdown is written as is);
- ``docx`` — every value printed goes through :func:`scoring.inert.word_text`; the layout
  template drives :class:`scoring.draft.docx.WordDocument` rather than printing.

A template with a syntax error, a name the report does not have, or an operation the sandbox
refuses is a :class:`~scoring.errors.UsageError` (exit 2) naming the template's file and line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..i18n import _
from ..inert import html_text, markdown_text, word_text
from . import BUILTIN, TO_COMPLETE


def _hint() -> str:
    """What to do about a faulty template."""
    return _(
        "correct the template; docs/reports.md lists the variables, and the built-in templates "
        "are in {folder}"
    ).format(folder=BUILTIN)


def write(fmt: str, kind: str, variables: dict[str, Any], folders: list[Path]) -> str | bytes:
    """``kind`` (report or combined) in ``fmt`` from its layout template ``KIND.FMT.j2``; text
    for md and html, a .docx's bytes for docx. Raises UsageError for a faulty template."""
    env = environment(fmt, folders)
    name = f"{kind}.{fmt}.j2"
    try:
        if fmt == "docx":
            return _word(env, name, variables, folders)
        if fmt == "html":
            from .html import charts

            variables = {**variables, "charts": charts(variables)}
        return env.get_template(name).render(**variables)
    except Exception as exc:
        raise _template_error(exc, name) from None


def environment(fmt: str, folders: list[Path]):
    """The sandboxed, strict environment of ``fmt``, searching ``folders`` then the built-in
    templates."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loader = ChoiceLoader([FileSystemLoader(str(folder)) for folder in [*folders, BUILTIN]])
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        autoescape=fmt in ("html", "md"),
        finalize=_FINALIZERS[fmt](),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["todo"] = _todo_filter(fmt)
    env.filters["sentence"] = sentence
    return env


def sentence(text: Any) -> Any:
    """``text | sentence``: a text as filed, ending in a full stop (。 added when it has no
    closing punctuation of its own)."""
    value = text if isinstance(text, str) else str(text)
    return value if not value or value.rstrip()[-1:] in "。！？.!?；;" else value + "。"


def find_file(name: str, folders: list[Path]) -> Path:
    """The first ``name`` in ``folders``, else the built-in one (the Word styles, report.docx)."""
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return BUILTIN / name


def _word(env, name: str, variables: dict[str, Any], folders: list[Path]) -> bytes:
    from .docx import WordDocument

    document = WordDocument(find_file("report.docx", folders))
    env.get_template(name).render(doc=document, **variables)  # the template drives the document
    return document.to_bytes()


def _finalize_html():
    from markupsafe import Markup

    def finalize(value: Any) -> Any:
        if hasattr(value, "__html__"):
            return value  # a macro's output, already made of escaped parts
        return Markup(html_text("" if value is None else value))

    return finalize


def _finalize_markdown():
    # Autoescape is on so that a macro's output (Markup) is kept as it is; every other value is
    # made inert for Markdown and marked as done, so that autoescape does not escape it again.
    from markupsafe import Markup

    def finalize(value: Any) -> Any:
        if hasattr(value, "__html__"):
            return value
        return Markup(markdown_text("" if value is None else value))

    return finalize


def _finalize_word():
    def finalize(value: Any) -> str:
        return word_text("" if value is None else value)

    return finalize


_FINALIZERS = {"html": _finalize_html, "md": _finalize_markdown, "docx": _finalize_word}


def _todo_filter(fmt: str):
    """``text | todo``: what the unit must complete, highlighted in HTML (a ``<mark>``); in
    Markdown and Word left as it is (Word highlights it as it writes the runs)."""
    if fmt != "html":
        return lambda text: text
    from markupsafe import Markup, escape

    def todo(text: Any) -> Any:
        safe = escape(text)  # Markup stays as it is; plain text is escaped first
        return Markup(TO_COMPLETE.sub(lambda m: f"<mark>{m.group()}</mark>", str(safe)))

    return todo


def _template_error(exc: Exception, name: str) -> Exception:
    """The user's error for a fault in a template; an error of scoring itself is returned as it
    is (a fault in the built-in templates is scoring's)."""
    from jinja2 import TemplateError, TemplateSyntaxError

    if isinstance(exc, UsageError):
        return exc
    if isinstance(exc, TemplateSyntaxError):
        place = exc.filename or exc.name or name
        return UsageError(
            _("{file}: line {line}: template syntax error: {message}").format(
                file=place, line=exc.lineno, message=exc.message
            ),
            hint=_hint(),
            code="template-invalid",
        )
    file, line = _template_frame(exc)
    if not isinstance(exc, TemplateError) and (file is None or _builtin(file)):
        return exc
    if line:
        said = _("{file}: line {line}: {message}").format(
            file=file or name, line=line, message=_describe(exc)
        )
    else:
        said = _("{file}: {message}").format(file=file or name, message=_describe(exc))
    return UsageError(said, hint=_hint(), code="template-invalid")


def _describe(exc: Exception) -> str:
    from jinja2 import TemplateNotFound, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateNotFound):
        return _("no template {name} in the template folders or the built-in ones").format(
            name=repr(exc.name)
        )
    if isinstance(exc, UndefinedError):
        return _undefined(exc.message or "")
    if isinstance(exc, SecurityError):
        return _("the template does what a report template may not: {message}").format(message=exc)
    return f"{type(exc).__name__}: {exc}"


# Jinja2's words for what a template named and the report does not have: a variable, an
# attribute of an object (``'scoring.draft.context.Report object' has no attribute 'x'``), an
# element of a list or table.
_NO_VARIABLE = re.compile(r"'(?P<name>[^']*)' is undefined")
_NO_ATTRIBUTE = re.compile(
    r"'?(?:[\w.]*\.)?(?P<owner>\w+) object'? has no (?:attribute|element) (?P<name>.+)"
)


def _undefined(message: str) -> str:
    """What Jinja2 said was undefined, in the interface's words: the variable, or the part of a
    record, a template asked for and the report does not have."""
    found = _NO_VARIABLE.fullmatch(message)
    if found:
        return _("the report has no variable {name}").format(name=found["name"])
    found = _NO_ATTRIBUTE.fullmatch(message)
    if found:
        return _("the report's {owner} has no {name}").format(
            owner=found["owner"], name=found["name"].strip("'")
        )
    return _("the report has no such variable: {message}").format(message=message)


def _template_frame(exc: Exception) -> tuple[str | None, int | None]:
    """The template file and line where ``exc`` was raised: the innermost frame of the traceback
    that Jinja2 rewrote to point into a template."""
    found: tuple[str | None, int | None] = (None, None)
    trace = exc.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def _builtin(file: str) -> bool:
    try:
        return Path(file).resolve().is_relative_to(BUILTIN)
    except OSError:
        return False
