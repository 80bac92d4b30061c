"""A page opened in headless Chromium, driven through the DevTools protocol over a pipe (no
library, no network port): what the console said, the page's text, and a screenshot.

Chromium is started with ``--remote-debugging-pipe``: it reads commands on its file descriptor
3 and writes replies and events on 4, each a JSON message ended by a NUL byte.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)


@dataclass
class Loaded:
    """What a page did when it was loaded: its console errors, its text, a PNG of it."""

    errors: list[str] = field(default_factory=list)
    text: str = ""
    png: bytes = b""


class _Pipe:
    def __init__(self, write_fd: int, read_fd: int) -> None:
        self.write_fd, self.read_fd = write_fd, read_fd
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, session: str | None = None, **params) -> dict:
        """A command and its reply (events that arrive meanwhile are kept)."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self, deadline: float = 60) -> dict:
        end = time.monotonic() + deadline
        while b"\0" not in self.buffer:
            if time.monotonic() > end:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.read_fd, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method: str, session: str) -> dict:
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(index)
        while True:
            event = self.receive()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)


def load(page: Path, width: int = 900, height: int = 1200, mobile: bool = False) -> Loaded:
    """``page`` loaded in headless Chromium at ``width`` × ``height`` CSS pixels."""
    assert CHROMIUM is not None
    to_chrome_read, to_chrome_write = os.pipe()
    from_chrome_read, from_chrome_write = os.pipe()
    profile = tempfile.mkdtemp(prefix="chromium-profile-")

    def arrange() -> None:  # in the child: its fds 3 and 4 are the pipe's ends
        os.dup2(to_chrome_read, 3)
        os.dup2(from_chrome_write, 4)

    process = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--remote-debugging-pipe",
            "--no-sandbox",  # the tests may run as root, where Chromium's sandbox refuses
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        pass_fds=(3, 4, to_chrome_read, from_chrome_write),  # kept open past the dup2s
        preexec_fn=arrange,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(to_chrome_read)
    os.close(from_chrome_write)
    pipe = _Pipe(to_chrome_write, from_chrome_read)
    try:
        return _visit(pipe, page, width, height, mobile)
    finally:
        try:
            pipe.send("Browser.close")
        except Exception:
            process.kill()
        process.wait(timeout=30)
        os.close(to_chrome_write)
        os.close(from_chrome_read)
        shutil.rmtree(profile, ignore_errors=True)


def _visit(pipe: _Pipe, page: Path, width: int, height: int, mobile: bool) -> Loaded:
    target = pipe.send("Target.createTarget", url="about:blank")["targetId"]
    session = pipe.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Page", "Runtime", "Log"):
        pipe.send(f"{domain}.enable", session)
    pipe.send(
        "Emulation.setDeviceMetricsOverride",
        session,
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=mobile,
    )
    pipe.send("Page.navigate", session, url=page.resolve().as_uri())
    pipe.wait_for("Page.loadEventFired", session)
    text = pipe.send(
        "Runtime.evaluate", session, expression="document.body.innerText", returnByValue=True
    )["result"]["value"]
    shot = pipe.send("Page.captureScreenshot", session, format="png", captureBeyondViewport=False)
    return Loaded(_errors(pipe.events, session), text, base64.b64decode(shot["data"]))


def _errors(events: list[dict], session: str) -> list[str]:
    """Console errors, uncaught exceptions and the browser's own error log entries."""
    found = []
    for event in events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(json.dumps(params["exceptionDetails"], ensure_ascii=False))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(json.dumps(params.get("args"), ensure_ascii=False))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            found.append(params["entry"].get("text", ""))
    return found
