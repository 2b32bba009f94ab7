"""`python -m feedline`: the same command line as the `feedline` script."""
from feedline.cli import main

if __name__ == "__main__":
    main()
