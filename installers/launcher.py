"""Entry point of the frozen bundle: the same ``commdesk`` command as a pip installation."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
