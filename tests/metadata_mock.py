#!/usr/bin/env python3
"""The metadata sources of `curate add URL` and `curate enrich`, mocked on
127.0.0.1 for tests/metadata_test.py. Prints "PORT GITHUB_PORT" on stdout and
runs until stdin closes: both ports answer alike, and the second stands for
GitHub's web server (GITHUB_SERVER_URL), so that its OWNER/NAME URLs are
repositories while the first port's /pages/… are pages. Answers are real-shaped, from tests/data/metadata/.

  GET /arxiv/query?id_list=A,B&max_results=N
                       an arXiv Atom feed with the known papers among A, B
                       (arxiv_ID.xml, "/" in old-style ids as "_")
  GET /arxiv-bad/query     200, a body that is not XML
  GET /arxiv-error/query   the API's error entry ("incorrect id format for …")
  GET /arxiv-503/query     503
  GET /doi/DOI             CSL-JSON (csl_DOI.json, "/" as "_") when the Accept
                           header asks for it; 404 for an unknown DOI
  GET /doi-redirect/DOI    302 to /csl/DOI, as doi.org sends to Crossref
  GET /doi-bad/DOI         200, a body that is not JSON
  GET /doi-file/DOI        302 to file:///etc/passwd
  GET /api/repos/O/N       GitHub's repository JSON (github_O_N.json,
                           lower-case); /api/repos/broken/json: not JSON; 404
  GET /pages/NAME.html     page_NAME.html as text/html
  GET /pages/hang          never answers in time (sleeps 30 s)
  GET /pages/to-file       302 to file:///etc/passwd
  GET /pages/404           404
  GET /pages/doc.pdf       a PDF
  GET /__stats             {"requests": {path: n}, "accept": {path: Accept}}
"""
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "metadata")
CSL = "application/vnd.citationstyles.csl+json"

lock = threading.Lock()
requests = {}
accept = {}


def read(name):
    path = os.path.join(DATA, name)
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read()


def feed(entries, ids):
    body = read("arxiv_feed.xml")
    return (body.replace("{IDS}", ",".join(ids)).replace("{COUNT}", str(len(entries)))
            .replace("{ENTRIES}", "".join(entries)))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/plain", headers=()):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        if path == "/__stats":
            with lock:
                return self.send(200, json.dumps({"requests": requests, "accept": accept}), "application/json")
        with lock:
            requests[self.path] = requests.get(self.path, 0) + 1
            accept[path] = self.headers.get("Accept", "")
        query = urllib.parse.parse_qs(url.query)
        if path.startswith("/arxiv"):
            return self.arxiv(path, query.get("id_list", [""])[0].split(","))
        for prefix in ("/doi/", "/doi-redirect/", "/doi-bad/", "/doi-file/", "/csl/"):
            if path.startswith(prefix):
                return self.doi(prefix, path[len(prefix):])
        if path.startswith("/api/repos/"):
            return self.github(path[len("/api/repos/"):])
        if path.startswith("/pages/"):
            return self.page(path[len("/pages/"):])
        return self.send(404, "not found\n")

    def arxiv(self, path, ids):
        if path == "/arxiv-bad/query":
            return self.send(200, "<?xml version='1.0'?><feed><entry><title>Deep", "application/atom+xml")
        if path == "/arxiv-503/query":
            return self.send(503, "Service Unavailable\n", headers=[("Retry-After", "30")])
        if path == "/arxiv-error/query":
            entry = read("arxiv_error.xml").replace("{ID}", ids[0])
            return self.send(200, feed([entry], ids), "application/atom+xml")
        entries = [e for e in (read("arxiv_" + i.replace("/", "_") + ".xml") for i in ids) if e]
        return self.send(200, feed(entries, ids), "application/atom+xml; charset=utf-8")

    def doi(self, prefix, doi):
        if prefix == "/doi-redirect/":
            return self.send(302, headers=[("Location", "/csl/" + urllib.parse.quote(doi))])
        if prefix == "/doi-file/":
            return self.send(302, headers=[("Location", "file:///etc/passwd")])
        if prefix == "/doi-bad/":
            return self.send(200, '{"title": "Deep Residual', CSL)
        body = read("csl_" + doi.replace("/", "_") + ".json")
        if body is None:
            return self.send(404, "DOI Not Found\n", "text/html")
        if CSL not in self.headers.get("Accept", ""):
            return self.send(200, "<html><title>Landing page</title></html>", "text/html")
        return self.send(200, body, CSL)

    def github(self, name):
        if name == "broken/json":
            return self.send(200, "{\"name\": ", "application/json")
        body = read("github_" + name.replace("/", "_").lower() + ".json")
        if body is None:
            return self.send(404, json.dumps({"message": "Not Found",
                                              "documentation_url": "https://docs.github.com/rest"}),
                             "application/json")
        return self.send(200, body, "application/json; charset=utf-8")

    def page(self, name):
        if name == "hang":
            time.sleep(30)
            return self.send(200, "<title>too late</title>", "text/html")
        if name == "to-file":
            return self.send(302, headers=[("Location", "file:///etc/passwd")])
        if name == "doc.pdf":
            return self.send(200, b"%PDF-1.4\n" + b"x" * 1024, "application/pdf")
        body = read("page_" + name[:-len(".html")] + ".html") if name.endswith(".html") else None
        if body is None:
            return self.send(404, "<html><title>404 Not Found</title></html>", "text/html")
        return self.send(200, body, "text/html; charset=utf-8")


def main():
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Handler) for _ in range(2)]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(" ".join(str(server.server_address[1]) for server in servers), flush=True)
    sys.stdin.read()
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
