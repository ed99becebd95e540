"""A component class's style for text drawn over the widget's own background."""

from rich.style import Style
from textual.widget import Widget


def text_style(widget: Widget, name: str) -> Style:
    """The component's colour and text style, without its background: to combine with others (a band,
    a cursor). A partial Rich style would drop the colour's alpha ($text-muted is the text colour at
    60 %, which would come out as full text colour); the whole style blends it over the background."""
    partial = widget.get_component_rich_style(name, partial=True)
    if partial.color is None:
        return partial
    return partial + Style(color=widget.get_component_rich_style(name).color)
