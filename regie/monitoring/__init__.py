"""Running Regie in production: the trace id of each request in the logs, health endpoints for
the orchestrator and metrics for Prometheus (docs/productie.md)."""
