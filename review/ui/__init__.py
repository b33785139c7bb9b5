"""Helpers for the Streamlit screens that need no Streamlit: finding the review, highlighting
protocol terms safely, formatting works for display. Kept apart so they are unit-tested directly."""
