from eternaut_reader.cli import main

# Guarded: worker processes (core/analysis/parallel.py) import the main module again.
if __name__ == "__main__":
    raise SystemExit(main())
