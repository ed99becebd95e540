"""What a contact import did, or would do, in lines of text: the command line prints them, the app
shows them before anything is written. Every piece of the file's text is escaped for the terminal."""

from kamplan.document.text import printable
from kamplan.store.contacts import ALREADY_THERE, ContactReport


def contact_report_lines(report: ContactReport, file_name: str) -> list[str]:
    """The report of a contact import, every piece of the file's text escaped for the terminal."""

    def shown(text: str) -> str:
        return printable(text, multiline=False)

    def person(line: int, name: str, *details: str) -> str:
        extra = "".join(f" · {shown(d)}" for d in details if d)
        return f"  line {line}: {shown(name)}{extra}"

    people = "person" if report.people == 1 else "people"
    lines = [f"{shown(file_name)}: {report.kind}, {report.people} {people}"]
    added = "added" if report.written else "would add"
    lines.append(f"{added} {len(report.added)} to {shown(report.account)}{':' if report.added else ''}")
    for new in report.added:
        boss = f"reports to {new.reports_to}" if new.reports_to else ""
        lines.append(person(new.contact.line, new.contact.name, new.contact.title, boss))
    if report.skipped:
        lines.append(f"skipped {len(report.skipped)}, already there:")
        for skip in report.skipped:
            why = "" if skip.reason == ALREADY_THERE else skip.reason
            lines.append(person(skip.contact.line, skip.contact.name, why))
    if not report.companies_checked:
        lines.append(f"the file names no company: everyone in it is taken as at {shown(report.account)}")
    elif report.passed_over:
        nameless = sum(1 for c in report.passed_over if not c.company)
        parts = [
            f"{count} {what}"
            for count, what in (
                (len(report.passed_over) - nameless, "at other companies"),
                (nameless, "with no company"),
            )
            if count
        ]
        shown_parts = parts[0] if len(parts) == 1 else f"{len(report.passed_over)}: {', '.join(parts)}"
        lines.append(f"passed over {shown_parts}")
    if report.rejected:
        lines.append(f"rejected {len(report.rejected)}:")
        for reject in report.rejected:
            name = f"{shown(reject.name)}: " if reject.name else ""
            lines.append(f"  line {reject.line}: {name}{shown(reject.reason)}")
    if not report.written:
        lines.append("nothing was written (--dry-run)")
    return lines
