"""Importers: sources that hold many articles (exports, URL lists, feeds, web archives) as a stream of units."""
