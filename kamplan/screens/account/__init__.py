"""The account screen (screen.py) and its six sections, one module each. Sections tell the screen what
happened with Messages (section.py); they never call it."""
