"""The FastAPI application: JSON endpoints under /api, the dashboard at /, API docs at /docs.

Every error leaves as ``ErrorResponse`` (see tealeaves/api_models.py). Static files are read from
the package once, at start, into a name -> bytes table; no part of a request path is ever joined
to a file-system path.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tealeaves import api_models as m
from tealeaves import readout
from tealeaves.errors import InputError, StoreError, TealeavesError
from tealeaves.serve import queries
from tealeaves.serve.index import Indexes
from tealeaves.serve.writer import Writer
from tealeaves.settings import Settings, load_settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024 * 1024
CACHE_BYTES = 64 * 1024 * 1024
MAX_PAGE = 500
MAX_PERIODS = readout.MAX_PERIODS  # the one cap on the points of every series and say-versus-do answer
PERIOD_HELP = (f"day, week or month. At most {MAX_PERIODS} periods between the first and last date (given, or "
               "else the pair's first or last event); a longer series is refused with 400.")
STATIC_FILES = {
    "index.html": "text/html; charset=utf-8",
    "docs.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "docs.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "vendor/chart.umd.min.js": "text/javascript; charset=utf-8",
    "vendor/LICENSE-chart.js.md": "text/plain; charset=utf-8",
}
ERRORS: dict[int | str, dict[str, Any]] = {s: {"model": m.ErrorResponse} for s in (400, 404, 413, 422, 500)}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {**ERRORS, 401: {"model": m.ErrorResponse}, 403: {"model": m.ErrorResponse}}
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 422: "invalid_request", 500: "server_error", 503: "unavailable"}
CODE_RE = r"^[A-Za-z0-9]{1,32}$"
MIN_CONFIDENCE_HELP = "Leave out events scored below this confidence, 0-1 (default: the server's min_confidence setting)."


class ApiError(Exception):
    def __init__(self, status: int, message: str, detail: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.detail = status, message, detail


def error_response(status: int, message: str, detail: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = m.ErrorResponse(error=m.ErrorBody(status=status, code=CODES.get(status, "error"), message=message, detail=detail))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, by header or while streaming."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = error_response(413, f"request body over {self.limit} bytes; send fewer documents per request")
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await too_big(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise ApiError(413, f"request body over {self.limit} bytes; send fewer documents per request")
            return msg

        await self.app(scope, limited, send)


def _static() -> dict[str, bytes]:
    root = resources.files("tealeaves.static")
    out = {}
    for name in STATIC_FILES:
        node = root
        for part in name.split("/"):
            node = node.joinpath(part)
        out[name] = node.read_bytes()
    return out


def _modalities(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return tuple(out)


class LazyCursor:
    """A cursor of the store connection, opened on first use (a cached answer needs none)."""

    def __init__(self, con: Any) -> None:
        self._con = con
        self._cur: Any = None

    def execute(self, *args: Any) -> Any:
        if self._cur is None:
            self._cur = self._con.cursor()
        return self._cur.execute(*args)

    def close(self) -> None:
        if self._cur is not None:
            self._cur.close()


class ResponseCache:
    """JSON bodies of recent GET answers, keyed by the store's write generation and the request URL."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes, self.size = max_bytes, 0
        self._items: OrderedDict[tuple[int, str, str], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple[int, str, str]) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: tuple[int, str, str], body: bytes) -> None:
        if self.max_bytes <= 0 or len(body) > self.max_bytes // 8:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self.size += len(body) - (len(old) if old else 0)
            self._items[key] = body
            while self.size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped)


def _check_range(start: dt.date | None, end: dt.date | None, period: str, names: tuple[str, str] = ("start", "end")) -> None:
    """Refuses a bad or too long range before any work; an open end is bounded later, once the
    data's first or last date is known (``readout.check_periods``)."""
    if start and end and end < start:
        raise InputError(f"{names[1]} is before {names[0]}")
    if any(d and d.year >= 9999 for d in (start, end)):
        raise InputError("dates must lie before the year 9999")
    readout.check_periods(start, end, period, MAX_PERIODS)


def reader(request: Request) -> Iterator[Any]:
    """A cursor of the app's store connection for one request (DuckDB cursors are per-thread)."""
    cur = LazyCursor(request.app.state.con)
    try:
        yield cur
    finally:
        cur.close()


Cur = Annotated[Any, Depends(reader)]


def create_app(con: Any, settings: Settings | None = None, token: str | None = None, cache_bytes: int = CACHE_BYTES,
               use_index: bool = True) -> FastAPI:
    """The application over an open store connection. With ``token`` None the API is read-only.
    ``cache_bytes`` bounds the cache of GET answers (0: none); ``use_index`` keeps the in-memory index."""
    settings = settings or load_settings()
    writer = Writer(con, settings)
    cache = ResponseCache(cache_bytes)
    indexes = Indexes(con) if use_index else None
    files = _static()
    names = queries.actor_names()
    app = FastAPI(title="tealeaves", version="1", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Political event data coded from news: events, documents, dyad series, actors.")
    app.state.writer = writer
    app.state.con = con
    app.state.cache = cache
    writer.catch_up()
    if indexes is not None:
        indexes.get("events", writer.generation)
        indexes.get("clusters", writer.generation)

    def cached(request: Request, model: type[Any], compute: Callable[[], dict[str, Any]]) -> Response:
        key = (writer.generation, request.url.path, request.url.query)
        body = cache.get(key)
        if body is None:
            body = model.model_validate(compute()).model_dump_json().encode()
            cache.put(key, body)
        return Response(body, media_type="application/json")

    def _threshold(value: float | None) -> float:
        return settings.min_confidence if value is None else value

    def index_of(table: str) -> Any:
        return indexes.get(table, writer.generation) if indexes is not None else None
    app.add_middleware(BodyLimit)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API lives under /api (see /docs)"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                  for e in exc.errors()]
        first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
        return error_response(422, f"invalid request: {'.'.join(first['loc'])}: {first['msg']}", detail)

    @app.exception_handler(queries.NotFound)
    async def _not_found(request: Request, exc: queries.NotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(TealeavesError)
    async def _tealeaves(request: Request, exc: TealeavesError) -> JSONResponse:
        status = 400 if isinstance(exc, InputError) else 503 if isinstance(exc, StoreError) else 500
        return error_response(status, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal error; the server log has the details")

    def require_token(authorization: Annotated[str | None, Header()] = None,
                      x_tealeaves_token: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise ApiError(403, "this server is read-only; start it with --token or TEALEAVES_TOKEN to accept documents")
        given = x_tealeaves_token or (authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None)
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "missing or wrong token; send 'Authorization: Bearer <token>'")

    # --- pages -------------------------------------------------------------------------------------
    def page(name: str) -> Response:
        return Response(files[name], media_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return page("index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return page("docs.html")

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in files:
            raise ApiError(404, f"no static file {name!r}")
        return page(name)

    # --- reads -------------------------------------------------------------------------------------
    @app.get("/api/events", response_model=m.EventPage, responses=ERRORS, tags=["events"])
    def list_events(
        request: Request,
        cur: Cur,
        actor: Annotated[str | None, Query(max_length=32, description="Actor code or prefix (RUS matches RUSGOV), either side.")] = None,
        dyad: Annotated[str | None, Query(max_length=65, description="Two codes, 'USA,RUS', either direction.")] = None,
        code: Annotated[str | None, Query(max_length=8, description="CAMEO code prefix, e.g. 04 or 042.")] = None,
        root: Annotated[str | None, Query(max_length=4, description="CAMEO root code, e.g. 19.")] = None,
        quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
        modality: Annotated[list[str] | None, Query(max_length=10, description="asserted, reported, negated, hypothetical, future (repeat or comma-separate).")] = None,
        start: Annotated[dt.date | None, Query(description="First date (inclusive).")] = None,
        end: Annotated[dt.date | None, Query(description="Last date (inclusive).")] = None,
        outlet: Annotated[str | None, Query(max_length=500, description="Outlet of the article.")] = None,
        q: Annotated[str | None, Query(max_length=200, description="Words in the coded sentence.")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        cursor: Annotated[str | None, Query(max_length=600, description="next_cursor from the previous page.")] = None,
        with_sources: Annotated[bool, Query(description="Add each event's outlets and independent-source count.")] = False,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=MIN_CONFIDENCE_HELP)] = None,
    ) -> Response:
        pair = None
        if dyad:
            parts = [p.strip() for p in dyad.split(",") if p.strip()]
            if len(parts) != 2:
                raise InputError("dyad needs two actor codes separated by a comma, e.g. USA,RUS")
            pair = (parts[0], parts[1])
        f = queries.EventFilter(actor=actor, dyad=pair, code=code, root=root, quad=quad, modalities=_modalities(modality),
                                start=start, end=end, outlet=outlet, q=q, min_confidence=_threshold(min_confidence))

        def compute() -> dict[str, Any]:
            items, nxt = queries.list_events(cur, f, limit, cursor, index_of("events"))
            if with_sources:
                queries.add_sources(cur, items)
            return {"items": items, "next_cursor": nxt, "limit": limit}

        return cached(request, m.EventPage, compute)

    @app.get("/api/events/{event_id}", response_model=m.EventDetail, responses=ERRORS, tags=["events"])
    def get_event(request: Request, cur: Cur, event_id: Annotated[str, Path(max_length=128)]) -> Response:
        return cached(request, m.EventDetail, lambda: queries.event_detail(cur, event_id))

    @app.get("/api/documents/{doc_id}", response_model=m.DocumentOut, responses=ERRORS, tags=["documents"])
    def get_document(request: Request, cur: Cur, doc_id: Annotated[str, Path(max_length=512)]) -> Response:
        return cached(request, m.DocumentOut, lambda: queries.document(cur, doc_id))

    bounded = {"x-max-periods": MAX_PERIODS}

    @app.get("/api/dyads/{a}/{b}/series", response_model=m.DyadSeries, responses=ERRORS, tags=["dyads"], openapi_extra=bounded)
    def series(
        request: Request,
        cur: Cur,
        a: Annotated[str, Path(pattern=CODE_RE)],
        b: Annotated[str, Path(pattern=CODE_RE)],
        period: Annotated[str, Query(pattern="^(day|week|month)$", description=PERIOD_HELP)] = "week",
        start: Annotated[dt.date | None, Query(description="First date (inclusive).")] = None,
        end: Annotated[dt.date | None, Query(description="Last date (inclusive).")] = None,
        all_modalities: Annotated[bool, Query(description="Count negated, hypothetical and future events too.")] = False,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=MIN_CONFIDENCE_HELP)] = None,
    ) -> Response:
        """Clustered events (one per happening, however many articles report it) per period."""
        _check_range(start, end, period)
        mods = None if all_modalities else list(settings.default_modalities)
        threshold = _threshold(min_confidence)

        def compute() -> dict[str, Any]:
            with writer.lock.read():
                points = queries.dyad_series(cur, a, b, period, all_modalities, start, end, index_of("clusters"),
                                             settings.default_modalities, MAX_PERIODS, threshold)
            return {"a": a.upper(), "b": b.upper(), "period": period, "modalities": mods, "points": points,
                    "min_confidence": threshold}

        return cached(request, m.DyadSeries, compute)

    @app.get("/api/dyads/{a}/{b}/saydo", response_model=m.SayDoOut, responses=ERRORS, tags=["dyads"], openapi_extra=bounded)
    def saydo(
        request: Request,
        cur: Cur,
        a: Annotated[str, Path(pattern=CODE_RE)],
        b: Annotated[str, Path(pattern=CODE_RE)],
        period: Annotated[str, Query(pattern="^(day|week|month)$", description=PERIOD_HELP)] = "week",
        start: Annotated[dt.date | None, Query(alias="from", description="First date (inclusive).")] = None,
        end: Annotated[dt.date | None, Query(alias="to", description="Last date (inclusive).")] = None,
        all_modalities: Annotated[bool, Query(description="Count negated, hypothetical and future events too.")] = False,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=MIN_CONFIDENCE_HELP)] = None,
    ) -> Response:
        """Say versus do: the verbal and material tracks, the contact line (consultations, visits,
        meetings, negotiations) against the rhetoric line (demands, accusations, threats, cuts in
        relations), the strongest events behind each track, and the flagged periods."""
        _check_range(start, end, period, ("from", "to"))

        def compute() -> dict[str, Any]:
            with writer.lock.read():
                return queries.say_vs_do(cur, a, b, period, all_modalities, start, end, settings.default_modalities, MAX_PERIODS,
                                         _threshold(min_confidence))

        return cached(request, m.SayDoOut, compute)

    @app.get("/api/review", response_model=m.EventPage, responses=ERRORS, tags=["review"])
    def review_queue(
        request: Request,
        cur: Cur,
        a: Annotated[str, Query(pattern=CODE_RE, description="First actor code of the pair.")],
        b: Annotated[str, Query(pattern=CODE_RE, description="Second actor code of the pair.")],
        start: dt.date | None = None,
        end: dt.date | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    ) -> Response:
        """The pair's unreviewed events in the period, least sure first: the analyst's review queue."""
        _check_range(start, end, "week")
        return cached(request, m.EventPage, lambda: {"items": queries.review_queue(cur, a, b, start, end, settings.default_modalities, limit),
                                                     "next_cursor": None, "limit": limit})

    @app.get("/api/actors", response_model=m.ActorList, responses=ERRORS, tags=["actors"])
    def list_actors(request: Request, cur: Cur, q: Annotated[str | None, Query(max_length=100)] = None,
                    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> Response:
        return cached(request, m.ActorList, lambda: {"items": queries.actors(cur, q, limit, names)})

    @app.get("/api/network", response_model=m.NetworkOut, responses=ERRORS, tags=["actors"])
    def network(request: Request, cur: Cur, start: dt.date | None = None, end: dt.date | None = None,
                limit: Annotated[int, Query(ge=1, le=200)] = 40, all_modalities: bool = False,
                min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=MIN_CONFIDENCE_HELP)] = None) -> Response:
        mods = None if all_modalities else list(settings.default_modalities)
        return cached(request, m.NetworkOut, lambda: queries.network(cur, start, end, mods, limit, names, _threshold(min_confidence)))

    @app.get("/api/stats", response_model=m.StatsOut, responses=ERRORS, tags=["stats"])
    def get_stats(request: Request, cur: Cur) -> Response:
        def compute() -> dict[str, Any]:
            out = queries.stats(cur)
            out["by_modality"] = {str(k): v for k, v in out["by_modality"].items()}
            out["writable"] = bool(token)
            out["min_confidence"] = settings.min_confidence
            return out

        return cached(request, m.StatsOut, compute)

    # --- writes ------------------------------------------------------------------------------------
    @app.post("/api/documents", response_model=m.IngestResult, responses=WRITE_ERRORS, tags=["documents"],
              dependencies=[Depends(require_token)])
    def post_documents(body: Annotated[m.DocumentIn | list[m.DocumentIn] | m.DocumentBatch, Body()]) -> dict[str, Any]:
        """Code and store one document, a list of them, or ``{"documents": [...]}``; needs the token."""
        docs = body.documents if isinstance(body, m.DocumentBatch) else body if isinstance(body, list) else [body]
        if len(docs) > 1000:
            raise ApiError(413, "at most 1000 documents per request")
        return writer.write_records([d.model_dump(exclude_none=True) for d in docs])

    @app.post("/api/events/{event_id}/review", response_model=m.CorrectionOut, responses=WRITE_ERRORS, tags=["review"],
              dependencies=[Depends(require_token)])
    def review_event(event_id: Annotated[str, Path(max_length=128)], body: m.ReviewIn) -> dict[str, Any]:
        """Mark an event right or wrong, or correct its code, source or target; needs the token. The
        correction is stored and overrides the coder in counts, charts and exports."""
        from tealeaves import corrections

        with writer.lock.write():
            cur = con.cursor()  # a cursor per thread, as the writer uses
            try:
                out = corrections.correct(cur, event_id, body.verdict, body.cameo, body.source, body.target, body.author)
            except corrections.NoSuchEvent as exc:
                raise ApiError(404, str(exc)) from None
            finally:
                cur.close()
                writer.generation += 1
        return out

    return app
