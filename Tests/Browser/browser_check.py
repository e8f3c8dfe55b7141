#!/usr/bin/env python3
"""The HTML and Markdown reports checked in real tools: headless Chromium and cmark-gfm.

    browser_check.py REPORT.html... [--md REPORT.md ...] [--out DIR] [--docs DIR] [--no-self-test]

For the HTML report, Chromium (driven over its DevTools protocol, `--remote-debugging-port`, with the
`websocket-client` package) opens the file at 1280 and 375 px wide, in the light and the dark colour scheme,
and then prints it to PDF. The check fails when:
  - a script ran while the page loaded (a `Debugger.scriptParsed` event), or the DOM holds a `<script>` or an
    `on…` handler attribute;
  - a network request was attempted (any request but the file itself), or Chromium logged a Content Security
    Policy violation;
  - the Content-Security-Policy meta tag is missing or differs from the expected policy;
  - at 375 px, any element reaches beyond the viewport (outside a box that scrolls on its own), the page is
    wider than the screen, or the summary table does not fit its box;
  - a chart (an `<svg>`) lacks an SVG `<title>`, an `aria-labelledby`/`aria-label`, or a visible caption;
  - visible text has a contrast ratio under 4.5:1 against its background (WCAG AA), in any scheme;
  - a chart is wider than the page when printed, or the PDF is empty.
Page scripts stay blocked by the page's CSP throughout: the measurements run through `Runtime.evaluate`.

Screenshots (viewport and full page), the DOM after load, and the PDF go to --out (default
.build/browser-check), one folder per page. With --docs, the 1280 px and 375 px light screenshots of the first screen are copied
there as report-1280.png and report-375.png (the README shows them).

Then the check proves it can fail: broken copies of the first page (with a script, an external image, no
CSP, an element wider than a phone, a chart without a title, low-contrast text) must each be rejected.

For each --md file, `cmark-gfm -e table` must turn every Markdown table into an HTML table with the same
number of columns in every row, leave no raw HTML ("raw HTML omitted"), and the summary table must fit
120 terminal columns.

Exit status 0 when everything passes, 1 with the list of failures otherwise, 2 when a tool is missing.
"""

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

try:
    import websocket  # websocket-client, from PyPI
except ImportError:
    print("browser_check: the Python package websocket-client is missing (pip install websocket-client)",
          file=sys.stderr)
    sys.exit(2)

EXPECTED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
VARIANTS = [(1280, 900, "light"), (1280, 900, "dark"), (375, 812, "light"), (375, 812, "dark")]
SUMMARY_WIDTH = 120


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class DevTools:
    """A minimal CDP client: one browser connection, commands to one page session (flattened)."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for event in self.events:
            if event.get("method") == method:
                self.events.remove(event)
                return event
        while time.time() < deadline:
            event = json.loads(self.ws.recv())
            if event.get("method") == method:
                return event
            self.events.append(event)
        raise RuntimeError(f"timed out waiting for {method}")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")


# Runs in the page through Runtime.evaluate (page scripts stay blocked by the CSP).
MEASURE = r"""
(() => {
  const vw = document.documentElement.clientWidth;
  const out = { vw, scrollWidth: document.documentElement.scrollWidth, wide: [], charts: [], lowContrast: [],
                csp: null, scripts: document.scripts.length, handlers: [], summaryFits: null,
                statusFits: null };
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  out.csp = meta ? meta.getAttribute('content') : null;
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : '');
  const clippedByScrollBox = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') {
        const r = p.getBoundingClientRect();
        return r.left >= -0.5 && r.right <= vw + 0.5;
      }
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > vw + 0.5 || r.left < -0.5) && !clippedByScrollBox(el)) {
      out.wide.push(describe(el) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (a.name.toLowerCase().startsWith('on')) out.handlers.push(describe(el) + ' ' + a.name);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const title = svg.querySelector(':scope > title');
    const figure = svg.closest('figure');
    const caption = figure ? figure.querySelector('figcaption') : null;
    const r = svg.getBoundingClientRect();
    out.charts.push({
      id: figure ? figure.id : '', title: title ? title.textContent.trim() : '',
      caption: caption ? caption.textContent.trim() : '',
      captionVisible: caption ? caption.getBoundingClientRect().height > 0 : false,
      labelled: svg.hasAttribute('aria-labelledby') || svg.hasAttribute('aria-label'),
      left: r.left, right: r.right, viewBox: svg.getAttribute('viewBox') || ''
    });
  }
  const summary = document.querySelector('#summary table');
  if (summary) {
    const box = summary.parentElement;
    out.summaryFits = summary.getBoundingClientRect().width <= box.clientWidth + 0.5;
  }
  // The second summary (requester wait, agent work, periodic update), where the report has one.
  const status = document.querySelector('#status-metrics table');
  if (status) {
    out.statusFits = status.getBoundingClientRect().width <= status.parentElement.clientWidth + 0.5;
  }
  // Contrast of visible text against the first opaque background behind it (WCAG relative luminance).
  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = (el) => { for (let p = el; p; p = p.parentElement) { const c = parse(getComputedStyle(p).backgroundColor);
    if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  const seen = new Set();
  for (const el of document.body.querySelectorAll('h1,h2,h3,p,li,dt,dd,th,td,a,strong,figcaption')) {
    if (!el.textContent.trim() || el.getBoundingClientRect().height === 0) continue;
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const fg = parse(s.color), bg = background(el);
    if (!fg) continue;
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) {
      const key = describe(el) + ' ' + s.color + ' on ' + JSON.stringify(bg);
      if (!seen.has(key)) { seen.add(key); out.lowContrast.push(key + ' ratio ' + ratio.toFixed(2)); }
    }
  }
  return JSON.stringify(out);
})()
"""

PRINT_MEASURE = r"""
(() => {
  const vw = document.documentElement.clientWidth;
  const cut = [];
  for (const svg of document.querySelectorAll('figure.chart svg')) {
    const r = svg.getBoundingClientRect();
    if (r.right > vw + 0.5 || r.left < -0.5 || r.width < 100) cut.push(svg.closest('figure').id + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return JSON.stringify({ vw, cut });
})()
"""


def check_html(html_path, out_dir, docs_dir, failures, variants=VARIANTS, pdf=True):
    chromium = find_chromium()
    if not chromium:
        print("browser_check: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        sys.exit(2)
    os.makedirs(out_dir, exist_ok=True)
    page_url = "file://" + os.path.abspath(html_path)
    profile = tempfile.mkdtemp(prefix="slareport-chromium-")
    process = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
         f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--force-color-profile=srgb", "--mute-audio",
         "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        ws_url = None
        deadline = time.time() + 60
        while time.time() < deadline and ws_url is None:
            line = process.stderr.readline()
            if not line and process.poll() is not None:
                break
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                ws_url = match.group(1)
        if ws_url is None:
            failures.append("chromium did not start its DevTools endpoint")
            return
        # Keep draining stderr so that Chromium never blocks on a full pipe.
        import threading
        threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()

        cdp = DevTools(ws_url)
        target = cdp.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = cdp.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, session=False)
        cdp.session = attached["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log", "Debugger", "DOM"):
            cdp.send(f"{domain}.enable")

        for width, height, scheme in variants:
            name = f"{width}-{scheme}"
            cdp.send("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
            cdp.send("Emulation.setEmulatedMedia",
                     {"media": "screen", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
            cdp.events.clear()
            cdp.send("Page.navigate", {"url": page_url})
            cdp.wait_for("Page.loadEventFired")
            time.sleep(0.3)
            # Collect the events of the load (a command that runs no script flushes them) before measuring:
            # our own evaluations parse scripts too.
            cdp.send("Page.getLayoutMetrics")
            load_events = list(cdp.events)
            cdp.events.clear()
            scripts = [e for e in load_events if e.get("method") == "Debugger.scriptParsed"]
            if scripts:
                failures.append(f"{name}: {len(scripts)} scripts parsed while loading: "
                                f"{[e['params'].get('url') or '(inline)' for e in scripts][:5]}")
            requests = [e["params"]["request"]["url"] for e in load_events
                        if e.get("method") == "Network.requestWillBeSent"
                        and e["params"]["request"]["url"] != page_url]
            if requests:
                failures.append(f"{name}: network requests attempted: {requests[:5]}")
            violations = [e["params"]["entry"]["text"] for e in load_events if e.get("method") == "Log.entryAdded"
                          and ("Content Security Policy" in e["params"]["entry"]["text"]
                               or e["params"]["entry"].get("source") == "security")]
            if violations:
                failures.append(f"{name}: CSP violations: {violations[:3]}")

            measured = json.loads(cdp.evaluate(MEASURE))
            if measured["csp"] != EXPECTED_CSP:
                failures.append(f"{name}: CSP meta tag is {measured['csp']!r}, expected {EXPECTED_CSP!r}")
            if measured["scripts"]:
                failures.append(f"{name}: {measured['scripts']} <script> elements in the DOM")
            if measured["handlers"]:
                failures.append(f"{name}: event handler attributes: {measured['handlers'][:5]}")
            if not measured["charts"]:
                failures.append(f"{name}: no chart found")
            for chart in measured["charts"]:
                if not chart["title"] or not chart["labelled"] or not chart["caption"] or not chart["captionVisible"]:
                    failures.append(f"{name}: chart {chart['id'] or '?'} lacks a title, label or visible caption")
                if not chart["viewBox"]:
                    failures.append(f"{name}: chart {chart['id']} has no viewBox")
            if width < 600:
                if measured["scrollWidth"] > measured["vw"]:
                    failures.append(f"{name}: the page is {measured['scrollWidth']} px wide on a {measured['vw']} px screen")
                if measured["wide"]:
                    failures.append(f"{name}: elements wider than the viewport: {measured['wide'][:8]}")
                if measured["summaryFits"] is not True:
                    failures.append(f"{name}: the summary table does not fit the screen")
                if measured["statusFits"] is False:
                    failures.append(f"{name}: the requester wait / agent work table does not fit the screen")
            if measured["lowContrast"]:
                failures.append(f"{name}: text below 4.5:1 contrast: {measured['lowContrast'][:6]}")
            print(f"browser_check: {name}: {len(measured['charts'])} charts, page {measured['scrollWidth']} px "
                  f"on {measured['vw']} px, {len(measured['wide'])} overflowing, "
                  f"{len(measured['lowContrast'])} low-contrast, {len(load_events)} load events")

            shot = cdp.send("Page.captureScreenshot", {"format": "png"})
            viewport_png = os.path.join(out_dir, f"viewport-{name}.png")
            with open(viewport_png, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            metrics = cdp.send("Page.getLayoutMetrics")
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            full = cdp.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": min(size["height"], 16000), "scale": 1}})
            with open(os.path.join(out_dir, f"page-{name}.png"), "wb") as f:
                f.write(base64.b64decode(full["data"]))
            dom = cdp.send("DOM.getDocument", {"depth": -1})
            outer = cdp.send("DOM.getOuterHTML", {"nodeId": dom["root"]["nodeId"]})
            with open(os.path.join(out_dir, f"dom-{name}.html"), "w", encoding="utf-8") as f:
                f.write(outer["outerHTML"])
            if docs_dir and scheme == "light":
                os.makedirs(docs_dir, exist_ok=True)
                shutil.copyfile(viewport_png, os.path.join(docs_dir, f"report-{width}.png"))

        if not pdf:
            return
        # Print: A4 portrait, the print style sheet.
        cdp.send("Emulation.clearDeviceMetricsOverride")
        cdp.send("Emulation.setEmulatedMedia", {"media": "print", "features": []})
        cdp.send("Emulation.setDeviceMetricsOverride", {"width": 718, "height": 1000, "deviceScaleFactor": 1,
                                                       "mobile": False})
        printed = json.loads(cdp.evaluate(PRINT_MEASURE))
        if printed["cut"]:
            failures.append(f"print: charts cut or squeezed at {printed['vw']} px: {printed['cut']}")
        cdp.send("Emulation.clearDeviceMetricsOverride")
        pdf = cdp.send("Page.printToPDF", {"printBackground": True, "paperWidth": 8.27, "paperHeight": 11.69})
        data = base64.b64decode(pdf["data"])
        with open(os.path.join(out_dir, "report.pdf"), "wb") as f:
            f.write(data)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
        if not data.startswith(b"%PDF") or pages < 1:
            failures.append("print: the PDF is empty")
        print(f"browser_check: print: {pages} PDF pages, {len(printed['cut'])} cut charts")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


def display_width(text):
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u200e\u200f\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def check_markdown(md_path, failures):
    cmark = shutil.which("cmark-gfm")
    if not cmark:
        print("browser_check: cmark-gfm is not installed (apt-get install cmark-gfm)", file=sys.stderr)
        sys.exit(2)
    with open(md_path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    delimiter = re.compile(r"^\|( *:?-+:? *\|)+$")
    md_tables = [i for i, line in enumerate(lines) if delimiter.match(line)]
    html = subprocess.run([cmark, "-e", "table", md_path], capture_output=True, text=True, check=True).stdout
    tables = re.findall(r"<table>(.*?)</table>", html, re.S)
    if len(tables) != len(md_tables):
        failures.append(f"{md_path}: {len(md_tables)} Markdown tables became {len(tables)} HTML tables")
    for index, table in enumerate(tables):
        header = len(re.findall(r"<th[ >]", table))
        for row in re.findall(r"<tbody>.*?</tbody>", table, re.S):
            for tr in re.findall(r"<tr>(.*?)</tr>", row, re.S):
                cells = len(re.findall(r"<td[ >]", tr))
                if cells != header:
                    failures.append(f"{md_path}: table {index + 1} has a row of {cells} cells under {header} headers")
                    break
    if "raw HTML omitted" in html or "<script" in html.lower():
        failures.append(f"{md_path}: raw HTML reached cmark-gfm's output")
    # The summary table: from "## Summary" to the next blank line after its rows.
    try:
        start = lines.index("## Summary")
    except ValueError:
        failures.append(f"{md_path}: no summary section")
        return
    summary = []
    for line in lines[start + 1:]:
        if line.startswith("|"):
            summary.append(line)
        elif summary:
            break
    widest = max((display_width(line) for line in summary), default=0)
    if not summary or widest > SUMMARY_WIDTH:
        failures.append(f"{md_path}: the summary table is {widest} columns wide (at most {SUMMARY_WIDTH})")
    print(f"browser_check: {md_path}: {len(tables)} tables through cmark-gfm, summary {widest} columns")


# Broken copies of a report, each of which the check must reject (a check that cannot fail proves nothing).
SELF_TEST = [
    ("a script", lambda s: s.replace("<body>", "<body><script>document.title='x'</script>", 1), "<script> elements"),
    ("a network request", lambda s: s.replace("<body>", '<body><img src="https://example.com/x.png" alt="">', 1),
     "network requests attempted"),
    ("no CSP", lambda s: re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", s), "CSP meta tag is None"),
    ("a wide element", lambda s: s.replace("<header>", '<header><div style="width:700px">wide</div>', 1),
     "elements wider than the viewport"),
    ("a chart without a title", lambda s: re.sub(r'<title id="chart-attainment-title">[^<]*</title>', "", s),
     "lacks a title"),
    ("low contrast", lambda s: s.replace("--muted: #59636e;", "--muted: #b0b0b0;", 1), "contrast"),
]


def self_test(html_path, out_dir):
    """Runs the check on broken copies of `html_path` (375 px light only, no PDF); returns the failures."""
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    problems = []
    directory = tempfile.mkdtemp(prefix="slareport-self-test-")
    try:
        for index, (name, breaks, expected) in enumerate(SELF_TEST):
            broken = breaks(page)
            if broken == page:
                problems.append(f"self-test: could not break the page with {name}")
                continue
            path = os.path.join(directory, f"broken-{index}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(broken)
            found = []
            check_html(path, os.path.join(out_dir, f"self-test-{index}"), None, found,
                       variants=[(375, 812, "light")], pdf=False)
            if not any(expected in failure for failure in found):
                problems.append(f"self-test: a page with {name} passed the check (found: {found[:3]})")
            else:
                print(f"browser_check: self-test: a page with {name} is rejected")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("html", nargs="+")
    parser.add_argument("--md", action="append", default=[])
    parser.add_argument("--out", default=".build/browser-check")
    parser.add_argument("--docs")
    parser.add_argument("--no-self-test", action="store_true", help="skip checking broken copies of the page")
    args = parser.parse_args()
    failures = []
    for index, html in enumerate(args.html):
        out = os.path.join(args.out, f"report-{index + 1}")
        print(f"browser_check: {html} (screenshots in {out})")
        check_html(html, out, args.docs if index == 0 else None, failures)
    for md in args.md:
        check_markdown(md, failures)
    if not args.no_self_test:
        failures += self_test(args.html[0], args.out)
    if failures:
        print("browser_check: FAILED", file=sys.stderr)
        for failure in failures:
            print("  - " + failure, file=sys.stderr)
        return 1
    print(f"browser_check: passed; screenshots, DOM and PDF in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
