"""The workshop host under a room's load: 200 bot trainees, each posting a turn every 2 to 5 s, for two minutes.

    .venv/bin/python bench/host_load.py [--trainees 200] [--seconds 120] [--json]

The host runs as the trainer starts it (`python main.py host`, its own process, on 127.0.0.1); the bots
run here, as `simulate --host` runs them (game.room.bots: each commits locally, then posts what the host
has not acknowledged). A page's event stream is followed as a projector follows it. Measured:
- acknowledgement latency as the bots saw it, and as the host timed it (Server-Timing), median and p99;
- post to page: from a post leaving a bot to the first drawing that holds it reaching the page;
- the host's CPU (share of one core) and memory (RSS) every 5 s: memory should stay flat.
Not a test: the figures go to docs/performance.md, with the machine's load beside them.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.figures import percentile  # noqa: E402
from game.installation import shipped_scenarios  # noqa: E402
from game.room.bots import play_live  # noqa: E402
from game.room.client import RoomClient  # noqa: E402
from game.room.outbox import Outbox  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.workshop.journal import Journal  # noqa: E402

CODE = "BENCH"
TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_host(folder: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, str(ROOT / "main.py"), "host", "--workshop", CODE, "--bind", "127.0.0.1",
               "--port", str(port), "--db", str(folder / "host.sqlite"), "--no-announce", "--lang", "en"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "VOORUITGANG_HOME": str(folder)})
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/w/{CODE}/hello", timeout=1).close()
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the host did not start")


class Usage:
    """The host's CPU and memory, sampled from /proc."""

    def __init__(self, pid: int):
        self.pid, self.samples = pid, []  # (time, cpu seconds, rss MiB)

    def sample(self) -> None:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / TICK
        rss = next(int(line.split()[1]) for line in Path(f"/proc/{self.pid}/status").read_text().splitlines()
                   if line.startswith("VmRSS")) / 1024
        self.samples.append((time.monotonic(), cpu, rss))


class Page:
    """A projector page's event stream: when each drawing arrived, and how many turns it held."""

    def __init__(self, port: int):
        self.port, self.drawings = port, []  # (time, turns)
        threading.Thread(target=self._follow, daemon=True).start()

    def _follow(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        connection.request("GET", f"/w/{CODE}/events")
        response = connection.getresponse()
        while True:
            line = response.readline()
            if not line:
                return
            if line.startswith(b"data: "):
                self.drawings.append((time.perf_counter(), json.loads(line[6:])["turns"]))


def run(trainees: int, seconds: float) -> dict:
    scenarios = [load_scenario(path) for path in sorted(shipped_scenarios().glob("*.en.yaml"))]
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        host = start_host(Path(folder), port)
        usage, page = Usage(host.pid), Page(port)
        posts: list[tuple[float, float, int]] = []  # (sent, acknowledged, turns added), from every bot
        lock = threading.Lock()
        stop = threading.Event()
        outboxes = []

        def trainee(number: int) -> None:
            journal = Journal.open(":memory:")
            client = RoomClient(f"http://127.0.0.1:{port}", CODE)
            outbox = Outbox(journal, client)
            outboxes.append(outbox)
            original = client.post

            def timed(play: dict):
                sent = time.perf_counter()
                ack = original(play)
                with lock:
                    posts.append((sent, time.perf_counter(), ack.added))
                return ack

            client.post = timed
            rng = random.Random(number)
            time.sleep(rng.uniform(0, 5))  # trainees do not all start on the same second
            seed = number * 1000
            while not stop.is_set():
                play_live(rng.choice(scenarios), "random", seed, journal, outbox, f"Bot {number}", CODE,
                          pace=lambda: rng.uniform(2, 5), stop=stop)
                seed += 1

        load_before = os.getloadavg()
        threads = [threading.Thread(target=trainee, args=(n,), daemon=True) for n in range(trainees)]
        for thread in threads:
            thread.start()
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            usage.sample()
            time.sleep(5)
        usage.sample()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        load_after = os.getloadavg()
        time.sleep(1)
        host.terminate()
        host.wait(timeout=30)
    return summary(posts, page.drawings, usage.samples, outboxes, trainees, seconds, load_before, load_after)


def summary(posts, drawings, samples, outboxes, trainees, seconds, load_before, load_after) -> dict:
    seen = [seconds_ * 1000 for outbox in outboxes for seconds_, _ in outbox.latencies]
    timed = [host * 1000 for outbox in outboxes for _, host in outbox.latencies]
    to_page, total = [], 0
    for sent, _, added in sorted(posts, key=lambda post: post[1]):
        total += added
        if not added:
            continue
        shown = next((at for at, turns in drawings if turns >= total and at >= sent), None)
        if shown is not None:
            to_page.append((shown - sent) * 1000)
    warm = [sample for sample in samples if sample[0] - samples[0][0] >= 10]
    cpu = (samples[-1][1] - samples[0][1]) / (samples[-1][0] - samples[0][0])
    return {
        "trainees": trainees, "seconds": seconds, "posts": len(posts), "turns": total,
        "failures": sum(outbox.failures for outbox in outboxes),
        "ack_ms": {"median": statistics.median(seen), "p99": percentile(seen, 0.99), "max": max(seen)},
        "host_ms": {"median": statistics.median(timed), "p99": percentile(timed, 0.99)},
        "page_ms": {"median": statistics.median(to_page), "p99": percentile(to_page, 0.99),
                    "max": max(to_page), "measured": len(to_page)},
        "host_cpu_share_of_a_core": round(cpu, 3),
        "host_rss_mib": {"after_10s": round(warm[0][2], 1), "end": round(samples[-1][2], 1),
                         "max": round(max(sample[2] for sample in samples), 1)},
        "load_before": [round(value, 2) for value in load_before],
        "load_after": [round(value, 2) for value in load_after],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.trainees, args.seconds)
    if args.json:
        print(json.dumps(result))
        return 0
    for key, value in result.items():
        print(f"{key:26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
