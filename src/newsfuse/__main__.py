"""``python -m newsfuse``: the same as the ``newsfuse`` command."""

from newsfuse.cli import main

if __name__ == "__main__":  # worker processes import this module too (spawn)
    main()
