"""feedline's fuzzing harness (`make fuzz`; docs/fuzzing.md).

    case.py     a fuzz input (bytes) decoded into a `Case`: target, options, page bytes
    seeds.py    pages of ../shared (corpus, pool) read at run time, cut into windows
    dictionary.py  tokens the mutators insert (libFuzzer's -dict too)
    oracle.py   runs a `Case` against feedline; a `Finding` for an unexpected exception,
                a hang or an unsafe character in an output
    engine.py   the run loop (atheris, coverage-guided, or a built-in random mutator),
                resumable state in FUZZ_STATE, finding minimisation into tests/fuzz_regressions/

Not part of the installed package: run from the repository root (`python -m fuzzing`).
"""
