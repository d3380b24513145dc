"""serve stage: the HTTP API and the map-and-timeline dashboard over a store.

`api.create_app` assembles the FastAPI app; routers are split by job (`routes_events`,
`routes_articles`, `routes_aggregates`, `routes_ingest`, `routes_site`), with the query
parameters in `params`, token checks in `auth`, settings in `settings`, the offline basemap in
`basemap` and the dashboard's static files (no build step) in `static/`.
"""
