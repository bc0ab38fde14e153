# IQ Portal production image: gunicorn serving Django (static files via whitenoise).
# Build:  docker build -t iqportal .
# Run:    docker run -p 8000:8000 --env-file .env iqportal   (see docs/deployment.md)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media

# No compilers or system libraries needed: psycopg2-binary and the rest ship wheels; the compiled message
# catalogues (.mo) are committed.
WORKDIR /app

# Requirements first: this layer is rebuilt only when requirements.txt changes.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# Static files with hashed, compressed names, collected at build time. The dummy key exists only for this
# step (settings refuse to start without one); the real SECRET_KEY comes from the environment at run time.
RUN DEBUG=0 SECRET_KEY=build-only-dummy-key-not-used-at-runtime ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# An unprivileged user; only the media folder (uploads on local disk) is writable.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin iqportal \
    && mkdir -p /app/media \
    && chown -R iqportal:iqportal /app/media
USER iqportal

EXPOSE 8000

# /healthz answers 200 when the database answers. Python's urllib, not curl (not in the slim image).
# X-Forwarded-Proto keeps SECURE_SSL_REDIRECT from redirecting the probe; the Host must be in ALLOWED_HOSTS
# (HEALTHCHECK_HOST, default the first entry of ALLOWED_HOSTS).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os,urllib.request as u;h=(os.environ.get('HEALTHCHECK_HOST') or os.environ.get('ALLOWED_HOSTS','localhost').split(',')[0]).strip().lstrip('.');r=u.Request('http://127.0.0.1:'+os.environ.get('PORT','8000')+'/healthz',headers={'Host':h,'X-Forwarded-Proto':'https'});u.urlopen(r,timeout=4)"]

CMD ["gunicorn", "iqportal.wsgi", "-c", "gunicorn.conf.py"]
