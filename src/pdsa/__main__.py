"""Allow ``python -m pdsa``."""

from pdsa.cli.main import main

if __name__ == "__main__":
    main()
