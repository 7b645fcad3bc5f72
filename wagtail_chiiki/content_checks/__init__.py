"""The content rules applied to Wagtail pages: text extraction, checker, fixes, audit and report."""
