"""What the account's fields are called wherever a person reads them: the profile screen and the exported
plan (Markdown, HTML) both take their words from here, by the document's field names."""

ECONOMICS_LABELS = {
    "industry": "Industry",
    "currency": "Currency",
    "planning_horizon_years": "Planning horizon",
    "annual_revenue": "Their annual revenue",
    "wallet": "Their spend in our category",
    "our_revenue": "Our revenue with them",
    "cost_to_serve": "Our cost to serve them",
}
# Computed from the economics, never typed in.
COMPUTED_LABELS = {
    "share_of_wallet": "Share of wallet",
    "margin": "Margin with them",
}
PROFILE_LABELS = {
    "strategy": "Strategy",
    "vision": "Vision",
    "core_values": "Core values",
    "initiatives": "Key initiatives",
    "culture": "Culture",
    "history": "History",
    "decision_process": "How they decide",
    "goals": "Goals",
    "pressures": "Pressures they face",
    "changes": "What is changing",
}
SEGMENTATION_LABELS = {
    "buying_preference": "How they prefer to buy",
    "partnership_willingness": "Willingness to partner",
    "competency_fit": "Fit with our competencies",
}
ACCOUNT_LABELS = {**ECONOMICS_LABELS, **COMPUTED_LABELS, **PROFILE_LABELS, **SEGMENTATION_LABELS}
