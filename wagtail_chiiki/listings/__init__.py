"""Read models: one module per listing, each owning its queryset and returning frozen dataclasses.

``visibility`` holds the one rule deciding which pages a visitor may see named; ``common`` holds
paging, site/locale scoping and de-duplication. docs/architecture.md describes the layers.
"""
