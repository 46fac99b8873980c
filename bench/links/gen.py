#!/usr/bin/env python3
"""Writes a reading list of N distinct loopback links spread over the given
ports, every DEAD-th row of ports a 404, and the list of those dead URLs.

usage: gen.py --links 1000 --dead-every 20 --out list.md --dead dead.txt PORT...
"""
import argparse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--dead-every", type=int, default=20)
    parser.add_argument("--out", required=True)
    parser.add_argument("--dead", required=True)
    parser.add_argument("ports", nargs="+", type=int)
    args = parser.parse_args()
    lines = ["# Benchmark list", "", "## Links", ""]
    dead = []
    for i in range(args.links):
        port = args.ports[i % len(args.ports)]
        # Dead links go round the ports too, so no one port holds them all.
        row = i // len(args.ports)
        kind = "missing" if args.dead_every and row % args.dead_every == args.dead_every - 1 else "page"
        url = f"http://127.0.0.1:{port}/{kind}/{i}"
        if kind == "missing":
            dead.append(url)
        lines.append(f"- [Link {i}]({url}) - entry number {i}.")
    with open(args.out, "w") as out:
        out.write("\n".join(lines) + "\n")
    with open(args.dead, "w") as out:
        out.write("".join(url + "\n" for url in sorted(dead)))


if __name__ == "__main__":
    main()
