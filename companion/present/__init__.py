"""The one presentation layer: how talks, people, the event and stars are worded.

The CLI, the exporters and the screens all say a fact the way these modules word
it. They return plain strings and small records (labelled facts, rows), never
markup: each view styles the parts its own way (the UI builds Textual content from
them, Markdown escapes them, the CLI prints them).
"""
