"""Back-office billing: domain, services, persistence and CLI. Never imports Qt."""

__version__ = "0.1.0"
