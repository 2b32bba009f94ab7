"""`python -m feedline`: the same command line as the `feedline` script."""
from feedline.launch import main

if __name__ == "__main__":
    main()
