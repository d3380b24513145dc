"""A situation report as one self-contained HTML file: inline CSS, no scripts, no external assets.

Rendered by Jinja2 with autoescaping on, so every article-derived string is escaped; links are
only made from http(s) URLs (see `ArticleRef.link`).
"""

from __future__ import annotations

from functools import lru_cache

import jinja2

from sitrep.report import situation_format as fmt
from sitrep.report.situation_model import SituationReport, methods_notes


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sitrep.report", "templates"),
        autoescape=True,  # every variable, whatever the template file is called
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["fmt"] = fmt
    return env


def render_html(report: SituationReport) -> str:
    template = _environment().get_template("situation.html.j2")
    peak = max((b.events for b in report.timeline), default=0)
    return template.render(report=report, methods=methods_notes(report), peak=peak)
