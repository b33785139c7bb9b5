"""The screening workflow's rules: stages, decisions, teams, queues and counts. No UI code here."""
