"""User text made inert on its way out: whatever a file says is shown, never obeyed."""

from __future__ import annotations
