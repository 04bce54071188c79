"""The core library: plain Python, no UI. It must never import textual (a test enforces it)."""
