"""Allow ``python -m pdsa``."""

from pdsa.cli.entry import main

if __name__ == "__main__":
    main()
