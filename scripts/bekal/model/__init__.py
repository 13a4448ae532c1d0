"""The content model: loading a project (tracks, modules, quizzes, facts, glossary, UI
strings), its schemas, the page reference, trust levels and issue records. No rendering."""
