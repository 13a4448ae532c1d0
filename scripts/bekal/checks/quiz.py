"""Quiz rules the schema alone cannot say."""

from __future__ import annotations

from bekal.model.issues import IssueList
from bekal.model.project import Project


def check(project: Project, issues: IssueList) -> None:
    for entry in project.modules.values():
        if entry.quiz is None:
            continue
        loaded = entry.quiz
        seen_questions: set[str] = set()
        for qi, q in enumerate(loaded.model.questions):
            at = ("questions", qi)
            if q.id in seen_questions:
                issues.add(loaded.path, loaded.line(*at, "id"), "quiz-duplicate-id",
                           f"question id '{q.id}' is used twice", "give every question its own id")
            seen_questions.add(q.id)
            option_ids: set[str] = set()
            for oi, option in enumerate(q.options):
                if option.id in option_ids:
                    issues.add(loaded.path, loaded.line(*at, "options", oi, "id"),
                               "quiz-duplicate-id",
                               f"option id '{option.id}' is used twice in question '{q.id}'",
                               "give every option of a question its own id")
                option_ids.add(option.id)
            correct = sum(o.correct for o in q.options)
            line = loaded.line(*at)
            if q.type == "single" and correct != 1:
                issues.add(loaded.path, line, "quiz-single-correct",
                           f"single-choice question '{q.id}' has {correct} correct options",
                           "mark exactly one option with correct: true")
            elif q.type == "multiple" and correct == 0:
                issues.add(loaded.path, line, "quiz-no-correct",
                           f"multiple-choice question '{q.id}' has no correct option",
                           "mark at least one option with correct: true")
            if q.type in ("single", "multiple", "checklist") and len(q.options) < 2:
                issues.add(loaded.path, line, "quiz-options",
                           f"question '{q.id}' needs at least two options", "add options")
            if q.type == "truefalse":
                if q.answer is None or q.explain is None or q.options:
                    issues.add(loaded.path, line, "quiz-truefalse",
                               f"true/false question '{q.id}' needs 'answer' and 'explain' "
                               "and no options",
                               "write answer: true or false, and one explain text per language")
            elif q.answer is not None:
                issues.add(loaded.path, loaded.line(*at, "answer"), "quiz-answer-field",
                           f"'answer' only belongs to true/false questions ('{q.id}' is {q.type})",
                           "mark options with correct: true instead")
            if q.type == "checklist":
                _checklist(loaded, at, q, issues)
            elif q.verdicts:
                issues.add(loaded.path, loaded.line(*at, "verdicts"), "quiz-verdicts",
                           f"'verdicts' only belong to checklist questions ('{q.id}' is {q.type})",
                           "remove them, or make the question type: checklist")


def _checklist(loaded, at, q, issues: IssueList) -> None:
    line = loaded.line(*at)
    for oi, option in enumerate(q.options):
        if option.red_flag is None:
            issues.add(loaded.path, loaded.line(*at, "options", oi), "quiz-checklist",
                       f"checklist option '{option.id}' does not say whether it is a red flag",
                       "add red_flag: true (a sign of fraud) or red_flag: false")
    thresholds = [v.min_flags for v in q.verdicts]
    if 0 not in thresholds:
        issues.add(loaded.path, line, "quiz-checklist",
                   f"checklist '{q.id}' has no verdict for zero red flags",
                   "add a verdict with min_flags: 0")
    if len(set(thresholds)) != len(thresholds):
        issues.add(loaded.path, loaded.line(*at, "verdicts"), "quiz-checklist",
                   f"checklist '{q.id}' has two verdicts with the same min_flags",
                   "give every verdict its own min_flags")
    flags = sum(bool(o.red_flag) for o in q.options)
    if thresholds and max(thresholds) > flags:
        issues.add(loaded.path, loaded.line(*at, "verdicts"), "quiz-checklist",
                   f"checklist '{q.id}' has a verdict for {max(thresholds)} red flags "
                   f"but only {flags} red-flag options", "lower min_flags or add red flags")
