"""Tests that drive a real Chromium through Playwright against the demo site (marker ``browser``)."""
