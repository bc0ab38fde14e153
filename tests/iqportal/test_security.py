"""Security settings and behaviour: deploy checks, headers, CSP, login throttling, two-factor login, uploads."""

import base64
import io
import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from filer.validation import FileValidationError, validate_upload

from tests.iqportal.servers import manage, production_env, run_python

# Every test here may touch the database (the shared autouse fixture clears the CMS menu cache).
pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "a-long-Passw0rd-for-tests"


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def public_page_urls():
    """Every published CMS page in every language, plus the Lotse and the Fachstellen/Landesnetzwerke lists."""
    from cms.models import PageContent

    urls = set()
    for content in PageContent.objects.select_related("page"):
        url = content.page.get_absolute_url(content.language)
        if url:
            urls.add(url)
    return sorted(urls)


# --- deploy checks and production headers ------------------------------------------------------------


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_responses_carry_hsts_and_secure_cookies(site_database_url, static_root):
    code = """
import django, json; django.setup()
from django.test import Client
c = Client()
plain = c.get('/healthz', HTTP_HOST='iq.example.org')
redirect = c.get('/de/', HTTP_HOST='iq.example.org')
login = c.get('/de/admin/login/', HTTP_HOST='iq.example.org', secure=True)
print(json.dumps({
    'redirect_status': redirect.status_code, 'redirect_location': redirect.get('Location'),
    'hsts': login.get('Strict-Transport-Security'), 'healthz_status': plain.status_code,
    'csrf_cookie': login.cookies['csrftoken'].output(),
    'proxy_header': __import__('django.conf').conf.settings.SECURE_PROXY_SSL_HEADER,
}))
"""
    result = run_python(code, env=production_env(DATABASE_URL=site_database_url, STATIC_ROOT=static_root))
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["healthz_status"] == 200  # the load balancer's probe is not redirected
    assert outcome["redirect_status"] == 301
    assert outcome["redirect_location"] == "https://iq.example.org/de/"
    assert outcome["hsts"] == "max-age=31536000; includeSubDomains; preload"
    cookie = outcome["csrf_cookie"].lower()
    assert "secure" in cookie and "samesite=lax" in cookie
    assert outcome["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_session_cookie_settings(settings):
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_ENGINE in {
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    }


# --- Content-Security-Policy, framing, Permissions-Policy ---------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/", "/en/", "/de/lotse/?q=10115"])
def test_visitors_get_a_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Permissions-Policy"]
    assert "geolocation=(self)" in policy
    assert "camera=()" in policy and "microphone=()" in policy


class _InlineCodeFinder(HTMLParser):
    """Collects inline scripts, <style> elements and style/on* attributes, which a strict CSP blocks."""

    def __init__(self):
        super().__init__()
        self.problems = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and attributes.get("type") not in {"application/ld+json"}:
            self._in_inline_script = True
        if tag == "style":
            self.problems.append("<style> element")
        for name, _value in attrs:
            if name == "style" or name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.problems.append(f"inline <script>: {data.strip()[:60]}")


@pytest.mark.django_db
def test_public_pages_need_no_inline_code(client):
    """The strict policy only works if public pages have no inline scripts, styles or event handlers."""
    urls = public_page_urls() + ["/de/lotse/", "/de/lotse/?q=10115", "/en/lotse/?q=Berlin"]
    assert len(urls) > 10
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        finder = _InlineCodeFinder()
        finder.feed(response.content.decode())
        if finder.problems:
            problems[url] = sorted(set(finder.problems))
    assert not problems


@pytest.mark.django_db
def test_editors_get_the_relaxed_policy_for_the_cms_toolbar(client):
    editor = User.objects.create_user("csp-editor", password=PASSWORD, is_staff=True)
    client.force_login(editor)
    response = client.get("/de/")
    assert response.status_code == 200
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_admin_pages_get_the_relaxed_policy_and_visitors_elsewhere_do_not(client):
    editor = User.objects.create_user("csp-admin", password=PASSWORD, is_staff=True)
    client.force_login(editor)
    assert "'unsafe-inline'" in csp_directives(client.get("/de/admin/"))["script-src"]
    # A logged-in user without staff rights is a visitor for CSP purposes.
    client.force_login(User.objects.create_user("not-staff", password=PASSWORD))
    assert "'unsafe-inline'" not in client.get("/de/")["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/admin/login/", "/en/admin/login/?next=/en/admin/"])
def test_the_sign_in_page_gets_the_strict_policy_and_needs_no_inline_code(client, path):
    """Anyone can reach the login page: it is protected like a public page."""
    response = client.get(path)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    finder = _InlineCodeFinder()
    finder.feed(response.content.decode())
    assert not finder.problems


@pytest.mark.django_db
def test_the_two_factor_pages_get_the_strict_policy_and_need_no_inline_code(client, settings):
    settings.OTP_REQUIRED_FOR_STAFF = True
    editor = User.objects.create_user("csp-otp", password=PASSWORD, is_staff=True)
    client.force_login(editor)
    response = client.get("/de/admin/", follow=True)
    assert "/admin/2fa/" in response.redirect_chain[-1][0]
    assert csp_directives(response)["script-src"] == ["'self'"]
    finder = _InlineCodeFinder()
    finder.feed(response.content.decode())
    assert not finder.problems


# --- login throttling (django-axes) -----------------------------------------------------------------------


def _login(client, language, username, password):
    return client.post(
        f"/{language}/admin/login/",
        {"username": username, "password": password, "next": f"/{language}/admin/"},
        REMOTE_ADDR="203.0.113.7",
    )


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
@pytest.mark.parametrize(
    ("language", "message"),
    [("de", "Anmeldung vorübergehend gesperrt"), ("en", "Login temporarily locked")],
)
def test_repeated_failed_logins_lock_the_login_with_a_clear_message(client, language, message):
    User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    for _attempt in range(2):
        response = _login(client, language, "editor", "wrong-password")
        assert response.status_code == 200  # the login form again, with its error
    locked = _login(client, language, "editor", "wrong-password")
    assert locked.status_code == 429
    body = locked.content.decode()
    assert message in body
    assert f'<html lang="{language}"' in body
    # While locked, even the right password is refused.
    assert _login(client, language, "editor", PASSWORD).status_code == 429


@pytest.mark.django_db
def test_a_successful_login_is_not_throttled(client):
    User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    response = _login(client, "de", "editor", PASSWORD)
    assert response.status_code == 302
    assert client.get("/de/admin/").status_code == 200


@pytest.mark.django_db
def test_the_test_clients_login_still_works_with_axes(client):
    User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    assert client.login(username="editor", password=PASSWORD)
    assert not client.login(username="editor", password="wrong")


def test_client_address_behind_proxies(rf, settings):
    from iqportal.auth_backends import client_ip_address

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.4")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip_address(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip_address(request) == "198.51.100.4"  # the entry the trusted proxy added, not a forged one
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip_address(request) == "10.0.0.2"


# --- two-factor login for staff (django-otp) --------------------------------------------------------------


def _token(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.django_db
@override_settings(OTP_REQUIRED_FOR_STAFF=True)
def test_staff_without_a_device_set_one_up_before_editing(client):
    editor = User.objects.create_user("otp-editor", password=PASSWORD, is_staff=True)
    client.force_login(editor)
    response = client.get("/de/admin/")
    assert response.status_code == 302
    assert "/admin/2fa/setup/" in response["Location"]
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    page = setup.content.decode()
    assert "<svg" in page  # the QR code, inline
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert secret[:4] in page  # the key for typing in by hand
    wrong = client.post("/de/admin/2fa/setup/", {"token": "000000", "next": "/de/admin/"})
    assert wrong.status_code == 200 and "errornote" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second (django-otp's throttling)
    confirmed = client.post("/de/admin/2fa/setup/", {"token": _token(device), "next": "/de/admin/"})
    assert confirmed.status_code == 302 and confirmed["Location"] == "/de/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/de/admin/").status_code == 200


@pytest.mark.django_db
@override_settings(OTP_REQUIRED_FOR_STAFF=True)
def test_staff_with_a_device_must_enter_a_code(client):
    editor = User.objects.create_user("otp-editor", password=PASSWORD, is_staff=True)
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    for path in ["/de/admin/", "/de/", "/en/admin/cms/pagecontent/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"/{path.split('/')[1]}/admin/2fa/verify/?next=")
    verify_url = "/de/admin/2fa/verify/"
    page = client.get(verify_url)
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.content.decode()
    wrong = client.post(verify_url, {"token": "123456", "next": "/de/admin/"})
    assert wrong.status_code == 200
    assert client.get("/de/admin/").status_code == 302
    throttled = client.post(verify_url, {"token": _token(device), "next": "/de/admin/"})
    assert throttled.status_code == 200  # right code, but too soon after a wrong one
    device.refresh_from_db()
    device.throttle_reset()  # as if the editor waited
    right = client.post(verify_url, {"token": _token(device), "next": "https://evil.example/"})
    assert right.status_code == 302 and right["Location"] == "/de/admin/"  # no open redirect
    assert client.get("/de/admin/").status_code == 200


@override_settings(OTP_REQUIRED_FOR_STAFF=True, OTP_SELF_ENROLLMENT=False)
def test_without_self_enrollment_an_administrator_sets_up_the_device(client):
    editor = User.objects.create_user("otp-editor", password=PASSWORD, is_staff=True)
    client.force_login(editor)
    page = client.get("/en/admin/2fa/setup/")
    assert page.status_code == 200
    assert "ask an administrator" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get("/en/admin/").status_code == 302


@pytest.mark.django_db
@override_settings(OTP_REQUIRED_FOR_STAFF=True)
def test_two_factor_leaves_visitors_and_non_staff_alone(client):
    assert client.get("/de/").status_code == 200
    client.force_login(User.objects.create_user("member", password=PASSWORD))
    assert client.get("/de/").status_code == 200


@pytest.mark.django_db
@override_settings(OTP_REQUIRED_FOR_STAFF=False)
def test_two_factor_can_be_switched_off(client):
    client.force_login(User.objects.create_user("otp-editor", password=PASSWORD, is_staff=True))
    assert client.get("/de/admin/").status_code == 200


def test_two_factor_is_on_by_default_in_production(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.OTP_REQUIRED_FOR_STAFF)"
    result = run_python(code, env=production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


# --- uploads (django-filer) ------------------------------------------------------------------------------

SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("name", "mime", "content"),
    [
        ("logo.svg", "image/svg+xml", SVG_WITH_SCRIPT),
        ("clean.svg", "image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("page.html", "text/html", b"<script>alert(1)</script>"),
        ("tool.exe", "application/octet-stream", b"MZ"),
        ("data.xml", "application/xml", b"<a/>"),
        ("movie.mp4", "video/mp4", b"\x00"),
    ],
)
def test_uploads_outside_the_allow_list_are_refused(name, mime, content):
    with pytest.raises(FileValidationError):
        validate_upload(name, io.BytesIO(content), None, mime)


def test_uploads_over_the_size_limit_are_refused(settings):
    from programme.publications.sample_files import sample_pdf

    small = sample_pdf(title="Klein", kind="Fact Sheet", year=2021, pages=1)  # a real PDF: the content is checked too
    settings.FILER_MAX_UPLOAD_SIZE = len(small) + 100
    with pytest.raises(FileValidationError, match="report.pdf"):
        validate_upload("report.pdf", io.BytesIO(small + b"0" * 200), None, "application/pdf")
    validate_upload("small.pdf", io.BytesIO(small), None, "application/pdf")


def test_image_metadata_is_stripped_on_upload():
    from PIL import Image

    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Camera maker that reveals something"
    Image.new("RGB", (8, 8), "white").save(buffer, format="JPEG", exif=exif)
    buffer.seek(0)
    validate_upload("photo.jpg", buffer, None, "image/jpeg")
    buffer.seek(0)
    assert not Image.open(buffer).getexif()


@pytest.mark.django_db
def test_the_media_library_refuses_an_svg_upload(client):
    admin = User.objects.create_superuser("uploader", "uploader@example.org", PASSWORD)
    client.force_login(admin)
    url = reverse("admin:filer-ajax_upload")
    refused = client.post(url, {"file": SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")})
    assert refused.status_code == 400
    assert "logo.svg" in refused.json()["error"]
    accepted = client.post(url, {"file": SimpleUploadedFile("notes.txt", b"Hello", "text/plain")})
    assert accepted.status_code == 200, accepted.content


def test_request_body_limits(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.FILER_MAX_UPLOAD_SIZE <= 50 * 1024 * 1024
    assert "image/svg+xml" not in settings.FILER_MIME_TYPE_WHITELIST


# --- friendly refusal pages ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"), [("de", "Das Formular konnte nicht gesendet werden"), ("en", "The form could not be sent")]
)
def test_a_form_without_a_valid_security_token_gets_the_sites_own_page(language, heading):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert f"<h1>{heading}</h1>" in page
    assert "CSRF" not in page  # no developer jargon for visitors
