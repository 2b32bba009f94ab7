"""`python -m fuzzing run|replay|status` (from the repository root; docs/fuzzing.md)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fuzzing.engine import REGRESSIONS, Fuzzer, State, run_atheris, run_random, state_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzzing", description="Fuzz feedline (docs/fuzzing.md).")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="fuzz; state in --state (default $FUZZ_STATE or ~/.cache/feedline-fuzz)")
    run.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto",
                     help="atheris when installed (pip install -e '.[fuzz]'), else random")
    run.add_argument("--runs", type=int, help="stop after this many inputs")
    run.add_argument("--seconds", type=float, help="stop after this many seconds")
    run.add_argument("--seed", type=int, default=1)
    run.add_argument("--state", type=Path, help="state folder")
    run.add_argument("--memory-mb", type=int, default=4096,
                     help="address-space limit of the process (0: none): a case that needs more is a MemoryError finding")
    run.add_argument("--no-regressions", action="store_true",
                     help="do not minimise findings into tests/fuzz_regressions/")
    replay = commands.add_parser("replay", help="run cases (regression files); exit 1 on a finding")
    replay.add_argument("files", nargs="*", type=Path, help=f"default: {REGRESSIONS}/*.json")
    status = commands.add_parser("status", help="the state's counts and findings")
    status.add_argument("--state", type=Path)
    args = parser.parse_args(argv)

    if args.command == "status":
        data = State(args.state or state_dir()).data
        print(json.dumps(data, indent=1))
        return 0
    if args.command == "replay":
        return _replay(args.files or sorted(REGRESSIONS.glob("*.json")))
    if args.runs is None and args.seconds is None:
        parser.error("run: give --runs or --seconds")
    if args.memory_mb:
        import resource

        limit = args.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    state = State(args.state or state_dir())
    regressions = None if args.no_regressions else REGRESSIONS
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "random"
        else:
            engine = "atheris"
    print(f"fuzz: engine {engine}, state {state.folder}, {state.data['inputs']:,} inputs before this run",
          file=sys.stderr, flush=True)
    if engine == "atheris":
        run_atheris(state, runs=args.runs, seconds=args.seconds, seed=args.seed, regressions=regressions)
        return 0
    fuzzer = Fuzzer(state, engine="random", regressions=regressions)
    try:
        run_random(fuzzer, runs=args.runs, seconds=args.seconds, seed=args.seed + state.data["inputs"])
    except KeyboardInterrupt:
        pass
    finally:
        fuzzer.close()
    return 0


def _replay(files: list[Path]) -> int:
    import tempfile

    from fuzzing.case import Case
    from fuzzing.engine import Fuzzer

    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        fuzzer = Fuzzer(State(Path(folder)), engine="replay", regressions=None)
        for path in files:
            finding = fuzzer.judge(Case.from_json(path.read_text(encoding="utf-8")))
            print(f"{path}: {'ok' if finding is None else finding}")
            failed += finding is not None
        fuzzer.runner.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
