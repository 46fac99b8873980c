#!/usr/bin/env python3
"""Benchmark server for link checking: N ports on 127.0.0.1, every answer
delayed by LATENCY seconds. /page/... answers 200, /missing/... 404 (HEAD and
GET alike, keep-alive). Prints "PORTS p1 p2 ..." once listening; on SIGTERM
or SIGINT prints the request count on stderr and exits.
"""
import argparse
import asyncio
import signal
import sys

requests = 0


async def handle(reader, writer, latency):
    global requests
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            method, path = head.split(b" ", 2)[:2]
            requests += 1
            await asyncio.sleep(latency)
            status = b"404 Not Found" if path.startswith(b"/missing/") else b"200 OK"
            body = b"" if method == b"HEAD" else b"ok\n"
            writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\n" + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ports", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args()
    servers = []
    for _ in range(args.ports):
        server = await asyncio.start_server(lambda r, w: handle(r, w, args.latency), "127.0.0.1", 0, backlog=1024)
        servers.append(server)
    ports = [s.sockets[0].getsockname()[1] for s in servers]
    print("PORTS", *ports, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    print(f"server: {requests} requests", file=sys.stderr, flush=True)


if __name__ == "__main__":
    asyncio.run(main())
