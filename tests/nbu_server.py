"""A stand-in for the NBU's exchange-rate service: a local HTTP server in a
thread, answering from a table the test fills. Tests never reach the internet."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class NbuStub:
    """`rates[(currency, day)] = "48.5123"`; `status`, `body`, `hang` override the answer."""

    url: str = ""
    rates: dict[tuple[str, dt.date], str] = field(default_factory=dict)
    status: int = 200
    body: bytes | None = None
    hang: threading.Event | None = None  # set: answer; unset: hold the request
    requests: list[str] = field(default_factory=list)

    @property
    def day_url(self) -> str:
        return f"{self.url}/exchange?valcode={{currency}}&date={{date}}&json"

    @property
    def range_url(self) -> str:
        return f"{self.url}/exchange_site?start={{start}}&end={{end}}&valcode={{currency}}&json"

    def answer(self, path: str) -> tuple[int, bytes]:
        self.requests.append(path)
        if self.hang is not None:
            self.hang.wait(10)
        if self.status != 200 or self.body is not None:
            return self.status, self.body or b"Internal Server Error"
        parts = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        currency = query.get("valcode", "").upper()
        if parts.path.endswith("exchange_site"):
            start = dt.datetime.strptime(query["start"], "%Y%m%d").date()
            end = dt.datetime.strptime(query["end"], "%Y%m%d").date()
            days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
        else:
            days = [dt.datetime.strptime(query["date"], "%Y%m%d").date()]
        items = [
            f'{{"r030":978,"txt":"Валюта","rate":{self.rates[(currency, day)]},'
            f'"cc":"{currency}","exchangedate":"{day.strftime("%d.%m.%Y")}"}}'
            for day in days
            if (currency, day) in self.rates
        ]
        return 200, ("[" + ",".join(items) + "]").encode()


@contextmanager
def nbu_server() -> Iterator[NbuStub]:
    stub = NbuStub()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = stub.answer(self.path)
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        if stub.hang is not None:
            stub.hang.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
