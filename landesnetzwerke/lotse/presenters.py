"""
The sentences the Lotse's pages say about a result, an office's service area and its opening status, in the
visitor's language: the decisions between them live here, so that the templates are markup.

Each function returns the translated sentence. Where the message has markup of its own (<bdi> around a place),
the values are escaped and localised as {% blocktranslate %} does and the sentence is safe HTML; plain messages
are plain text, escaped by the template. The msgids are those the templates used, so the catalogues in locale/
apply unchanged. The template tags (templatetags/lotse_tags) offer each function as a filter:
`{{ result|results_heading }}`.
"""

import datetime

from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from iqportal.templatetags.bidi_tags import bdi, list_separator_for, ltr
from landesnetzwerke.lotse.maps import MapData
from landesnetzwerke.lotse.office import OpeningStatus
from landesnetzwerke.lotse.places import PlaceCandidate, Status
from landesnetzwerke.lotse.search import FixedHit, LotseResult, MobileHit
from landesnetzwerke.models import Beratungsstelle


def _html(message: str, **values: object) -> SafeString:
    """`message` with its values escaped and localised, as {% blocktranslate %} renders it; its own markup is kept."""
    escaped = {name: conditional_escape(str(formats.localize(value))) for name, value in values.items()}
    return mark_safe(message % escaped)


def _time(value: datetime.time | None) -> str:
    return formats.time_format(value, "TIME_FORMAT") if value is not None else ""


def _label(result: LotseResult) -> str:
    return result.location.label if result.location is not None else ""


# The result page --------------------------------------------------------------------------------------------


def results_heading(result: LotseResult) -> str:
    """The heading of a found place's results: where, and for whom (migrants or employers)."""
    location, place = result.location, _label(result)
    if location is not None and location.is_land:
        if result.for_employers:
            return _html(gettext("Contacts for employers in %(land)s"), land=place)
        return _html(gettext("Counselling in %(land)s"), land=place)
    if result.for_employers:
        return _html(gettext("Contacts for employers near <bdi>%(place)s</bdi>"), place=place)
    if location is not None and location.is_position:
        if place:
            return _html(gettext("Counselling near your position (<bdi>%(place)s</bdi>)"), place=place)
        return gettext("Counselling near your position")
    return _html(gettext("Counselling near <bdi>%(place)s</bdi>"), place=place)


def fixed_count(result: LotseResult) -> str:
    """How many fixed offices were found, and how far the search reached; "" when only mobile ones were asked for."""
    if not result.lists_fixed:
        return ""
    counter, km = result.fixed_total, result.radius_km
    if result.for_employers:
        if km:
            message = ngettext(
                "%(counter)s contact for employers within %(km)s km.",
                "%(counter)s contacts for employers within %(km)s km.",
                counter,
            )
        elif result.has_point:
            message = ngettext(
                "%(counter)s contact for employers, the nearest first.",
                "%(counter)s contacts for employers, the nearest first.",
                counter,
            )
        else:
            message = ngettext("%(counter)s contact for employers.", "%(counter)s contacts for employers.", counter)
    elif km:
        message = ngettext(
            "%(counter)s counselling office within %(km)s km.",
            "%(counter)s counselling offices within %(km)s km.",
            counter,
        )
    elif result.has_point:
        message = ngettext(
            "%(counter)s counselling office, the nearest first.",
            "%(counter)s counselling offices, the nearest first.",
            counter,
        )
    else:
        message = ngettext("%(counter)s counselling office.", "%(counter)s counselling offices.", counter)
    return _html(message, counter=counter, km=km)


def mobile_count(result: LotseResult) -> str:
    """How many mobile counselling services come to the place; "" when none was asked for (or for employers, none
    was found: no employer contact is mobile)."""
    if not result.lists_mobile or (result.for_employers and not result.mobile_total):
        return ""
    message = ngettext(
        "%(counter)s mobile counselling service comes to this area.",
        "%(counter)s mobile counselling services come to this area.",
        result.mobile_total,
    )
    return _html(message, counter=result.mobile_total)


def part_of_name_notice(result: LotseResult) -> str:
    """The name typed is unknown: which place its parts named instead ("" otherwise)."""
    if not result.by_part_of_name:
        return ""
    message = gettext("We could not find “<bdi>%(query)s</bdi>”, so we searched near <bdi>%(place)s</bdi>.")
    return _html(message, query=result.query, place=_label(result))


def outside_land_notice(result: LotseResult) -> str:
    """The place lies outside the Land the search is restricted to ("" otherwise)."""
    if not result.outside_land or result.location is None:
        return ""
    message = gettext("<bdi>%(place)s</bdi> lies in %(place_land)s, but you asked for counselling in %(land)s only.")
    return _html(message, place=_label(result), place_land=result.location.bundesland_name, land=result.land_name)


def radius_notice(result: LotseResult) -> str:
    """The radius was widened, or nothing was within the widest one ("" otherwise)."""
    if result.widened:
        message = gettext("There is no counselling office within %(asked)s km, so we searched within %(km)s km.")
        return _html(message, asked=result.requested_radius_km, km=result.radius_km)
    if result.nearest_anywhere:
        return gettext(
            "There is no counselling office matching your search within 200 km. These are the nearest ones; "
            "many also counsel by phone, video or e-mail."
        )
    return ""


def empty_message(result: LotseResult) -> str:
    if result.for_employers:
        return gettext("No contact for employers matches your search.")
    return gettext("No counselling office matches your search.")


def fixed_list_heading(result: LotseResult) -> str:
    if result.for_employers:
        if result.has_point:
            return gettext("Contacts for employers, the nearest first")
        return gettext("Contacts for employers")
    if result.has_point:
        return gettext("Counselling offices, the nearest first")
    return gettext("Counselling offices")


SUMMARY_SEPARATOR = " · "


def search_summary(result: LotseResult | None, filter_count: int = 0) -> str:
    """The search in one line, shown over its results while the form is folded away: "Near <bdi>44135
    Dortmund</bdi> · 50 km · 2 filters". "" when there is nothing to sum up (no search, or a place not found)."""
    if result is None or result.status == Status.NOT_FOUND:
        return ""
    location, place = result.location, _label(result)
    parts: list[str]
    if result.status == Status.AMBIGUOUS or location is None:
        parts = [_html(gettext("Search: <bdi>%(query)s</bdi>"), query=result.query)]
    elif location.is_land:
        parts = [_html(gettext("Federal state: %(land)s"), land=place)]
    elif location.is_position:
        parts = [gettext("Near your position")]
    else:
        parts = [_html(gettext("Near <bdi>%(place)s</bdi>"), place=place)]
    if location is None or location.has_point:
        parts.append(_html(gettext("%(km)s km"), km=ltr(result.requested_radius_km)))
    if filter_count:
        message = ngettext("%(counter)s filter", "%(counter)s filters", filter_count)
        parts.append(_html(message, counter=filter_count))
    return mark_safe(SUMMARY_SEPARATOR.join(conditional_escape(part) for part in parts))  # noqa: S308 - each part escaped


def candidate_label(candidate: PlaceCandidate) -> str:
    """A place the visitor may have meant, as its link reads: "60313 Frankfurt am Main" (the postcode, if any, and
    the name in one isolated run, so that the space between them survives any layout and right-to-left pages)."""
    return format_html("<bdi>{}</bdi>", candidate.query)


# The map ------------------------------------------------------------------------------------------------------


def map_description(map_data: MapData) -> str:
    """What the map shows, for screen readers (its <desc>)."""
    counter = len(map_data.markers)
    if map_data.place:
        message = ngettext(
            "The searched place %(place)s and %(counter)s counselling office of this page, numbered as in the list.",
            "The searched place %(place)s and the %(counter)s counselling offices of this page, "
            "numbered as in the list.",
            counter,
        )
        return _html(message, place=map_data.place_label, counter=counter)
    message = ngettext(
        "%(counter)s counselling office of this page, numbered as in the list.",
        "The %(counter)s counselling offices of this page, numbered as in the list.",
        counter,
    )
    return _html(message, counter=counter)


def map_legend(map_data: MapData) -> str:
    """What the map's shapes mean (the first sentence of its caption)."""
    if map_data.place:
        return gettext("Diamond: the searched place. Numbered circles: the counselling offices in the list.")
    return gettext("Numbered circles: the counselling offices in the list.")


# Offices -----------------------------------------------------------------------------------------------------


def office_whereabouts(office: Beratungsstelle) -> str:
    """Where the office is, in a few words (the office page's description): its address, or that it is mobile."""
    if office.is_mobile:
        return gettext("Mobile counselling")
    return f"{office.street}, {office.plz} {office.city}"


def service_area(hit: MobileHit) -> str:
    """Where a mobile counselling service in the results comes: the visitor's postcode area, its radius, or its Land."""
    office = hit.office
    if hit.by_plz:
        return gettext("Comes to your postcode area.")
    if office.service_radius_km:
        message = gettext("Comes to places within %(km)s km of %(city)s.")
        return _html(message, km=ltr(office.service_radius_km), city=bdi(office.city))
    return _html(gettext("Comes to places in %(land)s."), land=office.get_bundesland_display())


def distance_away(hit: FixedHit) -> str:
    """How far a fixed office in the results is: "3,2 km away", one decimal in the language's number format."""
    return _html(gettext("%(km)s km away"), km=ltr(floatformat(hit.distance_km, 1)))


def day_and_date(date: datetime.date) -> str:
    """A consultation day's weekday and date: "Monday, March 9, 2026"."""
    return f"{formats.date_format(date, 'l')}{list_separator_for()}{formats.date_format(date, 'DATE_FORMAT')}"


def time_span(starts: datetime.time, ends: datetime.time) -> str:
    """From when to when: "09:30–12:30" (in the language's time format)."""
    return f"{_time(starts)}–{_time(ends)}"


def opening_headline(opening: OpeningStatus) -> str:
    """Open or closed now; on a public holiday, closed today and which holiday (its name marked with its own
    language where that is not the visitor's: the package has no Arabic, Persian or Turkish names)."""
    if opening.holiday is not None:
        name: str = opening.holiday.name
        if opening.holiday.language != get_language():
            name = format_html('<bdi lang="{}" dir="ltr">{}</bdi>', opening.holiday.language, name)
        return _html(gettext("Closed today (public holiday: %(name)s)"), name=name)
    return gettext("Open now") if opening.is_open else gettext("Closed now")


def opening_detail(opening: OpeningStatus) -> str:
    """Until when the office is open, or when it opens next ("" when it opens on no day)."""
    if opening.is_open:
        return _html(gettext("until %(time)s"), time=_time(opening.closes))
    if opening.next_opens is None:
        return ""
    if opening.next_is_today:
        return _html(gettext("opens today at %(time)s"), time=_time(opening.next_opens))
    if opening.next_is_later and opening.next_date is not None:  # public holidays fell on its opening days
        message = gettext("opens on %(day)s, %(date)s, at %(time)s")
        date = formats.date_format(opening.next_date, "DATE_FORMAT")
        return _html(message, day=opening.next_day_name, date=date, time=_time(opening.next_opens))
    if opening.next_is_next_week and opening.next_date is not None:
        message = gettext("opens next %(day)s (%(date)s) at %(time)s")
        date = formats.date_format(opening.next_date, "DATE_FORMAT")
        return _html(message, day=opening.next_day_name, date=date, time=_time(opening.next_opens))
    return _html(gettext("opens %(day)s at %(time)s"), day=opening.next_day_name, time=_time(opening.next_opens))
