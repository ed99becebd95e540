"""kamplan: plan your key accounts in the terminal."""

__version__ = "0.1.0"
