"""Run by the system Python (it has gi; the venv does not): libical's restriction check
on each .ics file named. Prints one line per file: the check's verdict and every
X-LIC-ERROR libical attached; exit 1 if any file fails."""

import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors(component: ICalGLib.Component) -> list[str]:
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.get_xlicerror())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    kind = ICalGLib.ComponentKind.ANY_COMPONENT
    child = component.get_first_component(kind)
    while child is not None:
        found.extend(errors(child))
        child = component.get_next_component(kind)
    return found


failed = False
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as handle:
        component = ICalGLib.Component.new_from_string(handle.read())
    ok = bool(ICalGLib.restriction_check(component))
    found = errors(component)
    failed = failed or not ok or bool(found)
    print(f"{name}: restriction_check={'pass' if ok else 'FAIL'} errors={found}")
sys.exit(1 if failed else 0)
