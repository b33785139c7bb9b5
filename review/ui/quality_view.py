"""The protocol's quality rule applied to a work's ratings, said in the reader's language.

``screening.quality.assess`` decides (and words its reason in English for the command line and the
decision log); this only phrases the same counts for the page, naming criteria as the protocol does."""

from __future__ import annotations

from collections.abc import Callable

from review.protocol import Protocol
from screening.quality import Assessment


def quality_verdict(assessment: Assessment, protocol: Protocol, tr: Callable[[str], str] = str) -> str:
    rule, counts = protocol.quality_rule, assessment.counts
    if assessment.acceptable:
        return tr("acceptable: {yes} yes, {partly} partly, {unclear} unclear, {no} no").format(
            yes=counts["yes"], partly=counts["partly"], unclear=counts["unclear"], no=counts["no"]
        )
    labels = {c.id: c.label for c in protocol.quality_criteria}
    problems = []
    if assessment.missing:
        problems.append(
            tr("not rated: {criteria}").format(criteria=", ".join(labels.get(c, c) for c in assessment.missing))
        )
    if counts["no"] > rule.max_no:
        problems.append(
            tr("{count} criteria rated no (at most {allowed} allowed)").format(count=counts["no"], allowed=rule.max_no)
        )
    if counts["unclear"] > rule.max_unclear:
        problems.append(
            tr("{count} rated unclear (at most {allowed} allowed)").format(
                count=counts["unclear"], allowed=rule.max_unclear
            )
        )
    if counts["yes"] < rule.min_yes:
        problems.append(
            tr("only {count} rated yes (at least {needed} needed)").format(count=counts["yes"], needed=rule.min_yes)
        )
    return "; ".join(problems)
