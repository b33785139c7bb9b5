"""Accounts: the lead adds people, sets roles and passwords, and disables accounts (as `review user`)."""

import streamlit as st

from review.app import common
from review.app.common import _, word
from review.auth.accounts import add_account, list_accounts, set_disabled, set_password, set_role
from review.auth.roles import ROLES

review = common.review_context()
lead = common.require_name(review)
common.require_role(review, "accounts")

st.title(_("Accounts"))
st.caption(
    _(
        "Once any account exists, every page asks for a sign-in. Passwords are stored as argon2 hashes "
        "and never shown; every change here is recorded in the audit trail."
    )
)

with review.store.read() as conn:
    accounts = list_accounts(conn)
if accounts:
    st.dataframe(
        [
            {
                _("Name"): a.name,
                _("Role"): word(a.role),
                _("Status"): _("disabled") if a.disabled else _("active"),
                _("Password"): _("yes") if a.has_password else _("no"),
                _("Single sign-on"): a.email or a.subject or "",
                _("Added"): a.created_at[:16],
            }
            for a in accounts
        ],
        hide_index=True,
    )
else:
    st.info(_("No accounts yet: the app runs in solo mode on this computer. Add yourself as lead first."))

with st.form("account_add", clear_on_submit=True):
    st.markdown(_("**Add an account**"))
    cols = st.columns(3)
    name = cols[0].text_input(_("Name"), key="acc_name", max_chars=200)
    role = cols[1].selectbox(_("Role"), ROLES, index=1, key="acc_role", format_func=word)
    email = cols[2].text_input(_("E-mail for single sign-on (optional)"), key="acc_email", max_chars=320)
    password = st.text_input(_("Password (leave empty for single sign-on only)"), type="password", key="acc_pw")
    if st.form_submit_button(_("Add"), type="primary"):
        common.attempt(
            lambda: add_account(review.store, name, role, password=password or None, email=email or None, actor=lead),
            done=lambda a: _("Added {name} ({role})").format(name=a.name, role=word(a.role)),
        )
        st.rerun()

if accounts:
    names = [a.name for a in accounts]
    with st.form("account_change", clear_on_submit=True):
        st.markdown(_("**Change an account**"))
        cols = st.columns(3)
        who = cols[0].selectbox(_("Account"), names, key="acc_who")
        new_role = cols[1].selectbox(
            _("New role"),
            [None, *ROLES],
            key="acc_new_role",
            format_func=lambda r: _("(keep)") if r is None else word(r),
        )
        status = cols[2].selectbox(
            _("Status"),
            [None, "active", "disabled"],
            key="acc_status",
            format_func=lambda s: _("(keep)") if s is None else word(s),
        )
        new_password = st.text_input(_("New password (optional)"), type="password", key="acc_new_pw")
        if st.form_submit_button(_("Apply")):
            if new_role:
                chosen_role: str = new_role
                common.attempt(
                    lambda: set_role(review.store, who, chosen_role, actor=lead),
                    done=lambda a: _("{name} is now {role}").format(name=a.name, role=word(a.role)),
                )
            if status:
                common.attempt(
                    lambda: set_disabled(review.store, who, status == "disabled", actor=lead),
                    done=lambda a: _("{name} is {status}").format(name=a.name, status=word(str(status))),
                )
            if new_password:
                common.attempt(
                    lambda: set_password(review.store, who, new_password, actor=lead),
                    done=lambda a: _("New password set for {name}").format(name=a.name),
                )
            st.rerun()
