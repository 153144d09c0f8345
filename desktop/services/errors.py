"""Domain errors: the clerk can act on them, and their message is Chinese."""


class DomainError(Exception):
    """An error the clerk can fix; ``str(error)`` is the Chinese message to show."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field  # the input the message is about, so a form can mark it


class PermissionDenied(DomainError):
    pass


class NotFound(DomainError):
    pass


class ValidationError(DomainError):
    pass


class ConflictError(DomainError):
    """Someone else changed the record first, or a unique value is taken."""


class ConcurrentChange(ConflictError):
    """The database refused a write because someone else was writing the same thing.

    Nothing was saved; trying again usually works. ``__cause__`` holds the driver's error.
    """
