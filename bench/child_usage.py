"""Run one command and print its wall time and peak RSS as JSON: `python bench/child_usage.py CMD ...`.

Why a separate small process: a child's ru_maxrss counts the memory of the process it was forked from
(until exec), so a command started straight from the benchmark (which holds the heavy database's
libraries) would report the benchmark's size. Forked from this small script, it reports its own.
Standard library only, and nothing imported that the command could share.
"""

import json
import os
import subprocess
import sys
import time


def main() -> int:
    argv = sys.argv[1:]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    print(json.dumps({"seconds": seconds, "maxrss_kib": usage.ru_maxrss, "returncode": process.returncode}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
