"""``python -m newsfuse``: the same as the ``newsfuse`` command."""

from newsfuse.cli import main

main()
