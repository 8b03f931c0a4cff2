"""One router per resource; each calls rasid.query (or the store's write methods) and renders."""
