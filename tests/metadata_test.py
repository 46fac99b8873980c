#!/usr/bin/env python3
"""`curate add URL` and `curate enrich` end to end against
tests/metadata_mock.py on 127.0.0.1: every source (arXiv Atom, DOI CSL-JSON,
GitHub repository JSON, pages with each kind of metadata and with none)
gives exactly the expected line in the seed, awesome and papers styles; an
arXiv paper lands in a copy of data/resources.md as one line under the
chosen group (and --dry-run changes nothing); enrich --write fills only
missing dates and `curate diff` shows only those; bad answers leave a clear
message, exit 2 (enrich: 1) and the file untouched; on a terminal add asks first.
No traffic leaves the machine.

usage: metadata_test.py path/to/curate
"""
import difflib
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "metadata")
ROOT = os.path.dirname(HERE)
CURATE = os.path.abspath(sys.argv[1])
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def check(condition, message):
    if not condition:
        fail(message)


class Mock:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "metadata_mock.py")],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        port, github_port = self.process.stdout.readline().split()
        self.base = "http://127.0.0.1:" + port
        self.github = "http://127.0.0.1:" + github_port

    def stats(self):
        with urllib.request.urlopen(self.base + "/__stats") as answer:
            return json.load(answer)

    def env(self, **overrides):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CURATE_"))}
        env.update(no_proxy="127.0.0.1", NO_PROXY="127.0.0.1", http_proxy="", https_proxy="",
                   CURATE_ARXIV_API=self.base + "/arxiv/query", CURATE_DOI_RESOLVER=self.base + "/doi/",
                   GITHUB_SERVER_URL=self.github, GITHUB_API_URL=self.base + "/api", SOURCE_DATE_EPOCH="1704067200")
        env.update(overrides)
        return env

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


class Scratch:
    """A folder holding a copy of one list as list.md."""

    def __init__(self, source):
        self.dir = tempfile.mkdtemp(prefix="curate-metadata-")
        self.path = os.path.join(self.dir, "list.md")
        shutil.copyfile(source, self.path)
        self.original = self.text()

    def text(self):
        with open(self.path, encoding="utf-8") as f:
            return f.read()

    def run(self, env, *args, **kwargs):
        return subprocess.run([CURATE, *args], cwd=self.dir, env=env, capture_output=True, text=True, timeout=60,
                              **kwargs)

    def added_lines(self):
        diff = difflib.ndiff(self.original.splitlines(), self.text().splitlines())
        return [line[2:] for line in diff if line.startswith("+ ")]

    def removed_lines(self):
        diff = difflib.ndiff(self.original.splitlines(), self.text().splitlines())
        return [line[2:] for line in diff if line.startswith("- ")]

    def close(self):
        shutil.rmtree(self.dir)


def add_one(mock, list_name, section, url, env=None):
    """Adds `url` to a copy of list_name; returns the one line it wrote."""
    scratch = Scratch(os.path.join(DATA, list_name))
    try:
        result = scratch.run(env or mock.env(), "add", url, "--section", section, "list.md")
        if result.returncode != 0:
            fail(f"add {url} to {list_name}: exit {result.returncode}: {result.stderr.strip()}")
            return None
        added = scratch.added_lines()
        if len(added) != 1 or scratch.removed_lines():
            fail(f"add {url} to {list_name}: expected one added line, got +{added} -{scratch.removed_lines()}")
            return None
        return added[0]
    finally:
        scratch.close()


def test_sources_write_the_expected_lines(mock):
    page = mock.base + "/pages/"
    repo = mock.github + "/pytorch/pytorch"
    cases = [
        ("https://arxiv.org/abs/1512.03385",
         '"Deep Residual Learning for Image Recognition" [Kaiming He et al.; paper; 2015-12-10]'
         "(https://arxiv.org/abs/1512.03385)",
         "[Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)"),
        ("https://arxiv.org/pdf/1412.6980v9.pdf",
         '"Adam: A Method for Stochastic Optimization" [Diederik P. Kingma & Jimmy Ba; paper; 2014-12-22]'
         "(https://arxiv.org/pdf/1412.6980v9.pdf)",
         "[Adam: A Method for Stochastic Optimization](https://arxiv.org/pdf/1412.6980v9.pdf)"),
        ("https://arxiv.org/abs/hep-th/9711200",
         '"The Large N Limit of Superconformal Field Theories and Supergravity" '
         "[Juan M. Maldacena; paper; 1997-11-27](https://arxiv.org/abs/hep-th/9711200)",
         "[The Large N Limit of Superconformal Field Theories and Supergravity]"
         "(https://arxiv.org/abs/hep-th/9711200)"),
        ("https://doi.org/10.1038/nature14539",
         '"Deep learning" [Yann LeCun et al.; paper; 2015-05-27](https://doi.org/10.1038/nature14539)',
         "[Deep learning](https://doi.org/10.1038/nature14539)"),
        ("https://openaccess.example.org/content/doi/10.1109/CVPR.2016.90.pdf",
         '"Deep Residual Learning for Image Recognition" [Kaiming He et al.; paper; 2016-06]'
         "(https://openaccess.example.org/content/doi/10.1109/CVPR.2016.90.pdf)",
         "[Deep Residual Learning for Image Recognition]"
         "(https://openaccess.example.org/content/doi/10.1109/CVPR.2016.90.pdf)"),
        (repo,
         f'pytorch: "Tensors and Dynamic neural networks in Python with strong GPU acceleration" '
         f"[pytorch; repo]({repo})",
         f"[pytorch]({repo}) - Tensors and Dynamic neural networks in Python with strong GPU acceleration"),
        (page + "highwire.html",
         f'"Hidden Technical Debt in Machine Learning Systems" [D. Sculley et al.; paper; 2015]'
         f"({page}highwire.html)",
         f"[Hidden Technical Debt in Machine Learning Systems]({page}highwire.html)"),
        (page + "opengraph.html",
         f'"Yes you should understand backprop" [Andrej Karpathy; article; 2016-12-19]({page}opengraph.html)',
         f"[Yes you should understand backprop]({page}opengraph.html)"),
        (page + "video.html",
         f'"Energy-Based Models for Self-Supervised Learning" [YouTube; 2020-11-11]({page}video.html)',
         f"[Energy-Based Models for Self-Supervised Learning]({page}video.html)"),
        (page + "jsonld.html",
         f'"The rise of self-supervised learning" [Jonathan Bgn; blog post; 2020-12-03]({page}jsonld.html)',
         f"[The rise of self-supervised learning]({page}jsonld.html)"),
        (page + "title.html",
         f"[MLOps Architecture Guide]({page}title.html)",
         f"[MLOps Architecture Guide]({page}title.html)"),
    ]
    for url, seed, awesome in cases:
        got = add_one(mock, "seed.md", "Papers", url)
        check(got is None or got == "- " + seed, f"seed style, {url}:\n  got      {got}\n  expected - {seed}")
        got = add_one(mock, "awesome.md", "Libraries", url)
        check(got is None or got == "- " + awesome,
              f"awesome style, {url}:\n  got      {got}\n  expected - {awesome}")
    # The papers style names one author as initials, then "et al.".
    got = add_one(mock, "papers.md", "Classics", "https://arxiv.org/abs/1706.03762")
    expected = "- **Attention Is All You Need** (2017), A. Vaswani et al. [[pdf]](https://arxiv.org/abs/1706.03762)"
    check(got is None or got == expected, f"papers style:\n  got      {got}\n  expected {expected}")
    # A DOI resolver that redirects (doi.org → Crossref) is followed.
    env = mock.env(CURATE_DOI_RESOLVER=mock.base + "/doi-redirect/")
    got = add_one(mock, "seed.md", "Papers", "https://dx.doi.org/10.1038/nature14539", env)
    check(got == '- "Deep learning" [Yann LeCun et al.; paper; 2015-05-27](https://dx.doi.org/10.1038/nature14539)',
          f"DOI through a redirect: {got}")
    accept = mock.stats()["accept"]
    check("citationstyles.csl+json" in accept.get("/doi/10.1038/nature14539", ""),
          f"the DOI resolver is asked for CSL-JSON: {accept.get('/doi/10.1038/nature14539')}")


def test_arxiv_into_resources(mock):
    scratch = Scratch(os.path.join(ROOT, "data", "resources.md"))
    try:
        url = "https://arxiv.org/abs/1512.03385"
        args = ("add", url, "--section", "Deep Learning", "--group", "Overview", "list.md")
        dry = scratch.run(mock.env(), *args, "--dry-run")
        check(dry.returncode == 0, f"--dry-run: exit {dry.returncode}: {dry.stderr}")
        check(scratch.text() == scratch.original, "--dry-run changed the file")
        line = '  - "Deep Residual Learning for Image Recognition" [Kaiming He et al.; paper; 2015-12-10](' + url + ")"
        check("+" + line in dry.stdout.splitlines(), f"--dry-run prints the diff with the line:\n{dry.stdout}")
        done = scratch.run(mock.env(), *args)
        check(done.returncode == 0, f"add: exit {done.returncode}: {done.stderr}")
        check(scratch.added_lines() == [line] and not scratch.removed_lines(),
              f"add writes one line: +{scratch.added_lines()} -{scratch.removed_lines()}")
        lines = scratch.text().splitlines()
        # Under the group "Overview", right after its last entry (the NYU course).
        at = lines.index(line) if line in lines else -1
        check(at > 0 and "pytorch-Deep-Learning" in lines[at - 1], f"the line lands after Overview's last entry: {at}")
        check(line in done.stdout and "list.md:21: added" in done.stdout, f"add shows the line it writes:\n{done.stdout}")
        original = os.path.join(scratch.dir, "original.md")
        with open(original, "w", encoding="utf-8") as f:
            f.write(scratch.original)
        diff = scratch.run(mock.env(), "diff", "original.md", "list.md")
        check("1 added, 0 removed, 0 changed, 0 moved" in diff.stdout, f"diff reports the one entry:\n{diff.stdout}")
        check(scratch.run(mock.env(), "validate", "list.md").returncode == 0, "the list still validates")
    finally:
        scratch.close()


UNDATED = """# Papers

## Vision

- "Deep Residual Learning for Image Recognition" [Kaiming He et al.; paper](https://arxiv.org/abs/1512.03385)
- *cult*: "Deep learning" [Yann LeCun et al.; paper](https://doi.org/10.1038/nature14539)
  - Hidden Technical Debt in Machine Learning Systems [Google; paper]({page}highwire.html) (NeurIPS)
- "Yes you should understand backprop" [Andrej Karpathy; blog]({page}opengraph.html)
- "The rise of self-supervised learning" [Jonathan Bgn; blog post](<{page}jsonld.html>)
- Attention: "transformers" [Google; Blog & Paper; 2017](https://arxiv.org/abs/1706.03762)
"""


def test_enrich_fills_only_dates(mock):
    folder = tempfile.mkdtemp(prefix="curate-enrich-")
    try:
        path = os.path.join(folder, "list.md")
        text = UNDATED.replace("{page}", mock.base + "/pages/")
        for name in ("list.md", "old.md"):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        run = lambda *args: subprocess.run([CURATE, *args], cwd=folder, env=mock.env(), capture_output=True,
                                           text=True, timeout=60)
        dry = run("enrich", "list.md")
        check(dry.returncode == 0, f"enrich (dry run): exit {dry.returncode}: {dry.stderr}")
        check(open(path, encoding="utf-8").read() == text, "enrich without --write changed the file")
        check(dry.stdout.count("\n+- ") + dry.stdout.count("\n+  - ") == 5, f"the dry run shows 5 lines:\n{dry.stdout}")
        done = run("enrich", "--write", "list.md")
        check(done.returncode == 0, f"enrich --write: exit {done.returncode}: {done.stderr}")
        after = open(path, encoding="utf-8").read()
        expected = (text.replace("[Kaiming He et al.; paper]", "[Kaiming He et al.; paper; 2015-12-10]")
                    .replace("[Yann LeCun et al.; paper]", "[Yann LeCun et al.; paper; 2015-05-27]")
                    .replace("[Google; paper]", "[Google; paper; 2015]")
                    .replace("[Andrej Karpathy; blog]", "[Andrej Karpathy; blog; 2016-12-19]")
                    .replace("[Jonathan Bgn; blog post]", "[Jonathan Bgn; blog post; 2020-12-03]"))
        check(after == expected, "enrich --write fills the dates in place:\n" +
              "".join(difflib.unified_diff(expected.splitlines(True), after.splitlines(True))))
        diff = run("diff", "--format", "json", "old.md", "list.md")
        report = json.loads(diff.stdout)
        fields = [(c["change"], [f["field"] for f in c["fields"]]) for c in report["changes"]]
        check(fields == [("changed", ["date"])] * 5, f"diff reports only date changes: {fields}")
        again = run("enrich", "list.md")
        check("nothing to fill" in again.stdout, f"a second run has nothing to fill: {again.stdout}")
    finally:
        shutil.rmtree(folder)


BAD_SOURCES = """# Papers

## Vision

- "Deep Residual Learning for Image Recognition" [Kaiming He et al.; paper](https://arxiv.org/abs/1512.03385)
- "Gone" [Someone; blog]({page}404)
- "Nothing to read" [Someone; blog]({page}none.html)
- "Too slow" [Someone; blog]({page}hang)
"""


def test_enrich_bad_answers(mock):
    folder = tempfile.mkdtemp(prefix="curate-enrich-bad-")
    try:
        path = os.path.join(folder, "list.md")
        text = BAD_SOURCES.replace("{page}", mock.base + "/pages/")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(folder, ".curate.json"), "w") as f:
            json.dump({"links": {"timeout": "1s"}}, f)
        env = mock.env(CURATE_ARXIV_API=mock.base + "/arxiv-bad/query")
        result = subprocess.run([CURATE, "enrich", "--write", "list.md"], cwd=folder, env=env, capture_output=True,
                                text=True, timeout=60)
        check(result.returncode == 1, f"enrich with bad sources: exit {result.returncode}, expected 1")
        check(open(path, encoding="utf-8").read() == text, "enrich with only bad sources changed the file")
        for line, message in ((5, "the arXiv API's answer is not valid XML"), (6, "the page answered HTTP 404"),
                              (7, "the page names no title"), (8, "timed out")):
            check(f"list.md:{line}: warning: " in result.stderr and message in result.stderr,
                  f"enrich names line {line} and {message!r}: {result.stderr!r}")
    finally:
        shutil.rmtree(folder)


def expect_refusal(mock, url, message, env=None, config=None, title=None):
    scratch = Scratch(os.path.join(DATA, "seed.md"))
    try:
        if config is not None:
            with open(os.path.join(scratch.dir, ".curate.json"), "w") as f:
                json.dump(config, f)
        args = ["add", url, "--section", "Papers", "list.md"] + (["--title", title] if title else [])
        result = scratch.run(env or mock.env(), *args)
        if title:
            check(result.returncode == 0, f"{url} with --title: exit {result.returncode}: {result.stderr}")
            check(message in result.stderr and "writing what was given" in result.stderr,
                  f"{url} with --title warns: {result.stderr!r}")
            check(scratch.added_lines() == [f'- [{title}]({url})'], f"{url} with --title: {scratch.added_lines()}")
            return
        check(result.returncode == 2, f"{url}: exit {result.returncode}, expected 2")
        check(message in result.stderr, f"{url}: message {result.stderr!r} lacks {message!r}")
        check(result.stderr.startswith("curate: error: cannot fill the entry from " + url), f"{result.stderr!r}")
        check(scratch.text() == scratch.original, f"{url}: the file was changed")
    finally:
        scratch.close()


def test_bad_answers(mock):
    arxiv = "https://arxiv.org/abs/1512.03385"
    expect_refusal(mock, arxiv, "the arXiv API's answer is not valid XML",
                   mock.env(CURATE_ARXIV_API=mock.base + "/arxiv-bad/query"))
    expect_refusal(mock, arxiv, "the arXiv API answered HTTP 503",
                   mock.env(CURATE_ARXIV_API=mock.base + "/arxiv-503/query"))
    expect_refusal(mock, arxiv, "the arXiv API answered with an error: incorrect id format for 1512.03385",
                   mock.env(CURATE_ARXIV_API=mock.base + "/arxiv-error/query"))
    expect_refusal(mock, "https://arxiv.org/abs/2301.99999", "the arXiv API knows no paper 2301.99999")
    doi = "https://doi.org/10.1038/nature14539"
    expect_refusal(mock, doi, "the DOI resolver's answer is not valid JSON",
                   mock.env(CURATE_DOI_RESOLVER=mock.base + "/doi-bad/"))
    expect_refusal(mock, doi, "the DOI resolver redirected to file:///etc/passwd, which is not http or https",
                   mock.env(CURATE_DOI_RESOLVER=mock.base + "/doi-file/"))
    expect_refusal(mock, "https://doi.org/10.5555/unknown", "the DOI resolver knows no DOI 10.5555/unknown (HTTP 404)")
    expect_refusal(mock, mock.github + "/broken/json", "GitHub's answer is not valid JSON")
    expect_refusal(mock, mock.github + "/nobody/nothing", "GitHub knows no repository nobody/nothing (HTTP 404)")
    page = mock.base + "/pages/"
    expect_refusal(mock, page + "none.html",
                   "the page names no title (no citation_title, og:title, JSON-LD headline or <title>)")
    expect_refusal(mock, page + "404", "the page answered HTTP 404")
    expect_refusal(mock, page + "doc.pdf", "the page is not HTML (application/pdf)")
    expect_refusal(mock, page + "to-file", "the page redirected to file:///etc/passwd, which is not http or https")
    expect_refusal(mock, page + "hang", "timed out", config={"links": {"timeout": "1s"}})
    # A source that fails does not stop an entry whose title was given.
    expect_refusal(mock, page + "404", "the page answered HTTP 404", title="Given title")
    # A config endpoint works as the environment's does (which wins over it).
    env = mock.env()
    del env["CURATE_ARXIV_API"]
    expect_refusal(mock, arxiv, "the arXiv API's answer is not valid XML", env,
                   config={"metadata": {"arxiv_api": mock.base + "/arxiv-bad/query"}})


def test_no_fetch_and_given_fields(mock):
    scratch = Scratch(os.path.join(DATA, "seed.md"))
    try:
        before = sum(mock.stats()["requests"].values())
        refused = scratch.run(mock.env(), "add", "https://arxiv.org/abs/1512.03385", "--no-fetch", "--section",
                              "Papers", "list.md")
        check(refused.returncode == 2 and "--no-fetch writes only what was given" in refused.stderr,
              f"--no-fetch without --title: {refused.returncode} {refused.stderr!r}")
        given = scratch.run(mock.env(), "add", "https://arxiv.org/abs/1512.03385", "--section", "Papers",
                            "--title", "ResNet", "--author", "Kaiming He", "--kind", "paper", "--date", "2015",
                            "list.md")
        check(given.returncode == 0, f"add with every field: {given.stderr}")
        check(sum(mock.stats()["requests"].values()) == before, "nothing is fetched when nothing is missing")
        mixed = scratch.run(mock.env(), "add", "https://arxiv.org/abs/1706.03762", "--section", "Papers",
                            "--title", "Transformers", "list.md")
        check(mixed.returncode == 0, f"add with a title: {mixed.stderr}")
        check(scratch.added_lines() == ['- "ResNet" [Kaiming He; paper; 2015](https://arxiv.org/abs/1512.03385)',
                                        '- "Transformers" [Ashish Vaswani et al.; paper; 2017-06-12]'
                                        "(https://arxiv.org/abs/1706.03762)"],
              f"given fields win, missing ones are fetched: {scratch.added_lines()}")
    finally:
        scratch.close()


def run_on_terminal(args, cwd, env, answer):
    """Runs curate with stdin, stdout and stderr on a pseudo-terminal; types
    `answer` once it asks. Returns (exit code, everything it printed)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execve(CURATE, [CURATE, *args], env)
    output = b""
    typed = False
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if not typed and b"[Y/n]" in output and answer is not None:
            os.write(fd, answer.encode() + b"\n")
            typed = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_terminal_asks_first(mock):
    url = "https://arxiv.org/abs/1512.03385"
    for answer, written in (("n", False), ("y", True), (None, True)):
        scratch = Scratch(os.path.join(DATA, "seed.md"))
        try:
            args = ["add", url, "--section", "Papers", "list.md"] + (["--yes"] if answer is None else [])
            code, output = run_on_terminal(args, scratch.dir, mock.env(), answer)
            check(code == 0, f"terminal, answer {answer}: exit {code}: {output}")
            asked = "Write it? [Y/n]" in output
            check(asked == (answer is not None), f"terminal, answer {answer}: asked={asked}: {output}")
            check("[Kaiming He et al.; paper; 2015-12-10]" in output, f"the line is shown first: {output}")
            check((scratch.text() != scratch.original) == written, f"terminal, answer {answer}: written={written}")
            if not written:
                check("nothing written" in output, f"a declined add says so: {output}")
        finally:
            scratch.close()


def main():
    mock = Mock()
    try:
        test_sources_write_the_expected_lines(mock)
        test_arxiv_into_resources(mock)
        test_enrich_fills_only_dates(mock)
        test_bad_answers(mock)
        test_enrich_bad_answers(mock)
        test_no_fetch_and_given_fields(mock)
        test_terminal_asks_first(mock)
    finally:
        mock.close()
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("metadata: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
