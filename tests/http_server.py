#!/usr/bin/env python3
"""Loopback HTTP server for the link-checker tests.

Listens on 127.0.0.1 only, on a free port, and prints one line
"PORT CLOSED_PORT" on stdout (CLOSED_PORT was bound and closed again, so
connections to it are refused). Runs until stdin closes or it is killed.

Endpoints (any path prefix; a query string makes a separate counter):
  /ok            200                  /404, /410   that status
  /moved         301 -> /ok           /found       302 -> /ok
  /chain         301 -> /found -> /ok (permanent first, then temporary)
  /loop          302 -> /loop (forever)
  /busy          429 Retry-After: 1 on the first request, then 200
  /nohead        405 to HEAD, 200 to GET
  /hang          never answers (sleeps)
  /big           405 to HEAD; GET streams a 50 MB body (bytes sent are counted)
  /to-file       302 -> file:///etc/passwd     /to-ftp   301 -> ftp://127.0.0.1/x
  /linkedin      999                  /challenge  403 with cf-mitigated: challenge
  /page.html     an HTML page with id="present", id="user-content-installation"
                 and <a name="named">
  /huge.html     405 to HEAD; GET streams 50 MB of HTML, id="early" in its first
                 kilobyte (bytes sent are counted as huge_bytes)
  /doc.pdf       a PDF (application/pdf)
  /slow          answers 200 after 3 s
  /__stats       JSON {"requests": {path or "METHOD path": count}, "big_bytes": n, "huge_bytes": n,
                 "headers": {path: the last request's headers}}
"""
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BIG_SIZE = 50 * 1024 * 1024
CHUNK = 64 * 1024

lock = threading.Lock()
requests = {}
big_bytes = [0]
huge_bytes = [0]
PAGE = b"""<!DOCTYPE html><html><head><title>Page</title></head><body>
<h2 id="present">Present</h2>
<h2><a id="user-content-installation" class="anchor" href="#installation"></a>Installation</h2>
<p><a name="named">named</a></p></body></html>
"""
headers_seen = {}


def count(key):
    with lock:
        requests[key] = requests.get(key, 0) + 1
        return requests[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, headers=(), body=b""):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def do_HEAD(self):
        self.route()

    def do_GET(self):
        self.route()

    def route(self):
        path = self.path
        name = path.split("?")[0]
        if name == "/__stats":
            with lock:
                body = json.dumps({"requests": requests, "big_bytes": big_bytes[0], "huge_bytes": huge_bytes[0],
                                   "headers": headers_seen}).encode()
            return self.send(200, [("Content-Type", "application/json")], body)
        seen = count(path)
        with lock:
            headers_seen[path] = {k.lower(): v for k, v in self.headers.items()}
        count(self.command + " " + path)
        if name == "/ok":
            return self.send(200, body=b"ok\n")
        if name in ("/404", "/410"):
            return self.send(int(name[1:]), body=b"gone\n")
        if name == "/moved":
            return self.send(301, [("Location", "/ok")])
        if name == "/found":
            return self.send(302, [("Location", "/ok")])
        if name == "/chain":
            return self.send(301, [("Location", "/found")])
        if name == "/loop":
            return self.send(302, [("Location", path)])
        if name == "/busy":
            if seen == 1:
                return self.send(429, [("Retry-After", "1")])
            return self.send(200, body=b"ok\n")
        if name == "/nohead":
            return self.send(405 if self.command == "HEAD" else 200, body=b"ok\n")
        if name == "/hang":
            time.sleep(60)
            return None
        if name == "/big":
            return self.big()
        if name == "/huge.html":
            return self.huge()
        if name == "/page.html":
            return self.send(200, [("Content-Type", "text/html; charset=utf-8")], PAGE)
        if name == "/doc.pdf":
            return self.send(200, [("Content-Type", "application/pdf")], b"%PDF-1.4\n" + b"x" * 4096)
        if name == "/slow":
            time.sleep(3)
            return self.send(200, body=b"ok\n")
        if name == "/to-file":
            return self.send(302, [("Location", "file:///etc/passwd")])
        if name == "/to-ftp":
            return self.send(301, [("Location", "ftp://127.0.0.1/x")])
        if name == "/linkedin":
            return self.send(999, body=b"denied\n")
        if name == "/challenge":
            return self.send(403, [("cf-mitigated", "challenge"), ("Server", "cloudflare")], b"challenge\n")
        return self.send(404, body=b"unknown\n")

    def big(self):
        if self.command == "HEAD":
            return self.send(405)
        self.send_response(200)
        self.send_header("Content-Length", str(BIG_SIZE))
        self.end_headers()
        chunk = b"x" * CHUNK
        try:
            for _ in range(BIG_SIZE // CHUNK):
                self.wfile.write(chunk)
                with lock:
                    big_bytes[0] += CHUNK
        except OSError:
            pass
        self.close_connection = True


    def huge(self):
        if self.command == "HEAD":
            return self.send(405)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(BIG_SIZE))
        self.end_headers()
        head = b'<!DOCTYPE html><html><body><div id="early">early</div>'
        filler = b"<p>" + b"x" * (CHUNK - 8) + b"</p>\n"
        try:
            self.wfile.write(head + filler[len(head):])
            for _ in range(BIG_SIZE // CHUNK - 1):
                self.wfile.write(filler)
                with lock:
                    huge_bytes[0] += CHUNK
        except OSError:
            pass
        self.close_connection = True


def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    # A small send buffer, so the bytes counted for /big are close to the
    # bytes the client actually took.
    server.socket.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], closed_port(), flush=True)
    sys.stdin.read()  # until the test closes our stdin (or dies)
    server.shutdown()


if __name__ == "__main__":
    main()
