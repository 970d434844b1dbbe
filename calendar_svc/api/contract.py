"""What the OpenAPI document says beyond the types, set once here rather than per route.

Litestar names operations after their path (``TripsTripIdGetTrip``), which generated
clients turn into unreadable methods; it types a time of day as a duration and a pair as
``prefixItems`` alone, which linters and client generators misread. The ETag answers
(`ETAG_HEADERS`, `tagged_responses`), the feeds' (`FEED_RESPONSES`) and the example
article body live here too.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING, Annotated, Any

from litestar.datastructures import ResponseHeader
from litestar.enums import RequestEncodingType
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import Example, OpenAPIFormat, OpenAPIType, Schema
from litestar.params import Body
from litestar.plugins import OpenAPISchemaPlugin

from calendar_svc.api.dto import ArticleIn
from calendar_svc.api.problems import problem_responses

if TYPE_CHECKING:
    from litestar._openapi.schema_generation import SchemaCreator
    from litestar.handlers import HTTPRouteHandler
    from litestar.types import Method
    from litestar.typing import FieldDefinition

#: Handlers whose function name alone would say too little to a client's reader.
_OPERATION_IDS = {
    "submit": "submitArticle",
    "everything": "getCalendar",
    "country": "getCountryCalendar",
    "trip": "getTripCalendar",
    "person_feed": "getPersonCalendar",
    "health": "getHealth",
    "live": "getLiveness",
    "ready": "getReadiness",
    "checkpoint": "getLogCheckpoint",
}


#: What `ETagMiddleware` adds to a JSON GET's 200 (see calendar_svc.api.etag).
ETAG_HEADERS = [
    ResponseHeader(
        name="ETag",
        documentation_only=True,
        description="The log position and the request; send it as If-None-Match for a 304",
        value='"p42-9f86d081884c7d65e0f1"',  # for its type (a string): never sent from here
        required=True,
    ),
    ResponseHeader(
        name="Cache-Control",
        documentation_only=True,
        description="no-cache: keep the answer, but revalidate it with its ETag",
        value="no-cache",
        required=True,
    ),
]


def tagged_responses(*statuses: int) -> dict[int, ResponseSpec]:
    """A JSON GET's other answers: 304 for a matching If-None-Match, and its problems."""
    return {
        304: ResponseSpec(None, description="Not Modified: If-None-Match names the current ETag"),
        **problem_responses(*statuses),
    }


#: How every feed answers a client that revalidates (see `feeds.serving.serve_feed`).
FEED_CACHING = (
    "It answers with an ETag of its exact bytes and a Last-Modified; If-None-Match (or "
    "If-Modified-Since) gets a 304. `as_of` gives the feed as it stood then."
)
#: A feed's other answers: 304 for a copy that still holds, and its problems.
FEED_RESPONSES = {
    304: ResponseSpec(None, description="Not Modified: the feed is unchanged"),
    **problem_responses(400, 404),
}


#: POST /articles' body, with an example a reader can send as it is.
ArticleBody = Annotated[
    ArticleIn,
    Body(
        media_type=RequestEncodingType.JSON,
        examples=[
            Example(
                summary="A state visit, as a wire report gives it",
                value={
                    "text": "HANOI, March 3, 2025 - President Luong Cuong will pay a state "
                    "visit to Chile from March 10 to 12, 2025, at the invitation of "
                    "President Gabriel Boric.",
                    "url": "https://example.org/news/state-visit-chile",
                    "outlet": "Example News",
                    "language": "en",
                    "published_at": "2025-03-03",
                },
            )
        ],
    ),
]


def operation_id(handler: HTTPRouteHandler, method: Method, path: list[Any]) -> str:
    """camelCase of the handler's name (``list_trips`` -> ``listTrips``), or its override."""
    name: str = handler.handler_name
    if name in _OPERATION_IDS:
        return _OPERATION_IDS[name]
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class ContractSchemaPlugin(OpenAPISchemaPlugin):
    """``time`` as ``format: time``; a tuple of one type as a fixed-length array of it."""

    @staticmethod
    def is_plugin_supported_type(value: Any) -> bool:
        return value is time

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        if field_definition.annotation is time:
            return True
        args = field_definition.inner_types
        return (
            field_definition.origin is tuple
            and bool(args)
            and all(arg.annotation is not Ellipsis for arg in args)
            and len({arg.annotation for arg in args}) == 1
        )

    def to_openapi_schema(
        self, field_definition: FieldDefinition, schema_creator: SchemaCreator
    ) -> Schema:
        if field_definition.annotation is time:
            return Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.TIME)
        args = field_definition.inner_types
        item = schema_creator.for_field_definition(args[0])
        return Schema(type=OpenAPIType.ARRAY, items=item, min_items=len(args), max_items=len(args))
