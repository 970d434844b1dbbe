"""`/schema` without a CDN: the OpenAPI document rendered on the server as a plain page.

Litestar's documentation UIs (Redoc, Swagger, Scalar, ...) load their JavaScript from a
CDN, so they are blank offline. This renderer needs none: every operation with its
parameters and responses, and every schema with its fields, as HTML tables styled by the
pages' own stylesheet. The machine-readable document stays at `/schema/openapi.json`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from litestar import Request
from litestar.openapi.plugins import OpenAPIRenderPlugin

from calendar_svc.api.pages.static import static_url

_METHODS = ("get", "post", "put", "patch", "delete")


@functools.cache
def _environment(directory: Path) -> Environment:
    return Environment(loader=FileSystemLoader(directory), autoescape=select_autoescape())


def type_of(schema: dict[str, Any] | None) -> str:
    """A JSON Schema as a short type: `string (date)`, `list[TripView]`, `int | null`."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " | ".join(type_of(s) for s in schema[key])
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        if "prefixItems" in schema:
            return "[" + ", ".join(type_of(s) for s in schema["prefixItems"]) + "]"
        return f"list[{type_of(schema.get('items'))}]"
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        return f"map[string, {type_of(extra if isinstance(extra, dict) else None)}]"
    text = str(kind or "any")
    if "format" in schema:
        text += f" ({schema['format']})"
    return text


def limits(schema: dict[str, Any] | None) -> str:
    """The constraints a client must meet, in words."""
    if not schema:
        return ""
    found = [schema, *schema.get("oneOf", [])]
    parts: list[str] = []
    for s in found:
        for key, word in (
            ("minimum", "≥"),
            ("maximum", "≤"),
            ("maxLength", "length ≤"),
            ("pattern", "matches"),
            ("default", "default"),
        ):
            if key in s:
                value = s[key]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                parts.append(f"{word} {value}")
    return ", ".join(dict.fromkeys(parts))


class ReferenceRenderPlugin(OpenAPIRenderPlugin):
    """The API reference as server-rendered HTML (no JavaScript)."""

    def __init__(self, templates: Path, path: str | list[str] = "/") -> None:
        super().__init__(path=path)
        self.templates = templates

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        operations = [
            (path, method, operation)
            for path, item in sorted(openapi_schema.get("paths", {}).items())
            for method in _METHODS
            if (operation := item.get(method)) is not None
        ]
        template = _environment(self.templates).get_template("schema.html")
        return template.render(
            info=openapi_schema.get("info", {}),
            operations=operations,
            schemas=sorted(openapi_schema.get("components", {}).get("schemas", {}).items()),
            json_url=self.get_openapi_json_route(request),
            stylesheet=static_url("style.css"),
            type_of=type_of,
            limits=limits,
        ).encode()
