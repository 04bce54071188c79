"""The annotation store on TinyDB: store, writer, database file, atomic writes, merge, undo."""
