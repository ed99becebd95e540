"""The Markdown plan as a standalone HTML page (markdown-it-py, as rich already brings it)."""

import html

from markdown_it import MarkdownIt

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d2430; line-height: 1.45; }
h1 { border-bottom: 2px solid #2d6cdf; padding-bottom: .3rem; }
h2 { margin-top: 2rem; color: #2d6cdf; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c9d1dc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
blockquote { border-left: 4px solid #e0a100; margin: 0; padding: .2rem 1rem; background: #fff8e5; }
"""


# The page is self-contained: it may fetch nothing (an image or a font from the network would tell a
# third party when the plan was opened). The Markdown holds no links or images (user text is escaped in
# plan_markdown), and the page's policy forbids any fetch besides.
NO_FETCH = "default-src 'none'; style-src 'unsafe-inline'"
# Only the constructs plan_markdown writes are read: links, images, HTML, code and rules never are (and
# could not be, whatever the text), and every rule left out is work the parser does not do on a long plan
# (this renders the largest account in half the time CommonMark with those rules off takes).
ON = ["heading", "paragraph", "list", "table", "blockquote", "text", "escape", "newline", "emphasis"]


def plan_html(markdown: str, title: str) -> str:
    body = MarkdownIt("zero", {"html": False, "xhtmlOut": True}).enable(ON).render(markdown)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{NO_FETCH}">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
