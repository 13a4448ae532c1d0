"""What happens to a built site before it goes live: the atomic build, CSS purge, lighter
HTML, the search index, the offline bundle and the preview's rebuild scope."""
