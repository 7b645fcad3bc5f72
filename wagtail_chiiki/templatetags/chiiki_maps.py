"""Template tags for the organization map: Leaflet and the map script, linked once per page."""

from __future__ import annotations

from weakref import WeakSet

from django import template

register = template.Library()

# The requests whose page has linked the map files already. A page may show several maps (the map
# view, MapBlocks in a stream); blocks render in contexts of their own, so the request is what they
# share.
_linked: WeakSet = WeakSet()


@register.inclusion_tag("wagtail_chiiki/includes/map_assets.html", takes_context=True)
def chiiki_map_assets(context) -> dict:
    """``{% chiiki_map_assets %}``: Leaflet's stylesheet and script and ``map.js``, the first time a page asks."""
    request = context.get("request")
    if request is None:
        return {"link": True}
    first = request not in _linked
    _linked.add(request)
    return {"link": first}
