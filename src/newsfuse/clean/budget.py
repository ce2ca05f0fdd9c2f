"""What one input may cost the cleaning stage: size limits and a time budget.

The limits are checked before the expensive work (a count of lines or tags costs a scan of
the text, scoring or parsing many times more), the time budget inside the cascades' loops:
an input past it is rejected as ``too_slow``, and nothing is interrupted from outside.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from newsfuse.errors import RejectedInput
from newsfuse.settings import Settings

__all__ = ["Budget"]


def _now() -> float:
    # CPU time of the cleaning thread: two cores shared with other jobs must not turn a
    # normal page into a reject, and waiting costs the input nothing.
    return time.thread_time()


@dataclass(frozen=True)
class Budget:
    """The limits of `Settings` for one input, and when its time runs out.

    Build one per input with :meth:`start`; the clock starts then.
    """

    max_lines: int
    max_html_elements: int
    max_html_children: int
    max_attributes: int
    max_attribute_chars: int
    max_table_cells: int
    seconds: float
    deadline: float = field(default=0.0)

    @classmethod
    def start(cls, settings: Settings | None = None) -> Budget:
        """A budget with the limits of ``settings`` (the defaults when None), starting now."""
        s = settings or Settings()
        return cls(
            max_lines=s.max_lines,
            max_html_elements=s.max_html_elements,
            max_html_children=s.max_html_children,
            max_attributes=s.max_attributes,
            max_attribute_chars=s.max_attribute_chars,
            max_table_cells=s.max_table_cells,
            seconds=s.clean_seconds,
            deadline=_now() + s.clean_seconds,
        )

    def check(self, step: str) -> None:
        """Reject the input when its time is up.

        Args:
            step: What was being done, for the message.

        Raises:
            RejectedInput: ``too_slow``, past the deadline.
        """
        if _now() > self.deadline:
            raise RejectedInput(
                "too_slow",
                f"cleaning took over {self.seconds:g} s of CPU time (at: {step}); the input is "
                "unusually large or complex for a news page. Raise NEWSFUSE_CLEAN_SECONDS to "
                "give it more",
            )

    def over(self, reason: str, what: str, count: int, limit: int, setting: str) -> None:
        """Reject the input when ``count`` exceeds ``limit``.

        Args:
            reason: The reject reason code (``too_many_lines`` ...).
            what: What was counted, in words ("non-blank lines").
            count: How many the input has.
            limit: How many are allowed.
            setting: The setting that holds the limit (its NEWSFUSE_ variable raises it).

        Raises:
            RejectedInput: ``reason``, when over the limit.
        """
        if count > limit:
            raise RejectedInput(
                reason,
                f"the input has {count:,} {what}, over the limit of {limit:,}; no news page "
                f"has that many. Pass a single article, or raise NEWSFUSE_{setting.upper()}",
            )
