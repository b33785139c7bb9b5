"""The pages of the app: each file is a Streamlit page script, run by ``review/app/main.py``."""
