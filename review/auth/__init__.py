"""Identity for a shared review (issue 17): who someone is (accounts, single sign-on), what their role
lets them do (roles), and the record of what each person did (audit). No Streamlit here: the app's
sign-in gate and the CLI are thin shells over these modules."""
