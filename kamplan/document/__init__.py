"""The JSON plan document: its pydantic model, field rules, references and validation messages.

Below both the store (which reads and writes documents) and interchange (which formats them)."""
