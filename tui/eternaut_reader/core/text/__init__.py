"""Articles and their text: loading, decoding, sentences, search, wrapping, reading state."""
