"""A recording stand-in for DeepSeek's API, listening on 127.0.0.1 only.

It keeps every request (method, path, JSON body) and answers in the shapes
the client libraries parse: OpenAI-compatible chat completions (JSON, and
server-sent events when ``"stream": true``, with a usage chunk), legacy
completions, the Responses API, model listings, and Anthropic ``/messages``
(JSON and events). Standard library only, so the plain test run needs
nothing extra.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CREATED = 1_767_225_600  # a fixed timestamp keeps the answers identical run to run


@dataclass
class Request:
    method: str
    path: str  # without the tag segment
    body: Any  # the parsed JSON body, or the raw text when it is not JSON
    tag: str = ""  # from a base URL ending in /wire-TAG: which program sent it


class Recorder:
    """The server and what it received. ``base_url`` has no trailing slash.

    ``url_for(tag)`` is a base URL whose requests are recorded with that tag,
    so programs running at the same time can be told apart.
    """

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.content = "ok"  # the assistant's text in every answer
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="wire-recorder", daemon=True)
        self._thread.start()
        host, port = self._server.server_address[:2]
        self.base_url = f"http://{host}:{port}"

    def url_for(self, tag: str) -> str:
        return f"{self.base_url}/wire-{tag}"

    def take(self, tag: str) -> list[Request]:
        """The requests sent with ``tag``, removed from the record."""
        with self._lock:
            mine = [r for r in self.requests if r.tag == tag]
            self.requests = [r for r in self.requests if r.tag != tag]
        return mine

    @property
    def bodies(self) -> list[Any]:
        """The JSON bodies of the POST requests, in the order they came."""
        with self._lock:
            return [r.body for r in self.requests if r.method == "POST"]

    @property
    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
        self.content = "ok"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)


def _handler_for(recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def _split_tag(self) -> str:
            """Take ``/wire-TAG`` off the front of the path; the tag."""
            if self.path.startswith("/wire-"):
                head, _, rest = self.path[len("/wire-") :].partition("/")
                self.path = "/" + rest
                return head
            return ""

        def do_GET(self) -> None:
            tag = self._split_tag()
            recorder._record(Request("GET", self.path, None, tag))
            path = self.path.split("?", 1)[0].rstrip("/")
            if path.endswith("/models"):
                self._json(200, {"object": "list", "data": [_model_entry("deepseek-v4-flash")]})
            elif "/models/" in path:
                self._json(200, _model_entry(path.rsplit("/", 1)[1]))
            else:
                self._json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

        def do_POST(self) -> None:
            tag = self._split_tag()
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if self.headers.get("Content-Encoding") == "gzip":
                import gzip

                raw = gzip.decompress(raw)
            try:
                body: Any = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
            recorder._record(Request("POST", self.path, body, tag))
            request = body if isinstance(body, dict) else {}
            path = self.path.split("?", 1)[0].rstrip("/")
            content = recorder.content
            stream = bool(request.get("stream"))
            if path.endswith("/chat/completions"):
                if stream:
                    self._events(_chat_chunks(request, content))
                else:
                    self._json(200, _chat_completion(request, content))
            elif path.endswith("/messages"):
                if stream:
                    self._events(_anthropic_events(request, content), named=True)
                else:
                    self._json(200, _anthropic_message(request, content))
            elif path.endswith("/responses"):
                if stream:
                    self._events(_response_events(request, content), named=True)
                else:
                    self._json(200, _response(request, content))
            elif path.endswith("/completions"):
                if stream:
                    self._events(_text_chunks(request, content))
                else:
                    self._json(200, _text_completion(request, content))
            else:
                self._json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

        def _json(self, status: int, payload: Any) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-request-id", "req-wire")
            self.end_headers()
            self.wfile.write(data)

        def _events(self, events: list[tuple[str | None, Any]], named: bool = False) -> None:
            parts = []
            for name, payload in events:
                data = payload if isinstance(payload, str) else json.dumps(payload)
                prefix = f"event: {name}\n" if named and name else ""
                parts.append(f"{prefix}data: {data}\n\n")
            data = "".join(parts).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-request-id", "req-wire")
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _model_entry(model: str) -> dict:
    return {"id": model, "object": "model", "created": CREATED, "owned_by": "deepseek"}


def _usage() -> dict:
    return {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}


def _content_for(request: dict, content: str) -> str:
    """Plain text, or an instance of the JSON schema the request asks for
    (so ``parse`` and structured-output helpers get something they accept)."""
    fmt = request.get("response_format")
    if isinstance(fmt, dict):
        if fmt.get("type") == "json_schema":
            schema = (fmt.get("json_schema") or {}).get("schema") or {}
            return json.dumps(instance_of(schema, schema))
        if fmt.get("type") == "json_object":
            return json.dumps({"answer": content})
    return content


def instance_of(schema: Any, root: Any) -> Any:
    """A small value that validates against ``schema`` (the usual Pydantic subset)."""
    if not isinstance(schema, dict):
        return "ok"
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        return instance_of(target, root)
    for key in ("anyOf", "oneOf", "allOf"):
        if schema.get(key):
            return instance_of(schema[key][0], root)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        return {name: instance_of(sub, root) for name, sub in (schema.get("properties") or {}).items()}
    if kind == "array":
        return []
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return "ok"


def _chat_completion(request: dict, content: str) -> dict:
    return {
        "id": "chatcmpl-wire",
        "object": "chat.completion",
        "created": CREATED,
        "model": request.get("model", ""),
        "system_fingerprint": "fp_wire",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": _content_for(request, content)},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": _usage(),
    }


def _chat_chunks(request: dict, content: str) -> list[tuple[str | None, Any]]:
    def chunk(delta: dict, finish: str | None, usage: dict | None = None, choices: bool = True) -> dict:
        out: dict = {
            "id": "chatcmpl-wire",
            "object": "chat.completion.chunk",
            "created": CREATED,
            "model": request.get("model", ""),
            "system_fingerprint": "fp_wire",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}] if choices else [],
        }
        if usage is not None:
            out["usage"] = usage
        return out

    text = _content_for(request, content)
    events: list[tuple[str | None, Any]] = [
        (None, chunk({"role": "assistant", "content": ""}, None)),
        (None, chunk({"content": text}, None)),
        (None, chunk({}, "stop")),
    ]
    # the usage chunk: no choices, as the API sends it when include_usage is set
    events.append((None, chunk({}, None, _usage(), choices=False)))
    events.append((None, "[DONE]"))
    return events


def _text_completion(request: dict, content: str) -> dict:
    return {
        "id": "cmpl-wire",
        "object": "text_completion",
        "created": CREATED,
        "model": request.get("model", ""),
        "choices": [{"text": content, "index": 0, "logprobs": None, "finish_reason": "stop"}],
        "usage": _usage(),
    }


def _text_chunks(request: dict, content: str) -> list[tuple[str | None, Any]]:
    base = {"id": "cmpl-wire", "object": "text_completion", "created": CREATED, "model": request.get("model", "")}
    return [
        (None, {**base, "choices": [{"text": content, "index": 0, "logprobs": None, "finish_reason": None}]}),
        (None, {**base, "choices": [{"text": "", "index": 0, "logprobs": None, "finish_reason": "stop"}], "usage": _usage()}),
        (None, "[DONE]"),
    ]


def _anthropic_message(request: dict, content: str) -> dict:
    return {
        "id": "msg_wire",
        "type": "message",
        "role": "assistant",
        "model": request.get("model", ""),
        "content": [{"type": "text", "text": content}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 1},
    }


def _anthropic_events(request: dict, content: str) -> list[tuple[str | None, Any]]:
    start = {**_anthropic_message(request, content), "content": [], "stop_reason": None}
    start["usage"] = {"input_tokens": 5, "output_tokens": 0}
    return [
        ("message_start", {"type": "message_start", "message": start}),
        ("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": content}}),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        (
            "message_delta",
            {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None}, "usage": {"output_tokens": 1}},
        ),
        ("message_stop", {"type": "message_stop"}),
    ]


def _response(request: dict, content: str, status: str = "completed") -> dict:
    message = {
        "type": "message",
        "id": "msg_wire",
        "status": "completed",
        "role": "assistant",
        "content": [{"type": "output_text", "text": content, "annotations": []}],
    }
    return {
        "id": "resp_wire",
        "object": "response",
        "created_at": CREATED,
        "model": request.get("model", ""),
        "status": status,
        "output": [message] if status == "completed" else [],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "error": None,
        "incomplete_details": None,
        "instructions": None,
        "metadata": {},
        "temperature": 1.0,
        "top_p": 1.0,
        "text": {"format": {"type": "text"}},
        "usage": {
            "input_tokens": 5,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": 1,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": 6,
        },
    }


def _response_events(request: dict, content: str) -> list[tuple[str | None, Any]]:
    done = _response(request, content)
    item = done["output"][0]
    return [
        ("response.created", {"type": "response.created", "sequence_number": 0, "response": _response(request, content, "in_progress")}),
        (
            "response.output_item.added",
            {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0, "item": {**item, "status": "in_progress", "content": []}},
        ),
        (
            "response.output_text.delta",
            {"type": "response.output_text.delta", "sequence_number": 2, "item_id": "msg_wire", "output_index": 0, "content_index": 0, "delta": content, "logprobs": []},
        ),
        (
            "response.output_item.done",
            {"type": "response.output_item.done", "sequence_number": 3, "output_index": 0, "item": item},
        ),
        ("response.completed", {"type": "response.completed", "sequence_number": 4, "response": done}),
    ]

