"""Errors a user can cause. Each carries a one-line reason fit for a status bar or stderr."""


class DomainError(ValueError):
    """Input the user gave was refused; nothing was changed."""


class ValidationError(DomainError):
    """A record breaks a rule (negative quantity, reserved > on hand, unknown resource...)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
