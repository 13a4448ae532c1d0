"""The names of the session kit's files; their folders come from routes.py."""

from __future__ import annotations

from bekal.model.project import Project

FILES = {
    "pre": "tes-awal.pdf",
    "post": "tes-akhir.pdf",
    "key": "kunci-tes.pdf",
    "certificate": "sertifikat.pdf",
    "attendance": "daftar-hadir.pdf",
    "feedback": "umpan-balik.pdf",
    "feedback_tally": "rekap-umpan-balik.pdf",
}


def unit_folder(project: Project, kind: str, unit_id: str, lang: str) -> str:
    """A module's kit sits beside its trainer guide; a track's in the track's folder."""
    return project.routes.session_folder(lang, kind, unit_id)


def common_folder(project: Project, lang: str) -> str:
    """Sheets that serve every session, beside the trainers' hub."""
    return project.routes.trainers_folder(lang)


def tally_file(questions: int) -> str:
    return f"rekap-tes-{questions}.pdf"


def tally_page(project: Project, lang: str) -> str:
    return project.routes.session_count(lang)
