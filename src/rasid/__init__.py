"""Rasid (راصد): Arabic-first news intelligence for violent extremism and armed conflict."""
from rasid.api import extract, extract_files, load_resources, read_inputs
from rasid.errors import InputError, RasidError, ResourceError, StageError
from rasid.model import CleanDoc, DateValue, Entity, Event, Extraction, Mention, RawDoc, Reject

__version__ = "0.1.0"
__all__ = [
    "CleanDoc", "DateValue", "Entity", "Event", "Extraction", "InputError", "Mention", "RasidError", "RawDoc",
    "Reject", "ResourceError", "StageError", "__version__", "extract", "extract_files", "load_resources",
    "read_inputs",
]
