"""Throughput of a running server: concurrent clients request each address for a few seconds.

Run it by hand against a server you started, e.g. ``make serve-prod``::

    .venv/bin/python -m tests.benchmarks.load http://127.0.0.1:8000 / /chiiki/ /chiiki/geojson/ --clients 8

Prints for each address the requests a second, the median and 99th-percentile latency and the
number of errors (a status other than 200, or a failed connection).
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

from tests.benchmarks.harness import print_table


def hammer(base: str, path: str, clients: int, seconds: float) -> dict:
    parts = urlsplit(base)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine, failed = [], 0
        while time.perf_counter() < stop:
            start = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                failed += response.status != 200
            except OSError:
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rate": len(latencies) / seconds,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "errors": errors[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the server, e.g. http://127.0.0.1:8000")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args(argv)
    print(f"{args.clients} clients, {args.seconds:.0f} s an address")
    rows = []
    for path in args.paths:
        r = hammer(args.base, path, args.clients, args.seconds)
        rows.append([path, f"{r['rate']:.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}", r["errors"]])
    print_table(["address", "req/s", "p50 ms", "p99 ms", "errors"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
