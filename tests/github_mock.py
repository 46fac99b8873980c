#!/usr/bin/env python3
"""A mock of GitHub (web pages, REST and GraphQL) on 127.0.0.1, for the
repository-health tests. Prints its port on stdout; runs until stdin closes.

A repository's fate is written in its name (any owner):
  healthy-*      exists, pushed 10 days ago
  archived-*     exists, archived
  stale-*        exists, last pushed 2015-01-01
  renamed-*      GraphQL follows the rename: nameWithOwner is OWNER/NAME-new
  transferred-*  GraphQL: NOT_FOUND; REST /repos/OWNER/NAME answers 301 to
                 /repositories/ID, which names newco/NAME
  dup-*          renamed to OWNER/healthy-1 (which the test list already has)
  deleted-*      GraphQL: NOT_FOUND; REST: 404
Web pages (/OWNER/NAME/...) answer 200, 301 to the new place, or 404 alike.

Endpoints: POST /graphql (needs "Authorization: bearer test-token"),
GET /api/repos/OWNER/NAME, GET /api/repositories/ID, GET /__stats
({"graphql": n, "rest": n, "web": n, "repos_per_query": [...]}).
--secondary-limit-once: the first GraphQL request gets 403 "You have
exceeded a secondary rate limit" with Retry-After: 1.
"""
import datetime
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "bearer test-token"
ALIAS = re.compile(r'(r\d+): repository\(owner: "([^"]+)", name: "([^"]+)"\)')

lock = threading.Lock()
stats = {"graphql": 0, "rest": 0, "web": 0, "repos_per_query": []}
secondary_limit = ["--secondary-limit-once" in sys.argv]
transfers = {}  # repository id -> (owner, name) of a transferred repository


def recent():
    when = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=10)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def fate(name):
    return name.split("-")[0].lower()


def canonical(owner, name):
    """(owner, name) GitHub knows the repository by now, or None when gone."""
    if owner == "newco" or name.endswith("-new"):
        return owner, name  # where moved repositories live now
    kind = fate(name)
    if kind == "deleted":
        return None
    if kind == "renamed":
        return owner, name + "-new"
    if kind == "transferred":
        return "newco", name
    if kind == "dup":
        return owner, "healthy-1"
    return owner, name


def repo_fields(base, owner, name):
    return {
        "nameWithOwner": f"{owner}/{name}",
        "url": f"{base}/{owner}/{name}",
        "isArchived": fate(name) == "archived",
        "pushedAt": "2015-01-01T00:00:00Z" if fate(name) == "stale" else recent(),
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def base(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_json(self, status, document, headers=()):
        body = json.dumps(document).encode()
        self.send(status, body, [("Content-Type", "application/json"), ("X-RateLimit-Remaining", "4999")] + list(headers))

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        if self.path != "/graphql":
            return self.send(404)
        with lock:
            stats["graphql"] += 1
            limited = secondary_limit[0]
            secondary_limit[0] = False
        if self.headers.get("Authorization") != TOKEN:
            return self.send_json(401, {"message": "Bad credentials"})
        if limited:
            return self.send_json(403, {"message": "You have exceeded a secondary rate limit."}, [("Retry-After", "1")])
        self.answer_graphql(json.loads(body)["query"])

    def answer_graphql(self, query):
        data, errors = {}, []
        asked = ALIAS.findall(query)
        with lock:
            stats["repos_per_query"].append(len(asked))
        for alias, owner, name in asked:
            kind = fate(name)
            if kind in ("deleted", "transferred"):
                data[alias] = None
                errors.append({"type": "NOT_FOUND", "path": [alias],
                               "message": f"Could not resolve to a Repository with the name '{owner}/{name}'."})
                continue
            data[alias] = repo_fields(self.base(), *canonical(owner, name))
        data["rateLimit"] = {"remaining": 4990, "resetAt": "2030-01-01T00:00:00Z"}
        document = {"data": data}
        if errors:
            document["errors"] = errors
        self.send_json(200, document)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/__stats":
            with lock:
                return self.send_json(200, stats)
        if path.startswith("/api/"):
            with lock:
                stats["rest"] += 1
            return self.answer_rest(path[len("/api"):])
        with lock:
            stats["web"] += 1
        self.answer_web(path)

    def answer_rest(self, path):
        parts = path.strip("/").split("/")
        if parts[0] == "repositories" and len(parts) == 2 and int(parts[1]) in transfers:
            owner, name = transfers[int(parts[1])]
            fields = repo_fields(self.base(), owner, name)
            return self.send_json(200, {"full_name": fields["nameWithOwner"], "html_url": fields["url"],
                                        "archived": fields["isArchived"], "pushed_at": fields["pushedAt"]})
        if parts[0] != "repos" or len(parts) != 3:
            return self.send_json(404, {"message": "Not Found"})
        owner, name = parts[1], parts[2]
        now = canonical(owner, name)
        if now is None:
            return self.send_json(404, {"message": "Not Found"})
        if now != (owner, name):
            with lock:
                ident = len(transfers) + 1000
                transfers[ident] = now
            return self.send_json(301, {"message": "Moved Permanently"},
                                  [("Location", f"{self.base()}/api/repositories/{ident}")])
        fields = repo_fields(self.base(), owner, name)
        self.send_json(200, {"full_name": fields["nameWithOwner"], "html_url": fields["url"],
                             "archived": fields["isArchived"], "pushed_at": fields["pushedAt"]})

    def answer_web(self, path):
        parts = path.strip("/").split("/")
        if len(parts) < 2:
            return self.send(200, b"<html></html>", [("Content-Type", "text/html")])
        now = canonical(parts[0], parts[1])
        if now is None:
            return self.send(404, b"not found")
        if now != (parts[0], parts[1]):
            rest = "/".join(parts[2:])
            return self.send(301, headers=[("Location", f"/{now[0]}/{now[1]}" + (f"/{rest}" if rest else ""))])
        self.send(200, b"<html><h1 id='user-content-usage'>Usage</h1></html>", [("Content-Type", "text/html")])


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
