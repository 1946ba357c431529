"""Projects: create one, list them."""

from __future__ import annotations

from pdsa.errors import NoSlug, PdsaError
from pdsa.model.project import Project
from pdsa.model.slug import slugify
from pdsa.store.files import create_folder_exclusive
from pdsa.store.log import CYCLES_DIR, MEASURES_DIR, PROJECT_FILE, Log
from pdsa.store.writer import record_text, require_slug
from pdsa.tools.kinds import Kind, schema_directive
from pdsa.workflow.privacy import guard_name, guard_title


def new_project(log: Log, project: Project, *, slug: str | None = None) -> str:
    """Create ``projects/<slug>/project.toml`` and its folders; return the slug."""
    if slug is None:
        guard_title(project.title, allow=log.programme.privacy.allow)
    given = require_slug(slug)
    slug = given or slugify(project.title, fallback="")
    if not slug:
        raise NoSlug(
            f"the title '{project.title}' gives no file name (it has no letters or digits in "
            "any script); nothing was written",
            hint="give the project's folder a name with --slug",
        )
    guard_name(slug, allow=log.programme.privacy.allow, option="--slug" if given else None)
    themes = [theme.id for theme in log.programme.themes]
    if project.theme is not None and project.theme not in themes:
        raise PdsaError(
            f"--theme '{project.theme}': the programme has no such theme",
            hint=f"its themes are: {', '.join(themes)}"
            if themes
            else "add it to pdsa.toml first: [[themes]] with an id and a title",
        )
    taken = {name.lower() for name in log.project_slugs()}
    if slug in taken:
        raise PdsaError(
            f"a project called '{slug}' already exists",
            hint="choose another title, or give a name with --slug",
        )
    folder = log.project_dir(slug)
    directive = schema_directive(log.root, folder, Kind.PROJECT)
    try:
        # All at once: a command killed half way leaves no folder without project.toml.
        create_folder_exclusive(
            folder,
            {PROJECT_FILE: record_text(project, schema_comment=directive)},
            folders=(CYCLES_DIR, MEASURES_DIR),
        )
    except FileExistsError:
        raise PdsaError(f"a project called '{slug}' already exists") from None
    return slug


def project_rows(log: Log) -> tuple[list[dict[str, object]], list[PdsaError]]:
    """``pdsa project list``: each project at a glance; and the files that failed."""
    rows: list[dict[str, object]] = []
    errors: list[PdsaError] = []
    for slug in log.project_slugs():
        try:
            project = log.project(slug)
        except PdsaError as error:
            errors.append(error)
            continue
        rows.append(
            {
                "slug": slug,
                "title": project.title,
                "theme": project.theme,
                "lead_organisation": project.lead_organisation,
                "status": project.status,
                "progress_score": project.progress_score,
                "cycles": len(log.cycle_slugs(slug)),
                "measures": len(log.measure_slugs(slug)),
            }
        )
    return rows, errors
