"""HTML escaping shared by the renderers (MicroPython has no ``html`` module)."""


def escape(text) -> str:
    """Text made safe for HTML content and quoted attribute values."""
    text = text if isinstance(text, str) else str(text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
