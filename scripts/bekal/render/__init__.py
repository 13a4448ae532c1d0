"""Everything a reader sees, rendered from the model: facts, pages, glossary links, quizzes,
the trainer kit, handouts, the phone features, help near home, wallet cards and the creator kit."""
