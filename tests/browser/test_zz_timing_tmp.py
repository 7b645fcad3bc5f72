import time
import pytest
from axe_playwright_python.sync_playwright import Axe
from tests.browser.conftest import DESKTOP, PHONE, WCAG_21_AA
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

def test_timing(visit, demo_site):
    for key in ["index", "minato", "index", "minato"]:
        for vp in (PHONE, DESKTOP):
            t = time.time(); v = visit(demo_site.path(key, "ja"), viewport=vp); t1 = time.time()
            v.page.screenshot(path="/tmp/x.png", full_page=True); t2 = time.time()
            Axe().run(v.page, options=WCAG_21_AA); t3 = time.time()
            print(key, vp["width"], f"goto {t1-t:.2f} shot {t2-t1:.2f} axe {t3-t2:.2f}")
