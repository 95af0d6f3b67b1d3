#!/usr/bin/env python3
"""Hostile-input run against a local platform (python3 standard library only).

Sends malformed, oversized and wrongly typed requests to every operation, through the gateway and, with --direct,
straight to the services, then counts what should never happen:

  5xx            a 500/501/502/504 answer, or a 503 without Retry-After (a 503 with Retry-After is capacity, not a bug)
  non-problem    an error (4xx/5xx) whose body is not an RFC 9457 problem document (application/problem+json); on
                 /v2 paths the Open Inference Protocol's own {"error": "..."} shape is accepted instead
  leaks          an error body naming Java types, packages, method signatures or Jackson features
  admin-bypass   an admin operation (spelled with a trailing slash, upper case...) answered other than 401/403 (or 400
                 for a malformed path) without an admin key (only meaningful through the gateway)

Goal: 0 / 0 / 0 / 0. Exit status 1 when any count is not 0.

  scripts/fuzz.py                                   gateway at http://localhost:8080
  scripts/fuzz.py --gateway http://localhost:18080 --direct classifier=http://localhost:18082,gan=...
  scripts/fuzz.py --verbose                         print every offending response
"""
import argparse
import http.client
import json
import re
import sys
import time
import urllib.parse
from collections import Counter

LEAK = re.compile(
    r"\b(?:java|javax|jakarta|dev\.aigc|org\.springframework|org\.apache|tools\.jackson|com\.fasterxml|reactor|"
    r"io\.netty|ai\.djl)\.[a-z]\w*(?:\.\w+)*"
    r"|\b[A-Z]\w*(?:Exception|Error)\b(?!\s*\w*\s*\()"
    r"|JsonReadFeature|StreamReadConstraints|StreamWriteConstraints|DeserializationFeature|MapperFeature"
    r"|\bLinkedHashMap\b|\bArrayList\b|\bpublic [\w.<>]+ [\w.]+\("
    r"|\bat [\w$.]+\([\w]+\.java:\d+\)")

PNG_7 = ("iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAAAAABWESUoAAAAjUlEQVR4Xs3QsQ2AMAxEUZMiBYI9mIE1YJpsyUQgRBR8d0YUNLiKwtMXs"
         "e0vY3zB8ydQstHMCEb+bh0CLUwIcLZkabuOMVjMlnoMgQvEwAVC4AMh8IEIQABBW0Yq7Q7Avc6x3cWF/FA4B/8gAPCEXQEHBHCAgQQYSICABgi"
         "sEiAwSIBA6e8V1uFnynwHB3e9bvFkiZ3QAAAAAElFTkSuQmCC")

# (method, path, kind of body, service); kind "json" gets the JSON fuzz bodies, "text" plain text, None no body
OPERATIONS = [
    ("GET", "/api/v1/status", None, "gateway"),
    ("GET", "/api/v1/career/roles", None, "career"),
    ("GET", "/api/v1/career/roles/ml-engineer", None, "career"),
    ("GET", "/api/v1/career/questionnaires/current", None, "career"),
    ("GET", "/api/v1/career/questionnaires/v1", None, "career"),
    ("POST", "/api/v1/career/assessments", "json", "career"),
    ("POST", "/api/v1/career/recommendations", "json", "career"),
    ("GET", "/api/v1/classifier/models", None, "classifier"),
    ("GET", "/api/v1/classifier/models/v1", None, "classifier"),
    ("POST", "/api/v1/classifications", "json", "classifier"),
    ("POST", "/api/v1/classifications/batch", "json", "classifier"),
    ("GET", "/v2", None, "classifier"),
    ("GET", "/v2/models/mnist", None, "classifier"),
    ("GET", "/v2/models/mnist/ready", None, "classifier"),
    ("POST", "/v2/models/mnist/infer", "json", "classifier"),
    ("GET", "/api/v1/gan/models", None, "gan"),
    ("POST", "/api/v1/gan/generations", "json", "gan"),
    ("GET", "/api/v1/gan/grid.png", None, "gan"),
    ("POST", "/api/v1/gan/interpolations", "json", "gan"),
    ("GET", "/api/v1/gan/training-jobs", None, "gan"),
    ("GET", "/api/v1/qa/documents", None, "nlp-qa"),
    ("GET", "/api/v1/qa/documents/no-such-doc", None, "nlp-qa"),
    ("POST", "/api/v1/qa/ask", "json", "nlp-qa"),
    ("POST", "/api/v1/nlp/classifications", "json", "nlp-qa"),
    ("POST", "/api/v1/nlp/sentiment", "json", "nlp-qa"),
    ("POST", "/api/v1/nlp/generations", "json", "nlp-qa"),
    ("POST", "/api/v1/nlp/generations/stream", "json", "nlp-qa"),
    ("GET", "/api/v1/nlp/models", None, "nlp-qa"),
]

# admin operations (only through the gateway): every spelling must need the admin role
ADMIN = [
    ("POST", "/api/v1/classifier/models/v1/activate"),
    ("POST", "/api/v1/gan/models/v1/activate"),
    ("POST", "/api/v1/nlp/models/v1/activate"),
    ("POST", "/api/v1/gan/training-jobs"),
    ("DELETE", "/api/v1/gan/training-jobs/some-job"),
    ("POST", "/api/v1/qa/documents"),
    ("DELETE", "/api/v1/qa/documents/some-doc"),
    ("GET", "/actuator/env"),
]

QUERY_FUZZ = ["b=%ff", "lang=%ff", "x=%C3%28", "lang=%", "lang=%zz", "lang=xx", "k=abc", "k=4.5", "k=-1",
              "k=99999999999999999999", "page=-1", "size=1e9", "digits=%00", "perDigit=4.5", "seed=abc",
              "lang=" + "a" * 3000, "a=1&a=2&a=3", "%ff=1", "=", "&&&"]

PATH_FUZZ = ["%ff%fe", "%c0%ae", "%c0%ae%c0%ae/%c0%ae%c0%ae", "%2e%2e", "..%2f..%2factuator", "%00", "a%2fb", "x;y",
             "%25", "%e4%b8", "..;/actuator", "x" * 300, "%u0041", "%E4%B8%AD%E6%96%87", "%e4%b8%ad%e6"]


def json_bodies(path):
    """Hostile bodies for a JSON operation."""
    deep = "[" * 5000 + "]" * 5000
    bodies = [b"", b"{", b"}", b"[", b"null", b"[]", b"{}", b'"x"', b"123", b"true", b'{"a":', b'{"a":1,}',
              b"{'a': 1}", b'{"a": NaN}', b'{"a": Infinity}', b'{"x": 1e39}', b'{"x": 1e400}',
              ('{"x": ' + "9" * 2000 + "}").encode(), deep.encode(), b"\xff\xfe\x00", b'{"a": "\xc3\x28"}',
              b'{"a": "\\ud800"}', ("{" + ",".join('"k%d": 1' % i for i in range(2000)) + "}").encode(),
              json.dumps({"x": "y" * 200_000}).encode(), b"[null]", b'{"count": 4.5}', b'{"count": "4"}',
              b'{"count": [4]}', b'{"count": {"a": 1}}', b'{"count": 1e39}', b'{"count": -1e39}', b'{"count": null}',
              b'{"items": [null]}', b'{"items": null}', b'{"items": [1, "x", []]}', b'{"items": {}}',
              b'{"question": 5}', b'{"question": ["a"]}', b'{"question": {"a": 1}}', b'{"question": null}',
              b'{"text": 5, "labels": "a"}', b'{"labels": [null, 1, {}]}', b'{"prompt": [], "maxTokens": 4.5}',
              b'{"answers": [1, 2]}', b'{"answers": {"x": "y"}}', b'{"answers": {"x": 1e39}}', b'{"answers": 5}',
              b'{"scores": {"x": "NaN"}}', b'{"background": []}', b'{"pixels": "abc"}', b'{"pixels": [1e39]}',
              b'{"pixels": [null]}', b'{"imageBase64": 5}', b'{"imageBase64": "%%%"}', b'{"from": 1, "to": []}',
              b'{"from": {"digit": 4.5, "seed": 1e39}}', b'{"digit": "seven"}', b'{"format": "gif"}',
              b'{"truncation": "a"}', b'{"mode": "nonsense"}', b'{"topK": 1.5}', b'{"seed": 1e30}',
              b'{"inputs": [{"name": "input", "shape": [1, 784], "datatype": "FP32", "data": [1e39]}]}',
              b'{"inputs": [{"name": "input", "shape": [1, 784], "datatype": "FP32", "data": "x"}]}',
              b'{"inputs": [{"name": "input", "shape": [1e39], "datatype": 5, "data": [[[]]]}]}',
              b'{"inputs": [null]}', b'{"inputs": {}}']
    bodies.append(json.dumps({"items": [{"pixels": [2]}] * 10_000}).encode())
    bodies.append(json.dumps({"items": [{}] * 10_000}).encode())
    return bodies


class Fuzzer:
    def __init__(self, verbose, api_key):
        self.verbose = verbose
        self.api_key = api_key
        self.counts = Counter()
        self.statuses = Counter()
        self.examples = {}

    def send(self, base, method, target, body=None, headers=None, label="", admin_check=False):
        url = urllib.parse.urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
        all_headers = {"Accept": "application/json"}
        if self.api_key:
            all_headers["X-API-Key"] = self.api_key
        all_headers.update(headers or {})
        try:
            conn.putrequest(method, target, skip_accept_encoding=True)
            for name, value in all_headers.items():
                conn.putheader(name, value)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            response = conn.getresponse()
            data = response.read(2_000_000)
            self.check(label or base, method, target, response.status, response.getheaders(), data, admin_check)
        except (OSError, http.client.HTTPException, ValueError) as e:
            self.counts["requests"] += 1
            self.counts["connection errors"] += 1
            self.report("connection errors", method, target, "-", repr(e))
        finally:
            conn.close()

    def check(self, where, method, target, status, headers, data, admin_check):
        self.counts["requests"] += 1
        self.statuses[status] += 1
        h = {k.lower(): v for k, v in headers}
        text = data.decode("utf-8", "replace")
        if admin_check:
            if status not in (400, 401, 403):  # 400: refused as malformed before any routing
                self.counts["admin-bypass"] += 1
                self.report("admin-bypass", method, target, status, text)
            return
        if status >= 500 and not (status == 503 and "retry-after" in h):
            self.counts["5xx"] += 1
            self.report("5xx", method, target, status, text)
        if status >= 400:
            content_type = h.get("content-type", "")
            path = urllib.parse.urlsplit(target).path
            ok = content_type.startswith("application/problem+json") and self.is_problem(text)
            if path.startswith("/v2") and content_type.startswith("application/json"):
                ok = self.is_v2_error(text)
            if not ok:
                self.counts["non-problem"] += 1
                self.report("non-problem", method, target, status, content_type + " " + text)
            leak = LEAK.search(text)
            if leak:
                self.counts["leaks"] += 1
                self.report("leaks", method, target, status, leak.group(0) + " in " + text)

    @staticmethod
    def is_problem(text):
        try:
            body = json.loads(text)
        except ValueError:
            return False
        return isinstance(body, dict) and isinstance(body.get("status"), int) and "title" in body

    @staticmethod
    def is_v2_error(text):
        try:
            body = json.loads(text)
        except ValueError:
            return False
        return isinstance(body, dict) and isinstance(body.get("error"), str)

    def report(self, kind, method, target, status, text):
        key = (kind, method, urllib.parse.urlsplit(target).path[:80], status)
        self.examples.setdefault(key, text[:300])
        if self.verbose:
            print("  %-12s %s %s -> %s: %s" % (kind, method, target[:120], status, text[:300].replace("\n", " ")))


def run(fuzzer, base, operations, gateway):
    for method, path, kind, _ in operations:
        for query in QUERY_FUZZ:
            fuzzer.send(base, method, path + "?" + query, b"{}" if kind else None,
                        {"Content-Type": "application/json"} if kind else None)
        if kind == "json":
            for body in json_bodies(path):
                fuzzer.send(base, method, path, body, {"Content-Type": "application/json"})
            for content_type in ["text/plain", "application/xml", "multipart/form-data", "image/png",
                                 "application/json; charset=bogus", "application/x-www-form-urlencoded", "*/*", ";;"]:
                fuzzer.send(base, method, path, b"garbage", {"Content-Type": content_type})
            fuzzer.send(base, method, path, b'{"a": 1}', None)
        else:
            fuzzer.send(base, "DELETE", path)
            fuzzer.send(base, "PATCH", path, b"{}", {"Content-Type": "application/json"})
        fuzzer.send(base, method, path, b"{}", {"Content-Type": "application/json", "Accept": "image/gif"})
    # multipart edge cases on the upload endpoints
    for path in ["/api/v1/classifications", "/api/v1/classifications/batch"]:
        for content_type, body in [("multipart/form-data", b"--x\r\n"),
                                   ("multipart/form-data; boundary=", b"--\r\n"),
                                   ("multipart/form-data; boundary=abc", b"garbage"),
                                   ("multipart/form-data; boundary=abc",
                                    b'--abc\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n'
                                    b"Content-Type: image/png\r\n\r\nnot a png\r\n--abc--\r\n"),
                                   ("multipart/form-data; boundary=abc",
                                    b'--abc\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--abc--\r\n'),
                                   ("image/png", b"\x89PNG\r\n\x1a\ngarbage"), ("image/gif", b"GIF89a"),
                                   ("image/bmp", b"BM" + b"\xff" * 60)]:
            fuzzer.send(base, "POST", path, body, {"Content-Type": content_type})
    # plain-text document upload, query text and path segments
    for query in ["title=%ff", "title=a&lang=%C3%28", "title=" + "t" * 300, "title=a&lang=fr"]:
        fuzzer.send(base, "POST", "/api/v1/qa/documents?" + query, b"text", {"Content-Type": "text/plain"})
    for prefix in ["/api/v1/career/roles/", "/api/v1/classifier/models/", "/api/v1/qa/documents/",
                   "/api/v1/gan/training-jobs/", "/v2/models/", "/api/v1/"]:
        for segment in PATH_FUZZ:
            fuzzer.send(base, "GET", prefix + segment)
    for method, path in [("GET", "/" + "a" * 5000), ("GET", "/api/v1/career/roles?lang=" + "a" * 9000),
                         ("GET", "/api/v1/career/roles/" + "%ff" * 3000)]:
        fuzzer.send(base, method, path)
    fuzzer.send(base, "GET", "/api/v1/career/roles", headers={"X-Big": "h" * 20_000})
    fuzzer.send(base, "GET", "/api/v1/career/roles", headers={"Accept": "text/html;q=bogus"})
    fuzzer.send(base, "GET", "/api/v1/career/roles", headers={"X-Request-Id": "\u00ff" * 100})
    fuzzer.send(base, "POST", "/api/v1/gan/generations", b"{}", {"Content-Type": "application/json",
                                                                 "Content-Length": "-1"})
    fuzzer.send(base, "GET", "/nothing-here")
    fuzzer.send(base, "TRACE", "/api/v1/career/roles")
    fuzzer.send(base, "OPTIONS", "/api/v1/career/roles")
    if gateway:
        for method, path in ADMIN:
            for variant in [path, path + "/", path.upper(), path[:-3] + path[-3:].upper(), path + "//",
                            path.replace("/api/v1/", "/api/v1//"), path.replace("/api", "/API"),
                            path + "%2f", path + "/.", path + "?x=1"]:
                fuzzer.send(base, method, variant, b"{}", {"Content-Type": "application/json"},
                            admin_check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default="http://localhost:8080", help="gateway base URL ('' to skip)")
    parser.add_argument("--direct", default="", help="name=url,... services to fuzz directly as well")
    parser.add_argument("--api-key", default="", help="a user-role key, when anonymous access is off")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    fuzzer = Fuzzer(args.verbose, args.api_key)
    start = time.time()
    targets = []
    if args.gateway:
        targets.append(("gateway", args.gateway, OPERATIONS, True))
    for item in filter(None, args.direct.split(",")):
        name, url = item.split("=", 1)
        targets.append((name, url, [op for op in OPERATIONS if op[3] == name], False))
    for name, url, operations, gateway in targets:
        before = fuzzer.counts["requests"]
        run(fuzzer, url, operations, gateway)
        print("%s (%s): %d requests" % (name, url, fuzzer.counts["requests"] - before))
    print("statuses: " + ", ".join("%d x %d" % (n, s) for s, n in sorted(fuzzer.statuses.items())))
    for (kind, method, path, status), text in sorted(fuzzer.examples.items(), key=lambda e: str(e[0])):
        print("  e.g. %-12s %s %s -> %s: %s" % (kind, method, path, status, text[:200].replace("\n", " ")))
    result = {k: fuzzer.counts[k] for k in ["5xx", "non-problem", "leaks", "admin-bypass", "connection errors"]}
    print("requests %d in %.0f s; 5xx %d, non-problem errors %d, leaked internals %d, admin bypasses %d, "
          "connection errors %d" % ((fuzzer.counts["requests"], time.time() - start) + tuple(result.values())))
    sys.exit(1 if any(result.values()) else 0)


if __name__ == "__main__":
    main()
