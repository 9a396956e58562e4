"""The first-100-days checklist remembers its ticks in the browser, served and from disk; "Clear" unticks
them; nothing is sent anywhere (the guard fails on any request to another host or console error)."""

from __future__ import annotations

from browser_support import visit

PAGE = "toolkit/first-100-days.html"
TICK = "input.checklist-tick"


def test_ticks_survive_a_reload_and_clear_unticks_them(open_context, site):
    context, guard = open_context()
    page = context.new_page()
    visit(page, site.url(PAGE))
    ticks = page.locator(TICK)
    count = ticks.count()
    assert count >= 10, "every task has a tick box"
    assert page.locator(".checklist-box").count() == 0, "every printed box became a check box"
    ticks.nth(0).check()
    ticks.nth(3).check()
    visit(page, site.url(PAGE))
    assert [page.locator(TICK).nth(i).is_checked() for i in range(count)] == [i in (0, 3) for i in range(count)]
    assert page.locator(TICK).nth(0).get_attribute("aria-label"), "each check box is named by its task"
    page.locator(".checklist-controls [data-action=clear]").click()
    visit(page, site.url(PAGE))
    assert not any(page.locator(TICK).nth(i).is_checked() for i in range(count))
    guard.assert_clean(f"{site.mode} checklist")


def test_print_my_progress_prints_the_ticked_page(open_context, site):
    context, guard = open_context()
    page = context.new_page()
    visit(page, site.url(PAGE))
    page.evaluate("window.print = () => { window.printed = true }")
    page.locator(".checklist-controls [data-action=print]").click()
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    assert not page.locator(".checklist-controls").is_visible()
    guard.assert_clean(f"{site.mode} checklist print")
