"""DisasterShare: share disaster-response resources between partner municipalities."""

__version__ = "0.1.0"
