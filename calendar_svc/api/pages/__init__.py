"""Server-rendered pages for people: the timeline, a trip, an article, a person, and the
auditor's view, in English and Vietnamese (see `controller`)."""
